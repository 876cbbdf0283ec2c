"""The budget check and approval: granted at once within limits, approved on record above."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.money import MAX_MINOR
from desktop.core.budget import ApprovalRefusal, Limit, Spend, approval_refusal, check_grant
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.guest_links import guest_key
from desktop.core.policy import PolicyError, RoleLimits, default_policy, parse_policy
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal
from tests.conftest import Team, make_desk

AGENT = RoleLimits(per_case=5000, per_shift=15000, per_guest_stay=10000)


def test_default_policy_has_the_agreed_limits(shared_policy: dict) -> None:
    policy = default_policy()
    for role, limits in shared_policy["roles"].items():
        assert policy.limits_for(role) == RoleLimits(**limits)
    assert policy.approver_roles == frozenset(shared_policy["approver_roles"])
    assert policy.follow_up_minutes == shared_policy["follow_up_minutes"]
    assert policy.voucher_valid_days == shared_policy["voucher_valid_days"]


def test_within_every_limit() -> None:
    decision = check_grant(AGENT, Spend(case=1000, shift=2000, guest_stay=3000), 4000)
    assert decision.within_limits
    assert decision.remaining == {Limit.PER_CASE: 4000, Limit.PER_SHIFT: 13000,
                                  Limit.PER_GUEST_STAY: 7000}


def test_exactly_at_the_limit_is_within() -> None:
    assert check_grant(AGENT, Spend(), 5000).within_limits
    assert not check_grant(AGENT, Spend(), 5001).within_limits


def test_breaches_name_the_limit_and_by_how_much() -> None:
    decision = check_grant(AGENT, Spend(case=0, shift=14000, guest_stay=9500), 1200)
    found = {b.limit: b.over_by for b in decision.breaches}
    assert found == {Limit.PER_SHIFT: 200, Limit.PER_GUEST_STAY: 700}


def test_no_gesture_never_breaches() -> None:
    assert check_grant(AGENT, Spend(case=99999, shift=99999, guest_stay=99999), 0).within_limits


def test_approver_rules() -> None:
    policy = default_policy()
    spent = Spend()
    assert approval_refusal(policy, approver_id="s", approver_role="supervisor", granter_id="a",
                            spent=spent, value=9500) is None
    assert approval_refusal(policy, approver_id="a2", approver_role="agent", granter_id="a",
                            spent=spent, value=100) is ApprovalRefusal.NOT_AN_APPROVER
    assert approval_refusal(policy, approver_id="s", approver_role="supervisor", granter_id="s",
                            spent=spent, value=40000) is ApprovalRefusal.OWN_GRANT
    assert approval_refusal(policy, approver_id="s", approver_role="supervisor", granter_id="a",
                            spent=spent, value=180000) is ApprovalRefusal.BEYOND_APPROVER_LIMITS
    assert approval_refusal(policy, approver_id="m", approver_role="manager", granter_id="a",
                            spent=spent, value=180000) is None


@pytest.mark.parametrize("body", [
    "{", "[]", '{"version": 0, "roles": {"agent": {}}}',
    '{"version": 1, "roles": {"agent": {"per_case": 1.5, "per_shift": 1, "per_guest_stay": 1}}}',
    '{"version": 1, "roles": {"agent": {"per_case": -1, "per_shift": 1, "per_guest_stay": 1}}}',
    '{"version": 1, "roles": {"agent": {"per_case": 1, "per_shift": 1, "per_guest_stay": 1}},'
    ' "approver_roles": ["boss"]}',
    '{"version": 1, "roles": {"agent": {"per_case": 1, "per_shift": 1, "per_guest_stay": 1}},'
    ' "stay_window_days": 61}',
])
def test_bad_policies_are_refused_with_the_field(body: str) -> None:
    with pytest.raises(PolicyError):
        parse_policy(body)


def test_the_longest_stay_window_is_accepted() -> None:
    body = ('{"version": 1, "roles": {"agent": {"per_case": 1, "per_shift": 1,'
            ' "per_guest_stay": 1}}, "stay_window_days": 60}')
    assert parse_policy(body).stay_window_days == 60
    with pytest.raises(PolicyError, match="stay_window_days: must be at most 60"):
        parse_policy(body.replace("60}", "90}"))


def test_policy_versions_and_manager_only(desk: Desk, team: Team) -> None:
    agent = team.sign_in(team.agent)
    manager = team.sign_in(team.manager)
    with pytest.raises(DeskError):
        desk.site.set_policy(desk.site.policy(), by=agent)
    limits = dict(desk.site.policy().roles)
    limits["agent"] = RoleLimits(8000, 20000, 12000)
    new = desk.site.set_policy(desk.site.policy().with_changes(roles=limits), by=manager)
    assert new.version == 2 and desk.site.policy().limits_for("agent").per_case == 8000
    assert desk.grants.check(agent, None, 7000).within_limits


# --- through the desk ------------------------------------------------------------------------


def open_case(desk: Desk, team: Team, guest: str = "Grace Kim", who=None) -> tuple:
    on_shift = who or team.sign_in(team.agent)
    return on_shift, desk.cases.open(on_shift, CaseHeader(guest, "Room 1", "Front Desk",
                                                         "maintenance", "high"))


def test_scenarios_do_what_they_expect_in_the_core(scenarios: list, tmp_path: Path,
                                                   clock: ManualClock) -> None:
    for scenario in scenarios:
        desk = make_desk(tmp_path / scenario["id"], clock, currency=scenario["currency"])
        team = Team(desk)
        who, case_id = open_case(desk, team, scenario["guest"]["name"])
        gesture = scenario["gesture"]
        result = desk.grants.grant(who, case_id, GestureProposal(gesture["type"],
                                                          gesture["description"],
                                                          gesture["value_minor"]))
        expected = scenario["expect"]
        assert result.granted == (expected != "needs_approval"), scenario["id"]
        spent = desk.grants.spend_for(who, case_id)
        if expected == "no_gesture":
            assert spent == Spend(0, 0, 0)
        if expected == "within_budget":
            assert spent.shift == gesture["value_minor"]
        desk.close()


def test_approval_is_its_own_event_linked_to_the_grant(desk: Desk, team: Team) -> None:
    who, case_id = open_case(desk, team)
    proposal = GestureProposal("comp", "Dinner for two comped", 9500)
    assert not desk.grants.grant(who, case_id, proposal).granted
    sign_off = ApproverSignOff(team.supervisor.id, "2468", "Suit ruined; our fault.")
    result = desk.grants.grant(who, case_id, proposal, sign_off)
    assert result.granted and result.approval_id
    events = {e.kind: json.loads(e.payload) for e in desk.cases.events(case_id)}
    assert events["approval.given"]["grant_id"] == result.grant_id
    assert events["compensation.granted"]["approval_id"] == result.approval_id
    assert events["approval.given"]["breaches"] == ["per_case"]
    approver_events = [e for e in desk.cases.events(case_id) if e.kind == "approval.given"]
    assert approver_events[0].actor == team.supervisor.id


def test_wrong_approver_pin_grants_nothing_and_counts(desk: Desk, team: Team,
                                                      clock: ManualClock) -> None:
    who, case_id = open_case(desk, team)
    proposal = GestureProposal("comp", "Meal", 9500)
    for _ in range(3):
        with pytest.raises(DeskError) as raised:
            desk.grants.grant(who, case_id, proposal,
                              ApproverSignOff(team.supervisor.id, "9999", "ok"))
        assert raised.value.code == "approver_pin_wrong"
    assert raised.value.detail == "5"  # the third wrong PIN starts a delay
    assert desk.cases.get(case_id).grants == ()
    clock.advance(seconds=5)
    assert desk.grants.grant(who, case_id, proposal,
                      ApproverSignOff(team.supervisor.id, "2468", "ok")).granted


def test_nobody_approves_their_own_grant_beyond_their_limits(desk: Desk, team: Team) -> None:
    supervisor = team.sign_in(team.supervisor)
    _, case_id = open_case(desk, team, who=supervisor)
    proposal = GestureProposal("refund", "Partner hotel", 40000)
    with pytest.raises(DeskError) as raised:
        desk.grants.grant(supervisor, case_id, proposal,
                   ApproverSignOff(team.supervisor.id, "2468", "mine"))
    assert raised.value.detail == ApprovalRefusal.OWN_GRANT.value
    assert desk.grants.grant(supervisor, case_id, proposal,
                      ApproverSignOff(team.manager.id, "1357", "walked guest")).granted


def test_an_agent_cannot_approve_and_a_supervisor_not_beyond_own_limits(desk: Desk,
                                                                        team: Team) -> None:
    who, case_id = open_case(desk, team)
    big = GestureProposal("credit", "Corrected order credited", 180000)
    with pytest.raises(DeskError) as agent_try:
        desk.grants.grant(who, case_id, big, ApproverSignOff(team.agent2.id, "6392", "ok"))
    assert agent_try.value.detail == ApprovalRefusal.NOT_AN_APPROVER.value
    with pytest.raises(DeskError) as supervisor_try:
        desk.grants.grant(who, case_id, big, ApproverSignOff(team.supervisor.id, "2468", "ok"))
    assert supervisor_try.value.detail == ApprovalRefusal.BEYOND_APPROVER_LIMITS.value
    assert desk.cases.get(case_id).grants == ()


def test_a_declined_approval_is_on_record_and_grants_nothing(desk: Desk, team: Team) -> None:
    who, case_id = open_case(desk, team)
    proposal = GestureProposal("comp", "Meal", 9500)
    desk.grants.decline_approval(who, case_id, ApproverSignOff(team.supervisor.id, "2468",
                                                        "A dessert is enough here."), proposal)
    assert desk.cases.get(case_id).grants == () and desk.cases.get(case_id).status == "open"
    declined = [a for a in desk.cases.approvals(case_id) if a.decision == "declined"]
    assert declined and declined[0].reason == "A dessert is enough here."
    assert desk.grants.spend_for(who, case_id) == Spend(0, 0, 0)


def test_guest_stay_spans_cases_shifts_and_people(desk: Desk, team: Team,
                                                  clock: ManualClock) -> None:
    maya = team.sign_in(team.agent)
    _, first = open_case(desk, team, "Zoë Lindqvist", who=maya)
    assert desk.grants.grant(maya, first, GestureProposal("amenity", "Drinks", 4000)).granted
    desk.shifts.end(maya)
    clock.advance(hours=20)
    leo = team.sign_in(team.agent2)
    _, second = open_case(desk, team, "  ZOË   lindqvist ", who=leo)
    assert desk.grants.grant(leo, second, GestureProposal("amenity", "Breakfast", 4000)).granted
    third_try = desk.grants.grant(leo, second, GestureProposal("voucher", "Spa", 1000))
    assert third_try.granted  # 5000 in this case, 9000 for the guest: still within
    fourth = desk.grants.grant(leo, second, GestureProposal("voucher", "Spa again", 1500))
    assert not fourth.granted
    assert {b.limit for b in fourth.decision.breaches} == {Limit.PER_CASE,
                                                           Limit.PER_GUEST_STAY}
    clock.advance(days=15)  # a new stay: the guest's allowance starts over
    leo = team.sign_in(team.agent2)
    _, later = open_case(desk, team, "Zoë Lindqvist", who=leo)
    assert desk.grants.spend_for(leo, later).guest_stay == 0


def test_a_correction_spends_no_budget(desk: Desk, team: Team) -> None:
    who, case_id = open_case(desk, team)
    desk.cases.record_correction(who, case_id, "Minibar charge removed", 3400)
    assert desk.grants.spend_for(who, case_id) == Spend(0, 0, 0)
    assert desk.cases.corrections(case_id) == [("Minibar charge removed", 3400)]


def test_a_correction_beyond_any_amount_is_refused_as_a_value(desk: Desk, team: Team) -> None:
    who, case_id = open_case(desk, team)
    count = desk.event_count()
    with pytest.raises(DeskError) as refused:
        desk.cases.record_correction(who, case_id, "Typo", MAX_MINOR + 1)
    assert refused.value.refusal is Refusal.INVALID_VALUE  # not a fault of the build
    assert desk.event_count() == count


@pytest.mark.parametrize(("kind", "value"), [("comp", 0), ("none", 100), ("comp", -5),
                                             ("teleport", 100), ("comp", 12.5),
                                             ("comp", MAX_MINOR + 1)])
def test_impossible_gestures_are_refused(desk: Desk, team: Team, kind: str, value) -> None:
    who, case_id = open_case(desk, team)
    count = desk.event_count()
    with pytest.raises(DeskError):
        desk.grants.grant(who, case_id, GestureProposal(kind, "x", value))
    assert desk.event_count() == count


def test_spend_is_right_after_a_restart(desk: Desk, team: Team, data_dir: Path,
                                        clock: ManualClock) -> None:
    who, case_id = open_case(desk, team)
    desk.grants.grant(who, case_id, GestureProposal("comp", "Dessert", 1800))
    desk.close()
    again = Desk.open(data_dir, clock)
    assert again.grants.spend_for(who, case_id) == Spend(1800, 1800, 1800)
    assert again.grants.check(who, case_id, 0).remaining[Limit.PER_SHIFT] == 15000 - 1800
    again.close()


KILL_BETWEEN_APPROVAL_AND_GRANT = r"""
import os, signal, sys
from pathlib import Path
from desktop.core import caselog
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.views import ApproverSignOff, GestureProposal, OnShift, StaffMember

