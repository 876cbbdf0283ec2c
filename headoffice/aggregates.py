"""The analysis pages' read aggregates, kept up to date as events arrive (the push hook).

Each case is folded into one ``CaseFact`` row from the events that tell about it (opened,
updated, a gesture granted, a follow-up due and done, closed), and each case counts in the
small counter tables the pages read: ``WeekCount`` (site × local week × category),
``HourCount`` (site × local day of the week × hour), ``GestureCount`` (site × category ×
first gesture type) and ``PersonCount`` (site × who owed the follow-up). When an event changes
a case, the case's old contribution to the counters is taken back and its new one added, so
events may arrive in any order (another desk's gesture before the case's opening) and the
counters always equal what a scan of the cases would give (tests hold them to it).

A follow-up is on time when it was done by the time it was due: desks set it due 20 minutes
after the fix (the playbook's follow-up within 20 minutes). A case counts once it is opened.

``note_events`` is called by ``headoffice.push`` with the events it stores: events of other
kinds cost nothing; a batch touching cases costs one read of those cases and one upsert per
counter table. ``rebuild`` recounts a site from its stored events (``amends-headoffice
aggregates rebuild``, after an upgrade from a head office without them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import (
    Connection,
    Date,
    String,
    Table,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.orm import Session

from headoffice.models import (
    Base,
    CaseFact,
    ChainDayHourCount,
    DayHourCount,
    EventRow,
    Finding,
    FindingRun,
    GestureCount,
    HourCount,
    PersonCount,
    Site,
    SliceCount,
    WeekCount,
    WindowAnchor,
    WindowCount,
)

KINDS = frozenset({"case.opened", "case.updated", "compensation.granted", "followup.due",
                   "followup.done", "case.closed"})
RECOVERED = "recovered"
NO_GESTURE = "none"
SHORT = 64
# One arriving event as the hook needs it: kind, case id, actor, at (wire text), payload.
Arrival = tuple[str, str | None, str | None, str, Mapping[str, Any]]
Key = tuple[type[Base], tuple[Any, ...]]


def note_events(db: Session, site_id: str, events: Iterable[Arrival]) -> None:
    """Fold the arriving events into the cases they tell about, and the counters."""
    mine = [e for e in events if e[0] in KINDS and e[1]]
    if not mine:
        return
    site = db.get(Site, site_id)
    zone = _zone(site.timezone if site is not None else "UTC")
    case_ids = sorted({e[1] for e in mine if e[1] is not None})
    cases = {row.case_id: row for row in db.scalars(
        select(CaseFact).where(CaseFact.site_id == site_id, CaseFact.case_id.in_(case_ids)))}
    before = {case_id: contribution(row) for case_id, row in cases.items()}
    for kind, case_id, actor, at, payload in mine:
        assert case_id is not None
        row = cases.get(case_id)
        if row is None:
            row = cases[case_id] = CaseFact(site_id=site_id, case_id=case_id[:SHORT],
                                            category="", outlet="", gestures=0,
                                            gesture_type="", spend_minor=0, outcome="")
            db.add(row)
        fold(row, kind, actor, at, payload, zone)
    deltas: dict[Key, dict[str, int]] = {}
    for case_id, row in cases.items():
        _add(deltas, contribution(row), 1)
        _add(deltas, before.get(case_id, {}), -1)
    db.flush()
    _apply(db, deltas)
    from headoffice import windows  # it builds on this module

    windows.follow(db, deltas)


def fold(row: CaseFact, kind: str, actor: str | None, at: str, payload: Mapping[str, Any],
         zone: ZoneInfo) -> None:
    """What one event tells about its case."""
    if kind == "case.opened":
        row.opened_at = at
        local = _utc(at).astimezone(zone)
        row.week = (local.date() - timedelta(days=local.weekday())).isoformat()
        row.dow, row.hour = local.weekday(), local.hour
        row.opened_by = (actor or "")[:SHORT] or None
    if kind in ("case.opened", "case.updated"):
        for name in ("category", "outlet"):
            value = payload.get(name)
            if isinstance(value, str):
                setattr(row, name, value.strip()[:SHORT])
    elif kind == "compensation.granted":
        row.gestures += 1
        value = payload.get("value_minor")
        if isinstance(value, int) and not isinstance(value, bool):
            row.spend_minor += value
        if not row.gesture_type:
            row.gesture_type = str(payload.get("gesture_type", ""))[:SHORT]
    elif kind == "followup.due":
        due = payload.get("due_at")
        if isinstance(due, str):
            row.due_at = due
    elif kind == "followup.done":
        if row.done_at is None or at < row.done_at:
            row.done_at, row.done_by = at, (actor or "")[:SHORT] or None
    elif kind == "case.closed":
        if row.closed_at is None or at < row.closed_at:
            row.closed_at = at
        outcome = payload.get("outcome")
        row.outcome = outcome[:SHORT] if isinstance(outcome, str) else ""


def on_time(row: CaseFact) -> bool:
    return row.due_at is not None and row.done_at is not None and row.done_at <= row.due_at


def contribution(row: CaseFact) -> dict[Key, dict[str, int]]:
    """What one case adds to each counter (nothing until it is opened)."""
    if row.week is None or row.dow is None or row.hour is None:
        return {}
    recovered = int(row.outcome == RECOVERED)
    due, done, timely = int(row.due_at is not None), int(row.done_at is not None), int(on_time(row))
    gesture = row.gesture_type or NO_GESTURE
    person = row.done_by or row.opened_by or ""
    found: dict[Key, dict[str, int]] = {
        (WeekCount, (row.site_id, row.week, row.category)): {
            "cases": 1, "recovered": recovered, "spend_minor": row.spend_minor, "due": due,
            "on_time": timely},
        (HourCount, (row.site_id, row.dow, row.hour)): {"cases": 1},
        (GestureCount, (row.site_id, row.category, gesture)): {
            "cases": 1, "recovered": recovered, "spend_minor": row.spend_minor,
            "followed_up": done, "recovered_followed_up": recovered * done},
    }
    day = local_day(row.week, row.dow)
    found[(DayHourCount, (row.site_id, day, row.hour))] = {"cases": 1}
    found[(ChainDayHourCount, (day, row.hour))] = {"cases": 1}
    for dimension, value in slices(row.dow, row.hour, row.outlet, row.opened_by):
        found[(SliceCount, (row.week, dimension, row.site_id, value))] = {"cases": 1}
    if due:
        found[(PersonCount, (row.site_id, person))] = {"due": 1, "done": done,
                                                       "on_time": timely}
    return found


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_keys(now: datetime, weeks: int) -> list[str]:
    """The last ``weeks`` local Mondays up to this week's, oldest first."""
    this = monday(now.date())
    return [(this - timedelta(weeks=n)).isoformat() for n in range(weeks - 1, -1, -1)]


