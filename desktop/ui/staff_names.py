"""The sign-in screen's list of names, and the Qt values it sets by number.

Kept light on purpose: it is built before the first paint of the app (``desktop.ui.app``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QListWidget

# By number, not through ``Qt``: loading Qt's namespace of enums takes about 40 ms of CPU,
# which the sign-in screen does not spend before its first paint (tests/ui/test_early_pins.py
# checks these are the values meant).
USER_ROLE = 256  # Qt.ItemDataRole.UserRole
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus


class StaffList(QListWidget):
    """The names. Getting the keyboard focus picks nobody (Qt's list would make its first
    row current); a digit typed here goes on to the PIN field (``digit_typed``)."""

    digit_typed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        # The chosen name stays plainly marked while the PIN field has the keyboard.
        palette = self.palette()
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(QPalette.ColorGroup.Inactive, role,
                             palette.color(QPalette.ColorGroup.Active, role))
        self.setPalette(palette)

    # override: QWidget.focusInEvent
    def focusInEvent(self, event: QFocusEvent) -> None:
        had_current = self.currentItem() is not None
        super().focusInEvent(event)
        if not had_current and self.currentItem() is not None:
            self.setCurrentItem(None)  # type: ignore[arg-type]  # Qt accepts None: no row

    # override: QWidget.keyPressEvent
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit() and self.currentItem() is not None:
            self.digit_typed.emit(event.text())
            return
        super().keyPressEvent(event)
