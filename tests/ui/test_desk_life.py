"""Life at the desk: the idle lock, wrong PINs, follow-up notices, the case list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.settings import IDLE_LOCK_MINUTES
from desktop.core.views import CaseHeader
from desktop.ui.main_window import MainWindow
from tests.conftest import Team
from tests.ui.conftest import ctrl_n, new_case_by_keyboard, sign_in


def test_idle_lock_keeps_the_half_entered_case(qtbot: QtBot, window: MainWindow, desk: Desk,
                                               clock: ManualClock) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    qtbot.keyClicks(window.panel.guest, "Hannah Schmidt")
    qtbot.keyClicks(window.panel.account, "The coffee is cold")
    clock.advance(minutes=2, seconds=59)
    qtbot.wait(1100)
    assert not window.is_locked
    clock.advance(seconds=2)
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    # Ctrl+N while locked does nothing.
    ctrl_n(qtbot, window)
    assert window.is_locked
    assert window.sign_in.staff_list.currentItem().text().startswith("Maya Torres")
    for digit in "5817":
        qtbot.mouseClick(window.sign_in.findChild(QPushButton, f"pinDigit{digit}"),
                         Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.sign_in.pin, Qt.Key.Key_Return)
    assert not window.is_locked
    assert window.panel.guest.text() == "Hannah Schmidt"
    assert window.panel.account.toPlainText() == "The coffee is cold"
    assert desk.event_count() == 5  # four people and the shift start: no draft was written


def test_activity_keeps_the_desk_unlocked(qtbot: QtBot, window: MainWindow,
                                          clock: ManualClock) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    for _ in range(4):
        clock.advance(minutes=2)
        qtbot.keyClicks(window.case_list.search, "a")
        qtbot.wait(1100)
        assert not window.is_locked


def test_wrong_pins_show_a_growing_delay(qtbot: QtBot, window: MainWindow,
                                         clock: ManualClock) -> None:
    screen = window.sign_in
    sign_in(qtbot, window, "Maya Torres", "0000")
    assert screen.message.text() == "Wrong PIN. Try again."
    sign_in(qtbot, window, "Maya Torres", "0000")
    sign_in(qtbot, window, "Maya Torres", "0000")
    assert screen.message.text() == "Wrong PIN. Try again in 5 s."
    sign_in(qtbot, window, "Maya Torres", "5817")
    assert window.is_locked
    assert "Try again in 5 s" in screen.message.text()
    clock.advance(seconds=5)
    sign_in(qtbot, window, "Maya Torres", "5817")
    assert not window.is_locked


def test_sign_in_needs_a_name_and_a_pin(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.sign_in
    screen.staff_list.setCurrentRow(-1)
    qtbot.mouseClick(screen.ok, Qt.MouseButton.LeftButton)
    assert "name" in screen.message.text()
    screen.staff_list.setCurrentRow(0)
    qtbot.mouseClick(screen.ok, Qt.MouseButton.LeftButton)
    assert "PIN" in screen.message.text()
    qtbot.keyClicks(screen.pin, "12ab34")
    assert screen.pin.text() == "1234"  # only digits go in


def test_a_due_follow_up_raises_a_notice_while_another_case_is_open(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team, clock: ManualClock) -> None:
    desk.settings.set(IDLE_LOCK_MINUTES, 60.0)
    who = team.sign_in(team.agent)
    fixed = desk.cases.open(who, CaseHeader("Kenji Watanabe", "Room 907", "Front Desk",
                                           "maintenance", "high"))
    desk.cases.complete_step(who, fixed, "fix", {"fix_action": "Portable units in the room."})
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    qtbot.keyClicks(window.panel.guest, "Another Guest")
    row = 0
    assert window.case_list.model.case_at(row).id == fixed
    assert window.case_list.model.data(window.case_list.model.index(row, 3)) == "in 20:00"
    clock.advance(minutes=20, seconds=5)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    assert "Kenji Watanabe, Room 907" in window.banner.text.text()
    model = window.case_list.model
    assert model.data(model.index(row, 3)) == "overdue 0:05"
    assert model.data(model.index(row, 3), Qt.ItemDataRole.ForegroundRole) is not None
    assert window.panel.guest.text() == "Another Guest"  # the open draft is untouched
    qtbot.mouseClick(window.banner.open_button, Qt.MouseButton.LeftButton)
    assert window.panel.case_id == fixed
    assert window.panel.pages.currentIndex() == 4  # Follow up
    assert not window.banner.isVisible()
    qtbot.wait(1100)
    assert not window.banner.isVisible()  # one notice per follow-up


def test_case_list_search_by_guest_or_room(qtbot: QtBot, window: MainWindow, desk: Desk,
                                           team: Team) -> None:
    who = team.sign_in(team.agent)
    for name, room in [("José Martínez", "Host stand"), ("Zoë Lindqvist", "Room 514"),
                       ("Siobhan O'Neill", "Room 302")]:
        desk.cases.open(who, CaseHeader(name, room))
    sign_in(qtbot, window, "Maya Torres", "5817")
    model = window.case_list.model
    assert model.rowCount() == 3
    qtbot.keyClicks(window.case_list.search, "514")
    assert [model.case_at(r).guest_name for r in range(model.rowCount())] == ["Zoë Lindqvist"]
    window.case_list.search.clear()
    qtbot.keyClicks(window.case_list.search, "o'neill")
    assert [model.case_at(r).guest_name for r in range(model.rowCount())] == ["Siobhan O'Neill"]


def test_end_shift_returns_to_sign_in_and_a_new_shift_starts(qtbot: QtBot, window: MainWindow,
                                                              desk: Desk) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    first = window.on_shift
    qtbot.mouseClick(window.end_shift_button, Qt.MouseButton.LeftButton)
    assert window.is_locked and window.on_shift is None
    sign_in(qtbot, window, "Maya Torres", "5817")
    assert window.on_shift.shift_id != first.shift_id


def test_only_a_manager_may_edit_the_policy(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    from desktop.ui.settings import PolicyDialog
    from tests.ui.conftest import when_dialog_opens

    sign_in(qtbot, window, "Maya Torres", "5817")
    assert not window.policy_action.isEnabled()
    qtbot.mouseClick(window.end_shift_button, Qt.MouseButton.LeftButton)
    sign_in(qtbot, window, "Rita Lang", "1357")
    assert window.policy_action.isEnabled()

    def edit(dialog) -> None:
        assert isinstance(dialog, PolicyDialog)
        field = dialog.fields[("agent", next(iter(dialog.fields))[1])]
        field.clear()
        qtbot.keyClicks(field, "12.345")
        qtbot.mouseClick(dialog.findChild(QPushButton, "savePolicy"), Qt.MouseButton.LeftButton)
        assert "decimal" in dialog.message.text()
        field.clear()
        qtbot.keyClicks(field, "80.00")
        qtbot.mouseClick(dialog.findChild(QPushButton, "savePolicy"), Qt.MouseButton.LeftButton)

    when_dialog_opens(edit)
    window.policy_action.trigger()
    assert desk.site.policy().version == 2
    assert desk.site.policy().limits_for("agent").per_case == 8000