def local_day(week: str, dow: int) -> str:
    """The local date of a day of a local week (Monday 0)."""
    return (date.fromisoformat(week) + timedelta(days=dow)).isoformat()


def hour_of_week(dow: int, hour: int) -> str:
    """The ``hour`` dimension's value: hours since Monday 00:00, as text (Wednesday 15:00 is
    "63")."""
    return str(dow * 24 + hour)


def slices(dow: int, hour: int, outlet: str, person: str | None) -> list[tuple[str, str]]:
    """The (dimension, value) pairs a case counts in beyond its category; an outlet or person
    not given is no value to test."""
    found = [("hour", hour_of_week(dow, hour))]
    if outlet:
        found.append(("outlet", outlet))
    if person:
        found.append(("person", person))
    return found


def _add(into: dict[Key, dict[str, int]], part: Mapping[Key, Mapping[str, int]],
         sign: int) -> None:
    for key, values in part.items():
        counts = into.setdefault(key, {})
        for name, value in values.items():
            counts[name] = counts.get(name, 0) + sign * value


def _apply(db: Session, deltas: Mapping[Key, Mapping[str, int]]) -> None:
    """Add the deltas to the counter rows: one multi-row upsert per table."""
    by_table: dict[type[Base], list[dict[str, Any]]] = {}
    for (model, key), values in sorted(deltas.items(), key=lambda item: (
            item[0][0].__name__, item[0][1])):  # one lock order for concurrent pushes
        if not any(values.values()):
            continue
        table: Table = model.__table__  # type: ignore[assignment]
        names = [column.name for column in table.primary_key.columns]
        by_table.setdefault(model, []).append({**dict(zip(names, key, strict=True)),
                                               **values})
    dialect = db.get_bind().dialect.name
    for model, rows in by_table.items():
        table = model.__table__  # type: ignore[assignment]
        counted = sorted({name for row in rows for name in row
                          if name not in {c.name for c in table.primary_key.columns}})
        rows = [{**{name: 0 for name in counted}, **row} for row in rows]
        db.execute(_upsert(dialect, table, counted), rows)


def _upsert(dialect: str, table: Table, counted: Sequence[str]) -> Any:
    from sqlalchemy.dialects import postgresql, sqlite

    statement: Any = (postgresql.insert(table) if dialect == "postgresql"
                      else sqlite.insert(table))
    return statement.on_conflict_do_update(
        index_elements=[c.name for c in table.primary_key.columns],
        set_={name: table.c[name] + statement.excluded[name] for name in counted})


