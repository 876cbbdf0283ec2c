"""Key actions from New case to voucher and apology at the printer, counted (issue 15).

Drives the real main window (offscreen) with key events only, as a person at the desk would,
and counts every key or chord pressed besides the free text typed (the guest's name, room,
account, apology, what went wrong, the fix, the approver's reason and a value typed by hand):

- a low-severity case within the agent's limits (goal: at most 15);
- a case over the agent's limits, a supervisor approving at the desk with their PIN (its
  digits counted) and a reason (goal: at most 25).

Both end with the voucher and the apology sent to the printer. There is no printer here, so
each slip goes to a PDF file printer (a QPrinter writing to a file) in a temporary folder; the
slips are made and sent exactly as for a real queue.

    QT_QPA_PLATFORM=offscreen python -m bench.keys

tests/ui/test_keyboard_path.py runs the same two paths and holds the counts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

LOW_SEVERITY_GOAL = 15
WITH_APPROVAL_GOAL = 25


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    if widget is None:
        raise AssertionError("nothing has the keyboard focus")
    return widget


def wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    """Let the event loop run until ``condition()`` holds (slips print in the background)."""
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        QTest.qWait(10)


class Keys:
    """Presses keys where the keyboard focus is, and counts them; typed text is not counted."""

    def __init__(self) -> None:
        self.count = 0
        self.pressed: list[str] = []

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              name: str = "") -> None:
        QTest.keyClick(focused(), key, modifier)
        self.count += 1
        self.pressed.append(name or key.name.removeprefix("Key_"))

    def letter(self, char: str) -> None:
        """One key that picks an entry in a drop-down by its first letter."""
        QTest.keyClicks(focused(), char)
        self.count += 1
        self.pressed.append(char.upper())

    @staticmethod
    def type(text: str) -> None:
        """Free text (a name, an account): not counted."""
        QTest.keyClicks(focused(), text)

    def tab(self) -> None:
        self.press(Qt.Key.Key_Tab)

    def ctrl(self, key: Qt.Key, name: str) -> None:
        self.press(key, Qt.KeyboardModifier.ControlModifier, f"Ctrl+{name}")


def _to_fix_step(window: Any, keys: Keys, category_letter: str, severity_letter: str) -> None:
    """Ctrl+N, the header, the first three steps, the fix typed: on the Fix step."""
    keys.ctrl(Qt.Key.Key_N, "N")  # New case: the guest's name has the keyboard
    keys.type("Hannah Schmidt")
    keys.tab()
    keys.type("Room 221")
    keys.tab()  # the outlet: the site's first, as it is
    keys.tab()
    keys.letter(category_letter)  # F: Food & beverage service
    keys.tab()
    keys.letter(severity_letter)  # L: Low, H: High
    keys.tab()
    keys.type("The coffee was cold and the eggs had run out at nine.")
    keys.ctrl(Qt.Key.Key_Return, "Enter")  # Listened
    keys.type("I am sorry; that is not the breakfast we promise.")
    keys.ctrl(Qt.Key.Key_Return, "Enter")  # Apologised
    keys.type("Her taxi is at 9:45 and she has not eaten.")
    keys.ctrl(Qt.Key.Key_Return, "Enter")  # Reviewed
    keys.type("Fresh eggs and hot coffee brought to her table at once.")
    if window.panel.pages.currentIndex() != 3:
        raise AssertionError(f"not on the Fix step: {window.panel.message.text()}")


def _print_both(window: Any, keys: Keys) -> None:
    bar = window.panel.gestures.slips
    keys.ctrl(Qt.Key.Key_P, "P")  # voucher and apology, one job
    wait_until(lambda: not bar.busy)
    if "Sent to the printer" not in bar.message.text():
        raise AssertionError(f"not printed: {bar.message.text()}")


def low_severity_case(window: Any, keys: Keys) -> None:
    """A low-severity case: the first suggestion (a voucher within the agent's limits) is
    granted with Enter, then both slips are printed."""
    _to_fix_step(window, keys, "f", "l")
    keys.tab()  # the suggestions, the first one current
    keys.press(Qt.Key.Key_Return, name="Enter")  # granted at once, within the limits
    _print_both(window, keys)


def case_with_approval(window: Any, keys: Keys, approver_pin: str) -> None:
    """A high-severity case: a voucher above the agent's limits typed by hand; the approval
    dialog opens with the supervisor chosen and the PIN field ready."""
    _to_fix_step(window, keys, "f", "h")
    keys.tab()  # the suggestions
    keys.tab()  # the gesture type
    keys.letter("v")  # Voucher
    keys.tab()
    keys.type("Dinner for two at the Brasserie")
    keys.tab()
    keys.type("120")

    def approve() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or not dialog.isAncestorOf(focus):
            if dialog is not None:
                dialog.activateWindow()  # what the window manager does for a new dialog
            QTimer.singleShot(10, approve)
            return
        for digit in approver_pin:
            keys.press(getattr(Qt.Key, f"Key_{digit}"), name=digit)
        keys.tab()  # the reason
        keys.type("Her anniversary breakfast was spoiled")
        keys.press(Qt.Key.Key_Return, name="Enter")  # Approve

    QTimer.singleShot(0, approve)
    keys.press(Qt.Key.Key_Return, name="Enter")  # Grant: over the limits, so the dialog

    def back_in_the_window() -> bool:
        window.activateWindow()  # what the window manager does when a dialog closes
        return QApplication.focusWidget() is not None

    wait_until(back_in_the_window, 5)
    _print_both(window, keys)


def _memory_keyring() -> object:
    """Nothing on this machine's keychain: the voucher signing key lives in memory."""
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.secrets.pop((service, username), None)

    return Memory()


def pdf_printers(folder: Path) -> Callable[[Any, str], Any]:
    """A stand-in for ``slips_ui.configured_printer``: each slip to a PDF file in ``folder``."""
    from PySide6.QtPrintSupport import QPrinter

    counter = iter(range(1_000_000))

    def configured(_desk: Any, kind: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(folder / f"{kind}-{next(counter)}.pdf"))
        return printer

    return configured


def signed_in_window(data_dir: Path, name: str, pin: str) -> Any:
    """The demo site's main window, shown, with ``name`` signed in (not counted)."""
    from desktop.core.demo import create_demo_site
    from desktop.core.desk import Desk
    from desktop.ui.main_window import MainWindow

    desk = Desk.open(data_dir)
    create_demo_site(desk)
    window = MainWindow(desk)
    window.show()
    window.activateWindow()
    wait_until(window.isActiveWindow, 5)
    screen = window.sign_in
    screen.select_staff(name)
    screen.pin.setText(pin)
    screen.submit()
    if window.is_locked:
        raise AssertionError(screen.message.text())
    return window


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import keyring

    keyring.set_keyring(_memory_keyring())  # type: ignore[arg-type]
    app = QApplication.instance() or QApplication(sys.argv)
    from desktop.ui import slips_ui

    results = []
    with tempfile.TemporaryDirectory(prefix="amends-keys-") as tmp:
        printed = Path(tmp) / "printed"
        printed.mkdir()
        slips_ui.configured_printer = pdf_printers(printed)  # type: ignore[assignment]
        for label, run, goal in (
                ("low severity", low_severity_case, LOW_SEVERITY_GOAL),
                ("with approval", lambda w, k: case_with_approval(w, k, "2468"),
                 WITH_APPROVAL_GOAL)):
            window = signed_in_window(Path(tmp) / label.replace(" ", "-"), "Maya Torres", "1234")
            keys = Keys()
            run(window, keys)
            results.append((label, keys, goal))
            window.close()
            window.desk.close()
        slips = sorted(p.name.split("-")[0] for p in printed.iterdir())
    print("No printer here: each slip went to a PDF file printer "
          f"({slips.count('voucher')} vouchers, {slips.count('apology')} apologies).")
    for label, keys, goal in results:
        print(f"{label}: {keys.count} key actions (goal: at most {goal})")
        print("  " + " ".join(keys.pressed))
    app.processEvents()
    return 0 if all(keys.count <= goal for _label, keys, goal in results) else 1


if __name__ == "__main__":
    sys.exit(main())
