"""SQLAlchemy 2.0 models of the head-office database (its own base, separate from the desk's).

Head office holds, per site, the enrolled desks and a verified copy of each desk's event log.
Events are stored exactly as they travel (every wire field, the payload as JSON text that
parses back to what was hashed) and are only ever inserted. A few report columns (voucher id,
value, currency, follow-up due time) are copied out of the payload on arrival so the
dashboard can query them with plain SQL on SQLite and PostgreSQL alike.

Secrets (device tokens, enrolment codes, admin tokens) are stored only as SHA-256 digests.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from headoffice.aggregate_models import (
    CaseFact,
    ChainDayHourCount,
    DayHourCount,
    Finding,
    FindingRun,
    GestureCount,
    HourCount,
    PersonCount,
    SliceCount,
    WeekCount,
    WindowAnchor,
    WindowCount,
)
from headoffice.model_base import Base, BigId, UTCDateTime

# Every table of head office, the analysis ones (defined in aggregate_models) included.
__all__ = [
    "AdminToken", "Attempt", "Base", "BigId", "CaseFact", "ChainDayHourCount", "ChainFault",
    "DayHourCount", "Device", "EnrolChallenge", "EnrolmentCode", "EventRow", "Finding",
    "FindingRun", "Flag", "GestureCount", "HourCount", "JobLease", "MatrixVersion", "PersonCount",
    "PolicyVersion", "Site", "SliceCount", "StaffChange", "StaffDeactivation", "UTCDateTime",
    "WeekCount", "WindowAnchor", "WindowCount",
]


class Site(Base):
    """A property (hotel or restaurant) whose desks report to head office."""

    __tablename__ = "site"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    currency: Mapped[str] = mapped_column(String(3))
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class EnrolmentCode(Base):
    """A one-time code that lets one desk join one site; only its SHA-256 is kept."""

    __tablename__ = "enrolment_code"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    used_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    # Set for a re-enrolment code (``device reenrol``): it enrols that one desk and no other.
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class Device(Base):
    """An enrolled desk. ``id`` is the desk's own device_id, the one its events carry."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Raw 32-byte Ed25519 public key as 64 hex digits; desks without signing have none.
    voucher_public_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # The desk's own identity key (raw Ed25519 public key, 64 hex digits), registered at
    # enrolment: a re-enrolment signed by it proves it is this desk. None for desks enrolled
    # before keys existed (they re-enrol with an admin's code).
    device_public_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Highest seq held; held seqs are always exactly 1..last_seq (nothing past a gap is kept).
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # The chain head the desk last reported: a copy of its latest hash outside its reach.
    last_chain_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class EnrolChallenge(Base):
    """A one-time nonce head office gave a desk to sign when it re-enrols (SHA-256 kept)."""

    __tablename__ = "enrol_challenge"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    nonce_hash: Mapped[str] = mapped_column(String(64), unique=True)
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Attempt(Base):
    """One counted attempt (a refused enrolment, a wrong admin token) from a client address.

    In the database, not in a process, so every head-office process behind a load balancer
    counts the same attempts (``headoffice.throttle``).
    """

    __tablename__ = "attempt"
    __table_args__ = (Index("ix_attempt_scope_client_at", "scope", "client", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(16))
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class EventRow(Base):
    """One desk event as received. Only ever inserted; ``id`` is head office's arrival order."""

    __tablename__ = "event"
    __table_args__ = (
        UniqueConstraint("device_id", "seq"),
        Index("ix_event_site_id", "site_id", "id"),
        Index("ix_event_site_kind_at", "site_id", "kind", "at"),
        Index("ix_event_voucher", "voucher_id"),
        Index("ix_event_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    actor: Mapped[str | None] = mapped_column(String(64), nullable=True)
    at: Mapped[str] = mapped_column(String(27))  # the wire text, exactly as hashed
    payload: Mapped[str] = mapped_column(Text)  # JSON that parses back to the hashed payload
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Report columns copied from the payload on arrival (None where absent or not well-formed).
    voucher_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    value_minor: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    currency: Mapped[str | None] = mapped_column(String(3), nullable=True)
    due_at: Mapped[str | None] = mapped_column(String(27), nullable=True)


class PolicyVersion(Base):
    """One version of a site's budget policy; the highest version is in force."""

    __tablename__ = "policy_version"
    __table_args__ = (UniqueConstraint("site_id", "version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)  # canonical JSON of the policy document
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The admin token's label (and id) that published it; None: the command line.
    published_by: Mapped[str | None] = mapped_column(String(240), nullable=True)


class MatrixVersion(Base):
    """One version of a site's recovery matrix (``db.matrix``); the highest is in force.
    A site without one uses the matrix its desks ship with."""

    __tablename__ = "matrix_version"
    __table_args__ = (UniqueConstraint("site_id", "version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)  # canonical JSON, as parse_matrix gives it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    published_by: Mapped[str | None] = mapped_column(String(240), nullable=True)


class Flag(Base):
    """A problem found on arrival that a person should look at (chain break, double redeem)."""

    __tablename__ = "flag"
    __table_args__ = (Index("ix_flag_site_created", "site_id", "created_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffDeactivation(Base):
    """A person head office retired from a site. Head office cannot write to a desk's chain,
    so each desk learns it with every pull and records it as its own ``staff.deactivated``."""

    __tablename__ = "staff_deactivation"
    __table_args__ = (UniqueConstraint("site_id", "staff_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), index=True)
    staff_id: Mapped[str] = mapped_column(String(64))
    deactivated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The admin token's label (and id) in the browser; None: the command line.
    deactivated_by: Mapped[str | None] = mapped_column(String(240), nullable=True)


class StaffChange(Base):
    """A person added, a role change or a PIN reset an admin made at head office. Like a
    deactivation it cannot be written into a desk's chain: desks fetch them
    (``GET /api/v1/staff/changes``) and record each as their own ``staff.added`` (with a PIN
    reset: they choose their PIN at a desk), ``staff.role_changed`` or ``staff.pin_reset``."""

    __tablename__ = "staff_change"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), index=True)
    staff_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))  # staff.added, .role_changed or .pin_reset
    role: Mapped[str | None] = mapped_column(String(32), nullable=True)
    name: Mapped[str | None] = mapped_column(String(240), nullable=True)  # staff.added only
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    changed_by: Mapped[str] = mapped_column(String(240))


class AdminToken(Base):
    """A token that opens the read-only dashboard and CSV export; only its SHA-256 is kept."""

    __tablename__ = "admin_token"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    label: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ChainFault(Base):
    """A desk's chain as held here that does not verify (``headoffice.verify``), from ``seq`` on.

    While it stands, pulls pass over that desk's events from ``seq`` on and say so; the row
    goes once the chain verifies again (restored from a backup).
    """

    __tablename__ = "chain_fault"

    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    event_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    problem: Mapped[str] = mapped_column(Text)
    found_at: Mapped[datetime] = mapped_column(UTCDateTime())


class JobLease(Base):
    """A background job shared by every head-office process: who runs it until when, and how
    its last run went. Taken by one conditional UPDATE, so one process runs it at a time."""

    __tablename__ = "job_lease"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(64), nullable=True)
    until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ok: Mapped[bool | None] = mapped_column(Boolean(), nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
