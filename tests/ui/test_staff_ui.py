"""Settings → Staff and Change my PIN…, and choosing a new PIN at sign-in after a reset,
driven by keys and clicks as a person would, over a real desk.

Every bad input shows the desk's own words and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.ui.labels import refusal_text
from desktop.ui.main_window import MainWindow
from desktop.ui.staff import StaffDialog
from tests.conftest import Team
from tests.ui.conftest import focused, press, sign_in, type_keys, when_dialog_opens

NEW_PIN = "7391"


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isVisible() and button.isEnabled(), f"{name} cannot be clicked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tap_pin(qtbot: QtBot, parent: QWidget, pin: str) -> None:
    """Tap the digits on the pad of a dialog."""
    for digit in pin:
        click(qtbot, parent, f"padDigit{digit}")


def pick_row(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    table = dialog.findChild(QTableWidget, "staffTable")
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == name:
            rect = table.visualItemRect(table.item(row, 0))
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{name} is not in the staff list")


def row_of(dialog: QWidget, name: str) -> list[str]:
    table = dialog.findChild(QTableWidget, "staffTable")
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == name:
            return [table.item(row, c).text() for c in range(table.columnCount())]
    raise AssertionError(f"{name} is not in the staff list")


def text_of(dialog: QWidget, name: str) -> str:
    return dialog.findChild(QLabel, name).text()


def activate(qtbot: QtBot, dialog: QWidget) -> None:
    """Wait until the dialog has the keyboard, as it does on screen once it opens."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def in_staff_dialog(qtbot: QtBot, window: MainWindow,
                    act: Callable[[StaffDialog], None]) -> None:
    """Open Settings → Staff, do ``act`` in it, then close it with its Close button."""
    ran: list[bool] = []

    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, StaffDialog)
        activate(qtbot, dialog)
        act(dialog)
        ran.append(True)
        dialog.findChild(QPushButton, "staffClose").click()

    when_dialog_opens(run)
    window.staff_menu.staff_action.trigger()
    assert ran == [True], "the staff dialog did not run to the end"


def end_shift(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.end_shift_button, Qt.MouseButton.LeftButton)
    assert window.is_locked


def tap_sign_in_pin(qtbot: QtBot, window: MainWindow, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(window.sign_in.findChild(QWidget, f"pinDigit{digit}"),
                         Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.sign_in.ok, Qt.MouseButton.LeftButton)


def test_a_manager_adds_someone_by_keyboard_who_then_signs_in(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team) -> None:
    sign_in(qtbot, window, "Rita Lang", team.pins[team.manager.id])
    assert window.staff_menu.staff_action.isVisible()

    def add(dialog: StaffDialog) -> None:
        assert focused().objectName() == "staffTable"
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Tab)  # out of the list (not cell to cell) to its actions
        assert focused().objectName() == "staffAdd"
        press(qtbot, Qt.Key.Key_Return)
        assert focused().objectName() == "newStaffName"
        type_keys(qtbot, "Ana Ruiz")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().objectName() == "newStaffRole"
        press(qtbot, Qt.Key.Key_Down)  # agent -> supervisor
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().objectName() == "newStaffPin"
        type_keys(qtbot, NEW_PIN[:2])
        tap_pin(qtbot, dialog, NEW_PIN[2:])  # the pad types into the field being typed
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().objectName() == "newStaffPinAgain"
        type_keys(qtbot, NEW_PIN)
        press(qtbot, Qt.Key.Key_Return)  # Add is the form's default button
        assert text_of(dialog, "staffAddMessage") == ""
        assert text_of(dialog, "staffNotice") == "Added Ana Ruiz as Supervisor."
        assert row_of(dialog, "Ana Ruiz") == ["Ana Ruiz", "Supervisor", "Active"]

    in_staff_dialog(qtbot, window, add)
    ana = desk.staff.find("Ana Ruiz")
    assert (ana.role, ana.active) == ("supervisor", True)
    end_shift(qtbot, window)
    sign_in(qtbot, window, "Ana Ruiz", NEW_PIN)
    assert window.on_shift is not None and window.on_shift.staff.id == ana.id


def test_an_agent_does_not_see_staff_but_may_change_their_pin(
        qtbot: QtBot, window: MainWindow, team: Team) -> None:
    assert not window.staff_menu.staff_action.isVisible()
    assert not window.staff_menu.change_pin_action.isEnabled()  # nobody signed in
    sign_in(qtbot, window, "Maya Torres", team.pins[team.agent.id])
    visible = [a.text() for a in window.settings_menu.actions() if a.isVisible()]
    assert "&Staff…" not in visible and "Change &my PIN…" in visible
    assert not window.staff_menu.staff_action.isEnabled()
    assert window.staff_menu.change_pin_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked and not window.staff_menu.change_pin_action.isEnabled()


