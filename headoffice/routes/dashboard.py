"""For people at head office: the read-only page (``GET /``) and the spend export
(``GET /export/spend.csv``), both behind an admin token."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.money import CurrencyError, exponent
from headoffice import dashboard, overview, overview_view, reports
from headoffice.admin import AdminError, find_site
from headoffice.check_view import check_section
from headoffice.errors import ServiceError
from headoffice.models import Site
from headoffice.routes.deps import Admin, AdminSecret, ClockDep, DatabaseDep, no_store

MAX_EXPORT_DAYS = 3700  # about ten years: bounds the work one request may ask for
EARLIEST, LATEST = date(1970, 1, 1), date(9000, 12, 31)

router = APIRouter(tags=["dashboard"])


@router.get("/", response_class=HTMLResponse)
async def home(_admin: Admin, db: DatabaseDep, clock: ClockDep,
               page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    def work(session: Session) -> str:
        now = clock()
        sites = list(session.scalars(select(Site).order_by(Site.name)))
        pages = overview.pages(len(sites))
        if page > pages:
            raise ServiceError(404, f"page: there are {pages} page(s) of sites")
        shown = sites[(page - 1) * overview.PAGE_SITES:page * overview.PAGE_SITES]
        lines = overview.overview(session, sites, now)
        weeks = {line.site.id: (line.spend_this_week, line.grants_this_week,
                                line.approvals_this_week) for line in lines}
        return dashboard.render(reports.summaries(session, now, shown, weeks), now,
                                check_section(session, now),
                                overview_view.section(lines, page, pages))

    text = await db.run(work)
    response = HTMLResponse(text)
    response.headers["Content-Security-Policy"] = dashboard.CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return no_store(response)


@dataclass(frozen=True, slots=True)
class Span:
    first: date
    last: date


def export_span(_secret: AdminSecret, clock: ClockDep,
                date_from: Annotated[date | None, Query(alias="from")] = None,
                date_to: Annotated[date | None, Query(alias="to")] = None) -> Span:
    """The local days to export (default: this month so far); 422 for a span out of bounds.
    Checked after the token is present and before it is looked up, as before the routers."""
    last = date_to or clock().date()
    first = date_from or last.replace(day=1)
    if first > last:
        raise ServiceError(422, "from: must not be after to")
    if first < EARLIEST or last > LATEST:
        # Far dates overflow when midnight in the site's zone is converted to UTC.
        raise ServiceError(422, f"dates must be between {EARLIEST} and {LATEST}")
    if (last - first) > timedelta(days=MAX_EXPORT_DAYS):
        raise ServiceError(422, f"at most {MAX_EXPORT_DAYS} days per export")
    return Span(first, last)


@router.get("/export/spend.csv")
async def export_spend(span: Annotated[Span, Depends(export_span)], _admin: Admin,
                       db: DatabaseDep, site: str = "") -> Response:
    first, last = span.first, span.last

    def work(session: Session) -> str:
        if site.strip():
            try:
                sites = [find_site(session, site)]
            except AdminError as error:
                raise ServiceError(404, str(error)) from None
        else:
            sites = list(session.scalars(select(Site).order_by(Site.name)))
        return spend_csv(reports.spend_by_day(session, sites, first, last))

    text = await db.run(work)
    name = f"amends-spend-{first.isoformat()}-{last.isoformat()}.csv"
    return no_store(Response(text, media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'}))


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


def spend_csv(rows: Iterable[reports.SpendDay]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["site_id", "site_name", "date", "currency", "grants", "spend_minor",
                     "spend"])
    for row in rows:
        writer.writerow([row.site.id, _cell(row.site.name), row.day.isoformat(), row.currency,
                         row.grants, row.spend_minor, _decimal(row.spend_minor, row.currency)])
    return out.getvalue()
