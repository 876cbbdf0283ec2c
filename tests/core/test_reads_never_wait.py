"""What the window reads never waits for a writer in another thread (a slip being recorded, a
sync being merged): ``Recorder.read`` reads the last commit without SQLite's write lock."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from db.models import Setting as SettingRow
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.settings import SLIP_SIZE
from desktop.core.views import CaseHeader
from tests.conftest import Team


def test_reads_are_answered_while_another_thread_holds_the_write_lock(
        desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim", "Room 214"))
    holding, done_reading = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def writer() -> None:
        # A writer that lets go only once the reads below have been answered: were they to
        # wait for its lock, SQLite would give up on them ("database is locked"), not hang.
        try:
            with desk.recorder.tx() as db:
                db.merge(SettingRow(key="held.by.test", value="1"))
                db.flush()
                holding.set()
                assert done_reading.wait(30)
        except BaseException as error:
            failures.append(error)
            holding.set()

    thread = threading.Thread(target=writer)
    thread.start()
    assert holding.wait(30)
    try:
        assert desk.cases.get(case_id).header.guest_name == "Grace Kim"
        assert [s.id for s in desk.cases.summaries()] == [case_id]
        assert desk.settings.get(SLIP_SIZE["voucher"])
        assert desk.cases.followups_due(datetime(2030, 1, 1, tzinfo=UTC)) == []
        assert [e.kind for e in desk.cases.events(case_id)][-1] == "case.opened"
    finally:
        done_reading.set()
        thread.join(30)
    assert failures == []
    # The writer's change was not seen before its commit, and is there after it.
    with desk.recorder.read() as db:
        assert db.get(SettingRow, "held.by.test") is not None


def test_a_read_that_would_write_is_refused_and_writes_nothing(desk: Desk) -> None:
    with (pytest.raises(RuntimeError, match="a desk read changed rows"),
          desk.recorder.read() as db):
        db.add(SettingRow(key="written.in.a.read", value="1"))
    with desk.recorder.read() as db:
        assert db.get(SettingRow, "written.in.a.read") is None


def test_a_read_cannot_be_nested_in_a_transaction(desk: Desk) -> None:
    with desk.recorder.tx(), pytest.raises(RuntimeError, match="nested"), desk.recorder.read():
        pass


def test_text_sqlite_cannot_bind_is_refused_in_a_read_too(desk: Desk) -> None:
    with pytest.raises(DeskError) as refused, desk.recorder.read() as db:
        db.get(SettingRow, "slip.size.\ud800")
    assert refused.value.refusal is Refusal.INVALID_TEXT
