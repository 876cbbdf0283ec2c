"""A store made before the roster was events (by the code of commit f890d36) opens with its
staff rows turned into events: the chain still verifies, PINs and retirements are kept, and
it happens once."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk

OLD_STORE = Path(__file__).resolve().parents[1] / "fixtures" / "store_f890d36"
MAYA, LEO = "558040ba-5f57-4c1c-a35a-3555164fb950", "80367192-4e1d-47a0-bb9f-562d3ce94bc0"


def old_desk(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    shutil.copytree(OLD_STORE, folder, ignore=shutil.ignore_patterns("*.py"))
    return folder


def rows(folder: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(folder / "amends.sqlite3") as db:
        return db.execute(query).fetchall()


def test_an_old_stores_staff_become_events_without_breaking_the_chain(
        tmp_path: Path, clock: ManualClock) -> None:
    folder = old_desk(tmp_path)
    old_events = rows(folder, "SELECT seq, hash FROM event ORDER BY seq")
    old_hashes = dict(rows(folder, "SELECT id, pin_hash FROM staff"))
    assert rows(folder, "SELECT version_num FROM alembic_version") == [("0002_review_by_day",)]
    assert len(old_events) == 3 and len(old_hashes) == 4

    desk = Desk.open(folder, clock)
    try:
        assert desk.verify_log() is None
        assert rows(folder, "SELECT seq, hash FROM event WHERE seq <= 3 ORDER BY seq") == old_events
        staff = rows(folder, "SELECT kind, json_extract(payload, '$.staff_id'), "
                             "json_extract(payload, '$.pin_hash') FROM event WHERE seq > 3 "
                             "ORDER BY seq")
        assert sorted(k for k, _, _ in staff) == ["staff.added"] * 4 + ["staff.deactivated"]
        assert {i: h for k, i, h in staff if k == "staff.added"} == old_hashes
        assert ("staff.deactivated", LEO, None) in staff
        # The people are as they were: PINs, roles, the retired one, the wrong try counted.
        assert [m.name for m in desk.staff.roster()] == ["Maya Torres", "Rita Lang", "Sam Okoye"]
        assert not desk.staff.member(LEO).active
        assert rows(folder, f"SELECT failed_pins FROM staff WHERE id = '{MAYA}'") == [(1,)]
        assert desk.shifts.sign_in(MAYA, "5817").on_shift is not None
        rita = desk.staff.find("Rita Lang")
        assert desk.shifts.sign_in(rita.id, "1357").on_shift is not None
        # A manager now changes the roster like on any new site.
        assert desk.staff.add("Ana Ruiz", "agent", "7391", by=rita.id).active
        count = desk.event_count()
        roster = desk.staff.roster(include_inactive=True)
        desk.refold()
        assert desk.staff.roster(include_inactive=True) == roster
    finally:
        desk.close()
    again = Desk.open(folder, clock)
    try:
        assert again.event_count() == count  # once only
        assert again.verify_log() is None
    finally:
        again.close()
