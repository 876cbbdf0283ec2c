"""SQLAlchemy 2.0 models of the head-office database (its own base, separate from the desk's).

Head office holds, per site, the enrolled desks and a verified copy of each desk's event log.
Events are stored exactly as they travel (every wire field, the payload as JSON text that
parses back to what was hashed) and are only ever inserted. A few report columns (voucher id,
value, currency, follow-up due time) are copied out of the payload on arrival so the
dashboard can query them with plain SQL on SQLite and PostgreSQL alike.

Secrets (device tokens, enrolment codes, admin tokens) are stored only as SHA-256 digests.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime: ``timestamptz`` on PostgreSQL, fixed-width UTC text on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: every time in head office is timezone-aware")
        utc = value.astimezone(UTC)
        # SQLite keeps text and would drop the offset anyway; store UTC so text order is time.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """The declarative base of the head-office database."""


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


# --- read aggregates of the analysis pages, kept up to date on arrival (headoffice.aggregates)


class CaseFact(Base):
    """One case as the analysis sees it, folded from its events as they arrive."""

    __tablename__ = "hq_case"
    __table_args__ = (Index("ix_hq_case_site_week_category", "site_id", "week", "category"),
                      Index("ix_hq_case_dow_hour_opened", "dow", "hour", "opened_at"),
                      # Chain-wide drill-downs (a gesture, an outlet) list the newest first.
                      Index("ix_hq_case_opened", "opened_at"),
                      # Only the cases still waiting for their follow-up: the dashboard's count.
                      Index("ix_hq_case_waiting", "due_at",
                            postgresql_where=text("done_at IS NULL AND closed_at IS NULL"),
                            sqlite_where=text("done_at IS NULL AND closed_at IS NULL")))

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    opened_at: Mapped[str | None] = mapped_column(String(27), nullable=True)
    week: Mapped[str | None] = mapped_column(String(10), nullable=True)  # local Monday
    dow: Mapped[int | None] = mapped_column(Integer, nullable=True)  # local, Monday 0
    hour: Mapped[int | None] = mapped_column(Integer, nullable=True)  # local
    category: Mapped[str] = mapped_column(String(64), default="")
    outlet: Mapped[str] = mapped_column(String(64), default="")
    opened_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    gestures: Mapped[int] = mapped_column(Integer, default=0)
    gesture_type: Mapped[str] = mapped_column(String(64), default="")  # the first one's
    spend_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    due_at: Mapped[str | None] = mapped_column(String(27), nullable=True)
    done_at: Mapped[str | None] = mapped_column(String(27), nullable=True)
    done_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    outcome: Mapped[str] = mapped_column(String(64), default="")
    closed_at: Mapped[str | None] = mapped_column(String(27), nullable=True)


class WeekCount(Base):
    """Cases of a category at a site in a local week, and how they went."""

    __tablename__ = "hq_week"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    week: Mapped[str] = mapped_column(String(10), primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)
    recovered: Mapped[int] = mapped_column(Integer, default=0)
    spend_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    due: Mapped[int] = mapped_column(Integer, default=0)
    on_time: Mapped[int] = mapped_column(Integer, default=0)


class HourCount(Base):
    """Cases opened at a site on a local day of the week and hour, all time."""

    __tablename__ = "hq_hour"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dow: Mapped[int] = mapped_column(Integer, primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class GestureCount(Base):
    """Cases of a category at a site by the gesture first granted ("none": no gesture)."""

    __tablename__ = "hq_gesture"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)
    gesture_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)
    recovered: Mapped[int] = mapped_column(Integer, default=0)
    spend_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    followed_up: Mapped[int] = mapped_column(Integer, default=0)
    recovered_followed_up: Mapped[int] = mapped_column(Integer, default=0)


class PersonCount(Base):
    """Follow-ups a person owed at a site (who did it, else who opened the case)."""

    __tablename__ = "hq_person"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person: Mapped[str] = mapped_column(String(64), primary_key=True)
    due: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    on_time: Mapped[int] = mapped_column(Integer, default=0)


class DayHourCount(Base):
    """Cases opened at a site on a local day in a local hour (the grid over a date range)."""

    __tablename__ = "hq_day_hour"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # local date
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class ChainDayHourCount(Base):
    """Cases opened in the whole chain on a (site's local) day in a local hour."""

    __tablename__ = "hq_chain_day_hour"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class SliceCount(Base):
    """Cases at a site in a local week by one more dimension (the hour of the week, the outlet,
    the person who opened them): what combustion points test beyond the category."""

    __tablename__ = "hq_slice"

    week: Mapped[str] = mapped_column(String(10), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(8), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class WindowCount(Base):
    """A value's cases at a site in combustion's recent weeks and in the weeks before them,
    kept as events arrive for the weeks ``WindowAnchor`` names (``headoffice.windows``)."""

    __tablename__ = "hq_window"

    dimension: Mapped[str] = mapped_column(String(8), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    recent: Mapped[int] = mapped_column(Integer, default=0)
    history: Mapped[int] = mapped_column(Integer, default=0)


class WindowAnchor(Base):
    """The weeks ``hq_window`` counts (one row, id 1; none: not counted yet)."""

    __tablename__ = "hq_window_anchor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    history_from: Mapped[str] = mapped_column(String(10))
    recent_from: Mapped[str] = mapped_column(String(10))
    last_week: Mapped[str] = mapped_column(String(10))


class Finding(Base):
    """A combustion point as last computed (``headoffice.findings``), most surprising first
    (``rank``); the page reads these instead of testing every value at each request."""

    __tablename__ = "hq_finding"

    rank: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    site_id: Mapped[str] = mapped_column(String(36))
    dimension: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    recent: Mapped[int] = mapped_column(Integer)
    own_expected: Mapped[float] = mapped_column(Float)
    chain_expected: Mapped[float] = mapped_column(Float)
    p_value: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    since: Mapped[str] = mapped_column(String(10))


class FindingRun(Base):
    """When the stored findings were computed, for which weeks, over how many values; ``stale``
    once cases in those weeks arrived since (one row, id 1; none: never computed)."""

    __tablename__ = "hq_finding_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_week: Mapped[str] = mapped_column(String(10))
    tested: Mapped[int] = mapped_column(Integer)
    stale: Mapped[bool] = mapped_column(Boolean())
