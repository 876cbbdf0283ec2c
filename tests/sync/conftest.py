"""Fixtures for desk-side sync: a real head office on 127.0.0.1 and real desks in temp dirs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.sync.client import enroll
from tests.conftest import Team, make_desk
from tests.headoffice.helpers import HQ, FakeClock

MakeDesk = Callable[..., Desk]


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


@pytest.fixture
def site_desks(hq: HQ, make_eur_desk: MakeDesk, clock: ManualClock
               ) -> tuple[Any, Desk, Desk, Team]:
    """A EUR site at head office with two enrolled desks (front, brasserie) that have synced
    once; head office's clock a minute after theirs. Returns (site, front, brasserie, team)."""
    from tests.sync.test_roster_sync import synced

    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    front = make_eur_desk("front")
    team = Team(front)
    brasserie = make_eur_desk("brasserie")
    enroll(front, hq.server.url, hq.code(site), "Front desk")
    enroll(brasserie, hq.server.url, hq.code(site), "Brasserie")
    synced(front, brasserie)
    hq.clock.now = clock.now() + timedelta(minutes=1)  # head office acts after the desks
    clock.advance(minutes=2)
    return site, front, brasserie, team
