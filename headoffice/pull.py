"""What a desk fetches: the other desks' events of its site, and the site's newest policy.

No desk is left stuck by another desk's broken chain: ``pull`` passes over it and says so.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from db.eventlog import GENESIS_HASH, Event, verify_chain
from db.eventlog import ChainFault as Fault
from db.wire import PolicyAnswer, PullPage, Withheld, policy_answer, pull_page
from headoffice.flags import add_flag
from headoffice.models import ChainFault, Device, EventRow, PolicyVersion
from headoffice.roster import deactivated_staff
from headoffice.rows import row_to_wire
from headoffice.verify import note_fault, standing_faults

# One pull answer is cut short once its events reach this many bytes (the first event always
# goes, and no payload is larger than db.event_schema.MAX_PAYLOAD_BYTES): a page of 1,000
# events of 4 MiB each was once 4 GiB.
MAX_PULL_BYTES = 4 * 1024 * 1024
EVENT_OVERHEAD = 512  # an event's fields besides its payload, as JSON, rounded up


def pull(db: Session, device: Device, *, after: int, limit: int,
         max_bytes: int | None = None, now: datetime | None = None) -> PullPage:
    """Events of the other desks of this device's site, in arrival order, after a cursor:
    at most ``limit`` of them, and fewer once they reach ``max_bytes`` (the desk pulls until a
    page comes back empty, so a short page just means another request).

    A desk whose held chain does not verify (``headoffice.verify``) is passed over from the
    broken seq on, and the page says so (``withheld``): the other desks' events still flow.
    The page's events are checked against their hashes and links before they go; one that
    fails is recorded as such a fault on the spot (``now``), and the page is read again.
    """
    faults = {f.device_id: f for f in standing_faults(db, device.site_id)}
    while True:
        query = (select(EventRow)
                 .where(EventRow.site_id == device.site_id, EventRow.device_id != device.id,
                        EventRow.id > after, *_passing_over(faults))
                 .order_by(EventRow.id))
        rows = _page(db, query, limit, max_bytes)
        fault = first_fault(db, rows)
        if fault is None:
            break
        note_fault(db, fault.device_id, fault, now or datetime.now(UTC))
        db.flush()
        faults = {f.device_id: f for f in standing_faults(db, device.site_id)}
    # The site's revoked desks: the others refuse vouchers of theirs they have not seen arrive
    # here (a stolen desk's key would otherwise sign vouchers the other desks accept).
    revoked = db.scalars(select(Device.id).where(Device.site_id == device.site_id,
                                                 Device.revoked_at.is_not(None))
                         .order_by(Device.id)).all()
    # People head office retired: each desk records them as its own staff.deactivated.
    return pull_page([row_to_wire(row) for row in rows], rows[-1].id if rows else after,
                     list(revoked), deactivated_staff(db, device.site_id),
                     withheld=_withheld(faults, device))


def pull_device(db: Session, device: Device, *, other: str, from_seq: int, limit: int,
                now: datetime) -> PullPage:
    """Another desk's events of this site from ``from_seq`` on, in seq order: how a desk
    catches up on a chain that was passed over once it verifies again. ``next`` is the
    last seq sent (or ``from_seq - 1``)."""
    faults = {f.device_id: f for f in standing_faults(db, device.site_id)}
    while True:
        query = (select(EventRow)
                 .where(EventRow.site_id == device.site_id, EventRow.device_id == other,
                        EventRow.device_id != device.id, EventRow.seq >= from_seq,
                        *_passing_over(faults))
                 .order_by(EventRow.seq))
        rows = _page(db, query, limit, None)
        fault = first_fault(db, rows)
        if fault is None:
            break
        note_fault(db, fault.device_id, fault, now)
        db.flush()
        faults = {f.device_id: f for f in standing_faults(db, device.site_id)}
    return pull_page([row_to_wire(row) for row in rows], rows[-1].seq if rows else from_seq - 1,
                     [], withheld=_withheld(faults, device))


def _passing_over(faults: Mapping[str, ChainFault]) -> list[ColumnElement[bool]]:
    return [~((EventRow.device_id == device_id) & (EventRow.seq >= fault.seq))
            for device_id, fault in faults.items()]


def _withheld(faults: Mapping[str, ChainFault], device: Device) -> list[Withheld]:
    return [Withheld(device_id=f.device_id, from_seq=f.seq, problem=f.problem)
            for f in faults.values() if f.device_id != device.id]


def _page(db: Session, query: Select[EventRow], limit: int, max_bytes: int | None
          ) -> list[EventRow]:
    found = db.scalars(query.limit(limit)
                       .execution_options(yield_per=100))  # rows held at once, not a page
    budget = MAX_PULL_BYTES if max_bytes is None else max_bytes
    rows: list[EventRow] = []
    size = 0
    for row in found:
        size += len(row.payload) + EVENT_OVERHEAD  # stored ASCII-escaped: characters are bytes
        if rows and size > budget:
            break
        rows.append(row)
    found.close()
    return rows


def first_fault(db: Session, rows: Sequence[EventRow]) -> Fault | None:
    """The first event of a page that fails its hash or its link to the event before it
    (``db.eventlog.verify_chain``, per desk, from the event held before the page's first)."""
    by_device: dict[str, list[EventRow]] = {}
    for row in rows:
        by_device.setdefault(row.device_id, []).append(row)
    for device_id, mine in by_device.items():
        mine.sort(key=lambda r: r.seq)
        first = mine[0].seq
        prev = GENESIS_HASH if first == 1 else db.scalar(
            select(EventRow.hash).where(EventRow.device_id == device_id,
                                        EventRow.seq == first - 1))
        if prev is None:
            return Fault(device_id, first - 1, None, "missing: an event held before is gone")
        fault = verify_chain((_event(r) for r in mine), start_seq=first, start_prev_hash=prev)
        if fault is not None:
            return fault
    return None


def _event(row: EventRow) -> Event:
    wire = row_to_wire(row)
    if not isinstance(wire["payload"], dict):
        wire["payload"] = {"not an object": wire["payload"]}  # cannot match its hash
    return Event.from_wire(wire)


def note_held(db: Session, device: Device, held: int, *, now: datetime) -> None:
    """Flag that this desk holds ``held`` events of its site in quarantine (once per count)."""
    add_flag(db, site_id=device.site_id, device_id=device.id, kind="events_held",
             detail=f"desk {device.name} ({device.id}) holds {held} event(s) of other desks "
                    "that it cannot apply (a kind it does not know, or an event it cannot "
                    "read); it applies the rest and keeps syncing. Upgrade the desk; its "
                    "'amends doctor' lists them.", now=now)


def policy_for(db: Session, device: Device, *, have: int) -> PolicyAnswer | None:
    row = db.scalar(select(PolicyVersion).where(PolicyVersion.site_id == device.site_id)
                    .order_by(PolicyVersion.version.desc()).limit(1))
    if row is None or row.version <= have:
        return None
    return policy_answer(row.version, json.loads(row.body))
