"""Recording head office's additions, role changes and PIN resets as this desk's own events.

Head office cannot write into a desk's chain, so each desk fetches the changes an admin made
(``db.roster.HeadOfficeChange``) and records each as its own ``staff.role_changed`` or
``staff.pin_reset``, once (``HQ_STAFF_CHANGES`` is the last id handled here). A change is left
out when something at least as new about that person already stands in this desk's log (the
same change recorded by another desk, or a newer one made at a desk): a PIN the person chose
after the reset is not reset again. Someone this desk has not met yet waits for a later sync.

Someone an admin added is recorded as ``staff.added`` with head office's id and no usable PIN
(``db.roster.NO_PIN``), then ``staff.pin_reset``: they choose their PIN at their first sign-in,
as after a reset. A desk that already holds that id (another desk adopted them and the events
arrived) records nothing, so the site holds one person.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import EventRow, Staff
from db.models import Setting as SettingRow
from db.roster import NO_PIN, HeadOfficeChange
from db.utc import parse_utc
from desktop.core.recorder import Recorder
from desktop.core.settings import HQ_STAFF_CHANGES
from desktop.core.staff_fold import roster_time

# What supersedes a head-office change of each kind.
_SUPERSEDED_BY = {"staff.role_changed": ("staff.role_changed", "staff.deactivated"),
                  "staff.pin_reset": ("staff.pin_reset", "staff.pin_set", "staff.pin_changed",
                                      "staff.deactivated")}


def _superseded(db: Session, change: HeadOfficeChange) -> bool:
    pattern = f'%"staff_id":"{_like(change.staff_id)}"%'
    return db.scalar(select(EventRow.id).where(
        EventRow.kind.in_(_SUPERSEDED_BY[change.kind]), EventRow.at >= change.at,
        EventRow.payload.like(pattern, escape="\\")).limit(1)) is not None


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def record_changes(recorder: Recorder, changes: Sequence[HeadOfficeChange]) -> int:
    """Record the changes not handled here yet; how many events were recorded."""
    recorded = 0
    with recorder.tx() as db:
        done = HQ_STAFF_CHANGES.read(_raw(db))
        for change in changes:
            if change.kind == "staff.added":
                # Whatever the cursor says (a desk updated since may have passed it over):
                # holding the id is what says they were adopted.
                done = max(done, change.id)
                recorded += _adopt(recorder, db, change)
                continue
            if change.id <= done:
                continue
            person = db.get(Staff, change.staff_id)
            if person is None:
                break  # not met here yet: this one and the rest wait for a later sync
            done = change.id
            if not person.active or _superseded(db, change):
                continue
            if change.kind == "staff.role_changed" and person.role == change.role:
                continue
            payload = {"staff_id": person.id}
            if change.kind == "staff.role_changed":
                payload["role"] = change.role
            recorder.record(db, change.kind, actor=None,
                            at=roster_time(db, [person.id], recorder.now()), payload=payload)
            recorded += 1
        db.merge(SettingRow(key=HQ_STAFF_CHANGES.key, value=HQ_STAFF_CHANGES.dump(done)))
    return recorded


def _adopt(recorder: Recorder, db: Session, change: HeadOfficeChange) -> int:
    """Add someone head office added, unless this desk holds them already."""
    if db.get(Staff, change.staff_id) is not None:
        return 0
    # At head office's time, the same at every desk: a PIN the person chose at one desk is
    # later than the reset another desk records when it adopts them (offline meanwhile).
    try:
        at = parse_utc(change.at)
    except ValueError:
        at = recorder.now()
    recorder.record(db, "staff.added", actor=None, at=at, payload={
        "staff_id": change.staff_id, "name": change.name, "role": change.role,
        "pin_hash": NO_PIN})
    recorder.record(db, "staff.pin_reset", actor=None, at=roster_time(db, [change.staff_id], at),
                    payload={"staff_id": change.staff_id})
    return 2


def _raw(db: Session) -> str | None:
    row = db.get(SettingRow, HQ_STAFF_CHANGES.key)
    return None if row is None else row.value
