"""The Settings menu's staff entries: Staff… (managers only) and Change my PIN… (anyone).

The dialogs load when opened, so building the main window stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from desktop.core.views import OnShift
    from desktop.ui.main_window import MainWindow


class StaffMenu(QObject):
    """The two staff entries of the Settings menu, enabled for whoever is signed in."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.main = window
        self.staff_action = QAction(self.tr("&Staff…"), window)
        self.staff_action.triggered.connect(self.open_staff)
        self.change_pin_action = QAction(self.tr("Change &my PIN…"), window)
        self.change_pin_action.triggered.connect(self.change_pin)
        menu.addAction(self.staff_action)
        menu.addAction(self.change_pin_action)
        self.signed_in(None)

    def signed_in(self, on_shift: OnShift | None) -> None:
        """Managers see Staff; anyone signed in may change their PIN (None: nobody is)."""
        manager = on_shift is not None and on_shift.staff.role == "manager"
        self.staff_action.setVisible(manager)
        self.staff_action.setEnabled(manager)
        self.change_pin_action.setEnabled(on_shift is not None)

    def _on_shift(self) -> OnShift | None:
        return None if self.main.is_locked else self.main.on_shift

    def open_staff(self) -> None:
        on_shift = self._on_shift()
        if on_shift is None or on_shift.staff.role != "manager":
            return
        from desktop.ui.staff import StaffDialog

        StaffDialog(self.main.desk, on_shift, self.main).exec()

    def change_pin(self) -> None:
        on_shift = self._on_shift()
        if on_shift is None:
            return
        from desktop.ui.pin_entry import ChangePinDialog

        if ChangePinDialog(self.main.desk, on_shift, self.main).exec():
            self.main.statusBar().showMessage(self.tr("Your PIN is changed."), 5000)
