"""Issue 15's findings at the desk, each held by keys pressed as a person would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.paths import DB_FILE
from desktop.core.settings import IDLE_LOCK_MINUTES
from desktop.core.views import CaseHeader
from desktop.ui.main_window import MainWindow
from desktop.ui.signin import SignInScreen
from tests.conftest import Team
from tests.ui.conftest import focused, new_case_by_keyboard, press, sign_in, type_keys


def failed_pins(data_dir: Path) -> dict[str, int]:
    with sqlite3.connect(data_dir / DB_FILE) as db:
        return dict(db.execute("SELECT name, failed_pins FROM staff").fetchall())


# --- finding 1: sign-in never picks a name for the person -----------------------------------

def test_shift_tab_and_enter_pick_nobody(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    screen = window.sign_in
    assert screen.staff_list.currentItem() is None
    screen.pin.setFocus()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is screen.staff_list
    assert screen.staff_list.currentItem() is None  # the focus alone picks nobody
    screen.pin.setFocus()
    qtbot.keyClicks(screen.pin, "1234")
    press(qtbot, Qt.Key.Key_Return)
    assert screen.message.text() == "Pick your name first."
    assert screen.staff_list.currentItem() is None and focused() is screen.staff_list
    assert set(failed_pins(data_dir).values()) == {0}  # no one was charged a wrong PIN
    assert window.is_locked


def test_a_name_is_found_by_typing_and_the_digits_go_to_the_pin(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    screen = window.sign_in
    screen.staff_list.setFocus()
    type_keys(qtbot, "Sa")
    assert screen.staff_list.currentItem().text().startswith("Sam Okoye")
    assert focused() is screen.staff_list  # typing a name does not jump away
    type_keys(qtbot, "2468")  # digits go on to the PIN field
    assert focused() is screen.pin and screen.pin.text() == "2468"
    press(qtbot, Qt.Key.Key_Return)
    assert not window.is_locked and "Sam Okoye" in window.who.text()


def test_enter_on_a_name_moves_to_the_pin_and_the_choice_stays_marked(
        qtbot: QtBot, window: MainWindow) -> None:
    screen = window.sign_in
    screen.staff_list.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    chosen = screen.staff_list.currentItem()
    assert chosen is not None and chosen.isSelected()
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is screen.pin
    palette = screen.staff_list.palette()
    assert (palette.color(palette.ColorGroup.Inactive, palette.ColorRole.Highlight)
            == palette.color(palette.ColorGroup.Active, palette.ColorRole.Highlight))


def test_a_roster_of_one_is_picked(qtbot: QtBot, desk: Desk) -> None:
    screen = SignInScreen(desk)  # the new site has only its manager
    qtbot.addWidget(screen)
    assert screen.staff_list.count() == 1
    assert screen.staff_list.currentItem() is not None


# --- finding 2: Ctrl+U in a text field ---------------------------------------------------------

def test_ctrl_u_in_a_text_field_opens_vouchers_and_keeps_the_text(qtbot: QtBot,
                                                                   window: MainWindow) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    type_keys(qtbot, "Hannah Schmidt")
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            qtbot.wait(10)
            return
        seen.append(type(dialog).__name__)
        dialog.reject()

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    press(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    timer.stop()
    assert seen == ["VouchersDialog"]
    assert window.panel.guest.text() == "Hannah Schmidt"


# --- findings 3, 5, 8 ----------------------------------------------------------------------------

def test_the_last_cases_print_message_is_gone_in_the_next_case(qtbot: QtBot, window: MainWindow,
                                                               desk: Desk) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    type_keys(qtbot, "Hannah Schmidt")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    bar = window.panel.gestures.slips
    with qtbot.waitSignal(bar.finished, timeout=20000):
        press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "apology" in bar.message.text()  # no printer here: it says where the slip is kept
    window.panel.new_case(window.on_shift)  # another guest
    type_keys(qtbot, "Grace Kim")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.case_id is not None
    assert bar.message.text() == ""


def test_print_buttons_take_enter_and_have_mnemonics(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.panel.gestures.slips
    for button in (bar.print_both, bar.print_voucher, bar.print_apology):
        assert "&" in button.text()
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    type_keys(qtbot, "Hannah Schmidt")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.pages.currentIndex() == 3  # Fix
    bar.print_apology.setFocus()
    with qtbot.waitSignal(bar.finished, timeout=20000):
        press(qtbot, Qt.Key.Key_Return)
    assert bar.message.text()


def test_closing_says_so_and_the_closed_case_cannot_be_edited(qtbot: QtBot, window: MainWindow,
                                                              desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim", "Room 1203", "Front Desk",
                                             "maintenance", "low"))
    for step, fields in (("listen", {"account": "Drip."}), ("apologise", {}), ("review", {}),
                         ("fix", {"fix_action": "Washer replaced."})):
        desk.cases.complete_step(who, case_id, step, fields)
    desk.cases.complete_step(who, case_id, "followup", {"skipped": "guest unreachable"})
    sign_in(qtbot, window, "Maya Torres", "5817")
    window.open_case(case_id)
    panel = window.panel
    panel.root_cause.setCurrentIndex(panel.root_cause.findData("maintenance"))
    panel.root_cause.setFocus()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert desk.cases.get(case_id).status == "closed"
    assert panel.message.text().startswith("Case closed at ")
    assert panel.guest.isReadOnly() and not panel.category.isEnabled()
    assert panel.fix_action.isReadOnly() and not panel.gestures.grant_button.isEnabled()
    assert not panel.gestures.amount.isEnabled()
    window.open_case(case_id)  # shown again later: still closed, still said
    assert panel.message.text().startswith("Case closed at ") and panel.guest.isReadOnly()
    window.new_case()
    assert not panel.guest.isReadOnly() and panel.gestures.amount.isEnabled()


# --- finding 6: the follow-up notice ------------------------------------------------------------

def test_the_follow_up_notice_moves_nothing_and_opens_by_keyboard(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team, clock: ManualClock) -> None:
    desk.settings.set(IDLE_LOCK_MINUTES, 60.0)
    who = team.sign_in(team.agent)
    fixed = desk.cases.open(who, CaseHeader("Kenji Watanabe", "Room 907", "Front Desk",
                                           "maintenance", "high"))
    desk.cases.complete_step(who, fixed, "fix", {"fix_action": "Portable units in the room."})
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    type_keys(qtbot, "Another")
    where = window.panel.guest.mapTo(window, QPoint(0, 0))
    clock.advance(minutes=20, seconds=5)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    assert window.panel.guest.mapTo(window, QPoint(0, 0)) == where  # nothing moved
    assert focused() is window.panel.guest  # typing goes on where it was
    type_keys(qtbot, " Guest")
    assert window.panel.guest.text() == "Another Guest"
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # &Open case
    qtbot.waitUntil(lambda: window.panel.case_id == fixed, timeout=3000)  # (an animated click)
    assert not window.banner.isVisible()


# --- finding 14 ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "pin", "enabled"), [("Maya Torres", "5817", False),
                                                      ("Sam Okoye", "2468", False),
                                                      ("Rita Lang", "1357", True)])
def test_head_office_is_offered_to_managers_only(qtbot: QtBot, window: MainWindow, name: str,
                                                 pin: str, enabled: bool) -> None:
    assert not window.head_office_action.isEnabled()  # locked: nobody
    sign_in(qtbot, window, name, pin)
    assert window.head_office_action.isEnabled() is enabled


def test_a_voucher_grant_prints_at_once_where_the_site_says_so(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.keys import pdf_printers
    from desktop.core.settings import PRINT_ON_GRANT
    from desktop.ui import slips_ui

    monkeypatch.setattr(slips_ui, "configured_printer", pdf_printers(tmp_path))

    desk.settings.set(PRINT_ON_GRANT, True, by=team.sign_in(team.manager))
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    type_keys(qtbot, "Hannah Schmidt")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    gestures = window.panel.gestures
    bar = gestures.slips
    with qtbot.waitSignal(bar.finished, timeout=20000):
        who = window.on_shift
        assert who is not None
        gestures.kind.setCurrentIndex(gestures.kind.findData("voucher"))
        gestures.description.setText("Coffee")
        gestures.amount.setFocus()
        type_keys(qtbot, "8")
        press(qtbot, Qt.Key.Key_Return)
    assert "Voucher: Sent to the printer" in bar.message.text()
    assert "Apology: Sent to the printer" in bar.message.text()
    assert sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pdf")) == ["apology", "voucher"]


def test_a_manager_sets_the_price_factor_and_print_on_grant(qtbot: QtBot, desk: Desk,
                                                            team: Team) -> None:
    from decimal import Decimal

    from desktop.core.settings import PRICE_FACTOR, PRINT_ON_GRANT
    from desktop.ui.settings import PolicyDialog

    manager = team.sign_in(team.manager)
    dialog = PolicyDialog(desk, manager)
    qtbot.addWidget(dialog)
    assert dialog.factor.placeholderText() == "1"  # USD: the shipped factor
    version = desk.site.policy().version
    qtbot.keyClicks(dialog.factor, "-2")
    dialog.save()
    assert "price factor" in dialog.message.text()
    assert desk.settings.get(PRICE_FACTOR) is None and desk.site.policy().version == version
    dialog.factor.setText("1,2")
    dialog.print_on_grant.setChecked(True)
    dialog.save()
    assert desk.settings.get(PRICE_FACTOR) == Decimal("1.2")
    assert desk.settings.get(PRINT_ON_GRANT) is True
