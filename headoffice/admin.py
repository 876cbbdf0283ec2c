"""Head-office administration: sites, enrolment codes, devices, policies and admin tokens.

These are the operations behind ``amends-headoffice`` (and the tests). Each takes an open
session inside a transaction and raises AdminError with a message for the person at the
terminal when the request cannot be done; nothing is half-written because the caller's
transaction rolls back.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.money import CurrencyError, check_currency
from db.policy import PolicyError, parse_policy
from headoffice import tokens
from headoffice.models import AdminToken, Device, EnrolmentCode, PolicyVersion, Site

CODE_VALIDITY = timedelta(hours=24)
MAX_NAME = 200


class AdminError(Exception):
    """An admin request that cannot be done; the message says why and what to do."""


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def clean_name(text: str, what: str) -> str:
    """A display name: trimmed, not empty, not too long, no control characters."""
    name = " ".join(text.split())
    if not name:
        raise AdminError(f"{what} must not be empty")
    if len(name) > MAX_NAME:
        raise AdminError(f"{what} is longer than {MAX_NAME} characters")
    if _has_control(name):
        raise AdminError(f"{what} contains control characters")
    return name


def check_timezone(name: str) -> str:
    """An IANA time zone name such as Europe/London, or AdminError."""
    cleaned = name.strip()
    try:
        ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        raise AdminError(
            f"unknown time zone {name!r}: use an IANA name such as Europe/London"
        ) from None
    return cleaned


def check_site_currency(code: str) -> str:
    try:
        return check_currency(code)
    except CurrencyError:
        raise AdminError(f"unknown currency {code!r}: use an ISO 4217 code such as EUR") from None


# --- sites ----------------------------------------------------------------------------------


def add_site(db: Session, *, name: str, currency: str, timezone: str, now: datetime) -> Site:
    clean = clean_name(name, "site name")
    cur = check_site_currency(currency)
    zone = check_timezone(timezone)
    # Names are how people pick a site, so two that differ only in case would be a trap.
    taken = db.scalar(select(Site).where(func.lower(Site.name) == clean.lower()))
    if taken is not None:
        raise AdminError(f"a site named {taken.name!r} already exists (id {taken.id})")
    site = Site(id=str(uuid.uuid4()), name=clean, currency=cur, timezone=zone, created_at=now)
    db.add(site)
    db.flush()
    return site


def list_sites(db: Session) -> list[Site]:
    return list(db.scalars(select(Site).order_by(Site.name)))


def find_site(db: Session, ref: str) -> Site:
    """A site by id, else by exact name, else by name ignoring case."""
    ref = ref.strip()
    if _has_control(ref):  # no name has them, and PostgreSQL refuses a NUL in a query
        raise AdminError(f"no site {ref!r}")
    site = db.get(Site, ref)
    if site is None:
        site = db.scalar(select(Site).where(Site.name == ref))
    if site is None:
        site = db.scalar(select(Site).where(func.lower(Site.name) == ref.lower()))
    if site is None:
        raise AdminError(f"no site {ref!r} (see 'amends-headoffice site list')")
    return site


# --- enrolment codes and devices ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IssuedCode:
    code: str  # shown once, never stored
    site: Site
    expires_at: datetime


def issue_code(db: Session, site_ref: str, *, now: datetime,
               valid_for: timedelta = CODE_VALIDITY) -> IssuedCode:
    if valid_for <= timedelta(0):
        raise AdminError("an enrolment code must be valid for some time")
    site = find_site(db, site_ref)
    code = tokens.new_enrolment_code()
    expires = now + valid_for
    db.add(EnrolmentCode(code_hash=tokens.code_digest(code), site_id=site.id, created_at=now,
                         expires_at=expires))
    db.flush()
    return IssuedCode(code, site, expires)


@dataclass(frozen=True, slots=True)
class ReenrolCode:
    code: str  # shown once, never stored
    device: Device
    expires_at: datetime


def issue_reenrol_code(db: Session, device_ref: str, *, now: datetime,
                       valid_for: timedelta = CODE_VALIDITY) -> ReenrolCode:
    """A one-time code that lets exactly this desk enrol again (its key is gone): the admin's
    explicit word that whoever types it is that desk. Only its SHA-256 is kept."""
    if valid_for <= timedelta(0):
        raise AdminError("a re-enrolment code must be valid for some time")
    device = find_device(db, device_ref)
    if device.revoked_at is not None:
        raise AdminError(f"{device.id} ({device.name}) was revoked: it cannot enrol again; "
                         "enrol the desk as a new one with 'device code'")
    code = tokens.new_enrolment_code()
    expires = now + valid_for
    db.add(EnrolmentCode(code_hash=tokens.code_digest(code), site_id=device.site_id,
                         created_at=now, expires_at=expires, device_id=device.id))
    db.flush()
    return ReenrolCode(code, device, expires)


def list_devices(db: Session) -> list[tuple[Device, Site]]:
    rows = db.execute(select(Device, Site).join(Site, Device.site_id == Site.id)
                      .order_by(Site.name, Device.name, Device.id))
    return [(device, site) for device, site in rows]


def find_device(db: Session, ref: str) -> Device:
    """A device by id, or by name when exactly one device has that name."""
    ref = ref.strip()
    if _has_control(ref):
        raise AdminError(f"no device {ref!r}")
    device = db.get(Device, ref)
    if device is not None:
        return device
    named = list(db.scalars(select(Device).where(Device.name == ref)))
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise AdminError(f"{len(named)} devices are named {ref!r}: give the device id")
    raise AdminError(f"no device {ref!r} (see 'amends-headoffice device list')")


def revoke_device(db: Session, ref: str, *, now: datetime) -> tuple[Device, bool]:
    """Revoke a device's token and voucher key; returns (device, newly revoked)."""
    device = find_device(db, ref)
    if device.revoked_at is not None:
        return device, False
    device.revoked_at = now
    db.flush()
    return device, True


