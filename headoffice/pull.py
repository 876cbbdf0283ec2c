"""What a desk fetches: the other desks' events of its site, and the site's newest policy."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.wire import PolicyAnswer, PullPage, policy_answer, pull_page
from headoffice.models import Device, EventRow, PolicyVersion
from headoffice.roster import deactivated_staff
from headoffice.rows import row_to_wire


def pull(db: Session, device: Device, *, after: int, limit: int) -> PullPage:
    """Events of the other desks of this device's site, in arrival order, after a cursor."""
    rows = db.scalars(
        select(EventRow)
        .where(EventRow.site_id == device.site_id, EventRow.device_id != device.id,
               EventRow.id > after)
        .order_by(EventRow.id)
        .limit(limit)
    ).all()
    # The site's revoked desks: the others refuse vouchers of theirs they have not seen arrive
    # here (a stolen desk's key would otherwise sign vouchers the other desks accept).
    revoked = db.scalars(select(Device.id).where(Device.site_id == device.site_id,
                                                 Device.revoked_at.is_not(None))
                         .order_by(Device.id)).all()
    # People head office retired: each desk records them as its own staff.deactivated.
    return pull_page([row_to_wire(row) for row in rows], rows[-1].id if rows else after,
                     list(revoked), deactivated_staff(db, device.site_id))


def policy_for(db: Session, device: Device, *, have: int) -> PolicyAnswer | None:
    row = db.scalar(select(PolicyVersion).where(PolicyVersion.site_id == device.site_id)
                    .order_by(PolicyVersion.version.desc()).limit(1))
    if row is None or row.version <= have:
        return None
    return policy_answer(row.version, json.loads(row.body))
