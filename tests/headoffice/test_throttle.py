"""Enrolment and admin sign-in are throttled per client address (issue 14, item 5): 429 with
Retry-After, counted in the database, the clock injected (nothing sleeps)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from headoffice import admin, throttle
from headoffice.app import create_app
from headoffice.routes.deps import parse_proxies
from headoffice.store import session_factory, transaction
from tests.headoffice.helpers import FakeClock, ServerThread

LIMIT = throttle.Limit(5, timedelta(minutes=10))
LIMITS = {throttle.ENROL: LIMIT, throttle.ADMIN: LIMIT}


class Server:
    def __init__(self, db_url: str, clock: FakeClock, proxies: str = "") -> None:
        self.clock = clock
        self.app = create_app(db_url, clock=clock, limits=LIMITS,
                              trusted_proxies=parse_proxies(proxies))
        self.thread = ServerThread(self.app)
        self.thread.start()
        self.clients: list[httpx.Client] = []

    def client(self, source: str = "127.0.0.1") -> httpx.Client:
        # Every address of 127.0.0.0/8 is this machine: a second "client address" for free.
        transport = httpx.HTTPTransport(local_address=source)
        client = httpx.Client(base_url=self.thread.url, transport=transport, timeout=60)
        self.clients.append(client)
        return client

    def db(self, work: Any) -> Any:
        with transaction(session_factory(self.app.state.engine)) as session:
            return work(session)

    def close(self) -> None:
        for client in self.clients:
            client.close()
        self.thread.stop()
        self.app.state.engine.dispose()


@pytest.fixture
def server(db_url: str, clock: FakeClock) -> Iterator[Server]:
    running = Server(db_url, clock)
    yield running
    running.close()


def body(code: str) -> dict[str, Any]:
    return {"code": code, "device_id": str(uuid.uuid4()), "device_name": "Desk",
            "site": {"name": "Harbour", "currency": "EUR", "timezone": "Europe/Paris"},
            "voucher_public_key": None}


def wrong(client: httpx.Client, **kwargs: Any) -> httpx.Response:
    return client.post("/api/v1/enroll", json=body("AAAA-BBBB-CCCC-DDDD"), **kwargs)


def test_wrong_codes_then_429_until_the_window_passes(server: Server) -> None:
    site = server.db(lambda s: admin.add_site(s, name="Harbour", currency="EUR",
                                              timezone="Europe/Paris", now=server.clock()))
    code = server.db(lambda s: admin.issue_code(s, site.id, now=server.clock())).code
    desk = server.client()
    for _ in range(LIMIT.attempts):
        assert wrong(desk).status_code == 403
        server.clock.advance(timedelta(minutes=1))
    refused = wrong(desk)
    assert refused.status_code == 429
    # The first wrong code (5 minutes ago) leaves the 10-minute window in 5 minutes.
    assert refused.headers["Retry-After"] == str(5 * 60)
    assert "too many attempts" in refused.json()["detail"]
    # Even the right code waits: the guesser cannot tell right from wrong meanwhile.
    assert desk.post("/api/v1/enroll", json=body(code)).status_code == 429
    assert desk.post("/api/v1/enroll/challenge",
                     json={"device_id": str(uuid.uuid4())}).status_code == 429

    # Another address is not affected.
    other = server.client("127.0.0.2")
    assert wrong(other).status_code == 403

    # Once the oldest attempt leaves the window, one more try is allowed, then 429 again.
    server.clock.advance(timedelta(minutes=5))
    assert wrong(desk).status_code == 403
    assert wrong(desk).status_code == 429
    server.clock.advance(timedelta(minutes=10))
    assert desk.post("/api/v1/enroll", json=body(code)).status_code == 200


def test_a_429_is_not_counted_and_a_success_is_not_either(server: Server) -> None:
    desk = server.client()
    for _ in range(LIMIT.attempts):
        assert wrong(desk).status_code == 403
    for _ in range(20):  # hammering while throttled does not push the wait further
        assert wrong(desk).status_code == 429
    server.clock.advance(LIMIT.window + timedelta(seconds=1))
    assert wrong(desk).status_code == 403


def test_admin_sign_in_is_throttled_per_address(server: Server) -> None:
    token = server.db(lambda s: admin.create_admin_token(s, label="t", now=server.clock()))[1]
    guesser = server.client()
    for _ in range(LIMIT.attempts):
        assert guesser.get("/", auth=("x", "guess")).status_code == 401
    throttled = guesser.get("/", auth=("x", token))
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) >= 1
    # No token at all is a browser asking for one, not a guess: still 401 with the realm.
    assert guesser.get("/").status_code == 401
    assert server.client("127.0.0.3").get("/", auth=("x", token)).status_code == 200
    server.clock.advance(LIMIT.window)
    assert guesser.get("/", auth=("x", token)).status_code == 200


def test_x_forwarded_for_is_ignored_unless_the_proxy_is_trusted(server: Server) -> None:
    desk = server.client()
    for i in range(LIMIT.attempts):
        # A client cannot dodge the limit by naming a new address each time.
        assert wrong(desk, headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code == 403
    assert wrong(desk, headers={"X-Forwarded-For": "203.0.113.99"}).status_code == 429


def test_behind_a_trusted_proxy_each_forwarded_client_is_counted_alone(
        db_url: str, clock: FakeClock) -> None:
    proxied = Server(db_url, clock, proxies="127.0.0.1")
    try:
        balancer = proxied.client()
        guesser = {"X-Forwarded-For": "198.51.100.7"}
        for _ in range(LIMIT.attempts):
            assert wrong(balancer, headers=guesser).status_code == 403
        assert wrong(balancer, headers=guesser).status_code == 429
        # What the client put left of the balancer's own entry is not believed.
        forged = {"X-Forwarded-For": "192.0.2.1, 198.51.100.7"}
        assert wrong(balancer, headers=forged).status_code == 429
        assert wrong(balancer, headers={"X-Forwarded-For": "198.51.100.8"}).status_code == 403
        # A peer that is not the balancer is counted as itself, whatever it forwards.
        direct = proxied.client("127.0.0.2")
        assert wrong(direct, headers=guesser).status_code == 403
    finally:
        proxied.close()


def test_bad_proxy_lists_are_refused() -> None:
    assert parse_proxies("") == ()
    assert len(parse_proxies("10.0.0.1, 10.1.0.0/16,::1")) == 3
    with pytest.raises(ValueError, match="not an IP"):
        parse_proxies("10.0.0.1,lb.example.com")
