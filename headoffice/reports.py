"""What head office people read: per-site summaries for the dashboard and spend for the CSV.

Everything is computed from the stored events at request time (no second copy to drift), with
plain SQL on the report columns so it runs the same on SQLite and PostgreSQL. Days and weeks
are the site's own, in its time zone: a week starts on Monday at 00:00 local time.

Head office shows *spend*, not a site budget: the policy limits are per person per shift and
per case at the desk, so adding them up would not be a budget anyone agreed. Grants beyond
those limits are counted through their ``approval.given`` events.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from db.models import format_utc
from headoffice.admin import current_policy
from headoffice.models import Device, EventRow, Flag, Site
from headoffice.roster import RosterLine, site_roster, staff_names

GRANTED = "compensation.granted"
FOLLOWUP_ENDS = ("followup.done", "case.closed")
MAX_LISTED = 200  # rows per list on the page; the count says when there are more


@dataclass(frozen=True, slots=True)
class Overdue:
    case_id: str
    due_at: datetime
    guest_name: str
    desk: str


@dataclass(frozen=True, slots=True)
class Redemption:
    desk: str
    device_id: str
    seq: int
    at: datetime
    by: str = ""  # who redeemed it, by name (from the site's staff events)


@dataclass(frozen=True, slots=True)
class DoubleRedeemed:
    voucher_id: str
    redemptions: list[Redemption]


@dataclass(slots=True)
class SiteSummary:
    site: Site
    zone: ZoneInfo
    week_start: date
    desks: list[Device]
    spend_this_week: dict[str, int]  # currency -> minor units
    grants_this_week: int
    approvals_this_week: int
    policy_version: int | None
    overdue: list[Overdue] = field(default_factory=list)
    overdue_total: int = 0
    flags: list[Flag] = field(default_factory=list)
    double_redeemed: list[DoubleRedeemed] = field(default_factory=list)
    staff: list[RosterLine] = field(default_factory=list)
    approved: list[Approved] = field(default_factory=list)  # this week, newest first


@dataclass(frozen=True, slots=True)
class Approved:
    """A grant beyond a limit this week: who granted it and who approved it, by name."""

    at: datetime
    desk: str
    granted_by: str
    approved_by: str
    value_minor: int
    case_id: str


def site_zone(site: Site) -> ZoneInfo:
    return ZoneInfo(site.timezone)


def local_midnight_utc(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), zone).astimezone(UTC)


def wire_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


# This week's spend per currency, gestures granted and approvals, when already counted.
WeekTotals = tuple[dict[str, int], int, int]


def summaries(db: Session, now: datetime, sites: list[Site] | None = None,
              weeks: dict[str, WeekTotals] | None = None) -> list[SiteSummary]:
    """Each site's summary (``sites``, or every site by name); ``weeks``: this week's totals
    by site id where the caller counted them already (the dashboard's overview)."""
    chosen = sites if sites is not None else list(db.scalars(select(Site).order_by(Site.name)))
    return [summarise(db, site, now, (weeks or {}).get(site.id)) for site in chosen]


def summarise(db: Session, site: Site, now: datetime,
              week: WeekTotals | None = None) -> SiteSummary:
    zone = site_zone(site)
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    lo = format_utc(local_midnight_utc(monday, zone))
    hi = format_utc(local_midnight_utc(monday + timedelta(days=7), zone))
    in_week = and_(EventRow.site_id == site.id, EventRow.at >= lo, EventRow.at < hi)

    if week is not None:
        spend, grants, approvals = week
    else:
        spend = {
            str(currency): int(total or 0)  # neither is NULL (where below)
            for currency, total in db.execute(
                select(EventRow.currency, func.sum(EventRow.value_minor))
                .where(in_week, EventRow.kind == GRANTED, EventRow.value_minor.is_not(None),
                       EventRow.currency.is_not(None))
                .group_by(EventRow.currency).order_by(EventRow.currency)
            )
        }
        grants = db.scalar(select(func.count()).select_from(EventRow)
                           .where(in_week, EventRow.kind == GRANTED)) or 0
        approvals = db.scalar(select(func.count()).select_from(EventRow)
                              .where(in_week, EventRow.kind == "approval.given")) or 0
    policy = current_policy(db, site.id)
    summary = SiteSummary(
        site=site, zone=zone, week_start=monday,
        desks=list(db.scalars(select(Device).where(Device.site_id == site.id)
                              .order_by(Device.name, Device.id))),
        spend_this_week=spend, grants_this_week=grants, approvals_this_week=approvals,
        policy_version=None if policy is None else policy.version,
    )
    summary.overdue, summary.overdue_total = overdue_followups(db, site, now)
    summary.flags = list(db.scalars(select(Flag).where(Flag.site_id == site.id)
                                    .order_by(Flag.created_at.desc(), Flag.id.desc())
                                    .limit(MAX_LISTED)))
    names = staff_names(db, site.id)
    summary.double_redeemed = double_redeemed(db, site, names)
    summary.staff = site_roster(db, site)
    summary.approved = approved_this_week(db, site, lo, hi, names)
    return summary


def approved_this_week(db: Session, site: Site, lo: str, hi: str,
                       names: dict[str, str]) -> list[Approved]:
    """Grants approved beyond a limit in the week, naming the granter and the approver."""
    found = []
    for at, actor, payload, case_id, desk in db.execute(
            select(EventRow.at, EventRow.actor, EventRow.payload, EventRow.case_id, Device.name)
            .join(Device, Device.id == EventRow.device_id)
            .where(EventRow.site_id == site.id, EventRow.kind == "approval.given",
                   EventRow.at >= lo, EventRow.at < hi)
            .order_by(EventRow.at.desc(), EventRow.id.desc()).limit(MAX_LISTED)):
        data = json.loads(payload)
        value = data.get("value_minor")
        found.append(Approved(wire_time(at), desk, names.get(str(data.get("requested_by")), "?"),
                              names.get(actor or "", "?"),
                              value if isinstance(value, int) else 0, str(case_id or "")))
    return found


def overdue_followups(db: Session, site: Site, now: datetime) -> tuple[list[Overdue], int]:
    """Cases whose latest follow-up is due before ``now`` with no follow-up done or close."""
    ended = aliased(EventRow)
    latest_due = func.max(EventRow.due_at)
    query = (
        select(EventRow.case_id, latest_due)
        .where(EventRow.site_id == site.id, EventRow.kind == "followup.due",
               EventRow.case_id.is_not(None), EventRow.due_at.is_not(None),
               ~exists().where(ended.site_id == site.id, ended.case_id == EventRow.case_id,
                               ended.kind.in_(FOLLOWUP_ENDS)))
        .group_by(EventRow.case_id)
        .having(latest_due < format_utc(now))
    )
    due = sorted(((str(due_at), str(case_id)) for case_id, due_at in db.execute(query)
                  ))
    listed = due[:MAX_LISTED]
    opened = _case_openings(db, site, [case_id for _, case_id in listed])
    return [Overdue(case_id=case_id, due_at=wire_time(due_at),
                    guest_name=opened.get(case_id, ("", ""))[0],
                    desk=opened.get(case_id, ("", ""))[1])
            for due_at, case_id in listed], len(due)


def _case_openings(db: Session, site: Site, case_ids: list[str]) -> dict[str, tuple[str, str]]:
    """case_id -> (guest name, desk name) from the cases' ``case.opened`` events."""
    if not case_ids:
        return {}
    rows = db.execute(
        select(EventRow.case_id, EventRow.payload, Device.name)
        .join(Device, Device.id == EventRow.device_id)
        .where(EventRow.site_id == site.id, EventRow.kind == "case.opened",
               EventRow.case_id.in_(case_ids))
    )
    found: dict[str, tuple[str, str]] = {}
    for case_id, payload, desk in rows:
        guest = json.loads(payload).get("guest_name", "")
        found[str(case_id)] = (guest if isinstance(guest, str) else str(guest), desk)
    return found


def double_redeemed(db: Session, site: Site,
                    names: dict[str, str] | None = None) -> list[DoubleRedeemed]:
    """Vouchers with more than one ``voucher.redeemed`` event at this site."""
    twice = select(EventRow.voucher_id).where(
        EventRow.site_id == site.id, EventRow.kind == "voucher.redeemed",
        EventRow.voucher_id.is_not(None),
    ).group_by(EventRow.voucher_id).having(func.count() > 1).limit(MAX_LISTED)
    voucher_ids = [v for v in db.scalars(twice) if v is not None]
    if not voucher_ids:
        return []
    rows = db.execute(
        select(EventRow.voucher_id, Device.name, EventRow.device_id, EventRow.seq, EventRow.at,
               EventRow.actor)
        .join(Device, Device.id == EventRow.device_id)
        .where(EventRow.site_id == site.id, EventRow.kind == "voucher.redeemed",
               EventRow.voucher_id.in_(voucher_ids))
        .order_by(EventRow.voucher_id, EventRow.at, EventRow.id)
    )
    grouped: dict[str, list[Redemption]] = defaultdict(list)
    for voucher_id, desk, device_id, seq, at, actor in rows:
        grouped[str(voucher_id)].append(Redemption(desk, device_id, seq, wire_time(at),
                                                   (names or {}).get(actor or "", "")))
    return [DoubleRedeemed(v, grouped[v]) for v in sorted(grouped)]


# --- spend by day (CSV) ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpendDay:
    site: Site
    day: date
    currency: str
    grants: int
    spend_minor: int


def spend_by_day(db: Session, sites: list[Site], first: date, last: date) -> Iterator[SpendDay]:
    """Granted compensation per site, local day and currency, for days first..last inclusive."""
    for site in sites:
        zone = site_zone(site)
        lo = format_utc(local_midnight_utc(first, zone))
        hi = format_utc(local_midnight_utc(last + timedelta(days=1), zone))
        totals: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
        rows = db.execute(
            select(EventRow.at, EventRow.currency, EventRow.value_minor)
            .where(EventRow.site_id == site.id, EventRow.kind == GRANTED,
                   EventRow.at >= lo, EventRow.at < hi, EventRow.value_minor.is_not(None),
                   EventRow.currency.is_not(None))
            .execution_options(yield_per=2000)
        )
        for at, currency, value in rows:
            key = (wire_time(at).astimezone(zone).date(), str(currency))
            totals[key][0] += 1
            totals[key][1] += int(value or 0)  # not NULL (where above)
        for (day, currency), (count, total) in sorted(totals.items()):
            yield SpendDay(site, day, currency, count, total)
