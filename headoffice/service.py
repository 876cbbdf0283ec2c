"""What the sync API does, without HTTP: enrol a desk, take its events, hand out the site's.

Receiving events (``push``) is the heart of it. Per device, head office holds exactly seqs
1..``last_seq`` with their hash chain verified; a batch is checked against that before anything
is stored:

* already-held events must be identical (same hash), so a resent batch is a no-op;
* the batch must start at or before ``last_seq + 1`` (no gap) and form a chain that continues
  the held one (``verify_chain`` with ``start_seq``/``start_prev_hash``);
* event ids must not be in use by another event.

At the first fault the events *before* it are stored (they continue the verified chain, so
they are as trustworthy as anything held, and keeping them preserves the copy outside the
desk's reach), nothing from the fault onward is, a flag row is written, and the caller answers
409 with the fault and the highest seq held. Pushes of one site are serialised by a row lock
on the site (SQLite has one writer anyway), which makes the check-then-insert safe across
processes and keeps each site's arrival ids in commit order, so a pull cursor never skips an
event that commits late.

Nearly every push simply continues the chain. ``PlainBatch`` checks such a push a column at a
time and ``push_plain`` stores it, accepting only what ``push`` would store in full, with the
same rows; anything else (a resend, a gap, a fault, a malformed field) goes the careful way
above, which is the reference (tests hold the two to the same outcome).
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from db.eventlog import (
    GENESIS_HASH,
    ChainFault,
    Event,
    hash_columns,
    payload_json_and_hash,
    verify_chain,
)
from headoffice import tokens
from headoffice.models import Device, EnrolmentCode, EventRow, Flag, PolicyVersion, Site

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HASH_RE = re.compile(r"[0-9a-f]{64}")
KEY_RE = re.compile(r"[0-9a-fA-F]{64}")
AT_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")
KIND_RE = re.compile(r"[a-z][a-z0-9_.\-]{0,63}")
# Exactly Unicode's Cc (C0, DEL, C1) and Cs (surrogates): one regex search instead of a
# unicodedata lookup per character, for every case id and actor of every pushed event.
CONTROL_CHARS = "\x00-\x1f\x7f-\x9f\ud800-\udfff"
CONTROL_RE = re.compile(f"[{CONTROL_CHARS}]")
MAX_SEQ = 2**62
MAX_REF = 64  # case_id, actor, voucher_id: uuids at the desk, bounded here for the columns


def _lines_of(pattern: str) -> re.Pattern[str]:
    """Lines of ``pattern`` joined by newlines: a whole column of a push checked in one match
    (none of the patterns matches a newline, so no value can hide one)."""
    return re.compile(f"(?:{pattern}\n)*{pattern}")


UUID_LINES = _lines_of(UUID_RE.pattern)
HASH_LINES = _lines_of(HASH_RE.pattern)
AT_LINES = _lines_of(AT_RE.pattern)
KIND_LINES = _lines_of(KIND_RE.pattern)
REF_LINES = _lines_of(f"[^{CONTROL_CHARS}]{{0,{MAX_REF}}}")  # what _ref_ok accepts


class ServiceError(Exception):
    """A request head office refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, detail: str, *, headers: Mapping[str, str] | None = None,
                 **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = dict(headers or {})
        self.extra = extra


def bad(detail: str) -> ServiceError:
    return ServiceError(422, detail)


# --- small validators ---------------------------------------------------------------------------


def _field(body: Mapping[str, Any], name: str) -> Any:
    if name not in body:
        raise bad(f"{name}: missing")
    return body[name]


