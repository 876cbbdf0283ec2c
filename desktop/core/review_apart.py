"""Limits passed only once two offline desks synced: a "worth a look" item of the review.

Each desk checks a grant against what it knows. Two desks that were apart (offline, or before
one had pulled the other's events) can each grant within a limit that their grants together
pass: one person's shift allowance, or one guest's stay. Nothing is undone when they sync;
the review lists those grants (the ones that passed a limit without an approval, counted with
everything known now) so a supervisor can look. Only people and guests served at two or more
desks in the period are looked at, so the check costs nothing on a single desk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from db.models import CaseRow, GrantRow, ShiftRow
from desktop.core.policy import Policy
from desktop.core.spend import LONGEST_SHIFT, shift_spend


@dataclass(frozen=True, slots=True)
class Passed:
    """Grants that passed one limit once everything was known."""

    limit: str  # "per_shift" (subject: a person) or "per_guest_stay" (subject: a guest)
    subject: str
    over_by: int  # minor units, the most any one grant went past
    case_ids: tuple[str, ...]


def limits_passed_apart(db: Session, grants_in: object, start: datetime, end: datetime,
                        policy: Policy, names: dict[str, tuple[str, str]]) -> Iterator[Passed]:
    """Shift allowances and guest stays passed, in the period, by grants of two desks."""
    people = db.scalars(
        select(ShiftRow.staff_id)
        .where(ShiftRow.started_at >= start - LONGEST_SHIFT, ShiftRow.started_at < end)
        .group_by(ShiftRow.staff_id).having(func.count(distinct(ShiftRow.device_id)) > 1))
    for staff_id in sorted(people):
        name, role = names.get(staff_id, ("?", ""))
        limit = policy.limits_for(role).per_shift
        over, cases = 0, []
        for grant in _unapproved(db, grants_in, GrantRow.staff_id == staff_id):
            spent = shift_spend(db, staff_id, grant.shift_id, grant.granted_at,
                                before=grant.granted_at)
            if spent + grant.value_minor > limit:
                over = max(over, spent + grant.value_minor - limit)
                cases.append(grant.case_id)
        if cases:
            yield Passed("per_shift", name, over, tuple(dict.fromkeys(cases)))
    guests = db.execute(
        select(CaseRow.guest_key, func.min(CaseRow.guest_name))
        .join(GrantRow, GrantRow.case_id == CaseRow.id)
        .where(grants_in, CaseRow.guest_key != "", GrantRow.value_minor > 0)  # type: ignore[arg-type]
        .group_by(CaseRow.guest_key).having(func.count(distinct(CaseRow.device_id)) > 1))
    window = timedelta(days=policy.stay_window_days)
    for key, guest in sorted(guests):
        over, cases = 0, []
        for grant in _unapproved(db, grants_in, CaseRow.guest_key == key):
            spent = db.scalar(
                select(func.coalesce(func.sum(GrantRow.value_minor), 0))
                .join(CaseRow, CaseRow.id == GrantRow.case_id)
                .where(CaseRow.guest_key == key, GrantRow.granted_at >= grant.granted_at - window,
                       GrantRow.granted_at < grant.granted_at)) or 0
            stay = policy.limits_for(names.get(grant.staff_id or "", ("", ""))[1]).per_guest_stay
            if spent + grant.value_minor > stay:
                over = max(over, spent + grant.value_minor - stay)
                cases.append(grant.case_id)
        if cases:
            yield Passed("per_guest_stay", str(guest), over, tuple(dict.fromkeys(cases)))


def _unapproved(db: Session, grants_in: object, who: object) -> list[GrantRow]:
    return list(db.scalars(
        select(GrantRow).join(CaseRow, CaseRow.id == GrantRow.case_id)
        .where(grants_in, who, GrantRow.approval_id.is_(None),  # type: ignore[arg-type]
               GrantRow.value_minor > 0)
        .order_by(GrantRow.granted_at, GrantRow.id)))
