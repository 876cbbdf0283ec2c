"""Security and robustness: site isolation, tokens, revocation, body limits, malformed input."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest

from desktop.core.policy import default_policy
from headoffice import admin
from tests.headoffice.helpers import HQ, Desk, wire


def two_sites(hq: HQ) -> tuple[Desk, Desk, Desk]:
    """Desks a1 and a2 at site A, b1 at site B; each has pushed two events."""
    site_a, site_b = hq.add_site("A"), hq.add_site("B", "GBP", "Europe/London")
    a1 = hq.enrol(site_a, name="a1", key="a1" * 32)
    a2 = hq.enrol(site_a, name="a2", key="a2" * 32)
    b1 = hq.enrol(site_b, name="b1", key="b1" * 32)
    for desk in (a1, a2, b1):
        desk.add_many(2)
        assert hq.push(desk, desk.events).status_code == 200
    return a1, a2, b1


def test_a_site_a_token_cannot_push_to_or_read_site_b(hq: HQ) -> None:
    a1, a2, b1 = two_sites(hq)
    b1.add()
    # Pushing site B's events with a site A token.
    assert hq.push(b1, b1.events, token=a1.token).status_code == 403
    assert hq.count(b1.device_id) == 2
    # Reading: events and policy of site B are never shown to site A.
    pulled = hq.pull(a1).json()["events"]
    assert {e["device_id"] for e in pulled} == {a2.device_id}
    text = default_policy().to_dict()
    hq.db(lambda s: admin.set_policy(s, "B", json.dumps(text), now=hq.clock()))
    assert hq.client.get("/api/v1/policy", headers=a1.auth).status_code == 204
    assert hq.client.get("/api/v1/policy", headers=b1.auth).status_code == 200
    # Site B's cursor position is no way in either: site A sees only site A after any cursor.
    for after in range(0, 8):
        events = hq.pull(a1, after=after).json()["events"]
        assert all(e["device_id"] == a2.device_id for e in events)


@pytest.mark.parametrize("header", [None, "Bearer", "Token abc", "Basic abc", "Bearer nope",
                                    "bearer " + "x" * 43])
def test_missing_or_unknown_token_is_401(hq: HQ, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    for method, path in [("GET", "/api/v1/events"), ("GET", "/api/v1/policy"),
                         ("POST", "/api/v1/events")]:
        body = {"events": [], "chain_head": "0" * 64} if method == "POST" else None
        response = hq.client.request(method, path, headers=headers, json=body)
        assert response.status_code == 401, (path, response.text)
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_revoked_token_is_401_everywhere(hq: HQ) -> None:
    a1, a2, _ = two_sites(hq)
    hq.revoke(a1)
    a1.add()
    assert hq.push(a1, a1.events).status_code == 401
    assert hq.count(a1.device_id) == 2
    for path in ("/api/v1/events", "/api/v1/policy"):
        response = hq.client.get(path, headers=a1.auth)
        assert response.status_code == 401
        assert "revoked" in response.json()["detail"]
    # The revoked desk's events stay visible to the site.
    assert {e["device_id"] for e in hq.pull(a2).json()["events"]} == {a1.device_id}


def test_oversized_body_is_413(hq: HQ) -> None:
    desk = hq.enrol(hq.add_site())
    desk.add(payload={"text": "x" * (6 * 1024 * 1024)})
    response = hq.push(desk, desk.events)
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]

    # Without a Content-Length (chunked), the limit holds while reading.
    def chunks() -> Iterator[bytes]:
        yield b'{"chain_head": "' + b"0" * 64 + b'", "events": [{"payload": {"t": "'
        for _ in range(7):
            yield b"y" * (1024 * 1024)
        yield b'"}}]}'

    chunked = hq.client.post("/api/v1/events", content=chunks(), headers=desk.auth)
    assert chunked.status_code == 413
    assert hq.count() == 0
    # A small batch still goes through afterwards.
    desk.events.clear()
    desk.add()
    assert hq.push(desk, desk.events).status_code == 200


def malformed_pushes(desk: Desk) -> list[bytes]:
    good = desk.events[0].to_wire()
    shapes: list[object] = [
        [], {}, "events", 42, None,
        {"events": "x", "chain_head": "0" * 64},
        {"events": [1], "chain_head": "0" * 64},
        {"events": [{}], "chain_head": "0" * 64},
        {"events": [good]},
        {"events": [good], "chain_head": 5},
        {"events": [good], "chain_head": "X" * 64},
        {"events": [{**good, "seq": "1"}], "chain_head": "0" * 64},
        {"events": [{**good, "seq": 1.0}], "chain_head": "0" * 64},
        {"events": [{**good, "seq": True}], "chain_head": "0" * 64},
        {"events": [{**good, "seq": 10**30}], "chain_head": "0" * 64},
        {"events": [{**good, "seq": 0}], "chain_head": "0" * 64},
        {"events": [{**good, "seq": -1}], "chain_head": "0" * 64},
        {"events": [{**good, "payload": [1, 2]}], "chain_head": "0" * 64},
        {"events": [{**good, "payload": None}], "chain_head": "0" * 64},
        {"events": [{**good, "id": "x" * 100}], "chain_head": "0" * 64},
        {"events": [{**good, "kind": "K" * 500}], "chain_head": "0" * 64},
        {"events": [{**good, "case_id": "c" * 500}], "chain_head": "0" * 64},
        {"events": [{**good, "actor": "a\u0000b"}], "chain_head": "0" * 64},
        {"events": [{**good, "at": "yesterday"}], "chain_head": "0" * 64},
        {"events": [{**good, "hash": "h" * 500}], "chain_head": "0" * 64},
        {"events": [{**good, "prev_hash": None}], "chain_head": "0" * 64},
        {"events": [good, good], "chain_head": "0" * 64},
        {"events": [{**good, "device_id": 7}], "chain_head": "0" * 64},
    ]
    raw = [json.dumps(shape).encode() for shape in shapes]
    text = json.dumps({"events": [good], "chain_head": "0" * 64})
    raw += [
        b"", b"not json", b"{", b"\xff\xfe\x00garbage", b"[" * 100000 + b"]" * 100000,
        text.replace('"hello"', "NaN").encode(),
        text.replace('"hello"', "Infinity").encode(),
        text.replace('"hello"', '"\\ud800"').encode(),  # a lone surrogate cannot be hashed
        text.encode("utf-16"),
    ]
    return raw


def test_malformed_push_bodies_are_4xx_never_500(hq: HQ) -> None:
    desk = hq.enrol(hq.add_site())
    desk.add()
    for body in malformed_pushes(desk):
        response = hq.client.post("/api/v1/events", content=body,
                                  headers={**desk.auth, "Content-Type": "application/json"})
        assert 400 <= response.status_code < 500, (body[:200], response.status_code,
                                                   response.text[:300])
        assert isinstance(response.json()["detail"], str | list)
    assert hq.count() == 0
    assert hq.push(desk, desk.events).json() == {"highest_seq": 1}


def test_malformed_enrol_bodies_and_queries_are_4xx(hq: HQ) -> None:
    site = hq.add_site()
    code = hq.code(site)
    shapes: list[object] = [None, [], "x", {"code": 5}, {"code": code},
                            {**hq.enrol_body(code), "site": {"name": 1, "currency": "EUR",
                                                             "timezone": "UTC"}},
                            {**hq.enrol_body(code), "device_name": "a\u0000b"},
                            {**hq.enrol_body(code), "code": "x" * 1000}]
    for shape in shapes:
        response = hq.client.post("/api/v1/enroll", content=json.dumps(shape).encode())
        assert 400 <= response.status_code < 500, (shape, response.text)
    assert hq.client.post("/api/v1/enroll", content=b"{oops").status_code == 400
    desk = hq.enrol(site)
    for params in ({"after": "-1"}, {"after": "x"}, {"limit": "0"}, {"limit": "100000"},
                   {"after": str(10**30)}):
        assert hq.pull(desk, **params).status_code == 422, params
    assert hq.client.get("/api/v1/policy", params={"have": "new"},
                         headers=desk.auth).status_code == 422


def test_unknown_paths_and_methods_are_4xx(hq: HQ) -> None:
    desk = hq.enrol(hq.add_site())
    assert hq.client.get("/api/v1/nothing", headers=desk.auth).status_code == 404
    assert hq.client.delete("/api/v1/events", headers=desk.auth).status_code == 405
    assert hq.client.get("/docs").status_code == 404  # no schema browser on a public host


def test_wire_events_are_returned_unchanged(hq: HQ) -> None:
    """Guards the pull format the desks depend on: exactly the wire events that were pushed."""
    site = hq.add_site()
    one, two = hq.enrol(site), hq.enrol(site)
    one.add("case.opened", case_id=str(uuid.uuid4()), payload={"guest_name": "A"})
    hq.push(one, one.events)
    assert hq.pull(two).json()["events"] == wire(one.events)
