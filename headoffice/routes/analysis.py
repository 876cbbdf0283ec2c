"""The chain-wide analysis pages (``GET /analysis/…``), behind the admin token like the dashboard.

Read-only, server-rendered, served with the dashboard's Content-Security-Policy (no script at
all). Each reads the aggregates ``headoffice.aggregates`` keeps on arrival, never the events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from headoffice import analysis, analysis_view, dashboard, findings
from headoffice.errors import ServiceError
from headoffice.routes.deps import Admin, ClockDep, DatabaseDep, no_store

router = APIRouter(prefix="/analysis", tags=["analysis"])
DEFAULT_DAYS = 84  # the day × hour grid's default: the last twelve weeks
EARLIEST, LATEST = date(1970, 1, 1), date(9000, 12, 31)
Text = Annotated[str | None, Query(max_length=64)]


def html(page: str) -> Response:
    response = HTMLResponse(page)
    response.headers["Content-Security-Policy"] = dashboard.CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return no_store(response)


async def render(db: DatabaseDep, work: Callable[[Session], str]) -> Response:
    return html(await db.run(work))


@router.get("", response_class=HTMLResponse)
async def index(_admin: Admin, clock: ClockDep) -> Response:
    return html(analysis_view.index(clock()))


@router.get("/failures", response_class=HTMLResponse)
async def failures(_admin: Admin, db: DatabaseDep, clock: ClockDep,
                   weeks: Annotated[int, Query(ge=1, le=104)] = 8, category: Text = None,
                   site: Annotated[list[str] | None, Query(max_length=36)] = None,
                   first: Annotated[int, Query(ge=0, le=100_000)] = 0) -> Response:
    def work(session: Session) -> str:
        now = clock()
        every = [s.id for s in analysis.sites(session) if not site or s.id in site]
        shown = every[first:first + analysis_view.SITES_PER_PAGE]
        data = analysis.failures(session, now, weeks, category, shown or ["-"])
        return analysis_view.failures(data, weeks, now, first, len(every))

    return await render(db, work)


@dataclass(frozen=True, slots=True)
class Days:
    first: date
    last: date


def optional_days(date_from: Annotated[date | None, Query(alias="from")] = None,
                  date_to: Annotated[date | None, Query(alias="to")] = None
                  ) -> tuple[date | None, date | None]:
    """Local days ``from``..``to`` (both included), either left open; 422 if out of order."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ServiceError(422, f"from: {date_from} is after to: {date_to}; give the earlier "
                           "day first")
    for day in (date_from, date_to):
        if day is not None and not EARLIEST <= day <= LATEST:
            raise ServiceError(422, f"dates must be between {EARLIEST} and {LATEST}")
    return date_from, date_to


def days(clock: ClockDep, given: Annotated[tuple[date | None, date | None],
                                           Depends(optional_days)]) -> Days:
    """The grid's days: by default the last ``DEFAULT_DAYS`` up to today (UTC)."""
    first, last = given
    last = last or max(clock().date(), first or EARLIEST)
    first = first or max(last - timedelta(days=DEFAULT_DAYS - 1), EARLIEST)
    return Days(first, last)


@router.get("/hours", response_class=HTMLResponse)
async def hours(_admin: Admin, db: DatabaseDep, clock: ClockDep,
                span: Annotated[Days, Depends(days)],
                site: Annotated[str | None, Query(max_length=36)] = None) -> Response:
    def work(session: Session) -> str:
        all_sites = analysis.sites(session)
        chosen = next((s for s in all_sites if s.id == site), None)
        if site is not None and chosen is None:
            raise ServiceError(404, f"no site with id {site!r}")
        grid = analysis.hours(session, site, span.first, span.last)
        return analysis_view.hours(grid, all_sites, chosen, clock(), span.first, span.last)

    return await render(db, work)


@router.get("/combustion", response_class=HTMLResponse)
async def combustion(_admin: Admin, db: DatabaseDep, clock: ClockDep) -> Response:
    def work(session: Session) -> str:
        now = clock()
        return analysis_view.combustion(findings.kept(session, now), now)

    return await render(db, work)


@router.get("/recovery", response_class=HTMLResponse)
async def recovery(_admin: Admin, db: DatabaseDep, clock: ClockDep,
                   by: Annotated[str, Query(pattern="^(gesture|category|site)$")] = "gesture"
                   ) -> Response:
    def work(session: Session) -> str:
        names = {s.id: s.name for s in analysis.sites(session)} if by == "site" else {}
        return analysis_view.recovery(analysis.recovery(session, by), by, names, clock())

    return await render(db, work)


@router.get("/followup", response_class=HTMLResponse)
async def followup(_admin: Admin, db: DatabaseDep, clock: ClockDep,
                   site: Annotated[str | None, Query(max_length=36)] = None) -> Response:
    return await render(db, lambda session: analysis_view.followup(
        analysis.followups(session, site), clock()))


@router.get("/cases", response_class=HTMLResponse)
async def cases(_admin: Admin, db: DatabaseDep, clock: ClockDep,
                site: Annotated[str | None, Query(max_length=36)] = None,
                week: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
                category: Text = None,
                dow: Annotated[int | None, Query(ge=0, le=6)] = None,
                hour: Annotated[int | None, Query(ge=0, le=23)] = None,
                gesture: Text = None, person: Text = None,
                since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
                outlet: Text = None, opened_by: Text = None,
                span: Annotated[tuple[date | None, date | None],
                                Depends(optional_days)] = (None, None)) -> Response:
    wanted = analysis.CaseFilter(site, week, category, dow, hour, gesture, person, since,
                                 span[0], span[1], outlet, opened_by)

    def work(session: Session) -> str:
        names = {s.id: s for s in analysis.sites(session)}
        return analysis_view.cases(analysis.cases(session, wanted), wanted, names, clock())

    return await render(db, work)
