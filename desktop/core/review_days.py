"""The review's per-day totals (``review_day``), always a recount of the rows.

Each event that changes a case or a grant marks the site-local days it touches
(``mark_case_days``); ``settle``, run just before every commit, recounts those days from the
rows by one set of GROUP BY statements (``refresh_review_days``), so the totals are never a
second opinion. ``relocalise`` recomputes every local day after the site's time zone changes.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Collection
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    BindParameter,
    Insert,
    String,
    Table,
    and_,
    bindparam,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from db.models import CaseRow, GrantRow, ReviewDayRow, Site


def site_zone(db: Session) -> ZoneInfo:
    """The site's time zone, looked up once per transaction (UTC before set-up)."""
    zone = db.info.get("site_zone")
    if zone is None:
        name = db.scalar(select(Site.timezone).limit(1))
        zone = db.info["site_zone"] = ZoneInfo(name or "UTC")
    return zone


def local_day(db: Session, at: datetime) -> str:
    return at.astimezone(site_zone(db)).date().isoformat()



# The events that can change a case's or a grant's place in the review's totals.
REVIEW_KINDS = frozenset({"case.opened", "case.updated", "followup.due", "followup.done",
                          "case.closed", "compensation.granted"})
DIRTY_DAYS = "review_dirty_days"


def mark_case_days(db: Session, case_id: str) -> None:
    days: set[str] = db.info.setdefault(DIRTY_DAYS, set())
    opened = db.scalar(select(CaseRow.opened_day).where(CaseRow.id == case_id))
    if opened:
        days.add(opened)
    days.update(db.scalars(select(GrantRow.local_day).where(GrantRow.case_id == case_id)
                           .distinct()))


def settle(db: Session) -> None:
    """Recount the review days this transaction touched (run just before commit)."""
    days = db.info.pop(DIRTY_DAYS, None)
    if days:
        db.flush()
        refresh_review_days(db, days)


def refresh_review_days(db: Session | Connection, days: Collection[str] | None) -> None:
    """Recount ``review_day`` for these site-local days (all days for None) from the rows
    (in a session's transaction, or a connection's: the seeder's, chunk by chunk)."""
    table = _review_day_table()
    if days is None:
        db.execute(delete(table))
        for statement in _recount_statements(False):
            db.execute(statement)
        return
    for chunk in chunks(sorted(days), 400):
        db.execute(delete(table).where(table.c.day.in_(bindparam("days", expanding=True))),
                   {"days": chunk})
        for statement in _recount_statements(True):
            db.execute(statement, {"days": chunk})


def _review_day_table() -> Table:
    # A mapped class's __table__ is typed as any FromClause; this one is a plain Table.
    return typing.cast(Table, ReviewDayRow.__table__)


def chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@functools.cache
def _recount_statements(some_days: bool) -> tuple[Insert, ...]:
    """The INSERT … SELECT … GROUP BY statements that count ``review_day``; built once, so a
    commit pays only for running them (``:days`` is the list of days when ``some_days``)."""
    table = _review_day_table()
    days: BindParameter[str] = bindparam("days", expanding=True)
    grant, case_ = GrantRow.__table__.c, CaseRow.__table__.c
    joined = GrantRow.__table__.join(CaseRow.__table__, CaseRow.__table__.c.id == grant.case_id)
    staff = func.coalesce(grant.staff_id, "")

    def by_grant(dim: str, key: ColumnElement[Any]) -> Select[Any]:
        query = (select(grant.local_day, literal(dim), key, func.count(),
                        func.sum(grant.value_minor))
                 .select_from(joined).group_by(grant.local_day, key))
        return query.where(grant.local_day.in_(days)) if some_days else query

    def by_case(dim: str, key: ColumnElement[Any], *where: ColumnElement[bool]) -> Select[Any]:
        # The conditions go into the key, not the WHERE clause: SQLite has no statistics and
        # would take "status = 'closed'" for narrower than one day, walking every closed
        # case (0.7 s a commit at a million cases) instead of the day's few.
        if where:
            key = case((and_(*where), key), else_=None)
        query = (select(case_.opened_day, literal(dim), key, func.count(), literal(0))
                 .select_from(CaseRow.__table__)
                 .group_by(case_.opened_day, key).having(key.is_not(None)))
        return query.where(case_.opened_day.in_(days)) if some_days else query

    closed = case_.status == "closed"
    no_followup = case_.followup_done_at.is_(None)
    queries = [
        by_grant("gesture", grant.gesture_type),
        by_grant("category", case_.category),
        by_grant("outlet", case_.outlet),
        by_grant("staff", staff),
        by_grant("shift", staff + "|" + func.coalesce(grant.shift_id, "")),
        by_case("cases", literal("")),
        by_case("cell", cast(case_.opened_weekday, String) + ":"
                + cast(case_.opened_hour, String)),
        by_case("outcome", case((case_.outcome == "", "unknown"), else_=case_.outcome), closed),
        by_case("late", literal(""), case_.followup_due_at.is_not(None),
                case_.followup_done_at.is_not(None),
                case_.followup_done_at > case_.followup_due_at),
        by_case("missed", literal(""), closed, case_.followup_due_at.is_not(None),
                no_followup),
        by_case("no_followup", literal(""), closed, no_followup),
    ]
    return tuple(insert(table).from_select(["day", "dim", "key", "count", "spend"], query)
                 for query in queries)


def relocalise(db: Session) -> None:
    """The site's time zone changed: recompute every local day and hour, and the totals."""
    db.info.pop("site_zone", None)
    zone = site_zone(db)
    cases = db.execute(select(CaseRow.id, CaseRow.opened_at)).all()
    for chunk in range(0, len(cases), 5000):
        db.execute(update(CaseRow), [
            {"id": case_id, "opened_day": (local := at.astimezone(zone)).date().isoformat(),
             "opened_weekday": local.weekday(), "opened_hour": local.hour}
            for case_id, at in cases[chunk:chunk + 5000]])
    grants = db.execute(select(GrantRow.id, GrantRow.granted_at)).all()
    for chunk in range(0, len(grants), 5000):
        db.execute(update(GrantRow), [
            {"id": grant_id, "local_day": at.astimezone(zone).date().isoformat()}
            for grant_id, at in grants[chunk:chunk + 5000]])
    db.info.pop(DIRTY_DAYS, None)
    refresh_review_days(db, None)
