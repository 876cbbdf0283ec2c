"""The background sync loop: a plain thread that syncs, waits, and backs off when offline.

No Qt: the status-bar widget polls ``status()`` (a copied snapshot under a lock) from the UI
thread, so the UI never waits on the network or on the database for it, and hears of each
finished round through ``on_round`` (called on this thread; the widget passes it on to the UI
thread with a queued Qt signal), so views reload as soon as other desks' events are merged.

The worker shares the app's ``Desk``: SQLAlchemy hands each thread its own SQLite connection
from the pool, and ``Desk._tx`` keeps its nested-transaction guard per thread, so the worker's
transactions and the UI's simply queue on SQLite's write lock (busy timeout 10 s).

Timing: after a good round the next comes after ``interval``; after a failed one the wait
doubles from ``base_delay`` up to ``max_delay``, with jitter so that many desks coming back
online after an outage do not all call head office at the same instant. ``wake()`` (the
"Sync now" button, and every new local event) cuts any wait short.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.sync.client import SyncReport, sync_once

if TYPE_CHECKING:
    from desktop.core.desk import Desk

log = logging.getLogger(__name__)

INTERVAL = 60.0  # seconds between rounds when all is well (new events wake it sooner)
BASE_DELAY = 5.0
MAX_DELAY = 300.0  # five minutes: the longest a desk waits to retry after failures


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows; a snapshot, safe to read from any thread."""

    enrolled: bool = False
    online: bool | None = None  # None: no round has finished yet
    syncing: bool = False
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    pending: int = 0
    held: int = 0  # other desks' events held in quarantine (this desk cannot apply them)
    last_error: str = ""
    failures: int = 0  # consecutive failed rounds
    next_delay: float = 0.0  # seconds the worker waits before the next round
    last_report: SyncReport | None = None


def backoff_delay(failures: int, *, base: float = BASE_DELAY, cap: float = MAX_DELAY,
                  rng: random.Random | None = None) -> float:
    """Seconds to wait after ``failures`` consecutive failed rounds (>= 1).

    Exponential with "equal jitter": half the step is fixed, half random, so the wait still
    grows with every failure but desks spread out.
    """
    step = min(cap, base * 2.0 ** max(failures - 1, 0))  # int ** int is Any to mypy
    return step / 2 + (rng or random).uniform(0, step / 2)


class SyncWorker(threading.Thread):
    def __init__(self, desk: Desk, *, sync: Callable[[Desk], SyncReport] = sync_once,
                 interval: float = INTERVAL, base_delay: float = BASE_DELAY,
                 max_delay: float = MAX_DELAY, rng: random.Random | None = None,
                 wait: Callable[[float], object] | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(name="amends-sync", daemon=True)
        self.desk = desk
        self._sync = sync
        self.interval = interval
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        # Tests inject a wait that records the delay instead of sleeping.
        self._wait = wait or self._wake.wait
        self._clock = clock or desk.now
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._round_listeners: list[Callable[[SyncReport], None]] = []
        desk.on_new_events(self.wake)

    # --- the UI's side --------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def on_round(self, listener: Callable[[SyncReport], None]) -> None:
        """Call ``listener(report)`` after every round, on the worker's thread (so it must be
        quick and must not touch widgets: emit a Qt signal instead)."""
        self._round_listeners.append(listener)

    def wake(self) -> None:
        """Sync as soon as possible (now, or right after the round in progress)."""
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> None:
        """Ask the loop to end and wait for it (a round in progress finishes first)."""
        self._stopping.set()
        self._wake.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    # --- the loop ---------------------------------------------------------------------------------

    def run(self) -> None:
        self._refresh_pending()
        while not self._stopping.is_set():
            # Cleared before the round: an event appended during it wakes the next at once.
            self._wake.clear()
            delay = self.run_round()
            if self._stopping.is_set():
                break
            self._wait(delay)

    def run_round(self) -> float:
        """One sync round; returns how long to wait before the next."""
        self._update(syncing=True, last_attempt_at=self._clock())
        try:
            report = self._sync(self.desk)
        except Exception as error:  # a bug must not kill the loop; it is logged and shown
            log.exception("sync round failed")
            report = SyncReport(errors=[f"{type(error).__name__}: {error}"], unexpected=error)
        with self._lock:
            status = self._status
            failures = 0 if report.ok else status.failures + 1
            delay = (self.interval if report.ok else
                     backoff_delay(failures, base=self.base_delay, cap=self.max_delay,
                                   rng=self._rng))
            not_enrolled = report.not_enrolled
            self._status = dataclasses.replace(
                status, syncing=False, enrolled=not not_enrolled,
                online=not report.offline if not not_enrolled else None,
                last_success_at=self._clock() if report.ok else status.last_success_at,
                pending=report.pending, last_error="; ".join(report.errors),
                held=status.held if report.unexpected is not None else report.held,
                failures=failures, next_delay=delay, last_report=report)
        if not report.ok:
            log.info("sync failed (%d in a row), next try in %.0f s: %s", failures, delay,
                     report.errors[0])
        for listener in list(self._round_listeners):
            try:
                listener(report)
            except Exception:  # a listener's bug must not stop syncing
                log.exception("a sync round listener failed")
        return delay

    def _refresh_pending(self) -> None:
        try:
            state = self.desk.ledger.state()
        except Exception:  # the first round reports the problem properly
            return
        self._update(enrolled=state.enrolled, pending=state.pending, held=state.held)

    def _update(self, **changes: object) -> None:
        with self._lock:
            self._status = dataclasses.replace(self._status, **changes)  # type: ignore[arg-type]
