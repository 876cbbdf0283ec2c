"""The people who work the site: ``desk.staff``, one roster kept as events in the case log.

Every change to the roster is an event recorded by the person who made it (a manager, or
someone changing their own PIN) and folded into the ``staff`` table by
``desktop.core.staff_fold``, so the roster travels to every desk of the site with the rest of
the log. The rules are checked here, before anything is written: bad input writes nothing.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Staff
from db.policy import ROLES
from db.roster import MAX_NAME, NameProblem, new_staff_name
from desktop.core import pins
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import checked_text, is_ref
from desktop.core.recorder import Recorder
from desktop.core.shifts import check_pin_in
from desktop.core.site import current_policy, site_row
from desktop.core.staff_fold import roster_time
from desktop.core.views import StaffMember

__all__ = ["MAX_NAME", "ROLES", "StaffRoom", "active_staff_row", "member_of", "record_old_rows",
           "staff_name"]


def staff_name(db: Session, staff_id: str | None) -> str:
    """A person's name for a view ("" when unknown here); deactivated people keep theirs."""
    row = db.get(Staff, staff_id) if staff_id else None
    return row.name if row is not None else ""


def active_staff_row(db: Session, staff_id: str) -> Staff:
    """The row of someone who may act now; refused if unknown or deactivated."""
    row = db.get(Staff, staff_id) if is_ref(staff_id) else None
    if row is None:
        raise DeskError(Refusal.UNKNOWN_STAFF, staff_id if is_ref(staff_id) else "")
    if not row.active:
        raise DeskError(Refusal.STAFF_INACTIVE, staff_id)
    return row


def member_of(db: Session, row: Staff) -> StaffMember:
    """The view of one roster row; ``desk_hint`` only when another active person shares the
    name (two desks that each added "Sam Okoye" before they were enrolled)."""
    hint = ""
    if row.active and _same_name(db, row.name, other_than=row.id):
        hint = (row.added_by_device or "")[:8]
    return StaffMember(row.id, row.name, row.role, bool(row.active), bool(row.must_set_pin),
                       hint)


def new_pin_problem(db: Session, pin: str) -> Refusal | None:
    """Why ``pin`` cannot be a new PIN under the policy in force, or None."""
    return pins.pin_problem(pin, current_policy(db).pin_length)


def _same_name(db: Session, name: str, *, other_than: str | None = None) -> list[str]:
    wanted = name.strip().casefold()
    rows = db.execute(select(Staff.id, Staff.name).where(Staff.active)).all()
    return [i for i, n in rows if n.strip().casefold() == wanted and i != other_than]


def _active_managers(db: Session) -> int:
    return int(db.scalar(select(func.count()).select_from(Staff).where(
        Staff.active, Staff.role == "manager")) or 0)


def _keep_a_manager(db: Session, staff_id: str) -> None:
    """Refuse demoting or retiring the site's last active manager, whoever asks: said before
    "not your own role", because the only manager asking about themselves needs this answer."""
    row = active_staff_row(db, staff_id)
    if row.role == "manager" and _active_managers(db) <= 1:
        raise DeskError(Refusal.LAST_MANAGER)


