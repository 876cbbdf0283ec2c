"""Issue 14, item 9: hypothesis pushes batches of sound, spoiled and unknown events (and spoiled
envelopes) at a real head office. Whatever it is sent, it never answers 5xx, and every event
it stores is one a desk can apply: it fits its kind's schema or is of a kind a newer build
wrote, and a fresh desk of the site pulls and applies all of them (holding only the latter)."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.event_schema import is_known, problem
from db.eventlog import Event, event_hash
from desktop.core.clock import ManualClock
from desktop.core.quarantine import UNKNOWN_KIND
from desktop.sync.client import enroll, sync_once
from headoffice.models import EventRow
from tests.conftest import make_desk
from tests.headoffice.event_samples import SAMPLES, json_values, spoiled
from tests.headoffice.helpers import HQ
from tests.headoffice.helpers import Desk as RawDesk

CASE = str(uuid.uuid4())
FUTURE = "staff.badge_issued"  # a kind of a newer build: head office stores it, desks hold it
ENVELOPE = ["id", "seq", "kind", "case_id", "actor", "at", "prev_hash", "hash", "payload"]


def append(desk: RawDesk, kind: str, case_id: str | None, payload: dict[str, Any]) -> None:
    """The next event of ``desk``'s chain, of any kind (``seal`` would refuse FUTURE)."""
    last = desk.events[-1] if desk.events else None
    fields: dict[str, Any] = {
        "id": str(uuid.uuid4()), "device_id": desk.device_id,
        "seq": len(desk.events) + 1, "kind": kind, "case_id": case_id,
        "actor": str(uuid.uuid4()), "at": f"2026-11-18T10:{len(desk.events) % 60:02d}:00.000000Z",
        "payload": payload, "prev_hash": last.hash if last else "0" * 64}
    desk.events.append(Event(**fields, hash=event_hash(**fields)))


def test_the_push_api_never_fails_and_stores_only_what_desks_can_apply(
        hq: HQ, tmp_path: Path) -> None:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    desks = [hq.enrol(site, name=f"Desk {i}") for i in range(3)]
    answers: Counter[int] = Counter()

    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def push(data: st.DataObject) -> None:
        desk = data.draw(st.sampled_from(desks))
        held = hq.count(desk.device_id)
        del desk.events[held:]  # the test's desk goes on from what head office holds
        for _ in range(data.draw(st.integers(1, 4))):
            kind, payload = data.draw(spoiled([*sorted(SAMPLES), FUTURE]) if data.draw(
                st.booleans()) else st.tuples(st.just(FUTURE), st.dictionaries(
                    st.text(max_size=8), json_values, max_size=3)))
            case_id = data.draw(st.sampled_from([CASE, None, "Zimmer 12 — Müller"]))
            append(desk, kind, case_id, payload)
        events: list[dict[str, Any]] = [e.to_wire() for e in desk.events[held:]]
        if data.draw(st.integers(0, 4)) == 0:  # now and then a spoiled envelope
            where = data.draw(st.sampled_from(events))
            where[data.draw(st.sampled_from(ENVELOPE))] = data.draw(json_values)
        response = hq.client.post("/api/v1/events", headers=desk.auth,
                                  json={"events": events, "chain_head": desk.head()})
        answers[response.status_code] += 1
        assert response.status_code in (200, 409, 422), response.text
        after = hq.count(desk.device_id)
        if response.status_code == 200:
            assert after == held + len(events)
        elif response.status_code == 409:
            assert response.json()["highest_seq"] == after
        else:
            assert after == held  # a malformed body: nothing stored

    push()
    assert answers[200] and answers[409]  # the examples reached both sides

    stored = hq.db(lambda s: [(r.kind, r.case_id, json.loads(r.payload))
                              for r in s.scalars(select(EventRow))])
    assert stored
    for kind, case_id, payload in stored:
        assert not is_known(kind) or problem(kind, case_id, payload) is None
    futures = sum(1 for kind, _, _ in stored if kind == FUTURE)

    fresh = make_desk(tmp_path / "fresh", ManualClock(), currency="EUR",
                      timezone="Europe/Paris")
    try:
        enroll(fresh, hq.server.url, hq.code(site), "Fresh desk")
        report = sync_once(fresh)
        assert report.ok, report.errors
        assert report.pulled == len(stored)
        held = fresh.ledger.held()
        assert held.count == futures and set(held.by_reason) <= {UNKNOWN_KIND}
        assert fresh.verify_log() is None
    finally:
        fresh.close()
