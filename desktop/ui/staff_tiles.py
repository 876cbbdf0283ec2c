"""The sign-in screen's names: large tiles with each person's initials, found by typing.

Getting the keyboard focus picks nobody; a digit typed on a chosen name goes on to the PIN.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QListWidget

from desktop.ui.design import current


class StaffList(QListWidget):
    """The names. Getting the keyboard focus picks nobody (Qt's list would make its first
    row current); a digit typed here goes on to the PIN field (``digit_typed``)."""

    digit_typed = Signal(str)

    TILE = QSize(196, 128)

    def __init__(self) -> None:
        super().__init__()
        # Tiles that wrap to the width, each a 44 px target many times over.
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setWordWrap(True)
        self.setIconSize(QSize(56, 56))
        self.setGridSize(self.TILE + QSize(12, 12))
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        # The chosen name stays plainly marked while the PIN field has the keyboard.
        palette = self.palette()
        for colour_role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(QPalette.ColorGroup.Inactive, colour_role,
                             palette.color(QPalette.ColorGroup.Active, colour_role))
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


def initials(name: str) -> str:
    """"MT" for Maya Torres, "C" for Cher; letters in any script."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if not words:
        return name.strip()[:1].upper() or "?"
    picked = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return picked.upper()


def initials_icon(name: str, size: int = 56) -> QIcon:
    """A round badge with the person's initials, in the theme's primary colour."""
    theme = current()
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.colour("primary"))
    painter.drawEllipse(0, 0, size, size)
    font = QFont(painter.font())
    font.setPixelSize(size * 2 // 5)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(theme.colour("primary_text")))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return QIcon(pixmap)


__all__ = ["StaffList", "initials", "initials_icon"]
