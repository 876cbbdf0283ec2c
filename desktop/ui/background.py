"""Run slow work (checks that touch the network, big queries) in Qt's thread pool and get the
answer back on the UI thread.

The shape is the review screen's: the work never touches a widget, it reports through the
signals of a small QObject, connected with queued connections, so the slots run on the UI
thread. Two things are added so that a window may close (and be deleted) while the work
still runs:

- the signals object is a child of the application, not of the window or the job: it lives
  on the UI thread until the work has reported, then ``deleteLater`` removes it there, never
  from the worker thread that happens to drop the last Python reference;
- the slots are bound methods of the window, so Qt drops a report whose receiver has been
  deleted; a window that is merely closed calls ``Background.forget`` to stop listening.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal

__all__ = ["Background", "run_in_background"]


class Background(QObject):
    """The signals of one piece of background work: ``done(result)`` or ``failed(text)``."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject, on_done: Callable[[Any], None],
                 on_failed: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._slots = ((self.done, on_done), (self.failed, on_failed))
        queued = Qt.ConnectionType.QueuedConnection
        for signal, slot in self._slots:
            signal.connect(slot, queued)
            # After the answer is delivered (queued first, so it goes first), on the UI thread.
            signal.connect(self.deleteLater, queued)

    def forget(self) -> None:
        """Stop delivering this work's answer (its window closed); the work still ends."""
        for signal, slot in self._slots:
            # RuntimeError: already reported and deleted; TypeError: already forgotten.
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[str], None],
                      pool: QThreadPool | None = None) -> Background:
    """Start ``work()`` in ``pool`` (the global one by default); ``on_done(result)`` or
    ``on_failed(text)`` then runs on the UI thread. Returns the signals, for ``forget``."""
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist"
    signals = Background(app, on_done, on_failed)

    def job() -> None:
        try:
            result = work()
        except Exception as error:  # shown to the person instead of killing the thread
            signals.failed.emit(f"{type(error).__name__}: {error}")
            return
        signals.done.emit(result)

    (pool or QThreadPool.globalInstance()).start(job)
    return signals
