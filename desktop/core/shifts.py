"""Signing in and shifts: ``desk.shifts``.

A right PIN starts (or resumes) the person's shift on this desk; everything they then do
is theirs, on that shift. Wrong PINs make the next try wait longer (``pins.retry_delay``),
never a permanent lock.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ShiftRow, Staff
from desktop.core import pins
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import is_ref
from desktop.core.recorder import Recorder
from desktop.core.staff_fold import roster_time
from desktop.core.views import OnShift, SignIn, StaffMember


class ShiftRoom:
    """Sign-in, PIN checks and the shifts of this desk."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def sign_in(self, staff_id: str, pin: str, *, at: datetime | None = None) -> SignIn:
        """Check a PIN; on success start (or resume) this person's shift on this desk.

        ``at``: when the PIN was typed, if before now (a try the sign-in screen answered
        before the case log was open, recorded once it is: ``desktop.core.early_pins``).

        Refused with ``PIN_RESET_PENDING`` while a manager's reset waits for the person to
        choose a new PIN (``desk.staff.set_new_pin``), and ``STAFF_INACTIVE`` for someone
        deactivated (here or at any desk or head office, once synced).
        """
        now = at if at is not None else self._recorder.now()
        with self._recorder.tx() as db:
            row, refused = check_pin_in(self._recorder, db, staff_id, pin, now)
            if refused is not None:
                return refused
            member = StaffMember(row.id, row.name, row.role)
            shift_id = self._open_shift(db, staff_id)
            if shift_id is not None:
                return SignIn(on_shift=OnShift(member, shift_id))
            shift_id = str(uuid.uuid4())
            self._recorder.record(db, "shift.started", actor=member.id, at=now,
                                  payload={"shift_id": shift_id})
            return SignIn(on_shift=OnShift(member, shift_id))

    def check_pin(self, staff_id: str, pin: str) -> SignIn | None:
        """Check someone's PIN without signing them in (an approver at the desk).

        None means the PIN is right; otherwise the answer says wrong or how long to wait.
        """
        with self._recorder.tx() as db:
            _, refused = check_pin_in(self._recorder, db, staff_id, pin, self._recorder.now())
            return refused

    def open_shift_id(self, staff_id: str) -> str | None:
        """The shift this person has open on this desk, if any."""
        with self._recorder.tx() as db:
            return self._open_shift(db, staff_id)

    def end(self, on_shift: OnShift) -> None:
        with self._recorder.tx() as db:
            self._recorder.record(db, "shift.ended", actor=on_shift.staff.id,
                                  payload={"shift_id": on_shift.shift_id})

    def _open_shift(self, db: Session, staff_id: str) -> str | None:
        return db.scalar(select(ShiftRow.id).where(ShiftRow.staff_id == staff_id,
                                                   ShiftRow.device_id == self._recorder.device_id,
                                                   ShiftRow.ended_at.is_(None))
                         .order_by(ShiftRow.started_at.desc()).limit(1))


def check_pin_in(recorder: Recorder, db: Session, staff_id: str, pin: str,
                 now: datetime) -> tuple[Staff, SignIn | None]:
    """A PIN checked by the rule (``pins.judge_pin``), its try recorded: wait out the delay,
    count wrong tries, reset on success.

    Wrong tries are events (``staff.pin_failed``), and so is the first right one after them
    (``staff.pin_ok``), so the waiting follows the person to every desk of the site once
    they have synced.
    """
    row = db.get(Staff, staff_id) if is_ref(staff_id) else None
    if row is None:
        raise DeskError(Refusal.UNKNOWN_STAFF, staff_id if is_ref(staff_id) else "")
    refused = pins.judge_pin(row, pin, now)
    if refused is not None and refused.wrong_pin:
        recorder.record(db, "staff.pin_failed", actor=None, at=roster_time(db, [row.id], now),
                        payload={"staff_id": row.id})
    elif refused is None and row.failed_pins:
        recorder.record(db, "staff.pin_ok", actor=row.id, at=roster_time(db, [row.id], now),
                        payload={"staff_id": row.id})
    return row, refused
