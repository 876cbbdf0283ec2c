"""Two desks of one site share one roster through their merged events: people added at one
sign in at the other, changes made apart resolve the same way on both, a person has one shift
allowance, and every view names the people of the other desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Staff
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal
from tests.conftest import Team, make_desk


def second_desk(folder: Path, clock: ManualClock, manager: str = "Bea Stone") -> Desk:
    desk = Desk.open(folder, clock)
    desk.site.create(name="Harbour Test Hotel", kind="hotel", currency="USD",
                     timezone="America/New_York", locale="en_US", manager_name=manager,
                     manager_pin="1357", outlets=["Brasserie"])
    return desk


def sync(*desks: Desk) -> None:
    """Every desk learns every other desk's events, as head office would pass them on."""
    for here in desks:
        for there in desks:
            if there is not here:
                result = here.ledger.merge_remote(there.ledger.outbox(100_000), 1)
                assert not result.faults


def roster_rows(desk: Desk) -> list[tuple[str, ...]]:
    with Session(desk.engine) as db:
        return sorted((r.id, r.name, r.role, str(r.active), str(r.must_set_pin), r.pin_hash,
                       str(r.failed_pins)) for r in db.scalars(select(Staff)))


@pytest.fixture
def pair(tmp_path: Path, clock: ManualClock) -> tuple[Desk, Desk, Team]:
    front = make_desk(tmp_path / "front", clock)
    team = Team(front)
    brasserie = second_desk(tmp_path / "brasserie", clock)
    sync(front, brasserie)
    yield front, brasserie, team
    front.close()
    brasserie.close()


def test_someone_added_at_one_desk_signs_in_at_the_other(pair: tuple[Desk, Desk, Team]
                                                          ) -> None:
    front, brasserie, team = pair
    added = front.staff.add("Ana Ruiz", "agent", "7391", by=team.manager.id)
    with pytest.raises(DeskError) as unknown:
        brasserie.shifts.sign_in(added.id, "7391")
    assert unknown.value.refusal is Refusal.UNKNOWN_STAFF
    sync(front, brasserie)
    assert brasserie.shifts.sign_in(added.id, "7391").on_shift is not None
    # A deactivation at the brasserie, by its own manager, locks her out at the front too.
    bea = brasserie.staff.find("Bea Stone")
    brasserie.staff.deactivate(added.id, by=bea.id)
    sync(front, brasserie)
    with pytest.raises(DeskError) as retired:
        front.shifts.sign_in(added.id, "7391")
    assert retired.value.refusal is Refusal.STAFF_INACTIVE
    assert roster_rows(front) == roster_rows(brasserie)


def test_changes_made_apart_resolve_the_same_on_every_desk(
        pair: tuple[Desk, Desk, Team], clock: ManualClock) -> None:
    front, brasserie, team = pair
    bea = brasserie.staff.find("Bea Stone")
    rita = team.manager.id
    # Offline: the front makes Leo a supervisor, a minute later the brasserie a manager.
    front.staff.set_role(team.agent2.id, "supervisor", by=rita)
    clock.advance(minutes=1)
    brasserie.staff.set_role(team.agent2.id, "manager", by=bea.id)
    # The brasserie retires Maya; later the front, not knowing, makes her a supervisor.
    brasserie.staff.deactivate(team.agent.id, by=bea.id)
    clock.advance(minutes=1)
    front.staff.set_role(team.agent.id, "supervisor", by=rita)
    # Each retires the other's manager: together they would leave Leo the only manager.
    front.staff.deactivate(bea.id, by=rita)
    brasserie.staff.deactivate(rita, by=bea.id)
    sync(front, brasserie)
    assert roster_rows(front) == roster_rows(brasserie)
    assert front.staff.member(team.agent2.id).role == "manager"  # the later change won
    assert not front.staff.member(team.agent.id).active  # deactivation is final
    managers = [m.name for m in front.staff.roster() if m.role == "manager"]
    assert managers == ["Leo Brandt"]
    # A refold from the log alone gives the same roster.
    before = roster_rows(front)
    front.refold()
    assert roster_rows(front) == before


def test_the_site_never_loses_its_last_manager_to_two_desks_apart(
        pair: tuple[Desk, Desk, Team], clock: ManualClock) -> None:
    front, brasserie, team = pair
    bea = brasserie.staff.find("Bea Stone")
    front.staff.deactivate(bea.id, by=team.manager.id)
    clock.advance(minutes=1)
    brasserie.staff.deactivate(team.manager.id, by=bea.id)
    sync(front, brasserie)
    assert roster_rows(front) == roster_rows(brasserie)
    # The earlier deactivation applies; the later one would leave no manager and is skipped.
    assert [m.name for m in front.staff.roster() if m.role == "manager"] == ["Rita Lang"]


