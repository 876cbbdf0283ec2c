"""What each kind of event must carry: one schema per kind, read by the desk and head office.

A schema names the payload fields a kind requires and those it may carry, each with a check
(type, size, format: ids, UTC times as the log writes them, money as bounded whole numbers,
currency codes, enumerations). Fields a schema does not name are allowed (a newer build may
add some; the fold ignores them). Required means the fold cannot apply the event without it:
every desk of the site folds every event, so an event that breaks its schema would fail on
all of them.

Who checks: the desk before it writes one of its own events (``desktop.core.caselog.append``),
head office before it stores a pushed one (``headoffice.push``), and a desk before it folds a
pulled one (an event it cannot apply is held in quarantine, ``desktop.core.quarantine``).

A kind this build does not know has no schema: ``problem`` says so, and head office stores
such events as they come (a newer desk may have written them; desks of this build hold them
until they are upgraded). Adding a kind is one entry in ``SCHEMAS``::

    "staff.added": kind(required={"staff_id": ID, "name": text(200), "role": one_of(*ROLES)}),
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from db.eventlog import canonical_json
from db.money import MAX_MINOR  # money in minor units, as the desk accepts it
from db.policy import ROLES
from db.wire import AT_RE, CONTROL_RE, MAX_REF, UUID_RE

# One event's payload, as canonical JSON encoded in UTF-8. The largest the desk writes is a
# case closed with two texts of MAX_TEXT characters; even in four-byte characters, or with
# every character a control escaped as \u0000, that is well under this.
MAX_PAYLOAD_BYTES = 256 * 1024
MAX_TEXT = 20_000  # free text a person types (a guest's account can be long)
MAX_HEADER_TEXT = 500  # a case's header fields (guest, room, outlet, category, severity)
MAX_SHORT = 64  # codes and names of things: a gesture type, an outcome, a step
MAX_LIST = 64
MAX_TOKEN = 4096  # a voucher's signed QR token

HEX64_RE = re.compile(r"[0-9a-f]{64}")
CURRENCY_RE = re.compile(r"[A-Z]{3}")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
VOUCHER_CODE_RE = re.compile(r"[0-9A-Z-]{4,32}")

# A check takes a value and the field's name, and raises SchemaError if the value is wrong.
Check = Callable[[Any, str], None]


class SchemaError(ValueError):
    """A payload that breaks its kind's schema; ``field`` is where (``payload.shift_id``)."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


# --- checks of one value ---------------------------------------------------------------------


def text(max_len: int = MAX_TEXT, *, allow_empty: bool = True) -> Check:
    """Text of at most ``max_len`` characters (a person's text may hold new lines)."""

    def check(value: Any, name: str) -> None:
        if not isinstance(value, str):
            raise SchemaError(name, "expected text")
        if len(value) > max_len:
            raise SchemaError(name, f"longer than {max_len} characters")
        if not allow_empty and not value.strip():
            raise SchemaError(name, "must not be empty")

    return check


def matching(pattern: re.Pattern[str], what: str) -> Check:
    def check(value: Any, name: str) -> None:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise SchemaError(name, f"expected {what}")

    return check