def _text(value: Any, name: str, *, max_len: int, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise bad(f"{name}: expected text")
    if not allow_empty and not value.strip():
        raise bad(f"{name}: must not be empty")
    if len(value) > max_len:
        raise bad(f"{name}: longer than {max_len} characters")
    if CONTROL_RE.search(value):
        raise bad(f"{name}: contains control characters")
    return value


def _uuid(value: Any, name: str) -> str:
    if not isinstance(value, str) or not UUID_RE.fullmatch(value):
        raise bad(f"{name}: expected a UUID in lower-case canonical form")
    return value


# --- enrolment ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Enrolled:
    token: str
    site: Site


def enrol(db: Session, body: Any, *, now: datetime) -> Enrolled:
    """Join a desk to the site its one-time code belongs to, and give it a bearer token."""
    if not isinstance(body, Mapping):
        raise bad("expected a JSON object")
    code = _text(_field(body, "code"), "code", max_len=64)
    device_id = _uuid(_field(body, "device_id"), "device_id")
    device_name = " ".join(_text(_field(body, "device_name"), "device_name",
                                 max_len=200).split())
    desk_site = _field(body, "site")
    if not isinstance(desk_site, Mapping):
        raise bad("site: expected an object with name, currency and timezone")
    _text(_field(desk_site, "name"), "site.name", max_len=200)
    desk_currency = _text(_field(desk_site, "currency"), "site.currency", max_len=3).upper()
    _text(_field(desk_site, "timezone"), "site.timezone", max_len=64)
    key = body.get("voucher_public_key")
    if key is not None and (not isinstance(key, str) or not KEY_RE.fullmatch(key)):
        raise bad("voucher_public_key: expected a raw 32-byte Ed25519 key as 64 hex digits, "
                  "or null")

    row = db.scalar(select(EnrolmentCode).where(
        EnrolmentCode.code_hash == tokens.code_digest(code)))
    if row is None:
        raise ServiceError(403, "enrolment code not recognised: check it, or ask head office "
                                "for a new one")
    if row.used_at is not None:
        raise ServiceError(410, "this enrolment code has already been used; each code "
                                "enrols one desk once: ask head office for a new one")
    if row.expires_at <= now:
        raise ServiceError(410, "this enrolment code has expired: ask head office for a new "
                                "one")
    site = db.get(Site, row.site_id)
    assert site is not None  # foreign key
    if desk_currency != site.currency:
        raise ServiceError(
            409, f"currency mismatch: this desk keeps its budget in {desk_currency} but head "
                 f"office's site {site.name!r} uses {site.currency}; set the desk's currency "
                 f"to {site.currency} (or enrol it with a code for a {desk_currency} site)")

    device = db.get(Device, device_id)
    if device is not None and device.revoked_at is not None:
        raise ServiceError(403, "this device was revoked by head office and cannot enrol "
                                "again")
    if device is not None and device.site_id != site.id:
        raise ServiceError(409, "this device is already enrolled at another site; head office "
                                "must revoke it there first")

    # Claim the code with a conditional update, so two desks racing with one code cannot
    # both win (the loser's transaction sees rowcount 0 and rolls back).
    claimed = db.execute(
        update(EnrolmentCode)
        .where(EnrolmentCode.id == row.id, EnrolmentCode.used_at.is_(None),
               EnrolmentCode.expires_at > now)
        .values(used_at=now, used_by=device_id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        raise ServiceError(410, "this enrolment code has already been used; ask head office "
                                "for a new one")

    token = tokens.new_token()
    public_key = None if key is None else key.lower()
    if device is None:
        db.add(Device(id=device_id, site_id=site.id, name=device_name,
                      token_hash=tokens.digest(token), voucher_public_key=public_key,
                      enrolled_at=now, last_seq=0))
    else:
        # Re-enrolment (e.g. the keychain was lost): a new token replaces the old one and the
        # held chain continues where it was.
        device.name = device_name
        device.token_hash = tokens.digest(token)
        device.voucher_public_key = public_key
        device.enrolled_at = now
    db.flush()
    return Enrolled(token, site)


# --- authentication -------------------------------------------------------------------------------


def device_for_token(db: Session, token: str) -> Device:
    device = db.scalar(select(Device).where(Device.token_hash == tokens.digest(token)))
    if device is None:
        raise ServiceError(401, "unknown token: enrol this desk with head office")
    if device.revoked_at is not None:
        raise ServiceError(401, "this device has been revoked by head office")
    return device


# --- push -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PushRequest:
    events: list[Event]
    chain_head: str


def parse_push(body: Any) -> PushRequest:
    """Check a push body's shape; the chain itself is checked against the store later."""
    if not isinstance(body, Mapping):
        raise bad("expected a JSON object with events and chain_head")
    raw_events = _field(body, "events")
    if not isinstance(raw_events, list):
        raise bad("events: expected a list")
    chain_head = _field(body, "chain_head")
    if not isinstance(chain_head, str) or not HASH_RE.fullmatch(chain_head):
        raise bad("chain_head: expected 64 lower-case hex digits")
    events: list[Event] = []
    for index, raw in enumerate(raw_events):
        if not isinstance(raw, Mapping):
            raise bad(f"events[{index}]: expected an object")
        try:
            event = Event.from_wire(raw)
        except ValueError as error:
            raise bad(f"events[{index}]: {error}") from None
        events.append(event)
    return PushRequest(events, chain_head)


# An event's payload as canonical JSON, and its hash recomputed from it.
Hashed = tuple[str, str]


def check_events(events: Sequence[Event], device_id: str) -> list[Hashed]:
    """Refuse events that are not this device's (403) or whose fields cannot be stored (422).

    Returns each event's canonical payload JSON and recomputed hash, for ``push`` to verify
    the chain with and store: hashing is most of the checking, so it is done once.
    """
    for index, event in enumerate(events):
        if event.device_id != device_id:
            raise ServiceError(403, f"events[{index}] belongs to device {event.device_id!r}, "
                                    "not to the device of this token")
    previous = 0
    hashed: list[Hashed] = []
    is_uuid, is_kind, is_at, is_hash = (UUID_RE.fullmatch, KIND_RE.fullmatch, AT_RE.fullmatch,
                                        HASH_RE.fullmatch)
    for index, event in enumerate(events):
        # One quick yes/no per event (a batch is thousands); the precise 422 only on a no.
        case_id, actor = event.case_id, event.actor
        if not (is_uuid(event.id) and previous < event.seq <= MAX_SEQ and is_kind(event.kind)
                and (case_id is None or _ref_ok(case_id)) and (actor is None or _ref_ok(actor))
                and is_at(event.at) and is_hash(event.prev_hash) and is_hash(event.hash)):
            _refuse_event(index, event, previous)
        previous = event.seq
        try:
            # Hashing encodes the payload as UTF-8; refuse what cannot be, before verifying.
            hashed.append(payload_json_and_hash(event))
        except (ValueError, TypeError, RecursionError) as error:
            raise bad(f"events[{index}].payload: cannot be hashed ({type(error).__name__})"
                      ) from None
    return hashed


def _ref_ok(value: str) -> bool:
    return len(value) <= MAX_REF and not CONTROL_RE.search(value)


def _refuse_event(index: int, event: Event, previous: int) -> None:
    """Raise the 422 that says what is wrong with an event ``check_events`` found wanting."""
    where = f"events[{index}]"
    _uuid(event.id, f"{where}.id")
    if not 1 <= event.seq <= MAX_SEQ:
        raise bad(f"{where}.seq: must be between 1 and {MAX_SEQ}")
    if event.seq <= previous:
        raise bad(f"{where}.seq: events must be in ascending seq order without repeats")
    if not KIND_RE.fullmatch(event.kind):
        raise bad(f"{where}.kind: not an event kind")
    for name in ("case_id", "actor"):
        value = getattr(event, name)
        if value is not None:
            _text(value, f"{where}.{name}", max_len=MAX_REF, allow_empty=True)
    if not AT_RE.fullmatch(event.at):
        raise bad(f"{where}.at: expected UTC time like 2026-01-31T09:15:00.000000Z")
    for name in ("prev_hash", "hash"):
        if not HASH_RE.fullmatch(getattr(event, name)):
            raise bad(f"{where}.{name}: expected 64 lower-case hex digits")
    raise AssertionError("_refuse_event called for an event without a fault")


@dataclass(frozen=True, slots=True)
class PushFault:
    kind: str  # the flag kind: chain_gap, chain_break, chain_fork, event_id_reused
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
        redeemed = _redeemed([e.kind for e in fresh], [e.payload for e in fresh])
        result.flags.extend(_flag_double_redemptions(db, device, redeemed, now))
    result.highest_seq = device.last_seq
    if fault is None:
        device.last_sync_at = now
    else:
        result.fault = fault
        if _add_flag(db, site_id=device.site_id, device_id=device.id, kind=fault.kind,
                     detail=f"device {device.name} ({device.id}): {fault.detail}", now=now):
            result.flags.append(fault.kind)
    db.flush()
    return result


class Unusual(Exception):
    """``push_plain`` met something after it started writing (an event id already in use):
    roll the transaction back and take the careful way, which says what and stores the rest."""


_WIRE_FIELDS = operator.itemgetter("id", "device_id", "seq", "kind", "case_id", "actor", "at",
                                   "payload", "prev_hash", "hash")


@dataclass(frozen=True, slots=True)
class PlainBatch:
    """A push in the usual shape, checked a column at a time: every event well formed, one
    device, seqs without a gap, each event linked to the one before and matching its hash.

    Nearly every push is this, and checking thousands of events one by one (``parse_push``,
    ``check_events``) costs as much as storing them. Anything else is not a ``PlainBatch``;
    the careful way then says precisely what is wrong, flags it, or skips what is held.
    """

    device_id: str
    chain_head: str
    ids: list[str]
    seqs: list[int]
    kinds: list[str]
    case_ids: list[str | None]
    actors: list[str | None]
    ats: list[str]
    payloads: list[dict[str, Any]]
    prev_hashes: list[str]
    hashes: list[str]
    payload_jsons: list[str]

    @classmethod
    def of(cls, body: Any) -> PlainBatch | None:
        """The batch of a parsed push body, or None if it needs the careful way."""
        if type(body) is not dict:
            return None
        events, chain_head = body.get("events"), body.get("chain_head")
        if (type(events) is not list or not events or type(chain_head) is not str
                or not HASH_RE.fullmatch(chain_head)):
            return None
        try:
            # Field by field (desks always send every field, case_id and actor as null).
            ids, device_column, seqs, kinds, case_ids, actors, ats, payloads, prev_hashes, \
                hashes = map(list, zip(*map(_WIRE_FIELDS, events), strict=True))
            device_ids = set(device_column)
            # join() refuses anything but text, so these also check the types.
            formed = (UUID_LINES.fullmatch("\n".join(ids))
                      and KIND_LINES.fullmatch("\n".join(kinds))
                      and AT_LINES.fullmatch("\n".join(ats))
                      and HASH_LINES.fullmatch("\n".join(prev_hashes))
                      and HASH_LINES.fullmatch("\n".join(hashes))
                      and REF_LINES.fullmatch("\n".join([c for c in case_ids if c is not None]))
                      and REF_LINES.fullmatch("\n".join([a for a in actors if a is not None])))
        except (KeyError, TypeError, AttributeError):  # not objects, a field missing, not text
            return None
        if (not formed or len(device_ids) != 1 or set(map(type, seqs)) != {int}
                or set(map(type, payloads)) != {dict}):
            return None
        (device_id,) = device_ids
        first = seqs[0]
        if (type(device_id) is not str or not 1 <= first <= seqs[-1] <= MAX_SEQ
                or seqs != list(range(first, first + len(seqs)))
                or prev_hashes[1:] != hashes[:-1]):
            return None
        try:
            payload_jsons, digests = hash_columns(ids, device_id, seqs, kinds, case_ids,
                                                  actors, ats, payloads, prev_hashes)
        except (ValueError, TypeError, RecursionError):  # cannot be hashed: the careful 422
            return None
        if digests != hashes:
            return None
        return cls(device_id, chain_head, ids, seqs, kinds, case_ids, actors, ats, payloads,
                   prev_hashes, hashes, payload_jsons)


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
    rows = [_row(event_id, device.id, seq, kind, case_id, actor, at, payload, payload_json,
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
    result.flags.extend(_flag_double_redemptions(
        db, device, _redeemed(batch.kinds, batch.payloads), now))
    db.flush()
    return result


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
    table = EventRow.__table__
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
    table = EventRow.__table__
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
        _INSERT_OR_SKIP[dialect] = make(EventRow.__table__).on_conflict_do_nothing(
            index_elements=["event_id"])
    return _INSERT_OR_SKIP[dialect]


def event_values(event: Event, site_id: str, received_at: datetime,
                 payload_json: str | None = None) -> dict[str, Any]:
    """The ``event`` table row of one event (every column but the arrival id).

    ``payload_json``: the payload's canonical JSON if already made (``check_events``).
    """
    return _row(event.id, event.device_id, event.seq, event.kind, event.case_id, event.actor,
                event.at, event.payload, payload_json, event.prev_hash, event.hash, site_id,
                received_at)


def _row(event_id: str, device_id: str, seq: int, kind: str, case_id: str | None,
         actor: str | None, at: str, payload: Mapping[str, Any], payload_json: str | None,
         prev_hash: str, digest: str, site_id: str, received_at: datetime) -> dict[str, Any]:
    # ASCII-escaped JSON: parses back to the hashed payload, and a NUL or any other character
    # in guest text is stored as an escape (PostgreSQL text cannot hold NUL). Canonical JSON
    # that is plain ASCII without DEL is exactly that text already (most payloads are).
    if payload_json is not None and payload_json.isascii() and "\x7f" not in payload_json:
        stored = payload_json
    else:
        stored = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                            allow_nan=False)
    return {
        "event_id": event_id, "site_id": site_id, "device_id": device_id, "seq": seq,
        "kind": kind, "case_id": case_id, "actor": actor, "at": at, "payload": stored,
        "prev_hash": prev_hash, "hash": digest, "received_at": received_at,
        # Most events carry none of these: only present ones are checked.
        "voucher_id": _ref(payload["voucher_id"]) if "voucher_id" in payload else None,
        "value_minor": _minor(payload["value_minor"]) if "value_minor" in payload else None,
        "currency": _currency(payload["currency"]) if "currency" in payload else None,
        "due_at": _time(payload["due_at"]) if "due_at" in payload else None,
    }


def _ref(value: Any) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= MAX_REF and "\x00" not in value:
        return value
    return None


def _minor(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_SEQ:
        return value
    return None


def _time(value: Any) -> str | None:
    return value if isinstance(value, str) and AT_RE.fullmatch(value) else None


def _currency(value: Any) -> str | None:
    if isinstance(value, str) and len(value) == 3 and value.isascii() and value.isalpha():
        return value.upper()
    return None


def _redeemed(kinds: Sequence[str], payloads: Sequence[Mapping[str, Any]]) -> set[str | None]:
    """The vouchers that events of these kinds and payloads redeem."""
    return {_ref(payload.get("voucher_id")) for kind, payload in zip(kinds, payloads, strict=True)
            if kind == "voucher.redeemed"}


def _flag_double_redemptions(db: Session, device: Device, voucher_ids: set[str | None],
                             now: datetime) -> list[str]:
    """Flag vouchers of this site redeemed more than once (at one desk or at several)."""
    added: list[str] = []
    for voucher_id in sorted(v for v in voucher_ids if v is not None):
        rows = db.execute(
            select(EventRow.device_id, EventRow.seq, EventRow.at, Device.name)
            .join(Device, Device.id == EventRow.device_id)
            .where(EventRow.site_id == device.site_id, EventRow.kind == "voucher.redeemed",
                   EventRow.voucher_id == voucher_id)
            .order_by(EventRow.at, EventRow.id)
        ).all()
        if len(rows) < 2:
            continue
        where = "; ".join(f"{name} ({dev}) seq {seq} at {at}" for dev, seq, at, name in rows)
        detail = f"voucher {voucher_id} redeemed {len(rows)} times: {where}"
        if _add_flag(db, site_id=device.site_id, device_id=device.id,
                     kind="voucher_redeemed_twice", detail=detail, now=now):
            added.append("voucher_redeemed_twice")
    return added


def _add_flag(db: Session, *, site_id: str, device_id: str | None, kind: str, detail: str,
              now: datetime) -> bool:
    """Add a flag unless the very same one exists (a desk retrying must not flood the list)."""
    exists = db.scalar(select(Flag.id).where(Flag.site_id == site_id, Flag.kind == kind,
                                             Flag.device_id == device_id,
                                             Flag.detail == detail).limit(1))
    if exists is not None:
        return False
    db.add(Flag(site_id=site_id, device_id=device_id, kind=kind, detail=detail,
                created_at=now))
    return True


# --- pull, policy -------------------------------------------------------------------------------


def row_to_wire(row: EventRow) -> dict[str, Any]:
    return {"id": row.event_id, "device_id": row.device_id, "seq": row.seq, "kind": row.kind,
            "case_id": row.case_id, "actor": row.actor, "at": row.at,
            "payload": json.loads(row.payload), "prev_hash": row.prev_hash, "hash": row.hash}


def pull(db: Session, device: Device, *, after: int, limit: int) -> dict[str, Any]:
    """Events of the other desks of this device's site, in arrival order, after a cursor."""
    rows = db.scalars(
        select(EventRow)
        .where(EventRow.site_id == device.site_id, EventRow.device_id != device.id,
               EventRow.id > after)
        .order_by(EventRow.id)
        .limit(limit)
    ).all()
    # The site's revoked desks: the others refuse vouchers of theirs they have not seen arrive
    # here (a stolen desk's key would otherwise sign vouchers the other desks accept).
    revoked = db.scalars(select(Device.id).where(Device.site_id == device.site_id,
                                                 Device.revoked_at.is_not(None))
                         .order_by(Device.id)).all()
    return {"events": [row_to_wire(row) for row in rows],
            "next": rows[-1].id if rows else after, "revoked_devices": list(revoked)}


def policy_for(db: Session, device: Device, *, have: int) -> dict[str, Any] | None:
    row = db.scalar(select(PolicyVersion).where(PolicyVersion.site_id == device.site_id)
                    .order_by(PolicyVersion.version.desc()).limit(1))
    if row is None or row.version <= have:
        return None
    return {"version": row.version, "policy": json.loads(row.body)}
