"""The one way the desk app runs work off the UI thread and hears back from it.

Opening the store, enrolment, the review, the diagnostics, printing, and the sync worker's
reports all come back to the UI thread through here (the shape of Anki's ``aqt.operations``
with calibre's abort flag and progress channel, run on a thread pool as Picard's ``run_task``):

- ``run_in_background(work, on_done, on_failed)`` runs ``work()`` in a thread pool; then
  ``on_done(result)`` or ``on_failed(exception)`` runs on the UI thread. A failure arrives as
  the exception object itself (its traceback attached), never as text: the UI decides what a
  person reads (see ``desktop.ui.labels.unexpected_problem``) and logs the rest.
- ``run_job(work, ...)`` is the same for work that takes a ``Job``: ``job.report(fraction,
  message)`` sends progress to ``on_progress`` on the UI thread, and ``job.cancelled`` tells
  the work that nobody wants its answer any more (``Background.cancel``), so it may stop early.
- ``hand_over(on_value)`` is for a thread the app does not start from here (the sync worker,
  a plain thread without Qt): ``post(value)`` from that thread calls ``on_value(value)`` on
  the UI thread.

**The work must never touch a widget** (nor any QObject living on the UI thread): it runs on
another thread, where Qt's widgets are not safe to use. Take what it needs from the widgets
before starting it, and show its answer in ``on_done``. (Painting on a ``QImage`` or a
``QPrinter`` is the exception Qt documents: those may be painted from any thread.)

Two things let a window close (and be deleted) while its work still runs:

- the signals object is a child of the application, not of the window or the job: it lives
  on the UI thread until the work has reported, then ``deleteLater`` removes it there, never
  from the worker thread that happens to drop the last Python reference;
- the callbacks should be bound methods of the window, so Qt drops an answer whose receiver
  has been deleted; a window that is merely closed calls ``Background.forget`` (or
  ``cancel``) to stop listening.

Tests may pass any ``pool`` with a ``start(callable)`` method, for instance one that runs the
work at once on the calling thread; the answer is still delivered through the event loop.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal

__all__ = ["Background", "Job", "Pool", "Progress", "hand_over", "log_failure",
           "run_in_background", "run_job"]

log = logging.getLogger("amends")

T = TypeVar("T")
V = TypeVar("V")


class Pool(Protocol):
    """Where work runs: a ``QThreadPool``, or in tests anything with ``start``."""

    def start(self, runnable: Callable[[], None], /) -> None: ...


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a job is: ``fraction`` from 0 to 1 (None: unknown) and a short message."""

    fraction: float | None
    message: str = ""


class Background(QObject):
    """The UI-thread end of one piece of background work (or of one ``hand_over`` channel).

    Its signals are emitted from the worker thread and delivered, queued, on the UI thread.
    """

    done = Signal(object)  # the work's result
    failed = Signal(object)  # the exception the work raised
    progress = Signal(object)  # a Progress (run_job) or a value posted (hand_over)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._slots: list[tuple[Any, Callable[..., None]]] = []
        self._cancel = threading.Event()

    def _listen(self, signal: Any, slot: Callable[..., None]) -> None:
        # Queued: the slot runs on the UI thread (the receiver's, or this object's).
        signal.connect(slot, Qt.ConnectionType.QueuedConnection)
        self._slots.append((signal, slot))

    def forget(self) -> None:
        """Stop delivering this work's answers (its window closed); the work still ends."""
        for signal, slot in self._slots:
            # RuntimeError: already reported and deleted; TypeError: already forgotten;
            # PySide only warns (RuntimeWarning) when the slot is no longer connected.
            with contextlib.suppress(RuntimeError, TypeError), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                signal.disconnect(slot)

    def cancel(self) -> None:
        """Forget the answer and tell the work (``Job.cancelled``) that it may stop."""
        self._cancel.set()
        self.forget()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def post(self, value: object) -> None:
        """From any thread: deliver ``value`` to the ``hand_over`` callback on the UI thread."""
        with contextlib.suppress(RuntimeError):  # the channel was deleted: nobody listens
            self.progress.emit(value)


class Job:
    """What a job's work holds: the cancel flag and the progress channel (any thread)."""

    def __init__(self, signals: Background) -> None:
        self._signals = signals
        self._cancel = signals._cancel

    @property
    def cancelled(self) -> bool:
        """True once nobody wants the answer (the window closed, a newer request came)."""
        return self._cancel.is_set()

    def report(self, fraction: float | None, message: str = "") -> None:
        """Tell the UI thread how far the work is (``on_progress``; dropped if none)."""
        self._signals.progress.emit(Progress(fraction, message))


def _app() -> QObject:
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist"
    return app


def run_job(work: Callable[[Job], T], on_done: Callable[[T], None],
            on_failed: Callable[[BaseException], None], *,
            on_progress: Callable[[Progress], None] | None = None,
            pool: Pool | None = None) -> Background:
    """Start ``work(job)`` in ``pool`` (Qt's global pool by default); ``on_done(result)`` or
    ``on_failed(exception)`` then runs on the UI thread, and ``on_progress(Progress)`` for
    each ``job.report``. Returns the UI-thread end, for ``forget`` and ``cancel``.

    Never touch a widget from ``work``: see the module's docstring.
    """
    signals = Background(_app())
    signals._listen(signals.done, on_done)
    signals._listen(signals.failed, on_failed)
    if on_progress is not None:
        signals._listen(signals.progress, on_progress)
    for signal in (signals.done, signals.failed):
        # After the answer is delivered (connected later, so it runs later), on the UI thread.
        signal.connect(signals.deleteLater, Qt.ConnectionType.QueuedConnection)
    job = Job(signals)

    def task() -> None:
        try:
            result = work(job)
        except BaseException as error:  # handed to the UI thread, which decides what to say
            signals.failed.emit(error)
            return
        signals.done.emit(result)

    (pool or QThreadPool.globalInstance()).start(task)
    return signals


def run_in_background(work: Callable[[], T], on_done: Callable[[T], None],
                      on_failed: Callable[[BaseException], None], *,
                      pool: Pool | None = None) -> Background:
    """Start ``work()`` in ``pool`` (Qt's global pool by default); ``on_done(result)`` or
    ``on_failed(exception)`` then runs on the UI thread. Returns the UI-thread end, for
    ``forget``.

    Never touch a widget from ``work``: see the module's docstring.
    """
    return run_job(lambda _job: work(), on_done, on_failed, pool=pool)


def hand_over(on_value: Callable[[V], None]) -> Background:
    """A channel from a thread of its own (the sync worker) to the UI thread: the returned
    object's ``post(value)``, called on any thread, runs ``on_value(value)`` on the UI thread.
    It lasts until ``forget`` (then ``deleteLater`` it) or until the app ends.
    """
    signals = Background(_app())
    signals._listen(signals.progress, on_value)
    return signals


def log_failure(error: BaseException, what: str) -> None:
    """Write a failure handed back from background work to the log, with its traceback (the
    screen shows a sentence instead, such as ``labels.unexpected_problem``)."""
    log.error("%s failed", what, exc_info=(type(error), error, error.__traceback__))
