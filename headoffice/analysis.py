"""Chain-wide analysis, read from the aggregates ``headoffice.aggregates`` keeps on arrival.

Every number here is a count of cases in a counter table, and each can be drilled down to the
cases behind it (``cases``, from the per-case rows). Combustion points use a named statistic:
see ``combustion``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from headoffice.aggregates import monday, week_keys
from headoffice.combustion import FALSE_DISCOVERY as FALSE_DISCOVERY
from headoffice.combustion import HISTORY_WEEKS as HISTORY_WEEKS
from headoffice.combustion import RECENT_WEEKS as RECENT_WEEKS
from headoffice.combustion import Combustion as Combustion
from headoffice.combustion import benjamini_hochberg as benjamini_hochberg
from headoffice.combustion import combustion as combustion
from headoffice.combustion import poisson_tail as poisson_tail
from headoffice.models import (
    CaseFact,
    ChainDayHourCount,
    DayHourCount,
    GestureCount,
    PersonCount,
    Site,
    WeekCount,
)
from headoffice.roster import staff_names

MAX_CASES = 200  # cases listed on one drill-down page


def sites(db: Session) -> list[Site]:
    return list(db.scalars(select(Site).order_by(Site.name)))


@dataclass(slots=True)
class Failures:
    """Cases by category × site × week: ``counts[(category, week, site_id)]``."""

    weeks: list[str]
    sites: list[Site]
    categories: list[str]
    counts: dict[tuple[str, str, str], int] = field(default_factory=dict)


def failures(db: Session, now: datetime, weeks: int, category: str | None,
             site_ids: Sequence[str] = ()) -> Failures:
    keys = week_keys(now, weeks)
    chosen = [s for s in sites(db) if not site_ids or s.id in site_ids]
    query = (select(WeekCount.category, WeekCount.week, WeekCount.site_id, WeekCount.cases)
             .where(WeekCount.week >= keys[0], WeekCount.week <= keys[-1],
                    WeekCount.cases > 0))
    if category is not None:
        query = query.where(WeekCount.category == category)
    if site_ids:
        query = query.where(WeekCount.site_id.in_(site_ids))
    result = Failures(keys, chosen, [])
    for cat, week, site_id, cases in db.execute(query):
        result.counts[(cat, week, site_id)] = cases
    result.categories = sorted({cat for cat, _, _ in result.counts})
    return result


def hours(db: Session, site_id: str | None, first: date, last: date
          ) -> dict[tuple[int, int], int]:
    """Cases opened by local day of the week (Monday 0) and hour, at a site or the chain, on
    the local days ``first`` to ``last`` (at most a row per day and hour is read)."""
    model: type[DayHourCount] | type[ChainDayHourCount] = (
        ChainDayHourCount if site_id is None else DayHourCount)
    query = select(model.day, model.hour, model.cases).where(
        model.day >= first.isoformat(), model.day <= last.isoformat(), model.cases > 0)
    if site_id is not None:
        query = query.where(DayHourCount.site_id == site_id)
    grid: dict[tuple[int, int], int] = {}
    for day, hour, cases in db.execute(query):
        key = (date.fromisoformat(day).weekday(), hour)
        grid[key] = grid.get(key, 0) + cases
    return grid


# --- recovery and follow-up ----------------------------------------------------------------

DIMENSIONS = {"gesture": GestureCount.gesture_type, "category": GestureCount.category,
              "site": GestureCount.site_id}


@dataclass(frozen=True, slots=True)
class Recovery:
    key: str
    currency: str
    cases: int
    recovered: int
    spend_minor: int
    followed_up: int
    recovered_followed_up: int

    @property
    def rate(self) -> float | None:
        return self.recovered / self.cases if self.cases else None

    @property
    def spend_per_recovered(self) -> int | None:
        return round(self.spend_minor / self.recovered) if self.recovered else None

    @property
    def rate_with_followup(self) -> float | None:
        return self.recovered_followed_up / self.followed_up if self.followed_up else None

    @property
    def rate_without_followup(self) -> float | None:
        without = self.cases - self.followed_up
        return (self.recovered - self.recovered_followed_up) / without if without else None


def recovery(db: Session, by: str) -> list[Recovery]:
    """Recovered rate, spend per recovered guest and follow-up, by gesture type, category or
    site (spend per currency: sites of a chain may count in different ones)."""
    column = DIMENSIONS[by]
    query = (select(column, Site.currency, func.sum(GestureCount.cases),
                    func.sum(GestureCount.recovered), func.sum(GestureCount.spend_minor),
                    func.sum(GestureCount.followed_up),
                    func.sum(GestureCount.recovered_followed_up))
             .join(Site, Site.id == GestureCount.site_id)
             .group_by(column, Site.currency).order_by(column, Site.currency))
    return [Recovery(str(key), currency, *(int(v or 0) for v in values))
            for key, currency, *values in db.execute(query) if values[0]]


@dataclass(frozen=True, slots=True)
class FollowUps:
    site: Site
    person: str | None  # None: the whole site
    due: int
    done: int
    on_time: int
    name: str = ""  # the person's name, from the site's staff events ("" if none came)


def followups(db: Session, site_id: str | None = None) -> list[FollowUps]:
    """Follow-ups due, done, and done within the 20 minutes, per site; and per person at
    ``site_id`` if given (a chain has thousands of people: one site's at a time)."""
    by_id = {s.id: s for s in sites(db)}
    totals = db.execute(select(PersonCount.site_id, func.sum(PersonCount.due),
                               func.sum(PersonCount.done), func.sum(PersonCount.on_time))
                        .group_by(PersonCount.site_id)).all()
    result = [FollowUps(by_id[s], None, int(due or 0), int(done or 0), int(timely or 0))
              for s, due, done, timely in totals if s in by_id and due]
    result.sort(key=lambda f: f.site.name)
    if site_id is None or site_id not in by_id:
        return result
    people = db.execute(select(PersonCount.person, PersonCount.due, PersonCount.done,
                               PersonCount.on_time)
                        .where(PersonCount.site_id == site_id, PersonCount.due > 0)
                        .order_by(PersonCount.person)).all()
    names = staff_names(db, site_id)
    return result + [FollowUps(by_id[site_id], person, due, done, timely, names.get(person, ""))
                     for person, due, done, timely in people]


@dataclass(frozen=True, slots=True)
class CaseFilter:
    site_id: str | None = None
    week: str | None = None
    category: str | None = None
    dow: int | None = None
    hour: int | None = None
    gesture_type: str | None = None
    person: str | None = None
    since: str | None = None  # from this week on
    first_day: date | None = None  # local days, both included
    last_day: date | None = None
    outlet: str | None = None
    opened_by: str | None = None


def cases(db: Session, wanted: CaseFilter) -> list[CaseFact]:
    """The cases behind a number, newest first (at most ``MAX_CASES``)."""
    query = select(CaseFact).where(CaseFact.week.is_not(None))
    if wanted.site_id is not None:
        query = query.where(CaseFact.site_id == wanted.site_id)
    if wanted.week is not None:
        query = query.where(CaseFact.week == wanted.week)
    if wanted.since is not None:
        query = query.where(CaseFact.week >= wanted.since)
    if wanted.category is not None:
        query = query.where(CaseFact.category == wanted.category)
    if wanted.outlet is not None:
        query = query.where(CaseFact.outlet == wanted.outlet)
    if wanted.opened_by is not None:
        query = query.where(CaseFact.opened_by == wanted.opened_by)
    if wanted.first_day is not None:  # the local day is the week's Monday + dow
        week = monday(wanted.first_day).isoformat()
        query = query.where(or_(CaseFact.week > week, and_(
            CaseFact.week == week, CaseFact.dow >= wanted.first_day.weekday())))
    if wanted.last_day is not None:
        week = monday(wanted.last_day).isoformat()
        query = query.where(or_(CaseFact.week < week, and_(
            CaseFact.week == week, CaseFact.dow <= wanted.last_day.weekday())))
    if wanted.dow is not None:
        query = query.where(CaseFact.dow == wanted.dow)
    if wanted.hour is not None:
        query = query.where(CaseFact.hour == wanted.hour)
    if wanted.gesture_type is not None:
        query = query.where(CaseFact.gesture_type == (
            "" if wanted.gesture_type == "none" else wanted.gesture_type))
    if wanted.person is not None:
        query = query.where(func.coalesce(CaseFact.done_by, CaseFact.opened_by) == wanted.person,
                            CaseFact.due_at.is_not(None))
    return list(db.scalars(query.order_by(CaseFact.opened_at.desc()).limit(MAX_CASES)))
