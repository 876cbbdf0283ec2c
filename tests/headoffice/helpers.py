"""Test helpers for head office: a desk that seals real hash chains, and a live server.

The server is the real app on uvicorn, in a thread, listening on a free port of 127.0.0.1;
the tests talk to it over HTTP with httpx. Its clock is a FakeClock the test can move, so no
assertion depends on the wall clock.
"""

from __future__ import annotations

import dataclasses
import socket
import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import httpx
import uvicorn
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.event_schema import SCHEMAS
from db.eventlog import GENESIS_HASH, Event, seal
from db.models import format_utc
from headoffice import admin
from headoffice.app import create_app
from headoffice.models import EventRow, Flag, Site
from headoffice.store import session_factory, transaction

T = TypeVar("T")
CASE_KINDS = frozenset(kind for kind, schema in SCHEMAS.items() if schema.needs_case)
START = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)  # a Wednesday


class FakeClock:
    """The server's idea of now; tests move it explicitly."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclasses.dataclass
class Desk:
    """A front desk as head office sees it: a device id, its token, and its own event chain."""

    device_id: str
    token: str
    site_id: str
    events: list[Event] = dataclasses.field(default_factory=list)
    clock: datetime = START - timedelta(days=1)
    own_case: str = dataclasses.field(default_factory=lambda: str(uuid.uuid4()))

    def add(self, kind: str = "note.added", *, case_id: str | None = None,
            payload: Mapping[str, Any] | None = None, at: datetime | None = None,
            actor: str | None = None) -> Event:
        """Seal the next event of this desk's chain (seq and prev_hash linked). A note without
        a ``case_id`` goes to this desk's own case (a note belongs to a case: its schema)."""
        if case_id is None and kind in CASE_KINDS:
            case_id = self.own_case
        if at is None:
            self.clock += timedelta(minutes=1)
            at = self.clock
        prev = self.events[-1].hash if self.events else GENESIS_HASH
        event = seal(id=str(uuid.uuid4()), device_id=self.device_id, seq=len(self.events) + 1,
                     kind=kind, case_id=case_id, actor=actor or str(uuid.uuid4()),
                     at=format_utc(at),
                     payload=dict(payload if payload is not None else {"text": "hello"}),
                     prev_hash=prev)
        self.events.append(event)
        return event

    def add_many(self, n: int) -> list[Event]:
        return [self.add(payload={"text": f"note {i}"}) for i in range(n)]

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def head(self) -> str:
        return self.events[-1].hash if self.events else GENESIS_HASH


def wire(events: list[Event]) -> list[dict[str, Any]]:
    return [event.to_wire() for event in events]


class ServerThread:
    """uvicorn serving an app in a background thread on a free loopback port."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        # As `serve` runs it: the app decides whom X-Forwarded-For is believed from.
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on",
                                proxy_headers=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.thread.start()
        started = threading.Event()
        # Generous: a busy CI machine may take a while; this bounds a hang, it times nothing.
        for _ in range(6000):
            if self.server.started or not self.thread.is_alive():
                break
            started.wait(0.01)
        if not self.server.started:
            state = "running" if self.thread.is_alive() else "dead"
            raise RuntimeError(f"the test server did not start (thread {state})")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()


class HQ:
    """A running head office plus direct database access for set-up and checks."""

    def __init__(self, db_url: str, clock: FakeClock) -> None:
        self.clock = clock
        self.app = create_app(db_url, clock=clock)
        self.factory = session_factory(self.app.state.engine)
        self.server = ServerThread(self.app)
        self.server.start()
        self.client = httpx.Client(base_url=self.server.url, timeout=60)

    def close(self) -> None:
        self.client.close()
        self.server.stop()
        self.app.state.engine.dispose()

    def db(self, work: Callable[[Session], T]) -> T:
        with transaction(self.factory) as session:
            return work(session)

    def add_site(self, name: str = "Harbour Hotel", currency: str = "EUR",
                 timezone: str = "Europe/Paris") -> Site:
        return self.db(lambda s: admin.add_site(s, name=name, currency=currency,
                                                timezone=timezone, now=self.clock()))

    def code(self, site: Site, *, issued_at: datetime | None = None,
             valid_for: timedelta = admin.CODE_VALIDITY) -> str:
        when = issued_at or self.clock()
        return self.db(lambda s: admin.issue_code(s, site.id, now=when,
                                                  valid_for=valid_for)).code

    def enrol_body(self, code: str, *, device_id: str | None = None, currency: str = "EUR",
                   name: str = "Front desk", key: str | None = None) -> dict[str, Any]:
        return {"code": code, "device_id": device_id or str(uuid.uuid4()), "device_name": name,
                "site": {"name": "Harbour", "currency": currency, "timezone": "Europe/Paris"},
                "voucher_public_key": key}

    def enrol(self, site: Site, *, name: str = "Front desk", key: str | None = None,
              device_id: str | None = None) -> Desk:
        body = self.enrol_body(self.code(site), device_id=device_id, currency=site.currency,
                               name=name, key=key)
        response = self.client.post("/api/v1/enroll", json=body)
        assert response.status_code == 200, response.text
        return Desk(body["device_id"], response.json()["token"], site.id)

    def push(self, desk: Desk, events: list[Event], *, chain_head: str | None = None,
             token: str | None = None) -> httpx.Response:
        return self.client.post(
            "/api/v1/events",
            json={"events": wire(events), "chain_head": chain_head or desk.head()},
            headers={"Authorization": f"Bearer {token or desk.token}"})

    def pull(self, desk: Desk, **params: Any) -> httpx.Response:
        return self.client.get("/api/v1/events", params=params, headers=desk.auth)

    def held(self, device_id: str) -> list[tuple[int, str]]:
        return self.db(lambda s: [tuple(r) for r in s.execute(
            select(EventRow.seq, EventRow.hash).where(EventRow.device_id == device_id)
            .order_by(EventRow.seq))])

    def count(self, device_id: str | None = None) -> int:
        query = select(func.count()).select_from(EventRow)
        if device_id is not None:
            query = query.where(EventRow.device_id == device_id)
        return self.db(lambda s: s.scalar(query) or 0)

    def flags(self, kind: str | None = None) -> list[Flag]:
        query = select(Flag).order_by(Flag.id)
        if kind is not None:
            query = query.where(Flag.kind == kind)
        return self.db(lambda s: list(s.scalars(query)))

    def revoke(self, desk: Desk) -> None:
        self.db(lambda s: admin.revoke_device(s, desk.device_id, now=self.clock()))

    def admin_token(self) -> str:
        return self.db(lambda s: admin.create_admin_token(s, label="test", now=self.clock()))[1]
