"""The head-office HTTP service: FastAPI app factory, sync API for desks, read-only dashboard.

The app is stateless: everything lives in the database, so several processes can serve one
PostgreSQL database behind a load balancer. Request bodies are read here with a size cap and
parsed strictly (no NaN, no Infinity), then handed to ``headoffice.service``; client mistakes
answer 4xx with a ``detail`` and never 500. Tokens are compared by their SHA-256 only and are
never logged (they travel in headers, which uvicorn's access log does not print).

Auth: desks send ``Authorization: Bearer <device token>``. The dashboard and CSV export need
an admin token (``amends-headoffice admin-token``), sent as the password of HTTP Basic auth (a
browser asks for it; any user name) or as a Bearer token (scripts).
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from db.money import CurrencyError, exponent
from headoffice import dashboard, reports, service, tokens
from headoffice.admin import AdminError, find_site
from headoffice.models import AdminToken, Device, Site
from headoffice.service import ServiceError
from headoffice.store import default_db_url, open_database, session_factory, transaction

MAX_BODY_BYTES = 5 * 1024 * 1024
MAX_PULL = 1000
MAX_EXPORT_DAYS = 3700  # about ten years: bounds the work one request may ask for
EARLIEST, LATEST = date(1970, 1, 1), date(9000, 12, 31)
BASIC_REALM = 'Basic realm="Amends head office", charset="UTF-8"'

Clock = Callable[[], datetime]
T = TypeVar("T")


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(db_url: str, *, clock: Clock = utc_now,
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The head-office app on ``db_url`` (migrated to the current schema on creation)."""
    engine = open_database(db_url)
    factory = session_factory(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="Amends head office", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.engine = engine

    def in_transaction(work: Callable[[Session], T]) -> T:
        with transaction(factory) as db:
            return work(db)

    async def run(work: Callable[[Session], T]) -> T:
        return await run_in_threadpool(in_transaction, work)

    # --- errors: always JSON with a detail, never a 500 for something the client sent -------

    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, error: ServiceError) -> Response:
        headers = dict(error.headers)
        if error.status == 401 and "WWW-Authenticate" not in headers:
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse({"detail": error.detail, **error.extra}, status_code=error.status,
                            headers=headers)

    @app.exception_handler(IntegrityError)
    async def _conflict(_request: Request, _error: IntegrityError) -> Response:
        # Only a race with a concurrent request gets here; the checks before insert see the
        # rest. Nothing was stored; the client may simply try again.
        return JSONResponse({"detail": "conflict with a concurrent request; nothing was "
                                       "stored, try again"}, status_code=409)

    @app.exception_handler(DataError)
    async def _unstorable(_request: Request, _error: DataError) -> Response:
        return JSONResponse({"detail": "a value in the request cannot be stored"},
                            status_code=422)

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeout)  # every pooled connection busy: a load, not a bug
    async def _unavailable(_request: Request, _error: Exception) -> Response:
        return JSONResponse({"detail": "the database is unavailable; try again later"},
                            status_code=503, headers={"Retry-After": "30"})

    # --- sync API ---------------------------------------------------------------------------

    @app.post("/api/v1/enroll")
    async def enroll(request: Request) -> Response:
        body = await read_json(request, max_body_bytes)

        def work(db: Session) -> dict[str, Any]:
            enrolled = service.enrol(db, body, now=clock())
            site = enrolled.site
            return {"token": enrolled.token, "site_id": site.id, "site_name": site.name,
                    "currency": site.currency, "timezone": site.timezone}

        return no_store(JSONResponse(await run(work)))

    @app.post("/api/v1/events")
    async def push_events(request: Request) -> Response:
        token = bearer_token(request)
        body = await read_json(request, max_body_bytes)
        # The usual push, checked a column at a time, before the database's lock is taken.
        plain = await run_in_threadpool(service.PlainBatch.of, body)
        parsed = service.parse_push(body) if plain is None else None  # 422 before any lock

        def careful(db: Session, device: Device) -> service.PushResult:
            request_body = parsed or service.parse_push(body)
            hashed = service.check_events(request_body.events, device.id)
            return service.push(db, device, request_body, now=clock(), hashed=hashed)

        def work(db: Session) -> service.PushResult:
            device = service.device_for_token(db, token)
            if plain is not None:
                stored = service.push_plain(db, device, plain, now=clock())
                if stored is not None:
                    return stored
            return careful(db, device)

        try:
            result = await run(work)
        except service.Unusual:  # rolled back; the careful way says what and keeps the rest
            result = await run(lambda db: careful(db, service.device_for_token(db, token)))
        if result.fault is not None:
            fault = result.fault
            return JSONResponse(
                {"detail": f"refused: {fault.detail}; nothing from seq {fault.seq} on was "
                           "stored and head office has flagged it",
                 "highest_seq": result.highest_seq,
                 "fault": {"kind": fault.kind, "seq": fault.seq, "event_id": fault.event_id}},
                status_code=409)
        return JSONResponse({"highest_seq": result.highest_seq})

    @app.get("/api/v1/events")
    async def pull_events(request: Request,
                          after: Annotated[int, Query(ge=0, le=2**62)] = 0,
                          limit: Annotated[int, Query(ge=1, le=MAX_PULL)] = 500) -> Response:
        token = bearer_token(request)

        def work(db: Session) -> dict[str, Any]:
            device = service.device_for_token(db, token)
            return service.pull(db, device, after=after, limit=limit)

        return JSONResponse(await run(work))

    @app.get("/api/v1/policy")
    async def get_policy(request: Request,
                         have: Annotated[int, Query(ge=0, le=2**31)] = 0) -> Response:
        token = bearer_token(request)

        def work(db: Session) -> dict[str, Any] | None:
            device = service.device_for_token(db, token)
            return service.policy_for(db, device, have=have)

        found = await run(work)
        return Response(status_code=204) if found is None else JSONResponse(found)

    # --- people: dashboard and export -----------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    async def home(request: Request) -> Response:
        secret = admin_secret(request)

        def work(db: Session) -> str:
            check_admin(db, secret)
            now = clock()
            return dashboard.render(reports.summaries(db, now), now)

        page = await run(work)
        response = HTMLResponse(page)
        response.headers["Content-Security-Policy"] = dashboard.CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return no_store(response)

    @app.get("/export/spend.csv")
    async def export_spend(request: Request, site: str = "",
                           date_from: Annotated[date | None, Query(alias="from")] = None,
                           date_to: Annotated[date | None, Query(alias="to")] = None,
                           ) -> Response:
        secret = admin_secret(request)
        last = date_to or clock().date()
        first = date_from or last.replace(day=1)
        if first > last:
            raise ServiceError(422, "from: must not be after to")
        if first < EARLIEST or last > LATEST:
            # Far dates overflow when midnight in the site's zone is converted to UTC.
            raise ServiceError(422, f"dates must be between {EARLIEST} and {LATEST}")
        if (last - first) > timedelta(days=MAX_EXPORT_DAYS):
            raise ServiceError(422, f"at most {MAX_EXPORT_DAYS} days per export")

        def work(db: Session) -> str:
            check_admin(db, secret)
            if site.strip():
                try:
                    sites = [find_site(db, site)]
                except AdminError as error:
                    raise ServiceError(404, str(error)) from None
            else:
                sites = list(db.scalars(select(Site).order_by(Site.name)))
            return spend_csv(reports.spend_by_day(db, sites, first, last))

        text = await run(work)
        name = f"amends-spend-{first.isoformat()}-{last.isoformat()}.csv"
        return no_store(Response(text, media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition":
                                          f'attachment; filename="{name}"'}))

    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` and ``serve --workers``: the database from the env."""
    return create_app(default_db_url())


# --- request helpers ------------------------------------------------------------------------------


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


def bearer_token(request: Request) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    token = value.strip()
    if scheme.lower() != "bearer" or not token:
        raise ServiceError(401, "missing bearer token: send 'Authorization: Bearer <token>'")
    return token


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


def check_admin(db: Session, secret: str) -> None:
    found = db.scalar(select(AdminToken.id).where(AdminToken.token_hash == tokens.digest(secret),
                                                  AdminToken.revoked_at.is_(None)))
    if found is None:
        raise ServiceError(401, "admin token not recognised or revoked",
                           headers={"WWW-Authenticate": BASIC_REALM})


def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


# --- CSV -----------------------------------------------------------------------------------


def _cell(text: str) -> str:
    # A cell starting like a formula would run in a spreadsheet (CSV injection); quote it.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _decimal(minor: int, currency: str) -> str:
    try:
        digits = exponent(currency)
    except CurrencyError:
        return ""
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), 10**digits)
    return f"{sign}{whole}.{frac:0{digits}d}" if digits else f"{sign}{whole}"


def spend_csv(rows: Any) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["site_id", "site_name", "date", "currency", "grants", "spend_minor",
                     "spend"])
    for row in rows:
        writer.writerow([row.site.id, _cell(row.site.name), row.day.isoformat(), row.currency,
                         row.grants, row.spend_minor, _decimal(row.spend_minor, row.currency)])
    return out.getvalue()
