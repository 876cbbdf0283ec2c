"""The event format and hash chain: deterministic, and any change is caught and named."""

from __future__ import annotations

import json
import platform
import uuid
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db import eventlog
from db.eventlog import (
    GENESIS_HASH,
    Event,
    canonical_json,
    event_hash,
    hash_columns,
    payload_json_and_hash,
    seal,
    verify_chain,
)


def chain(n: int, device: str | None = None) -> list[Event]:
    device = device or str(uuid.uuid4())
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        event = seal(id=str(uuid.uuid4()), device_id=device, seq=seq, kind="note.added",
                     case_id="c1", actor="a1", at=f"2026-11-18T10:00:{seq:02d}.000000Z",
                     payload={"text": f"note {seq} — Zoë <b>&</b>"}, prev_hash=prev)
        events.append(event)
        prev = event.hash
    return events


def test_canonical_json_is_stable_and_unicode() -> None:
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@given(st.dictionaries(st.text(), JSON_VALUES, max_size=6) | JSON_VALUES)
def test_canonical_json_is_exactly_what_json_dumps_makes(value: object) -> None:
    # The hash of every event ever written depends on these bytes: the encoder made once
    # for speed must not differ from json.dumps in anything.
    assert canonical_json(value) == json.dumps(value, sort_keys=True, separators=(",", ":"),
                                               ensure_ascii=False, allow_nan=False)


def test_canonical_json_uses_the_encoder_made_once_on_cpython() -> None:
    if platform.python_implementation() == "CPython":
        assert eventlog._C_CANONICAL is not None


def test_canonical_json_refuses_what_json_cannot_say() -> None:
    loop: dict[str, object] = {}
    loop["self"] = loop
    with pytest.raises((ValueError, RecursionError)):
        canonical_json(loop)
    with pytest.raises(TypeError):
        canonical_json({"when": object()})
    with pytest.raises(ValueError):
        canonical_json({"x": [float("inf")]})


def test_a_sound_chain_verifies() -> None:
    assert verify_chain(chain(5)) is None


def test_hash_covers_every_field() -> None:
    event = chain(1)[0]
    base = event_hash(id=event.id, device_id=event.device_id, seq=event.seq, kind=event.kind,
                      case_id=event.case_id, actor=event.actor, at=event.at,
                      payload=event.payload, prev_hash=event.prev_hash)
    assert base == event.hash
    for field, value in [("id", "x"), ("device_id", "y"), ("seq", 2), ("kind", "case.closed"),
                         ("case_id", None), ("actor", "b"), ("at", "2026-01-01T00:00:00.000000Z"),
                         ("payload", {"text": "other"}), ("prev_hash", "1" * 64)]:
        changed = replace(event, **{field: value})
        assert verify_chain([changed]) is not None, field


def test_edited_payload_is_named() -> None:
    events = chain(4)
    events[2] = replace(events[2], payload={"text": "rewritten"})
    fault = verify_chain(events)
    assert fault is not None
    assert fault.event_id == events[2].id and fault.seq == 3
    assert "edited" in fault.describe()


def test_gap_duplicate_and_broken_link() -> None:
    events = chain(4)
    assert "gap" in verify_chain([events[0], events[2]]).problem  # type: ignore[union-attr]
    assert verify_chain([events[0], events[0]]).problem == "duplicate seq"  # type: ignore[union-attr]
    other = chain(2, device=events[0].device_id)
    fault = verify_chain([events[0], other[1]])
    assert fault is not None and "link" in fault.problem


def test_tail_verification_from_a_trusted_head() -> None:
    events = chain(6)
    assert verify_chain(events[3:], start_seq=4, start_prev_hash=events[2].hash) is None
    assert verify_chain(events[3:], start_seq=4, start_prev_hash=GENESIS_HASH) is not None


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        seal(id="1", device_id="d", seq=1, kind="case.deleted", case_id=None, actor=None,
             at="2026-11-18T10:00:00.000000Z", payload={}, prev_hash=GENESIS_HASH)


@pytest.mark.parametrize("bad", [
    {"seq": "1"}, {"seq": True}, {"payload": []}, {"id": 5}, {"hash": None},
])
def test_from_wire_is_strict(bad: dict) -> None:
    wire = chain(1)[0].to_wire()
    wire.update(bad)
    with pytest.raises(ValueError):
        Event.from_wire(wire)


def test_wire_round_trip() -> None:
    event = chain(1)[0]
    assert Event.from_wire(event.to_wire()) == event
    missing = event.to_wire()
    del missing["prev_hash"]
    with pytest.raises(ValueError, match="prev_hash"):
        Event.from_wire(missing)


TRICKY_TEXTS = ["", "plain", "é Zoë 東京 😀", 'quote " backslash \\ slash /', "tab\tnew\ncr\r",
                "\x00\x01\x1f\x7f\x80\x9f\u2028\u2029\ufeff", "<script>&amp;</script>"]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_payload_json_and_hash_is_event_hash(text: str) -> None:
    payload = {"text": text, text: [1, -2, 3.5, True, None, {"z": text, "a": []}],
               "value_minor": 2**40}
    for case_id, actor in [(None, None), (text, text), ("c1", None)]:
        event = seal(id=str(uuid.uuid4()), device_id=str(uuid.uuid4()), seq=7,
                     kind="note.added", case_id=case_id, actor=actor,
                     at="2026-11-18T10:00:00.000000Z", payload=payload, prev_hash="ab" * 32)
        assert payload_json_and_hash(event) == (canonical_json(payload), event.hash)
        assert Event.from_wire(event.to_wire()) == event


def test_hash_columns_is_event_hash_for_every_event_of_a_batch() -> None:
    device = str(uuid.uuid4())
    events = [seal(id=str(uuid.uuid4()), device_id=device, seq=seq, kind="note.added",
                   case_id=text or None, actor=None if seq % 2 else text,
                   at="2026-11-18T10:00:00.000000Z", payload={"text": text, "n": [seq, 1.5]},
                   prev_hash="ab" * 32)
              for seq, text in enumerate(TRICKY_TEXTS, start=1)]
    payload_jsons, digests = hash_columns(
        [e.id for e in events], device, [e.seq for e in events], [e.kind for e in events],
        [e.case_id for e in events], [e.actor for e in events], [e.at for e in events],
        [e.payload for e in events], [e.prev_hash for e in events])
    assert digests == [e.hash for e in events]
    assert payload_jsons == [canonical_json(e.payload) for e in events]
    with pytest.raises(ValueError):  # columns of different lengths are a bug, not a batch
        hash_columns([events[0].id], device, [], [], [], [], [], [], [])


def test_payload_json_and_hash_takes_the_general_way_for_other_types() -> None:
    event = replace(chain(1)[0], seq=True)  # not what from_wire lets in, still hashed the same
    assert payload_json_and_hash(event)[1] == event_hash(
        id=event.id, device_id=event.device_id, seq=event.seq, kind=event.kind,
        case_id=event.case_id, actor=event.actor, at=event.at, payload=event.payload,
        prev_hash=event.prev_hash)


def test_a_payload_that_is_not_utf8_cannot_be_hashed_either_way() -> None:
    event = replace(chain(1)[0], payload={"text": "\ud800"})
    with pytest.raises(UnicodeEncodeError):
        payload_json_and_hash(event)
    with pytest.raises(UnicodeEncodeError):
        verify_chain([event])
