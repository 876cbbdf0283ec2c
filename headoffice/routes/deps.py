"""What the routes take as dependencies (``Depends``): the database, the clock, the request's
JSON body, the authenticated desk and the admin check.

The database comes as ``Database``, whose ``run(work)`` runs ``work(session)`` in one
transaction, in one call on the thread pool, rather than as a per-request ``Session`` that
FastAPI would open in one thread-pool call and commit in another. A transaction that waits
for a free thread between those calls keeps SQLite's write lock (``BEGIN IMMEDIATE``) or a
pooled PostgreSQL connection, while the threads it waits for are blocked waiting for that lock
or connection: under a burst of desks, a stall until the busy or pool timeout. So each piece
of database work, auth included, is one transaction on one thread, and holds nothing while it
waits.

The authenticated desk is looked up in a transaction of its own and handed to the route
detached; the route's work attaches it to its own session (``attach``).
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from headoffice import throttle
from headoffice.auth import BASIC_REALM, check_admin, device_for_token
from headoffice.errors import ServiceError
from headoffice.models import Device
from headoffice.store import transaction
from headoffice.throttle import DEFAULT_LIMITS, Limit

Clock = Callable[[], datetime]
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Database:
    """The app's database: each ``run`` is one transaction, committed when ``work`` returns
    and rolled back when it raises."""

    factory: sessionmaker[Session]

    def in_transaction(self, work: Callable[[Session], T]) -> T:
        with transaction(self.factory) as db:
            return work(db)

    async def run(self, work: Callable[[Session], T]) -> T:
        return await run_in_threadpool(self.in_transaction, work)


@dataclass(frozen=True, slots=True)
class Settings:
    """What ``create_app`` was given; kept on ``app.state.headoffice``."""

    database: Database
    clock: Clock
    max_body_bytes: int
    limits: Mapping[str, Limit] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    # Load balancers whose X-Forwarded-For names the client; empty: trust no such header.
    trusted_proxies: tuple[Network, ...] = ()


def settings(request: Request) -> Settings:
    found = request.app.state.headoffice
    assert isinstance(found, Settings)
    return found


SettingsDep = Annotated[Settings, Depends(settings)]


def database(config: SettingsDep) -> Database:
    return config.database


def clock(config: SettingsDep) -> Clock:
    return config.clock


DatabaseDep = Annotated[Database, Depends(database)]
ClockDep = Annotated[Clock, Depends(clock)]


# --- who is calling ------------------------------------------------------------------------


def parse_proxies(text: str) -> tuple[Network, ...]:
    """``10.0.0.5,10.1.0.0/16`` as networks ("" trusts none); ValueError names a bad one."""
    networks = []
    for part in text.split(","):
        if part.strip():
            try:
                networks.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError:
                raise ValueError(f"not an IP address or network: {part.strip()!r}") from None
    return tuple(networks)


def _trusted(address: str, proxies: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(request: Request, config: SettingsDep) -> str:
    """The address a request comes from, for throttling.

    The peer of the connection, unless that peer is a configured load balancer: then the
    right-most address of X-Forwarded-For that is not one of ours (the left part is whatever
    the client chose to send, so it is never believed).
    """
    peer = request.client.host if request.client is not None else "unknown"
    if not config.trusted_proxies or not _trusted(peer, config.trusted_proxies):
        return peer
    hops = [hop.strip() for header in request.headers.getlist("x-forwarded-for")
            for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, config.trusted_proxies):
            return hop[:throttle.MAX_CLIENT]
    return peer


ClientAddress = Annotated[str, Depends(client_address)]


# --- the request body ----------------------------------------------------------------------


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


async def read_json(request: Request, limit: int) -> Any:
    """The request body as JSON, refusing bodies over ``limit`` bytes before reading them."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise ServiceError(400, "Content-Length is not a number") from None
        if size > limit:
            raise ServiceError(413, f"request body is larger than {limit} bytes; send smaller "
                                    "batches")
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise ServiceError(413, f"request body is larger than {limit} bytes; send smaller "
                                    "batches")
    try:
        # JSON between systems is UTF-8 (RFC 8259); json.loads would guess UTF-16/32 too.
        return json.loads(bytes(received).decode("utf-8"), parse_constant=_no_constants)
    except (ValueError, RecursionError) as error:
        reason = "too deeply nested" if isinstance(error, RecursionError) else str(error)
        raise ServiceError(400, f"the body is not valid JSON: {reason}") from None


async def json_body(request: Request, config: SettingsDep) -> Any:
    return await read_json(request, config.max_body_bytes)


JsonBody = Annotated[Any, Depends(json_body)]


# --- desks ---------------------------------------------------------------------------------


def bearer_token(request: Request) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    token = value.strip()
    if scheme.lower() != "bearer" or not token:
        raise ServiceError(401, "missing bearer token: send 'Authorization: Bearer <token>'")
    return token


BearerToken = Annotated[str, Depends(bearer_token)]


async def current_device(db: DatabaseDep, token: BearerToken) -> Device:
    """The desk of the bearer token (401 if unknown or revoked), detached: ``attach`` it."""
    return await db.run(lambda session: device_for_token(session, token))


CurrentDevice = Annotated[Device, Depends(current_device)]


def attach(db: Session, device: Device) -> Device:
    """``device`` (from ``CurrentDevice``) as part of ``db``'s transaction; what is read of it
    loads there if stale (``push`` refreshes it under the site's lock anyway)."""
    db.add(device)
    return device


# --- people --------------------------------------------------------------------------------


def admin_secret(request: Request) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    secret = ""
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        secret = decoded.partition(":")[2]
    elif scheme.lower() == "bearer":
        secret = value.strip()
    if not secret:
        raise ServiceError(401, "an admin token is needed: create one with "
                                "'amends-headoffice admin-token' and give it as the password",
                           headers={"WWW-Authenticate": BASIC_REALM})
    return secret


AdminSecret = Annotated[str, Depends(admin_secret)]


async def require_admin(db: DatabaseDep, secret: AdminSecret, client: ClientAddress,
                        config: SettingsDep) -> None:
    """401 unless the request carries a live admin token; 429 after too many wrong ones."""
    limit = config.limits[throttle.ADMIN]

    def work(session: Session) -> None:
        throttle.check(session, throttle.ADMIN, client, limit, config.clock())
        check_admin(session, secret)

    try:
        await db.run(work)
    except ServiceError as error:
        if error.status == 401:
            await db.run(lambda session: throttle.count(session, throttle.ADMIN, client, limit,
                                                        config.clock()))
        raise


Admin = Annotated[None, Depends(require_admin)]


def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response