data_dir, agent_id, shift_id, case_id, supervisor_id = sys.argv[1:6]
desk = Desk.open(Path(data_dir), ManualClock())
real_append = caselog.append

def append_then_die(db, **kw):
    event = real_append(db, **kw)
    if kw["kind"] == "approval.given":
        os.kill(os.getpid(), signal.SIGKILL)  # after the approval, before the grant
    return event

caselog.append = append_then_die
who = OnShift(StaffMember(agent_id, "Maya Torres", "agent"), shift_id)
desk.grants.grant(who, case_id, GestureProposal("comp", "Meal", 9500),
           ApproverSignOff(supervisor_id, "2468", "our fault"))
"""


def test_killed_between_approval_and_grant_leaves_neither(desk: Desk, team: Team,
                                                          data_dir: Path,
                                                          clock: ManualClock) -> None:
    who, case_id = open_case(desk, team)
    desk.close()
    result = subprocess.run(
        [sys.executable, "-c", KILL_BETWEEN_APPROVAL_AND_GRANT, str(data_dir), who.staff.id,
         who.shift_id, case_id, team.supervisor.id], capture_output=True, text=True,
        timeout=120)
    assert result.returncode == -9, result.stderr
    again = Desk.open(data_dir, clock)
    kinds = [e.kind for e in again.cases.events(case_id)]
    assert "approval.given" not in kinds and "compensation.granted" not in kinds
    assert again.cases.approvals(case_id) == [] and again.cases.get(case_id).grants == ()
    assert again.verify_log() is None
    again.close()


# --- property: no limit is exceeded without an approval ----------------------------------------

ROLES = ("agent", "agent2", "supervisor", "manager")
GUESTS = ("Daniel Okafor", "Zoë Lindqvist", "佐藤 美咲")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """One desk with its team, copied for every example (PIN hashing is slow on purpose)."""
    folder = tmp_path_factory.mktemp("template")
    desk = make_desk(folder, ManualClock())
    team = Team(desk)
    ids = {"agent": team.agent.id, "agent2": team.agent2.id,
           "supervisor": team.supervisor.id, "manager": team.manager.id}
    desk.close()
    return folder, ids


operation = st.one_of(
    st.tuples(st.just("grant"), st.sampled_from(ROLES), st.integers(0, 2),
              st.integers(1, 60000), st.sampled_from([None, "supervisor", "manager"])),
    st.tuples(st.just("end_shift"), st.sampled_from(ROLES)),
    st.tuples(st.just("wait_hours"), st.integers(1, 400)),
)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=st.lists(operation, min_size=1, max_size=25))
def test_no_limit_is_ever_exceeded_without_an_approval(
        ops: list, template: tuple[Path, dict[str, str]],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    folder, ids = template
    work = tmp_path_factory.mktemp("prop")
    shutil.copytree(folder, work, dirs_exist_ok=True)
    clock = ManualClock()
    desk = Desk.open(work, clock)
    pins = {"agent": "5817", "agent2": "6392", "supervisor": "2468", "manager": "1357"}
    policy = desk.site.policy()
    shifts: dict[str, object] = {}
    cases: dict[tuple[str, int], str] = {}
    try:
        for op in ops:
            if op[0] == "wait_hours":
                clock.advance(hours=op[1])
                continue
            role = op[1]
            if op[0] == "end_shift":
                if role in shifts:
                    desk.shifts.end(shifts.pop(role))
                continue
            if role not in shifts:
                shifts[role] = desk.shifts.sign_in(ids[role], pins[role]).on_shift
            who = shifts[role]
            _, _, guest, value, approver = op
            key = (who.shift_id, guest)
            if key not in cases:
                cases[key] = desk.cases.open(who, CaseHeader(GESTS[guest], "Room 1"))
            case_id = cases[key]
            # What the panel shows equals the limit minus what the events say was spent.
            shown = desk.grants.check(who, case_id, 0).remaining
            spent = spend_from_events(desk, who.staff.id, who.shift_id, case_id,
                                      policy.stay_window_days)
            limits = policy.limits_for(who.staff.role)
            assert shown[Limit.PER_CASE] == max(limits.per_case - spent.case, 0)
            assert shown[Limit.PER_SHIFT] == max(limits.per_shift - spent.shift, 0)
            assert shown[Limit.PER_GUEST_STAY] == max(limits.per_guest_stay - spent.guest_stay, 0)
            sign_off = (ApproverSignOff(ids[approver], pins[approver], "property test")
                        if approver else None)
            try:
                desk.grants.grant(who, case_id, GestureProposal("comp", "x", value), sign_off)
            except DeskError as error:
                assert error.code == "approval_refused"
        assert_no_unapproved_breach(desk, policy)
    finally:
        desk.close()


GESTS = GUESTS


def spend_from_events(desk: Desk, staff_id: str, shift_id: str, case_id: str,
                      window_days: int) -> Spend:
    """Spend recomputed from the raw events, independently of the read model."""
    from datetime import timedelta

    from db.models import parse_utc

    guest_of: dict[str, str] = {}
    case_total = shift_total = 0
    grants: list[tuple[str, int, object]] = []
    for event in desk.ledger.events_of(desk.device_id):
        payload = json.loads(event.payload)
        if event.kind in ("case.opened", "case.updated") and "guest_name" in payload:
            guest_of[event.case_id] = guest_key(payload["guest_name"])
        if event.kind == "compensation.granted":
            grants.append((event.case_id, payload["value_minor"], parse_utc(event.at)))
            if event.case_id == case_id:
                case_total += payload["value_minor"]
            if payload["shift_id"] == shift_id and event.actor == staff_id:
                shift_total += payload["value_minor"]
    since = desk.now() - timedelta(days=window_days)
    guest_total = sum(v for c, v, at in grants
                      if guest_of.get(c) == guest_of.get(case_id) and at >= since)
    return Spend(case_total, shift_total, guest_total)


def assert_no_unapproved_breach(desk: Desk, policy) -> None:
    """Replay the log: every grant without an approval fitted its granter's limits."""
    from datetime import timedelta

    from db.models import parse_utc

    role_of = {m.id: m.role for m in desk.staff.roster()}
    guest_of: dict[str, str] = {}
    by_case: dict[str, int] = defaultdict(int)
    by_shift: dict[str, int] = defaultdict(int)
    history: list[tuple[str, int, object]] = []
    approved: set[str] = set()
    for event in desk.ledger.events_of(desk.device_id):
        payload = json.loads(event.payload)
        if event.kind in ("case.opened", "case.updated") and "guest_name" in payload:
            guest_of[event.case_id] = guest_key(payload["guest_name"])
        if event.kind == "approval.given":
            approved.add(payload["approval_id"])
        if event.kind != "compensation.granted":
            continue
        value = payload["value_minor"]
        at = parse_utc(event.at)
        since = at - timedelta(days=policy.stay_window_days)
        guest_before = sum(v for c, v, t in history
                           if guest_of[c] == guest_of[event.case_id] and t >= since)
        limits = policy.limits_for(role_of[event.actor])
        within = (by_case[event.case_id] + value <= limits.per_case
                  and by_shift[payload["shift_id"]] + value <= limits.per_shift
                  and guest_before + value <= limits.per_guest_stay)
        if not within:
            assert payload["approval_id"] in approved, event.id
        by_case[event.case_id] += value
        by_shift[payload["shift_id"]] += value
        history.append((event.case_id, value, at))
