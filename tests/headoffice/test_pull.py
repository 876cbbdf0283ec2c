"""Pulling: the other desks' events of the same site, and policy versions."""

from __future__ import annotations

import json
import uuid

from db.eventlog import Event, verify_chain
from desktop.core.policy import default_policy, parse_policy
from headoffice import admin
from tests.headoffice.helpers import HQ, wire


def test_pull_returns_other_desks_events_of_the_site_in_a_stable_order(hq: HQ) -> None:
    site, elsewhere = hq.add_site("A"), hq.add_site("B")
    d1, d2, d3 = hq.enrol(site, name="d1"), hq.enrol(site, name="d2"), hq.enrol(site, name="d3")
    far = hq.enrol(elsewhere, name="far")
    case_id = str(uuid.uuid4())
    d1.add("case.opened", case_id=case_id, payload={"guest_name": "Ada"})
    d1.add("followup.due", case_id=case_id, payload={"due_at": "2026-11-19T09:00:00.000000Z"})
    d3.add_many(3)
    d2.add_many(2)
    far.add_many(2)
    for desk in (d1, d3, d2, far):
        assert hq.push(desk, desk.events).status_code == 200
    d1.add("followup.done", case_id=case_id, payload={"note": "called"})
    assert hq.push(d1, d1.events[2:]).status_code == 200

    everything = hq.pull(d2, after=0, limit=1000).json()
    expected = wire(d1.events[:2]) + wire(d3.events) + wire(d1.events[2:])
    assert everything["events"] == expected  # arrival order, only d1 and d3
    # Paging with the cursor gives the same sequence, and an empty page at the end.
    seen, cursor = [], 0
    while True:
        page = hq.pull(d2, after=cursor, limit=2).json()
        if not page["events"]:
            assert page["next"] == cursor
            break
        assert len(page["events"]) <= 2 and page["next"] > cursor
        seen += page["events"]
        cursor = page["next"]
    assert seen == expected
    assert cursor == everything["next"]
    # What a desk pulls verifies as each device's chain.
    for device in (d1.device_id, d3.device_id):
        chain = [Event.from_wire(e) for e in seen if e["device_id"] == device]
        assert verify_chain(chain) is None
    # The desk's own events never come back to it.
    assert {e["device_id"] for e in hq.pull(d1).json()["events"]} == {d2.device_id,
                                                                     d3.device_id}
    # Events pushed after the cursor show up on the next pull, and only they do.
    d3.add()
    hq.push(d3, d3.events[3:])
    later = hq.pull(d2, after=cursor).json()["events"]
    assert later == wire(d3.events[3:])


def test_pull_names_the_site_s_revoked_desks_and_only_those(hq: HQ) -> None:
    site, elsewhere = hq.add_site("A"), hq.add_site("B")
    bar, lobby, stolen = (hq.enrol(site, name=name) for name in ("Bar", "Lobby", "Stolen"))
    far = hq.enrol(elsewhere, name="Far")
    assert hq.pull(bar).json()["revoked_devices"] == []
    hq.revoke(stolen)
    hq.revoke(far)
    assert hq.pull(bar).json()["revoked_devices"] == [stolen.device_id]
    assert hq.pull(lobby, after=10**6).json()["revoked_devices"] == [stolen.device_id]
    assert hq.pull(stolen).status_code == 401  # the revoked desk itself learns nothing


def test_policy_set_then_pulled_by_version(hq: HQ) -> None:
    site = hq.add_site()
    desk = hq.enrol(site)
    assert hq.client.get("/api/v1/policy", headers=desk.auth).status_code == 204
    document = default_policy().to_dict() | {"version": 3, "future_field": {"kept": True},
                                             "note": "Zoë \u0000 李"}
    hq.db(lambda s: admin.set_policy(s, site.name, json.dumps(document), now=hq.clock()))
    response = hq.client.get("/api/v1/policy", params={"have": 0}, headers=desk.auth)
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 3
    assert body["policy"] == document
    assert parse_policy(body["policy"]).roles["agent"].per_case == 5000
    assert hq.client.get("/api/v1/policy", params={"have": 2},
                         headers=desk.auth).status_code == 200
    for have in (3, 4):
        assert hq.client.get("/api/v1/policy", params={"have": have},
                             headers=desk.auth).status_code == 204
    document["version"] = 4
    hq.db(lambda s: admin.set_policy(s, site.id, json.dumps(document), now=hq.clock()))
    assert hq.client.get("/api/v1/policy", params={"have": 3},
                         headers=desk.auth).json()["version"] == 4


def test_there_is_no_keys_endpoint(hq: HQ) -> None:
    # Desks learn each other's voucher keys from voucher.issued events (docs/sync.md).
    desk = hq.enrol(hq.add_site(), key="11" * 32)
    assert hq.client.get("/api/v1/keys", headers=desk.auth).status_code == 404
