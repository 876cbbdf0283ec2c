"""What a desk fetches: the other desks' events of its site, and the site's newest policy."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.wire import PolicyAnswer, PullPage, policy_answer, pull_page
from headoffice.flags import add_flag
from headoffice.models import Device, EventRow, PolicyVersion
from headoffice.roster import deactivated_staff
from headoffice.rows import row_to_wire

# One pull answer is cut short once its events reach this many bytes (the first event always
# goes, and no payload is larger than db.event_schema.MAX_PAYLOAD_BYTES): a page of 1,000
# events of 4 MiB each was once 4 GiB.
MAX_PULL_BYTES = 4 * 1024 * 1024
EVENT_OVERHEAD = 512  # an event's fields besides its payload, as JSON, rounded up


def pull(db: Session, device: Device, *, after: int, limit: int,
         max_bytes: int | None = None) -> PullPage:
    """Events of the other desks of this device's site, in arrival order, after a cursor:
    at most ``limit`` of them, and fewer once they reach ``max_bytes`` (the desk pulls until a
    page comes back empty, so a short page just means another request)."""
    found = db.scalars(
        select(EventRow)
        .where(EventRow.site_id == device.site_id, EventRow.device_id != device.id,
               EventRow.id > after)
        .order_by(EventRow.id)
        .limit(limit)
        .execution_options(yield_per=100)  # rows held at once, not a whole page of them
    )
    budget = MAX_PULL_BYTES if max_bytes is None else max_bytes
    rows: list[EventRow] = []
    size = 0
    for row in found:
        size += len(row.payload) + EVENT_OVERHEAD  # stored ASCII-escaped: characters are bytes
        if rows and size > budget:
            break
        rows.append(row)
    found.close()
    # The site's revoked desks: the others refuse vouchers of theirs they have not seen arrive
    # here (a stolen desk's key would otherwise sign vouchers the other desks accept).
    revoked = db.scalars(select(Device.id).where(Device.site_id == device.site_id,
                                                 Device.revoked_at.is_not(None))
                         .order_by(Device.id)).all()
    # People head office retired: each desk records them as its own staff.deactivated.
    return pull_page([row_to_wire(row) for row in rows], rows[-1].id if rows else after,
                     list(revoked), deactivated_staff(db, device.site_id))


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
