"""The event format of the case log and its hash chain: the one place that defines both.

An event is immutable once written. Its hash is SHA-256 over the canonical JSON of every field
except the hash itself, so it covers ``prev_hash`` and therefore the whole chain before it.
The desk, the sync client and head office all use these functions; nobody hashes events by hand.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from json.encoder import encode_basestring as _json_text  # what json.dumps does to a str
from typing import Any

GENESIS_HASH = "0" * 64

# The kinds of event a case log may hold. Adding one is fine; renaming one breaks old logs.
EVENT_KINDS = frozenset(
    {
        "shift.started",
        "shift.ended",
        "case.opened",
        "case.updated",
        "step.done",
        "compensation.granted",
        "correction.recorded",
        "approval.given",
        "approval.declined",
        "voucher.issued",
        "voucher.redeemed",
        "voucher.voided",
        "slip.printed",
        "followup.due",
        "followup.done",
        "case.closed",
        "note.added",
        "case.handed_off",
        "handoff.done",
        # the site's roster (desktop.core.staff_fold)
        "staff.added",
        "staff.role_changed",
        "staff.deactivated",
        "staff.pin_reset",
        "staff.pin_set",
        "staff.pin_changed",
        "staff.pin_failed",
        "staff.pin_ok",
    }
)


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the append-only case log, exactly as it travels and is hashed."""

    id: str
    device_id: str
    seq: int
    kind: str
    case_id: str | None
    actor: str | None
    at: str  # ISO-8601 UTC with a trailing "Z", microsecond precision
    payload: Mapping[str, Any]
    prev_hash: str
    hash: str

    def to_wire(self) -> dict[str, Any]:
        """A plain dict for JSON transport."""
        data = asdict(self)
        data["payload"] = dict(self.payload)
        return data

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Event:
        """Build an event from its transport form, checking the field types strictly."""
        fields = _plain_fields(data)
        if fields is not None:
            return cls(*fields)
        try:
            event = cls(
                id=_str(data["id"]),
                device_id=_str(data["device_id"]),
                seq=_int(data["seq"]),
                kind=_str(data["kind"]),
                case_id=None if data.get("case_id") is None else _str(data["case_id"]),
                actor=None if data.get("actor") is None else _str(data["actor"]),
                at=_str(data["at"]),
                payload=_mapping(data["payload"]),
                prev_hash=_str(data["prev_hash"]),
                hash=_str(data["hash"]),
            )
        except KeyError as missing:
            raise ValueError(f"event field missing: {missing}") from None
        return event


