"""Receiving a desk's events: storing what continues its verified chain, refusing the rest.

This is the heart of head office. Per device, head office holds exactly seqs 1..``last_seq``
with their hash chain verified; a batch is checked against that before anything is stored:

* already-held events must be identical (same hash), so a resent batch is a no-op;
* the batch must start at or before ``last_seq + 1`` (no gap) and form a chain that continues
  the held one (``verify_chain`` with ``start_seq``/``start_prev_hash``);
* event ids must not be in use by another event;
* each new event must fit its kind's schema (``db.event_schema``), so that every desk of the
  site can apply it (a kind head office has no schema for is stored and flagged: a newer desk
  wrote it, and desks that do not know it hold it until they are upgraded).

At the first fault the events *before* it are stored (they continue the verified chain, so
they are as trustworthy as anything held, and keeping them preserves the copy outside the
desk's reach), nothing from the fault onward is, a flag row is written, and the caller answers
409 with the fault and the highest seq held. Pushes of one site are serialised by a row lock
on the site (SQLite has one writer anyway), which makes the check-then-insert safe across
processes and keeps each site's arrival ids in commit order, so a pull cursor never skips an
event that commits late.

Nearly every push simply continues the chain. ``PlainBatch`` (``push_checks``) checks such a
push a column at a time and ``push_plain`` stores it, accepting only what ``push`` would store
in full, with the same rows; anything else (a resend, a gap, a fault, a malformed field) goes
the careful way above, which is the reference (tests hold the two to the same outcome).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, select
from sqlalchemy.orm import Session

from db.event_schema import SchemaError, check_payload
from db.eventlog import GENESIS_HASH, ChainFault, Event, verify_chain
from db.wire import PushRequest
from headoffice.aggregates import note_events
from headoffice.flags import add_flag, flag_double_redemptions, flag_unknown_kinds, redeemed
from headoffice.models import Device, EventRow, Site
from headoffice.push_checks import Hashed, PlainBatch
from headoffice.rows import event_values, row

EVENT_TABLE = cast(Table, EventRow.__table__)


@dataclass(frozen=True, slots=True)
class PushFault:
    # the flag kind: chain_gap, chain_break, chain_fork, event_id_reused, event_schema
    kind: str
    seq: int
    event_id: str | None
    detail: str


@dataclass(slots=True)
class PushResult:
    highest_seq: int
    stored: int = 0
    fault: PushFault | None = None
    flags: list[str] = field(default_factory=list)


def push(db: Session, device: Device, request: PushRequest, *, now: datetime,
         hashed: Sequence[Hashed]) -> PushResult:
    """Store what continues this device's verified chain; see the module docstring.

    ``hashed`` is what ``check_events`` returned for the events. The new events go in with
    one multi-row INSERT, no ORM objects: the lock taken first and the checks before it make
    that safe (an insert racing past them anyway fails on the unique (device_id, seq) key,
    and nothing is stored).
    """
    # Serialise pushes of one site (no-op on SQLite, whose BEGIN IMMEDIATE already does).
    db.execute(select(Site.id).where(Site.id == device.site_id).with_for_update())
    db.refresh(device)
    held = device.last_seq
    events = request.events
    result = PushResult(highest_seq=held)
    device.last_chain_hash = request.chain_head
    if not events:
        device.last_sync_at = now
        return result

    first = events[0].seq
    fault: PushFault | None = None
    fault_index = len(events)
    if first > held + 1:
        holds = f"seqs 1..{held}" if held else "no events"
        fault = PushFault("chain_gap", first, events[0].id,
                          f"gap: head office holds {holds} of this device, the batch starts "
                          f"at seq {first}")
        fault_index = 0
    else:
        prev = GENESIS_HASH if first == 1 else _held_hash(db, device.id, first - 1)
        chain_fault = verify_chain(events, start_seq=first, start_prev_hash=prev,
                                   digests=[digest for _, digest in hashed])
        if chain_fault is not None:
            fault_index = next(i for i, e in enumerate(events) if e.seq == chain_fault.seq)
            expected = events[fault_index - 1].seq + 1 if fault_index else first
            fault = _chain_push_fault(chain_fault, held, expected)
        # An event already held must be the very same event; a different one is a fork.
        overlap_end = min(fault_index, sum(1 for e in events if e.seq <= held))
        if overlap_end:
            known = _held_hashes(db, device.id, first, events[overlap_end - 1].seq)
            for index in range(overlap_end):
                event = events[index]
                if known.get(event.seq) != event.hash:
                    fault_index = index
                    fault = PushFault("chain_fork", event.seq, event.id,
                                      f"fork at seq {event.seq}: head office already holds a "
                                      "different event with this seq")
                    break

    new_start = next((i for i, e in enumerate(events) if e.seq > held), len(events))
    # Events already held are not checked again (an older head office may have stored one
    # this schema refuses; the desk's resend must still be a no-op).
    refused = first_unfit(events, hashed, new_start, fault_index)
    if refused is not None:
        fault_index, fault = refused
    fresh = list(events[new_start:fault_index])
    rows = [event_values(event, device.site_id, now, hashed[new_start + i][0])
            for i, event in enumerate(fresh)]
    reused = _insert_events(db, fresh, rows)
    if reused is not None:
        index, owner = reused
        fault_index = new_start + index
        event = events[fault_index]
        fault = PushFault("event_id_reused", event.seq, event.id,
                          f"event id {event.id} at seq {event.seq} is already used by {owner}")
        fresh = fresh[:index]

    if fresh:
        device.last_seq = fresh[-1].seq
        result.stored = len(fresh)
        result.flags.extend(flag_unknown_kinds(db, device, [e.kind for e in fresh], now))
        vouchers = redeemed([e.kind for e in fresh], [e.payload for e in fresh])
        result.flags.extend(flag_double_redemptions(db, device, vouchers, now))
        note_events(db, device.site_id, [(e.kind, e.case_id, e.actor, e.at, e.payload)
                                         for e in fresh])
    result.highest_seq = device.last_seq
    if fault is None:
        device.last_sync_at = now
    else:
        result.fault = fault
        if add_flag(db, site_id=device.site_id, device_id=device.id, kind=fault.kind,
                     detail=f"device {device.name} ({device.id}): {fault.detail}", now=now):
            result.flags.append(fault.kind)
    db.flush()
    return result


class Unusual(Exception):
    """``push_plain`` met something after it started writing (an event id already in use):
    roll the transaction back and take the careful way, which says what and stores the rest."""


def push_plain(db: Session, device: Device, batch: PlainBatch, *, now: datetime
               ) -> PushResult | None:
    """Store ``batch`` if it continues exactly what head office holds of this device, as
    ``push`` would; None, with nothing written, if it does not (a resend, a gap, a fork,
    another device's events): ``push`` then sorts it out. Raises ``Unusual`` after writing.
    """
    if batch.device_id != device.id:
        return None
    db.execute(select(Site.id).where(Site.id == device.site_id).with_for_update())
    db.refresh(device)
    first, last = batch.seqs[0], batch.seqs[-1]
    if first != device.last_seq + 1:
        return None
    if batch.prev_hashes[0] != (GENESIS_HASH if first == 1
                                else _held_hash(db, device.id, first - 1)):
        return None
    site_id = device.site_id
    rows = [row(event_id, device.id, seq, kind, case_id, actor, at, payload, payload_json,
                 prev_hash, digest, site_id, now)
            for event_id, seq, kind, case_id, actor, at, payload, payload_json, prev_hash,
            digest in zip(batch.ids, batch.seqs, batch.kinds, batch.case_ids, batch.actors,
                          batch.ats, batch.payloads, batch.payload_jsons, batch.prev_hashes,
                          batch.hashes, strict=True)]
    if not _insert_all(db, rows, device.id, first, last):
        raise Unusual(f"an event id of seqs {first}..{last} is already in use")
    device.last_chain_hash = batch.chain_head
    device.last_seq = last
    device.last_sync_at = now
    result = PushResult(highest_seq=last, stored=len(rows))
    result.flags.extend(flag_unknown_kinds(db, device, batch.kinds, now))
    result.flags.extend(flag_double_redemptions(
        db, device, redeemed(batch.kinds, batch.payloads), now))
    note_events(db, site_id, zip(batch.kinds, batch.case_ids, batch.actors, batch.ats,
                                 batch.payloads, strict=True))
    db.flush()
    return result


def first_unfit(events: Sequence[Event], hashed: Sequence[Hashed], start: int, stop: int
                ) -> tuple[int, PushFault] | None:
    """The first of ``events[start:stop]`` that breaks its kind's schema (``db.event_schema``),
    as the index to stop at and the fault to answer with; None if all fit."""
    for index in range(start, stop):
        event = events[index]
        try:
            check_payload(event.kind, event.case_id, event.payload, hashed[index][0])
        except SchemaError as error:
            return index, PushFault(
                "event_schema", event.seq, event.id,
                f"event {event.id} (device {event.device_id}, seq {event.seq}) of kind "
                f"{event.kind} breaks its schema: {error}")
    return None


def _chain_push_fault(fault: ChainFault, held: int, expected: int) -> PushFault:
    if fault.problem.startswith("gap"):
        return PushFault("chain_gap", fault.seq, fault.event_id,
                         f"gap in the batch: seq {expected} is missing before seq {fault.seq}")
    if fault.problem == "duplicate seq":  # not reachable after check_events; kept as a guard
        return PushFault("chain_break", fault.seq, fault.event_id, fault.describe())
    if fault.seq <= held and fault.problem.startswith("broken link"):
        return PushFault("chain_fork", fault.seq, fault.event_id,
                         f"fork at seq {fault.seq}: the event does not continue the chain "
                         "head office holds")
    return PushFault("chain_break", fault.seq, fault.event_id, fault.describe())


def _held_hash(db: Session, device_id: str, seq: int) -> str:
    found = db.scalar(select(EventRow.hash).where(EventRow.device_id == device_id,
                                                  EventRow.seq == seq))
    assert found is not None, "held seqs are contiguous"
    return found


def _held_hashes(db: Session, device_id: str, lo: int, hi: int) -> dict[int, str]:
    rows = db.execute(select(EventRow.seq, EventRow.hash).where(
        EventRow.device_id == device_id, EventRow.seq >= lo, EventRow.seq <= hi))
    return {seq: digest for seq, digest in rows}


def _insert_events(db: Session, fresh: Sequence[Event], rows: list[dict[str, Any]]
                   ) -> tuple[int, str] | None:
    """Insert the rows of ``fresh``; on an event id already in use, keep only those before it
    and return its index and who has the id."""
    if not rows:
        return None
    table = EVENT_TABLE
    device_id, lo, hi = fresh[0].device_id, fresh[0].seq, fresh[-1].seq
    if _insert_all(db, rows, device_id, lo, hi):
        return None
    in_batch = (table.c.device_id == device_id) & table.c.seq.between(lo, hi)
    stored = set(db.scalars(select(table.c.seq).where(in_batch)))
    index = next(i for i, event in enumerate(fresh) if event.seq not in stored)
    clash = fresh[index]
    # Nothing from the clash on: take back the rows of this batch inserted after it.
    db.execute(delete(table).where(table.c.device_id == device_id, table.c.seq > clash.seq))
    owner = db.execute(select(table.c.device_id, table.c.seq)
                       .where(table.c.event_id == clash.id)).first()
    if owner is None:  # cannot happen: the row was skipped for a key in use
        return index, "another event"
    if owner.device_id == device_id and lo <= owner.seq < clash.seq:
        return index, "an earlier event of the same batch"
    return index, f"device {owner.device_id} seq {owner.seq}"


def _insert_all(db: Session, rows: list[dict[str, Any]], device_id: str, lo: int, hi: int
                ) -> bool:
    """Insert one device's rows of seqs ``lo``..``hi`` (one multi-row INSERT); whether all
    went in.

    An id reused is a rare fault, so rather than look every id up first (as costly as the
    insert's own unique check), the INSERT skips a row whose event id is taken, and one count
    over the batch's seqs says whether all went in. A seq taken (impossible under the site's
    lock) is not skipped: it fails the INSERT and nothing is stored.
    """
    table = EVENT_TABLE
    db.execute(_insert_or_skip(db), rows)
    in_batch = (table.c.device_id == device_id) & table.c.seq.between(lo, hi)
    return db.scalar(select(func.count()).select_from(table).where(in_batch)) == len(rows)


_INSERT_OR_SKIP: dict[str, Any] = {}


def _insert_or_skip(db: Session) -> Any:
    """``INSERT … ON CONFLICT (event_id) DO NOTHING`` into ``event``, in this dialect."""
    dialect = db.get_bind().dialect.name
    if dialect not in _INSERT_OR_SKIP:
        from sqlalchemy.dialects import postgresql, sqlite

        make = postgresql.insert if dialect == "postgresql" else sqlite.insert
        _INSERT_OR_SKIP[dialect] = make(EVENT_TABLE).on_conflict_do_nothing(
            index_elements=["event_id"])
    return _INSERT_OR_SKIP[dialect]


