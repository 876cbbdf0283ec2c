"""Fixtures for desk-side sync: a real head office on 127.0.0.1 and real desks in temp dirs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from tests.conftest import make_desk
from tests.headoffice.helpers import HQ, FakeClock


@pytest.fixture
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQ]:
    url = f"sqlite:///{tmp_path_factory.mktemp('hq') / 'headoffice.sqlite3'}"
    server = HQ(url, FakeClock())
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def make_eur_desk(tmp_path: Path, clock: ManualClock) -> Iterator[Callable[[str], Desk]]:
    """Desks of a EUR site (as head office's test site), each in its own data dir."""
    opened: list[Desk] = []

    def make(name: str = "desk1", currency: str = "EUR") -> Desk:
        desk = make_desk(tmp_path / name, clock, currency=currency, timezone="Europe/Paris")
        opened.append(desk)
        return desk

    yield make
    for desk in opened:
        desk.close()