@pytest.mark.parametrize(("name", "pin", "again", "words"), [
    ("", NEW_PIN, NEW_PIN, refusal_text(Refusal.STAFF_NAME_MISSING)),
    ("   ", NEW_PIN, NEW_PIN, refusal_text(Refusal.STAFF_NAME_MISSING)),
    ("maya torres", NEW_PIN, NEW_PIN, refusal_text(Refusal.STAFF_NAME_TAKEN)),
    ("Ana " + "R" * 97, NEW_PIN, NEW_PIN, refusal_text(Refusal.TEXT_TOO_LONG, "101")),
    ("Ana Ruiz", "739", "739", refusal_text(Refusal.PIN_TOO_SHORT, "4")),
    ("Ana Ruiz", "", "", refusal_text(Refusal.PIN_TOO_SHORT, "4")),
    ("Ana Ruiz", "1111", "1111", refusal_text(Refusal.PIN_TOO_SIMPLE)),
    ("Ana Ruiz", "2345", "2345", refusal_text(Refusal.PIN_TOO_SIMPLE)),
    ("Ana Ruiz", NEW_PIN, "7392", refusal_text(Refusal.PIN_MISMATCH)),
])
def test_bad_input_in_the_add_form_says_why_and_adds_nobody(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team, name: str, pin: str,
        again: str, words: str) -> None:
    sign_in(qtbot, window, "Rita Lang", team.pins[team.manager.id])
    before = desk.staff.roster(include_inactive=True)

    def add(dialog: StaffDialog) -> None:
        click(qtbot, dialog, "staffAdd")
        qtbot.keyClicks(dialog.name, name)
        qtbot.keyClicks(dialog.pin, pin)
        qtbot.keyClicks(dialog.pin_again, again)
        click(qtbot, dialog, "staffAddSave")
        assert text_of(dialog, "staffAddMessage") == words
        assert text_of(dialog, "staffNotice") == ""
        assert dialog.add_page.isVisible()  # still on the form, to put it right
        assert dialog.name.text() == name
        if "PIN" in words:  # a PIN refused is typed again, by the new person
            assert dialog.pin.text() == dialog.pin_again.text() == ""
            assert focused() is dialog.pin
        else:
            assert focused() is dialog.name
        assert dialog.findChild(QTableWidget, "staffTable").rowCount() == len(before)

    in_staff_dialog(qtbot, window, add)
    assert desk.staff.roster(include_inactive=True) == before


def test_the_only_manager_cannot_demote_or_deactivate_themselves(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team) -> None:
    """Rita is the only manager: demoting or deactivating her would leave the site without
    one, and the desk says she is the last manager (``LAST_MANAGER``) and what to do."""
    sign_in(qtbot, window, "Rita Lang", team.pins[team.manager.id])
    before = desk.staff.roster(include_inactive=True)

    def try_it(dialog: StaffDialog) -> None:
        pick_row(qtbot, dialog, "Rita Lang")
        press(qtbot, Qt.Key.Key_Return)  # Enter on a row: its role form, the dialog stays
        assert dialog.isVisible() and dialog.role_page.isVisible()
        assert focused() is dialog.new_role
        press(qtbot, Qt.Key.Key_Up)
        press(qtbot, Qt.Key.Key_Up)  # manager -> agent
        click(qtbot, dialog, "staffRoleSave")
        assert text_of(dialog, "staffRoleMessage") == refusal_text(Refusal.LAST_MANAGER)
        assert row_of(dialog, "Rita Lang")[1] == "Manager"
        click(qtbot, dialog, "staffDeactivate")
        assert "Rita Lang" in text_of(dialog, "staffQuestion")
        click(qtbot, dialog, "staffConfirm")
        assert text_of(dialog, "staffConfirmMessage") == refusal_text(Refusal.LAST_MANAGER)
        assert row_of(dialog, "Rita Lang")[2] == "Active"

    in_staff_dialog(qtbot, window, try_it)
    assert desk.staff.roster(include_inactive=True) == before


def test_deactivating_asks_first_and_then_the_person_cannot_sign_in(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team) -> None:
    sign_in(qtbot, window, "Rita Lang", team.pins[team.manager.id])

    def deactivate(dialog: StaffDialog) -> None:
        pick_row(qtbot, dialog, "Leo Brandt")
        click(qtbot, dialog, "staffDeactivate")
        assert "never be able to sign in again" in text_of(dialog, "staffQuestion")
        assert focused().objectName() == "staffConfirm"
        press(qtbot, Qt.Key.Key_Escape)  # thought better of it: back to the list
        assert dialog.isVisible() and not dialog.confirm_page.isVisible()
        assert desk.staff.member(team.agent2.id).active
        click(qtbot, dialog, "staffDeactivate")
        click(qtbot, dialog, "staffConfirm")
        assert "Leo Brandt" in text_of(dialog, "staffNotice")
        assert row_of(dialog, "Leo Brandt")[2] == "Deactivated"
        assert not dialog.findChild(QPushButton, "staffRole").isEnabled()
        assert not dialog.findChild(QPushButton, "staffResetPin").isEnabled()

    in_staff_dialog(qtbot, window, deactivate)
    assert not desk.staff.member(team.agent2.id).active
    end_shift(qtbot, window)
    listed = [window.sign_in.staff_list.item(r).text()
              for r in range(window.sign_in.staff_list.count())]
    assert not any(text.startswith("Leo Brandt") for text in listed)
    with pytest.raises(DeskError):
        desk.shifts.sign_in(team.agent2.id, team.pins[team.agent2.id])


