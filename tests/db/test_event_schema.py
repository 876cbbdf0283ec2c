"""One schema per event kind (db/event_schema.py): every kind the desk folds has one, the desk's
own payloads fit, and a payload that breaks it is named by its field."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import event_schema
from db.event_schema import MAX_PAYLOAD_BYTES, SchemaError, check_payload, problem
from db.eventlog import EVENT_KINDS
from desktop.core import fold
from tests.headoffice.event_samples import SAMPLES, STALLERS, spoiled

CASE = "0b5e8c1d-2a3f-4e6d-8c7b-9a0f1e2d3c4b"


def test_every_kind_the_desk_knows_or_folds_has_a_schema() -> None:
    # A kind added to the log (db/eventlog.py) or the fold (desktop/core/fold.py) needs its
    # entry in db/event_schema.SCHEMAS, or desks and head office cannot check it.
    known = set(event_schema.known_kinds())
    assert set(EVENT_KINDS) - known == set()
    assert set(fold._HANDLERS) - known == set()


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_a_sound_payload_of_each_kind_fits(kind: str) -> None:
    assert problem(kind, CASE, SAMPLES[kind]) is None


@pytest.mark.parametrize(("kind", "payload", "field"), STALLERS)
def test_the_payloads_that_stalled_a_site_are_named_by_field(kind: str, payload: dict[str, Any],
                                                            field: str) -> None:
    with pytest.raises(SchemaError) as refused:
        check_payload(kind, CASE, payload)
    assert refused.value.field == field
    assert str(refused.value).startswith(f"{field}: ")


@pytest.mark.parametrize(("kind", "payload", "expected"), [
    ("case.opened", SAMPLES["case.opened"], None),
    ("compensation.granted", {**SAMPLES["compensation.granted"], "value_minor": True},
     "payload.value_minor: expected a whole number"),
    ("compensation.granted", {**SAMPLES["compensation.granted"], "value_minor": 10**13 + 1},
     "payload.value_minor: must be between 0 and 10000000000000"),
    ("compensation.granted", {**SAMPLES["compensation.granted"], "currency": "eur"},
     "payload.currency: expected a currency code of three capital letters"),
    ("shift.started", {"shift_id": "Shift 1"},
     "payload.shift_id: expected a UUID in lower-case canonical form"),
    ("note.added", {"text": "x" * 20_001}, "payload.text: longer than 20000 characters"),
    ("voucher.redeemed", {**SAMPLES["voucher.redeemed"], "claim": {"voucher_id": 1}},
     "payload.claim.voucher_id: expected a UUID in lower-case canonical form"),
    ("approval.given", {**SAMPLES["approval.given"], "breaches": ["a", 2]},
     "payload.breaches[1]: expected text"),
    # An apology's first print carries its letter (issue 16): checked on desk and head office.
    ("slip.printed", {"kind": "apology", "print_no": 1, "letter": "Dear Ann,\n\nSorry.",
                      "language": "en", "signature": "Harbour Hotel", "edited": True}, None),
    ("slip.printed", {"kind": "apology", "print_no": 1, "letter": ["Dear Ann,"]},
     "payload.letter: expected text"),
    ("slip.printed", {"kind": "apology", "print_no": 1, "letter": "x", "edited": "yes"},
     "payload.edited: expected true or false"),
    ("slip.printed", {"kind": "apology", "print_no": 1, "letter": "x" * 20_001},
     "payload.letter: longer than 20000 characters"),
])
def test_types_sizes_and_formats(kind: str, payload: dict[str, Any], expected: str | None
                                 ) -> None:
    assert problem(kind, CASE, payload) == expected


def test_a_case_opened_needs_its_case() -> None:
    assert problem("case.opened", None, SAMPLES["case.opened"]) == (
        "case_id: missing (this kind of event belongs to a case)")


def test_a_payload_is_bounded_in_bytes_whatever_its_kind() -> None:
    big = {"text": "é" * 100, "extra": "李" * (MAX_PAYLOAD_BYTES // 3)}  # 3 bytes each
    assert problem("note.added", CASE, big) == "payload: larger than 256 KiB"
    assert problem("future.kind", CASE, big) is not None
    with pytest.raises(SchemaError):
        check_payload("future.kind", CASE, big)
    # Under the bound in bytes though over it in a naive 4-bytes-a-character estimate.
    assert problem("note.added", CASE, {"text": "a" * 20_000, "b": "b" * 60_000}) is None


def test_a_kind_without_a_schema_is_unknown_not_wrong() -> None:
    assert problem("staff.badge_issued", None, {"anything": 1}) == (
        "kind: 'staff.badge_issued' is not a kind this version of Amends knows")
    check_payload("staff.badge_issued", None, {"anything": 1})  # only the size is checked


def test_fields_a_schema_does_not_name_are_allowed() -> None:
    assert problem("note.added", CASE, {"text": "hi", "mood": {"stars": 5}}) is None


def test_adding_a_kind_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    schemas = dict(event_schema.SCHEMAS)
    schemas["staff.added"] = event_schema.kind(
        required={"staff_id": event_schema.ID, "name": event_schema.text(200),
                  "role": event_schema.one_of("agent", "supervisor", "manager")})
    monkeypatch.setattr(event_schema, "SCHEMAS", schemas)
    good = {"staff_id": CASE, "name": "Maya", "role": "agent"}
    assert problem("staff.added", None, good) is None
    assert problem("staff.added", None, {**good, "role": "owner"}) == (
        "payload.role: expected one of agent, manager, supervisor")


@settings(max_examples=300, deadline=None)
@given(spoiled(), st.none() | st.just(CASE))
def test_any_payload_gets_a_verdict_never_a_crash(event: tuple[str, dict[str, Any]],
                                                   case_id: str | None) -> None:
    kind, payload = event
    verdict = problem(kind, case_id, payload)
    assert verdict is None or verdict.split(":")[0] in {"case_id", "payload"} or (
        verdict.startswith("payload."))
