"""The roster's events folded into this desk's ``staff`` table.

The rules (later wins, deactivation is final, never leave the site without a manager) are
``db.roster.apply_staff_event``, shared with head office; this module gives them the desk's
rows to work on, and rebuilds the roster when another desk's events arrive out of order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.eventlog import Event
from db.models import EventRow, Site, Staff
from db.roster import STAFF_KINDS, Person, apply_staff_event
from desktop.core.fold_rows import FoldRows

log = logging.getLogger(__name__)

__all__ = ["HANDLERS", "STAFF_KINDS", "refold_staff", "roster_time"]


class _DeskRoster:
    """The staff rows of one transaction, as ``db.roster`` asks for them."""

    def __init__(self, db: Session) -> None:
        self._db = db

    def person(self, staff_id: str) -> Person | None:
        return self._db.get(Staff, staff_id) if staff_id else None

    def add_person(self, *, staff_id: str, name: str, role: str, pin_hash: str,
                   device_id: str, at: datetime) -> None:
        site = self._db.scalars(select(Site)).first()
        if site is None:
            log.warning("staff.added %s before this desk has a site: skipped", staff_id)
            return
        self._db.add(Staff(id=staff_id, site_id=site.id, name=name, role=role,
                           pin_hash=pin_hash, active=True, failed_pins=0, must_set_pin=False,
                           added_by_device=device_id, changed_at=at))
        self._db.flush()

    def other_active_managers(self, staff_id: str) -> int:
        return int(self._db.scalar(select(func.count()).select_from(Staff).where(
            Staff.active, Staff.role == "manager", Staff.id != staff_id)) or 0)


def _apply(rows: FoldRows, event: Event, at: datetime) -> None:
    skipped = apply_staff_event(_DeskRoster(rows.session), event.kind, event.payload, at,
                                event.device_id)
    if skipped:
        log.warning("%s (event %s)", skipped, event.id)


HANDLERS: dict[str, Callable[[FoldRows, Event, datetime], None]] = dict.fromkeys(
    STAFF_KINDS, _apply)


def roster_time(db: Session, staff_ids: Iterable[str], now: datetime) -> datetime:
    """When to record a roster change about these people: now, or just after the latest
    roster event held about any of them if this desk's clock is behind it (so the fold never
    puts a change before what the desk that made it already knew)."""
    latest = db.scalar(select(func.max(Staff.changed_at)).where(Staff.id.in_(list(staff_ids))))
    return now if latest is None else max(now, latest + timedelta(milliseconds=1))


def refold_staff(db: Session, apply: Callable[[Session, Event], None],
                 to_event: Callable[[EventRow], Event]) -> int:
    """Rebuild the whole roster from its events in fold order (after events merged out of
    order: the roster is small, and one person's fate can hang on another's)."""
    db.execute(delete(Staff))
    db.flush()
    rows = db.scalars(select(EventRow).where(EventRow.kind.in_(STAFF_KINDS))
                      .order_by(EventRow.at, EventRow.device_id, EventRow.seq)).all()
    for row in rows:
        apply(db, to_event(row))
    return len(rows)
