"""Sizes are bounded (issue 14): one event's payload, and one pull answer by bytes as well as
by count; a desk that pulls short pages still gets everything."""

from __future__ import annotations

import uuid

import pytest

from db.event_schema import MAX_PAYLOAD_BYTES
from headoffice import pull as pull_module
from headoffice.pull import EVENT_OVERHEAD, MAX_PULL_BYTES
from tests.headoffice.helpers import HQ, wire


def big_note(size: int) -> dict[str, str]:
    # A field the note's schema does not name: only the payload's size bounds it.
    return {"text": "a large attachment follows", "attachment": "x" * size}


def test_a_payload_over_the_bound_is_refused_naming_the_event(hq: HQ) -> None:
    desk = hq.enrol(hq.add_site())
    desk.add_many(2)
    too_big = desk.add(payload=big_note(MAX_PAYLOAD_BYTES))
    response = hq.push(desk, desk.events)
    assert response.status_code == 409
    body = response.json()
    assert body["fault"] == {"kind": "event_schema", "seq": 3, "event_id": too_big.id}
    assert body["highest_seq"] == 2  # the events before it are kept
    assert f"(device {desk.device_id}, seq 3)" in body["detail"]
    assert "payload: larger than 256 KiB" in body["detail"]
    assert hq.count(desk.device_id) == 2
    [flag] = hq.flags("event_schema")
    assert "payload: larger than 256 KiB" in flag.detail


def test_a_pull_page_stops_at_its_byte_budget(hq: HQ) -> None:
    site = hq.add_site()
    writer, reader = hq.enrol(site, name="writer"), hq.enrol(site, name="reader")
    size = MAX_PAYLOAD_BYTES - 1024
    for _ in range(2):  # two pushes: each stays under head office's 5 MiB body limit
        start = len(writer.events)
        for _ in range(12):
            writer.add(case_id=str(uuid.uuid4()), payload=big_note(size))
        assert hq.push(writer, writer.events[start:]).status_code == 200
    response = hq.pull(reader, after=0, limit=1000)
    page = response.json()
    # Cut short of the 24 events: at most the budget plus the one event that crosses it.
    assert 1 <= len(page["events"]) < 24
    assert len(response.content) <= MAX_PULL_BYTES + MAX_PAYLOAD_BYTES + EVENT_OVERHEAD
    seen, cursor = list(page["events"]), page["next"]
    while True:
        page = hq.pull(reader, after=cursor, limit=1000).json()
        if not page["events"]:
            break
        seen += page["events"]
        cursor = page["next"]
    assert seen == wire(writer.events)


def test_one_event_larger_than_the_budget_still_goes(hq: HQ,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    site = hq.add_site()
    writer, reader = hq.enrol(site, name="writer"), hq.enrol(site, name="reader")
    writer.add(payload=big_note(5000))
    writer.add(payload=big_note(10))
    assert hq.push(writer, writer.events).status_code == 200
    monkeypatch.setattr(pull_module, "MAX_PULL_BYTES", 1000)
    first = hq.pull(reader, after=0, limit=1000).json()
    assert first["events"] == wire(writer.events[:1])  # never an empty page while more wait
    second = hq.pull(reader, after=first["next"], limit=1000).json()
    assert second["events"] == wire(writer.events[1:])
