"""The head-office HTTP service: the FastAPI app factory.

The app is stateless: everything lives in the database, so several processes can serve one
PostgreSQL database behind a load balancer. The routes live in ``headoffice.routes``, one
router a resource (enrol, sync, policy, dashboard), and take the database, the clock, the
request body, the authenticated desk and the admin check as dependencies
(``headoffice.routes.deps``). Client mistakes answer 4xx with a ``detail`` and never 500.
Tokens are compared by their SHA-256 only and are never logged (they travel in headers, which
uvicorn's access log does not print).

Auth: desks send ``Authorization: Bearer <device token>``. The dashboard and CSV export need
an admin token (``amends-headoffice admin-token``), sent as the password of HTTP Basic auth (a
browser asks for it; any user name) or as a Bearer token (scripts).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from headoffice import findings
from headoffice.errors import ServiceError
from headoffice.routes import analysis, dashboard, enrol, policy, publish, sync
from headoffice.routes.deps import Clock, Database, Network, Settings, parse_proxies
from headoffice.schedule import findings_loop, verify_every_from_env, verify_loop
from headoffice.store import default_db_url, open_database, session_factory
from headoffice.throttle import DEFAULT_LIMITS, Limit

MAX_BODY_BYTES = 5 * 1024 * 1024
# The load balancers whose X-Forwarded-For to believe (``serve --forwarded-allow-ips``).
PROXIES_ENV = "AMENDS_HQ_FORWARDED_ALLOW_IPS"


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(db_url: str, *, clock: Clock = utc_now,
               max_body_bytes: int = MAX_BODY_BYTES,
               limits: Mapping[str, Limit] = DEFAULT_LIMITS,
               trusted_proxies: tuple[Network, ...] = (),
               check_chains: bool = False,
               check_every: timedelta | None = None,
               findings_every: timedelta | None = None) -> FastAPI:
    """The head-office app on ``db_url`` (migrated to the current schema on creation).

    ``limits`` throttle enrolment and admin sign-in per client address; the client is the
    connection's peer, or, when that peer is one of ``trusted_proxies``, what it says in
    X-Forwarded-For (``headoffice.routes.deps.client_address``). ``check_chains``: verify
    every held chain at start, then every ``check_every`` (``headoffice.schedule``).
    ``findings_every``: recompute combustion's kept findings when out of date, this often.
    """
    engine = open_database(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        task = (asyncio.create_task(verify_loop(session_factory(engine), clock, check_every))
                if check_chains else None)
        kept = (asyncio.create_task(findings_loop(session_factory(engine), clock,
                                                  findings_every))
                if findings_every is not None else None)
        yield
        for running in (task, kept):
            if running is not None:
                running.cancel()
                with suppress(asyncio.CancelledError):
                    await running
        engine.dispose()

    app = FastAPI(title="Amends head office", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.engine = engine
    app.state.headoffice = Settings(Database(session_factory(engine)), clock, max_body_bytes,
                                    dict(limits), trusted_proxies)
    add_error_handlers(app)
    for module in (enrol, sync, policy, dashboard, analysis, publish):
        app.include_router(module.router)
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` and ``serve --workers``: the database (and the
    trusted load balancers) from the env."""
    return create_app(default_db_url(),
                      trusted_proxies=parse_proxies(os.environ.get(PROXIES_ENV, "")),
                      check_chains=True, check_every=verify_every_from_env(),
                      findings_every=findings.EVERY)


def add_error_handlers(app: FastAPI) -> None:
    """Errors are always JSON with a detail, never a 500 for something the client sent."""

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
