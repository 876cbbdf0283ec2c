"""Gestures through the panel: every scenario as an agent on a fresh shift, approval at the desk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.money import format_plain
from desktop.core.views import CaseHeader
from desktop.ui.approval import ApprovalDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import Team, make_desk
from tests.ui.conftest import new_case_by_keyboard, show_active, sign_in, when_dialog_opens

SCENARIO_IDS = [s["id"] for s in json.loads(
    (Path(__file__).resolve().parents[2].parent / "shared" / "scenarios" / "scenarios.json")
    .read_text(encoding="utf-8"))]


def to_fix_step(qtbot: QtBot, window: MainWindow, header: CaseHeader, account: str) -> None:
    new_case_by_keyboard(qtbot, window)
    panel = window.panel
    panel.guest.insert(header.guest_name)
    panel.location.insert(header.location)
    panel.outlet.setCurrentText(header.outlet)
    panel.category.setCurrentIndex(panel.category.findData(header.category))
    panel.severity.setCurrentIndex(panel.severity.findData(header.severity))
    panel.account.insertPlainText(account)
    for _ in range(3):
        qtbot.keyClick(panel.next, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.pages.currentIndex() == 3


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_each_scenario_does_what_it_expects(qtbot: QtBot, tmp_path: Path, clock: ManualClock,
                                            scenarios: list, scenario_id: str) -> None:
    scenario = next(s for s in scenarios if s["id"] == scenario_id)
    locale = {"USD": "en_US", "EUR": "de_DE", "GBP": "en_GB", "JPY": "ja_JP"}[
        scenario["currency"]]
    desk = make_desk(tmp_path / "desk", clock, currency=scenario["currency"], locale=locale)
    team = Team(desk)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    sign_in(qtbot, window, "Maya Torres", "5817")
    guest = scenario["guest"]
    to_fix_step(qtbot, window, CaseHeader(guest["name"], guest["location"], scenario["outlet"],
                                          scenario["category"], scenario["severity"]),
                scenario["account"])
    panel = window.panel
    gestures = panel.gestures
    gesture = scenario["gesture"]
    gestures.kind.setCurrentIndex(gestures.kind.findData(gesture["type"]))
    gestures.description.insert(gesture["description"])
    if gesture["type"] != "none":
        gestures.amount.insert(format_plain(gesture["value_minor"], scenario["currency"],
                                            locale))
    case_id = panel.case_id
    seen: list[str] = []

    def look_and_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ApprovalDialog)
        seen.append(dialog.findChild(QWidget, "approvalSummary").text())
        qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)

    if scenario["expect"] == "needs_approval":
        assert "Needs approval" in gestures.decision.text()
        when_dialog_opens(look_and_cancel)
    qtbot.keyClick(gestures.amount if gestures.amount.isEnabled() else gestures.description,
                   Qt.Key.Key_Return)
    view = desk.cases.get(case_id)
    if scenario["expect"] == "within_budget":
        assert [(g.gesture_type, g.value_minor, g.approval_id) for g in view.grants] == [
            (gesture["type"], gesture["value_minor"], None)]
    elif scenario["expect"] == "no_gesture":
        assert [(g.gesture_type, g.value_minor) for g in view.grants] == [("none", 0)]
        assert desk.grants.spend_for(window.on_shift, case_id).shift == 0
    else:
        assert seen, "the approval dialog did not open"
        assert view.grants == ()  # cancelled: nothing granted, the case stays open
        assert view.status == "open"
        assert desk.cases.approvals(case_id) == []
    window.close()
    desk.close()
    assert team


@pytest.fixture
def at_fix(qtbot: QtBot, window: MainWindow, desk: Desk) -> MainWindow:
    sign_in(qtbot, window, "Maya Torres", "5817")
    to_fix_step(qtbot, window, CaseHeader("Daniel Okafor", "Table 12", "Brasserie",
                                          "food_and_beverage_service", "high"),
                "A tray of beers in my lap.")
    gestures = window.panel.gestures
    gestures.kind.setCurrentIndex(gestures.kind.findData("comp"))
    gestures.description.insert("Dinner for two comped and dry cleaning paid")
    gestures.amount.insert("95.00")
    return window


def test_supervisor_approves_at_the_desk(qtbot: QtBot, at_fix: MainWindow, desk: Desk,
                                         team: Team) -> None:
    gestures = at_fix.panel.gestures
    assert "per-case limit by $45.00" in gestures.decision.text()

    def approve(dialog: QWidget) -> None:
        assert dialog.approver.currentData() == team.supervisor.id
        qtbot.keyClicks(dialog.pin, "0000")
        qtbot.keyClicks(dialog.reason, "Suit ruined; our fault.")
        qtbot.mouseClick(dialog.approve, Qt.MouseButton.LeftButton)
        assert "Wrong PIN" in dialog.message.text() and dialog.isVisible()
        qtbot.keyClicks(dialog.pin, "2468")
        qtbot.mouseClick(dialog.approve, Qt.MouseButton.LeftButton)

    when_dialog_opens(approve)
    qtbot.mouseClick(gestures.grant_button, Qt.MouseButton.LeftButton)
    view = desk.cases.get(at_fix.panel.case_id)
    assert len(view.grants) == 1 and view.grants[0].approval_id is not None
    approval = desk.cases.approvals(view.id)[0]
    assert (approval.approver_id, approval.reason, approval.decision) == (
        team.supervisor.id, "Suit ruined; our fault.", "given")
    assert "(approved)" in gestures.granted_list.text()
    assert "$55.00 this shift" in at_fix.budget.text()  # 150 - 95 left this shift
    assert "For Daniel Okafor this stay: $5.00" in at_fix.budget.text()  # 100 - 95


def test_a_reason_is_required_and_a_declined_approval_grants_nothing(
        qtbot: QtBot, at_fix: MainWindow, desk: Desk) -> None:
    gestures = at_fix.panel.gestures

    def decline(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.pin, "2468")
        qtbot.mouseClick(dialog.decline, Qt.MouseButton.LeftButton)
        assert "reason" in dialog.message.text()
        qtbot.keyClicks(dialog.reason, "Dessert is the right size here.")
        qtbot.mouseClick(dialog.decline, Qt.MouseButton.LeftButton)

    when_dialog_opens(decline)
    qtbot.mouseClick(gestures.grant_button, Qt.MouseButton.LeftButton)
    case_id = at_fix.panel.case_id
    assert desk.cases.get(case_id).grants == ()
    assert [a.decision for a in desk.cases.approvals(case_id)] == ["declined"]
    assert gestures.amount.text() == "95.00"  # what was typed is still there


@pytest.mark.parametrize(("typed", "message"), [
    ("-5", "negative"), ("NaN", "not an amount"), ("1e309", "not an amount"),
    ("12.505", "decimal"), ("", "Type an amount"), ("0", "needs a value"),
])
def test_bad_amounts_get_a_message_beside_the_field(qtbot: QtBot, window: MainWindow,
                                                    desk: Desk, typed: str, message: str) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    to_fix_step(qtbot, window, CaseHeader("Priya Raman", "Table 4", "Brasserie", "wait_time",
                                          "low"), "Slow mains.")
    gestures = window.panel.gestures
    gestures.description.insert("Desserts")
    qtbot.keyClicks(gestures.amount, typed)
    qtbot.mouseClick(gestures.grant_button, Qt.MouseButton.LeftButton)
    assert message.lower() in gestures.amount_error.text().lower()
    assert desk.cases.get(window.panel.case_id).grants == ()
    assert gestures.amount.text() == typed  # nothing typed is lost


def test_a_suggestion_fills_the_gesture_and_one_key_grants_it(qtbot: QtBot, window: MainWindow,
                                                              desk: Desk) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    to_fix_step(qtbot, window, CaseHeader("Grace Kim", "Room 1203", "Front Desk", "maintenance",
                                          "medium"), "No hot water.")
    gestures = window.panel.gestures
    suggestions = gestures.suggestion_list
    assert suggestions.count() >= 1 and suggestions.currentRow() == 0  # Enter needs no arrow
    # A click only fills the form, to change it before granting.
    rect = suggestions.visualItemRect(suggestions.item(0))
    qtbot.mouseClick(suggestions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert gestures.amount.text() == "25.00"
    assert desk.cases.get(window.panel.case_id).grants == ()
    gestures.clear_form()
    # Enter on the list grants the current suggestion at once (within the agent's limits).
    suggestions.setFocus()
    qtbot.keyClick(suggestions, Qt.Key.Key_Return)
    assert [g.value_minor for g in desk.cases.get(window.panel.case_id).grants] == [2500]
    assert "$125.00 this shift" in gestures.budget.text()
    assert "$25.00 in this case" in gestures.budget.text()


def test_suggestions_come_from_head_offices_matrix_once_the_desk_adopted_it(
        qtbot: QtBot, desk: Desk, team: Team) -> None:
    from tests.headoffice.test_publishing import MATRIX

    assert desk.ledger.adopt_matrix(1, MATRIX)  # what a sync does (tests/sync: end to end)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    sign_in(qtbot, window, "Maya Torres", "5817")
    to_fix_step(qtbot, window, CaseHeader("Grace Kim", "Room 1203", "Front Desk", "noise",
                                          "low"), "Music next door.")
    panel = window.panel
    assert [panel.category.itemData(i) for i in range(panel.category.count())] == ["", "noise"]
    listed = panel.gestures.suggestion_list
    assert listed.count() == 1
    assert listed.item(0).text().startswith("Amenity: A drink on the house")
    window.close()