def test_after_a_reset_the_person_sets_a_new_pin_at_sign_in(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team) -> None:
    sign_in(qtbot, window, "Rita Lang", team.pins[team.manager.id])

    def reset(dialog: StaffDialog) -> None:
        pick_row(qtbot, dialog, "Maya Torres")
        click(qtbot, dialog, "staffResetPin")
        click(qtbot, dialog, "staffConfirm")
        assert "next sign-in" in text_of(dialog, "staffNotice")
        assert row_of(dialog, "Maya Torres")[2] == "Active, must set a new PIN"

    in_staff_dialog(qtbot, window, reset)
    end_shift(qtbot, window)
    screen = window.sign_in
    from tests.ui.conftest import pick_staff

    pick_staff(screen.staff_list, "Maya Torres")
    assert refusal_text(Refusal.PIN_RESET_PENDING) in screen.message.text()
    assert screen.ok.text() == "Next"
    tap_sign_in_pin(qtbot, window, NEW_PIN)
    assert screen.message.text() == "Type the new PIN again."
    tap_sign_in_pin(qtbot, window, "7392")  # not the same
    assert refusal_text(Refusal.PIN_MISMATCH) in screen.message.text()
    tap_sign_in_pin(qtbot, window, "1111")
    tap_sign_in_pin(qtbot, window, "1111")
    assert refusal_text(Refusal.PIN_TOO_SIMPLE) in screen.message.text()
    assert window.is_locked and desk.staff.member(team.agent.id).must_set_pin
    tap_sign_in_pin(qtbot, window, NEW_PIN)
    tap_sign_in_pin(qtbot, window, NEW_PIN)
    assert not window.is_locked and window.on_shift.staff.id == team.agent.id
    assert not desk.staff.member(team.agent.id).must_set_pin

    end_shift(qtbot, window)
    sign_in(qtbot, window, "Maya Torres", team.pins[team.agent.id])  # the old PIN
    assert window.is_locked and "Wrong PIN" in screen.message.text()
    sign_in(qtbot, window, "Maya Torres", NEW_PIN)
    assert not window.is_locked


def test_anyone_changes_their_own_pin_by_typing_the_old_one(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team) -> None:
    old = team.pins[team.agent.id]
    sign_in(qtbot, window, "Maya Torres", old)
    seen: list[str] = []

    def change(dialog: QWidget) -> None:
        activate(qtbot, dialog)
        message = dialog.findChild(QLabel, "changePinMessage")
        for typed_old, new, again, words in (
                ("9999", NEW_PIN, NEW_PIN, refusal_text(Refusal.WRONG_OLD_PIN)),
                (old, NEW_PIN, "7392", refusal_text(Refusal.PIN_MISMATCH)),
                (old, "0000", "0000", refusal_text(Refusal.PIN_TOO_SIMPLE)),
                ("", NEW_PIN, NEW_PIN, "Type your PIN as it is now.")):
            for field, text in (("oldPin", typed_old), ("newPin", new), ("newPinAgain", again)):
                dialog.findChild(QWidget, field).clear()
                dialog.findChild(QWidget, field).setFocus()
                type_keys(qtbot, text)
            press(qtbot, Qt.Key.Key_Return)
            assert dialog.isVisible() and message.text() == words
            seen.append(words)
        # Then right, by keyboard from the first field, tapping the new PIN on the pad.
        dialog.findChild(QWidget, "oldPin").setFocus()
        type_keys(qtbot, old)
        press(qtbot, Qt.Key.Key_Tab)
        tap_pin(qtbot, dialog, NEW_PIN)
        press(qtbot, Qt.Key.Key_Tab)
        type_keys(qtbot, NEW_PIN)
        press(qtbot, Qt.Key.Key_Return)
        assert not dialog.isVisible()

    when_dialog_opens(change)
    window.staff_menu.change_pin_action.trigger()
    assert len(seen) == 4
    assert window.statusBar().currentMessage() == "Your PIN is changed."
    end_shift(qtbot, window)
    sign_in(qtbot, window, "Maya Torres", old)
    assert window.is_locked
    sign_in(qtbot, window, "Maya Torres", NEW_PIN)
    assert not window.is_locked