def test_wrong_pin_waiting_follows_the_person_across_desks(
        pair: tuple[Desk, Desk, Team], clock: ManualClock) -> None:
    front, brasserie, team = pair
    for _ in range(3):
        assert front.shifts.sign_in(team.agent.id, "0001").wrong_pin
    sync(front, brasserie)
    waiting = brasserie.shifts.sign_in(team.agent.id, "5817")
    assert waiting.on_shift is None and waiting.wait_seconds == 5
    clock.advance(seconds=5)
    assert brasserie.shifts.sign_in(team.agent.id, "5817").on_shift is not None
    sync(front, brasserie)
    assert front.shifts.sign_in(team.agent.id, "0001").wait_seconds == 0  # count started over


def test_a_pin_reset_at_one_desk_is_set_anew_at_the_other(pair: tuple[Desk, Desk, Team]) -> None:
    front, brasserie, team = pair
    front.staff.reset_pin(team.agent.id, by=team.manager.id)
    sync(front, brasserie)  # the brasserie's clock is no later: its PIN still follows the reset
    with pytest.raises(DeskError) as pending:
        brasserie.shifts.sign_in(team.agent.id, "5817")
    assert pending.value.refusal is Refusal.PIN_RESET_PENDING
    brasserie.staff.set_new_pin(team.agent.id, "7391")
    sync(front, brasserie)
    assert front.shifts.sign_in(team.agent.id, "7391").on_shift is not None


def test_one_person_has_one_shift_allowance(pair: tuple[Desk, Desk, Team],
                                            clock: ManualClock) -> None:
    front, brasserie, team = pair
    at_front = team.sign_in(team.agent)
    for guest in ("Ada Byrne", "Bo Chen"):
        case_id = front.cases.open(at_front, CaseHeader(guest, "Room 1"))
        assert front.grants.grant(at_front, case_id, GestureProposal("comp", "Tea", 5000)).granted
    sync(front, brasserie)
    clock.advance(minutes=10)
    at_brasserie = brasserie.shifts.sign_in(team.agent.id, "5817").on_shift
    assert at_brasserie is not None
    case_id = brasserie.cases.open(at_brasserie, CaseHeader("Cy Dunn", "Table 4"))
    assert brasserie.grants.spend_for(at_brasserie, case_id).shift == 10000
    decision = brasserie.grants.check(at_brasserie, case_id, 5001)
    assert "per_shift" in [b.limit.value for b in decision.breaches]
    assert brasserie.grants.check(at_brasserie, case_id, 5000).within_limits
    assert brasserie.grants.grant(at_brasserie, case_id,
                                  GestureProposal("comp", "Tea", 5000)).granted
    sync(front, brasserie)
    other = front.cases.open(at_front, CaseHeader("Ed Fox", "Room 9"))
    refused = front.grants.grant(at_front, other, GestureProposal("comp", "Tea", 100))
    assert not refused.granted  # all 15,000 of her shift spent, at two desks


def test_limits_passed_apart_are_kept_and_shown_in_the_review(
        pair: tuple[Desk, Desk, Team], clock: ManualClock) -> None:
    front, brasserie, team = pair
    at_front = team.sign_in(team.agent)
    at_brasserie = brasserie.shifts.sign_in(team.agent.id, "5817").on_shift
    assert at_brasserie is not None
    # Apart: each desk sees only its own 10,000 of Maya's 15,000 shift allowance.
    for desk, who, guests in ((front, at_front, ("Ada Byrne", "Bo Chen")),
                              (brasserie, at_brasserie, ("Cy Dunn", "Di Egan"))):
        for guest in guests:
            clock.advance(minutes=1)
            case_id = desk.cases.open(who, CaseHeader(guest, "Room 1"))
            assert desk.grants.grant(who, case_id, GestureProposal("comp", "Tea", 5000)).granted
    sync(front, brasserie)
    for desk in (front, brasserie):
        today = desk.site.local_time(desk.now()).date()
        review = desk.review(today, today)
        assert review.total_spend == 20000  # nothing undone
        passed = [f for f in review.findings if f.rule == "limit_passed_apart"]
        assert [(f.subject, f.detail) for f in passed] == [
            ("Maya Torres", "shift allowance passed by 50.00 USD once desks synced")]
        assert len(passed[0].case_ids) == 1
        granters = {g.granted_by for g in review.grants}
        assert granters == {"Maya Torres"}


