"""Bad input to the desk's core is refused, never a crash, and writes nothing (issue 14,
item 7): property-based calls over the case, grant, voucher, sign-in, staff, site and settings
entry points with lone surrogates, integers past 64 bits, over-long or odd zone names and
locales. Only ``DeskError`` may come out, and after one the store is as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.models import EventRow, Setting, ShiftRow, Site, Staff
from desktop.core import inputs
from desktop.core import settings as desk_settings
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal
from tests.conftest import Team, make_desk

EXAMPLES = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

SURROGATES = st.text(alphabet=st.characters(categories=["Cs"]), min_size=1, max_size=3)
ODD = st.sampled_from(["", " ", "\x00", "\ud800", "a\udfffb", "x" * 300, "../../etc/passwd",
                       "Europe/Paris", "en_US", "EUR", "voucher", "agent", "1234", "\u202e",
                       "A" * 20_001, "0" * 64])
texts = st.one_of(st.text(max_size=20), SURROGATES, ODD,
                  st.builds(lambda a, s, b: a + s + b, st.text(max_size=5), SURROGATES,
                            st.text(max_size=5)))
integers = st.one_of(st.integers(-5, 5_000), st.integers(), st.integers(2**63 - 2, 2**66),
                     st.integers(-(2**66), -(2**63) + 2), st.just(10**13 + 1), st.just(True))


class World:
    """A set-up desk, its team signed in, and one open case; ``ids`` are real ids to mix in."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.team = Team(desk)
        self.on_shift = self.team.sign_in(self.team.agent)
        self.case_id = desk.cases.open(self.on_shift, CaseHeader(guest_name="Ada", location="12"))
        self.ids = [self.case_id, self.team.supervisor.id, self.team.agent.id]

    def fingerprint(self) -> tuple[int, ...]:
        """How much the store holds: any write a refusal let through changes it."""
        with self.desk.recorder.tx() as db:
            counts = [db.scalar(select(func.count()).select_from(model)) or 0
                      for model in (EventRow, Staff, Setting, Site, ShiftRow)]
            counts.append(db.scalar(select(func.max(EventRow.seq))) or 0)
            return tuple(counts)


@pytest.fixture
def world(tmp_path: Path, clock: ManualClock) -> Iterator[World]:
    desk = make_desk(tmp_path / "desk", clock)
    yield World(desk)
    desk.close()


def refuses_cleanly(world: World, call: Callable[[], Any]) -> None:
    before = world.fingerprint()
    try:
        call()
    except DeskError as error:
        assert error.refusal is not None
        assert world.fingerprint() == before, f"{error!r} but the store changed"


def ids_or(world: World) -> st.SearchStrategy[str]:
    return st.one_of(texts, st.sampled_from(world.ids))


def header() -> st.SearchStrategy[CaseHeader]:
    return st.builds(CaseHeader, texts, texts, texts, texts,
                     st.one_of(texts, st.sampled_from(["low", "medium", "high"])))


@EXAMPLES
@given(data=st.data())
def test_cases(world: World, data: st.DataObject) -> None:
    cases, on = world.desk.cases, world.on_shift
    case_id = data.draw(ids_or(world))
    calls: list[Callable[[], Any]] = [
        lambda: cases.open(on, data.draw(header())),
        lambda: cases.update_header(on, case_id, data.draw(header())),
        lambda: cases.complete_step(on, case_id, data.draw(st.one_of(
            texts, st.sampled_from(["listen", "apologise", "fix", "followup"]))),
            data.draw(st.dictionaries(texts, texts, max_size=3))),
        lambda: cases.complete_followup(on, case_id, data.draw(texts)),
        lambda: cases.add_note(on, case_id, data.draw(texts)),
        lambda: cases.close(on, case_id, root_cause=data.draw(texts), detail=data.draw(texts),
                            outcome=data.draw(texts)),
        lambda: cases.record_correction(on, case_id, data.draw(texts), data.draw(integers)),
        lambda: cases.record_print(on, case_id, data.draw(st.one_of(
            texts, st.just("apology"), st.just("voucher"))), data.draw(texts)),
        lambda: cases.get(case_id),
        lambda: cases.summaries(search=data.draw(texts)),
        lambda: cases.by_id([case_id]),
        lambda: cases.corrections(case_id),
        lambda: cases.approvals(case_id),
        lambda: cases.events(case_id),
    ]
    refuses_cleanly(world, data.draw(st.sampled_from(calls)))


