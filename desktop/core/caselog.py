"""Appending to the case log, verifying it, and rebuilding the read model from it.

``append`` is the only writer of events on this desk: it takes the next seq of this device,
links the hash chain, stores the event and folds it into the read model (``fold.apply``)
before the caller's transaction commits, so the log and the read model can never disagree.
``refold`` rebuilds the whole read model from the log (repair); ``refold_touched`` rebuilds
only what events merged out of order touch. The review's per-day totals are kept by
``review_days``; gestures to one guest across cases are linked by ``guest_links``.
"""

from __future__ import annotations

import itertools
import json
import logging
import uuid
from collections.abc import Callable, Collection, Generator, Mapping
from contextlib import closing
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from db.event_schema import SchemaError, check_payload
from db.eventlog import GENESIS_HASH, ChainFault, Event, canonical_json, seal, verify_chain
from db.models import (
    READ_MODEL_TABLES,
    ApprovalRow,
    CaseRow,
    CorrectionRow,
    EventRow,
    GrantRow,
    HandoffRow,
    NoteRow,
    ShiftRow,
    VoucherRow,
    format_utc,
)
from desktop.core import quarantine
from desktop.core.errors import DeskError, Refusal
from desktop.core.fold import apply, apply_to
from desktop.core.fold_rows import MEMORY_TABLES, MemoryRows
from desktop.core.guest_links import relink_all, relink_guest
from desktop.core.review_days import DIRTY_DAYS, chunks, refresh_review_days
from desktop.core.staff_fold import STAFF_KINDS, refold_staff
from desktop.core.store_bulk import large_page_cache, without_secondary_indexes

log = logging.getLogger(__name__)