def _utc(at: str) -> datetime:
    return datetime.fromisoformat(at.replace("Z", "+00:00"))


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def rebuild(db: Session, site_id: str, batch: int = 5000) -> int:
    """Recount a site's cases from its stored events, in arrival order; cases counted."""
    # The chain's grid holds this site's cases too: take them back before recounting them.
    _apply(db, {(ChainDayHourCount, (day, hour)): {"cases": -cases}
                for day, hour, cases in db.execute(
                    select(DayHourCount.day, DayHourCount.hour, DayHourCount.cases)
                    .where(DayHourCount.site_id == site_id))})
    for model in (CaseFact, WeekCount, HourCount, GestureCount, PersonCount, DayHourCount,
                  SliceCount):
        db.execute(delete(model).where(model.site_id == site_id))
    from headoffice import windows  # it builds on this module

    windows.forget(db)
    after = 0
    while True:
        rows = db.execute(select(EventRow.id, EventRow.kind, EventRow.case_id, EventRow.actor,
                                 EventRow.at, EventRow.payload)
                          .where(EventRow.site_id == site_id, EventRow.kind.in_(KINDS),
                                 EventRow.id > after)
                          .order_by(EventRow.id).limit(batch)).all()
        if not rows:
            break
        note_events(db, site_id, [(r.kind, r.case_id, r.actor, r.at, _payload(r.payload))
                                  for r in rows])
        after = rows[-1].id
    return db.scalar(select(func.count()).select_from(CaseFact)
                     .where(CaseFact.site_id == site_id)) or 0


def recount(connection: Connection) -> None:
    """Recount every counter from the case rows, set-based (what ``contribution`` adds up to
    over all cases; the chain-scale seeder writes cases directly and then calls this)."""
    c = CaseFact.__table__.c
    opened = c.week.is_not(None)
    recovered = func.sum(case((c.outcome == RECOVERED, 1), else_=0))
    done = func.sum(case((c.done_at.is_not(None), 1), else_=0))
    timely = func.sum(case(((c.due_at.is_not(None)) & (c.done_at.is_not(None))
                            & (c.done_at <= c.due_at), 1), else_=0))
    gesture = func.coalesce(func.nullif(c.gesture_type, ""), NO_GESTURE)
    person = func.coalesce(func.nullif(c.done_by, ""), func.nullif(c.opened_by, ""), "")
    day = (func.to_char(cast(c.week, Date) + c.dow, "YYYY-MM-DD")
           if connection.dialect.name == "postgresql"
           else func.date(c.week, "+" + cast(c.dow, String) + " days"))
    plans: list[tuple[type[Base], list[Any], list[Any], Any]] = [
        (WeekCount, [c.site_id, c.week, c.category],
         [func.count(), recovered, func.sum(c.spend_minor), func.count(c.due_at), timely],
         opened),
        (HourCount, [c.site_id, c.dow, c.hour], [func.count()], opened),
        (GestureCount, [c.site_id, c.category, gesture],
         [func.count(), recovered, func.sum(c.spend_minor), done,
          func.sum(case(((c.outcome == RECOVERED) & c.done_at.is_not(None), 1), else_=0))],
         opened),
        (PersonCount, [c.site_id, person], [func.count(), done, timely],
         opened & c.due_at.is_not(None)),
        (DayHourCount, [c.site_id, day, c.hour], [func.count()], opened),
        (ChainDayHourCount, [day, c.hour], [func.count()], opened),
        (SliceCount, [c.week, literal("hour"), c.site_id,
                      cast(c.dow * 24 + c.hour, String)], [func.count()], opened),
        (SliceCount, [c.week, literal("outlet"), c.site_id, c.outlet], [func.count()],
         opened & (c.outlet != "")),
        (SliceCount, [c.week, literal("person"), c.site_id, c.opened_by], [func.count()],
         opened & (func.coalesce(c.opened_by, "") != "")),
    ]
    emptied: set[type[Base]] = set()
    for model, keys, values, where in plans:
        table: Table = model.__table__  # type: ignore[assignment]
        if model not in emptied:
            connection.execute(delete(table))
            emptied.add(model)
        connection.execute(insert(table).from_select(
            [column.name for column in table.columns],
            select(*keys, *values).where(where).group_by(*keys)))
    for model in (WindowAnchor, WindowCount, Finding, FindingRun):  # counted anew next
        connection.execute(delete(model))


def _payload(stored: str) -> Mapping[str, Any]:
    value = json.loads(stored)
    return value if isinstance(value, dict) else {}
