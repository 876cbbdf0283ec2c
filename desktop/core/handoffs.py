"""Hand-offs: ``desk.handoffs``, a case handed to a colleague or a department with a note.

A recovery often needs housekeeping, maintenance, the kitchen or the duty manager. The case
is handed over (``case.handed_off``); the taker sees it under "Handed to me/us" and marks it
done (``handoff.done``) or adds a note to the case. The case keeps its first owner (whoever
opened it): the follow-up with the guest stays theirs, because the guest wants their
original ally to check back. So a hand-off never moves the follow-up; when the case has none
yet, handing it off starts the follow-up clock (the same minutes as after a fix), and
``owner_followups`` reminds the owner once it is due.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from db.models import CaseRow, HandoffRow, format_utc
from desktop.core.cases import _summary, case_row
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import checked_text, text
from desktop.core.recorder import Recorder
from desktop.core.review_days import site_zone
from desktop.core.settings import DEPARTMENTS, Settings
from desktop.core.site import current_policy
from desktop.core.staff import active_staff_row, staff_name
from desktop.core.views import CaseSummary, HandoffView, OnShift

__all__ = ["MAX_DEPARTMENT", "HandoffRoom", "median_minutes"]

MAX_DEPARTMENT = 64  # a department's name, as it shows in the hand-off list


class HandoffRoom:
    """Handing cases over, the taker's list, and the owner's reminder."""

    def __init__(self, recorder: Recorder, settings: Settings) -> None:
        self._recorder = recorder
        self._settings = settings

    def departments(self) -> tuple[str, ...]:
        """The departments this site hands cases to (a manager's setting)."""
        return self._settings.get(DEPARTMENTS)

    def set_departments(self, names: Sequence[str], *, by: OnShift) -> tuple[str, ...]:
        """A manager sets the departments (blank lines and repeats dropped; a case already
        handed to a department removed here keeps its hand-off). Returns the list kept."""
        kept: list[str] = []
        for name in names:
            clean = " ".join(checked_text(name, "department").split())
            if len(clean) > MAX_DEPARTMENT:
                raise DeskError(Refusal.TEXT_TOO_LONG, str(len(clean)))
            if clean and clean.casefold() not in {k.casefold() for k in kept}:
                kept.append(clean)
        self._settings.set(DEPARTMENTS, tuple(kept), by=by)
        return tuple(kept)

    # --- recording ------------------------------------------------------------------------

    def hand_off(self, on_shift: OnShift, case_id: str, *, note: str,
                 to_staff: str | None = None, to_department: str | None = None) -> str:
        """Hand an open case to a colleague (a staff id) or a department; returns its id."""
        if (to_staff is None) == (to_department is None):
            raise DeskError(Refusal.UNKNOWN_DEPARTMENT, "")
        handoff_id = str(uuid.uuid4())
        now = self._recorder.now()
        departments = self.departments() if to_department is not None else ()
        with self._recorder.tx() as db:
            case = case_row(db, case_id)
            if to_staff is not None:
                if to_staff == on_shift.staff.id:
                    raise DeskError(Refusal.HANDOFF_TO_SELF)
                taker = active_staff_row(db, to_staff)
                target = ("staff", taker.id, taker.name)
            else:
                name = (to_department or "").strip()
                if name not in departments:
                    raise DeskError(Refusal.UNKNOWN_DEPARTMENT, name)
                target = ("department", name, name)
            self._recorder.record(
                db, "case.handed_off", actor=on_shift.staff.id, case_id=case_id, at=now,
                payload={"handoff_id": handoff_id, "to_kind": target[0], "to_id": target[1],
                         "to_name": target[2], "note": text(note)})
            if case.followup_due_at is None:
                # The owner checks back with the guest: the clock starts at the hand-off.
                due = now + timedelta(minutes=current_policy(db).follow_up_minutes)
                self._recorder.record(db, "followup.due", actor=case.opened_by or
                                      on_shift.staff.id, case_id=case_id,
                                      payload={"due_at": format_utc(due)}, at=now)
        return handoff_id

    def mark_done(self, on_shift: OnShift, handoff_id: str, note: str = "") -> None:
        """The taker says it is done. A colleague's hand-off is theirs to close (or a
        supervisor's or manager's); a department's, anyone's at the desk."""
        with self._recorder.tx() as db:
            row = db.get(HandoffRow, handoff_id)
            if row is None:
                raise DeskError(Refusal.UNKNOWN_HANDOFF, handoff_id)
            if row.done_at is not None:
                raise DeskError(Refusal.HANDOFF_DONE, row.to_name)
            if (row.to_kind == "staff" and row.to_id != on_shift.staff.id
                    and on_shift.staff.role == "agent"):
                raise DeskError(Refusal.SUPERVISOR_ONLY)
            self._recorder.record(db, "handoff.done", actor=on_shift.staff.id,
                                  case_id=row.case_id,
                                  payload={"handoff_id": handoff_id, "note": text(note)})

    # --- reading --------------------------------------------------------------------------

    def for_case(self, case_id: str) -> list[HandoffView]:
        return self._views(select(HandoffRow).where(HandoffRow.case_id == case_id)
                           .order_by(HandoffRow.at))

    def handed_to(self, on_shift: OnShift, *, include_done: bool = False) -> list[HandoffView]:
        """What is handed to this person or to a department ("Handed to me/us"), oldest first."""
        query = select(HandoffRow).where(or_(
            (HandoffRow.to_kind == "staff") & (HandoffRow.to_id == on_shift.staff.id),
            HandoffRow.to_kind == "department"))
        if not include_done:
            query = query.where(HandoffRow.done_at.is_(None))
        return self._views(query.order_by(HandoffRow.at))

    def between(self, start: datetime, end: datetime) -> list[HandoffView]:
        """Hand-offs made in [start, end): the review's list."""
        return self._views(select(HandoffRow).where(HandoffRow.at >= start, HandoffRow.at < end)
                           .order_by(HandoffRow.at))

    def for_review(self, first: date, last: date) -> list[HandoffView]:
        """Hand-offs made on the site's days ``first`` to ``last`` (inclusive)."""
        with self._recorder.tx() as db:
            zone = site_zone(db)
        start = datetime.combine(first, time(), zone)
        return self.between(start, datetime.combine(last + timedelta(days=1), time(), zone))

    def owner_followups(self, on_shift: OnShift, at: datetime | None = None
                        ) -> list[CaseSummary]:
        """Follow-ups due on cases this person opened and handed off: the owner's reminder
        that the guest is still theirs to check back with."""
        moment = at or self._recorder.now()
        handed = select(HandoffRow.case_id)
        with self._recorder.tx() as db:
            rows = db.scalars(select(CaseRow).where(
                CaseRow.opened_by == on_shift.staff.id, CaseRow.status == "open",
                CaseRow.followup_due_at <= moment, CaseRow.followup_done_at.is_(None),
                CaseRow.id.in_(handed)).order_by(CaseRow.followup_due_at))
            return [_summary(row) for row in rows]

    def _views(self, query: Select[HandoffRow]) -> list[HandoffView]:
        with self._recorder.tx() as db:
            return [_view(db, row) for row in db.scalars(query)]


def _view(db: Session, row: HandoffRow) -> HandoffView:
    case = db.get(CaseRow, row.case_id)
    return HandoffView(
        id=row.id, case_id=row.case_id, guest_name=case.guest_name if case else "",
        location=case.location if case else "", by_id=row.by_id,
        by_name=staff_name(db, row.by_id), owner_id=case.opened_by if case else None,
        to_kind=row.to_kind, to_id=row.to_id, to_name=row.to_name, note=row.note, at=row.at,
        done_at=row.done_at, done_by_name=staff_name(db, row.done_by), done_note=row.done_note)


def median_minutes(views: Sequence[HandoffView]) -> float | None:
    """The middle time-to-done of the done ones (None when none is done)."""
    minutes = sorted(m for v in views if (m := v.minutes_to_done) is not None)
    if not minutes:
        return None
    middle = len(minutes) // 2
    return minutes[middle] if len(minutes) % 2 else (minutes[middle - 1] + minutes[middle]) / 2
