"""What one person has spent on their shift, counted across every desk of the site.

A person may work two desks at once (the front desk and the brasserie's) or move between
them; their shift allowance is one. The working period that counts starts at the earliest
start of their shifts, at any desk this desk knows of, that were still open when the shift in
question began (no earlier than ``LONGEST_SHIFT`` before it: a shift nobody ended does not
stretch the allowance back for days). Grants from another desk count as soon as they have
been merged here; where two offline desks together passed a limit, the review says so
(``review_apart``), and nothing is undone.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import GrantRow, ShiftRow

LONGEST_SHIFT = timedelta(hours=16)


def shift_window_start(db: Session, staff_id: str, shift_id: str | None,
                       at: datetime) -> datetime:
    """When the working period of ``staff_id`` that holds ``shift_id`` (as of ``at``) began."""
    shift = db.get(ShiftRow, shift_id) if shift_id else None
    start = shift.started_at if shift is not None else at
    earliest = db.scalar(select(func.min(ShiftRow.started_at)).where(
        ShiftRow.staff_id == staff_id, ShiftRow.started_at <= start,
        ShiftRow.started_at >= start - LONGEST_SHIFT,
        or_(ShiftRow.ended_at.is_(None), ShiftRow.ended_at > start)))
    return min(start, earliest) if earliest is not None else start


def shift_spend(db: Session, staff_id: str, shift_id: str | None, at: datetime, *,
                before: datetime | None = None) -> int:
    """What ``staff_id`` granted, at any desk, in the working period of ``shift_id`` as of
    ``at`` (their grants on that shift itself count whatever their time); only grants before
    ``before`` when given (the review, looking back at one grant)."""
    since = shift_window_start(db, staff_id, shift_id, at)
    in_period = GrantRow.granted_at >= since
    if before is not None:
        in_period = in_period & (GrantRow.granted_at < before)
    else:
        in_period = or_(in_period, GrantRow.shift_id == shift_id)
    total = db.scalar(select(func.coalesce(func.sum(GrantRow.value_minor), 0)).where(
        GrantRow.staff_id == staff_id, in_period))
    return int(total or 0)
