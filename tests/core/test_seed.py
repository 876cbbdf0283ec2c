"""`seed_history`, the bulk seeder: what it writes is what the fold would make, its chain
verifies, and the store is the desk's again afterwards (WAL, full durability, writable)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

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


@pytest.mark.parametrize("apart", [False, True], ids=["writer thread", "writer process"])
def test_seeded_rows_are_what_a_refold_makes_and_the_chain_verifies(desk: Desk, team: Team,
                                                                    apart: bool) -> None:
    written = seed_history(desk, 300, years=0.2, apart=apart)
    assert written > 300 * 6  # every case has at least its opening, steps and closing
    seeded = rows(desk)
    assert len(seeded["recovery_case"]) == 300 and seeded["gesture_grant"]
    result = verify_all(desk.db_path)
    assert result.fault is None and result.verified == desk.event_count()
    desk.refold()
    assert rows(desk) == seeded


def test_busy_days_with_many_returning_guests_link_gestures_as_a_refold_does(
        desk: Desk, team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    # Dozens of cases a day, half of them a guest already compensated: cases of one guest
    # overlap, and one opened later may be granted first. The fold links gestures in time
    # order; the seeder must give the same links.
    from desktop.core import seed

    monkeypatch.setattr(seed, "REPEAT_GUEST", 0.5)
    seed_history(desk, 600, years=0.02)
    seeded = rows(desk)
    links = [row for row in seeded["gesture_grant"] if row[-2] is not None]
    assert len(links) > 100
    desk.refold()
    assert rows(desk) == seeded


@pytest.mark.parametrize("apart", [False, True], ids=["writer thread", "writer process"])
def test_after_seeding_the_store_is_the_desks_again(desk: Desk, team: Team,
                                                    apart: bool) -> None:
    seed_history(desk, 50, years=0.1, apart=apart)
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


KILLED_PART_WAY = """
import os, sys
from pathlib import Path
from desktop.core import seed, seed_writer
from desktop.core.desk import Desk

calls = []
recount = seed_writer.refresh_review_days


def recount_then_die(connection, days):
    recount(connection, days)
    calls.append(days)
    if len(calls) == 3:  # the third chunk's rows are written, not committed
        os._exit(9)


seed.CHUNK = 200
seed_writer.refresh_review_days = recount_then_die
desk = Desk.open(Path(sys.argv[1]))
seed.seed_history(desk, 400, years=0.2)
"""


# The writer in a process of its own: the whole seed (maker and writer) is killed at once,
# as a closed terminal or a killed process group would, with the third chunk on its way.
KILLED_APART = """
import os, signal, sys
from pathlib import Path
from desktop.core import seed, seed_writer
from desktop.core.desk import Desk

sent = []
write = seed_writer.ProcessWriter.write


def write_then_die(self, rows, days):
    write(self, rows, days)  # the second chunk is stored (answered for) before this goes
    sent.append(days)
    if len(sent) == 3:
        os.killpg(0, signal.SIGKILL)


if __name__ == "__main__":
    seed.CHUNK = 200
    seed_writer.ProcessWriter.write = write_then_die
    desk = Desk.open(Path(sys.argv[1]))
    seed.seed_history(desk, 400, years=0.2, apart=True)
"""


@pytest.mark.parametrize(("script", "died"), [(KILLED_PART_WAY, 9), (KILLED_APART, -9)],
                         ids=["writer thread", "writer process"])
def test_a_seed_killed_part_way_leaves_whole_counted_cases(desk: Desk, team: Team, script: str,
                                                          died: int) -> None:
    import subprocess
    import sys

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from db.models import EventRow, ReviewDayRow
    from desktop.core.review_days import refresh_review_days
    from tests.conftest import REPO

    data_dir = desk.db_path.parent
    before = desk.event_count()
    desk.close()
    # A session of its own: the killed process group is the seed's alone.
    done = subprocess.run([sys.executable, "-c", script, str(data_dir)], cwd=REPO,
                          capture_output=True, text=True, check=False, start_new_session=True)
    assert done.returncode == died, done.stderr
    reopened = Desk.open(data_dir)
    try:
        result = verify_all(reopened.db_path)
        assert result.fault is None and result.verified == reopened.event_count()
        seeded = rows(reopened)
        opened = reopened.event_count() - before
        assert 0 < opened < 400 * 6  # two chunks of whole cases, not the third
        with Session(reopened.engine) as db:
            case_ids = set(db.scalars(select(EventRow.case_id).where(
                EventRow.kind == "case.opened")))
            closed = set(db.scalars(select(EventRow.case_id).where(
                EventRow.kind == "case.closed")))
            assert {row[0] for row in seeded["recovery_case"]} == case_ids == closed
            kept = sorted(tuple(r) for r in db.execute(select(ReviewDayRow.__table__)))
            refresh_review_days(db, None)
            recounted = sorted(tuple(r) for r in db.execute(select(ReviewDayRow.__table__)))
            db.rollback()
        assert kept == recounted and kept
        # And the desk writes on.
        who = Team(reopened).sign_in(team.agent)
        reopened.cases.open(who, CaseHeader("Ada Byron", "Room 9"))
    finally:
        reopened.close()


def test_a_writer_process_that_fails_says_why_and_keeps_what_it_stored(desk: Desk,
                                                                      tmp_path: Path) -> None:
    from desktop.core.seed_writer import ProcessWriter

    seed_history(desk, 20, years=0.1, apart=True)
    with sqlite3.connect(desk.db_path) as connection:
        kept = connection.execute("SELECT * FROM event ORDER BY rowid").fetchall()
        first = list(connection.execute("SELECT * FROM event ORDER BY rowid LIMIT 1").fetchone())
    connection.close()
    desk.engine.dispose()
    writer = ProcessWriter(desk.db_path)
    # An event already stored, again: the store refuses it, the chunk is rolled back.
    writer.write({"event": [tuple(first)], "shift": [], "case": [], "grant": []}, set())
    with pytest.raises(RuntimeError, match="IntegrityError"):
        writer.close()
    connection = sqlite3.connect(desk.db_path)
    try:
        assert connection.execute("SELECT * FROM event ORDER BY rowid").fetchall() == kept
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()
