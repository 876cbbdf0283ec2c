"""Cases through the core: every change an event, the read model a fold of them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.views import CaseHeader
from tests.conftest import Team

HEADER = CaseHeader("Grace Kim", "Room 1203", "Front Desk", "maintenance", "medium")


def run_case(desk: Desk, team: Team, clock: ManualClock) -> str:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, HEADER)
    desk.cases.complete_step(who, case_id, "listen", {"account": "There's no hot water."})
    desk.cases.complete_step(who, case_id, "apologise", {"apology": "Sorry, personally."})
    desk.cases.complete_step(who, case_id, "review", {"guest_view": "A wedding at five.",
                                                "good_outcome": "Hot water within the hour."})
    desk.cases.complete_step(who, case_id, "fix", {"fix_action": "Moved to the west riser."})
    clock.advance(minutes=15)
    desk.cases.complete_followup(who, case_id, "Showered, happy.")
    desk.cases.close(who, case_id, root_cause="maintenance",
                    detail="Boiler serviced Wednesdays 15:00.", outcome="recovered")
    return case_id


def test_a_whole_case_is_in_the_log_and_the_read_model(desk: Desk, team: Team,
                                                       clock: ManualClock) -> None:
    case_id = run_case(desk, team, clock)
    view = desk.cases.get(case_id)
    assert view.status == "closed" and view.outcome == "recovered"
    assert view.fields["account"] == "There's no hot water."
    assert view.fields["detail"] == "Boiler serviced Wednesdays 15:00."
    kinds = [e.kind for e in desk.cases.events(case_id)]
    assert kinds == ["case.opened", "step.done", "step.done", "step.done", "step.done",
                     "followup.due", "followup.done", "case.closed"]
    assert view.opened_by == team.agent.id and view.shift_id is not None


def test_follow_up_falls_due_20_minutes_after_the_fix(desk: Desk, team: Team,
                                                      clock: ManualClock) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, HEADER)
    desk.cases.complete_step(who, case_id, "fix", {"fix_action": "done"})
    fixed_at = clock.now()
    assert desk.cases.get(case_id).followup_due_at == fixed_at + timedelta(minutes=20)
    clock.advance(minutes=19, seconds=59)
    assert desk.cases.followups_due() == []
    clock.advance(seconds=1)
    assert [c.id for c in desk.cases.followups_due()] == [case_id]
    desk.cases.complete_followup(who, case_id, "fine")
    assert desk.cases.followups_due() == []


def test_refold_rebuilds_the_same_read_model(desk: Desk, team: Team, clock: ManualClock) -> None:
    case_id = run_case(desk, team, clock)
    before = desk.cases.get(case_id)
    listed = desk.cases.summaries(status=None)
    desk.refold()
    assert desk.cases.get(case_id) == before
    assert desk.cases.summaries(status=None) == listed


@pytest.mark.parametrize("value", [
    "",
    "Zoë Lindqvist — 佐藤 美咲 — Σωκράτης — Иван — 🙂",
    "O'Neill \"the elder\"; DROP TABLE event; --",
    "<b>bold</b> & <script>alert(1)</script> %s {0} \\N",
    "x" * 20_000,
    "line one\nline two\r\nline three\ttabbed",
])
def test_anything_typed_is_stored_verbatim(desk: Desk, team: Team, value: str) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader(guest_name=value[:500]))
    desk.cases.complete_step(who, case_id, "listen", {"account": value})
    view = desk.cases.get(case_id)
    assert view.header.guest_name == value[:500]
    assert view.fields["account"] == value
    assert desk.verify_log() is None


def test_too_long_text_is_refused_with_nothing_stored(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, HEADER)
    count = desk.event_count()
    with pytest.raises(DeskError) as raised:
        desk.cases.complete_step(who, case_id, "listen", {"account": "x" * 20_001})
    assert raised.value.code == "text_too_long"
    assert desk.event_count() == count


def test_closing_needs_the_header_and_a_root_cause(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader(guest_name="Ana"))
    with pytest.raises(DeskError) as raised:
        desk.cases.close(who, case_id, root_cause="billing", detail="", outcome="unknown")
    assert raised.value.code == "missing_fields"
    assert "location" in raised.value.detail and "guest_name" not in raised.value.detail
    desk.cases.update_header(who, case_id,
                             CaseHeader("Ana", "Table 4", "Brasserie", "billing", "low"))
    with pytest.raises(DeskError):
        desk.cases.close(who, case_id, root_cause="", detail="", outcome="unknown")
    desk.cases.close(who, case_id, root_cause="billing", detail="", outcome="unknown")
    assert desk.cases.get(case_id).status == "closed"
    with pytest.raises(DeskError) as closed:
        desk.cases.complete_step(who, case_id, "listen", {"account": "late"})
    assert closed.value.code == "case_closed"


def test_header_changes_are_events_only_when_something_changed(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, HEADER)
    assert desk.cases.update_header(who, case_id, HEADER) is False
    changed = CaseHeader("Grace Kim-Park", "Room 1203", "Front Desk", "maintenance", "high")
    assert desk.cases.update_header(who, case_id, changed) is True
    updates = [e for e in desk.cases.events(case_id) if e.kind == "case.updated"]
    assert len(updates) == 1 and '"severity":"high"' in updates[0].payload
    assert "Room 1203" not in updates[0].payload  # only what changed


def test_search_by_guest_or_room_ignores_case_and_wildcards(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    a = desk.cases.open(who, CaseHeader("José Martínez", "Table 12"))
    b = desk.cases.open(who, CaseHeader("Zoë Lindqvist", "Room 514"))
    desk.cases.open(who, CaseHeader("100% Guest", "Room 5_1"))
    assert [c.id for c in desk.cases.summaries(search="josé")] == [a]
    assert [c.id for c in desk.cases.summaries(search="514")] == [b]
    assert [c.guest_name for c in desk.cases.summaries(search="%")] == ["100% Guest"]
    assert [c.guest_name for c in desk.cases.summaries(search="5_1")] == ["100% Guest"]


def test_shift_starts_at_sign_in_and_ends_with_end_shift(desk: Desk, team: Team) -> None:
    first = team.sign_in(team.agent)
    again = team.sign_in(team.agent)
    assert again.shift_id == first.shift_id  # signing in again (after a lock) resumes it
    desk.shifts.end(first)
    after = team.sign_in(team.agent)
    assert after.shift_id != first.shift_id


def test_wrong_pins_delay_more_and_more_but_never_lock_for_good(desk: Desk, team: Team,
                                                                clock: ManualClock) -> None:
    agent = team.agent
    waits = []
    for _ in range(6):
        answer = desk.shifts.sign_in(agent.id, "0000")
        assert answer.on_shift is None
        waits.append(answer.wait_seconds)
        if answer.wait_seconds:
            # Even the right PIN waits out the delay.
            refused = desk.shifts.sign_in(agent.id, "5817")
            assert refused.on_shift is None and refused.wait_seconds == answer.wait_seconds
        clock.advance(seconds=answer.wait_seconds)
    assert waits == [0, 0, 5, 10, 20, 40]
    clock.advance(seconds=1)
    assert desk.shifts.sign_in(agent.id, "5817").on_shift is not None
    assert desk.shifts.sign_in(agent.id, "0000").wait_seconds == 0  # the count starts over


def test_pins_are_stored_only_as_slow_hashes(desk: Desk, team: Team, data_dir) -> None:
    raw = (data_dir / "amends.sqlite3").read_bytes()
    wal = data_dir / "amends.sqlite3-wal"
    blob = raw + (wal.read_bytes() if wal.exists() else b"")
    assert b"scrypt$" in blob
    for pin in (b"5817", b"2468", b"1357", b"6392"):
        assert b'"' + pin + b'"' not in blob and b"'" + pin + b"'" not in blob
