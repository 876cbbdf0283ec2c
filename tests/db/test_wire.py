"""The sync API's JSON shapes (db.wire): what one side builds, the other side reads back."""

from __future__ import annotations

import json

import pytest

from db import wire
from db.eventlog import GENESIS_HASH, Event, seal

DEVICE = "44444444-4444-4444-8444-444444444444"


def _chain(n: int) -> list[Event]:
    events: list[Event] = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        event = seal(id=f"00000000-0000-4000-8000-{seq:012d}", device_id=DEVICE, seq=seq,
                     kind="note.added", case_id="case-1", actor=None,
                     at=f"2026-11-18T10:00:{seq:02d}.000000Z",
                     payload={"text": f"n{seq} — é"}, prev_hash=prev)
        events.append(event)
        prev = event.hash
    return events


def test_the_fast_wire_form_is_the_wire_form() -> None:
    [event] = _chain(1)
    assert wire.event_to_wire(event) == event.to_wire()
    # Head office's quick push check unpacks the fields in this order.
    assert list(wire.WireEvent.__annotations__) == list(event.to_wire()) == [
        "id", "device_id", "seq", "kind", "case_id", "actor", "at", "payload", "prev_hash",
        "hash"]


def test_a_push_body_parses_back_to_its_events() -> None:
    events = _chain(3)
    body = wire.push_body(events, events[-1].hash)
    assert b", " not in body and b": " not in body  # compact
    assert "é".encode() in body  # UTF-8, not \u-escaped
    parsed = wire.parse_push(json.loads(body))
    assert parsed == wire.PushRequest(events, events[-1].hash)


@pytest.mark.parametrize(("body", "message"), [
    ([], "expected a JSON object with events and chain_head"),
    ({"chain_head": "0" * 64}, "events: missing"),
    ({"events": {}, "chain_head": "0" * 64}, "events: expected a list"),
    ({"events": []}, "chain_head: missing"),
    ({"events": [], "chain_head": "A" * 64}, "chain_head: expected 64 lower-case hex digits"),
    ({"events": [1], "chain_head": "0" * 64}, "events[0]: expected an object"),
])
def test_a_malformed_push_names_the_field(body: object, message: str) -> None:
    with pytest.raises(wire.WireError, match=message.replace("[", r"\[").replace("]", r"\]")):
        wire.parse_push(body)


def test_enrol_request_and_answer_round_trip() -> None:
    request = wire.enrol_request(code="ABCD", device_id=DEVICE, device_name="  Front   desk ",
                                 site={"name": "Harbour", "currency": "eur",
                                       "timezone": "Europe/Paris"},
                                 voucher_public_key=None)
    assert list(request) == ["code", "device_id", "device_name", "site", "voucher_public_key",
                             "device_public_key", "proof"]
    parsed = wire.parse_enrol_request(json.loads(json.dumps(request)))
    assert parsed["device_name"] == "Front desk"
    assert parsed["site"]["currency"] == "EUR"
    answer = wire.enrol_answer(token="t", site_id="s", site_name="Harbour", currency="EUR",
                               timezone="Europe/Paris")
    assert list(answer) == ["token", "site_id", "site_name", "currency", "timezone"]
    assert wire.parse_enrol_answer(answer) == answer
    with pytest.raises(wire.WireError):
        wire.parse_enrol_answer({"site_id": "s"})


def test_enrol_proof_and_challenge_shapes() -> None:
    key = "AB" * 32
    request = wire.enrol_request(code="ABCD", device_id=DEVICE, device_name="Desk",
                                 site={"name": "H", "currency": "EUR", "timezone": "UTC"},
                                 voucher_public_key=None, device_public_key=key,
                                 proof={"nonce": "n" * 43, "signature": "0f" * 64})
    parsed = wire.parse_enrol_request(json.loads(json.dumps(request)))
    assert parsed["device_public_key"] == key.lower()
    assert parsed["proof"] == {"nonce": "n" * 43, "signature": "0f" * 64}
    for proof, field in [("x", "proof"), ({"nonce": "n" * 43}, "proof.signature"),
                         ({"nonce": "short", "signature": "0f" * 64}, "proof.nonce"),
                         ({"nonce": "n" * 43, "signature": "0F" * 64}, "proof.signature")]:
        with pytest.raises(wire.WireError, match=field):
            wire.parse_enrol_request({**request, "proof": proof})
    with pytest.raises(wire.WireError, match="device_public_key"):
        wire.parse_enrol_request({**request, "device_public_key": "ab"})
    # The signed bytes bind the device, the nonce and the key registered with it.
    message = wire.reenrol_message(device_id=DEVICE, nonce="n" * 43, device_public_key=key)
    assert message.startswith(wire.REENROL_CONTEXT) and DEVICE.encode() in message
    assert key.lower().encode() in message
    assert message != wire.reenrol_message(device_id=DEVICE, nonce="m" * 43,
                                           device_public_key=key)
    assert wire.parse_challenge_request(wire.challenge_request(device_id=DEVICE)) == DEVICE
    answer = wire.challenge_answer(device_id=DEVICE, nonce="n" * 43,
                                   expires_at="2026-11-30T08:00:00.000000Z")
    assert wire.parse_challenge_answer(answer, DEVICE) == answer
    with pytest.raises(wire.WireError, match="device_id"):
        wire.parse_challenge_answer(answer, "0" * 8 + DEVICE[8:])


def test_push_answers_as_the_desk_reads_them() -> None:
    assert wire.parse_push_answer(wire.push_answer(7)) == 7
    refusal = wire.push_refusal("refused: gap", 3, kind="chain_gap", seq=5, event_id=None)
    assert json.dumps(refusal) == ('{"detail": "refused: gap", "highest_seq": 3, "fault": '
                                   '{"kind": "chain_gap", "seq": 5, "event_id": null}}')
    assert wire.parse_push_refusal(refusal) == wire.Refusal(3, "chain_gap")
    assert wire.parse_push_refusal({"detail": "x"}) == wire.Refusal(None, None)


def test_pull_page_and_policy_answer_as_the_desk_reads_them() -> None:
    events = [wire.event_to_wire(e) for e in _chain(2)]
    page = wire.parse_pull_page(wire.pull_page(events, 9, [DEVICE]))
    assert (page.next, page.revoked_devices) == (9, [DEVICE])
    assert wire.events_from_wire(page.events) == _chain(2)
    assert wire.parse_pull_page({"events": [], "next": 0}).revoked_devices is None
    with pytest.raises(wire.WireError, match="events page is malformed"):
        wire.parse_pull_page({"events": [], "next": "0"})
    with pytest.raises(wire.WireError, match="list of revoked desks is malformed"):
        wire.parse_pull_page({"events": [], "next": 0, "revoked_devices": [1]})
    answer = wire.policy_answer(4, {"version": 4})
    assert wire.parse_policy_answer(answer) == answer
    with pytest.raises(wire.WireError, match="policy answer is malformed"):
        wire.parse_policy_answer({"version": "4", "policy": {}})
