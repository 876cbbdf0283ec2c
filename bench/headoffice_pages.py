"""Benchmark: head office's pages at chain scale, p95 server time per page.

Run from the repository root, on a database seeded by ``bench.headoffice_seed``::

    eval "$(bash .ci/postgres.sh)"          # a throwaway PostgreSQL
    .venv/bin/python -m bench.headoffice_seed --db "$URL"
    .venv/bin/python -m bench.headoffice_pages --db "$URL" [--runs 30]
    bash .ci/postgres.sh stop

The real app (``headoffice.app.create_app``) is served by uvicorn in this process on a free
127.0.0.1 port and asked for each page ``--runs`` times (after one warm-up request) with an
admin token. Server time is measured inside the app, from the request reaching it to the last
byte of the answer leaving it (an ASGI middleware added here), so the client's share is left
out. Drill-down pages are asked for a real site, week and category of the seeded data.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
import uvicorn
from sqlalchemy import func, select
from starlette.requests import Request
from starlette.responses import Response

from headoffice import admin
from headoffice.app import create_app
from headoffice.models import CaseFact, Site
from headoffice.store import session_factory, transaction

GOAL_MS = 300.0


def pages(factory: Any) -> list[str]:
    with transaction(factory) as db:
        site = db.scalar(select(Site).order_by(Site.name).limit(1))
        assert site is not None, "seed the database first (bench.headoffice_seed)"
        week, category = db.execute(
            select(CaseFact.week, CaseFact.category).where(CaseFact.site_id == site.id)
            .group_by(CaseFact.week, CaseFact.category)
            .order_by(func.count().desc()).limit(1)).one()
        person = db.scalar(select(CaseFact.opened_by).where(CaseFact.site_id == site.id)
                           .limit(1))
    two_years = {"from": (date.today() - timedelta(days=730)).isoformat(),
                 "to": date.today().isoformat()}
    return ["/", "/?page=25", "/analysis", "/analysis/failures", "/analysis/failures?weeks=26",
            "/analysis/hours", f"/analysis/hours?{urlencode(two_years)}",
            f"/analysis/hours?{urlencode({'site': site.id})}",
            f"/analysis/hours?{urlencode({'site': site.id, **two_years})}",
            "/analysis/combustion", "/analysis/recovery", "/analysis/recovery?by=category",
            "/analysis/recovery?by=site", "/analysis/followup",
            f"/analysis/cases?{urlencode({'site': site.id, 'week': week, 'category': category})}",
            "/analysis/cases?dow=2&hour=15",
            f"/analysis/cases?{urlencode({'dow': 2, 'hour': 15, **two_years})}",
            f"/analysis/cases?{urlencode({'site': site.id, 'person': person})}",
            f"/analysis/cases?{urlencode({'site': site.id, 'opened_by': person})}",
            f"/analysis/cases?{urlencode({'site': site.id, 'outlet': 'Spa'})}",
            "/analysis/cases?gesture=drink"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    app = create_app(args.db)
    timings: list[float] = []

    @app.middleware("http")
    async def timed(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        timings.append(time.perf_counter() - started)
        return Response(body, status_code=response.status_code,
                        headers=dict(response.headers))

    factory = session_factory(app.state.engine)
    with transaction(factory) as db:
        _row, token = admin.create_admin_token(db, label="bench", now=admin_now())
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    worst = 0.0
    print(f"{'page':<72} {'p95 ms':>8} {'median':>8} {'bytes':>9}", flush=True)
    with httpx.Client(base_url=url, auth=("admin", token), timeout=120) as client:
        for path in pages(factory):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code, response.text)
            size = len(response.content)
            timings.clear()
            for _ in range(args.runs):
                client.get(path)
            ms = sorted(t * 1000 for t in timings)
            p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
            worst = max(worst, p95)
            print(f"{path[:72]:<72} {p95:>8.1f} {statistics.median(ms):>8.1f} {size:>9}",
                  flush=True)
    server.should_exit = True
    thread.join(30)
    print(f"slowest p95: {worst:.1f} ms (goal {GOAL_MS:.0f} ms): "
          f"{'met' if worst <= GOAL_MS else 'NOT met'}")


def admin_now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


if __name__ == "__main__":
    main()
