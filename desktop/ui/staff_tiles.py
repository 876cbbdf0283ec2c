"""The sign-in screen's names: large tiles with each person's initials, found by typing.

Getting the keyboard focus picks nobody; a digit typed on a chosen name goes on to the PIN.
Made before the app's first paint: no ``Qt`` namespace here (``desktop.ui.first_paint``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QListWidget

from desktop.ui.first_paint import ALIGN_CENTER, colour


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


def initials_badge(name: str, size: int = 56) -> QPixmap:
    """A round badge with the person's initials, in the theme's primary colour.

    Drawn with fills and pixmaps only: QPainter's ``setPen`` and ``setBrush`` would load Qt's
    ``Qt`` namespace (to weigh their overloads) before the sign-in screen's first paint. The
    result is the same, pixel for pixel, as a brush-filled disc under text drawn in the pen's
    colour (tests/ui/test_first_paint.py)."""
    pixmap = _disc(size, colour("primary")).copy()
    painter = QPainter(pixmap)
    # The letters in the default pen (black), then given their colour where they are drawn.
    letters = _filled(size, QColor(0, 0, 0, 0))
    ink = QPainter(letters)
    font = QFont(painter.font())
    font.setPixelSize(size * 2 // 5)
    font.setBold(True)
    ink.setFont(font)
    ink.drawText(letters.rect(), ALIGN_CENTER, initials(name))
    ink.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    ink.drawPixmap(0, 0, _filled(size, colour("primary_text")))
    ink.end()
    painter.drawPixmap(0, 0, letters)
    painter.end()
    return pixmap


_DISCS: dict[tuple[int, int], QPixmap] = {}  # by size and colour: a textured fill is slow


def _disc(size: int, fill: QColor) -> QPixmap:
    key = (size, fill.rgba())
    if key not in _DISCS:
        disc = _filled(size, QColor(0, 0, 0, 0))
        painter = QPainter(disc)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPainterPath()
        outline.addEllipse(0, 0, size, size)
        painter.fillPath(outline, QBrush(_filled(size, fill)))
        painter.end()
        _DISCS[key] = disc
    return _DISCS[key]


def _filled(size: int, fill: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(fill)
    return pixmap


__all__ = ["StaffList", "initials", "initials_badge"]
