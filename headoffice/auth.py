"""Who is asking: the desk a bearer token belongs to, or a head-office person's admin token.

Tokens are compared by their SHA-256 only (``headoffice.tokens``) and never logged.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice import tokens
from headoffice.errors import ServiceError
from headoffice.models import AdminToken, Device

BASIC_REALM = 'Basic realm="Amends head office", charset="UTF-8"'


def device_for_token(db: Session, token: str) -> Device:
    device = db.scalar(select(Device).where(Device.token_hash == tokens.digest(token)))
    if device is None:
        raise ServiceError(401, "unknown token: enrol this desk with head office")
    if device.revoked_at is not None:
        raise ServiceError(401, "this device has been revoked by head office")
    return device


def check_admin(db: Session, secret: str) -> AdminToken:
    """The live admin token ``secret`` is, or 401."""
    found = db.scalar(select(AdminToken).where(AdminToken.token_hash == tokens.digest(secret),
                                               AdminToken.revoked_at.is_(None)))
    if found is None:
        raise ServiceError(401, "admin token not recognised or revoked",
                           headers={"WWW-Authenticate": BASIC_REALM})
    return found
