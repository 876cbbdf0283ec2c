"""What one person has spent on their shift, counted across every desk of the site.

A person may work two desks at once (the front desk and the brasserie's) or move between
them; their shift allowance is one. Their shift spend is what they granted on the shift in
question and on every shift of theirs, at any desk this desk knows of, that overlapped it: still
open when it began, or begun since (no earlier than ``LONGEST_SHIFT`` before it: a shift nobody
ended does not stretch the allowance back for days). Grants from another desk count as soon as
they have been merged here; where two offline desks together passed a limit, the review says
so (``review_apart``), and nothing is undone.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import GrantRow, ShiftRow

LONGEST_SHIFT = timedelta(hours=16)


def overlapping_shifts(db: Session, staff_id: str, shift_id: str | None) -> list[str]:
    """The shift and the person's shifts at any desk that overlap it (ids)."""
    shift = db.get(ShiftRow, shift_id) if shift_id else None
    if shift is None:
        return [shift_id] if shift_id else []
    start = shift.started_at
    found = db.scalars(select(ShiftRow.id).where(
        ShiftRow.staff_id == staff_id, ShiftRow.started_at >= start - LONGEST_SHIFT,
        or_(ShiftRow.ended_at.is_(None), ShiftRow.ended_at > start)))
    return sorted({shift.id, *found})


def shift_spend(db: Session, staff_id: str, shift_id: str | None, *,
                before: datetime | None = None) -> int:
    """What ``staff_id`` granted on ``shift_id`` and their overlapping shifts at any desk
    (only grants before ``before`` when given: the review, looking back at one grant)."""
    query = select(func.coalesce(func.sum(GrantRow.value_minor), 0)).where(
        GrantRow.staff_id == staff_id,
        GrantRow.shift_id.in_(overlapping_shifts(db, staff_id, shift_id)))
    if before is not None:
        query = query.where(GrantRow.granted_at < before)
    return int(db.scalar(query) or 0)
