"""Typing PINs: a hidden digits-only field, a touch pad for it, and "Change my PIN…".

Loaded with the sign-in screen, so it stays light: no store, no SQLAlchemy (the desk is
imported for type hints only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import DeskError, Refusal
from desktop.ui import labels
from desktop.ui.common import named
from desktop.ui.design import tone

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.views import OnShift

# Wide enough for any PIN the policy may allow; the core says when one is too long.
PIN_FIELD_MAX = 12
TOUCH_HEIGHT = 44  # px: a fingertip, as the sign-in pad's keys


def pin_field(object_name: str, accessible: str) -> QLineEdit:
    """A PIN field: hidden as typed, digits only, tall enough to tap."""
    field = named(QLineEdit(), object_name, accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(PIN_FIELD_MAX)
    field.setValidator(QRegularExpressionValidator(rf"\d{{0,{PIN_FIELD_MAX}}}", field))
    field.setMinimumHeight(TOUCH_HEIGHT)
    return field


def touch_button(text: str, object_name: str, accessible: str) -> QPushButton:
    button = named(QPushButton(text), object_name, accessible)
    button.setMinimumHeight(TOUCH_HEIGHT)
    return button


def error_label(object_name: str, accessible: str) -> QLabel:
    """Where a form says what is wrong, in the same red as the other forms."""
    label = named(QLabel(), object_name, accessible)
    tone(label, "error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def empty_pin(desk: Desk) -> str:
    """For a new PIN left empty: how long one must be, in the desk's words."""
    return labels.refusal_text(Refusal.PIN_TOO_SHORT, str(desk.site.policy().pin_min_length))


class PinPad(QWidget):
    """Digits and Clear for a set of PIN fields: a tap types into the field with the keyboard
    focus (the pad's keys never take it), else into the first of them."""

    def __init__(self, fields: list[QLineEdit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        # A keypad reads 1-2-3 in every language: never mirrored under right-to-left.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, digit in enumerate("1234567890"):
            key = named(QPushButton(digit), f"padDigit{digit}",
                        self.tr("Digit %1").replace("%1", digit))
            key.setMinimumSize(56, TOUCH_HEIGHT)
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.setAutoDefault(False)
            key.clicked.connect(lambda _=False, d=digit: self._type(d))
            grid.addWidget(key, index // 3, index % 3 if index < 9 else 1)
        clear = named(QPushButton(self.tr("Clear")), "padClear", self.tr("Clear the PIN field"))
        clear.setMinimumSize(56, TOUCH_HEIGHT)
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.setAutoDefault(False)
        clear.clicked.connect(lambda: self.target().clear())
        grid.addWidget(clear, 3, 0)

    def target(self) -> QLineEdit:
        focus = QApplication.focusWidget()
        for field in self.fields:
            if field is focus:
                return field
        return self.fields[0]

    def _type(self, digit: str) -> None:
        field = self.target()
        field.insert(digit)
        field.setFocus()


class ChangePinDialog(QDialog):
    """Anyone signed in changes their own PIN: the old one, then the new one twice."""

    def __init__(self, desk: Desk, on_shift: OnShift, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.on_shift = on_shift
        self.setWindowTitle(self.tr("Change my PIN"))
        intro = QLabel(self.tr("%1: type your PIN as it is now, then the new one twice.")
                       .replace("%1", on_shift.staff.name))
        intro.setWordWrap(True)
        self.old = pin_field("oldPin", self.tr("PIN now"))
        self.new = pin_field("newPin", self.tr("New PIN"))
        self.again = pin_field("newPinAgain", self.tr("New PIN again"))
        form = QFormLayout()
        form.addRow(self.tr("PIN now"), self.old)
        form.addRow(self.tr("New PIN"), self.new)
        form.addRow(self.tr("New PIN again"), self.again)
        self.message = error_label("changePinMessage", self.tr("Change PIN message"))
        self.save = touch_button(self.tr("Change PIN"), "changePinButton", self.tr("Change PIN"))
        self.save.setDefault(True)
        self.save.clicked.connect(self.change)
        cancel = touch_button(self.tr("Cancel"), "changePinCancel", self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(PinPad([self.old, self.new, self.again]))
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setTabOrder(self.old, self.new)
        self.setTabOrder(self.new, self.again)
        self.setTabOrder(self.again, self.save)
        self.setTabOrder(self.save, cancel)
        self.old.setFocus()

    def change(self) -> None:
        if not self.old.text():
            self._refuse(self.tr("Type your PIN as it is now."), self.old)
            return
        if not self.new.text():
            self._refuse(empty_pin(self.desk), self.new)
            return
        if self.new.text() != self.again.text():
            self._refuse(labels.refusal_text(Refusal.PIN_MISMATCH), self.new)
            return
        try:
            self.desk.staff.change_pin(self.on_shift.staff.id, self.old.text(), self.new.text())
        except DeskError as error:
            text = labels.desk_error(error)
            wrong_old = error.refusal is Refusal.WRONG_OLD_PIN
            if wrong_old and error.detail.isdigit() and int(error.detail) > 0:
                # Wrong tries wait, as at sign-in: say how long.
                text += " " + self.tr("Try again in %1 s.").replace("%1", error.detail)
            self._refuse(text, self.old if wrong_old else self.new)
            return
        self.accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        """Say what is wrong; the PIN fields from ``field`` on are typed again."""
        self.message.setText(text)
        fields = [self.old, self.new, self.again]
        for typed in fields[fields.index(field):]:
            typed.clear()
        field.setFocus()
