"""Help → Diagnostics: the same checks as `amends doctor`, and a report to send to support.

The report is the doctor's lines plus the versions of the app, Python, Qt and the OS. It holds
no secret and no guest data: the checks never read secret values (the keychain check names the
backend only) and no check reads cases.

The checks run in the thread pool (``desktop.ui.background``): the head-office check alone
may wait seconds for an answer. Meanwhile a busy bar shows, "Copy report" waits for a whole
report, and the dialog can be closed; a late answer then goes nowhere.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QLocale, Qt, Signal, qVersion
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.doctor import Check, Status, run_checks
from desktop.core.logs import log_path
from desktop.sync.health import probe_head_office
from desktop.ui import design, labels
from desktop.ui.app import shown_language
from desktop.ui.background import Background, Pool, log_failure, run_in_background
from desktop.ui.common import named
from desktop.ui.printing import list_printers

_COLOURS = {Status.OK: "#2e7d32", Status.WARN: "#8a5300", Status.FAIL: "#b00020"}


def _english(text: str) -> str:
    """A check's English words (for IT) read left to right on a right-to-left screen too:
    isolated, so paths and figures keep their order ("70.0 GiB free", not "GiB free 70.0")."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return f"\u2066{text}\u2069"
    return text


def report_text(data_dir: Path, checks: list[Check]) -> str:
    """Plain text for support, in English (support reads it, whatever the desk's language)."""
    lines = [
        f"Amends {__version__}",
        f"Python {platform.python_version()} · PySide6 {pyside_version} · Qt {qVersion()}",
        f"{platform.system()} {platform.release()} ({platform.machine()})"
        f"{' · frozen' if getattr(sys, 'frozen', False) else ''}",
        f"Language: {shown_language()} · formats {QLocale().name()}",
        f"Data dir: {data_dir}",
        f"Log: {log_path(data_dir)}",
        "",
    ]
    lines += [check.line() for check in checks]
    failed = sum(1 for check in checks if check.status is Status.FAIL)
    lines += ["", f"{failed} check(s) failed." if failed else "No check failed."]
    return "\n".join(lines) + "\n"


class DiagnosticsDialog(QDialog):
    """A table of checks, Run again, Copy report and Close."""

    checked = Signal()  # a run of the checks has been shown

    def __init__(self, data_dir: Path, parent: QWidget | None = None,
                 pool: Pool | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.pool = pool
        self.checks: list[Check] = []
        self._running: Background | None = None
        self.setWindowTitle(self.tr("Diagnostics"))
        self.resize(820, 420)
        intro = QLabel(self.tr("The same checks as “amends doctor”. Copy the report and send it "
                               "to your IT contact: it holds no PINs, keys or guest details."))
        intro.setWordWrap(True)
        self.table = named(QTableWidget(0, 3), "diagnosticsTable", self.tr("Checks"))
        self.table.setHorizontalHeaderLabels([self.tr("Result"), self.tr("Check"),
                                              self.tr("Detail")])
        design.touch_rows(self.table)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = named(QLabel(), "diagnosticsSummary", self.tr("Summary"))
        self.busy = named(QProgressBar(), "diagnosticsBusy", self.tr("Running the checks"))
        self.busy.setRange(0, 0)  # indeterminate: a check gives no fractions
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.run_again = named(QPushButton(self.tr("Run again")), "diagnosticsRun",
                               self.tr("Run the checks again"))
        self.copy = named(QPushButton(self.tr("Copy report")), "diagnosticsCopy",
                          self.tr("Copy the report to the clipboard"))
        close = named(QPushButton(self.tr("Close")), "diagnosticsClose", self.tr("Close"))
        self.run_again.clicked.connect(self.refresh)
        self.copy.clicked.connect(self.copy_report)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_again)
        buttons.addWidget(self.copy)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.refresh()

    def _status_word(self, status: Status) -> str:
        return {Status.OK: self.tr("OK"), Status.WARN: self.tr("Warning"),
                Status.FAIL: self.tr("Failed")}[status]

    @property
    def running(self) -> bool:
        return self._running is not None

    def refresh(self) -> None:
        """Start the checks off the UI thread; ``_show`` fills the table when they are done."""
        if self._running is not None:
            return
        # Asked here, on the UI thread: Qt's printer support is not documented thread-safe,
        # and listing the local printers is quick.
        printers = list_printers()
        data_dir = self.data_dir
        self.run_again.setEnabled(False)
        self.copy.setEnabled(False)  # a report copied now would be half a report
        self.summary.setText(self.tr("Running the checks…"))
        self.busy.show()
        self._running = run_in_background(
            lambda: run_checks(data_dir, printers=lambda: printers,
                               head_office=probe_head_office), self._show, self._failed,
            pool=self.pool)

    def _finished(self) -> None:
        self._running = None
        self.busy.hide()
        self.run_again.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self._finished()
        log_failure(error, "the diagnostics")  # each check catches its own; this is a bug
        self.summary.setText(self.tr("The checks could not run: %1")
                             .replace("%1", labels.unexpected_problem()))
        self.checked.emit()

    def _show(self, checks: list[Check]) -> None:
        self._finished()
        self.checks = checks
        self.copy.setEnabled(True)
        self.table.setRowCount(len(self.checks))
        for row, check in enumerate(self.checks):
            status = QTableWidgetItem(self._status_word(check.status))
            status.setForeground(QBrush(QColor(_COLOURS[check.status])))
            self.table.setItem(row, 0, status)
            self.table.setItem(row, 1, QTableWidgetItem(_english(check.name)))
            detail = QTableWidgetItem(_english(check.detail))
            detail.setToolTip(_english(check.detail))
            self.table.setItem(row, 2, detail)
        failed = sum(1 for check in self.checks if check.status is Status.FAIL)
        warned = sum(1 for check in self.checks if check.status is Status.WARN)
        if failed:
            text = self.tr("%n check(s) failed.", "", failed)
        elif warned:
            text = self.tr("No check failed; %n warning(s).", "", warned)
        else:
            text = self.tr("Every check passed.")
        self.summary.setText(text)
        self.checked.emit()

    def done(self, result: int) -> None:
        """Closing while the checks run: let them end in the pool, but not report here."""
        if self._running is not None:
            self._running.forget()
            self._finished()
        super().done(result)

    def report(self) -> str:
        return report_text(self.data_dir, self.checks)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.summary.setText(self.tr("The report is on the clipboard."))


__all__ = ["DiagnosticsDialog", "report_text"]
