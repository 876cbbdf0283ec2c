"""The sign-in screen answers a PIN before the case log is open, as a person types it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.early_pins import EarlyPins
from desktop.core.errors import Refusal
from desktop.core.roster import read_roster
from desktop.ui import app as app_module
from desktop.ui.labels import refusal_text
from desktop.ui.signin import SignInScreen
from tests.conftest import Team, make_desk
from tests.ui.conftest import pick_staff

DB = "amends.sqlite3"


@pytest.fixture
def ids(data_dir: Path, clock: ManualClock) -> dict[str, str]:
    desk = make_desk(data_dir, clock)
    team = Team(desk)
    found = {"maya": team.agent.id, "leo": team.agent2.id, "rita": team.manager.id}
    desk.close()
    return found


@pytest.fixture
def screen(qtbot: QtBot, data_dir: Path, clock: ManualClock,
           ids: dict[str, str]) -> Iterator[SignInScreen]:
    """The screen as start-up paints it (from the quick roster), then checking early."""
    roster = read_roster(data_dir / DB)
    assert roster is not None
    built = SignInScreen(None, roster=roster)
    qtbot.addWidget(built)
    built.show()
    built.check_early(EarlyPins(data_dir / DB, clock))
    yield built


def tap(qtbot: QtBot, screen: SignInScreen, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(screen.findChild(QWidget, f"pinDigit{digit}"),
                         Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.ok, Qt.MouseButton.LeftButton)


def open_desk(screen: SignInScreen, data_dir: Path, clock: ManualClock) -> Desk:
    desk = Desk.open(data_dir, clock)
    screen.attach_desk(desk)
    return desk


def test_a_pin_is_checked_before_the_case_log_is_open(
        qtbot: QtBot, screen: SignInScreen, data_dir: Path, clock: ManualClock) -> None:
    signed: list[str] = []
    screen.signed_in.connect(lambda on_shift: signed.append(on_shift.staff.name))
    pick_staff(screen.staff_list, "Maya Torres")
    tap(qtbot, screen, "5818")
    assert screen.desk is None and screen.message.text() == "Wrong PIN. Try again."
    assert screen.pin.text() == ""
    tap(qtbot, screen, "5817")
    assert screen.message.text() == "Opening the case log…" and signed == []
    tap(qtbot, screen, "1234")  # more typing while it opens changes nothing
    assert screen.message.text() == "Opening the case log…"
    desk = open_desk(screen, data_dir, clock)
    try:
        assert signed == ["Maya Torres"]
        assert desk.shifts.open_shift_id(desk.staff.find("Maya Torres").id) is not None
    finally:
        desk.close()


def test_wrong_tries_wait_before_the_case_log_is_open(
        qtbot: QtBot, screen: SignInScreen, data_dir: Path, clock: ManualClock,
        ids: dict[str, str]) -> None:
    signed: list[str] = []
    screen.signed_in.connect(lambda on_shift: signed.append(on_shift.staff.name))
    pick_staff(screen.staff_list, "Maya Torres")
    for _ in range(3):
        tap(qtbot, screen, "0000")
    assert screen.message.text() == "Wrong PIN. Try again in 5 s."
    tap(qtbot, screen, "5817")  # right, but the wait is not over: not even checked
    assert screen.message.text() == "Too many wrong PINs. Try again in 5 s."
    desk = open_desk(screen, data_dir, clock)
    try:
        assert signed == []
        # The three wrong tries are the desk's now: it makes Maya wait too.
        answer = desk.shifts.sign_in(ids["maya"], "5817")
        assert answer.on_shift is None and answer.wait_seconds == 5
    finally:
        desk.close()
    clock.advance(seconds=6)
    qtbot.waitUntil(lambda: screen.message.text() == "You can try your PIN again.",
                    timeout=3000)


def test_someone_deactivated_since_the_list_was_read_is_refused(
        qtbot: QtBot, screen: SignInScreen, data_dir: Path, clock: ManualClock,
        ids: dict[str, str]) -> None:
    desk = Desk.open(data_dir, clock)
    desk.staff.deactivate(ids["leo"], by=ids["rita"])
    desk.close()
    pick_staff(screen.staff_list, "Leo Brandt")  # still listed: read before
    tap(qtbot, screen, "6392")
    assert screen.message.text() == "That person can no longer sign in here."
    assert screen.desk is None


def test_a_reset_pin_asks_for_a_new_one_before_the_case_log_is_open(
        qtbot: QtBot, data_dir: Path, clock: ManualClock, ids: dict[str, str]) -> None:
    desk = Desk.open(data_dir, clock)
    desk.staff.reset_pin(ids["maya"], by=ids["rita"])
    desk.close()
    roster = read_roster(data_dir / DB)
    assert roster is not None
    screen = SignInScreen(None, roster=roster)
    qtbot.addWidget(screen)
    screen.check_early(EarlyPins(data_dir / DB, clock))
    signed: list[str] = []
    screen.signed_in.connect(lambda on_shift: signed.append(on_shift.staff.name))
    pick_staff(screen.staff_list, "Maya Torres")
    assert refusal_text(Refusal.PIN_RESET_PENDING) in screen.message.text()
    assert screen.ok.text() == "Next"
    tap(qtbot, screen, "4826")
    assert screen.message.text() == "Type the new PIN again."
    tap(qtbot, screen, "4827")
    assert refusal_text(Refusal.PIN_MISMATCH) in screen.message.text()
    tap(qtbot, screen, "4826")
    tap(qtbot, screen, "4826")
    assert screen.message.text() == "Opening the case log…" and signed == []
    desk = open_desk(screen, data_dir, clock)
    try:
        assert signed == ["Maya Torres"]
        assert not desk.staff.member(ids["maya"]).must_set_pin
        assert desk.shifts.check_pin(ids["maya"], "4826") is None  # the new PIN holds
    finally:
        desk.close()


def test_a_new_pin_the_policy_refuses_is_asked_for_again_once_open(
        qtbot: QtBot, data_dir: Path, clock: ManualClock, ids: dict[str, str]) -> None:
    desk = Desk.open(data_dir, clock)
    desk.staff.reset_pin(ids["maya"], by=ids["rita"])
    desk.close()
    roster = read_roster(data_dir / DB)
    assert roster is not None
    screen = SignInScreen(None, roster=roster)
    qtbot.addWidget(screen)
    screen.check_early(EarlyPins(data_dir / DB, clock))
    pick_staff(screen.staff_list, "Maya Torres")
    tap(qtbot, screen, "1111")
    tap(qtbot, screen, "1111")
    assert screen.message.text() == "Opening the case log…"
    desk = open_desk(screen, data_dir, clock)
    try:
        assert refusal_text(Refusal.PIN_TOO_SIMPLE) in screen.message.text()
        assert screen.ok.text() == "Next"  # asked for a new PIN again
        assert desk.staff.member(ids["maya"]).must_set_pin  # nothing set
        tap(qtbot, screen, "4826")
        tap(qtbot, screen, "4826")
        assert not desk.staff.member(ids["maya"]).must_set_pin
    finally:
        desk.close()


def test_a_pad_digit_leaves_the_keyboard_with_the_pin(qtbot: QtBot,
                                                      screen: SignInScreen) -> None:
    pad = screen.findChild(QWidget, "pinDigit5")
    assert pad.focusPolicy() == Qt.FocusPolicy.NoFocus
    screen.pin.setFocus()
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton)
    assert screen.pin.text() == "5"


def test_the_app_answers_a_pin_while_the_case_log_is_still_opening(
        qtbot: QtBot, data_dir: Path, ids: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = app_module.open_desk
    release = threading.Event()

    def held_open(where: Path, *, demo: bool) -> Desk:
        assert release.wait(10), "never released"
        return real_open(where, demo=demo)

    monkeypatch.setattr(app_module, "open_desk", held_open)
    seen: dict[str, object] = {}

    def pin_ready() -> None:
        early = next(w for w in QApplication.topLevelWidgets()
                     if w.isVisible() and hasattr(w.centralWidget(), "staff_list"))
        screen = early.centralWidget()
        pick_staff(screen.staff_list, "Maya Torres")
        tap(qtbot, screen, "5818")
        seen["wrong"] = (screen.desk, screen.message.text())
        tap(qtbot, screen, "5817")
        seen["right"] = (screen.desk, screen.message.text())
        QTimer.singleShot(50, release.set)

    def ready() -> None:
        window = app_module._KEEP[-1]
        seen["signed_in"] = window.on_shift.staff.name if window.on_shift else None
        window.close()
        QApplication.instance().quit()

    assert app_module.run_app(data_dir, on_pin_ready=pin_ready, on_ready=ready) == 0
    assert seen["wrong"] == (None, "Wrong PIN. Try again.")
    assert seen["right"] == (None, "Opening the case log…")
    assert seen["signed_in"] == "Maya Torres"


def test_a_tampered_log_still_locks_the_desk_after_a_right_pin(
        qtbot: QtBot, data_dir: Path, ids: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(data_dir / DB) as connection:
        connection.execute("UPDATE event SET payload = '{}' WHERE seq = 1")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    answered: list[str] = []

    def pin_ready() -> None:
        early = next(w for w in QApplication.topLevelWidgets()
                     if w.isVisible() and hasattr(w.centralWidget(), "staff_list"))
        screen = early.centralWidget()
        pick_staff(screen.staff_list, "Maya Torres")
        tap(qtbot, screen, "5817")
        answered.append(screen.message.text())

    assert app_module.run_app(data_dir, on_pin_ready=pin_ready) == 2
    assert answered == ["Opening the case log…"]  # the right PIN, answered early
    assert shown and "no longer verifies" in shown[0] and DB in shown[0]
