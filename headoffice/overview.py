"""The dashboard's chain overview: one line per site, from a handful of set-based queries.

At chain scale (hundreds of sites) the dashboard cannot summarise each site in turn: the
overview answers for every site at once, and the detailed sections below it are shown one page
of sites at a time (``PAGE_SITES``). This week's spend and approvals come from the week's
events (one query per distinct local week, i.e. per time zone, through the site × kind × time
index), overdue follow-ups from the per-case rows ``headoffice.aggregates`` keeps (a partial
index holds only the cases still waiting), flags and desks from their own small tables.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import format_utc
from headoffice.flags import DOUBLE_REDEMPTION
from headoffice.models import CaseFact, Device, EventRow, Flag, Site
from headoffice.reports import GRANTED, local_midnight_utc, site_zone

PAGE_SITES = 5  # sites whose details one dashboard page shows (about a dozen queries each)


@dataclass(slots=True)
class SiteLine:
    site: Site
    page: int  # the dashboard page that shows this site's details (from 1)
    spend_this_week: dict[str, int] = field(default_factory=dict)  # currency -> minor units
    grants_this_week: int = 0
    approvals_this_week: int = 0
    overdue: int = 0
    double_redeemed: int = 0
    flags: int = 0
    desks: int = 0


def pages(site_count: int) -> int:
    return max(1, -(-site_count // PAGE_SITES))


def overview(db: Session, sites: list[Site], now: datetime) -> list[SiteLine]:
    """A line for each of ``sites`` (in the order given, the dashboard's)."""
    lines = {site.id: SiteLine(site, n // PAGE_SITES + 1) for n, site in enumerate(sites)}
    by_week: dict[tuple[str, str], list[str]] = defaultdict(list)
    for site in sites:
        zone = site_zone(site)
        today = now.astimezone(zone).date()
        monday = today - timedelta(days=today.weekday())
        by_week[(format_utc(local_midnight_utc(monday, zone)),
                 format_utc(local_midnight_utc(monday + timedelta(days=7), zone)))].append(site.id)
    for (lo, hi), site_ids in by_week.items():
        rows = db.execute(
            select(EventRow.site_id, EventRow.kind, EventRow.currency, func.count(),
                   func.sum(EventRow.value_minor))
            .where(EventRow.site_id.in_(site_ids), EventRow.kind.in_((GRANTED, "approval.given")),
                   EventRow.at >= lo, EventRow.at < hi)
            .group_by(EventRow.site_id, EventRow.kind, EventRow.currency))
        for site_id, kind, currency, count, total in rows:
            line = lines[site_id]
            if kind == GRANTED:
                line.grants_this_week += count
                if currency is not None and total is not None:
                    line.spend_this_week[currency] = (line.spend_this_week.get(currency, 0)
                                                      + int(total))
            else:
                line.approvals_this_week += count
    waiting = db.execute(select(CaseFact.site_id, func.count())
                         .where(CaseFact.done_at.is_(None), CaseFact.closed_at.is_(None),
                                CaseFact.due_at.is_not(None),
                                CaseFact.due_at < format_utc(now))
                         .group_by(CaseFact.site_id))
    for site_id, count in waiting:
        if site_id in lines:
            lines[site_id].overdue = count
    for site_id, kind, count in db.execute(select(Flag.site_id, Flag.kind, func.count())
                                           .group_by(Flag.site_id, Flag.kind)):
        if site_id in lines:
            lines[site_id].flags += count
            if kind == DOUBLE_REDEMPTION:
                lines[site_id].double_redeemed += count
    for site_id, count in db.execute(select(Device.site_id, func.count())
                                     .group_by(Device.site_id)):
        if site_id in lines:
            lines[site_id].desks = count
    for line in lines.values():
        line.spend_this_week = dict(sorted(line.spend_this_week.items()))
    return list(lines.values())