# --- policy -----------------------------------------------------------------------------------


def current_policy(db: Session, site_id: str) -> PolicyVersion | None:
    return db.scalar(select(PolicyVersion).where(PolicyVersion.site_id == site_id)
                     .order_by(PolicyVersion.version.desc()).limit(1))


def set_policy(db: Session, site_ref: str, text: str, *, now: datetime,
               published_by: str | None = None) -> PolicyVersion:
    """Store a new policy version for a site once the shared parser (db.policy) accepts it."""
    site = find_site(db, site_ref)
    try:
        policy = parse_policy(text)
    except PolicyError as error:
        raise AdminError(f"the policy is not valid: {error}") from None
    current = current_policy(db, site.id)
    if current is not None and policy.version <= current.version:
        raise AdminError(
            f"the policy has version {policy.version} but {site.name} already has version "
            f"{current.version}: set \"version\" to {current.version + 1} or higher"
        )
    # Keep the document as written, including fields this build ignores; ASCII-escaped so
    # any text (even a NUL) can be stored on PostgreSQL, and it parses back the same.
    body = json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=True)
    row = PolicyVersion(site_id=site.id, version=policy.version, body=body, created_at=now,
                        published_by=published_by)
    db.add(row)
    db.flush()
    return row


# --- admin tokens -------------------------------------------------------------------------------


def create_admin_token(db: Session, *, label: str, now: datetime) -> tuple[AdminToken, str]:
    token = tokens.new_token()
    row = AdminToken(label=clean_name(label, "label"), token_hash=tokens.digest(token),
                     created_at=now)
    db.add(row)
    db.flush()
    return row, token


def list_admin_tokens(db: Session) -> list[AdminToken]:
    return list(db.scalars(select(AdminToken).order_by(AdminToken.id)))


def revoke_admin_token(db: Session, token_id: int, *, now: datetime) -> AdminToken:
    row = db.get(AdminToken, token_id)
    if row is None:
        raise AdminError(f"no admin token with id {token_id}")
    if row.revoked_at is None:
        row.revoked_at = now
        db.flush()
    return row
