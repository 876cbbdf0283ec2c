"""A whole refold (rows held in memory, written in bulk) makes exactly the read model that
folding the same events one at a time through the session makes, table by table, row by row:
every shared scenario played at the desk (gestures, approvals, vouchers redeemed and voided,
notes, hand-offs, slips, corrections, renamed guests, open and closed cases) and a seeded
history of thousands of cases; also when the refold writes its rows out part way."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import READ_MODEL_TABLES
from desktop.core import caselog, fold, fold_rows, quarantine, review_days
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.seed import seed_history
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal
from tests.conftest import Team


def read_model(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the read model, its rows sorted, every column as stored."""
    with Session(desk.engine) as db:
        return {table.__tablename__: sorted(
            (tuple(row) for row in db.connection().exec_driver_sql(
                f"SELECT * FROM {table.__tablename__}")), key=repr)
            for table in READ_MODEL_TABLES}


def fold_one_by_one(desk: Desk) -> None:
    """The read model rebuilt the incremental way: each event through ``fold.apply`` on the
    session, as appending and merging fold them, the review's days settled at the end."""
    with Session(desk.engine) as db, db.begin():
        for table in READ_MODEL_TABLES:
            db.execute(delete(table))
        held = quarantine.held_ids(db)
        for event in list(caselog.iter_stored_events(db)):
            if event.id not in held:
                fold.apply(db, event)
        review_days.settle(db)


def play_scenarios(desk: Desk, team: Team, clock: ManualClock,
                   scenarios: list[dict[str, Any]]) -> None:
    manager = ApproverSignOff(team.manager.id, team.pins[team.manager.id], "Guest is right")
    guests = [s["guest"]["name"] for s in scenarios]
    for index, scenario in enumerate(scenarios):
        who = team.sign_in(team.agent if index % 2 else team.agent2)
        header = CaseHeader(scenario["guest"]["name"], scenario["guest"]["location"],
                            scenario["outlet"], scenario["category"], scenario["severity"])
        case_id = desk.cases.open(who, header)
        desk.cases.complete_step(who, case_id, "listen", {"account": scenario["account"]})
        clock.advance(minutes=3)
        gesture = scenario["gesture"]
        if gesture["type"] != "none":
            within = desk.grants.check(who, case_id, gesture["value_minor"]).within_limits
            sign_off = None if within else manager
            result = desk.grants.grant(who, case_id, GestureProposal(
                gesture["type"], gesture["description"], gesture["value_minor"]), sign_off)
            assert result.granted, scenario["id"]
        if index % 3 == 0:  # a voucher as well: printed, then redeemed or voided
            within = desk.grants.check(who, case_id, 1500).within_limits
            code = desk.grants.grant(who, case_id, GestureProposal(
                "voucher", "Spa voucher", 1500), None if within else manager).voucher_code
            assert code
            desk.cases.record_print(who, case_id, "voucher", code)
            if index % 2:
                assert desk.vouchers.redeem(who, code).ok
            else:
                desk.vouchers.void(team.sign_in(team.supervisor), code, "guest left early")
        if index % 4 == 1:
            desk.cases.record_correction(who, case_id, "Minibar refunded", 700)
            desk.cases.add_note(who, case_id, f"Called back ({scenario['id']})")
        if index % 4 == 2:
            handoff = desk.handoffs.hand_off(who, case_id, note="Please check the room",
                                             to_staff=team.supervisor.id)
            clock.advance(minutes=10)
            desk.handoffs.mark_done(team.sign_in(team.supervisor), handoff, "Checked")
        if index % 5 == 3 and index:
            # The guest turns out to be an earlier scenario's guest: the stay joins theirs.
            desk.cases.update_header(who, case_id, CaseHeader(
                guests[index - 1], header.location, header.outlet, header.category,
                header.severity))
        desk.cases.complete_step(who, case_id, "fix", {"fix_action": scenario["fix"]})
        if index % 6 != 5:  # some cases stay open
            clock.advance(minutes=25)
            desk.cases.complete_followup(who, case_id, "Happy now")
            desk.cases.close(who, case_id, root_cause=scenario["category"], detail="",
                             outcome="recovered" if index % 3 else "not_recovered")
        desk.shifts.end(who)
        clock.advance(hours=5)


def test_a_whole_refold_equals_folding_each_event(desk: Desk, team: Team, clock: ManualClock,
                                                  scenarios: list[dict[str, Any]]) -> None:
    seed_history(desk, 2000, years=0.5)
    play_scenarios(desk, team, clock, scenarios)
    live = read_model(desk)
    assert all(live[table.__tablename__] for table in READ_MODEL_TABLES)

    fold_one_by_one(desk)
    one_by_one = read_model(desk)
    assert one_by_one == live
    desk.refold()
    whole = read_model(desk)
    for table in READ_MODEL_TABLES:
        assert whole[table.__tablename__] == one_by_one[table.__tablename__], table
    assert len(whole["recovery_case"]) == 2000 + len(scenarios)


def test_a_refold_that_writes_its_rows_out_part_way_gives_the_same(
        desk: Desk, team: Team, clock: ManualClock, scenarios: list[dict[str, Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    seed_history(desk, 300, years=0.1)
    play_scenarios(desk, team, clock, scenarios)
    live = read_model(desk)
    # Every few rows written and forgotten: later events of a case read it back.
    monkeypatch.setattr(fold_rows, "SPILL_AT", 7)
    desk.refold()
    assert read_model(desk) == live


def test_a_held_event_stays_out_of_a_whole_refold(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    kept = desk.cases.open(who, CaseHeader("Ada Byron", "Room 9"))
    held = desk.cases.open(who, CaseHeader("Alan Kay", "Room 10"))
    with Session(desk.engine) as db, db.begin():
        opened = db.scalars(select(caselog.EventRow).where(
            caselog.EventRow.case_id == held, caselog.EventRow.kind == "case.opened")).one()
        quarantine.hold(db, caselog.row_to_event(opened), quarantine.FOLD, "test")
    desk.refold()
    ids = [row[0] for row in read_model(desk)["recovery_case"]]
    assert ids == [kept]
