"""Enrolment: a desk joins its site with a one-time code and gets a bearer token.

A desk's identity is its device id, the one its events carry. A device id head office does
not know yet becomes a new desk with a site's code. A device id it already knows moves to a
new token only with proof that the caller *is* that desk (issue 14, item 3), because every
desk of a site sees the others' device ids in pulled events:

* its signature, by the identity key it registered at enrolment, over ``db.wire.
  reenrol_message`` with a one-time nonce from ``POST /api/v1/enroll/challenge``
  (the nonce is bound to the device, expires after ``CHALLENGE_VALIDITY`` and is used
  once, so a captured request cannot be replayed); or
* a re-enrolment code an admin made for exactly that desk (``amends-headoffice device
  reenrol DEVICE``), for a desk whose key is gone with its keychain.

A site code and a known device id without either is refused, and the desk's token, key and
events stay as they were.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.orm import Session

from db.models import format_utc
from db.wire import (
    ChallengeAnswer,
    EnrolProof,
    EnrolRequest,
    challenge_answer,
    parse_challenge_request,
    parse_enrol_request,
    reenrol_message,
)
from headoffice import tokens
from headoffice.errors import ServiceError, unprocessable
from headoffice.models import Device, EnrolChallenge, EnrolmentCode, Site

CHALLENGE_VALIDITY = timedelta(minutes=5)

NEEDS_PROOF = ("this desk is already enrolled with head office: enrolling it again needs its "
               "own key (the desk signs automatically when it still has it) or a re-enrolment "
               "code for this desk from head office ('amends-headoffice device reenrol "
               "DEVICE'); a new desk enrols with its own new identity")


@dataclass(frozen=True, slots=True)
class Enrolled:
    token: str
    site: Site


def enrol(db: Session, body: Any, *, now: datetime) -> Enrolled:
    """Join a desk to the site its one-time code belongs to, and give it a bearer token."""
    with unprocessable():
        request = parse_enrol_request(body)
    device_id = request["device_id"]
    row = _live_code(db, request["code"], now)
    if row.device_id is not None and row.device_id != device_id:
        raise ServiceError(403, "this re-enrolment code was made for another desk")
    site = db.get(Site, row.site_id)
    assert site is not None  # foreign key
    desk_currency = request["site"]["currency"]
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
    if device is not None and row.device_id is None:
        _check_proof(db, device, request, now)

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
    if device is None:
        db.add(Device(id=device_id, site_id=site.id, name=request["device_name"],
                      token_hash=tokens.digest(token),
                      voucher_public_key=request["voucher_public_key"],
                      device_public_key=request["device_public_key"],
                      enrolled_at=now, last_seq=0))
    else:
        # A proven re-enrolment: the new token replaces the old one (which stops working now,
        # and only now) and the held chain continues where it was.
        device.name = request["device_name"]
        device.token_hash = tokens.digest(token)
        device.voucher_public_key = request["voucher_public_key"]
        device.device_public_key = request["device_public_key"]
        device.enrolled_at = now
    db.flush()
    return Enrolled(token, site)


def _live_code(db: Session, code: str, now: datetime) -> EnrolmentCode:
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
    return row


def _check_proof(db: Session, device: Device, request: EnrolRequest, now: datetime) -> None:
    """Refuse unless ``request`` carries this device's signature over a live nonce of its own;
    the nonce is used up with the enrolment (rolled back with it if anything else fails)."""
    proof: EnrolProof | None = request["proof"]
    if proof is None or device.device_public_key is None:
        raise ServiceError(409, NEEDS_PROOF, proof_needed=True)
    message = reenrol_message(device_id=device.id, nonce=proof["nonce"],
                              device_public_key=request["device_public_key"])
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(device.device_public_key))
        key.verify(bytes.fromhex(proof["signature"]), message)
    except (InvalidSignature, ValueError):
        raise ServiceError(403, "the desk's signature does not match the key it enrolled "
                                "with: " + NEEDS_PROOF, proof_needed=True) from None
    claimed = cast("CursorResult[Any]", db.execute(
        update(EnrolChallenge)
        .where(EnrolChallenge.nonce_hash == tokens.digest(proof["nonce"]),
               EnrolChallenge.device_id == device.id, EnrolChallenge.used_at.is_(None),
               EnrolChallenge.expires_at > now)
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )).rowcount
    if claimed != 1:
        raise ServiceError(403, "this re-enrolment challenge is unknown, used or expired: "
                                "ask for a new one and sign it", proof_needed=True)


def challenge(db: Session, body: Any, *, now: datetime) -> ChallengeAnswer:
    """A one-time nonce for a desk to sign when it re-enrols.

    Given for any well-formed device id, known or not, so the answer does not tell a caller
    which desks exist; only the device's own key can use it.
    """
    with unprocessable():
        device_id = parse_challenge_request(body)
    # Old nonces are of no use to anyone: forget them as new ones are made.
    db.execute(delete(EnrolChallenge).where(EnrolChallenge.created_at <= now - timedelta(days=1))
               .execution_options(synchronize_session=False))
    nonce = secrets.token_urlsafe(32)
    expires = now + CHALLENGE_VALIDITY
    db.add(EnrolChallenge(nonce_hash=tokens.digest(nonce), device_id=device_id,
                          created_at=now, expires_at=expires))
    db.flush()
    return challenge_answer(device_id=device_id, nonce=nonce, expires_at=format_utc(expires))
