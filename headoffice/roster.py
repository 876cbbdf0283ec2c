"""Each site's roster as head office knows it: folded from the ``staff.*`` events it stores.

Head office never keeps a second copy of the roster: it folds the events the desks sent with
the same rule the desks use (``db.roster.apply_staff_event``), in the same order, and adds its
own retirements (``StaffDeactivation``) at their time. Those cannot be written into a desk's
chain; every pull carries their ids and each desk records them (``SyncLedger``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import format_utc, parse_utc
from db.policy import ROLES
from db.roster import MAX_NAME, NO_PIN, NameProblem, Person, apply_staff_event, new_staff_name
from headoffice.admin import AdminError, find_site
from headoffice.models import Device, EventRow, Site, StaffChange, StaffDeactivation

# What head office folds: wrong-PIN counts are the desks' business.
ROSTER_KINDS = ("staff.added", "staff.role_changed", "staff.deactivated", "staff.pin_reset",
                "staff.pin_set", "staff.pin_changed")


HEAD_OFFICE = "head office"  # "added at", for someone an admin added


@dataclass(slots=True)
class _Person:
    id: str
    name: str
    role: str
    pin_hash: str
    added_by_device: str
    changed_at: datetime | None
    active: bool = True
    must_set_pin: bool = False
    failed_pins: int = 0
    last_failed_at: datetime | None = None


class _Roster:
    def __init__(self) -> None:
        self.people: dict[str, _Person] = {}

    def person(self, staff_id: str) -> Person | None:
        return self.people.get(staff_id)

    def add_person(self, *, staff_id: str, name: str, role: str, pin_hash: str,
                   device_id: str, at: datetime) -> None:
        self.people[staff_id] = _Person(staff_id, name, role, pin_hash, device_id, at)

    def other_active_managers(self, staff_id: str) -> int:
        return sum(1 for p in self.people.values()
                   if p.active and p.role == "manager" and p.id != staff_id)


@dataclass(frozen=True, slots=True)
class RosterLine:
    """One person of a site, for ``staff list`` and the dashboard."""

    id: str
    name: str
    role: str
    active: bool
    desk: str  # the name of the desk that added them
    retired_here: bool  # deactivated by head office


def site_roster(db: Session, site: Site) -> list[RosterLine]:
    """Everyone a site's desks have added, as the events and head office's retirements say."""
    roster = _fold(db, site)
    retired = set(deactivated_staff(db, site.id))
    desks = {str(i): str(n) for i, n in db.execute(
        select(Device.id, Device.name).where(Device.site_id == site.id))}
    return sorted((RosterLine(p.id, p.name, p.role, p.active,
                              desks.get(p.added_by_device, p.added_by_device[:8])
                              if p.added_by_device else HEAD_OFFICE,
                              p.id in retired)
                   for p in roster.people.values()),
                  key=lambda line: (line.name.casefold(), line.id))


def _fold(db: Session, site: Site) -> _Roster:
    roster = _Roster()
    steps: list[tuple[str, str, int, str, dict[str, object]]] = [
        (at, device_id, seq, kind, json.loads(payload))
        for at, device_id, seq, kind, payload in db.execute(
            select(EventRow.at, EventRow.device_id, EventRow.seq, EventRow.kind,
                   EventRow.payload)
            .where(EventRow.site_id == site.id, EventRow.kind.in_(ROSTER_KINDS)))]
    retired = {row.staff_id: row for row in db.scalars(
        select(StaffDeactivation).where(StaffDeactivation.site_id == site.id))}
    for row in retired.values():
        # After head office's own changes of the same instant: a deactivation is final.
        steps.append((format_utc(row.deactivated_at), "", 2**62, "staff.deactivated",
                      {"staff_id": row.staff_id, "by_head_office": True}))
    for change in db.scalars(select(StaffChange).where(StaffChange.site_id == site.id)):
        payload: dict[str, object] = {"staff_id": change.staff_id, "role": change.role or ""}
        steps.append((format_utc(change.changed_at), "", change.id, change.kind,
                      {**payload, "name": change.name or "", "pin_hash": NO_PIN}))
        if change.kind == "staff.added":  # as the desks record it: they choose a PIN there
            steps.append((format_utc(change.changed_at), "", change.id, "staff.pin_reset",
                          payload))
    steps.sort(key=lambda s: (s[0], s[1], s[2]))
    for at, device_id, _seq, kind, payload in steps:
        apply_staff_event(roster, kind, payload, parse_utc(at), device_id)
    return roster


def staff_names(db: Session, site_id: str) -> dict[str, str]:
    """staff id -> name for a site (names never change once added)."""
    names: dict[str, str] = {}
    for payload in db.scalars(select(EventRow.payload).where(
            EventRow.site_id == site_id, EventRow.kind == "staff.added")):
        data = json.loads(payload)
        names.setdefault(str(data.get("staff_id", "")), str(data.get("name", "")))
    return names


def deactivated_staff(db: Session, site_id: str) -> list[str]:
    """The ids head office retired at a site, sent with every pull."""
    return list(db.scalars(select(StaffDeactivation.staff_id)
                           .where(StaffDeactivation.site_id == site_id)
                           .order_by(StaffDeactivation.staff_id)))


def deactivate(db: Session, site_ref: str, who: str, *, now: datetime,
               by: str | None = None) -> tuple[Site, RosterLine]:
    """Retire one active person of a site (by exact name, any case, or by staff id).

    Refused: nobody active by that name, two active people of that name (give the id), and
    the site's last active manager (a desk could no longer change its roster).
    """
    site = find_site(db, site_ref)
    lines = site_roster(db, site)
    wanted = " ".join(who.split()).casefold()
    found = [line for line in lines if line.active and line.id == who.strip()] or [
        line for line in lines if line.active and line.name.casefold() == wanted]
    if not found:
        raise AdminError(f"nobody active is called {who!r} at {site.name} "
                         f"(see 'amends-headoffice staff list {site.name}')")
    if len(found) > 1:
        listed = ", ".join(f"{line.id} (added at {line.desk})" for line in found)
        raise AdminError(f"{len(found)} people are called {who!r} at {site.name}: give the "
                         f"staff id of the one to deactivate: {listed}")
    person = found[0]
    if person.role == "manager" and not any(
            line.active and line.role == "manager" and line.id != person.id for line in lines):
        raise AdminError(f"{person.name} is the last active manager of {site.name}: make "
                         "someone else a manager at a desk first")
    db.add(StaffDeactivation(site_id=site.id, staff_id=person.id, deactivated_at=now,
                             deactivated_by=by))
    db.flush()
    return site, RosterLine(person.id, person.name, person.role, False, person.desk, True)



def change_staff(db: Session, site: Site, staff_id: str, kind: str, *, role: str = "",
                 by: str, now: datetime) -> RosterLine:
    """Change one active person's role (``staff.role_changed``) or reset their PIN
    (``staff.pin_reset``: they choose a new one at their next sign-in at a desk), as head
    office. Checked by the roster's own rule (``db.roster.apply_staff_event``): never a
    role nobody knows, never the site's last active manager made something else."""
    roster = _fold(db, site)
    person = roster.people.get(staff_id.strip())
    if person is None or not person.active:
        raise AdminError(f"nobody active has the staff id {staff_id!r} at {site.name}")
    if kind == "staff.role_changed":
        if role not in ROLES:
            raise AdminError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
        if role == person.role:
            raise AdminError(f"{person.name} is already {role}")
    elif kind != "staff.pin_reset":
        raise AdminError(f"head office cannot record {kind!r}")
    skipped = apply_staff_event(roster, kind, {"staff_id": person.id, "role": role}, now, "")
    if skipped is not None:
        raise AdminError(f"{person.name} is the last active manager of {site.name}: make "
                         "someone else a manager first")
    db.add(StaffChange(site_id=site.id, staff_id=person.id, kind=kind,
                       role=role if kind == "staff.role_changed" else None, changed_at=now,
                       changed_by=by))
    db.flush()
    return next(line for line in site_roster(db, site) if line.id == person.id)


