"""UI fixtures: the main window over a real desk, and helpers that act as a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.desk import Desk
from desktop.ui import design
from desktop.ui.main_window import MainWindow
from tests.conftest import Team


@pytest.fixture(autouse=True)
def plain_look(qapp: QApplication) -> Iterator[None]:
    """Each test starts with Qt's plain look: ``run_app`` (start-up tests) and ``designed``
    give the one QApplication the design, which must not carry over into later tests."""
    style, palette = qapp.style().name(), qapp.palette()
    yield
    if qapp.styleSheet():
        qapp.setStyleSheet("")
        qapp.setStyle(style)
        qapp.setPalette(palette)
        qapp.setProperty("amendsHighContrast", False)


@pytest.fixture
def designed(qapp: QApplication) -> design.Theme:
    """The app's design, as run_app applies it (``plain_look`` takes it off after)."""
    return design.apply(qapp, False)


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, team: Team) -> Iterator[MainWindow]:
    main = MainWindow(desk)
    qtbot.addWidget(main)
    show_active(qtbot, main)
    yield main
    main.close()


class InlinePool:
    """A ``desktop.ui.background.Pool`` that runs the work at once on the calling thread (as
    Picard's tests do); the answer still arrives through the event loop."""

    def start(self, runnable: Callable[[], None]) -> None:
        runnable()


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show a window and wait until it is the active one (keyboard shortcuts need that)."""
    window.show()
    qtbot.waitExposed(window)
    # No raise_(): the tests run offscreen, whose plugin cannot raise a window (it warns).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def pick_staff(staff_list: QListWidget, name: str) -> None:
    for row in range(staff_list.count()):
        if staff_list.item(row).text().startswith(name):
            staff_list.setCurrentRow(row)
            return
    raise AssertionError(f"{name} is not on the sign-in list")


def sign_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    """Pick the name, tap the PIN on the pad, tap Sign in."""
    screen = window.sign_in
    pick_staff(screen.staff_list, name)
    for digit in pin:
        qtbot.mouseClick(screen.findChild(QWidget, f"pinDigit{digit}"),
                         Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.ok, Qt.MouseButton.LeftButton)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_keys(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def when_dialog_opens(act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog, as soon as it is shown (it would block)."""

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and tries < 200:
            QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        assert dialog is not None, "no dialog opened"
        try:
            act(dialog)
        finally:
            if dialog.isVisible():  # never leave a test blocked on an open dialog
                dialog.reject()

    QTimer.singleShot(0, attempt)


def ctrl_n(qtbot: QtBot, window: QWidget) -> None:
    """Press Ctrl+N where the keyboard focus is, as a person would."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


def new_case_by_keyboard(qtbot: QtBot, window: QWidget) -> None:
    ctrl_n(qtbot, window)
    assert window.panel.isVisible(), "Ctrl+N did not open the panel"
    assert QApplication.focusWidget() is window.panel.guest
