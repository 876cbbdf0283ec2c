"""How the roster's events change the ``staff`` table: the staff part of the fold.

Every desk folds the site's events in one order, (time, device id, seq), so two changes to
one person made offline at two desks resolve the same way everywhere: the later one wins,
except that a deactivation is final (nothing after it changes the person) and a change that
would leave the site with no active manager is skipped (a desk refuses it when made; only two
offline desks together can reach it). Head office's deactivation always applies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.eventlog import Event
from db.models import EventRow, Site, Staff

log = logging.getLogger(__name__)

STAFF_KINDS = ("staff.added", "staff.role_changed", "staff.deactivated", "staff.pin_reset",
               "staff.pin_set", "staff.pin_changed", "staff.pin_failed", "staff.pin_ok")


def _row(db: Session, event: Event) -> Staff | None:
    row = db.get(Staff, str(event.payload.get("staff_id", "")))
    return row if row is not None and row.active else None


def _leaves_no_manager(db: Session, row: Staff) -> bool:
    if row.role != "manager":
        return False
    others = db.scalar(select(func.count()).select_from(Staff).where(
        Staff.active, Staff.role == "manager", Staff.id != row.id)) or 0
    return others == 0


def _added(db: Session, event: Event, _at: datetime) -> None:
    p = event.payload
    staff_id = str(p["staff_id"])
    if db.get(Staff, staff_id) is not None:
        return  # a person is added once; a repeat (never expected) changes nothing
    site = db.scalars(select(Site)).first()
    if site is None:
        log.warning("staff.added %s before this desk has a site: skipped", staff_id)
        return
    db.add(Staff(id=staff_id, site_id=site.id, name=str(p["name"]), role=str(p["role"]),
                 pin_hash=str(p["pin_hash"]), active=True, failed_pins=0,
                 must_set_pin=False, added_by_device=event.device_id))


def _role_changed(db: Session, event: Event, _at: datetime) -> None:
    row = _row(db, event)
    role = str(event.payload.get("role", ""))
    if row is None or not role or row.role == role:
        return
    if role != "manager" and _leaves_no_manager(db, row):
        log.warning("role change of %s skipped: it would leave no active manager", row.id)
        return
    row.role = role


def _deactivated(db: Session, event: Event, _at: datetime) -> None:
    row = _row(db, event)
    if row is None:
        return
    forced = event.payload.get("by_head_office") or event.payload.get("upgraded")
    if not forced and _leaves_no_manager(db, row):
        log.warning("deactivation of %s skipped: it would leave no active manager", row.id)
        return
    row.active = False


def _pin_reset(db: Session, event: Event, _at: datetime) -> None:
    row = _row(db, event)
    if row is not None:
        row.must_set_pin = True
        row.failed_pins = 0
        row.last_failed_at = None


def _pin_set(db: Session, event: Event, _at: datetime) -> None:
    row = _row(db, event)
    if row is not None and event.payload.get("pin_hash"):
        row.pin_hash = str(event.payload["pin_hash"])
        row.must_set_pin = False
        row.failed_pins = 0
        row.last_failed_at = None


def _pin_failed(db: Session, event: Event, at: datetime) -> None:
    row = _row(db, event)
    if row is not None:
        row.failed_pins = (row.failed_pins or 0) + 1
        row.last_failed_at = at


def _pin_ok(db: Session, event: Event, _at: datetime) -> None:
    row = _row(db, event)
    if row is not None:
        row.failed_pins = 0
        row.last_failed_at = None


HANDLERS: dict[str, Callable[[Session, Event, datetime], None]] = {
    "staff.added": _added,
    "staff.role_changed": _role_changed,
    "staff.deactivated": _deactivated,
    "staff.pin_reset": _pin_reset,
    "staff.pin_set": _pin_set,
    "staff.pin_changed": _pin_set,
    "staff.pin_failed": _pin_failed,
    "staff.pin_ok": _pin_ok,
}


def refold_staff(db: Session, apply: Callable[[Session, Event], None],
                 to_event: Callable[[EventRow], Event]) -> int:
    """Rebuild the whole roster from its events in fold order (after events merged out of
    order: the roster is small, and one person's state can depend on another's)."""
    db.execute(delete(Staff))
    db.flush()
    rows = db.scalars(select(EventRow).where(EventRow.kind.in_(STAFF_KINDS))
                      .order_by(EventRow.at, EventRow.device_id, EventRow.seq)).all()
    for row in rows:
        apply(db, to_event(row))
    return len(rows)
