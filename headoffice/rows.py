"""An event as a row of head office's ``event`` table, and back as wire JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from db.eventlog import Event
from db.wire import AT_RE, MAX_REF, MAX_SEQ, WireEvent
from headoffice.models import EventRow


def event_values(event: Event, site_id: str, received_at: datetime,
                 payload_json: str | None = None) -> dict[str, Any]:
    """The ``event`` table row of one event (every column but the arrival id).

    ``payload_json``: the payload's canonical JSON if already made (``check_events``).
    """
    return row(event.id, event.device_id, event.seq, event.kind, event.case_id, event.actor,
                event.at, event.payload, payload_json, event.prev_hash, event.hash, site_id,
                received_at)


def row(event_id: str, device_id: str, seq: int, kind: str, case_id: str | None,
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
        "voucher_id": ref(payload["voucher_id"]) if "voucher_id" in payload else None,
        "value_minor": _minor(payload["value_minor"]) if "value_minor" in payload else None,
        "currency": _currency(payload["currency"]) if "currency" in payload else None,
        "due_at": _time(payload["due_at"]) if "due_at" in payload else None,
    }


def ref(value: Any) -> str | None:
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


def row_to_wire(row: EventRow) -> WireEvent:
    return {"id": row.event_id, "device_id": row.device_id, "seq": row.seq, "kind": row.kind,
            "case_id": row.case_id, "actor": row.actor, "at": row.at,
            "payload": json.loads(row.payload), "prev_hash": row.prev_hash, "hash": row.hash}

