"""Hand-offs: a case handed to a colleague or a department with a note, seen and closed by
the taker, while the first owner keeps the follow-up and is reminded of it; the review's
list says to whom and how long until done; hand-offs sync between desks like every event."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.handoffs import median_minutes
from desktop.core.settings import DEPARTMENTS
from desktop.core.views import CaseHeader
from tests.conftest import Team, make_desk


def open_case(desk: Desk, team: Team) -> tuple[str, str]:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Ines Castro", "412", "Front Desk", "room",
                                              "medium"))
    return who.shift_id, case_id


def test_a_department_takes_a_case_and_the_owner_keeps_the_follow_up(
        desk: Desk, team: Team, clock: ManualClock) -> None:
    maya = team.sign_in(team.agent)
    case_id = desk.cases.open(maya, CaseHeader("Ines Castro", "412", "Front Desk", "room",
                                               "medium"))
    handoff = desk.handoffs.hand_off(maya, case_id, to_department="housekeeping",
                                     note="Towels and a second pillow, please")
    [view] = desk.handoffs.for_case(case_id)
    assert (view.id, view.to_kind, view.to_name, view.note, view.by_name, view.done_at) == (
        handoff, "department", "housekeeping", "Towels and a second pillow, please",
        "Maya Torres", None)
    # The follow-up clock started at the hand-off, and it is Maya's.
    due = desk.cases.get(case_id).followup_due_at
    assert due == clock.now() + timedelta(minutes=20)

    # Anyone at the desk sees a department's hand-off and can act on it.
    leo = team.sign_in(team.agent2)
    assert [h.id for h in desk.handoffs.handed_to(leo)] == [handoff]
    desk.cases.add_note(leo, case_id, "Housekeeping is on the way")
    clock.advance(minutes=12)
    desk.handoffs.mark_done(leo, handoff, "Brought up")
    assert desk.handoffs.handed_to(leo) == []
    [done] = desk.handoffs.handed_to(leo, include_done=True)
    assert done.minutes_to_done == 12 and done.done_by_name == "Leo Brandt"
    with pytest.raises(DeskError) as again:
        desk.handoffs.mark_done(leo, handoff)
    assert again.value.refusal is Refusal.HANDOFF_DONE

    # The reminder is the owner's, not the taker's, once the follow-up is due.
    assert desk.handoffs.owner_followups(maya) == []
    clock.advance(minutes=9)
    assert [c.id for c in desk.handoffs.owner_followups(maya)] == [case_id]
    assert desk.handoffs.owner_followups(leo) == []
    desk.cases.complete_followup(maya, case_id, "Guest is happy")
    assert desk.handoffs.owner_followups(maya) == []


def test_a_colleague_takes_a_case_and_an_existing_follow_up_is_not_moved(
        desk: Desk, team: Team, clock: ManualClock) -> None:
    maya = team.sign_in(team.agent)
    case_id = desk.cases.open(maya, CaseHeader("Ines Castro", "412"))
    desk.cases.complete_step(maya, case_id, "fix", {"fix_action": "moved rooms"})
    due = desk.cases.get(case_id).followup_due_at
    clock.advance(minutes=5)
    sam = team.supervisor
    handoff = desk.handoffs.hand_off(maya, case_id, to_staff=sam.id, note="Please call her")
    assert desk.cases.get(case_id).followup_due_at == due  # still Maya's, still then
    leo = team.sign_in(team.agent2)
    assert desk.handoffs.handed_to(leo) == []  # not Leo's
    with pytest.raises(DeskError) as not_his:
        desk.handoffs.mark_done(leo, handoff)
    assert not_his.value.refusal is Refusal.SUPERVISOR_ONLY
    sam_on = team.sign_in(sam)
    [mine] = desk.handoffs.handed_to(sam_on)
    assert (mine.to_name, mine.owner_id) == ("Sam Okoye", team.agent.id)
    desk.handoffs.mark_done(sam_on, handoff, "Called")


def test_bad_hand_offs_are_refused_and_nothing_is_written(desk: Desk, team: Team) -> None:
    maya = team.sign_in(team.agent)
    case_id = desk.cases.open(maya, CaseHeader("Ines Castro", "412"))
    before = len(desk.cases.events(case_id))
    attempts = [
        ({"to_department": "spa"}, Refusal.UNKNOWN_DEPARTMENT),
        ({"to_department": ""}, Refusal.UNKNOWN_DEPARTMENT),
        ({}, Refusal.UNKNOWN_DEPARTMENT),
        ({"to_department": "kitchen", "to_staff": team.supervisor.id},
         Refusal.UNKNOWN_DEPARTMENT),
        ({"to_staff": team.agent.id}, Refusal.HANDOFF_TO_SELF),
        ({"to_staff": "nobody"}, Refusal.UNKNOWN_STAFF),
        ({"to_department": "kitchen", "note": "x" * 30_000}, Refusal.TEXT_TOO_LONG),
    ]
    for kwargs, refusal in attempts:
        note = str(kwargs.pop("note", "note"))
        with pytest.raises(DeskError) as refused:
            desk.handoffs.hand_off(maya, case_id, note=note, **kwargs)  # type: ignore[arg-type]
        assert refused.value.refusal is refusal, kwargs
    with pytest.raises(DeskError) as unknown:
        desk.handoffs.mark_done(maya, "no-such-handoff")
    assert unknown.value.refusal is Refusal.UNKNOWN_HANDOFF
    assert len(desk.cases.events(case_id)) == before
    assert desk.handoffs.for_case(case_id) == []


def test_the_departments_are_a_managers_setting(desk: Desk, team: Team) -> None:
    assert desk.handoffs.departments() == ("housekeeping", "maintenance", "kitchen",
                                           "duty_manager")
    manager = team.sign_in(team.manager)
    desk.settings.set(DEPARTMENTS, ("housekeeping", "Spa"), by=manager)
    maya = team.sign_in(team.agent)
    with pytest.raises(DeskError) as refused:
        desk.settings.set(DEPARTMENTS, ("x",), by=maya)
    assert refused.value.refusal is Refusal.MANAGER_ONLY
    case_id = desk.cases.open(maya, CaseHeader("Ines Castro", "412"))
    desk.handoffs.hand_off(maya, case_id, to_department="Spa", note="Book a massage")
    with pytest.raises(DeskError):
        desk.handoffs.hand_off(maya, case_id, to_department="kitchen", note="")


def test_the_review_list_says_to_whom_and_how_long(desk: Desk, team: Team,
                                                   clock: ManualClock) -> None:
    start = clock.now()
    maya = team.sign_in(team.agent)
    first = desk.cases.open(maya, CaseHeader("A", "1"))
    second = desk.cases.open(maya, CaseHeader("B", "2"))
    one = desk.handoffs.hand_off(maya, first, to_department="maintenance", note="AC")
    desk.handoffs.hand_off(maya, second, to_department="kitchen", note="Cake")
    clock.advance(minutes=30)
    desk.handoffs.mark_done(maya, one)
    views = desk.handoffs.between(start, clock.now() + timedelta(seconds=1))
    assert [(v.to_name, v.minutes_to_done) for v in views] == [("maintenance", 30),
                                                               ("kitchen", None)]
    assert median_minutes(views) == 30 and median_minutes([]) is None


def test_hand_offs_and_the_guest_language_sync_between_desks(tmp_path: Path,
                                                             clock: ManualClock) -> None:
    here, there = make_desk(tmp_path / "here", clock), make_desk(tmp_path / "there", clock)
    try:
        team = Team(here)
        maya = team.sign_in(team.agent)
        case_id = here.cases.open(maya, CaseHeader("Kenji Sato", "9", guest_language="ja"))
        handoff = here.handoffs.hand_off(maya, case_id, to_department="kitchen",
                                         note="No gluten")
        assert there.ledger.merge_remote(here.ledger.outbox(10_000), 1).stored > 0
        [seen] = there.handoffs.for_case(case_id)
        assert (seen.id, seen.to_name, seen.note, seen.done_at) == (handoff, "kitchen",
                                                                    "No gluten", None)
        assert there.cases.get(case_id).header.guest_language == "ja"
        # The kitchen's desk marks it done; the first desk learns it.
        cook = Team(there)
        clock.advance(minutes=7)
        there.handoffs.mark_done(cook.sign_in(cook.agent), handoff, "Chef informed")
        here.ledger.merge_remote(there.ledger.outbox(10_000), 1)
        [back] = here.handoffs.for_case(case_id)
        assert back.done_note == "Chef informed" and back.minutes_to_done == 7
        assert here.cases.get(case_id).followup_due_at is not None  # still the owner's
    finally:
        here.close()
        there.close()
