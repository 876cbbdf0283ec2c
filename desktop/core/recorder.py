"""The one way the desk's rooms touch the store: a transaction, and an event recorded in it.

Every room of the desk (cases, grants, vouchers, shifts, site, the sync ledger) holds the
same ``Recorder``. ``tx()`` is one transaction on SQLite's write lock; ``read()`` one that only
reads, without that lock, so what the window shows never waits for a writer in another thread
(a slip being recorded, a sync being merged); ``record`` appends one
event of this desk inside it (``caselog.append``: sealed, chained, folded into the read model
before the commit). After a commit that added this desk's events, the listeners (the sync
worker) are told once, outside the transaction.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, sessionmaker

from db.eventlog import Event
from db.models import EventRow
from db.models import Setting as SettingRow
from db.store import READ_ONLY
from desktop.core import caselog, review_days
from desktop.core.clock import Clock
from desktop.core.errors import DeskError, Refusal
from desktop.core.settings import DEVICE_ID


@contextmanager
def _bad_values_refused() -> Iterator[None]:
    try:
        yield
    except UnicodeEncodeError as error:
        # The last guard of ``inputs``' rule: text SQLite cannot bind (a lone surrogate)
        # that a room let through is refused, rolled back, never a crash.
        raise DeskError(Refusal.INVALID_TEXT) from error
    except OverflowError as error:
        # Likewise a whole number beyond SQLite's 64 bits.
        raise DeskError(Refusal.INVALID_VALUE, "out of range") from error


class Recorder:
    """Transactions on one desk's store, and the helper that records its events."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = sessionmaker(engine.execution_options(**{READ_ONLY: True}),
                                     expire_on_commit=False, autoflush=False)
        self._in_tx = threading.local()
        self._listeners: list[Callable[[], None]] = []
        self.broken: Exception | None = None  # set when the log no longer verifies
        sa_event.listen(self._sessions, "after_flush", self._note_own_events)
        sa_event.listen(self._sessions, "before_commit", review_days.settle)
        self.device_id = self._ensure_device_id()

    def now(self) -> datetime:
        return self.clock.now()

    @contextmanager
    def tx(self) -> Iterator[Session]:
        """One transaction; nested ones are refused (SQLite's write lock would wait on
        itself). The guard is per thread, so the sync worker and the GUI each have one."""
        with self._one_at_a_time(), _bad_values_refused(), self._sessions() as db, db.begin():
            yield db
        appended = db.info.pop("own_events", False)
        if appended:
            # After commit, outside the transaction: a listener (the sync worker) may read.
            for listener in list(self._listeners):
                listener()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One transaction that only reads: it sees the last commit and never waits for the
        write lock. Writing in it is a mistake of ours, refused before anything is sent."""
        # Closing the session ends the transaction (a rollback: nothing to keep) and leaves
        # what was read usable, as after ``tx()``.
        with self._one_at_a_time(), _bad_values_refused(), self._readers() as db:
            yield db
            if db.new or db.dirty or db.deleted:
                raise RuntimeError("a desk read changed rows")

    @contextmanager
    def _one_at_a_time(self) -> Iterator[None]:
        """Refuse a transaction in a broken log, or inside another of this thread's."""
        if self.broken is not None:
            raise self.broken
        if getattr(self._in_tx, "active", False):
            raise RuntimeError("nested desk transaction")
        self._in_tx.active = True
        try:
            yield
        finally:
            self._in_tx.active = False

    def record(self, db: Session, kind: str, *, actor: str | None, case_id: str | None = None,
               payload: Mapping[str, Any], at: datetime | None = None) -> Event:
        """Append one event of this desk in ``db``'s transaction (now, unless ``at``)."""
        return caselog.append(db, device_id=self.device_id, kind=kind,
                              at=self.now() if at is None else at, case_id=case_id,
                              actor=actor, payload=payload)

    def on_new_events(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` (no arguments, any thread) after a commit that added events of
        this desk: the sync worker wakes on it. It must be quick and must not raise."""
        self._listeners.append(listener)

    def _note_own_events(self, db: Session, _context: Any) -> None:
        # Flagged on the session so tx() can tell listeners once, after the commit.
        if any(isinstance(o, EventRow) and o.device_id == self.device_id for o in db.new):
            db.info["own_events"] = True

    def _ensure_device_id(self) -> str:
        with self.tx() as db:
            row = db.get(SettingRow, DEVICE_ID.key)
            if row is None:
                row = SettingRow(key=DEVICE_ID.key, value=str(uuid.uuid4()))
                db.add(row)
            return row.value
