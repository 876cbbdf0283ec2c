"""Head office in the desk's UI: the status-bar sync state, its detail dialog, enrolment.

The status-bar button never waits for the network or the worker: a QTimer reads the worker's
``status()`` snapshot (a copy under a lock) and words it. The network work happens on the
worker's own thread (a plain thread without Qt), or, for enrolment, in the thread pool of
``desktop.ui.background``. Each finished round comes back through the same module
(``hand_over``): the button rewords itself at once and, when the round merged other desks'
events (or a new policy), emits ``merged`` so the window reloads what it shows.

``desktop.sync`` (and so httpx) is imported only when this desk is enrolled or someone opens
the enrolment dialog, so start-up does not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.ui import labels
from desktop.ui.background import Background, hand_over, log_failure, run_in_background
from desktop.ui.common import named

if TYPE_CHECKING:
    from desktop.sync.client import SyncReport
    from desktop.sync.worker import SyncStatus

REFRESH_MS = 2000


class Worker(Protocol):
    """What the UI needs of the sync worker (tests hand in a stand-in)."""

    def status(self) -> SyncStatus: ...

    def wake(self) -> None: ...

    def stop(self, timeout: float | None = ...) -> None: ...

    def on_round(self, listener: Callable[[SyncReport], None]) -> None: ...


class SyncStatusButton(QPushButton):
    """"Synced 2 min ago" / "Offline — 14 events waiting" / "Not connected to head office"."""

    # A round stored other desks' events or a new policy: what the window shows is stale.
    merged = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None, *,
                 worker: Worker | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.worker: Worker | None = worker
        self._owns_worker = False
        # Each finished round, from the worker's thread to this button on the UI thread. The
        # channel belongs to the app: the worker may still finish a round after the button is
        # gone, and Qt then drops the report.
        self._rounds = hand_over(self._round_finished)
        if worker is not None:
            worker.on_round(self._rounds.post)
        self.setFlat(True)
        named(self, "syncStatus", self.tr("Head office sync"))
        self.clicked.connect(self.show_details)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    # --- the worker's life -----------------------------------------------------------------------

    def start_if_enrolled(self) -> bool:
        """Start the background worker when this desk has joined head office."""
        if self.worker is not None or not self.desk.ledger.state().enrolled:
            return False
        from desktop.sync.worker import SyncWorker

        worker = SyncWorker(self.desk)
        worker.on_round(self._rounds.post)
        worker.start()
        self.worker = worker
        self._owns_worker = True
        self.refresh()
        return True

    def shutdown(self) -> None:
        """Stop the timer and the worker (the window is closing)."""
        self.timer.stop()
        self._rounds.forget()  # a round still finishing reports nowhere
        if self.worker is not None and self._owns_worker:
            # A round in progress finishes (its transactions are short); bounded wait.
            self.worker.stop(timeout=5.0)

    def _round_finished(self, report: SyncReport) -> None:
        self.refresh()
        if report.pulled or report.refolded or report.policy_version is not None:
            self.merged.emit()

    # --- showing it ------------------------------------------------------------------------------

    def refresh(self) -> None:
        status = self.worker.status() if self.worker is not None else None
        text = self.describe(status, self.desk.now())
        if status is not None and status.held:
            text = self.tr("%1 — %n event(s) held back", "", status.held).replace("%1", text)
        self.setText(text)
        problem = " ".join(p for p in (self.problem(status), self.held_text(status)) if p)
        self.setToolTip(problem or self.tr("Click for details"))

    @staticmethod
    def held_text(status: SyncStatus | None) -> str:
        """Why events are held back, for the person at the desk ("" if none are)."""
        if status is None or not status.held:
            return ""
        return labels.held_events_text(status.held)

    @staticmethod
    def problem(status: SyncStatus | None) -> str:
        """The last round's problem in words for the person at the desk ("" if none)."""
        if status is None or not status.last_error:
            return ""
        report = status.last_report
        if report is None or report.unexpected is not None:
            return labels.unexpected_problem()  # the worker logged the exception itself
        # The English text is for the log; each problem is worded in the desk's language.
        return " ".join(dict.fromkeys(labels.sync_problem_text(p) for p in report.problems))

    def describe(self, status: SyncStatus | None, now: datetime) -> str:
        if status is None or not status.enrolled:
            return self.tr("Not connected to head office")
        waiting = status.pending
        if status.failures and status.online is False:
            return self.tr("Offline — %n event(s) waiting", "", waiting)
        if status.failures:
            return self.tr("Sync problem — %n event(s) waiting", "", waiting)
        if status.last_success_at is None:
            return self.tr("Syncing…")
        return self.ago(status.last_success_at, now)

    def ago(self, moment: datetime, now: datetime) -> str:
        minutes = max(int((now - moment).total_seconds() // 60), 0)
        if minutes < 1:
            return self.tr("Synced just now")
        if minutes < 60:
            return self.tr("Synced %n min ago", "", minutes)
        hours = minutes // 60
        if hours < 48:
            return self.tr("Synced %n h ago", "", hours)
        return self.tr("Synced %n days ago", "", hours // 24)

    def show_details(self) -> None:
        SyncDialog(self, self.window()).exec()
        self.refresh()


class SyncDialog(QDialog):
    """The detail behind the status bar, and "Sync now"."""

    def __init__(self, button: SyncStatusButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = button
        self.setWindowTitle(self.tr("Head office"))
        self.state = named(QLabel(), "syncState", self.tr("Sync state"))
        self.pending = named(QLabel(), "syncPending", self.tr("Events waiting"))
        self.last_success = named(QLabel(), "syncLastSuccess", self.tr("Last synced"))
        self.error = named(QLabel(), "syncError", self.tr("Last problem"))
        self.held = named(QLabel(), "syncHeld", self.tr("Events held back"))
        for label in (self.state, self.pending, self.last_success, self.error, self.held):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("State:"), self.state)
        form.addRow(self.tr("Waiting to be sent:"), self.pending)
        form.addRow(self.tr("Last synced:"), self.last_success)
        form.addRow(self.tr("Last problem:"), self.error)
        form.addRow(self.tr("Held back:"), self.held)
        self.sync_now = named(QPushButton(self.tr("Sync now")), "syncNow", self.tr("Sync now"))
        self.sync_now.clicked.connect(self._sync_now)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.sync_now, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        worker = self.button.worker
        status = worker.status() if worker is not None else None
        now = self.button.desk.now()
        self.state.setText(self.button.describe(status, now))
        self.sync_now.setEnabled(worker is not None)
        if status is None:
            self.pending.setText("—")
            self.last_success.setText(self.tr("Never"))
            self.error.setText(self.tr("Enrol this desk in Settings → Head office…"))
            self.held.setText(self.tr("None"))
            return
        self.pending.setText(str(status.pending))
        self.last_success.setText(self.button.ago(status.last_success_at, now)
                                  if status.last_success_at else self.tr("Never"))
        self.error.setText(self.button.problem(status) or self.tr("None"))
        self.held.setText(self.button.held_text(status) or self.tr("None"))

    def _sync_now(self) -> None:
        if self.button.worker is not None:
            self.button.worker.wake()
        self.refresh()


class HeadOfficeDialog(QDialog):
    """Settings → Head office…: enrol this desk with the address and one-time code."""

    enrolled = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Head office"))
        state = desk.ledger.state()
        self.url = named(QLineEdit(state.url), "hqUrl", self.tr("Head office address"))
        self.url.setPlaceholderText("https://hq.example.com:8750")
        self.code = named(QLineEdit(), "hqCode", self.tr("Enrolment code"))
        self.code.setPlaceholderText("ABCD-EFGH-JKMN-PQRS")
        self.name = named(QLineEdit(), "hqDeskName", self.tr("Name of this desk"))
        self.message = named(QLabel(), "hqMessage", self.tr("Enrolment result"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        if state.enrolled:
            self.message.setText(self.tr("This desk is enrolled with %1. Enrol again only "
                                         "with a new code from head office.")
                                 .replace("%1", state.url))
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Desk name:"), self.name)
        self.enrol_button = named(QPushButton(self.tr("Enrol")), "hqEnrol", self.tr("Enrol"))
        self.enrol_button.clicked.connect(self.enrol)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Not forgotten when the dialog closes: an enrolment that succeeds after "Close" must
        # still emit ``enrolled`` (the window starts the worker); a deleted dialog hears nothing.
        self._running: Background | None = None

    def enrol(self) -> None:
        url, code, name = self.url.text().strip(), self.code.text().strip(), self.name.text()
        if not url or not code:
            self.message.setText(self.tr("Type head office's address and the code."))
            return
        self.enrol_button.setEnabled(False)
        self.message.setText(self.tr("Contacting head office…"))
        desk = self.desk

        def work() -> dict[str, Any]:
            # Off the UI thread: a slow or unreachable head office must not freeze the desk.
            from desktop.sync.client import enroll

            return enroll(desk, url, code, name or None)

        self._running = run_in_background(work, self._enrolled, self._not_enrolled)

    @property
    def running(self) -> bool:
        return self._running is not None

    def _not_enrolled(self, error: BaseException) -> None:
        from desktop.sync.errors import EnrolError

        self._running = None
        self.enrol_button.setEnabled(True)
        if isinstance(error, EnrolError):
            reason = labels.sync_problem(error)
        else:
            log_failure(error, "enrolment")
            reason = labels.unexpected_problem()
        self.message.setText(self.tr("Not enrolled: %1").replace("%1", reason))

    def _enrolled(self, site: dict[str, Any]) -> None:
        self._running = None
        self.enrol_button.setEnabled(True)
        self.code.clear()
        self.message.setText(self.tr("Enrolled as a desk of %1. This desk now syncs in the "
                                     "background.").replace("%1", str(site.get("site_name"))))
        self.enrolled.emit()
