"""A sound payload of each event kind (as the desk writes them), the four payloads of issue 14
that stalled a site, and hypothesis strategies that spoil a sound payload."""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import strategies as st

VOUCHER = "5d1f3a51-7e3a-4a84-9a1e-0b8f8f6c2d11"
SHIFT = "9b4c1e2a-3f5d-4c6b-8a7e-1d2c3b4a5f60"

CLAIM: dict[str, Any] = {
    "voucher_id": VOUCHER, "code": "ABCD2345X", "site_id": str(uuid.UUID(int=7)),
    "device_id": str(uuid.UUID(int=8)), "value_minor": 1500, "currency": "EUR",
    "description": "Café voucher", "guest_name": "Ada Lovelace",
    "issued_at": "2026-11-18T09:15:00.000000Z", "expires_on": "2027-02-16"}

SAMPLES: dict[str, dict[str, Any]] = {
    "shift.started": {"shift_id": SHIFT},
    "shift.ended": {"shift_id": SHIFT},
    "case.opened": {"guest_name": "Ada", "location": "Room 12", "outlet": "Front Desk",
                    "category": "Noise", "severity": "medium", "shift_id": SHIFT,
                    "started_at": "2026-11-18T09:00:00.000000Z"},
    "case.updated": {"location": "Room 14"},
    "step.done": {"step": "listen", "account": "The heating was off all night."},
    "followup.due": {"due_at": "2026-11-18T13:00:00.000000Z"},
    "followup.done": {"note": "called, happy"},
    "case.closed": {"root_cause": "boiler", "detail": "fixed", "outcome": "recovered"},
    "compensation.granted": {"grant_id": str(uuid.UUID(int=1)), "gesture_type": "drink",
                             "description": "Drinks on the house", "value_minor": 1200,
                             "currency": "EUR", "shift_id": SHIFT, "approval_id": None},
    "approval.given": {"approval_id": str(uuid.UUID(int=2)), "grant_id": str(uuid.UUID(int=1)),
                       "requested_by": str(uuid.UUID(int=3)), "reason": "regular guest",
                       "value_minor": 1200, "breaches": ["per_gesture"]},
    "approval.declined": {"approval_id": str(uuid.UUID(int=4)),
                          "requested_by": str(uuid.UUID(int=3)), "reason": "too much",
                          "value_minor": 90000, "description": "a week's stay"},
    "correction.recorded": {"correction_id": str(uuid.UUID(int=5)), "description": "minibar",
                            "value_minor": 800, "currency": "EUR"},
    "note.added": {"text": "Guest called back."},
    "voucher.issued": {**CLAIM, "grant_id": str(uuid.UUID(int=1)), "token": "AMV1.abc.def",
                       "public_key": "ab" * 32},
    "voucher.redeemed": {"voucher_id": VOUCHER, "code": "ABCD2345X",
                         "device": str(uuid.UUID(int=8)), "claim": CLAIM,
                         "token": "AMV1.abc.def"},
    "voucher.voided": {"voucher_id": VOUCHER, "code": "ABCD2345X", "reason": "duplicate"},
    "slip.printed": {"kind": "voucher", "voucher_id": VOUCHER, "code": "ABCD2345X",
                     "print_no": 1},
}

# Issue 14: each was stored by head office and stalled every other desk of the site.
STALLERS: list[tuple[str, dict[str, Any], str]] = [
    ("shift.started", {}, "payload.shift_id"),
    ("compensation.granted", {**SAMPLES["compensation.granted"], "value_minor": "lots"},
     "payload.value_minor"),
    ("followup.due", {"due_at": "tomorrow"}, "payload.due_at"),
    ("voucher.issued", {k: v for k, v in SAMPLES["voucher.issued"].items() if k != "code"},
     "payload.code"),
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6)


@st.composite
def spoiled(draw: st.DrawFn, kinds: list[str] | None = None) -> tuple[str, dict[str, Any]]:
    """A kind and its sound payload, spoiled in one place or left sound: a field dropped, a
    field's value replaced by any JSON value, or a field added."""
    kind = draw(st.sampled_from(kinds or sorted(SAMPLES)))
    payload = dict(SAMPLES.get(kind, {}))
    how = draw(st.sampled_from(["drop", "replace", "add", "sound"]))
    if how == "drop" and payload:
        del payload[draw(st.sampled_from(sorted(payload)))]
    elif how == "replace" and payload:
        payload[draw(st.sampled_from(sorted(payload)))] = draw(json_values)
    elif how == "add":
        payload[draw(st.text(min_size=1, max_size=12))] = draw(json_values)
    return kind, payload