def test_a_guest_stay_passed_apart_is_shown(pair: tuple[Desk, Desk, Team],
                                            clock: ManualClock) -> None:
    front, brasserie, team = pair
    at_front = team.sign_in(team.agent)
    at_brasserie = brasserie.shifts.sign_in(team.agent2.id, "6392").on_shift
    assert at_brasserie is not None
    for _ in range(2):
        case_id = front.cases.open(at_front, CaseHeader("Grace Kim", "Room 214"))
        assert front.grants.grant(at_front, case_id, GestureProposal("comp", "Tea", 5000)).granted
    clock.advance(minutes=1)
    case_id = brasserie.cases.open(at_brasserie, CaseHeader("Grace Kim", "Table 2"))
    assert brasserie.grants.grant(at_brasserie, case_id,
                                  GestureProposal("comp", "Wine", 5000)).granted
    sync(front, brasserie)
    # Now the front counts her whole stay: 15,000 of 10,000.
    case_id = front.cases.open(at_front, CaseHeader("Grace Kim", "Room 214"))
    assert front.grants.spend_for(at_front, case_id).guest_stay == 15000
    today = front.site.local_time(front.now()).date()
    passed = [f for f in front.review(today, today).findings if f.rule == "limit_passed_apart"]
    assert [(f.subject, f.detail) for f in passed] == [
        ("Grace Kim", "stay allowance passed by 50.00 USD once desks synced")]


def test_every_view_names_people_of_the_other_desk(pair: tuple[Desk, Desk, Team],
                                                   clock: ManualClock) -> None:
    front, brasserie, team = pair
    who = team.sign_in(team.agent)
    case_id = front.cases.open(who, CaseHeader("Grace Kim", "Room 214"))
    result = front.grants.grant(who, case_id, GestureProposal("voucher", "Spa day", 9000),
                                ApproverSignOff(team.supervisor.id, "2468", "long wait"))
    assert result.granted and result.voucher_code
    sync(front, brasserie)
    clock.advance(minutes=5)
    bea = brasserie.staff.find("Bea Stone")
    at_brasserie = brasserie.shifts.sign_in(bea.id, "1357").on_shift
    assert at_brasserie is not None
    assert brasserie.vouchers.redeem(at_brasserie, result.voucher_code).ok
    sync(front, brasserie)
    for desk in (front, brasserie):
        voucher = desk.vouchers.check(result.voucher_code).voucher
        assert voucher is not None
        assert (voucher.issued_by_name, voucher.redeemed_by_name) == ("Maya Torres", "Bea Stone")
        today = desk.site.local_time(desk.now()).date()
        lines = desk.review(today, today).grants
        assert [(g.granted_by, g.approved_by) for g in lines] == [("Maya Torres", "Sam Okoye")]


def test_one_person_added_at_two_desks_before_enrolling_is_two_until_a_manager_retires_one(
        tmp_path: Path, clock: ManualClock) -> None:
    front = make_desk(tmp_path / "front", clock)
    brasserie = second_desk(tmp_path / "brasserie", clock)
    sam_front = front.staff.add("Sam Okoye", "supervisor", "2468",
                                by=front.staff.find("Rita Lang").id)
    bea = brasserie.staff.find("Bea Stone")
    sam_brasserie = brasserie.staff.add("sam okoye", "agent", "8642", by=bea.id)
    clock.advance(minutes=1)
    sync(front, brasserie)
    for desk in (front, brasserie):
        sams = [m for m in desk.staff.roster() if m.name.casefold() == "sam okoye"]
        assert {m.id for m in sams} == {sam_front.id, sam_brasserie.id}
        # Each is shown with the desk that added them, so a manager can tell them apart.
        assert {m.desk_hint for m in sams} == {front.device_id[:8], brasserie.device_id[:8]}
        with pytest.raises(DeskError) as ambiguous:
            desk.staff.find("Sam Okoye")
        assert ambiguous.value.refusal is Refusal.STAFF_NAME_AMBIGUOUS
        with pytest.raises(DeskError) as taken:
            desk.staff.add("Sam Okoye", "agent", "7391", by=desk.staff.find("Rita Lang").id)
        assert taken.value.refusal is Refusal.STAFF_NAME_TAKEN
    # Each PIN works at both desks until the manager retires the brasserie's copy.
    assert front.shifts.sign_in(sam_brasserie.id, "8642").on_shift is not None
    brasserie.staff.deactivate(sam_brasserie.id, by=bea.id)
    sync(front, brasserie)
    for desk in (front, brasserie):
        assert desk.staff.find("Sam Okoye").id == sam_front.id
        assert desk.staff.member(sam_front.id).desk_hint == ""
    front.close()
    brasserie.close()
