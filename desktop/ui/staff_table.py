"""The staff list of Settings → Staff: everyone, deactivated people greyed, one row each."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.ui import labels
from desktop.ui.design import touch_rows

if TYPE_CHECKING:
    from desktop.core.views import StaffMember


class RosterTable(QTableWidget):
    """Name, role and status of each person; rows tall enough for a finger.

    Enter on a row calls ``on_enter`` (the role form) and goes no further: the dialog's default
    button belongs to the form beside the list. Tab leaves the list (not cell to cell).
    """

    def __init__(self, on_enter: Callable[[], None]) -> None:
        super().__init__(0, 3)
        self._on_enter = on_enter
        self.setObjectName("staffTable")
        self.setAccessibleName(self.tr("Staff list"))
        self.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Status")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        touch_rows(self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setMinimumWidth(440)

    def show_members(self, members: list[StaffMember], select_id: str | None) -> None:
        """Fill the rows, choosing ``select_id``'s row again if given."""
        self.setRowCount(len(members))
        for row, member in enumerate(members):
            status = self.tr("Active") if member.active else self.tr("Deactivated")
            if member.active and member.must_set_pin:
                status = self.tr("Active, must set a new PIN")
            for column, text in enumerate([member.name, labels.role_name(member.role), status]):
                item = QTableWidgetItem(text)
                if not member.active:
                    item.setForeground(QColor("#777777"))
                self.setItem(row, column, item)
            if member.id == select_id:
                self.selectRow(row)

    # override: QAbstractItemView.keyPressEvent
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            event.accept()
            return
        super().keyPressEvent(event)
