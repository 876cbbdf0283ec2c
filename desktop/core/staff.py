"""The people who work the desk: ``desk.staff``, the roster of the site."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Staff
from desktop.core import pins
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import checked_text, is_ref
from desktop.core.recorder import Recorder
from desktop.core.site import site_row
from desktop.core.views import StaffMember

ROLES = ("agent", "supervisor", "manager")


def staff_name(db: Session, staff_id: str | None) -> str:
    """A person's name for a view ("" when unknown here)."""
    row = db.get(Staff, staff_id) if staff_id else None
    return row.name if row is not None else ""


def active_staff_row(db: Session, staff_id: str) -> Staff:
    row = db.get(Staff, staff_id) if is_ref(staff_id) else None
    if row is None or not row.active:
        raise DeskError(Refusal.UNKNOWN_STAFF, staff_id if is_ref(staff_id) else "")
    return row


class StaffRoom:
    """Who may sign in at this desk, with which role."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def add(self, name: str, role: str, pin: str) -> StaffMember:
        if not checked_text(name, "name").strip():
            raise DeskError(Refusal.STAFF_NAME_MISSING)
        if role not in ROLES:
            raise DeskError(Refusal.UNKNOWN_ROLE, role)
        if not isinstance(pin, str) or not pins.pin_is_valid(pin):
            raise DeskError(Refusal.PIN_INVALID)
        member = StaffMember(str(uuid.uuid4()), name.strip(), role)
        with self._recorder.tx() as db:
            db.add(Staff(id=member.id, site_id=site_row(db).id, name=member.name, role=role,
                         pin_hash=pins.hash_pin(pin), active=True))
        return member

    def roster(self) -> list[StaffMember]:
        """Everyone who may sign in, by name."""
        with self._recorder.tx() as db:
            rows = db.scalars(select(Staff).where(Staff.active).order_by(Staff.name)).all()
            return [StaffMember(r.id, r.name, r.role) for r in rows]

    def member(self, staff_id: str) -> StaffMember:
        with self._recorder.tx() as db:
            row = db.get(Staff, staff_id) if is_ref(staff_id) else None
            if row is None:
                raise DeskError(Refusal.UNKNOWN_STAFF, staff_id if is_ref(staff_id) else "")
            return StaffMember(row.id, row.name, row.role)