@EXAMPLES
@given(data=st.data())
def test_grants(world: World, data: st.DataObject) -> None:
    grants, on = world.desk.grants, world.on_shift
    case_id = data.draw(ids_or(world))
    proposal = GestureProposal(data.draw(st.one_of(texts, st.sampled_from(
        ["voucher", "discount", "none", "amenity"]))), data.draw(texts), data.draw(integers))
    sign_off = data.draw(st.one_of(st.none(), st.builds(ApproverSignOff, ids_or(world), texts,
                                                        texts)))
    calls: list[Callable[[], Any]] = [
        lambda: grants.grant(on, case_id, proposal, sign_off),
        lambda: grants.check(on, case_id, data.draw(integers), data.draw(texts)),
        lambda: grants.spend_for(on, case_id, data.draw(texts)),
        lambda: grants.approval_refusal_for(on, case_id, data.draw(ids_or(world)),
                                            data.draw(integers)),
        lambda: grants.decline_approval(
            on, case_id, sign_off or ApproverSignOff(world.team.supervisor.id, "2468", "x"),
            proposal),
    ]
    refuses_cleanly(world, data.draw(st.sampled_from(calls)))


@EXAMPLES
@given(data=st.data())
def test_vouchers_shifts_and_staff(world: World, data: st.DataObject) -> None:
    book, on = world.desk.vouchers, world.on_shift
    calls: list[Callable[[], Any]] = [
        lambda: book.check(data.draw(texts)),
        lambda: book.redeem(on, data.draw(texts)),
        lambda: book.void(on, data.draw(texts), data.draw(texts)),
        lambda: book.find(data.draw(texts)),
        lambda: book.of_case(data.draw(ids_or(world))),
        lambda: world.desk.shifts.sign_in(data.draw(ids_or(world)), data.draw(texts)),
        lambda: world.desk.shifts.check_pin(data.draw(ids_or(world)), data.draw(texts)),
        lambda: world.desk.shifts.open_shift_id(data.draw(ids_or(world))),
        lambda: world.desk.staff.add(data.draw(texts), data.draw(st.one_of(
            texts, st.just("agent"))), data.draw(st.one_of(texts, st.just("8642"))),
            by=data.draw(st.one_of(ids_or(world), st.just(world.team.manager.id)))),
        lambda: world.desk.staff.member(data.draw(ids_or(world))),
        lambda: world.desk.staff.find(data.draw(texts)),
        lambda: world.desk.staff.set_role(data.draw(ids_or(world)), data.draw(texts),
                                          by=data.draw(ids_or(world))),
        lambda: world.desk.staff.deactivate(data.draw(ids_or(world)), by=data.draw(texts)),
        lambda: world.desk.staff.reset_pin(data.draw(texts), by=world.team.manager.id),
        lambda: world.desk.staff.set_new_pin(data.draw(ids_or(world)), data.draw(texts)),
        lambda: world.desk.staff.change_pin(data.draw(ids_or(world)), data.draw(texts),
                                            data.draw(texts)),
    ]
    refuses_cleanly(world, data.draw(st.sampled_from(calls)))


@EXAMPLES
@given(data=st.data())
def test_site_set_up_and_settings(world: World, tmp_path_factory: pytest.TempPathFactory,
                                  clock: ManualClock, data: st.DataObject) -> None:
    zone = st.one_of(texts, st.sampled_from(["Europe/Paris", "a" * 5000, "Europe/" + "x" * 300,
                                             "/etc/localtime", "UTC\x00", "Europe/Paris "]))
    locale = st.one_of(texts, st.sampled_from(["en_US", "fr_FR", "", "x" * 300, "en_US.UTF-8"]))
    fields = {"name": data.draw(texts), "kind": data.draw(st.one_of(texts, st.just("hotel"))),
              "currency": data.draw(st.one_of(texts, st.just("EUR"))),
              "timezone": data.draw(zone), "locale": data.draw(locale),
              "manager_name": data.draw(texts),
              "manager_pin": data.draw(st.one_of(texts, st.just("1357"))),
              "address": data.draw(texts),
              "outlets": data.draw(st.lists(texts, max_size=3))}
    # A fresh desk for set-up, so a valid form really creates the site.
    fresh = Desk.open(tmp_path_factory.mktemp("fresh"), clock)
    try:
        fresh_world = World.__new__(World)
        fresh_world.desk = fresh
        refuses_cleanly(fresh_world, lambda: fresh.site.create(**fields))
    finally:
        fresh.close()
    setting = data.draw(st.sampled_from(list(desk_settings.REGISTRY.values())))
    value = data.draw(st.one_of(texts, integers, st.floats(), st.lists(texts, max_size=3)
                                .map(tuple), st.frozensets(texts, max_size=3), st.booleans()))
    manager = world.team.sign_in(world.team.manager)
    refuses_cleanly(world, lambda: world.desk.settings.set(setting, value, by=manager))