def whole(lo: int, hi: int) -> Check:
    """A whole number (not true/false, not 1.0, not "12") from ``lo`` to ``hi``."""

    def check(value: Any, name: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SchemaError(name, "expected a whole number")
        if not lo <= value <= hi:
            raise SchemaError(name, f"must be between {lo} and {hi}")

    return check


def one_of(*values: str) -> Check:
    allowed = frozenset(values)

    def check(value: Any, name: str) -> None:
        if value not in allowed:
            raise SchemaError(name, f"expected one of {', '.join(sorted(allowed))}")

    return check


def or_null(inner: Check) -> Check:
    def check(value: Any, name: str) -> None:
        if value is not None:
            inner(value, name)

    return check


def list_of(inner: Check, max_items: int = MAX_LIST) -> Check:
    def check(value: Any, name: str) -> None:
        if not isinstance(value, list):
            raise SchemaError(name, "expected a list")
        if len(value) > max_items:
            raise SchemaError(name, f"more than {max_items} items")
        for index, item in enumerate(value):
            inner(item, f"{name}[{index}]")

    return check


def _ref(value: Any, name: str) -> None:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_REF or CONTROL_RE.search(value):
        raise SchemaError(name, f"expected an id of 1 to {MAX_REF} characters")


ID = matching(UUID_RE, "a UUID in lower-case canonical form")
REF: Check = _ref  # someone's or something's id (staff ids are UUIDs at the desk)
TIME = matching(AT_RE, "UTC time like 2026-01-31T09:15:00.000000Z")
DATE = matching(DATE_RE, "a date like 2026-01-31")
MONEY = whole(0, MAX_MINOR)
CURRENCY = matching(CURRENCY_RE, "a currency code of three capital letters")
HEX64 = matching(HEX64_RE, "64 lower-case hex digits")
SHORT = text(MAX_SHORT)
HEADER = text(MAX_HEADER_TEXT)


# --- schemas ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Schema:
    """The payload fields of one kind: required and optional, each with its check."""

    required: Mapping[str, Check]
    optional: Mapping[str, Check] = field(default_factory=dict)
    # The event's case_id must be set: the fold makes a case of it, or a row that needs one.
    needs_case: bool = False

    def check(self, payload: Mapping[str, Any], where: str = "payload") -> None:
        for name, check in self.required.items():
            if name not in payload:
                raise SchemaError(f"{where}.{name}", "missing")
            check(payload[name], f"{where}.{name}")
        for name, check in self.optional.items():
            if name in payload:
                check(payload[name], f"{where}.{name}")


def kind(required: Mapping[str, Check] | None = None, optional: Mapping[str, Check] | None = None,
         *, needs_case: bool = False) -> Schema:
    """One kind's schema: ``kind(required={"shift_id": ID})``."""
    return Schema(dict(required or {}), dict(optional or {}), needs_case)


def nested(schema: Schema) -> Check:
    """An object inside a payload, checked against ``schema``."""

    def check(value: Any, name: str) -> None:
        if not isinstance(value, Mapping):
            raise SchemaError(name, "expected an object")
        schema.check(value, name)

    return check


def _flag(value: Any, name: str) -> None:
    if not isinstance(value, bool):
        raise SchemaError(name, "expected true or false")


FLAG: Check = _flag
_PIN_HASH = text(512, allow_empty=False)
_HEADER_FIELDS: dict[str, Check] = {
    **{name: HEADER for name in ("guest_name", "location", "outlet", "category", "severity")},
    # A code (en, de, ja…); not an enumeration, so a newer build's language still applies.
    "guest_language": SHORT}
_CLAIM = kind(required={"voucher_id": ID, "code": matching(VOUCHER_CODE_RE, "a voucher code"),
                        "value_minor": MONEY, "currency": CURRENCY, "issued_at": TIME,
                        "expires_on": DATE},
              optional={"site_id": REF, "device_id": REF, "description": text(),
                        "guest_name": HEADER})
_APPROVAL = kind(required={"approval_id": ID},
                 optional={"grant_id": or_null(ID), "requested_by": or_null(REF),
                           "reason": text(), "value_minor": MONEY, "description": text(),
                           "breaches": list_of(SHORT)}, needs_case=True)

SCHEMAS: dict[str, Schema] = {
    "shift.started": kind(required={"shift_id": ID}),
    "shift.ended": kind(required={"shift_id": ID}),
    "case.opened": kind(optional={**_HEADER_FIELDS, "shift_id": or_null(ID),
                                  "started_at": TIME}, needs_case=True),
    "case.updated": kind(optional=_HEADER_FIELDS),
    "step.done": kind(optional={"step": SHORT, **{name: text() for name in (
        "account", "apology", "guest_view", "good_outcome", "fix_action", "root_cause",
        "detail", "skipped")}}),
    "followup.due": kind(required={"due_at": TIME}),
    "followup.done": kind(optional={"note": text()}),
    "case.closed": kind(optional={"root_cause": text(), "detail": text(), "outcome": SHORT}),
    "compensation.granted": kind(
        required={"grant_id": ID, "gesture_type": SHORT, "value_minor": MONEY,
                  "currency": CURRENCY},
        optional={"shift_id": or_null(ID), "description": text(),
                  "approval_id": or_null(ID)}, needs_case=True),
    "approval.given": _APPROVAL,
    "approval.declined": _APPROVAL,
    "correction.recorded": kind(required={"correction_id": ID, "value_minor": MONEY,
                                          "currency": CURRENCY},
                                optional={"description": text()}, needs_case=True),
    "note.added": kind(optional={"text": text()}, needs_case=True),
    "voucher.issued": kind(required={**_CLAIM.required, "public_key": HEX64,
                                     "token": text(MAX_TOKEN, allow_empty=False)},
                           optional={**_CLAIM.optional, "grant_id": or_null(ID)}),
    "voucher.redeemed": kind(required={"voucher_id": ID},
                             optional={"code": SHORT, "device": or_null(REF),
                                       "claim": nested(_CLAIM), "token": text(MAX_TOKEN)}),
    "voucher.voided": kind(required={"voucher_id": ID},
                           optional={"code": SHORT, "reason": text()}),
    # An apology's first print carries the letter as printed, so every reprint is the same.
    "slip.printed": kind(optional={"kind": SHORT, "voucher_id": ID, "code": SHORT,
                                   "print_no": whole(1, 1_000_000), "letter": text(),
                                   "language": SHORT, "signature": HEADER, "edited": FLAG}),
    # Hand-offs (desktop/core/handoff_fold.py).
    "case.handed_off": kind(required={"handoff_id": ID, "to_kind": one_of("staff", "department"),
                                      "to_id": text(MAX_HEADER_TEXT, allow_empty=False)},
                            optional={"to_name": HEADER, "note": text()}, needs_case=True),
    "handoff.done": kind(required={"handoff_id": ID}, optional={"note": text()},
                         needs_case=True),
    # The roster (db/roster.py folds these). Staff ids are REFs: a store upgraded from rows
    # keeps the ids it had. A PIN hash is the scrypt string of desktop/core/pins.py.
    "staff.added": kind(required={"staff_id": REF,
                                  "name": text(MAX_HEADER_TEXT, allow_empty=False),
                                  "role": one_of(*ROLES), "pin_hash": _PIN_HASH},
                        optional={"upgraded": FLAG}),
    "staff.role_changed": kind(required={"staff_id": REF, "role": one_of(*ROLES)}),
    "staff.deactivated": kind(required={"staff_id": REF},
                              optional={"upgraded": FLAG, "by_head_office": FLAG}),
    "staff.pin_reset": kind(required={"staff_id": REF}),
    "staff.pin_set": kind(required={"staff_id": REF, "pin_hash": _PIN_HASH}),
    "staff.pin_changed": kind(required={"staff_id": REF, "pin_hash": _PIN_HASH}),
    "staff.pin_failed": kind(required={"staff_id": REF}),
    "staff.pin_ok": kind(required={"staff_id": REF}),
}


# --- the verdict -------------------------------------------------------------------------------


def is_known(event_kind: str) -> bool:
    return event_kind in SCHEMAS


def known_kinds() -> Iterable[str]:
    return SCHEMAS.keys()


def check_payload(event_kind: str, case_id: str | None, payload: Any,
                  payload_json: str | None = None) -> None:
    """Raise SchemaError if the payload (or the case id) breaks the schema of ``event_kind``,
    or the payload is larger than MAX_PAYLOAD_BYTES. A kind without a schema passes: the
    caller decides what an unknown kind means (``is_known``).

    ``payload_json``: the payload's canonical JSON if the caller already made it.
    """
    if not isinstance(payload, Mapping):
        raise SchemaError("payload", "expected an object")
    encoded = canonical_json(dict(payload)) if payload_json is None else payload_json
    # Each character is at most 4 bytes in UTF-8: encode only when that bound is too high.
    if len(encoded) * 4 > MAX_PAYLOAD_BYTES and len(encoded.encode("utf-8",
                                                                   "surrogatepass")
                                                    ) > MAX_PAYLOAD_BYTES:
        raise SchemaError("payload", f"larger than {MAX_PAYLOAD_BYTES // 1024} KiB")
    schema = SCHEMAS.get(event_kind)
    if schema is None:
        return
    if schema.needs_case and not case_id:
        raise SchemaError("case_id", "missing (this kind of event belongs to a case)")
    schema.check(payload)


def problem(event_kind: str, case_id: str | None, payload: Any,
            payload_json: str | None = None) -> str | None:
    """What is wrong with an event's kind or payload for this build, or None if nothing."""
    if not is_known(event_kind):
        return f"kind: {event_kind!r} is not a kind this version of Amends knows"
    try:
        check_payload(event_kind, case_id, payload, payload_json)
    except SchemaError as error:
        return str(error)
    return None