def append(db: Session, *, device_id: str, kind: str, at: datetime, case_id: str | None,
           actor: str | None, payload: Mapping[str, Any]) -> Event:
    """Seal and store one event of this device, and fold it into the read model."""
    last = db.execute(
        select(EventRow.seq, EventRow.hash)
        .where(EventRow.device_id == device_id)
        .order_by(EventRow.seq.desc())
        .limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    # Round-trip through canonical JSON so what is hashed is exactly what is stored.
    payload_json = canonical_json(dict(payload))
    clean_payload = json.loads(payload_json)
    try:
        # The schema every desk and head office hold events to: a bug here must not write an
        # event that the site's other desks cannot apply and head office would refuse.
        check_payload(kind, case_id, clean_payload, payload_json)
    except SchemaError as error:
        log.error("refused to write a %s event that breaks its schema: %s", kind, error)
        raise DeskError(Refusal.EVENT_INVALID, f"{kind} {error}") from error
    event = seal(id=str(uuid.uuid4()), device_id=device_id, seq=seq, kind=kind,
                 case_id=case_id, actor=actor, at=format_utc(at), payload=clean_payload,
                 prev_hash=prev_hash)
    store_event(db, event)
    apply(db, event)
    return event


def store_event(db: Session, event: Event, *, acked: bool = False) -> None:
    db.add(EventRow(id=event.id, device_id=event.device_id, seq=event.seq, kind=event.kind,
                    case_id=event.case_id, actor=event.actor, at=event.at,
                    payload=canonical_json(dict(event.payload)), prev_hash=event.prev_hash,
                    hash=event.hash, acked=acked))
    db.flush()


def row_to_event(row: EventRow) -> Event:
    return Event(id=row.id, device_id=row.device_id, seq=row.seq, kind=row.kind,
                 case_id=row.case_id, actor=row.actor, at=row.at,
                 payload=json.loads(row.payload), prev_hash=row.prev_hash, hash=row.hash)


def verify_log(db: Session) -> ChainFault | None:
    """Verify every device's chain in the store; the first fault found, or None."""
    devices = db.scalars(select(EventRow.device_id).distinct()).all()
    for device in devices:
        rows = db.scalars(
            select(EventRow).where(EventRow.device_id == device).order_by(EventRow.seq)
            .execution_options(yield_per=2000)
        )
        fault = verify_chain(row_to_event(row) for row in rows)
        if fault:
            return fault
    return None


def refold(db: Session) -> None:
    """Rebuild the read model from the events alone.

    The rules of ``fold.py`` work on rows held in memory (``MemoryRows``), written with one
    ``executemany`` a table; the guest links and the review's totals are made once, at the
    end, from the rows. The roster's events go to the session as they come (few, and their
    rules ask the roster). The filled tables' secondary indexes are dropped while it writes
    and remade at the end, and it writes with a larger page cache (``store_bulk``).
    """
    for table in READ_MODEL_TABLES:
        db.execute(delete(table))
    db.info.pop("site_zone", None)
    db.info["refolding"] = True  # one recount of every day at the end, not one per event
    held = quarantine.held_ids(db)
    rows = MemoryRows(db)
    try:
        # The reading cursor is closed (last) before the indexes are remade, also on failure.
        with (without_secondary_indexes(db, MEMORY_TABLES),
              closing(iter_stored_events(db)) as events):
            # SQLite sorts the log for its first row, in the memory the usual page cache
            # allows (a sort may take as much as the cache): the larger cache is for writing.
            first = next(events, None)
            with large_page_cache(db):
                for event in itertools.chain([first] if first else [], events):
                    if event.id not in held:  # held events never reach the read model
                        apply_to(rows, event)
                        rows.between_events()
                rows.spill()
        db.info.pop(DIRTY_DAYS, None)
        with large_page_cache(db):
            relink_all(db)
            refresh_review_days(db, None)
    finally:
        db.info.pop("refolding", None)


def refold_touched(db: Session, merged: Collection[Event]) -> int:
    """Rebuild only what ``merged`` events (already stored) touch, in fold order.

    Out-of-order events (another desk's, pulled after it was offline) change the cases,
    vouchers and shifts they belong to, and the roster: those are deleted and refolded from
    all of their events, which gives what a whole refold would, for a fraction of the work.
    Returns how many events were refolded.
    """
    if any(e.kind in STAFF_KINDS for e in merged):
        refold_staff(db, apply, row_to_event)
    case_ids = {e.case_id for e in merged if e.case_id}
    voucher_ids = {str(e.payload["voucher_id"]) for e in merged
                   if e.kind in VOUCHER_KINDS and e.payload.get("voucher_id")}
    shift_ids = {str(e.payload["shift_id"]) for e in merged
                 if e.kind in SHIFT_KINDS and e.payload.get("shift_id")}
    # The merged events themselves, even those of no case, voucher or shift; not the roster's,
    # which refold_staff has just applied in order (again, a PIN reset merged late would undo
    # the PIN chosen after it).
    events: dict[str, Event] = {e.id: e for e in merged if e.kind not in STAFF_KINDS}
    while True:  # a voucher ties its case to events of other cases (or none): follow it
        voucher_ids |= set(_in(db, select(VoucherRow.id), VoucherRow.case_id, case_ids))
        found = [row_to_event(r) for r in _in(db, select(EventRow), EventRow.case_id, case_ids)]
        found += [row_to_event(r) for r in _in(
            db, select(EventRow).where(EventRow.kind.in_(VOUCHER_KINDS)),
            func.json_extract(EventRow.payload, "$.voucher_id"), voucher_ids)]
        found += [row_to_event(r) for r in _in(
            db, select(EventRow).where(EventRow.kind.in_(SHIFT_KINDS)),
            func.json_extract(EventRow.payload, "$.shift_id"), shift_ids)]
        grown = False
        for event in found:
            events.setdefault(event.id, event)
            if event.case_id and event.case_id not in case_ids:
                case_ids.add(event.case_id)
                grown = True
            voucher = event.payload.get("voucher_id") if event.kind in VOUCHER_KINDS else None
            if voucher and str(voucher) not in voucher_ids:
                voucher_ids.add(str(voucher))
                grown = True
        if not grown:
            break
    # The days these cases counted on before, as well as after, are recounted.
    if not db.info.get("refolding"):
        days: set[str] = db.info.setdefault(DIRTY_DAYS, set())
        days.update(d for d in _in(db, select(CaseRow.opened_day), CaseRow.id, case_ids) if d)
        days.update(_in(db, select(GrantRow.local_day), GrantRow.case_id, case_ids))
    for table, column, ids in ((CaseRow, CaseRow.id, case_ids),
                               (GrantRow, GrantRow.case_id, case_ids),
                               (ApprovalRow, ApprovalRow.case_id, case_ids),
                               (CorrectionRow, CorrectionRow.case_id, case_ids),
                               (NoteRow, NoteRow.case_id, case_ids),
                               (HandoffRow, HandoffRow.case_id, case_ids),
                               (VoucherRow, VoucherRow.id, voucher_ids),
                               (ShiftRow, ShiftRow.id, shift_ids)):
        for chunk in chunks(sorted(ids), 400):
            db.execute(delete(table).where(column.in_(chunk)))
    db.flush()
    db.expunge_all()  # the deleted rows must not linger in the session's identity map
    held = quarantine.held_ids(db)
    for event in sorted(events.values(), key=lambda e: (e.at, e.device_id, e.seq)):
        quarantine.apply_or_hold(db, event, held)  # one that fails is held, not the merge
    # A gesture merged late may be the earlier one that a later gesture to the guest repeats.
    for refolded in _in(db, select(CaseRow), CaseRow.id, case_ids):
        relink_guest(db, refolded)
    db.flush()
    return len(events)


VOUCHER_KINDS = ("voucher.issued", "voucher.redeemed", "voucher.voided", "slip.printed")
SHIFT_KINDS = ("shift.started", "shift.ended")


def _in(db: Session, query: Select[Any], column: Any, values: Collection[str]) -> list[Any]:
    """``query`` where ``column`` is one of ``values``, asked in chunks SQLite accepts."""
    found: list[Any] = []
    for chunk in chunks(sorted(values), 400):
        found.extend(db.scalars(query.where(column.in_(chunk))))
    return found


def iter_stored_events(db: Session) -> Generator[Event, None, None]:
    """Every stored event in fold order, read as plain rows (no ORM object for each)."""
    # The driver's own cursor, in the session's transaction: its rows are plain tuples, with
    # no SQLAlchemy row made around each of millions.
    cursor = db.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(
            "SELECT id, device_id, seq, kind, case_id, actor, at, payload, prev_hash, hash "
            "FROM event ORDER BY at, device_id, seq")
        # The stored payload is canonical JSON (no spaces around it): read by the decoder's
        # scanner itself, without json.loads's checks around it.
        scan: Callable[[str, int], tuple[Any, int]] = (
            json.JSONDecoder().scan_once)  # type: ignore[attr-defined]
        while batch := cursor.fetchmany(5000):
            for id_, device, seq, kind, case_id, actor, at, payload, prev, digest in batch:
                yield Event(id_, device, seq, kind, case_id, actor, at, scan(payload, 0)[0],
                            prev, digest)
    finally:
        cursor.close()


def stay_start(now: datetime, window_days: int) -> datetime:
    return now - timedelta(days=window_days)
