"""SQLAlchemy 2.0 models of the local store: the event log, configuration and the read model.

The ``event`` table is the truth and is only ever inserted into. Every other table under
"read model" is derived from events and written in the same transaction as the event that
changes it, so it can be dropped and refolded at any time; so is the staff roster (from the
``staff.*`` events). Site, policy and settings are configuration: head office owns them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Also read from here by many modules; defined without SQLAlchemy for the quick roster look.
from db.utc import TIME_FORMAT as TIME_FORMAT
from db.utc import format_utc as format_utc
from db.utc import parse_utc as parse_utc


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as fixed-width UTC text (SQLite has no time zone type)."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else format_utc(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else parse_utc(value)


class Base(DeclarativeBase):
    """The one declarative base of the local store."""


# --- configuration -----------------------------------------------------------------------


class Setting(Base):
    """Small key/value settings of this desk (device id, idle lock, printers)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Site(Base):
    """The property this desk belongs to."""

    __tablename__ = "site"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))  # "hotel" or "restaurant"
    currency: Mapped[str] = mapped_column(String(3))
    timezone: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(Text, default="")
    outlets: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of outlet names
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Staff(Base):
    """A person who signs in at the desk. The PIN is kept only as a slow salted hash."""

    __tablename__ = "staff"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))  # agent, supervisor, manager
    pin_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_pins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # A manager reset the PIN: the person chooses a new one before signing in again.
    must_set_pin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The desk that added the person: tells apart two of one name added before enrolment.
    added_by_device: Mapped[str] = mapped_column(String(36), default="", server_default="")
    # The time of the latest roster event about the person: a change made here is recorded
    # after it, so a desk with a slow clock never orders a change before what it knew.
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Policy(Base):
    """One version of the site's budget policy; the highest version is in force."""

    __tablename__ = "policy"
    __table_args__ = (UniqueConstraint("site_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)  # canonical JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str | None] = mapped_column(String(36), nullable=True)


# --- the log -------------------------------------------------------------------------------


class EventRow(Base):
    """The append-only case log. Never updated except ``acked`` (sync bookkeeping)."""

    __tablename__ = "event"
    __table_args__ = (
        UniqueConstraint("device_id", "seq"),
        Index("ix_event_case", "case_id"),
        Index("ix_event_outbox", "device_id", "acked", "seq"),
        Index("ix_event_kind", "kind"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    actor: Mapped[str | None] = mapped_column(String(36), nullable=True)
    at: Mapped[str] = mapped_column(String(27))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly as hashed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    acked: Mapped[bool] = mapped_column(Boolean, default=False)


class QuarantineRow(Base):
    """A pulled event of another desk that this desk holds without applying it.

    The event itself is in ``event`` (it is part of that desk's hash chain, which must stay
    whole); this row says that the fold skips it, and why: ``why`` is ``unknown_kind`` (a
    newer build's kind: applied after an upgrade), ``schema`` (its payload breaks its kind's
    schema) or ``fold`` (folding it failed); ``detail`` names the field or the error.
    """

    __tablename__ = "quarantine"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(64))
    why: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(Text)


# --- read model (derived from events) --------------------------------------------------------


class ShiftRow(Base):
    """A shift: from sign-in to "End shift" of one person on one desk."""

    __tablename__ = "shift"
    __table_args__ = (Index("ix_shift_started", "started_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CaseRow(Base):
    """Current state of one recovery case."""

    __tablename__ = "recovery_case"
    __table_args__ = (
        Index("ix_case_status_due", "status", "followup_due_at"),
        Index("ix_case_guest", "guest_key"),
        Index("ix_case_opened_day", "opened_day"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    opened_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    shift_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Site-local wall time of opened_at, set by the fold: the review groups by these in SQL.
    opened_day: Mapped[str] = mapped_column(String(10), default="")  # ISO date
    opened_weekday: Mapped[int] = mapped_column(Integer, default=0)  # 0 = Monday
    opened_hour: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, closed
    step: Mapped[str] = mapped_column(String(16), default="listen")  # the next step to do
    guest_name: Mapped[str] = mapped_column(Text, default="")
    guest_key: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(48), default="")
    severity: Mapped[str] = mapped_column(String(16), default="")
    account: Mapped[str] = mapped_column(Text, default="")
    apology: Mapped[str] = mapped_column(Text, default="")
    guest_view: Mapped[str] = mapped_column(Text, default="")
    good_outcome: Mapped[str] = mapped_column(Text, default="")
    fix_action: Mapped[str] = mapped_column(Text, default="")
    fixed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    followup_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    followup_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    followup_note: Mapped[str] = mapped_column(Text, default="")
    root_cause: Mapped[str] = mapped_column(String(48), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(16), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    apology_prints: Mapped[int] = mapped_column(Integer, default=0)  # slip.printed, apology
    # The language the guest's slips print in ("de", "ja" …); "" on cases from before it was
    # kept: the site's language.
    guest_language: Mapped[str] = mapped_column(String(8), default="")


class GrantRow(Base):
    """A gesture granted to a guest: spends budget of the person who granted it."""

    __tablename__ = "gesture_grant"
    __table_args__ = (
        Index("ix_grant_shift", "shift_id"),
        Index("ix_grant_staff", "staff_id", "granted_at"),
        Index("ix_grant_day", "local_day", "granted_at"),
        # Only the few grants that repeat a guest's earlier gesture are indexed.
        Index("ix_grant_repeat", "local_day", sqlite_where=text("repeat_of IS NOT NULL")),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    shift_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    gesture_type: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    value_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    approval_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    local_day: Mapped[str] = mapped_column(String(10), default="")  # site-local ISO date
    # The nearest earlier case (another one) in which the same guest received a gesture, and
    # how many seconds before: the review's "one guest, several cases in a stay".
    repeat_of: Mapped[str | None] = mapped_column(String(36), nullable=True)
    repeat_gap: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ApprovalRow(Base):
    """A supervisor's decision at the desk on a grant beyond the granter's limits."""

    __tablename__ = "approval"
    __table_args__ = (Index("ix_approval_decided", "decided_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    grant_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    approver_id: Mapped[str] = mapped_column(String(36))
    requested_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    decision: Mapped[str] = mapped_column(String(16))  # given, declined
    reason: Mapped[str] = mapped_column(Text)
    breaches: Mapped[str] = mapped_column(Text, default="[]")
    value_minor: Mapped[int] = mapped_column(Integer, default=0)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CorrectionRow(Base):
    """A wrong charge put right: recorded, but not a gesture and spends no budget."""

    __tablename__ = "correction"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    staff_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    description: Mapped[str] = mapped_column(Text)
    value_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class HandoffRow(Base):
    """A case handed to a colleague or a department (case.handed_off), and when it was done."""

    __tablename__ = "handoff"
    __table_args__ = (Index("ix_handoff_open", "done_at", "to_kind", "to_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    by_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # who handed it off
    to_kind: Mapped[str] = mapped_column(String(16))  # "staff" or "department"
    to_id: Mapped[str] = mapped_column(Text)  # a staff id, or the department's name
    to_name: Mapped[str] = mapped_column(Text)  # as it was called when handed off
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    done_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    done_note: Mapped[str] = mapped_column(Text, default="")


class NoteRow(Base):
    """A free note added to a case."""

    __tablename__ = "case_note"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    actor: Mapped[str | None] = mapped_column(String(36), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class VoucherRow(Base):
    """A voucher issued to a guest (at this desk or another of the site) and what became of it.

    ``token`` is the signed voucher printed as the QR code: not a secret, and what makes the
    row checkable; the signing key itself is never in this database.
    """

    __tablename__ = "voucher"
    __table_args__ = (Index("ix_voucher_case", "case_id"), Index("ix_voucher_issued", "issued_at"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # normalised, no dashes
    # None only for a voucher known here from its redemption before its issue was synced.
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    grant_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    device_id: Mapped[str] = mapped_column(String(36))  # the issuing desk
    value_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    description: Mapped[str] = mapped_column(Text, default="")
    guest_name: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_on: Mapped[str] = mapped_column(String(10))  # ISO date, last day valid, site time
    issued_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    token: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="issued")  # issued/redeemed/voided
    redeemed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    redeemed_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    redeemed_device: Mapped[str | None] = mapped_column(String(36), nullable=True)
    # More than 1 only after a sync merges redemptions made at two desks while offline.
    redeem_count: Mapped[int] = mapped_column(Integer, default=0)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    voided_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    print_count: Mapped[int] = mapped_column(Integer, default=0)


class VoucherKeyRow(Base):
    """A desk's public voucher key, learnt from its ``voucher.issued`` events.

    Any desk of the site can verify any voucher offline with these. A desk may have had more
    than one key (its keychain was reset), so the key is part of the primary key.
    """

    __tablename__ = "voucher_key"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64), primary_key=True)  # raw Ed25519, hex
    first_used_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReviewDayRow(Base):
    """Per site-local day totals for the supervisor review, refreshed from the rows above.

    ``dim`` says what ``key`` is: for grants (by the day granted) gesture, category, outlet,
    staff and shift ("staff|shift"); for cases (by the day opened) cell ("weekday:hour"),
    cases, outcome, late, missed and no_followup. A year's view sums a few thousand of these
    instead of every grant and case of the year.
    """

    __tablename__ = "review_day"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    dim: Mapped[str] = mapped_column(String(12), primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    spend: Mapped[int] = mapped_column(Integer)


READ_MODEL_TABLES = (Staff, ShiftRow, CaseRow, GrantRow, ApprovalRow, CorrectionRow, NoteRow,
                     VoucherRow, VoucherKeyRow, ReviewDayRow, HandoffRow)
