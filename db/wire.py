"""The JSON shapes of head office's sync API, defined once for the desk and head office.

Four exchanges (see docs/headoffice.md): enrol (``POST /api/v1/enroll``), push (``POST
/api/v1/events``), pull (``GET /api/v1/events``) and policy (``GET /api/v1/policy``). For each,
a ``TypedDict`` names the fields, a function builds the JSON one side sends (``enrol_request``,
``push_body``, ``pull_page`` …) and a function reads what the other side sent (``parse_…``),
raising ``WireError`` with a message that names the field. Head office answers a WireError
with 422 and the message as ``detail``; the desk words it for the person at the desk.

The field formats both sides rely on (lower-case UUIDs, 64 hex digit hashes, the fixed UTC
form of ``at``) are here too. Events themselves are ``db.eventlog.Event``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from db.eventlog import Event

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
MAX_REF = 64  # case_id, actor, voucher_id: uuids at the desk, bounded for head office's columns


class WireError(ValueError):
    """JSON that does not have the agreed shape; the message names the field."""


def field_of(body: Mapping[str, Any], name: str) -> Any:
    if name not in body:
        raise WireError(f"{name}: missing")
    return body[name]


def check_text(value: Any, name: str, *, max_len: int, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise WireError(f"{name}: expected text")
    if not allow_empty and not value.strip():
        raise WireError(f"{name}: must not be empty")
    if len(value) > max_len:
        raise WireError(f"{name}: longer than {max_len} characters")
    if CONTROL_RE.search(value):
        raise WireError(f"{name}: contains control characters")
    return value


def check_uuid(value: Any, name: str) -> str:
    if not isinstance(value, str) or not UUID_RE.fullmatch(value):
        raise WireError(f"{name}: expected a UUID in lower-case canonical form")
    return value


class SiteInfo(TypedDict):
    name: str
    currency: str
    timezone: str


class EnrolProof(TypedDict):
    """A desk's proof that it is the desk it says: its identity key's signature (128 hex
    digits) over ``reenrol_message`` with a nonce head office gave it (``/enroll/challenge``)."""

    nonce: str
    signature: str


class EnrolRequest(TypedDict):
    code: str
    device_id: str
    device_name: str
    site: SiteInfo
    voucher_public_key: str | None  # 64 hex digits: the raw Ed25519 public key
    # The desk's identity key (raw Ed25519, 64 hex digits), registered at enrolment.
    device_public_key: str | None
    proof: EnrolProof | None  # needed to re-enrol a known device with a site code


class EnrolAnswer(TypedDict):
    token: str
    site_id: str
    site_name: str
    currency: str
    timezone: str


class ChallengeAnswer(TypedDict):
    device_id: str
    nonce: str
    expires_at: str  # the fixed UTC form of ``at``


NONCE_RE = re.compile(r"[A-Za-z0-9_-]{32,64}")
SIGNATURE_RE = re.compile(r"[0-9a-f]{128}")
REENROL_CONTEXT = b"amends-reenrol-v1"


def reenrol_message(*, device_id: str, nonce: str, device_public_key: str | None) -> bytes:
    """What a desk signs to re-enrol: a fixed context, its device id, head office's one-time
    nonce and the identity key it registers now (so none of them can be swapped)."""
    parts = [REENROL_CONTEXT, device_id.encode(), nonce.encode(),
             (device_public_key or "").lower().encode()]
    return b"\n".join(parts)


def enrol_request(*, code: str, device_id: str, device_name: str, site: SiteInfo,
                  voucher_public_key: str | None, device_public_key: str | None = None,
                  proof: EnrolProof | None = None) -> EnrolRequest:
    return {"code": code, "device_id": device_id, "device_name": device_name, "site": site,
            "voucher_public_key": voucher_public_key, "device_public_key": device_public_key,
            "proof": proof}


def _optional_key(body: Mapping[str, Any], name: str) -> str | None:
    key = body.get(name)
    if key is not None and (not isinstance(key, str) or not KEY_RE.fullmatch(key)):
        raise WireError(f"{name}: expected a raw 32-byte Ed25519 key as 64 hex digits, or null")
    return None if key is None else key.lower()


def parse_proof(value: Any) -> EnrolProof | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise WireError("proof: expected an object with nonce and signature, or null")
    nonce = value.get("nonce")
    if not isinstance(nonce, str) or not NONCE_RE.fullmatch(nonce):
        raise WireError("proof.nonce: expected the nonce head office gave")
    signature = value.get("signature")
    if not isinstance(signature, str) or not SIGNATURE_RE.fullmatch(signature):
        raise WireError("proof.signature: expected an Ed25519 signature as 128 hex digits")
    return {"nonce": nonce, "signature": signature}


def parse_enrol_request(body: Any) -> EnrolRequest:
    """An enrolment request, with the device name's white space collapsed, the currency in
    upper case and keys in lower case."""
    if not isinstance(body, Mapping):
        raise WireError("expected a JSON object")
    code = check_text(field_of(body, "code"), "code", max_len=64)
    device_id = check_uuid(field_of(body, "device_id"), "device_id")
    device_name = " ".join(check_text(field_of(body, "device_name"), "device_name",
                                      max_len=200).split())
    site = field_of(body, "site")
    if not isinstance(site, Mapping):
        raise WireError("site: expected an object with name, currency and timezone")
    name = check_text(field_of(site, "name"), "site.name", max_len=200)
    currency = check_text(field_of(site, "currency"), "site.currency", max_len=3).upper()
    timezone = check_text(field_of(site, "timezone"), "site.timezone", max_len=64)
    return enrol_request(code=code, device_id=device_id, device_name=device_name,
                         site={"name": name, "currency": currency, "timezone": timezone},
                         voucher_public_key=_optional_key(body, "voucher_public_key"),
                         device_public_key=_optional_key(body, "device_public_key"),
                         proof=parse_proof(body.get("proof")))


def challenge_request(*, device_id: str) -> dict[str, str]:
    return {"device_id": device_id}


def parse_challenge_request(body: Any) -> str:
    """The device id a desk asks a re-enrolment nonce for."""
    if not isinstance(body, Mapping):
        raise WireError("expected a JSON object")
    return check_uuid(field_of(body, "device_id"), "device_id")


def challenge_answer(*, device_id: str, nonce: str, expires_at: str) -> ChallengeAnswer:
    return {"device_id": device_id, "nonce": nonce, "expires_at": expires_at}


def parse_challenge_answer(data: Any, device_id: str) -> ChallengeAnswer:
    """Head office's nonce for ``device_id``."""
    if not isinstance(data, Mapping) or data.get("device_id") != device_id:
        raise WireError("device_id: not the device that asked")
    nonce = data.get("nonce")
    if not isinstance(nonce, str) or not NONCE_RE.fullmatch(nonce):
        raise WireError("nonce: missing or malformed")
    return challenge_answer(device_id=device_id, nonce=nonce,
                            expires_at=str(data.get("expires_at", "")))


