"""Signing in and shifts: ``desk.shifts``.

A right PIN starts (or resumes) the person's shift on this desk; everything they then do
is theirs, on that shift. Wrong PINs make the next try wait longer (``pins.retry_delay``),
never a permanent lock.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

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

    def sign_in(self, staff_id: str, pin: str) -> SignIn:
        """Check a PIN; on success start (or resume) this person's shift on this desk.

        Refused with ``PIN_RESET_PENDING`` while a manager's reset waits for the person to
        choose a new PIN (``desk.staff.set_new_pin``), and ``STAFF_INACTIVE`` for someone
        deactivated (here or at any desk or head office, once synced).
        """
        now = self._recorder.now()
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
    """The PIN rule in one place: wait out the delay, count wrong tries, reset on success.

    Wrong tries are events (``staff.pin_failed``), and so is the first right one after them
    (``staff.pin_ok``), so the waiting follows the person to every desk of the site once
    they have synced.
    """
    row = db.get(Staff, staff_id) if is_ref(staff_id) else None
    if row is None:
        raise DeskError(Refusal.UNKNOWN_STAFF, staff_id if is_ref(staff_id) else "")
    if not row.active:
        raise DeskError(Refusal.STAFF_INACTIVE, staff_id)
    if row.must_set_pin:
        raise DeskError(Refusal.PIN_RESET_PENDING, staff_id)
    if not isinstance(pin, str):
        raise DeskError(Refusal.PIN_INVALID)
    delay = pins.retry_delay_seconds(row.failed_pins) if row.failed_pins else 0
    if delay and row.last_failed_at is not None:
        # Whole seconds, rounded: a try recorded a few ms ahead (``roster_time``) or at a
        # desk whose clock runs a little ahead does not add a second to the wait.
        wait = round((row.last_failed_at + timedelta(seconds=delay) - now).total_seconds())
        if wait > 0:
            return row, SignIn(wait_seconds=wait)
    if not pins.verify_pin(pin, row.pin_hash):
        recorder.record(db, "staff.pin_failed", actor=None, at=roster_time(db, [row.id], now),
                        payload={"staff_id": row.id})
        return row, SignIn(wrong_pin=True, wait_seconds=pins.retry_delay_seconds(row.failed_pins))
    if row.failed_pins:
        recorder.record(db, "staff.pin_ok", actor=row.id, at=roster_time(db, [row.id], now),
                        payload={"staff_id": row.id})
    return row, None
