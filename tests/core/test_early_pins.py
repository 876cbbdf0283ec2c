"""A PIN answered before the case log is open: the desk's own rule, nothing written, then
replayed to the desk once it is open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.early_pins import EarlyPins, NotReadable
from desktop.core.errors import DeskError, Refusal
from tests.conftest import Team, make_desk

DB = "amends.sqlite3"


@pytest.fixture
def closed(data_dir: Path, clock: ManualClock) -> tuple[Path, dict[str, str]]:
    """A desk with its team, closed again: the store as the app finds it at start."""
    desk = make_desk(data_dir, clock)
    team = Team(desk)
    ids = {"maya": team.agent.id, "leo": team.agent2.id, "rita": team.manager.id}
    desk.close()
    return data_dir, ids


def pin_events(data_dir: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(data_dir / DB) as connection:
        return connection.execute(
            "SELECT kind, at FROM event WHERE kind LIKE 'staff.pin%' OR kind = 'shift.started' "
            "ORDER BY seq").fetchall()


def test_a_right_pin_is_answered_from_the_file_and_signs_in_once_open(
        closed: tuple[Path, dict[str, str]], clock: ManualClock) -> None:
    data_dir, ids = closed
    before = (data_dir / DB).read_bytes()
    early = EarlyPins(data_dir / DB, clock)
    assert early.check(ids["maya"], "5817") is None  # right
    assert early.signing_in
    assert (data_dir / DB).read_bytes() == before  # nothing written before the log is open
    desk = Desk.open(data_dir, clock)
    try:
        answer = early.replay(desk)
        assert answer is not None and answer.on_shift is not None
        assert answer.on_shift.staff.name == "Maya Torres"
        assert early.tries == ()  # handed over once
    finally:
        desk.close()
    assert [kind for kind, _ in pin_events(data_dir)] == ["shift.started"]


def test_wrong_tries_wait_before_and_after_the_log_opens(
        closed: tuple[Path, dict[str, str]], clock: ManualClock) -> None:
    data_dir, ids = closed
    early = EarlyPins(data_dir / DB, clock)
    answers = []
    for _ in range(3):
        answers.append(early.check(ids["maya"], "0000"))
        clock.advance(seconds=1)
    assert [(a.wrong_pin, a.wait_seconds) for a in answers if a] == [(True, 0), (True, 0),
                                                                      (True, 5)]
    waiting = early.check(ids["maya"], "5817")  # the right PIN, but within the wait
    assert waiting is not None and not waiting.wrong_pin and waiting.wait_seconds == 4
    assert not early.signing_in
    # Someone else is not held up by Maya's tries.
    assert early.check(ids["leo"], "6392") is None
    desk = Desk.open(data_dir, clock)
    try:
        answer = early.replay(desk)
        assert answer is not None and answer.on_shift is not None
        assert answer.on_shift.staff.name == "Leo Brandt"
        # The desk holds Maya's three wrong tries at the times they were typed: she waits.
        again = desk.shifts.sign_in(ids["maya"], "5817")
        assert again.on_shift is None and again.wait_seconds == 4
    finally:
        desk.close()
    events = pin_events(data_dir)
    assert [kind for kind, _ in events] == ["staff.pin_failed"] * 3 + ["shift.started"]
    assert events[0][1] < events[1][1] < events[2][1]


def test_tries_recorded_before_this_start_count_too(
        closed: tuple[Path, dict[str, str]], clock: ManualClock) -> None:
    data_dir, ids = closed
    desk = Desk.open(data_dir, clock)
    for _ in range(3):
        desk.shifts.sign_in(ids["maya"], "0000")
    desk.close()
    clock.advance(seconds=2)
    answer = EarlyPins(data_dir / DB, clock).check(ids["maya"], "5817")
    assert answer is not None and answer.wait_seconds == 3 and not answer.wrong_pin


def test_deactivated_and_reset_people_are_refused_as_the_desk_refuses_them(
        closed: tuple[Path, dict[str, str]], clock: ManualClock) -> None:
    data_dir, ids = closed
    desk = Desk.open(data_dir, clock)
    desk.staff.deactivate(ids["leo"], by=ids["rita"])
    desk.staff.reset_pin(ids["maya"], by=ids["rita"])
    desk.close()
    early = EarlyPins(data_dir / DB, clock)
    with pytest.raises(DeskError) as gone:
        early.check(ids["leo"], "6392")
    assert gone.value.refusal is Refusal.STAFF_INACTIVE
    with pytest.raises(DeskError) as reset:
        early.check(ids["maya"], "5817")
    assert reset.value.refusal is Refusal.PIN_RESET_PENDING
    with pytest.raises(DeskError) as unknown:
        early.check("no-such-person", "1234")
    assert unknown.value.refusal is Refusal.UNKNOWN_STAFF
    assert early.tries == ()  # nothing to hand the desk
    person = early.person(ids["maya"])
    assert person is not None and person.must_set_pin


def test_a_new_pin_chosen_early_is_set_and_signs_in_once_open(
        closed: tuple[Path, dict[str, str]], clock: ManualClock) -> None:
    data_dir, ids = closed
    desk = Desk.open(data_dir, clock)
    desk.staff.reset_pin(ids["maya"], by=ids["rita"])
    desk.close()
    early = EarlyPins(data_dir / DB, clock)
    early.choose_new_pin(ids["maya"], "4826")
    assert early.signing_in
    desk = Desk.open(data_dir, clock)
    try:
        answer = early.replay(desk)
        assert answer is not None and answer.on_shift is not None
        assert not desk.staff.member(ids["maya"]).must_set_pin
    finally:
        desk.close()


def test_a_new_pin_the_policy_refuses_is_refused_once_open(
        closed: tuple[Path, dict[str, str]], clock: ManualClock) -> None:
    data_dir, ids = closed
    desk = Desk.open(data_dir, clock)
    desk.staff.reset_pin(ids["maya"], by=ids["rita"])
    desk.close()
    early = EarlyPins(data_dir / DB, clock)
    early.choose_new_pin(ids["maya"], "1111")
    desk = Desk.open(data_dir, clock)
    try:
        with pytest.raises(DeskError) as refused:
            early.replay(desk)
        assert refused.value.refusal is Refusal.PIN_TOO_SIMPLE
        assert desk.staff.member(ids["maya"]).must_set_pin  # nothing set
    finally:
        desk.close()


def test_an_unreadable_store_leaves_the_pin_to_the_desk(tmp_path: Path) -> None:
    with pytest.raises(NotReadable):
        EarlyPins(tmp_path / "missing.sqlite3").check("someone", "5817")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(NotReadable):
        EarlyPins(junk).check("someone", "5817")
