"""Combustion's windows: each value's cases at a site in the recent weeks and the weeks before,
kept up to date as events arrive, so the combustion page reads one row per value instead of
summing sixteen weeks of counters at every request.

``hq_window_anchor`` names the weeks counted (``recent_from``..``last_week`` recent, from
``history_from`` before them). Every change the push hook makes to ``hq_week`` (the category)
or ``hq_slice`` (hour of the week, outlet, person) in those weeks is added to the value's window
in the same transaction. When the weeks move on (a new Monday), the first reader (the findings
job, ``headoffice.findings``) recounts the windows from ``hq_week`` and ``hq_slice`` in one
set-based statement per table and moves the anchor. A change to a window also marks the kept
findings stale. Pushes read the anchor ``FOR SHARE`` and the recount locks it ``FOR UPDATE``, so a
recount waits for pushes in flight and pushes wait for the recount: no case is counted twice or
missed (on SQLite one writer at a time gives the same).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Table, case, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from headoffice.aggregates import Key, _apply
from headoffice.models import SliceCount, WeekCount, WindowAnchor, WindowCount

ANCHOR = 1


def follow(db: Session, deltas: Mapping[Key, Mapping[str, int]]) -> None:
    """Add the counters' changes in the anchored weeks to the windows (the push hook)."""
    anchor = db.scalar(select(WindowAnchor).where(WindowAnchor.id == ANCHOR)
                       .with_for_update(read=True))
    if anchor is None:
        return  # not counted yet: the first reader counts everything
    moved: dict[Key, dict[str, int]] = {}
    for (model, key), values in deltas.items():
        if model is WeekCount:
            site_id, week, value = key
            dimension = "category"
        elif model is SliceCount:
            week, dimension, site_id, value = key
        else:
            continue
        if not anchor.history_from <= week <= anchor.last_week:
            continue
        part = "recent" if week >= anchor.recent_from else "history"
        counts = moved.setdefault((WindowCount, (dimension, site_id, value)), {})
        counts[part] = counts.get(part, 0) + values.get("cases", 0)
    if any(any(counts.values()) for counts in moved.values()):
        from headoffice import findings  # it builds on this module (through combustion)

        findings.mark_stale(db)
    _apply(db, moved)


def ensure(db: Session, keys: list[str], recent_weeks: int) -> None:
    """Make the windows count the weeks ``keys`` (oldest first; the last ``recent_weeks`` of
    them recent), recounting them if they counted other weeks."""
    history_from, recent_from, last = keys[0], keys[-recent_weeks], keys[-1]
    anchor = db.scalar(select(WindowAnchor).where(WindowAnchor.id == ANCHOR)
                       .with_for_update())
    if anchor is not None and (anchor.history_from, anchor.recent_from,
                               anchor.last_week) == (history_from, recent_from, last):
        return
    table: Table = WindowCount.__table__  # type: ignore[assignment]
    db.execute(delete(table))
    for model, dimension, value in ((WeekCount, literal("category"), WeekCount.category),
                                    (SliceCount, SliceCount.dimension, SliceCount.value)):
        is_recent = model.week >= recent_from
        db.execute(insert(table).from_select(
            ["dimension", "site_id", "value", "recent", "history"],
            select(dimension, model.site_id, value,
                   func.sum(case((is_recent, model.cases), else_=0)),
                   func.sum(case((is_recent, 0), else_=model.cases)))
            .where(model.week >= history_from, model.week <= last)
            .group_by(dimension, model.site_id, value)))
    if anchor is None:
        db.add(WindowAnchor(id=ANCHOR, history_from=history_from, recent_from=recent_from,
                            last_week=last))
    else:
        anchor.history_from, anchor.recent_from, anchor.last_week = (history_from, recent_from,
                                                                     last)
    db.flush()


def forget(db: Session) -> None:
    """Drop the windows and the findings computed from them (after a recount of the
    counters): the next reader counts them."""
    from headoffice import findings  # it builds on this module (through combustion)

    db.execute(delete(WindowAnchor))
    db.execute(delete(WindowCount))
    findings.forget(db)