def _plain_fields(data: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The fields in order when each has exactly the type parsed JSON gives, else None.

    The quick path of ``from_wire`` (head office parses thousands of events per push); anything
    else goes the careful way, which says what is wrong.
    """
    get = data.get
    fields = (get("id"), get("device_id"), get("seq"), get("kind"), get("case_id"),
              get("actor"), get("at"), get("payload"), get("prev_hash"), get("hash"))
    id_, device_id, seq, kind, case_id, actor, at, payload, prev_hash, digest = fields
    if (type(id_) is str and type(device_id) is str and type(seq) is int
            and type(kind) is str and (case_id is None or type(case_id) is str)
            and (actor is None or type(actor) is str) and type(at) is str
            and type(payload) is dict and type(prev_hash) is str and type(digest) is str):
        return fields
    return None


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {type(value).__name__}")
    return value


def _mapping(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"expected an object, got {type(value).__name__}")
    return value


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                              allow_nan=False)


def _c_canonical() -> Callable[[Any, int], Any] | None:
    """The C encoder ``json.dumps`` makes for the canonical settings, made once.

    ``json.dumps`` builds a new encoder for every call, which costs more than encoding a
    small payload; head office encodes one per pushed event. Without circular-reference
    markers the encoder keeps no state between calls, so threads may share it (a cycle ends
    in RecursionError instead of ValueError). Used only if it encodes exactly as ``dumps``.
    """
    try:
        from json.encoder import c_make_encoder  # type: ignore[attr-defined]

        encode = c_make_encoder(None, _CANONICAL.default, _json_text, None, ":", ",", True,
                                False, False)
        sample = {"b": [1, 2.5, -0.0, 1e300, None, True, "é\n\u2028\x00"], "a": {"z": "\""}}
        dumped = json.dumps(sample, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                            allow_nan=False)
        return encode if "".join(encode(sample, 0)) == dumped else None
    except Exception:  # another interpreter's json internals: the general way is correct
        return None


_C_CANONICAL = _c_canonical()


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no spaces and real Unicode: the same bytes on every machine."""
    if _C_CANONICAL is not None and type(value) is dict:
        return "".join(_C_CANONICAL(value, 0))
    return _CANONICAL.encode(value)


def event_hash(
    *,
    id: str,
    device_id: str,
    seq: int,
    kind: str,
    case_id: str | None,
    actor: str | None,
    at: str,
    payload: Mapping[str, Any],
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of the canonical JSON of an event without its own hash."""
    body = {
        "id": id,
        "device_id": device_id,
        "seq": seq,
        "kind": kind,
        "case_id": case_id,
        "actor": actor,
        "at": at,
        "payload": payload,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def payload_json_and_hash(event: Event) -> tuple[str, str]:
    """``canonical_json(event.payload)`` and ``event_hash`` of the event, the payload encoded
    once: head office stores the one and checks the other.

    Fields of other types than ``from_wire`` lets through take ``event_hash``'s general way.
    """
    if not (type(event.seq) is int and type(event.id) is str and type(event.device_id) is str
            and type(event.kind) is str and type(event.at) is str
            and type(event.prev_hash) is str
            and (event.case_id is None or type(event.case_id) is str)
            and (event.actor is None or type(event.actor) is str)):
        return canonical_json(event.payload), event_hash(
            id=event.id, device_id=event.device_id, seq=event.seq, kind=event.kind,
            case_id=event.case_id, actor=event.actor, at=event.at, payload=event.payload,
            prev_hash=event.prev_hash)
    payload_json = canonical_json(event.payload)
    return payload_json, hashlib.sha256(_hashed_text(
        event.id, _json_text(event.device_id), event.seq, event.kind, event.case_id, event.actor,
        event.at, payload_json, event.prev_hash)).hexdigest()


def hash_columns(ids: Sequence[str], device_id: str, seqs: Sequence[int],
                 kinds: Sequence[str], case_ids: Sequence[str | None],
                 actors: Sequence[str | None], ats: Sequence[str],
                 payloads: Sequence[Mapping[str, Any]], prev_hashes: Sequence[str]
                 ) -> tuple[list[str], list[str]]:
    """Each payload's canonical JSON and each event's hash, for one device's events given
    field by field (head office checks pushes of thousands a column at a time).

    Only for the types ``from_wire`` lets through: text, whole-number seqs, None for a
    missing case id or actor.
    """
    payload_jsons = [canonical_json(payload) for payload in payloads]
    device, sha256, body = _json_text(device_id), hashlib.sha256, _hashed_text
    digests = [sha256(body(id_, device, seq, kind, case_id, actor, at, payload_json, prev)
                      ).hexdigest()
               for id_, seq, kind, case_id, actor, at, payload_json, prev in zip(
                   ids, seqs, kinds, case_ids, actors, ats, payload_jsons, prev_hashes,
                   strict=True)]
    return payload_jsons, digests


def _hashed_text(id_: str, device_json: str, seq: int, kind: str, case_id: str | None,
                 actor: str | None, at: str, payload_json: str, prev_hash: str) -> bytes:
    """What ``event_hash`` hashes, assembled as text around the payload's canonical JSON.

    With the keys in sorted order and each value encoded as ``json.dumps`` encodes it, this is
    byte for byte what ``canonical_json`` makes of the body (tests compare the two), without
    encoding the payload twice. ``device_json``: the device id already encoded.
    """
    text = _json_text
    return (f'{{"actor":{"null" if actor is None else text(actor)},"at":{text(at)},'
            f'"case_id":{"null" if case_id is None else text(case_id)},'
            f'"device_id":{device_json},"id":{text(id_)},"kind":{text(kind)},'
            f'"payload":{payload_json},"prev_hash":{text(prev_hash)},'
            f'"seq":{int.__repr__(seq)}}}').encode()


def seal(
    *,
    id: str,
    device_id: str,
    seq: int,
    kind: str,
    case_id: str | None,
    actor: str | None,
    at: str,
    payload: Mapping[str, Any],
    prev_hash: str,
) -> Event:
    """Make an event with its hash computed."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown event kind {kind!r}")
    digest = event_hash(id=id, device_id=device_id, seq=seq, kind=kind, case_id=case_id,
                        actor=actor, at=at, payload=payload, prev_hash=prev_hash)
    return Event(id=id, device_id=device_id, seq=seq, kind=kind, case_id=case_id, actor=actor,
                 at=at, payload=payload, prev_hash=prev_hash, hash=digest)


@dataclass(frozen=True, slots=True)
class ChainFault:
    """Why one device's chain does not verify, naming the first event that breaks it."""

    device_id: str
    seq: int
    event_id: str | None
    problem: str  # "hash mismatch", "broken link", "gap before", "duplicate seq"

    def describe(self) -> str:
        who = f"event {self.event_id}" if self.event_id else "an event"
        return f"{who} (device {self.device_id}, seq {self.seq}): {self.problem}"


def verify_chain(events: Iterable[Event], *, start_seq: int = 1,
                 start_prev_hash: str = GENESIS_HASH,
                 digests: Sequence[str] | None = None) -> ChainFault | None:
    """Check one device's events, in seq order; return the first fault or None.

    ``start_seq``/``start_prev_hash`` let a caller verify a tail of a chain whose head it
    already trusts (head office checks each batch against what it holds). ``digests``, if
    given, are ``event_hash`` of each event, computed by the caller (head office hashes a
    batch once while validating it, instead of twice).
    """
    expected_seq = start_seq
    prev = start_prev_hash
    for index, event in enumerate(events):
        if event.seq != expected_seq:
            problem = ("duplicate seq" if event.seq < expected_seq
                       else f"gap before (expected seq {expected_seq})")
            return ChainFault(event.device_id, event.seq, event.id, problem)
        if event.prev_hash != prev:
            return ChainFault(event.device_id, event.seq, event.id, "broken link to previous event")
        recomputed = digests[index] if digests is not None else event_hash(
            id=event.id, device_id=event.device_id, seq=event.seq, kind=event.kind,
            case_id=event.case_id, actor=event.actor, at=event.at, payload=event.payload,
            prev_hash=event.prev_hash)
        if recomputed != event.hash:
            return ChainFault(event.device_id, event.seq, event.id,
                              "content does not match its hash (edited after it was written)")
        prev = event.hash
        expected_seq += 1
    return None


def json_text(value: str) -> str:
    """A string as canonical JSON encodes it (quoted and escaped)."""
    return _json_text(value)


def event_text_hash(id_: str, device_json: str, seq: int, kind: str, case_id: str | None,
                    actor: str | None, at: str, payload_json: str, prev_hash: str) -> str:
    """``event_hash`` of an event whose payload is already canonical JSON text and whose
    device id is already encoded (``json_text``): bulk writers seal millions this way."""
    return hashlib.sha256(_hashed_text(id_, device_json, seq, kind, case_id, actor, at,
                                       payload_json, prev_hash)).hexdigest()


# A stored event as the desk's ``event`` table holds it, in this column order: id, device_id,
# seq, kind, case_id, actor, at, payload (its canonical JSON text), prev_hash, hash.
STORED_COLUMNS = ("id", "device_id", "seq", "kind", "case_id", "actor", "at", "payload",
                  "prev_hash", "hash")
StoredRow = tuple[Any, Any, Any, Any, Any, Any, Any, Any, Any, Any]


def verify_stored(rows: Iterable[StoredRow], *, start_seq: int = 1,
                  start_prev_hash: str = GENESIS_HASH) -> tuple[ChainFault | None, int, str]:
    """Check one device's stored events (``STORED_COLUMNS``, in seq order) without parsing
    them: each hash is recomputed over the stored payload text as it is.

    Returns the first fault (or None), how many events verified, and the last hash reached.
    What is hashed is ``event_hash``'s text byte for byte (``_hashed_text``); a payload stored
    in any other form than the canonical JSON it was sealed with fails, as it should.
    The tight loop of start-up's tail check and of ``amends doctor``'s whole-chain check.
    """
    sha256, text, body = hashlib.sha256, _json_text, _hashed_text
    expected, prev, count = start_seq, start_prev_hash, 0
    device_json, device_seen = "", None
    for id_, device, seq, kind, case_id, actor, at, payload, prev_hash, digest in rows:
        if device != device_seen:
            device_json, device_seen = text(device) if type(device) is str else "", device
        if seq != expected or type(seq) is not int:
            problem = ("duplicate seq" if type(seq) is int and seq < expected
                       else f"gap before (expected seq {expected})")
            return ChainFault(str(device), _whole(seq), str(id_), problem), count, prev
        if prev_hash != prev:
            return (ChainFault(str(device), seq, str(id_), "broken link to previous event"),
                    count, prev)
        try:
            recomputed = sha256(body(id_, device_json, seq, kind, case_id, actor, at, payload,
                                     prev_hash)).hexdigest()
        except (TypeError, AttributeError):  # a field of the wrong type: not what was sealed
            recomputed = ""
        if recomputed != digest or not device_json:
            return (ChainFault(str(device), seq, str(id_),
                               "content does not match its hash (edited after it was written)"),
                    count, prev)
        prev = digest
        expected += 1
        count += 1
    return None, count, prev


def _whole(value: Any) -> int:
    return value if type(value) is int else -1
