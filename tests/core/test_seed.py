"""`seed_history`, the bulk seeder: what it writes is what the fold would make, its chain
verifies, and the store is the desk's again afterwards (WAL, full durability, writable)."""

from __future__ import annotations

import sqlite3
from typing import Any

from db.models import CaseRow, GrantRow, ShiftRow
from desktop.core.chain import verify_all
from desktop.core.desk import Desk
from desktop.core.seed import seed_history
from desktop.core.views import CaseHeader
from tests.conftest import Team


def rows(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(desk.db_path)
    try:
        return {model.__tablename__: connection.execute(
            f"SELECT * FROM {model.__tablename__} ORDER BY id").fetchall()
            for model in (CaseRow, GrantRow, ShiftRow)}
    finally:
        connection.close()


def test_seeded_rows_are_what_a_refold_makes_and_the_chain_verifies(desk: Desk,
                                                                    team: Team) -> None:
    written = seed_history(desk, 300, years=0.2)
    assert written > 300 * 6  # every case has at least its opening, steps and closing
    seeded = rows(desk)
    assert len(seeded["recovery_case"]) == 300 and seeded["gesture_grant"]
    result = verify_all(desk.db_path)
    assert result.fault is None and result.verified == desk.event_count()
    desk.refold()
    assert rows(desk) == seeded


def test_after_seeding_the_store_is_the_desks_again(desk: Desk, team: Team) -> None:
    seed_history(desk, 50, years=0.1)
    connection = sqlite3.connect(desk.db_path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()
    # The desk writes on, its chain continuing the seeded one.
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Ada Byron", "Room 9"))
    assert desk.cases.get(case_id).header.guest_name == "Ada Byron"
    seed_history(desk, 50, years=0.1)  # seeding again draws no id twice
    result = verify_all(desk.db_path)
    assert result.fault is None and result.verified == desk.event_count()
    assert len(rows(desk)["recovery_case"]) == 101
