"""How the site's roster events change who works there: one rule for desks and head office.

A desk folds ``staff.*`` events into its ``staff`` table (``desktop.core.staff_fold``); head
office folds the same events it stores to list a site's roster (``headoffice.roster``). Both
call ``apply_staff_event`` here, in the fold's order (event time, device id, seq), so every
desk and head office agree on the roster once they hold the same events:

- a person is added once (by id); two desks that each added "Sam Okoye" hold two people;
- of two changes to one person, the later in that order wins;
- a deactivation is final: nothing after it changes the person, and they never sign in;
- a role change or deactivation that would leave no active manager is skipped (a desk refuses
  it when made, so only two offline desks together reach it); head office's deactivation and
  an upgraded store's retired rows always apply.

PIN hashes travel in the events (salted scrypt, see ``desktop.core.pins``), never PINs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from db.policy import ROLES

MAX_NAME = 100  # a name on the sign-in list and on slips

# The PIN hash of someone added at head office: no PIN ever matches it, and the desk that
# adopts them records a PIN reset with it, so they choose their PIN at their first sign-in.
NO_PIN = "none"


class NameProblem(ValueError):
    """Why a new person's name is refused: ``missing`` or ``too_long`` (``.reason``)."""

    def __init__(self, reason: str, length: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.length = length


def new_staff_name(name: str) -> str:
    """A new person's name as the roster keeps it: one line, single spaces (it is printed on
    slips). Refused (``NameProblem``): empty, or longer than ``MAX_NAME``."""
    clean = " ".join(name.split())
    if not clean:
        raise NameProblem("missing")
    if len(clean) > MAX_NAME:
        raise NameProblem("too_long", len(clean))
    return clean


STAFF_KINDS = ("staff.added", "staff.role_changed", "staff.deactivated", "staff.pin_reset",
               "staff.pin_set", "staff.pin_changed", "staff.pin_failed", "staff.pin_ok")


class Person(Protocol):
    """One person as a roster keeps them (a desk's ``Staff`` row, head office's record)."""

    id: str
    name: str
    role: str
    active: bool
    pin_hash: str
    must_set_pin: bool
    failed_pins: int
    last_failed_at: datetime | None
    added_by_device: str
    changed_at: datetime | None


class Roster(Protocol):
    """Where the fold finds and adds people."""

    def person(self, staff_id: str) -> Person | None: ...

    def add_person(self, *, staff_id: str, name: str, role: str, pin_hash: str,
                   device_id: str, at: datetime) -> None: ...

    def other_active_managers(self, staff_id: str) -> int: ...


def apply_staff_event(roster: Roster, kind: str, payload: Mapping[str, Any], at: datetime,
                      device_id: str) -> str | None:
    """Apply one roster event; a sentence for the log when the rules skip it, else None."""
    staff_id = str(payload.get("staff_id", ""))
    if kind == "staff.added":
        if roster.person(staff_id) is None:
            roster.add_person(staff_id=staff_id, name=str(payload.get("name", "")),
                              role=str(payload.get("role", "")),
                              pin_hash=str(payload.get("pin_hash", "")), device_id=device_id,
                              at=at)
        return None
    person = roster.person(staff_id)
    if person is None:
        return None
    if person.changed_at is None or at > person.changed_at:
        person.changed_at = at
    if not person.active:
        return None  # deactivated: final
    if kind == "staff.role_changed":
        role = str(payload.get("role", ""))
        if role not in ROLES or role == person.role:
            return None
        if role != "manager" and _last_manager(roster, person):
            return f"role change of {staff_id} skipped: it would leave no active manager"
        person.role = role
    elif kind == "staff.deactivated":
        forced = bool(payload.get("by_head_office") or payload.get("upgraded"))
        if not forced and _last_manager(roster, person):
            return f"deactivation of {staff_id} skipped: it would leave no active manager"
        person.active = False
    elif kind == "staff.pin_reset":
        person.must_set_pin = True
        _clear_tries(person)
    elif kind in ("staff.pin_set", "staff.pin_changed"):
        if payload.get("pin_hash"):
            person.pin_hash = str(payload["pin_hash"])
            person.must_set_pin = False
            _clear_tries(person)
    elif kind == "staff.pin_failed":
        person.failed_pins = (person.failed_pins or 0) + 1
        person.last_failed_at = at
    elif kind == "staff.pin_ok":
        _clear_tries(person)
    return None


def _last_manager(roster: Roster, person: Person) -> bool:
    return person.role == "manager" and roster.other_active_managers(person.id) == 0


def _clear_tries(person: Person) -> None:
    person.failed_pins = 0
    person.last_failed_at = None


# --- head office's own changes, as desks fetch them (GET /api/v1/staff/changes) -------------

HEAD_OFFICE_KINDS = ("staff.added", "staff.role_changed", "staff.pin_reset")


@dataclass(frozen=True, slots=True)
class HeadOfficeChange:
    """A person added, a role change or a PIN reset an admin made at head office; each desk
    records it as its own event unless something newer about that person already supersedes it
    (or, for someone added, the desk already holds that id)."""

    id: int
    staff_id: str
    kind: str
    role: str  # "" for a PIN reset
    at: str  # head office's time, as events write it
    name: str = ""  # only for someone added


def parse_head_office_changes(data: Any) -> list[HeadOfficeChange]:
    """Head office's answer; ValueError when malformed."""
    raw = data.get("changes") if isinstance(data, Mapping) else None
    if not isinstance(raw, list):
        raise ValueError("list of staff changes is malformed")
    out = []
    for item in raw:
        if not (isinstance(item, Mapping) and type(item.get("id")) is int
                and item.get("kind") in HEAD_OFFICE_KINDS
                and all(isinstance(item.get(k), str) for k in ("staff_id", "role", "at"))):
            raise ValueError("list of staff changes is malformed")
        if item["kind"] != "staff.pin_reset" and item["role"] not in ROLES:
            raise ValueError("list of staff changes names an unknown role")
        name = ""
        if item["kind"] == "staff.added":
            raw_name = item.get("name")
            try:
                name = new_staff_name(raw_name if isinstance(raw_name, str) else "")
            except NameProblem as problem:
                raise ValueError("list of staff changes adds someone without a usable "
                                 "name") from problem
        out.append(HeadOfficeChange(item["id"], item["staff_id"], item["kind"], item["role"],
                                    item["at"], name))
    return sorted(out, key=lambda change: change.id)