# --- the crashes the issue found, one by one -----------------------------------------------


def refused_as(world: World, refusal: Refusal, call: Callable[[], Any]) -> DeskError:
    before = world.fingerprint()
    with pytest.raises(DeskError) as caught:
        call()
    assert caught.value.refusal is refusal, caught.value
    assert world.fingerprint() == before
    return caught.value


def test_lone_surrogates_are_refused_by_name(world: World) -> None:
    cases, on, case_id = world.desk.cases, world.on_shift, world.case_id
    bad = "Room 1\ud83d2"  # half of an emoji, as a broken paste leaves it
    refused_as(world, Refusal.INVALID_HEADER, lambda: cases.open(on, CaseHeader(guest_name=bad)))
    error = refused_as(world, Refusal.INVALID_HEADER,
                       lambda: cases.update_header(on, case_id, CaseHeader(location=bad)))
    assert error.detail == "location"
    refused_as(world, Refusal.INVALID_TEXT, lambda: cases.add_note(on, case_id, bad))
    refused_as(world, Refusal.INVALID_TEXT,
               lambda: cases.record_correction(on, case_id, bad, 500))
    refused_as(world, Refusal.UNKNOWN_STAFF, lambda: world.desk.shifts.sign_in(bad, "1234"))
    refused_as(world, Refusal.INVALID_TEXT, lambda: world.desk.staff.add(
        bad, "agent", "8642", by=world.team.manager.id))
    refused_as(world, Refusal.UNKNOWN_CASE, lambda: cases.get(bad))
    refused_as(world, Refusal.INVALID_TEXT, lambda: cases.summaries(search=bad))
    refused_as(world, Refusal.INVALID_TEXT, lambda: world.desk.vouchers.check(bad))
    refused_as(world, Refusal.INVALID_TEXT, lambda: world.desk.grants.grant(
        on, case_id, GestureProposal("amenity", bad, 500)))
    # The refusal has its own words for the person at the desk.
    from desktop.ui.labels import refusal_text

    assert "cannot be stored" in refusal_text(Refusal.INVALID_TEXT, "text")


@pytest.mark.parametrize("value", [2**63, 2**64 + 1, -(2**63) - 1, 10**13 + 1, -1])
def test_amounts_out_of_range_are_refused(world: World, value: int) -> None:
    cases, grants, on, case_id = world.desk.cases, world.desk.grants, world.on_shift, world.case_id
    refused_as(world, Refusal.INVALID_VALUE,
               lambda: cases.record_correction(on, case_id, "overcharged", value))
    refused_as(world, Refusal.INVALID_VALUE,
               lambda: grants.grant(on, case_id, GestureProposal("amenity", "wine", value)))
    refused_as(world, Refusal.INVALID_VALUE, lambda: grants.check(on, case_id, value))


@pytest.mark.parametrize(("zone", "locale", "field"), [
    ("Europe/" + "x" * 5000, "en_US", "timezone"),  # was OSError: File name too long
    ("../../etc/localtime", "en_US", "timezone"),
    ("/usr/share/zoneinfo/UTC", "en_US", "timezone"),
    ("Europe/Paris\ud800", "en_US", "timezone"),
    ("Europe/Paris", "x" * 300, "locale"),
    ("Europe/Paris", "en_US\ud800", "locale"),
    ("Europe/Paris", "../fr", "locale"),
])
def test_odd_zone_names_and_locales_are_refused_at_set_up(
        tmp_path: Path, clock: ManualClock, zone: str, locale: str, field: str) -> None:
    desk = Desk.open(tmp_path / "fresh", clock)
    try:
        with pytest.raises(DeskError) as caught:
            desk.site.create(name="Harbour", kind="hotel", currency="EUR", timezone=zone,
                             locale=locale, manager_name="Rita", manager_pin="1357")
        assert caught.value.refusal is Refusal.INVALID_SITE
        assert caught.value.detail == field
        assert not desk.site.exists()
    finally:
        desk.close()
    assert inputs.zone_exists("Europe/Paris") and inputs.locale_ok("fr-FR")


def test_settings_refuse_values_that_cannot_be_stored(world: World) -> None:
    manager = world.team.sign_in(world.team.manager)
    set_ = world.desk.settings.set
    refused_as(world, Refusal.INVALID_SETTING,
               lambda: set_(desk_settings.VOUCHER_TERMS, ("ok", "bad\udc00"), by=manager))
    refused_as(world, Refusal.INVALID_SETTING,
               lambda: set_(desk_settings.IDLE_LOCK_MINUTES, float("nan"), by=manager))
