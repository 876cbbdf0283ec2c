"""Events head office holds that a desk cannot apply (a newer build's kind, one an older head
office let through, one the fold fails on) are held in quarantine: the desk applies the rest,
keeps pulling, says so, and applies them once an upgrade can."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from db import event_schema
from db.eventlog import Event, event_hash
from db.models import NoteRow
from desktop.core import fold
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.doctor import Status, head_office_checks
from desktop.core.paths import DB_FILE
from desktop.core.quarantine import FOLD, SCHEMA, UNKNOWN_KIND
from desktop.sync.client import enroll, sync_once
from desktop.sync.worker import SyncWorker
from desktop.ui import labels
from desktop.ui.sync_status import SyncDialog, SyncStatusButton
from headoffice import pull as pull_module
from headoffice.models import Device
from headoffice.models import EventRow as HQEventRow
from headoffice.rows import event_values
from tests.headoffice.helpers import HQ
from tests.headoffice.helpers import Desk as RawDesk

MakeDesk = Callable[..., Desk]
CASE = str(uuid.uuid4())


def notes(desk: Desk) -> list[str]:
    with Session(desk.engine) as db:
        return list(db.scalars(select(NoteRow.text).where(NoteRow.case_id == CASE)
                               .order_by(NoteRow.at)))


def future(raw: RawDesk, kind: str, payload: dict[str, Any]) -> Event:
    """The next event of ``raw`` of a kind this build does not know (``seal`` refuses it)."""
    last = raw.events[-1]
    fields: dict[str, Any] = {
        "id": str(uuid.uuid4()), "device_id": raw.device_id, "seq": last.seq + 1,
        "kind": kind, "case_id": None, "actor": None, "at": last.at, "payload": payload,
        "prev_hash": last.hash}
    event = Event(**fields, hash=event_hash(**fields))
    raw.events.append(event)
    return event


def inject(hq: HQ, raw: RawDesk, event: Event) -> None:
    """Store ``event`` at head office without its checks: what an older head office did."""
    def work(session: Session) -> None:
        session.execute(insert(HQEventRow), [event_values(event, raw.site_id, hq.clock())])
        session.execute(update(Device).where(Device.id == raw.device_id)
                        .values(last_seq=event.seq))
    hq.db(work)


def newer_and_older(hq: HQ, make_eur_desk: MakeDesk) -> tuple[Desk, RawDesk]:
    """A desk of a site where another desk (a newer build) pushed an event of a kind this
    build does not know, and an older head office let a broken event through."""
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    desk = make_eur_desk("desk2")
    enroll(desk, hq.server.url, hq.code(site), "Lobby")
    raw = hq.enrol(site, name="Newer desk")
    raw.add("case.opened", case_id=CASE, payload={"guest_name": "Before"})
    future(raw, "staff.badge_issued", {"badge": 7})
    assert hq.push(raw, raw.events).status_code == 200
    inject(hq, raw, raw.add("shift.started", payload={}))  # no shift_id
    raw.add("note.added", case_id=CASE, payload={"text": "after the broken ones"})
    assert hq.push(raw, raw.events[-1:]).status_code == 200
    return desk, raw


def test_a_desk_holds_what_it_cannot_apply_and_keeps_syncing(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    desk, raw = newer_and_older(hq, make_eur_desk)
    assert [f.kind for f in hq.flags("unknown_kind")] == ["unknown_kind"]

    report = sync_once(desk)
    assert report.ok, report.errors
    assert report.pulled == 4 and report.held == 2
    state = desk.ledger.state()
    assert state.held == 2 and not state.pull_fault and state.pull_cursor > 0
    case = desk.cases.get(CASE)
    assert case.header.guest_name == "Before"
    assert notes(desk) == ["after the broken ones"]
    held = desk.ledger.held()
    assert held.by_reason == {UNKNOWN_KIND: 1, SCHEMA: 1}
    assert held.examples[SCHEMA] == "payload.shift_id: missing"
    # Held events stay in their desk's chain: it verifies, and its next events continue it.
    assert desk.verify_log() is None
    raw.add("note.added", case_id=CASE, payload={"text": "later still"})
    assert hq.push(raw, raw.events[-1:]).status_code == 200
    again = sync_once(desk)
    assert again.ok and again.pulled == 1 and again.held == 2
    # The pull told head office, which shows it on its page (a flag).
    flags = hq.flags("events_held")
    assert len(flags) == 1 and "holds 2 event(s)" in flags[0].detail
    page = hq.client.get("/", auth=("admin", hq.admin_token())).text
    assert "events held" in page and f"({desk.device_id}) holds 2 event(s)" in page
    assert "unknown kind" in page and "staff.badge_issued" in page

    checks = {c.name: c for c in head_office_checks(desk.data_dir, desk.data_dir / DB_FILE)}
    assert checks["held events"].status is Status.WARN
    assert checks["held events"].detail.startswith("2 event(s) of other desks held back")
    assert "payload.shift_id: missing" in checks["held events"].detail
    assert "upgrade this desk" in checks["held events"].detail
    assert checks["sync"].status is Status.OK


def test_an_upgrade_applies_the_kinds_it_now_knows(
        hq: HQ, make_eur_desk: MakeDesk, clock: ManualClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    desk, _ = newer_and_older(hq, make_eur_desk)
    assert sync_once(desk).held == 2
    desk.close()

    applied: list[dict[str, Any]] = []
    monkeypatch.setitem(event_schema.SCHEMAS, "staff.badge_issued",
                        event_schema.kind(required={"badge": event_schema.whole(0, 99)}))
    monkeypatch.setitem(fold._HANDLERS, "staff.badge_issued",
                        lambda db, event, at: applied.append(dict(event.payload)))
    upgraded = Desk.open(desk.data_dir, clock)
    try:
        assert applied == [{"badge": 7}]
        held = upgraded.ledger.held()
        assert held.count == 1 and held.by_reason == {SCHEMA: 1}  # still broken: still held
        upgraded.refold()  # a whole refold skips what is held and applies the rest
        assert upgraded.ledger.held().count == 1
    finally:
        upgraded.close()


def test_an_event_the_fold_fails_on_is_held_and_the_rest_applied(
        hq: HQ, make_eur_desk: MakeDesk, clock: ManualClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    desk = make_eur_desk("desk2")
    enroll(desk, hq.server.url, hq.code(site), "Lobby")
    raw = hq.enrol(site)
    raw.add("case.opened", case_id=CASE, payload={"guest_name": "Ada"})
    raw.add("note.added", case_id=CASE, payload={"text": "boom"})
    raw.add("note.added", case_id=CASE, payload={"text": "fine"})
    assert hq.push(raw, raw.events).status_code == 200
    real = fold._HANDLERS["note.added"]

    def faulty(db: Session, event: Event, at: datetime) -> None:
        real(db, event, at)
        if event.payload.get("text") == "boom":
            raise KeyError("a bug in this build")

    monkeypatch.setitem(fold._HANDLERS, "note.added", faulty)
    report = sync_once(desk)
    assert report.ok and report.held == 1
    assert notes(desk) == ["fine"]  # "boom" undone whole
    held = desk.ledger.held()
    assert held.by_reason == {FOLD: 1} and "KeyError" in held.examples[FOLD]

    monkeypatch.setitem(fold._HANDLERS, "note.added", real)  # the fixed build
    desk.close()
    fixed = Desk.open(desk.data_dir, clock)
    try:
        assert fixed.ledger.held().count == 0
        assert notes(fixed) == ["boom", "fine"]
    finally:
        fixed.close()


def test_the_status_bar_and_its_dialog_say_how_many_are_held(
        qtbot: QtBot, hq: HQ, make_eur_desk: MakeDesk) -> None:
    desk, _ = newer_and_older(hq, make_eur_desk)
    worker = SyncWorker(desk, wait=lambda _: None)
    worker.run_round()
    assert worker.status().held == 2 and worker.status().failures == 0
    button = SyncStatusButton(desk, worker=worker)
    qtbot.addWidget(button)
    assert button.text() == "Synced just now — 2 event(s) held back"
    assert button.toolTip() == labels.held_events_text(2)
    assert "kept apart" in button.toolTip() and "Update Amends" in button.toolTip()
    dialog = SyncDialog(button)
    qtbot.addWidget(dialog)
    assert dialog.held.text() == labels.held_events_text(2)
    assert dialog.error.text() == "None"


def test_a_desk_pulls_everything_across_pages_cut_short_by_bytes(
        hq: HQ, make_eur_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch) -> None:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    desk = make_eur_desk("desk2")
    enroll(desk, hq.server.url, hq.code(site), "Lobby")
    raw = hq.enrol(site)
    raw.add("case.opened", case_id=CASE, payload={"guest_name": "Ada"})
    for i in range(6):
        raw.add("note.added", case_id=CASE, payload={"text": f"note {i} " + "x" * 2000})
    assert hq.push(raw, raw.events).status_code == 200
    monkeypatch.setattr(pull_module, "MAX_PULL_BYTES", 5000)  # two or three events a page
    report = sync_once(desk)
    assert report.ok, report.errors
    assert report.pulled == 7 and len(notes(desk)) == 6


def test_the_command_line_says_how_many_are_held(hq: HQ, make_eur_desk: MakeDesk,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    desk, _ = newer_and_older(hq, make_eur_desk)
    data_dir = desk.data_dir
    desk.close()
    assert main(["--data-dir", str(data_dir), "sync", "--now"]) == 0
    assert "; 2 of other desks held back." in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    assert "2 event(s) of other desks held back" in capsys.readouterr().out


def test_help_diagnostics_says_how_many_are_held_and_why(qtbot: QtBot, hq: HQ,
                                                         make_eur_desk: MakeDesk) -> None:
    from desktop.ui.diagnostics import DiagnosticsDialog
    from tests.ui.conftest import InlinePool

    desk, _ = newer_and_older(hq, make_eur_desk)
    assert sync_once(desk).held == 2
    dialog = DiagnosticsDialog(desk.data_dir, pool=InlinePool())
    qtbot.addWidget(dialog)
    if dialog.running:
        with qtbot.waitSignal(dialog.checked, timeout=10_000):
            pass
    rows = {dialog.table.item(r, 1).text(): (dialog.table.item(r, 0).text(),
                                             dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    status, detail = rows["held events"]
    assert status == "Warning"
    assert detail.startswith("2 event(s) of other desks held back")
    assert "payload.shift_id: missing" in detail and "staff.badge_issued" in detail
