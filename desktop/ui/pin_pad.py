"""The sign-in screen's PIN pad: digits, Clear and Sign in, sized for a finger.

A keypad reads 1-2-3 in every language, as phones and card terminals do: the pad is never
mirrored under right-to-left. Its buttons never take the keyboard focus, so the PIN field
keeps it. Words are in the sign-in screen's translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from desktop.ui.common import named
from desktop.ui.first_paint import mark, set_by_name

translate = QCoreApplication.translate


def pin_pad(pin: QLineEdit, submit: Callable[[], None]) -> tuple[QWidget, QPushButton]:
    """The pad for ``pin``, and its Sign in button (the screen's default), which runs ``submit``."""
    box = QWidget()
    box.setObjectName("pinPad")
    set_by_name(box, "layoutDirection", "LeftToRight")  # by name: built before the first paint
    pad = QGridLayout(box)
    pad.setContentsMargins(0, 0, 0, 0)
    for index, digit in enumerate("123456789"):
        pad.addWidget(_digit(pin, digit), index // 3, index % 3)
    clear = named(QPushButton(translate("SignInScreen", "Clear")), "pinClear",
                  translate("SignInScreen", "Clear PIN"))
    mark(clear, role="pad")
    clear.clicked.connect(pin.clear)
    set_by_name(clear, "focusPolicy", "NoFocus")
    pad.addWidget(clear, 3, 0)
    pad.addWidget(_digit(pin, "0"), 3, 1)
    ok = named(QPushButton(translate("SignInScreen", "Sign in")), "signInButton",
               translate("SignInScreen", "Sign in"))
    ok.clicked.connect(submit)
    ok.setDefault(True)
    mark(ok, role="pad")
    pad.addWidget(ok, 3, 2)
    return box, ok


def _digit(pin: QLineEdit, digit: str) -> QPushButton:
    label = translate("SignInScreen", "Digit %1").replace("%1", digit)
    button = named(QPushButton(digit), f"pinDigit{digit}", label)
    button.setMinimumSize(56, 44)
    mark(button, role="pad")
    set_by_name(button, "focusPolicy", "NoFocus")  # the PIN field keeps the keyboard
    button.clicked.connect(lambda: pin.insert(digit))
    return button
