"""The front desk as the app sees it: one handle on a data dir, with a room for each job.

``Desk`` is what the widgets, the CLI and the tests hold. The work hangs off it in rooms,
one module each (the way Anki's collection hangs ``col.decks`` and ``col.models``):

=================  =====================================================================
``desk.site``      the site, its set-up and its budget policy (``site.py``)
``desk.staff``     who may sign in, with which role (``staff.py``)
``desk.settings``  every setting, typed, from one registry (``settings.py``)
``desk.shifts``    sign-in, PIN checks, shifts (``shifts.py``)
``desk.cases``     recovery cases from opening to closing, and their lists (``cases.py``)
``desk.grants``    gestures, the budget check and approvals at the desk (``grants.py``)
``desk.vouchers``  the voucher book: issue, check, redeem, void (``voucher_book.py``)
``desk.ledger``    the sync ledger: outbox, acks, merging, head office's policy (``ledger.py``)
=================  =====================================================================

Each room records its events through the one ``Recorder`` (a transaction, and ``record``).
Results are frozen views (``views.py``); refusals are ``DeskError`` with a ``Refusal``
(``errors.py``). Nothing here imports Qt, the slips or the sync client.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select

from db.eventlog import ChainFault
from db.models import EventRow
from db.models import Setting as SettingRow
from db.store import StoreError, StoreProblem, open_store
from desktop.core import caselog, guest_links, review_days
from desktop.core.cases import CaseRoom
from desktop.core.clock import Clock, SystemClock
from desktop.core.errors import ChainBroken
from desktop.core.grants import GrantRoom
from desktop.core.ledger import SyncLedger
from desktop.core.paths import DB_FILE, make_private_dir, make_private_file
from desktop.core.recorder import Recorder
from desktop.core.settings import REVIEW_BACKFILL, Settings
from desktop.core.shifts import ShiftRoom
from desktop.core.site import SiteRoom, current_policy
from desktop.core.staff import StaffRoom, record_old_rows
from desktop.core.voucher_book import VoucherBook

if TYPE_CHECKING:
    from desktop.core.review import Review
    from desktop.core.secrets import SecretStore

log = logging.getLogger(__name__)


class Desk:
    """One front desk: a data dir, its store and the rooms that work on it."""

    def __init__(self, engine: Engine, data_dir: Path, clock: Clock | None = None) -> None:
        self.data_dir = data_dir
        self.recorder = Recorder(engine, clock or SystemClock())
        self._secret_store: SecretStore | None = None
        self.settings = Settings(self.recorder)
        self.site = SiteRoom(self.recorder)
        self.staff = StaffRoom(self.recorder)
        self.shifts = ShiftRoom(self.recorder)
        self.cases = CaseRoom(self.recorder)
        self.vouchers = VoucherBook(self.recorder, lambda: self.secret_store)
        self.grants = GrantRoom(self.recorder, self.shifts, self.staff, self.vouchers)
        self.ledger = SyncLedger(self.recorder)

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None, *, verify: bool = True) -> Desk:
        """Open (creating if new) the desk in ``data_dir``; refuse a store that is not sound."""
        try:
            make_private_dir(data_dir)
        except OSError as error:
            raise StoreError(f"The data folder {data_dir} cannot be created ({error.strerror}). "
                             "Choose another with --data-dir or AMENDS_HOME.",
                             problem=StoreProblem.NO_FOLDER, path=data_dir) from error
        path = data_dir / DB_FILE
        engine = open_store(path)
        for kept in (path, path.with_name(DB_FILE + "-wal"), path.with_name(DB_FILE + "-shm")):
            make_private_file(kept)  # SQLite creates them by the umask (often 0644)
        desk = cls(engine, data_dir, clock)
        if verify:
            fault = desk.verify_log()
            if fault is not None:
                engine.dispose()
                raise ChainBroken(path, fault)
        desk._backfill_if_upgraded()
        if record_old_rows(desk.recorder):
            log.info("turned the staff rows of an older store into roster events")
        return desk

    def _backfill_if_upgraded(self) -> None:
        # Schema 0002 added derived columns; fill them from the rows already folded (seconds,
        # where a whole refold of a year's log would take minutes at start-up).
        with self.recorder.tx() as db:
            pending = db.get(SettingRow, REVIEW_BACKFILL.key)
            if pending is not None:
                log.info("filling the review's local days and totals after a schema upgrade")
                review_days.relocalise(db)
                guest_links.relink_all(db)
                db.delete(pending)
        # Held events of a kind this build did not know: an upgrade may know it now.
        self.ledger.release_held()

    def close(self) -> None:
        self.recorder.engine.dispose()

    @property
    def engine(self) -> Engine:
        return self.recorder.engine

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def device_id(self) -> str:
        return self.recorder.device_id

    @property
    def clock(self) -> Clock:
        return self.recorder.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self.recorder.clock = clock

    def now(self) -> datetime:
        return self.recorder.now()

    def on_new_events(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` (no arguments, any thread) after a commit that added events of
        this desk: the sync worker wakes on it. It must be quick and must not raise."""
        self.recorder.on_new_events(listener)

    @property
    def secret_store(self) -> SecretStore:
        """This desk's secrets: the OS keychain, or the flagged file fallback (say so)."""
        if self._secret_store is None:
            from desktop.core.secrets import SecretStore

            self._secret_store = SecretStore(self.data_dir)
        return self._secret_store

    # --- the whole log ----------------------------------------------------------------------

    def verify_log(self) -> ChainFault | None:
        """Verify every device's chain in the store; the first fault found, or None."""
        with self.recorder.tx() as db:
            return caselog.verify_log(db)

    def refold(self) -> None:
        """Rebuild the whole read model from the events (repair; minutes on a big log)."""
        with self.recorder.tx() as db:
            caselog.refold(db)

    def event_count(self) -> int:
        with self.recorder.tx() as db:
            return int(db.scalar(select(func.count()).select_from(EventRow)) or 0)

    def review(self, first: date, last: date) -> Review:
        """The supervisor's review of the site-local days ``first`` to ``last``."""
        from desktop.core.review import Period, build_review

        site = self.site.info()
        period = Period.days(first, last, site.zone)
        with self.recorder.tx() as db:
            return build_review(db, period, current_policy(db), site.zone, site.currency,
                                self.now())
