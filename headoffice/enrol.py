"""Enrolment: a desk joins its site with a one-time code and gets a bearer token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from db.wire import parse_enrol_request
from headoffice import tokens
from headoffice.errors import ServiceError, unprocessable
from headoffice.models import Device, EnrolmentCode, Site


@dataclass(frozen=True, slots=True)
class Enrolled:
    token: str
    site: Site


def enrol(db: Session, body: Any, *, now: datetime) -> Enrolled:
    """Join a desk to the site its one-time code belongs to, and give it a bearer token."""
    with unprocessable():
        request = parse_enrol_request(body)
    code, device_id, device_name = request["code"], request["device_id"], request["device_name"]
    desk_currency = request["site"]["currency"]
    key = request["voucher_public_key"]

    row = db.scalar(select(EnrolmentCode).where(
        EnrolmentCode.code_hash == tokens.code_digest(code)))
    if row is None:
        raise ServiceError(403, "enrolment code not recognised: check it, or ask head office "
                                "for a new one")
    if row.used_at is not None:
        raise ServiceError(410, "this enrolment code has already been used; each code "
                                "enrols one desk once: ask head office for a new one")
    if row.expires_at <= now:
        raise ServiceError(410, "this enrolment code has expired: ask head office for a new "
                                "one")
    site = db.get(Site, row.site_id)
    assert site is not None  # foreign key
    if desk_currency != site.currency:
        raise ServiceError(
            409, f"currency mismatch: this desk keeps its budget in {desk_currency} but head "
                 f"office's site {site.name!r} uses {site.currency}; set the desk's currency "
                 f"to {site.currency} (or enrol it with a code for a {desk_currency} site)")

    device = db.get(Device, device_id)
    if device is not None and device.revoked_at is not None:
        raise ServiceError(403, "this device was revoked by head office and cannot enrol "
                                "again")
    if device is not None and device.site_id != site.id:
        raise ServiceError(409, "this device is already enrolled at another site; head office "
                                "must revoke it there first")

    # Claim the code with a conditional update, so two desks racing with one code cannot
    # both win (the loser's transaction sees rowcount 0 and rolls back).
    claimed = cast("CursorResult[Any]", db.execute(
        update(EnrolmentCode)
        .where(EnrolmentCode.id == row.id, EnrolmentCode.used_at.is_(None),
               EnrolmentCode.expires_at > now)
        .values(used_at=now, used_by=device_id)
        .execution_options(synchronize_session=False)
    )).rowcount
    if claimed != 1:
        raise ServiceError(410, "this enrolment code has already been used; ask head office "
                                "for a new one")

    token = tokens.new_token()
    public_key = None if key is None else key.lower()
    if device is None:
        db.add(Device(id=device_id, site_id=site.id, name=device_name,
                      token_hash=tokens.digest(token), voucher_public_key=public_key,
                      enrolled_at=now, last_seq=0))
    else:
        # Re-enrolment (e.g. the keychain was lost): a new token replaces the old one and the
        # held chain continues where it was.
        device.name = device_name
        device.token_hash = tokens.digest(token)
        device.voucher_public_key = public_key
        device.enrolled_at = now
    db.flush()
    return Enrolled(token, site)
