"""Shared fixtures: offscreen Qt, an in-memory keychain, temp data dirs, a movable clock."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import keyring
import pytest

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.views import OnShift, StaffMember
from tests.memory_keyring import MemoryKeyring

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data dir or keychain."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AMENDS_HOME", str(home / "amends"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    keyring.set_keyring(MemoryKeyring())


@pytest.fixture
def clock() -> ManualClock:
    # A Wednesday afternoon, in UTC.
    return ManualClock(datetime(2026, 11, 18, 20, 30, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "desk"


@pytest.fixture
def scenarios() -> list[dict[str, Any]]:
    return json.loads((SHARED / "scenarios" / "scenarios.json").read_text(encoding="utf-8"))


@pytest.fixture
def shared_policy() -> dict[str, Any]:
    return json.loads((SHARED / "scenarios" / "default_policy.json").read_text(encoding="utf-8"))


class Team:
    """The people of a test site, with their PINs."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.manager = next(m for m in desk.staff.roster() if m.role == "manager")
        self.agent = self._member("Maya Torres", "agent", "5817")
        self.agent2 = self._member("Leo Brandt", "agent", "6392")
        self.supervisor = self._member("Sam Okoye", "supervisor", "2468")
        self.pins = {self.manager.id: "1357", self.agent.id: "5817", self.agent2.id: "6392",
                     self.supervisor.id: "2468"}

    def _member(self, name: str, role: str, pin: str) -> StaffMember:
        # A second Team on one desk finds the people the first added (same PINs).
        same = [m for m in self.desk.staff.roster() if m.name == name and m.role == role]
        if len(same) == 1:
            return same[0]
        return self.desk.staff.add(name, role, pin, by=self.manager.id)

    def sign_in(self, member: StaffMember) -> OnShift:
        answer = self.desk.shifts.sign_in(member.id, self.pins[member.id])
        assert answer.on_shift is not None, answer
        return answer.on_shift


def make_desk(data_dir: Path, clock: ManualClock, currency: str = "USD",
              locale: str = "en_US", timezone: str = "America/New_York") -> Desk:
    desk = Desk.open(data_dir, clock)
    desk.site.create(name="Harbour Test Hotel", kind="hotel", currency=currency,
                     timezone=timezone, locale=locale, manager_name="Rita Lang",
                     manager_pin="1357", outlets=["Front Desk", "Brasserie"])
    return desk


@pytest.fixture
def desk(data_dir: Path, clock: ManualClock) -> Iterator[Desk]:
    desk = make_desk(data_dir, clock)
    yield desk
    desk.close()


@pytest.fixture
def team(desk: Desk) -> Team:
    return Team(desk)
