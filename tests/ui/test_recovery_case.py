"""End to end as a person would: set up, sign in, run a whole case, restart, find it again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.settings import IDLE_LOCK_MINUTES
from desktop.ui.main_window import MainWindow
from desktop.ui.setup import SetupDialog
from tests.ui.conftest import focused, new_case_by_keyboard, press, sign_in, type_keys


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_setup_sign_in_whole_case_and_restart(qtbot: QtBot, data_dir: Path, clock: ManualClock,
                                              scenarios: list) -> None:
    scenario = next(s for s in scenarios if s["id"] == "cold-shower-wednesday")
    desk = Desk.open(data_dir, clock)
    setup = SetupDialog(desk)
    qtbot.addWidget(setup)
    setup.show()
    qtbot.keyClicks(setup.name, "Harbourside Hotel")
    setup.currency.clear()
    qtbot.keyClicks(setup.currency, "usd")
    setup.timezone.setCurrentText("America/New_York")
    setup.locale_field.setCurrentText("en_US")
    qtbot.keyClicks(setup.manager, "Rita Lang")
    qtbot.keyClicks(setup.pin, "1357")
    qtbot.keyClicks(setup.pin_again, "1357")
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert setup.result() == SetupDialog.DialogCode.Accepted
    site = desk.site.info()
    assert (site.name, site.currency, site.timezone) == ("Harbourside Hotel", "USD",
                                                         "America/New_York")

    desk.settings.set(IDLE_LOCK_MINUTES, 60.0)  # the clock jumps 20 minutes below
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    sign_in(qtbot, window, "Rita Lang", "1357")
    assert not window.is_locked
    assert "Rita Lang" in window.who.text()

    qtbot.mouseClick(window.new_case_button, Qt.MouseButton.LeftButton)
    panel = window.panel
    qtbot.keyClicks(panel.guest, scenario["guest"]["name"])
    qtbot.keyClicks(panel.location, scenario["guest"]["location"])
    choose(panel.category, scenario["category"])
    assert "severity" in panel.missing.text()
    choose(panel.severity, scenario["severity"])
    assert panel.missing.text() == ""
    qtbot.keyClicks(panel.account, scenario["account"])
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    case_id = panel.case_id
    assert case_id is not None
    qtbot.keyClicks(panel.apology, "Apologised in person.")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.guest_view, "A wedding at five and no hot water.")
    qtbot.keyClicks(panel.good_outcome, scenario["needs"])
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.fix_action, scenario["fix"])
    gestures = panel.gestures
    choose(gestures.kind, scenario["gesture"]["type"])
    qtbot.keyClicks(gestures.description, scenario["gesture"]["description"])
    qtbot.keyClicks(gestures.amount, "25.00")
    assert "Within your limits" in gestures.decision.text()
    qtbot.keyClick(gestures.amount, Qt.Key.Key_Return)
    assert scenario["gesture"]["description"] in gestures.granted_list.text()
    assert "$25.00" in gestures.granted_list.text()
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)

    clock.advance(minutes=20)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    assert scenario["guest"]["name"] in window.banner.text.text()
    qtbot.keyClicks(panel.followup_note, "Showered and off to the wedding.")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    choose(panel.root_cause, "maintenance")
    qtbot.keyClicks(panel.detail, "Boiler serviced every Wednesday 15:00-16:00.")
    choose(panel.outcome, "recovered")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert desk.cases.get(case_id).status == "closed"
    assert not panel.next.isEnabled()
    window.close()
    desk.close()

    # Restart on the same data dir: everything is as it was.
    again = Desk.open(data_dir, clock)
    reopened = MainWindow(again)
    qtbot.addWidget(reopened)
    reopened.show()
    sign_in(qtbot, reopened, "Rita Lang", "1357")
    reopened.case_list.filter.setCurrentIndex(reopened.case_list.filter.findData("closed"))
    model = reopened.case_list.model
    assert model.rowCount() == 1
    assert model.case_at(0).guest_name == scenario["guest"]["name"]
    reopened.case_list.table.clicked.emit(model.index(0, 0))
    assert reopened.panel.account.toPlainText() == scenario["account"]
    assert reopened.panel.detail.toPlainText() == "Boiler serviced every Wednesday 15:00-16:00."
    qtbot.mouseClick(reopened.panel.back, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reopened.panel.back, Qt.MouseButton.LeftButton)
    assert reopened.panel.pages.currentIndex() == 3  # Fix and make good
    assert scenario["gesture"]["description"] in reopened.panel.gestures.granted_list.text()
    reopened.close()
    again.close()


def test_a_low_severity_case_runs_from_the_keyboard_alone(qtbot: QtBot, window: MainWindow,
                                                          desk: Desk, clock: ManualClock) -> None:
    desk.settings.set(IDLE_LOCK_MINUTES, 60.0)  # the clock jumps 20 minutes below
    window.sign_in.staff_list.setFocus()
    assert window.sign_in.staff_list.currentItem() is None  # the focus picks nobody
    press(qtbot, Qt.Key.Key_Down)  # the first: Leo Brandt, Maya Torres, Rita Lang, Sam Okoye
    type_keys(qtbot, "6392")  # digits on the list go to the PIN
    press(qtbot, Qt.Key.Key_Return)
    assert not window.is_locked and "Leo Brandt" in window.who.text()

    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.panel.guest
    type_keys(qtbot, "Priya Raman")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Table 4")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.panel.outlet or focused().parent() is window.panel.outlet
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.panel.category
    type_keys(qtbot, "Wait")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Low")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.panel.account
    type_keys(qtbot, "45 minutes for mains and nobody said anything.")
    for text in ("Sorry, at the table.", "Left without news."):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.panel.fix_action
    type_keys(qtbot, "Kitchen fired the order first.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    clock.advance(minutes=20)
    type_keys(qtbot, "Desserts went down well.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.panel.root_cause
    type_keys(qtbot, "Wait")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Two large parties at 8 pm.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    closed = desk.cases.summaries(status="closed")
    assert len(closed) == 1
    view = desk.cases.get(closed[0].id)
    assert view.header.category == "wait_time" and view.header.severity == "low"
    assert view.header.outlet == "Front Desk"
    assert view.fields["guest_view"] == "Left without news."
    assert view.fields["detail"] == "Two large parties at 8 pm."
    assert view.followup_done_at is not None and view.outcome == "recovered"


def test_typing_is_never_blocked_and_the_panel_says_what_is_missing(
        qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    panel = window.panel
    for field in ("guest name", "room or table", "category", "severity"):
        assert field in panel.missing.text()
    qtbot.keyClicks(panel.account, "The key card failed again.")
    for _ in range(5):
        qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert panel.pages.currentIndex() == 5  # reached Document with gaps in the header
    panel.root_cause.setCurrentIndex(1)
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert "guest name" in panel.message.text()
    assert desk.cases.get(panel.case_id).status == "open"
    panel.guest.insert("Lucía Fernández")  # QTest cannot type non-ASCII keys
    qtbot.keyClicks(panel.location, "Room 640")
    panel.category.setCurrentIndex(panel.category.findData("room_condition"))
    panel.severity.setCurrentIndex(panel.severity.findData("low"))
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert desk.cases.get(panel.case_id).status == "closed"
    assert desk.cases.get(panel.case_id).header.guest_name == "Lucía Fernández"


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive controls without an accessible name (Qt's own inner parts excepted)."""
    interactive = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView,
                   QAbstractSpinBox)
    # Qt's own inner parts: a combo's line edit, a line edit's clear button, the menu bar's
    # overflow button; they take their names from the control they belong to.
    composite = (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit, QMenuBar)
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, interactive) or widget.accessibleName():
            continue
        parent, inner = widget.parentWidget(), False
        while parent is not None:
            if isinstance(parent, composite):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner:
            found.append(f"{type(widget).__name__}:{widget.objectName()}")
    return sorted(found)


def test_every_control_has_an_accessible_name(qtbot: QtBot, window: MainWindow,
                                              desk: Desk) -> None:
    assert unnamed_controls(window) == []
    sign_in(qtbot, window, "Rita Lang", "1357")
    window.new_case()
    assert unnamed_controls(window) == []
    setup_desk = Desk.open(desk.data_dir.parent / "empty", desk.clock)
    setup = SetupDialog(setup_desk)
    qtbot.addWidget(setup)
    assert unnamed_controls(setup) == []
    setup_desk.close()


def test_header_fields_follow_in_tab_order(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    new_case_by_keyboard(qtbot, window)
    panel = window.panel
    seen = [focused()]
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Tab)
        widget = focused()
        seen.append(widget.parentWidget() if widget.parentWidget() is panel.outlet else widget)
    assert seen == [panel.guest, panel.location, panel.outlet, panel.category, panel.severity,
                    panel.account]
