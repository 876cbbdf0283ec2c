"""The local store: migrated on start, sound pragmas, and refusal (never rewrite) of bad files."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from db.migrate import head_revision
from db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from db.store import StoreError, StoreProblem, open_store
from desktop.cli import main
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import ChainBroken
from desktop.core.paths import DB_FILE
from desktop.core.views import CaseHeader
from tests.conftest import Team, make_desk


def test_head_revision_constant_matches_alembic() -> None:
    assert head_revision() == HEAD_REVISION
    assert HEAD_REVISION in KNOWN_REVISIONS


def test_migration_from_empty_creates_every_table(tmp_path: Path) -> None:
    engine = open_store(tmp_path / "new.sqlite3")
    with engine.connect() as connection:
        tables = {r[0] for r in connection.execute(
            text("SELECT name FROM sqlite_master WHERE type='table'"))}
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    assert {"event", "recovery_case", "gesture_grant", "approval", "staff", "site", "policy",
            "shift", "setting", "correction", "case_note"} <= tables
    assert version == HEAD_REVISION


def test_pragmas_on_every_connection(tmp_path: Path) -> None:
    engine = open_store(tmp_path / "p.sqlite3")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    engine.dispose()


def test_newer_schema_is_refused_and_left_alone(desk: Desk, data_dir: Path) -> None:
    desk.close()
    path = data_dir / DB_FILE
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(StoreError) as raised:
        Desk.open(data_dir)
    message = str(raised.value)
    assert str(path) in message and "newer version" in message
    assert raised.value.problem is StoreProblem.NEWER and raised.value.path == path
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILE
    path.write_bytes(b"this is a spreadsheet, not a case log\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError) as raised:
        Desk.open(data_dir)
    assert str(path) in str(raised.value) and "not an Amends database" in str(raised.value)
    assert raised.value.problem is StoreProblem.NOT_AMENDS
    assert path.read_bytes() == before


def test_a_damaged_database_is_refused(desk: Desk, data_dir: Path, team: Team) -> None:
    who = team.sign_in(team.agent)
    for n in range(30):
        desk.cases.open(who, CaseHeader(guest_name=f"Guest {n}" * 20))
    desk.close()
    path = data_dir / DB_FILE
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page + 100, min(len(raw), 6 * page), 7):
        raw[offset] = 0xA5  # scribble over b-tree pages, keep the header
    path.write_bytes(bytes(raw))
    with pytest.raises(StoreError) as raised:
        Desk.open(data_dir)
    assert str(path) in str(raised.value)
    assert raised.value.problem in (StoreProblem.DAMAGED, StoreProblem.UNREADABLE)
    assert path.read_bytes() == bytes(raw)


def _tamper_with_sqlite_shell(path: Path, sql: str) -> None:
    shell = shutil.which("sqlite3")
    if shell:
        subprocess.run([shell, str(path), sql], check=True)
    else:  # the same SQL through Python's sqlite3 where the shell is not installed
        with sqlite3.connect(path) as connection:
            connection.execute(sql)


def test_an_edited_event_stops_the_app_and_the_doctor_names_it(
        desk: Desk, data_dir: Path, team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader(guest_name="Grace Kim", location="Room 1203"))
    desk.cases.complete_step(who, case_id, "listen", {"account": "No hot water."})
    target = next(e for e in desk.cases.events(case_id) if e.kind == "step.done")
    desk.close()
    path = data_dir / DB_FILE
    _tamper_with_sqlite_shell(
        path, "UPDATE event SET payload = replace(payload, 'No hot water.', 'All fine.') "
              "WHERE kind = 'step.done'")
    with pytest.raises(ChainBroken) as raised:
        Desk.open(data_dir)
    assert target.id in str(raised.value) and str(path) in str(raised.value)
    assert raised.value.problem is StoreProblem.CHAIN_BROKEN

    assert main(["--data-dir", str(data_dir), "doctor"]) == 1
    out = capsys.readouterr().out
    chain_line = next(line for line in out.splitlines() if "event chain" in line)
    assert chain_line.startswith("FAIL") and target.id in chain_line


def test_doctor_passes_on_a_sound_desk(desk: Desk, data_dir: Path, team: Team,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    who = team.sign_in(team.agent)
    desk.cases.open(who, CaseHeader(guest_name="Zoë"))
    desk.close()
    assert main(["--data-dir", str(data_dir), "doctor"]) == 0
    out = capsys.readouterr().out
    for name in ("data dir", "integrity", "schema", "event chain", "keychain"):
        assert name in out
    assert "FAIL" not in out


def test_doctor_fails_on_a_newer_schema(desk: Desk, data_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    desk.close()
    with sqlite3.connect(data_dir / DB_FILE) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    assert main(["--data-dir", str(data_dir), "doctor"]) == 1
    assert "newer Amends" in capsys.readouterr().out


KILL_SCRIPT = r"""
import os, signal, sys
from pathlib import Path
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.views import CaseHeader
from desktop.core import caselog

desk = Desk.open(Path(sys.argv[1]), ManualClock())
who = desk.shifts.sign_in(sys.argv[2], "5817").on_shift
kill_at = int(sys.argv[3])
real_store = caselog.store_event
count = 0

def store_then_maybe_die(db, event, **kw):
    global count
    real_store(db, event, **kw)
    count += 1
    if count == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)  # mid-transaction: the event is flushed, not committed

caselog.store_event = store_then_maybe_die
for n in range(50):
    case_id = desk.cases.open(who, CaseHeader(guest_name=f"Guest {n}"))
    desk.cases.complete_step(who, case_id, "listen", {"account": "x" * 500})
"""


@pytest.mark.parametrize("kill_at", [1, 7, 40])
def test_process_killed_mid_write_leaves_a_sound_log(data_dir: Path, clock: ManualClock,
                                                     kill_at: int) -> None:
    desk = make_desk(data_dir, clock)
    agent = Team(desk).agent
    desk.close()
    result = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(data_dir), agent.id,
                             str(kill_at)], capture_output=True, text=True, timeout=120)
    assert result.returncode == -9, result.stderr
    reopened = Desk.open(data_dir, clock)  # verifies the chain; raises if broken
    try:
        assert reopened.verify_log() is None
        seqs = [e.seq for e in reopened.ledger.events_of(reopened.device_id)]
        assert seqs == list(range(1, len(seqs) + 1))
        # Whatever committed is whole: every case in the read model has its opening event.
        for case in reopened.cases.summaries(status=None):
            assert any(e.kind == "case.opened" for e in reopened.cases.events(case.id))
        before = [(c.id, c.step) for c in reopened.cases.summaries(status=None)]
        reopened.refold()
        assert [(c.id, c.step) for c in reopened.cases.summaries(status=None)] == before
    finally:
        reopened.close()