def enrol_answer(*, token: str, site_id: str, site_name: str, currency: str,
                 timezone: str) -> EnrolAnswer:
    return {"token": token, "site_id": site_id, "site_name": site_name, "currency": currency,
            "timezone": timezone}


def parse_enrol_answer(data: Mapping[str, Any]) -> EnrolAnswer:
    """Head office's answer to an enrolment; only the token is required."""
    token = data.get("token")
    if not isinstance(token, str) or not token:
        raise WireError("token: missing")
    return enrol_answer(token=token, site_id=str(data.get("site_id", "")),
                        site_name=str(data.get("site_name", "")),
                        currency=str(data.get("currency", "")),
                        timezone=str(data.get("timezone", "")))


class WireEvent(TypedDict):
    id: str
    device_id: str
    seq: int
    kind: str
    case_id: str | None
    actor: str | None
    at: str
    payload: Mapping[str, Any]
    prev_hash: str
    hash: str


class PushFaultWire(TypedDict):
    kind: str  # chain_gap, chain_fork, chain_break, event_id_reused
    seq: int
    event_id: str | None


class PushAnswer(TypedDict):
    highest_seq: int


class PushRefusal(TypedDict):
    detail: str
    highest_seq: int
    fault: PushFaultWire


@dataclass(frozen=True, slots=True)
class PushRequest:
    events: list[Event]
    chain_head: str


def event_to_wire(event: Event) -> WireEvent:
    # Event.to_wire uses dataclasses.asdict, which deep-copies every payload: most of the
    # desk's CPU time when draining a large outbox. Nothing here mutates the payload.
    return {"id": event.id, "device_id": event.device_id, "seq": event.seq,
            "kind": event.kind, "case_id": event.case_id, "actor": event.actor,
            "at": event.at, "payload": event.payload, "prev_hash": event.prev_hash,
            "hash": event.hash}