def add_staff(db: Session, site: Site, name: str, role: str, *, by: str,
              now: datetime) -> RosterLine:
    """Add someone to a site's roster as head office (``staff.added``), checked by the rules a
    desk applies (``db.roster.new_staff_name``, a known role, nobody active of that name).
    Head office chooses their id, so every desk that adopts them holds the same person; with
    no PIN: they choose one at their first sign-in at a desk, as after a PIN reset."""
    try:
        clean = new_staff_name(name)
    except NameProblem as problem:
        raise AdminError("type the person's name" if problem.reason == "missing" else
                         f"a name is at most {MAX_NAME} characters "
                         f"(this one has {problem.length})") from None
    if role not in ROLES:
        raise AdminError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    lines = site_roster(db, site)
    if any(line.active and line.name.casefold() == clean.casefold() for line in lines):
        raise AdminError(f"someone active at {site.name} is already called {clean!r}")
    staff_id = str(uuid.uuid4())
    db.add(StaffChange(site_id=site.id, staff_id=staff_id, kind="staff.added", role=role,
                       name=clean, changed_at=now, changed_by=by))
    db.flush()
    return next(line for line in site_roster(db, site) if line.id == staff_id)


def staff_changes(db: Session, site_id: str, *, added: bool = True) -> list[dict[str, object]]:
    """Head office's additions (unless ``added`` is false: a desk that cannot adopt them),
    role changes and PIN resets at a site, oldest first, for its desks
    (``GET /api/v1/staff/changes``)."""
    return [{"id": row.id, "staff_id": row.staff_id, "kind": row.kind, "role": row.role or "",
             "at": format_utc(row.changed_at),
             **({"name": row.name or ""} if row.kind == "staff.added" else {})}
            for row in db.scalars(select(StaffChange).where(StaffChange.site_id == site_id)
                                  .order_by(StaffChange.id))
            if added or row.kind != "staff.added"]


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One change head office made to a site's staff, for the staff page's history."""

    at: datetime
    by: str
    name: str
    what: str


def change_log(db: Session, site: Site) -> list[ChangeLine]:
    """Head office's role changes, PIN resets and deactivations at a site, newest first."""
    names = staff_names(db, site.id)
    names.update({row.staff_id: row.name or "" for row in db.scalars(
        select(StaffChange).where(StaffChange.site_id == site.id,
                                  StaffChange.kind == "staff.added"))})
    what = {"staff.role_changed": "role changed to {role}", "staff.pin_reset": "PIN reset",
            "staff.added": "added as {role}"}
    lines = [ChangeLine(row.changed_at, row.changed_by, names.get(row.staff_id, row.staff_id),
                        what.get(row.kind, row.kind).format(role=row.role or ""))
             for row in db.scalars(select(StaffChange).where(StaffChange.site_id == site.id))]
    lines += [ChangeLine(row.deactivated_at, row.deactivated_by or "command line",
                         names.get(row.staff_id, row.staff_id), "deactivated")
              for row in db.scalars(select(StaffDeactivation)
                                    .where(StaffDeactivation.site_id == site.id))]
    return sorted(lines, key=lambda line: line.at, reverse=True)
