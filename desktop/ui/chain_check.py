"""The whole-chain check after start-up, in the background, with its progress in the status bar.

Start-up verified only what came after the last checkpoint (``desktop.core.chain``); this
verifies every event again, off the UI thread, while people work. A fault locks the desk
(``Desk.verify_whole_chain``) and is handed to ``on_broken``, which says so the way a broken
chain found at start is said.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.ui.background import Background, Job, Pool, Progress, log_failure, run_job

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.errors import ChainBroken


class WholeChainCheck(QObject):
    """Runs ``desk.verify_whole_chain`` once, showing how far it is in ``window``'s status bar."""

    def __init__(self, window: QMainWindow, desk: Desk,
                 on_broken: Callable[[ChainBroken], None], pool: Pool | None = None) -> None:
        super().__init__(window)
        self.on_broken = on_broken
        self.label = QLabel(self.tr("Checking the case log…"))
        self.label.setObjectName("chainCheck")
        self.label.setAccessibleName(self.tr("Case log check"))
        window.statusBar().addPermanentWidget(self.label)
        self.result: ChainBroken | None = None
        self.finished = False

        def work(job: Job) -> ChainBroken | None:
            return desk.verify_whole_chain(
                lambda done, total: job.report(done / total if total else 1.0),
                lambda: job.cancelled)

        self.running: Background | None = run_job(work, self._done, self._failed,
                                                  on_progress=self._progress, pool=pool)
        app = QCoreApplication.instance()
        if app is not None:  # quitting must not wait for the check to reach the end
            app.aboutToQuit.connect(self.stop)

    def stop(self) -> None:
        """The window is closing: stop listening, and let the check stop early."""
        if self.running is not None:
            self.running.cancel()
            self.running = None

    def _progress(self, progress: Progress) -> None:
        percent = int(100 * (progress.fraction or 0.0))
        self.label.setText(self.tr("Checking the case log… %1 %").replace("%1", str(percent)))

    def _done(self, broken: ChainBroken | None) -> None:
        self.running = None
        self.finished = True
        self.result = broken
        if broken is not None:
            self.label.setText(self.tr("The case log no longer verifies"))
            self.on_broken(broken)
            return
        self.label.setText(self.tr("Case log verified"))
        QTimer.singleShot(10_000, self.label.hide)

    def _failed(self, error: BaseException) -> None:
        # Could not read the log to the end (it was locked, the disk failed): say nothing
        # false; the next start checks again and the doctor says what is wrong.
        self.running = None
        self.finished = True
        log_failure(error, "checking the whole case log")
        self.label.setText(self.tr("The case log could not be checked; run amends doctor"))
