"""Help → Diagnostics runs its checks off the UI thread: with a head office that accepts the
connection and never answers, the dialog opens at once, shows it is busy, keeps "Copy report"
off until the report is whole, and can be closed mid-run without a crash or a late answer."""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.desk import Desk
from desktop.core.secrets import token_name
from desktop.core.settings import HQ_URL
from desktop.sync import health as doctor
from desktop.ui.diagnostics import DiagnosticsDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import InlinePool, when_dialog_opens


@dataclass
class SilentServer:
    """A TCP server on 127.0.0.1 that accepts connections and never says a word."""

    url: str
    accepted: list[socket.socket] = field(default_factory=list)


@pytest.fixture
def silent_head_office(desk: Desk) -> Iterator[SilentServer]:
    """The desk is enrolled with a head office that hangs: the doctor's check waits its full
    timeout (3 s) for an answer that never comes."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    server = SilentServer(f"http://127.0.0.1:{listener.getsockname()[1]}")
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            server.accepted.append(connection)  # held open, never answered

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    desk.settings.set(HQ_URL, server.url)
    desk.secret_store.set(token_name(desk.device_id), "a-device-token")
    yield server
    stop.set()
    thread.join()
    for connection in server.accepted:
        connection.close()
    listener.close()


@pytest.fixture
def ticks() -> Iterator[list[float]]:
    """Times at which a 20 ms timer fired on the UI thread: a gap is a frozen event loop."""
    fired: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: fired.append(time.monotonic()))
    timer.start()
    yield fired
    timer.stop()


def head_office_row(dialog: DiagnosticsDialog) -> tuple[str, str]:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 1).text() == "head office":
            return dialog.table.item(row, 0).text(), dialog.table.item(row, 2).text()
    raise AssertionError("no head office row")


def test_the_checks_run_while_the_dialog_stays_responsive(
        qtbot: QtBot, desk: Desk, silent_head_office: SilentServer, ticks: list[float]) -> None:
    pool = QThreadPool()
    QGuiApplication.clipboard().setText("before")
    started = time.monotonic()
    dialog = DiagnosticsDialog(desk.data_dir, pool=pool)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Open and painted well before head office could time out (the old dialog froze here).
    assert time.monotonic() - started < doctor.HQ_TIMEOUT / 2
    assert dialog.running and dialog.busy.isVisible()
    assert dialog.summary.text() == "Running the checks…"
    assert not dialog.copy.isEnabled() and not dialog.run_again.isEnabled()

    qtbot.waitUntil(lambda: bool(silent_head_office.accepted), timeout=5000)
    in_flight = time.monotonic()
    qtbot.wait(500)  # head office is now holding the check
    assert dialog.running and dialog.busy.isVisible()
    recent = [t for t in ticks if t >= in_flight]
    assert len(recent) >= 5 and max(b - a for a, b in itertools.pairwise(recent)) < 1.0
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)  # disabled: does nothing
    assert QGuiApplication.clipboard().text() == "before"

    with qtbot.waitSignal(dialog.checked, timeout=int(doctor.HQ_TIMEOUT * 1000) + 5000):
        pass
    assert time.monotonic() - in_flight >= doctor.HQ_TIMEOUT - 1  # it did wait for the server
    assert not dialog.running and not dialog.busy.isVisible()
    status, detail = head_office_row(dialog)
    assert status == "Warning" and "not reachable now" in detail
    assert dialog.copy.isEnabled() and dialog.run_again.isEnabled()
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    assert "head office" in QGuiApplication.clipboard().text()
    assert pool.waitForDone(1000)


def test_closing_while_the_checks_run_is_safe(
        qtbot: QtBot, desk: Desk, silent_head_office: SilentServer) -> None:
    pool = QThreadPool()
    kept = DiagnosticsDialog(desk.data_dir, pool=pool)  # closed, not deleted
    qtbot.addWidget(kept)
    gone = DiagnosticsDialog(desk.data_dir, pool=pool)  # deleted as soon as it closes
    gone.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    destroyed: list[bool] = []
    gone.destroyed.connect(lambda: destroyed.append(True))
    for dialog in (kept, gone):
        dialog.show()
    qtbot.waitUntil(lambda: len(silent_head_office.accepted) == 2, timeout=5000)
    for dialog in (kept, gone):
        qtbot.mouseClick(dialog.findChild(QPushButton, "diagnosticsClose"),
                         Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: destroyed == [True], timeout=2000)
    assert not kept.isVisible() and not kept.running and not kept.busy.isVisible()

    # The checks end in the pool; their answers are delivered nowhere.
    assert pool.waitForDone(int(doctor.HQ_TIMEOUT * 1000) + 5000)
    qtbot.wait(200)
    QApplication.processEvents()
    assert kept.checks == [] and kept.table.rowCount() == 0
    assert kept.summary.text() == "Running the checks…"  # left as it was when closed


def test_help_diagnostics_can_be_closed_before_head_office_answers(
        qtbot: QtBot, window: MainWindow, silent_head_office: SilentServer) -> None:
    closed_after: list[float] = []

    def close_at_once(dialog: QDialog) -> None:
        assert isinstance(dialog, DiagnosticsDialog) and dialog.running
        qtbot.waitUntil(lambda: bool(silent_head_office.accepted), timeout=5000)
        started = time.monotonic()
        qtbot.mouseClick(dialog.findChild(QPushButton, "diagnosticsClose"),
                         Qt.MouseButton.LeftButton)
        closed_after.append(time.monotonic() - started)

    when_dialog_opens(close_at_once)
    window.diagnostics_action.trigger()  # the menu item; returns when the dialog has closed
    assert closed_after and closed_after[0] < 0.5
    # The abandoned check still ends in the global pool, and nothing reaches a dead dialog.
    assert QThreadPool.globalInstance().waitForDone(int(doctor.HQ_TIMEOUT * 1000) + 5000)
    qtbot.wait(200)
    assert window.isVisible()


def test_checks_that_crash_say_so_in_a_sentence(qtbot: QtBot, desk: Desk,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui import diagnostics

    def crash(*_args: object, **_kwargs: object) -> list[doctor.Check]:
        raise ValueError("a bug in a check")

    monkeypatch.setattr(diagnostics, "run_checks", crash)
    dialog = DiagnosticsDialog(desk.data_dir, pool=InlinePool())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=2000):
        pass
    assert dialog.summary.text() == ("The checks could not run: Something unexpected went "
                                     "wrong. The details are in the log file.")
    assert dialog.run_again.isEnabled() and not dialog.running
