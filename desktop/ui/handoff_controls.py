"""The main window's hand-off controls: "Hand off this case…" (Ctrl+H) in the Case menu, the
"Handed to me/us" button above the case list with its count, and the owner's reminder when a
follow-up falls due on a case they handed off. Kept apart so the main window only wires it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLayout, QMenu, QMessageBox, QPushButton

from desktop.core.errors import DeskError
from desktop.core.views import CaseSummary
from desktop.ui import labels
from desktop.ui.common import named
from desktop.ui.handoff_ui import (
    SHIPPED_DEPARTMENTS,
    HandedToUsDialog,
    HandoffDialog,
    department_name,
    owner_reminder,
)

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class HandoffControls(QObject):
    """Hand-off controls of one main window."""

    def __init__(self, window: MainWindow, left: QLayout) -> None:
        super().__init__(window)
        self.window = window
        self.button = named(QPushButton(self.tr("Handed to me/us")), "handedButton",
                            self.tr("Handed to me/us"))
        self.button.clicked.connect(self.open_handed)
        left.addWidget(self.button)
        self.action = QAction(self.tr("Hand &off this case…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+H"))
        self.action.triggered.connect(self.hand_off)
        self.departments_action = QAction(self.tr("Hand-off de&partments…"), window)
        self.departments_action.triggered.connect(self.edit_departments)

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.action)

    def add_settings_to(self, menu: QMenu) -> None:
        """The managers' list of departments, in the Settings menu."""
        menu.addAction(self.departments_action)

    def refresh(self) -> None:
        """The button's count of what waits for the person signed in (or a department)."""
        on_shift = self.window.on_shift
        self.button.setEnabled(on_shift is not None)
        self.action.setEnabled(on_shift is not None)
        manager = on_shift is not None and on_shift.staff.role == "manager"
        self.departments_action.setVisible(manager)
        self.departments_action.setEnabled(manager)
        if on_shift is None:
            return
        count = len(self.window.desk.handoffs.handed_to(on_shift))
        self.button.setText(self.tr("Handed to me/us (%1)").replace("%1", str(count)))

    def hand_off(self) -> None:
        window = self.window
        case_id = window.panel.case_id
        if window.on_shift is None:
            return
        if case_id is None or window.panel_stack.currentWidget() is not window.panel:
            window.statusBar().showMessage(
                self.tr("Open a case (or finish its first step) to hand it off."), 5000)
            return
        dialog = HandoffDialog(window.desk, window.on_shift, case_id, window)
        if dialog.exec():
            window.statusBar().showMessage(self.tr("Handed off. The follow-up is still yours."),
                                           5000)
            window.panel.reload_view()
            window.refresh()

    def open_handed(self) -> None:
        window = self.window
        if window.on_shift is None:
            return
        dialog = HandedToUsDialog(window.desk, window.on_shift, window)
        dialog.case_chosen.connect(window.open_case)
        dialog.exec()
        window.refresh()

    def reminder(self, case: CaseSummary) -> str | None:
        """The owner's wording for a due follow-up on a case they handed off, else None."""
        on_shift = self.window.on_shift
        if on_shift is None:
            return None
        owned = {c.id for c in self.window.desk.handoffs.owner_followups(on_shift)}
        return owner_reminder(self.window.desk, case) if case.id in owned else None

    def edit_departments(self) -> None:
        """One department per line; the shipped four in the screen's language."""
        window = self.window
        on_shift = window.on_shift
        if on_shift is None or on_shift.staff.role != "manager":
            return
        shown = {department_name(key): key for key in SHIPPED_DEPARTMENTS}
        text, accepted = QInputDialog.getMultiLineText(
            window, self.tr("Hand-off departments"),
            self.tr("The departments a case can be handed to, one per line:"),
            "\n".join(department_name(name) for name in window.desk.handoffs.departments()))
        if not accepted:
            return
        try:
            kept = window.desk.handoffs.set_departments(
                [shown.get(line.strip(), line) for line in text.splitlines()], by=on_shift)
        except DeskError as error:
            QMessageBox.warning(window, self.tr("Hand-off departments"), labels.desk_error(error))
            return
        window.statusBar().showMessage(self.tr("Hand-off departments: %1").replace(
            "%1", ", ".join(department_name(name) for name in kept) or "–"), 5000)