class StaffRoom:
    """Who may sign in at the site's desks, with which role, and the changes managers make."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    # --- changes (each one event, by whoever made it) -----------------------------------

    def add(self, name: str, role: str, pin: str, *, by: str) -> StaffMember:
        """Add someone to the roster (``by``: the acting manager's staff id).

        Refused: an empty name, a name an active person already has (case-insensitive), an
        unknown role, a PIN the policy does not allow (length, digits, too simple).
        """
        try:  # the rule head office applies too (db.roster)
            clean = new_staff_name(checked_text(name, "name"))
        except NameProblem as problem:
            if problem.reason == "missing":
                raise DeskError(Refusal.STAFF_NAME_MISSING) from None
            raise DeskError(Refusal.TEXT_TOO_LONG, str(problem.length)) from None
        if role not in ROLES:
            raise DeskError(Refusal.UNKNOWN_ROLE, role)
        with self._recorder.tx() as db:
            self._manager(db, by)
            if _same_name(db, clean):
                raise DeskError(Refusal.STAFF_NAME_TAKEN, clean)
            self._check_new_pin(db, pin, demo_allowed=True)
            staff_id = str(uuid.uuid4())
            self._recorder.record(db, "staff.added", actor=by, at=self._at(db, by), payload={
                "staff_id": staff_id, "name": clean, "role": role,
                "pin_hash": pins.hash_pin(pin)})
            return member_of(db, active_staff_row(db, staff_id))

    def set_role(self, staff_id: str, role: str, *, by: str) -> StaffMember:
        """Change someone's role; never one's own, never demoting the last active manager."""
        if role not in ROLES:
            raise DeskError(Refusal.UNKNOWN_ROLE, role)
        with self._recorder.tx() as db:
            self._manager(db, by)
            if role != "manager":
                _keep_a_manager(db, staff_id)
            row = self._other(db, staff_id, by)
            if row.role == role:
                return member_of(db, row)
            self._recorder.record(db, "staff.role_changed", actor=by, at=self._at(db, row.id, by),
                                  payload={"staff_id": row.id, "role": role})
            return member_of(db, row)

    def deactivate(self, staff_id: str, *, by: str) -> None:
        """Retire someone for good: they never sign in again; history keeps their name."""
        with self._recorder.tx() as db:
            self._manager(db, by)
            _keep_a_manager(db, staff_id)
            row = self._other(db, staff_id, by)
            self._recorder.record(db, "staff.deactivated", actor=by, at=self._at(db, row.id, by),
                                  payload={"staff_id": row.id})

    def reset_pin(self, staff_id: str, *, by: str) -> None:
        """Forget someone's PIN: they choose a new one at their next sign-in."""
        with self._recorder.tx() as db:
            self._manager(db, by)
            row = active_staff_row(db, staff_id)
            self._recorder.record(db, "staff.pin_reset", actor=by, at=self._at(db, row.id, by),
                                  payload={"staff_id": row.id})

    def set_new_pin(self, staff_id: str, new_pin: str) -> None:
        """The person whose PIN a manager reset chooses a new one (only while it is reset)."""
        with self._recorder.tx() as db:
            row = active_staff_row(db, staff_id)
            if not row.must_set_pin:
                raise DeskError(Refusal.NO_PIN_RESET)
            self._check_new_pin(db, new_pin)
            self._recorder.record(db, "staff.pin_set", actor=row.id, at=self._at(db, row.id),
                                  payload={
                "staff_id": row.id, "pin_hash": pins.hash_pin(new_pin)})

    def change_pin(self, staff_id: str, old_pin: str, new_pin: str) -> None:
        """Anyone changes their own PIN by typing the old one (wrong tries wait, as at
        sign-in); ``WRONG_OLD_PIN``'s detail is the seconds to wait before the next try."""
        with self._recorder.tx() as db:
            row = active_staff_row(db, staff_id)
            if row.must_set_pin:
                raise DeskError(Refusal.PIN_RESET_PENDING)
            self._check_new_pin(db, new_pin)
        with self._recorder.tx() as db:
            # Its own transaction, so a wrong old PIN is counted even though nothing changes.
            _, refused = check_pin_in(self._recorder, db, staff_id, old_pin, self._recorder.now())
        if refused is not None:
            raise DeskError(Refusal.WRONG_OLD_PIN, str(refused.wait_seconds))
        with self._recorder.tx() as db:
            row = active_staff_row(db, staff_id)
            self._recorder.record(db, "staff.pin_changed", actor=row.id, at=self._at(db, row.id),
                                  payload={
                "staff_id": row.id, "pin_hash": pins.hash_pin(new_pin)})

    # --- reading ------------------------------------------------------------------------

    def roster(self, *, include_inactive: bool = False) -> list[StaffMember]:
        """Everyone who may sign in (and, if asked, those deactivated), by name."""
        with self._recorder.tx() as db:
            query = select(Staff).order_by(func.lower(Staff.name), Staff.id)
            if not include_inactive:
                query = query.where(Staff.active)
            return [member_of(db, r) for r in db.scalars(query)]

    def find(self, name: str) -> StaffMember:
        """The active person with exactly this name (case-insensitive), or a staff id."""
        with self._recorder.tx() as db:
            name = checked_text(name, "name")
            row = db.get(Staff, name.strip()) if is_ref(name.strip()) else None
            if row is not None and row.active:
                return member_of(db, row)
            found = _same_name(db, name)
            if not found:
                raise DeskError(Refusal.UNKNOWN_STAFF, name)
            if len(found) > 1:
                raise DeskError(Refusal.STAFF_NAME_AMBIGUOUS, name)
            return member_of(db, active_staff_row(db, found[0]))

    def member(self, staff_id: str) -> StaffMember:
        """Anyone on the roster, deactivated or not."""
        with self._recorder.tx() as db:
            row = db.get(Staff, staff_id) if is_ref(staff_id) else None
            if row is None:
                raise DeskError(Refusal.UNKNOWN_STAFF, staff_id if is_ref(staff_id) else "")
            return member_of(db, row)

    # --- rules --------------------------------------------------------------------------

    def _at(self, db: Session, *staff_ids: str) -> datetime:
        return roster_time(db, staff_ids, self._recorder.now())

    @staticmethod
    def _manager(db: Session, by: str) -> Staff:
        row = db.get(Staff, by) if is_ref(by) else None
        if row is None or not row.active or row.role != "manager":
            raise DeskError(Refusal.NOT_A_MANAGER, by if is_ref(by) else "")
        return row

    @staticmethod
    def _other(db: Session, staff_id: str, by: str) -> Staff:
        row = active_staff_row(db, staff_id)
        if row.id == by:
            raise DeskError(Refusal.OWN_ROLE)
        return row

    @staticmethod
    def _check_new_pin(db: Session, pin: str, *, demo_allowed: bool = False) -> None:
        problem = new_pin_problem(db, pin)
        if problem is Refusal.PIN_TOO_SIMPLE and demo_allowed and site_row(db).is_demo:
            return  # the demo's published PINs (1234) are for trying the app, not guarding it
        if problem is not None:
            low, high = current_policy(db).pin_length
            detail = {Refusal.PIN_TOO_SHORT: str(low), Refusal.PIN_TOO_LONG: str(high)}
            raise DeskError(problem, detail.get(problem, ""))


def record_old_rows(recorder: Recorder) -> int:
    """Turn staff rows kept before the roster was events into events (once, at start-up).

    A store made before 0004_staff_events holds its people only as rows; each one without a
    ``staff.added`` becomes one (with its PIN hash as it is), plus ``staff.deactivated`` if it
    was retired, appended to this desk's own chain like any new event. How many were added.
    """
    with recorder.tx() as db:
        # A row folded from an event knows the desk that added it; an older row does not.
        old = list(db.scalars(select(Staff).where(Staff.added_by_device == "")
                              .order_by(Staff.name, Staff.id)))
        for row in old:
            state = (row.active, row.failed_pins, row.last_failed_at)
            recorder.record(db, "staff.added", actor=None, payload={
                "staff_id": row.id, "name": row.name, "role": row.role,
                "pin_hash": row.pin_hash, "upgraded": True})
            row.added_by_device = recorder.device_id
            row.active, row.failed_pins, row.last_failed_at = state
            if not state[0]:
                recorder.record(db, "staff.deactivated", actor=None,
                                payload={"staff_id": row.id, "upgraded": True})
        return len(old)