def push_body(events: Sequence[Event], chain_head: str) -> bytes:
    """A push as compact UTF-8 JSON (httpx's json= adds spaces and \\u-escapes all non-ASCII
    text): a smaller body to send and for head office to parse."""
    return json.dumps({"events": [event_to_wire(e) for e in events], "chain_head": chain_head},
                      separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def parse_push(body: Any) -> PushRequest:
    """Check a push body's shape; the chain itself is checked against the store later."""
    if not isinstance(body, Mapping):
        raise WireError("expected a JSON object with events and chain_head")
    raw_events = field_of(body, "events")
    if not isinstance(raw_events, list):
        raise WireError("events: expected a list")
    chain_head = field_of(body, "chain_head")
    if not isinstance(chain_head, str) or not HASH_RE.fullmatch(chain_head):
        raise WireError("chain_head: expected 64 lower-case hex digits")
    events: list[Event] = []
    for index, raw in enumerate(raw_events):
        if not isinstance(raw, Mapping):
            raise WireError(f"events[{index}]: expected an object")
        try:
            event = Event.from_wire(raw)
        except ValueError as error:
            raise WireError(f"events[{index}]: {error}") from None
        events.append(event)
    return PushRequest(events, chain_head)


def push_answer(highest_seq: int) -> PushAnswer:
    return {"highest_seq": highest_seq}


def push_refusal(detail: str, highest_seq: int, *, kind: str, seq: int,
                 event_id: str | None) -> PushRefusal:
    """The 409 body of a push refused at a fault in its chain."""
    return {"detail": detail, "highest_seq": highest_seq,
            "fault": {"kind": kind, "seq": seq, "event_id": event_id}}


def parse_push_answer(data: Mapping[str, Any]) -> int:
    """The ``highest_seq`` of a push's 200 answer."""
    highest = data.get("highest_seq")
    if not isinstance(highest, int):
        raise WireError("highest_seq: missing")
    return highest


@dataclass(frozen=True, slots=True)
class Refusal:
    """What the desk reads of a 409: either may be missing (an older or odd head office)."""

    highest_seq: int | None
    fault_kind: str | None


def parse_push_refusal(data: Mapping[str, Any]) -> Refusal:
    highest = data.get("highest_seq")
    fault = data.get("fault")
    kind = fault.get("kind") if isinstance(fault, dict) else None
    return Refusal(highest if isinstance(highest, int) else None,
                   kind if isinstance(kind, str) else None)


class Withheld(TypedDict):
    """A desk whose chain as held does not verify from ``from_seq`` on: passed over."""
    device_id: str
    from_seq: int
    problem: str


class PullPage(TypedDict):
    events: list[WireEvent]
    next: int
    revoked_devices: list[str]
    withheld: list[Withheld]
    # Staff ids head office deactivated at the site: each desk records them in its own log.
    deactivated_staff: list[str]


def pull_page(events: list[WireEvent], next_cursor: int, revoked_devices: list[str],
              deactivated_staff: list[str] | None = None,
              withheld: list[Withheld] | None = None) -> PullPage:
    return {"events": events, "next": next_cursor, "revoked_devices": revoked_devices,
            "withheld": withheld or [], "deactivated_staff": list(deactivated_staff or [])}


@dataclass(frozen=True, slots=True)
class Page:
    """A pull page as the desk reads it; the events still as JSON (``events_from_wire``)."""

    events: list[Any]
    next: int
    revoked_devices: list[str] | None  # None: a head office from before revocation lists
    deactivated_staff: list[str] = field(default_factory=list)
    withheld: dict[str, Withheld] | None = None  # by device; None: from an older head office


def parse_pull_page(data: Mapping[str, Any]) -> Page:
    raw = data.get("events")
    next_cursor = data.get("next")
    if not isinstance(raw, list) or not isinstance(next_cursor, int):
        raise WireError("events page is malformed")
    retired = data.get("deactivated_staff", [])  # absent from a head office before rosters
    if not isinstance(retired, list) or not all(isinstance(i, str) for i in retired):
        raise WireError("list of deactivated staff is malformed")
    withheld, revoked = _withheld(data.get("withheld")), data.get("revoked_devices")
    if isinstance(revoked, list) and not all(isinstance(d, str) for d in revoked):
        raise WireError("list of revoked desks is malformed")
    return Page(raw, next_cursor, revoked if isinstance(revoked, list) else None, retired,
                withheld)


def _withheld(raw: Any) -> dict[str, Withheld] | None:
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise WireError("list of withheld desks is malformed")
    if not all(isinstance(i, dict) and isinstance(i.get("device_id"), str)
               and type(i.get("from_seq")) is int and isinstance(i.get("problem"), str)
               for i in raw):
        raise WireError("list of withheld desks is malformed")
    return {i["device_id"]: Withheld(device_id=i["device_id"], from_seq=i["from_seq"],
                                     problem=i["problem"]) for i in raw}


def events_from_wire(raw: Sequence[Any]) -> list[Event]:
    """Events as pulled; ValueError or TypeError for one that is not an event."""
    return [Event.from_wire(item) for item in raw]


class PolicyAnswer(TypedDict):
    version: int
    policy: dict[str, Any]  # the document as published; db.policy.parse_policy reads it


def policy_answer(version: int, document: dict[str, Any]) -> PolicyAnswer:
    return {"version": version, "policy": document}


def parse_policy_answer(data: Mapping[str, Any]) -> PolicyAnswer:
    version, document = data.get("version"), data.get("policy")
    if not isinstance(version, int) or not isinstance(document, dict):
        raise WireError("policy answer is malformed")
    return policy_answer(version, document)
