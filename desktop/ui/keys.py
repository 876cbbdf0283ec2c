"""Keyboard helpers shared by the desk's screens: Enter presses a focused button, and the
desk's own shortcuts win over a text field's line-editing bindings.

Qt's buttons outside a dialog take Space only; at a front desk Enter is what people press.
Qt's line edits on Linux bind Ctrl+U (delete to the start of the line) and a few more
emacs-style keys; a shortcut of the app that a text field would swallow that way is given to
the app instead (``ShortcutsWin``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterClicks(QObject):
    # override: QObject.eventFilter
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _ENTER and not event.modifiers() & ~(
                    Qt.KeyboardModifier.KeypadModifier)
                and isinstance(watched, QAbstractButton) and watched.isEnabled()):
            watched.animateClick()
            return True
        return False


def enter_clicks(*buttons: QAbstractButton) -> None:
    """Enter (and keypad Enter) on a focused button clicks it, as Space does."""
    for button in buttons:
        helper = _EnterClicks(button)
        button.installEventFilter(helper)


class ShortcutsWin(QObject):
    """An application event filter: when a text field would take one of ``sequences`` as a
    line-editing key (Qt asks it with a ShortcutOverride event), the app's shortcut fires."""

    def __init__(self, sequences: Iterable[QKeySequence], parent: QObject) -> None:
        super().__init__(parent)
        self._sequences = [s for s in sequences if not s.isEmpty()]

    # override: QObject.eventFilter
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                   for s in self._sequences):
                event.ignore()  # not the field's: the shortcut map then fires the app's
                return True
        return False
