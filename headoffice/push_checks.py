"""Checking a push before the database is touched: the careful way, and the quick way.

The careful way (``parse_push``, ``check_events``) looks at each event and says precisely what
is wrong (403 another device's event, 422 a field that cannot be stored). The quick way
(``PlainBatch.of``) checks a push in the usual shape a column at a time and only says yes or
no; a no goes the careful way. ``headoffice.push`` stores what passed.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from db import wire
from db.event_schema import SchemaError, check_payload
from db.eventlog import Event, hash_columns, payload_json_and_hash
from db.wire import (
    AT_RE,
    CONTROL_CHARS,
    CONTROL_RE,
    HASH_RE,
    KIND_RE,
    MAX_REF,
    MAX_SEQ,
    UUID_RE,
    PushRequest,
    check_text,
    check_uuid,
)
from headoffice.errors import ServiceError, bad, unprocessable


def _lines_of(pattern: str) -> re.Pattern[str]:
    """Lines of ``pattern`` joined by newlines: a whole column of a push checked in one match
    (none of the patterns matches a newline, so no value can hide one)."""
    return re.compile(f"(?:{pattern}\n)*{pattern}")


UUID_LINES = _lines_of(UUID_RE.pattern)
HASH_LINES = _lines_of(HASH_RE.pattern)
AT_LINES = _lines_of(AT_RE.pattern)
KIND_LINES = _lines_of(KIND_RE.pattern)
REF_LINES = _lines_of(f"[^{CONTROL_CHARS}]{{0,{MAX_REF}}}")  # what _ref_ok accepts


def parse_push(body: Any) -> PushRequest:
    """Check a push body's shape (``db.wire.parse_push``; 422 if it is wrong); the chain itself
    is checked against the store later."""
    with unprocessable():
        return wire.parse_push(body)


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
    with unprocessable():
        check_uuid(event.id, f"{where}.id")
    if not 1 <= event.seq <= MAX_SEQ:
        raise bad(f"{where}.seq: must be between 1 and {MAX_SEQ}")
    if event.seq <= previous:
        raise bad(f"{where}.seq: events must be in ascending seq order without repeats")
    if not KIND_RE.fullmatch(event.kind):
        raise bad(f"{where}.kind: not an event kind")
    for name in ("case_id", "actor"):
        value = getattr(event, name)
        if value is not None:
            with unprocessable():
                check_text(value, f"{where}.{name}", max_len=MAX_REF, allow_empty=True)
    if not AT_RE.fullmatch(event.at):
        raise bad(f"{where}.at: expected UTC time like 2026-01-31T09:15:00.000000Z")
    for name in ("prev_hash", "hash"):
        if not HASH_RE.fullmatch(getattr(event, name)):
            raise bad(f"{where}.{name}: expected 64 lower-case hex digits")
    raise AssertionError("_refuse_event called for an event without a fault")



# The fields of a wire event, in the order db.wire.WireEvent names them (unpacked below).
_WIRE_FIELDS = operator.itemgetter(*wire.WireEvent.__annotations__)


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
        if digests != hashes or not _all_fit(kinds, case_ids, payloads, payload_jsons):
            return None
        return cls(device_id, chain_head, ids, seqs, kinds, case_ids, actors, ats, payloads,
                   prev_hashes, hashes, payload_jsons)


def _all_fit(kinds: list[str], case_ids: list[str | None], payloads: list[dict[str, Any]],
             payload_jsons: list[str]) -> bool:
    """Whether every event fits its kind's schema (a no goes the careful way, which stores
    the events before the first that does not, refuses it with 409 and flags it)."""
    try:
        for kind, case_id, payload, payload_json in zip(kinds, case_ids, payloads,
                                                        payload_jsons, strict=True):
            check_payload(kind, case_id, payload, payload_json)
    except SchemaError:
        return False
    return True
