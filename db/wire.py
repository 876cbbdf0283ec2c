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


# --- field checks ----------------------------------------------------------------------------


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


# --- enrol -----------------------------------------------------------------------------------


class SiteInfo(TypedDict):
    name: str
    currency: str
    timezone: str


class EnrolRequest(TypedDict):
    code: str
    device_id: str
    device_name: str
    site: SiteInfo
    voucher_public_key: str | None  # 64 hex digits: the raw Ed25519 public key


class EnrolAnswer(TypedDict):
    token: str
    site_id: str
    site_name: str
    currency: str
    timezone: str


def enrol_request(*, code: str, device_id: str, device_name: str, site: SiteInfo,
                  voucher_public_key: str | None) -> EnrolRequest:
    return {"code": code, "device_id": device_id, "device_name": device_name, "site": site,
            "voucher_public_key": voucher_public_key}


def parse_enrol_request(body: Any) -> EnrolRequest:
    """An enrolment request, with the device name's white space collapsed and the currency in
    upper case."""
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
    key = body.get("voucher_public_key")
    if key is not None and (not isinstance(key, str) or not KEY_RE.fullmatch(key)):
        raise WireError("voucher_public_key: expected a raw 32-byte Ed25519 key as 64 hex "
                        "digits, or null")
    return enrol_request(code=code, device_id=device_id, device_name=device_name,
                         site={"name": name, "currency": currency, "timezone": timezone},
                         voucher_public_key=key)


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


# --- push ------------------------------------------------------------------------------------


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


# --- pull ------------------------------------------------------------------------------------


class PullPage(TypedDict):
    events: list[WireEvent]
    next: int
    revoked_devices: list[str]
    # Staff ids head office deactivated at the site: each desk records them in its own log.
    deactivated_staff: list[str]


def pull_page(events: list[WireEvent], next_cursor: int, revoked_devices: list[str],
              deactivated_staff: list[str] | None = None) -> PullPage:
    return {"events": events, "next": next_cursor, "revoked_devices": revoked_devices,
            "deactivated_staff": list(deactivated_staff or [])}


@dataclass(frozen=True, slots=True)
class Page:
    """A pull page as the desk reads it; the events still as JSON (``events_from_wire``)."""

    events: list[Any]
    next: int
    revoked_devices: list[str] | None  # None: a head office from before revocation lists
    deactivated_staff: list[str] = field(default_factory=list)


def parse_pull_page(data: Mapping[str, Any]) -> Page:
    raw = data.get("events")
    next_cursor = data.get("next")
    if not isinstance(raw, list) or not isinstance(next_cursor, int):
        raise WireError("events page is malformed")
    retired = data.get("deactivated_staff", [])  # absent from a head office before rosters
    if not isinstance(retired, list) or not all(isinstance(i, str) for i in retired):
        raise WireError("list of deactivated staff is malformed")
    revoked = data.get("revoked_devices")
    if not isinstance(revoked, list):
        return Page(raw, next_cursor, None, retired)
    if not all(isinstance(device_id, str) for device_id in revoked):
        raise WireError("list of revoked desks is malformed")
    return Page(raw, next_cursor, revoked, retired)


def events_from_wire(raw: Sequence[Any]) -> list[Event]:
    """Events as pulled; ValueError or TypeError for one that is not an event."""
    return [Event.from_wire(item) for item in raw]


# --- policy ----------------------------------------------------------------------------------


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
