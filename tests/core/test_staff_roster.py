"""The site's roster at one desk: managers add, change, retire and reset; everyone changes their
own PIN; every change is an event by whoever made it, and bad input writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core import pins
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.views import CaseHeader, GestureProposal
from tests.conftest import Team


def staff_events(desk: Desk) -> list[tuple[str, str | None, dict[str, object]]]:
    with desk.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT kind, actor, payload FROM event WHERE kind LIKE 'staff.%' ORDER BY seq")
        return [(k, a, json.loads(p)) for k, a, p in rows]


def refused(refusal: Refusal, call: object, *args: object, **kwargs: object) -> DeskError:
    with pytest.raises(DeskError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    assert caught.value.refusal is refusal, caught.value
    return caught.value


def test_a_new_site_and_its_staff_are_events_by_the_manager(desk: Desk, team: Team) -> None:
    events = staff_events(desk)
    assert [k for k, _, _ in events] == ["staff.added"] * 4
    first, *others = events
    assert first[1] == team.manager.id == first[2]["staff_id"]  # the creator adds themselves
    assert all(actor == team.manager.id for _, actor, _ in others)
    for _, _, payload in events:
        assert str(payload["pin_hash"]).startswith("scrypt$")
        assert set(payload) == {"staff_id", "name", "role", "pin_hash"}
    assert [m.name for m in desk.staff.roster()] == ["Leo Brandt", "Maya Torres", "Rita Lang",
                                                      "Sam Okoye"]


def test_a_manager_adds_someone_who_then_signs_in(desk: Desk, team: Team) -> None:
    added = desk.staff.add("  Ana\tRuiz \n", "agent", "7391", by=team.manager.id)
    assert (added.name, added.role, added.active, added.must_set_pin) == (
        "Ana Ruiz", "agent", True, False)
    assert desk.staff.find("ana ruiz") == added
    assert desk.shifts.sign_in(added.id, "7391").on_shift is not None


@pytest.mark.parametrize(("name", "role", "pin", "refusal"), [
    ("", "agent", "7391", Refusal.STAFF_NAME_MISSING),
    ("   ", "agent", "7391", Refusal.STAFF_NAME_MISSING),
    ("maya TORRES", "agent", "7391", Refusal.STAFF_NAME_TAKEN),
    ("Ana Ruiz", "chef", "7391", Refusal.UNKNOWN_ROLE),
    ("A" * 101, "agent", "7391", Refusal.TEXT_TOO_LONG),
    ("Ana Ruiz", "agent", "739", Refusal.PIN_TOO_SHORT),
    ("Ana Ruiz", "agent", "739173917", Refusal.PIN_TOO_LONG),
    ("Ana Ruiz", "agent", "73a1", Refusal.PIN_NOT_DIGITS),
    ("Ana Ruiz", "agent", "０１２３", Refusal.PIN_NOT_DIGITS),
    ("Ana Ruiz", "agent", "0000", Refusal.PIN_TOO_SIMPLE),
    ("Ana Ruiz", "agent", "1234", Refusal.PIN_TOO_SIMPLE),
    ("Ana Ruiz", "agent", "98765", Refusal.PIN_TOO_SIMPLE),
    ("Ana Ruiz", "agent", "2580", Refusal.PIN_TOO_SIMPLE),
])
def test_bad_input_to_add_is_refused_and_writes_nothing(
        desk: Desk, team: Team, name: str, role: str, pin: str, refusal: Refusal) -> None:
    before = desk.event_count()
    refused(refusal, desk.staff.add, name, role, pin, by=team.manager.id)
    assert desk.event_count() == before
    assert len(desk.staff.roster()) == 4


def test_only_an_active_manager_changes_the_roster(desk: Desk, team: Team) -> None:
    before = desk.event_count()
    for who in (team.agent.id, team.supervisor.id, "nobody"):
        refused(Refusal.NOT_A_MANAGER, desk.staff.add, "Ana Ruiz", "agent", "7391", by=who)
        refused(Refusal.NOT_A_MANAGER, desk.staff.set_role, team.agent2.id, "supervisor",
                by=who)
        refused(Refusal.NOT_A_MANAGER, desk.staff.deactivate, team.agent2.id, by=who)
        refused(Refusal.NOT_A_MANAGER, desk.staff.reset_pin, team.agent2.id, by=who)
    assert desk.event_count() == before


def test_roles_change_but_never_ones_own_nor_the_last_managers(desk: Desk, team: Team) -> None:
    boss = team.manager.id
    assert desk.staff.set_role(team.agent.id, "supervisor", by=boss).role == "supervisor"
    assert staff_events(desk)[-1] == ("staff.role_changed", boss,
                                      {"staff_id": team.agent.id, "role": "supervisor"})
    before = desk.event_count()
    # Rita is the only manager: that is the answer she needs, before "not your own role".
    refused(Refusal.LAST_MANAGER, desk.staff.set_role, boss, "agent", by=boss)
    refused(Refusal.LAST_MANAGER, desk.staff.deactivate, boss, by=boss)
    refused(Refusal.OWN_ROLE, desk.staff.set_role, boss, "manager", by=boss)
    refused(Refusal.UNKNOWN_ROLE, desk.staff.set_role, team.agent.id, "owner", by=boss)
    refused(Refusal.UNKNOWN_STAFF, desk.staff.set_role, "nobody", "agent", by=boss)
    assert desk.event_count() == before
    # A second manager can be demoted by the first, but then the first is the last one.
    second = desk.staff.set_role(team.supervisor.id, "manager", by=boss)
    refused(Refusal.OWN_ROLE, desk.staff.set_role, second.id, "agent", by=second.id)
    desk.staff.set_role(boss, "agent", by=second.id)
    before = desk.event_count()
    refused(Refusal.NOT_A_MANAGER, desk.staff.set_role, second.id, "agent", by=boss)
    third = desk.staff.set_role(team.agent2.id, "manager", by=second.id)
    desk.staff.deactivate(third.id, by=second.id)
    assert desk.event_count() == before + 2
    # Now the second is the only manager left: nobody can demote or retire them.
    assert [m.id for m in desk.staff.roster() if m.role == "manager"] == [second.id]


def test_the_last_manager_cannot_be_demoted_or_deactivated(desk: Desk, team: Team) -> None:
    other = desk.staff.set_role(team.supervisor.id, "manager", by=team.manager.id)
    desk.staff.deactivate(team.manager.id, by=other.id)
    before = desk.event_count()
    # The only one left could only be changed by themselves: told they are the last manager.
    refused(Refusal.LAST_MANAGER, desk.staff.set_role, other.id, "agent", by=other.id)
    refused(Refusal.LAST_MANAGER, desk.staff.deactivate, other.id, by=other.id)
    refused(Refusal.NOT_A_MANAGER, desk.staff.deactivate, other.id, by=team.manager.id)
    assert desk.event_count() == before


def test_deactivated_people_never_sign_in_and_keep_their_name(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim", "Room 214"))
    code = desk.grants.grant(who, case_id, GestureProposal("voucher", "Spa", 2500)).voucher_code
    assert code
    desk.staff.deactivate(team.agent.id, by=team.manager.id)
    assert staff_events(desk)[-1] == ("staff.deactivated", team.manager.id,
                                      {"staff_id": team.agent.id})
    refused(Refusal.STAFF_INACTIVE, desk.shifts.sign_in, team.agent.id, "5817")
    refused(Refusal.STAFF_INACTIVE, desk.staff.set_role, team.agent.id, "manager",
            by=team.manager.id)
    refused(Refusal.UNKNOWN_STAFF, desk.staff.find, "Maya Torres")
    assert team.agent.id not in {m.id for m in desk.staff.roster()}
    retired = desk.staff.member(team.agent.id)
    assert retired.name == "Maya Torres" and not retired.active
    assert retired in desk.staff.roster(include_inactive=True)
    voucher = desk.vouchers.check(code).voucher
    assert voucher is not None and voucher.issued_by_name == "Maya Torres"
    # The name is free again for someone new.
    assert desk.staff.add("Maya Torres", "agent", "7391", by=team.manager.id).id != retired.id


def test_a_reset_pin_is_set_anew_at_the_next_sign_in(desk: Desk, team: Team) -> None:
    refused(Refusal.NO_PIN_RESET, desk.staff.set_new_pin, team.agent.id, "7391")
    desk.staff.reset_pin(team.agent.id, by=team.manager.id)
    assert desk.staff.member(team.agent.id).must_set_pin
    refused(Refusal.PIN_RESET_PENDING, desk.shifts.sign_in, team.agent.id, "5817")
    refused(Refusal.PIN_RESET_PENDING, desk.staff.change_pin, team.agent.id, "5817", "7391")
    before = desk.event_count()
    refused(Refusal.PIN_TOO_SIMPLE, desk.staff.set_new_pin, team.agent.id, "1111")
    assert desk.event_count() == before
    desk.staff.set_new_pin(team.agent.id, "7391")
    kind, actor, payload = staff_events(desk)[-1]
    assert (kind, actor) == ("staff.pin_set", team.agent.id)
    assert pins.verify_pin("7391", str(payload["pin_hash"]))
    assert desk.shifts.sign_in(team.agent.id, "5817").wrong_pin
    assert desk.shifts.sign_in(team.agent.id, "7391").on_shift is not None


def test_anyone_changes_their_own_pin_with_the_old_one(desk: Desk, team: Team,
                                                       clock: ManualClock) -> None:
    before = desk.event_count()
    refused(Refusal.PIN_TOO_SIMPLE, desk.staff.change_pin, team.agent.id, "5817", "4444")
    assert desk.event_count() == before  # the old PIN was not even tried
    error = refused(Refusal.WRONG_OLD_PIN, desk.staff.change_pin, team.agent.id, "0001", "7391")
    assert error.detail == "0"
    refused(Refusal.WRONG_OLD_PIN, desk.staff.change_pin, team.agent.id, "0002", "7391")
    error = refused(Refusal.WRONG_OLD_PIN, desk.staff.change_pin, team.agent.id, "0003", "7391")
    assert error.detail == "5"  # wrong old PINs wait like wrong sign-ins
    refused(Refusal.WRONG_OLD_PIN, desk.staff.change_pin, team.agent.id, "5817", "7391")
    clock.advance(seconds=5)
    desk.staff.change_pin(team.agent.id, "5817", "7391")
    assert staff_events(desk)[-1][:2] == ("staff.pin_changed", team.agent.id)
    assert desk.shifts.sign_in(team.agent.id, "7391").on_shift is not None


def test_the_policy_sets_the_pin_length(desk: Desk, team: Team) -> None:
    desk.site.set_policy(desk.site.policy().with_changes(pin_min_length=6, pin_max_length=6))
    error = refused(Refusal.PIN_TOO_SHORT, desk.staff.add, "Ana Ruiz", "agent", "73915",
                    by=team.manager.id)
    assert error.detail == "6"
    refused(Refusal.PIN_TOO_LONG, desk.staff.add, "Ana Ruiz", "agent", "7391573",
            by=team.manager.id)
    assert desk.staff.add("Ana Ruiz", "agent", "739157", by=team.manager.id).name == "Ana Ruiz"
    # Existing shorter PINs still sign in: the policy rules new PINs.
    assert desk.shifts.sign_in(team.agent.id, "5817").on_shift is not None


@pytest.mark.parametrize("pin", ["0000", "1111", "1234", "4321", "0123", "7890", "3210",
                                 "12345678", "87654321", "1212", "2580"])
def test_simple_pins_are_refused(pin: str) -> None:
    assert pins.pin_problem(pin, (4, 8)) is Refusal.PIN_TOO_SIMPLE


@pytest.mark.parametrize("pin", ["5817", "1357", "2468", "739157", "90210"])
def test_ordinary_pins_pass(pin: str) -> None:
    assert pins.pin_problem(pin, (4, 8)) is None


def test_find_names_one_person_or_says_why_not(desk: Desk, team: Team) -> None:
    assert desk.staff.find("SAM OKOYE") == team.supervisor
    assert desk.staff.find(team.supervisor.id) == team.supervisor
    refused(Refusal.UNKNOWN_STAFF, desk.staff.find, "Nobody Here")


@pytest.mark.parametrize(("change", "message"), [
    ({"pin_min_length": 3}, "pin_min_length: must be at least 4"),
    ({"pin_max_length": 9}, "pin_max_length: must be at most 8"),
    ({"pin_min_length": 6, "pin_max_length": 5}, "pin_max_length: must be at least 6"),
    ({"pin_min_length": "6"}, "pin_min_length: expected a whole number"),
])
def test_a_policys_pin_length_is_checked(change: dict[str, object], message: str) -> None:
    from desktop.core.policy import PolicyError, default_policy, parse_policy

    with pytest.raises(PolicyError, match=message):
        parse_policy({**default_policy().to_dict(), **change})
    assert parse_policy(default_policy().to_dict()).pin_length == (4, 8)


def test_a_new_sites_first_manager_needs_a_pin_that_is_not_simple(
        tmp_path: Path, clock: ManualClock) -> None:
    desk = Desk.open(tmp_path / "new", clock)
    try:
        with pytest.raises(DeskError) as refused_site:
            desk.site.create(name="Harbour", kind="hotel", currency="USD",
                             timezone="America/New_York", locale="en_US",
                             manager_name="Rita Lang", manager_pin="1111")
        assert refused_site.value.refusal is Refusal.INVALID_SITE
        assert refused_site.value.detail == "manager_pin"
        assert not desk.site.exists() and desk.event_count() == 0
    finally:
        desk.close()


def test_a_pull_page_with_malformed_retirements_is_refused() -> None:
    from db import wire

    page = wire.parse_pull_page(wire.pull_page([], 3, [], ["a", "b"]))
    assert page.deactivated_staff == ["a", "b"]
    assert wire.parse_pull_page({"events": [], "next": 0}).deactivated_staff == []
    with pytest.raises(wire.WireError, match="deactivated staff"):
        wire.parse_pull_page({"events": [], "next": 0, "deactivated_staff": [7]})
