"""Pushing events: exactly once, in order, chain verified, faults refused and flagged."""

from __future__ import annotations

import dataclasses
import json
import threading
import uuid
from datetime import timedelta

import httpx
from sqlalchemy import select

from db.eventlog import seal
from headoffice.models import Device, EventRow
from tests.headoffice.helpers import HQ, Desk, wire


def desk_at(hq: HQ) -> Desk:
    return hq.enrol(hq.add_site())


def test_same_batch_twice_is_stored_once(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(5)
    first = hq.push(desk, desk.events)
    second = hq.push(desk, desk.events)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json() == {"highest_seq": 5}
    assert hq.held(desk.device_id) == [(e.seq, e.hash) for e in desk.events]
    assert hq.flags() == []


def test_lost_acknowledgement_then_resend_with_more(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(5)
    hq.push(desk, desk.events)  # committed, but pretend the answer never arrived
    desk.add_many(3)
    # The client still thinks 1..5 are unacknowledged and sends its whole outbox.
    response = hq.push(desk, desk.events)
    assert response.status_code == 200
    assert response.json() == {"highest_seq": 8}
    assert hq.held(desk.device_id) == [(e.seq, e.hash) for e in desk.events]


def test_acknowledgement_lost_in_transit(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(4)
    body = json.dumps({"events": wire(desk.events), "chain_head": desk.head()}).encode()
    # Send the request and hang up without reading the answer.
    with httpx.Client(base_url=hq.server.url) as client, client.stream(
            "POST", "/api/v1/events", content=body,
            headers={**desk.auth, "Content-Type": "application/json"}):
        pass
    again = hq.push(desk, desk.events)
    assert again.status_code == 200
    assert again.json() == {"highest_seq": 4}
    assert hq.count(desk.device_id) == 4


def test_batches_out_of_order(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(10)
    early, late = desk.events[:5], desk.events[5:]
    refused = hq.push(desk, late)
    assert refused.status_code == 409
    assert refused.json()["highest_seq"] == 0
    assert refused.json()["fault"]["kind"] == "chain_gap"
    assert hq.count(desk.device_id) == 0
    assert hq.push(desk, early).json() == {"highest_seq": 5}
    assert hq.push(desk, late).json() == {"highest_seq": 10}
    assert hq.held(desk.device_id) == [(e.seq, e.hash) for e in desk.events]


def test_gap_is_refused_and_flagged(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(6)
    assert hq.push(desk, desk.events[:3]).json() == {"highest_seq": 3}
    response = hq.push(desk, desk.events[4:])
    assert response.status_code == 409
    body = response.json()
    assert "gap" in body["detail"] and body["highest_seq"] == 3
    assert body["fault"] == {"kind": "chain_gap", "seq": 5, "event_id": desk.events[4].id}
    assert hq.count(desk.device_id) == 3
    # A desk retrying the same bad batch does not flood the flag list.
    hq.push(desk, desk.events[4:])
    assert len(hq.flags("chain_gap")) == 1


def test_gap_inside_a_batch_keeps_what_comes_before_it(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(5)
    batch = desk.events[:2] + desk.events[3:]
    response = hq.push(desk, batch)
    assert response.status_code == 409
    assert response.json()["highest_seq"] == 2
    assert "seq 3 is missing before seq 4" in response.json()["detail"]
    assert response.json()["fault"]["kind"] == "chain_gap"
    assert hq.held(desk.device_id) == [(e.seq, e.hash) for e in desk.events[:2]]


def test_fork_is_refused_and_flagged(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(5)
    assert hq.push(desk, desk.events).json() == {"highest_seq": 5}
    # A second history from seq 3 on, validly chained onto seq 2 (a restored backup, say).
    other = Desk(desk.device_id, desk.token, desk.site_id, events=desk.events[:2])
    other.add(payload={"text": "a different third event"})
    other.add()
    response = hq.push(other, other.events[2:])
    assert response.status_code == 409
    assert response.json()["fault"]["kind"] == "chain_fork"
    assert response.json()["fault"]["seq"] == 3
    assert hq.held(desk.device_id) == [(e.seq, e.hash) for e in desk.events]
    flags = hq.flags("chain_fork")
    assert len(flags) == 1 and desk.device_id in flags[0].detail


def test_tampered_event_is_refused_and_flagged(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(5)
    tampered = list(desk.events)
    tampered[2] = dataclasses.replace(tampered[2], payload={"text": "edited after the fact"})
    response = hq.push(desk, tampered)
    assert response.status_code == 409
    body = response.json()
    assert body["fault"]["kind"] == "chain_break"
    assert body["fault"]["event_id"] == desk.events[2].id
    assert "does not match its hash" in body["detail"]
    # Events before the fault are kept; nothing from the fault on.
    assert body["highest_seq"] == 2
    assert hq.held(desk.device_id) == [(e.seq, e.hash) for e in desk.events[:2]]
    flags = hq.flags("chain_break")
    assert len(flags) == 1 and "seq 3" in flags[0].detail
    # An edit to an event head office already holds is caught on resend too.
    assert hq.push(desk, tampered[1:3]).status_code == 409


def test_broken_link_is_refused(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(3)
    e = desk.events[2]
    relinked = seal(id=e.id, device_id=e.device_id, seq=e.seq, kind=e.kind, case_id=e.case_id,
                    actor=e.actor, at=e.at, payload=e.payload, prev_hash="f" * 64)
    response = hq.push(desk, [*desk.events[:2], relinked])
    assert response.status_code == 409
    assert response.json()["fault"]["kind"] == "chain_break"
    assert "broken link" in response.json()["detail"]
    assert hq.count(desk.device_id) == 2


def test_events_of_another_device_are_refused(hq: HQ) -> None:
    site = hq.add_site()
    mine, theirs = hq.enrol(site, name="Desk 1"), hq.enrol(site, name="Desk 2")
    theirs.add_many(2)
    response = hq.push(mine, theirs.events)
    assert response.status_code == 403
    assert hq.count() == 0
    # One foreign event in an otherwise good batch spoils the batch.
    mine.add_many(2)
    assert hq.push(mine, [*mine.events, theirs.events[0]]).status_code in (403, 422)
    assert hq.count() == 0


def test_event_id_used_by_another_event_is_refused(hq: HQ) -> None:
    site = hq.add_site()
    one, two = hq.enrol(site, name="Desk 1"), hq.enrol(site, name="Desk 2")
    taken = one.add()
    assert hq.push(one, one.events).status_code == 200
    copied = seal(id=taken.id, device_id=two.device_id, seq=1, kind="note.added",
                  case_id=two.own_case, actor=None, at=taken.at, payload={},
                  prev_hash="0" * 64)
    two.events.append(copied)
    response = hq.push(two, two.events)
    assert response.status_code == 409
    assert response.json()["fault"]["kind"] == "event_id_reused"
    assert hq.count(two.device_id) == 0
    assert len(hq.flags("event_id_reused")) == 1


def _sealed_like(desk: Desk, event_id: str) -> None:
    """Append to ``desk`` an event continuing its chain but carrying ``event_id``."""
    last = desk.events[-1]
    desk.events.append(seal(id=event_id, device_id=desk.device_id, seq=last.seq + 1,
                            kind="note.added", case_id=desk.own_case, actor=None, at=last.at,
                            payload={}, prev_hash=last.hash))


def test_a_reused_id_mid_batch_keeps_the_events_before_it(hq: HQ) -> None:
    site = hq.add_site()
    one, two = hq.enrol(site, name="Desk 1"), hq.enrol(site, name="Desk 2")
    taken = one.add()
    assert hq.push(one, one.events).status_code == 200
    two.add_many(3)
    _sealed_like(two, taken.id)  # seq 4: desk 1's event id
    two.add()
    response = hq.push(two, two.events)
    assert response.status_code == 409
    assert response.json()["highest_seq"] == 3
    assert response.json()["fault"] == {"kind": "event_id_reused", "seq": 4,
                                         "event_id": taken.id}
    assert hq.held(two.device_id) == [(e.seq, e.hash) for e in two.events[:3]]
    assert len(hq.flags("event_id_reused")) == 1


def test_one_id_twice_in_a_batch_keeps_the_events_before_the_second(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(2)
    _sealed_like(desk, desk.events[1].id)  # seq 3 repeats seq 2's id
    response = hq.push(desk, desk.events)
    assert response.status_code == 409
    assert response.json()["highest_seq"] == 2
    assert response.json()["fault"]["kind"] == "event_id_reused"
    assert response.json()["fault"]["seq"] == 3
    assert hq.held(desk.device_id) == [(e.seq, e.hash) for e in desk.events[:2]]


def test_chain_head_and_sync_time_are_recorded(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(6)
    hq.clock.advance(timedelta(minutes=7))
    # The desk holds 6 events but sends 3: its reported head is still its latest hash.
    assert hq.push(desk, desk.events[:3], chain_head=desk.head()).status_code == 200
    device = hq.db(lambda s: s.get(Device, desk.device_id))
    assert device.last_chain_hash == desk.events[5].hash
    assert device.last_sync_at == hq.clock()
    assert device.last_seq == 3


def test_voucher_redeemed_at_two_desks_is_flagged(hq: HQ) -> None:
    site = hq.add_site()
    one, two = hq.enrol(site, name="Bar"), hq.enrol(site, name="Lobby")
    voucher = str(uuid.uuid4())
    one.add("voucher.redeemed", payload={"voucher_id": voucher})
    two.add("voucher.redeemed", payload={"voucher_id": str(uuid.uuid4())})
    assert hq.push(one, one.events).status_code == 200
    assert hq.push(two, two.events).status_code == 200
    assert hq.flags("voucher_redeemed_twice") == []
    two.add("voucher.redeemed", payload={"voucher_id": voucher})
    assert hq.push(two, two.events).status_code == 200  # stored: the log is the truth
    flags = hq.flags("voucher_redeemed_twice")
    assert len(flags) == 1
    assert voucher in flags[0].detail and "Bar" in flags[0].detail
    assert "Lobby" in flags[0].detail


def test_any_text_round_trips_with_its_hash(hq: HQ) -> None:
    site = hq.add_site()
    one, two = hq.enrol(site), hq.enrol(site)
    payload = {"guest_name": "Zoë \u0000 李 \U0001f600 \"quoted\" \\", "n": 1.5, "big": 2**60,
               "nested": {"z": [1, None, True], "a": ""}}
    one.add("case.opened", case_id=str(uuid.uuid4()), payload=payload)
    one.add(payload={"text": "plain ASCII, and DEL \x7f"})
    assert hq.push(one, one.events).status_code == 200
    pulled = hq.pull(two).json()["events"]
    assert pulled == wire(one.events)
    # Stored as ASCII-escaped JSON whatever the text (the database's encoding does not matter).
    stored = hq.db(lambda s: list(s.scalars(select(EventRow.payload)
                                            .where(EventRow.device_id == one.device_id)
                                            .order_by(EventRow.seq))))
    assert len(stored) == 2 and all(text.isascii() and "\x7f" not in text for text in stored)
    assert [json.loads(text) for text in stored] == [e.payload for e in one.events]


def test_concurrent_pushes_of_one_batch_store_it_once(hq: HQ) -> None:
    desk = desk_at(hq)
    desk.add_many(20)
    body = {"events": wire(desk.events), "chain_head": desk.head()}
    statuses: list[int] = []

    def send() -> None:
        with httpx.Client(base_url=hq.server.url, timeout=60) as client:
            statuses.append(client.post("/api/v1/events", json=body, headers=desk.auth)
                            .status_code)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 4
    assert hq.held(desk.device_id) == [(e.seq, e.hash) for e in desk.events]
