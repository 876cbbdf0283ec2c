"""The front desk as the app sees it: one data dir, its site, staff, shifts and recovery cases.

``Desk`` is the application layer the widgets (and the CLI, and tests) call. Each method is one
thing a person does at the desk, runs in one transaction and, where it changes a case, writes
events through ``caselog.append``. It holds no Qt and no widget state.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, func, or_, select, update
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, sessionmaker

from db.eventlog import GENESIS_HASH, ChainFault, Event, canonical_json, verify_chain
from db.models import (
    ApprovalRow,
    CaseRow,
    CorrectionRow,
    EventRow,
    GrantRow,
    Setting,
    ShiftRow,
    Site,
    Staff,
    VoucherKeyRow,
    VoucherRow,
    format_utc,
)
from db.models import Policy as PolicyRow
from db.store import StoreError, open_store
from desktop.core import caselog, pins
from desktop.core.budget import (
    ApprovalRefusal,
    BudgetDecision,
    Spend,
    approval_refusal,
    check_grant,
)
from desktop.core.clock import Clock, SystemClock
from desktop.core.money import babel_locale, check_currency, format_money
from desktop.core.paths import DB_FILE
from desktop.core.playbook import (
    GESTURE_TYPES,
    OUTCOMES,
    SEVERITIES,
    SITE_KINDS,
    STEPS,
    missing_fields,
)
from desktop.core.policy import Policy, default_policy, parse_policy

if TYPE_CHECKING:
    from desktop.core.review import Review

    # Imported where used: the GUI's start-up should not pay for cryptography or ReportLab.
    from desktop.core.secrets import SecretStore
    from desktop.core.vouchers import CodeStatus, TokenFailure, VoucherClaim
    from desktop.slips.model import ApologySlip, VoucherSlip

log = logging.getLogger(__name__)

DEFAULT_IDLE_LOCK_MINUTES = 3
MAX_TEXT = 20_000  # a guest's account can be long; a pasted novel cannot
VOID_ROLES = ("supervisor", "manager")
SLIP_KINDS = ("voucher", "apology")
# The English voucher terms. Slips print the terms of the site's language, shipped in
# resources/templates/slip_wording.<language>.json (English there repeats these).
DEFAULT_VOUCHER_TERMS = (
    "Valid until the date above.",
    "Can be used once. Not exchangeable for cash; no change given.",
    "Show this slip or quote the code when you pay.",
)


class DeskError(Exception):
    """Something the person at the desk asked for cannot be done; ``code`` says what."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class ChainBroken(StoreError):
    """The case log no longer verifies: an event was changed after it was written."""

    def __init__(self, path: Path, fault: ChainFault) -> None:
        super().__init__(
            f"The case log {path} no longer verifies: {fault.describe()}. Amends will not use "
            "or change it. Run 'amends doctor', and restore the file from a backup or ask "
            "head office to restore this desk."
        )
        self.fault = fault


@dataclass(frozen=True, slots=True)
class SiteInfo:
    id: str
    name: str
    kind: str
    currency: str
    timezone: str
    locale: str
    address: str
    outlets: tuple[str, ...]
    is_demo: bool

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: str
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class OnShift:
    """Who is signed in and on which shift: the actor of everything they do."""

    staff: StaffMember
    shift_id: str


@dataclass(frozen=True, slots=True)
class SignIn:
    """The answer to a PIN: signed in, wrong, or wait ``wait_seconds`` before trying again."""

    on_shift: OnShift | None = None
    wrong_pin: bool = False
    wait_seconds: int = 0


@dataclass(slots=True)
class CaseHeader:
    guest_name: str = ""
    location: str = ""
    outlet: str = ""
    category: str = ""
    severity: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"guest_name": self.guest_name, "location": self.location, "outlet": self.outlet,
                "category": self.category, "severity": self.severity}


@dataclass(frozen=True, slots=True)
class GrantView:
    id: str
    gesture_type: str
    description: str
    value_minor: int
    currency: str
    staff_id: str | None
    approval_id: str | None
    granted_at: datetime


@dataclass(frozen=True, slots=True)
class CaseView:
    """Everything the panel shows of one case."""

    id: str
    status: str
    step: str
    header: CaseHeader
    opened_at: datetime
    opened_by: str | None
    shift_id: str | None
    fields: dict[str, str]
    fixed_at: datetime | None
    followup_due_at: datetime | None
    followup_done_at: datetime | None
    outcome: str
    closed_at: datetime | None
    grants: tuple[GrantView, ...] = field(default=())

    @property
    def missing(self) -> list[str]:
        return missing_fields(self.header.as_dict())

    @property
    def granted_total(self) -> int:
        return sum(g.value_minor for g in self.grants)


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the case list."""

    id: str
    guest_name: str
    location: str
    category: str
    severity: str
    step: str
    status: str
    opened_at: datetime
    followup_due_at: datetime | None
    followup_done_at: datetime | None

    def followup_pending(self) -> bool:
        return self.followup_due_at is not None and self.followup_done_at is None


@dataclass(frozen=True, slots=True)
class GestureProposal:
    gesture_type: str
    description: str
    value_minor: int


@dataclass(frozen=True, slots=True)
class ApproverSignOff:
    """A supervisor at the desk: who they are, their PIN as typed, and why they approve."""

    staff_id: str
    pin: str
    reason: str


@dataclass(frozen=True, slots=True)
class GrantResult:
    granted: bool
    decision: BudgetDecision
    grant_id: str | None = None
    approval_id: str | None = None
    voucher_code: str | None = None  # normalised (no dashes) when a voucher was issued


class VoucherOutcome(enum.Enum):
    """What checking a voucher found; the UI words each one for the person at the desk."""

    VALID = "valid"
    """Can be redeemed now; ``voucher`` says what it is worth (``synced`` False: known here
    only from its signed QR token, issued at another desk and not yet synced)."""
    UNKNOWN = "unknown"
    """A well-formed code no voucher here has."""
    EXPIRED = "expired"
    """Its last valid day (site time) has passed."""
    VOIDED = "voided"
    """A supervisor voided it; ``voucher.void_reason`` says why."""
    ALREADY_REDEEMED = "already_redeemed"
    """Used before: ``voucher.redeemed_at``, ``redeemed_by_name`` and ``redeemed_device``
    (``redeemed_here``) say when, by whom and at which desk."""
    FORGED = "forged"
    """Its signature fails, its desk's key is unknown, or it does not match the voucher on
    record (``detail`` "claim_mismatch"). Keep the slip and call a supervisor."""
    MISTYPED = "mistyped"
    """What was typed cannot be a voucher code (``code_status`` says how): ask again."""


@dataclass(frozen=True, slots=True)
class VoucherView:
    """One voucher as the desk shows it. Money in minor units; times aware UTC."""

    id: str
    code: str  # normalised, no dashes
    case_id: str | None
    device_id: str  # the issuing desk
    value_minor: int
    currency: str
    description: str
    guest_name: str
    issued_at: datetime
    expires_on: date  # the last day it is valid, in the site's time zone
    issued_by_name: str
    status: str  # issued, redeemed, voided
    token: str
    redeemed_at: datetime | None = None
    redeemed_by_name: str = ""
    redeemed_device: str | None = None
    redeem_count: int = 0  # >1 only when two desks redeemed it offline
    voided_at: datetime | None = None
    void_reason: str = ""
    print_count: int = 0
    synced: bool = True

    @property
    def display_code(self) -> str:
        # vouchers.format_code, without importing cryptography into every start-up.
        return "-".join(self.code[i:i + 3] for i in range(0, len(self.code), 3))


@dataclass(frozen=True, slots=True)
class VoucherCheck:
    """The answer to a typed code or a scanned QR token."""

    outcome: VoucherOutcome
    voucher: VoucherView | None = None
    code_status: CodeStatus | None = None  # MISTYPED: how the code is wrong
    token_failure: TokenFailure | None = None  # FORGED by signature: why
    detail: str = ""  # FORGED: "claim_mismatch", "stored_token", "revoked_device"
    redeemed_here: bool = False  # ALREADY_REDEEMED at this very desk
    redeemed_now: bool = False  # redeem_voucher recorded the redemption just now

    @property
    def ok(self) -> bool:
        return self.outcome is VoucherOutcome.VALID


class Desk:
    """One front desk: a data dir, its store and the people who work it."""

    def __init__(self, engine: Engine, data_dir: Path, clock: Clock | None = None) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._in_tx = threading.local()
        self._event_listeners: list[Callable[[], None]] = []
        sa_event.listen(self._sessions, "after_flush", self._note_own_events)
        sa_event.listen(self._sessions, "before_commit", caselog.settle)
        self._secret_store: SecretStore | None = None
        self._signing_key: bytes | None = None  # this desk's voucher key, once asked for
        self.device_id = self._ensure_device_id()

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None, *, verify: bool = True) -> Desk:
        """Open (creating if new) the desk in ``data_dir``; refuse a store that is not sound."""
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"The data folder {data_dir} cannot be created ({error.strerror}). "
                             "Choose another with --data-dir or AMENDS_HOME.") from error
        path = data_dir / DB_FILE
        engine = open_store(path)
        desk = cls(engine, data_dir, clock)
        if verify:
            fault = desk.verify_log()
            if fault is not None:
                engine.dispose()
                raise ChainBroken(path, fault)
        desk._backfill_if_upgraded()
        return desk

    def _backfill_if_upgraded(self) -> None:
        # Schema 0002 added derived columns; fill them from the rows already folded (seconds,
        # where a whole refold of a year's log would take minutes at start-up).
        with self._tx() as db:
            pending = db.get(Setting, "review_backfill")
            if pending is not None:
                log.info("filling the review's local days and totals after a schema upgrade")
                caselog.relocalise(db)
                caselog.relink_all(db)
                db.delete(pending)

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        # Each transaction takes SQLite's write lock; a nested one would wait on itself.
        if getattr(self._in_tx, "active", False):
            raise RuntimeError("nested Desk transaction")
        self._in_tx.active = True
        try:
            with self._sessions() as db, db.begin():
                yield db
            appended = db.info.pop("own_events", False)
        finally:
            self._in_tx.active = False
        if appended:
            # After commit, outside the transaction: a listener (the sync worker) may read.
            for listener in list(self._event_listeners):
                listener()

    def on_new_events(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` (no arguments, any thread) after a commit that added events of
        this desk: the sync worker wakes on it. It must be quick and must not raise."""
        self._event_listeners.append(listener)

    def now(self) -> datetime:
        return self.clock.now()

    def _note_own_events(self, db: Session, _context: Any) -> None:
        # Flagged on the session so _tx can tell listeners once, after the commit.
        if any(isinstance(o, EventRow) and o.device_id == self.device_id for o in db.new):
            db.info["own_events"] = True

    def _ensure_device_id(self) -> str:
        with self._tx() as db:
            row = db.get(Setting, "device_id")
            if row is None:
                row = Setting(key="device_id", value=str(uuid.uuid4()))
                db.add(row)
            return row.value

    # --- settings ---------------------------------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        with self._tx() as db:
            row = db.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: str) -> None:
        with self._tx() as db:
            db.merge(Setting(key=key, value=value))

    @property
    def idle_lock_minutes(self) -> float:
        try:
            return max(float(self.setting("idle_lock_minutes", str(DEFAULT_IDLE_LOCK_MINUTES))),
                       0.5)
        except ValueError:
            return DEFAULT_IDLE_LOCK_MINUTES

    # --- site and staff ---------------------------------------------------------------------

    def has_site(self) -> bool:
        with self._tx() as db:
            return db.scalar(select(func.count()).select_from(Site)) > 0

    def site(self) -> SiteInfo:
        with self._tx() as db:
            row = db.scalars(select(Site)).first()
            if row is None:
                raise DeskError("no_site")
            return _site_info(row)

    def create_site(self, *, name: str, kind: str, currency: str, timezone: str, locale: str,
                    manager_name: str, manager_pin: str, address: str = "",
                    outlets: Sequence[str] = (), is_demo: bool = False,
                    policy: Policy | None = None) -> SiteInfo:
        """Set up this desk's site with its first manager and the default policy."""
        problems = site_problems(name=name, kind=kind, currency=currency, timezone=timezone,
                                 manager_name=manager_name, manager_pin=manager_pin)
        if problems:
            raise DeskError("invalid_site", ", ".join(problems))
        if self.has_site():
            raise DeskError("site_exists")
        now = self.now()
        site_id = str(uuid.uuid4())
        outlet_list = [o.strip() for o in outlets if o.strip()] or [
            "Front Desk" if kind == "hotel" else "Dining Room"]
        with self._tx() as db:
            db.add(Site(id=site_id, name=name.strip(), kind=kind, currency=check_currency(currency),
                        timezone=timezone, locale=locale or "en_US", address=address.strip(),
                        outlets=json.dumps(outlet_list, ensure_ascii=False), is_demo=is_demo,
                        created_at=now))
            db.flush()
            db.add(Staff(id=str(uuid.uuid4()), site_id=site_id, name=manager_name.strip(),
                         role="manager", pin_hash=pins.hash_pin(manager_pin), active=True))
            chosen = policy or default_policy()
            db.add(PolicyRow(site_id=site_id, version=chosen.version,
                             body=canonical_json(chosen.to_dict()), created_at=now))
        return self.site()

    def add_staff(self, name: str, role: str, pin: str) -> StaffMember:
        if not name.strip():
            raise DeskError("staff_name_missing")
        if role not in ("agent", "supervisor", "manager"):
            raise DeskError("unknown_role", role)
        if not pins.pin_is_valid(pin):
            raise DeskError("pin_invalid")
        site = self.site()
        member = StaffMember(str(uuid.uuid4()), name.strip(), role)
        with self._tx() as db:
            db.add(Staff(id=member.id, site_id=site.id, name=member.name, role=role,
                         pin_hash=pins.hash_pin(pin), active=True))
        return member

    def staff(self) -> list[StaffMember]:
        with self._tx() as db:
            rows = db.scalars(select(Staff).where(Staff.active).order_by(Staff.name)).all()
            return [StaffMember(r.id, r.name, r.role) for r in rows]

    def staff_member(self, staff_id: str) -> StaffMember:
        with self._tx() as db:
            row = db.get(Staff, staff_id)
            if row is None:
                raise DeskError("unknown_staff", staff_id)
            return StaffMember(row.id, row.name, row.role)

    # --- policy -----------------------------------------------------------------------------

    def policy(self) -> Policy:
        """The policy in force: the highest version this desk holds."""
        with self._tx() as db:
            return _policy(db)

    def set_policy(self, policy: Policy, *, by: OnShift | None = None) -> Policy:
        """Store a new policy version (managers only when done from the desk)."""
        if by is not None and by.staff.role != "manager":
            raise DeskError("manager_only")
        site = self.site()
        current = self.policy()
        new = policy.with_changes(version=max(policy.version, current.version + 1))
        with self._tx() as db:
            db.add(PolicyRow(site_id=site.id, version=new.version,
                             body=canonical_json(new.to_dict()), created_at=self.now(),
                             created_by=by.staff.id if by else None))
        return new

    # --- sign-in and shifts -----------------------------------------------------------------

    def sign_in(self, staff_id: str, pin: str) -> SignIn:
        """Check a PIN; on success start (or resume) this person's shift on this desk."""
        now = self.now()
        with self._tx() as db:
            row, refused = self._check_pin(db, staff_id, pin, now)
            if refused is not None:
                return refused
            member = StaffMember(row.id, row.name, row.role)
            shift = db.scalars(
                select(ShiftRow).where(ShiftRow.staff_id == staff_id,
                                       ShiftRow.device_id == self.device_id,
                                       ShiftRow.ended_at.is_(None))
                .order_by(ShiftRow.started_at.desc())
            ).first()
            if shift is not None:
                return SignIn(on_shift=OnShift(member, shift.id))
            shift_id = str(uuid.uuid4())
            caselog.append(db, device_id=self.device_id, kind="shift.started", at=now,
                           case_id=None, actor=member.id, payload={"shift_id": shift_id})
            return SignIn(on_shift=OnShift(member, shift_id))

    def check_pin(self, staff_id: str, pin: str) -> SignIn | None:
        """Check someone's PIN without signing them in (an approver at the desk).

        None means the PIN is right; otherwise the answer says wrong or how long to wait.
        """
        with self._tx() as db:
            _, refused = self._check_pin(db, staff_id, pin, self.now())
            return refused

    def _check_pin(self, db: Session, staff_id: str, pin: str,
                   now: datetime) -> tuple[Staff, SignIn | None]:
        """The PIN rule in one place: wait out the delay, count wrong tries, reset on success."""
        row = db.get(Staff, staff_id)
        if row is None or not row.active:
            raise DeskError("unknown_staff", staff_id)
        if row.failed_pins and row.last_failed_at is not None:
            ready_at = row.last_failed_at + timedelta(
                seconds=pins.retry_delay_seconds(row.failed_pins))
            if now < ready_at:
                wait = max(int((ready_at - now).total_seconds() + 0.999), 1)
                return row, SignIn(wait_seconds=wait)
        if not pins.verify_pin(pin, row.pin_hash):
            row.failed_pins += 1
            row.last_failed_at = now
            return row, SignIn(wrong_pin=True,
                               wait_seconds=pins.retry_delay_seconds(row.failed_pins))
        row.failed_pins = 0
        row.last_failed_at = None
        return row, None

    def open_shift_id(self, staff_id: str) -> str | None:
        """The shift this person has open on this desk, if any."""
        with self._tx() as db:
            return db.scalar(select(ShiftRow.id).where(ShiftRow.staff_id == staff_id,
                                                       ShiftRow.device_id == self.device_id,
                                                       ShiftRow.ended_at.is_(None))
                             .order_by(ShiftRow.started_at.desc()).limit(1))

    def end_shift(self, on_shift: OnShift) -> None:
        with self._tx() as db:
            caselog.append(db, device_id=self.device_id, kind="shift.ended", at=self.now(),
                           case_id=None, actor=on_shift.staff.id,
                           payload={"shift_id": on_shift.shift_id})

    # --- cases ------------------------------------------------------------------------------

    def open_case(self, on_shift: OnShift, header: CaseHeader, *,
                  started_at: datetime | None = None) -> str:
        """Open a case; the header may still have gaps (the panel says what is missing)."""
        problems = header_problems(header)
        if problems:
            raise DeskError("invalid_header", ", ".join(problems))
        case_id = str(uuid.uuid4())
        now = self.now()
        payload: dict[str, Any] = {**header.as_dict(), "shift_id": on_shift.shift_id}
        if started_at is not None and started_at <= now:
            payload["started_at"] = format_utc(started_at)
        with self._tx() as db:
            caselog.append(db, device_id=self.device_id, kind="case.opened", at=now,
                           case_id=case_id, actor=on_shift.staff.id, payload=payload)
        return case_id

    def update_header(self, on_shift: OnShift, case_id: str, header: CaseHeader) -> bool:
        """Record the header fields that changed; False when nothing did."""
        problems = header_problems(header)
        if problems:
            raise DeskError("invalid_header", ", ".join(problems))
        with self._tx() as db:
            case = self._open_case_row(db, case_id, allow_closed=True)
            changed = {k: v for k, v in header.as_dict().items() if getattr(case, k) != v}
            if not changed:
                return False
            caselog.append(db, device_id=self.device_id, kind="case.updated", at=self.now(),
                           case_id=case_id, actor=on_shift.staff.id, payload=changed)
            return True

    def complete_step(self, on_shift: OnShift, case_id: str, step: str,
                      fields: dict[str, str]) -> None:
        """Record what was done at a step of the sequence (listen … fix, follow-up skipped)."""
        if step not in STEPS or step == "document":
            raise DeskError("unknown_step", step)
        allowed = set(caselog.STEP_FIELDS[step]) | ({"skipped"} if step == "followup" else set())
        clean = {k: _text(v) for k, v in fields.items() if k in allowed}
        now = self.now()
        with self._tx() as db:
            case = self._open_case_row(db, case_id)
            caselog.append(db, device_id=self.device_id, kind="step.done", at=now,
                           case_id=case_id, actor=on_shift.staff.id,
                           payload={"step": step, **clean})
            if step == "fix" and case.followup_due_at is None:
                due = now + timedelta(minutes=_policy(db).follow_up_minutes)
                caselog.append(db, device_id=self.device_id, kind="followup.due", at=now,
                               case_id=case_id, actor=on_shift.staff.id,
                               payload={"due_at": format_utc(due)})

    def complete_followup(self, on_shift: OnShift, case_id: str, note: str) -> None:
        with self._tx() as db:
            self._open_case_row(db, case_id)
            caselog.append(db, device_id=self.device_id, kind="followup.done", at=self.now(),
                           case_id=case_id, actor=on_shift.staff.id, payload={"note": _text(note)})

    def add_note(self, on_shift: OnShift, case_id: str, text: str) -> None:
        if not text.strip():
            raise DeskError("note_empty")
        with self._tx() as db:
            self._open_case_row(db, case_id, allow_closed=True)
            caselog.append(db, device_id=self.device_id, kind="note.added", at=self.now(),
                           case_id=case_id, actor=on_shift.staff.id, payload={"text": _text(text)})

    def close_case(self, on_shift: OnShift, case_id: str, *, root_cause: str, detail: str,
                   outcome: str) -> None:
        """Document and close a case; refused while its header still has gaps."""
        if outcome not in OUTCOMES:
            raise DeskError("unknown_outcome", outcome)
        with self._tx() as db:
            case = self._open_case_row(db, case_id)
            missing = missing_fields({k: getattr(case, k) for k in caselog.HEADER_FIELDS})
            if missing:
                raise DeskError("missing_fields", ", ".join(missing))
            if not root_cause.strip():
                raise DeskError("missing_fields", "root_cause")
            caselog.append(db, device_id=self.device_id, kind="case.closed", at=self.now(),
                           case_id=case_id, actor=on_shift.staff.id,
                           payload={"root_cause": _text(root_cause), "detail": _text(detail),
                                    "outcome": outcome})

    def _open_case_row(self, db: Session, case_id: str, *, allow_closed: bool = False) -> CaseRow:
        case = db.get(CaseRow, case_id)
        if case is None:
            raise DeskError("unknown_case", case_id)
        if case.status != "open" and not allow_closed:
            raise DeskError("case_closed", case_id)
        return case

    # --- budget and gestures ----------------------------------------------------------------

    def spend_for(self, on_shift: OnShift, case_id: str | None,
                  guest_name: str | None = None) -> Spend:
        """What has been granted in this case, in this person's shift and to this guest's stay."""
        with self._tx() as db:
            return self._spend(db, on_shift, case_id, guest_name)

    def _spend(self, db: Session, on_shift: OnShift, case_id: str | None,
               guest_name: str | None) -> Spend:
        case_total = 0
        key = ""
        if case_id is not None:
            case_total = db.scalar(select(func.coalesce(func.sum(GrantRow.value_minor), 0))
                                   .where(GrantRow.case_id == case_id)) or 0
            case = db.get(CaseRow, case_id)
            if case is not None:
                key = case.guest_key
        if guest_name is not None:
            key = caselog.guest_key(guest_name)
        shift_total = db.scalar(select(func.coalesce(func.sum(GrantRow.value_minor), 0))
                                .where(GrantRow.shift_id == on_shift.shift_id,
                                       GrantRow.staff_id == on_shift.staff.id)) or 0
        guest_total = 0
        if key:
            since = caselog.stay_start(self.now(), _policy(db).stay_window_days)
            guest_total = db.scalar(
                select(func.coalesce(func.sum(GrantRow.value_minor), 0))
                .join(CaseRow, CaseRow.id == GrantRow.case_id)
                .where(CaseRow.guest_key == key, GrantRow.granted_at >= since)) or 0
        elif case_id is not None:
            guest_total = case_total
        return Spend(case=int(case_total), shift=int(shift_total), guest_stay=int(guest_total))

    def check(self, on_shift: OnShift, case_id: str | None, value_minor: int,
              guest_name: str | None = None) -> BudgetDecision:
        """The budget check for a proposed grant, as the panel shows it."""
        limits = self.policy().limits_for(on_shift.staff.role)
        return check_grant(limits, self.spend_for(on_shift, case_id, guest_name), value_minor)

    def grant(self, on_shift: OnShift, case_id: str, proposal: GestureProposal,
              approval: ApproverSignOff | None = None) -> GrantResult:
        """Grant a gesture: at once within limits, with a supervisor's sign-off above them.

        The approval and the grant are written in one transaction, so a crash leaves either
        both or neither.
        """
        if proposal.gesture_type not in GESTURE_TYPES:
            raise DeskError("unknown_gesture_type", proposal.gesture_type)
        value = proposal.value_minor
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise DeskError("invalid_value", repr(value))
        if proposal.gesture_type == "none" and value != 0:
            raise DeskError("invalid_value", "no gesture has no value")
        if proposal.gesture_type != "none" and value == 0:
            raise DeskError("invalid_value", "a gesture needs a value")
        policy = self.policy()
        site = self.site()
        if approval is not None:
            self._require_pin(approval)
        # The keychain is asked before the transaction: it may be slow, or prompt the user.
        signing_key = (self._voucher_signing_key() if proposal.gesture_type == "voucher"
                       else None)
        now = self.now()
        with self._tx() as db:
            case = self._open_case_row(db, case_id)
            spent = self._spend(db, on_shift, case_id, None)
            decision = check_grant(policy.limits_for(on_shift.staff.role), spent, value)
            grant_id = str(uuid.uuid4())
            approval_id: str | None = None
            if not decision.within_limits:
                if approval is None:
                    return GrantResult(False, decision)
                approver = self._approver(db, approval, policy, on_shift, spent, value)
                approval_id = str(uuid.uuid4())
                caselog.append(db, device_id=self.device_id, kind="approval.given", at=now,
                               case_id=case.id, actor=approver.id,
                               payload={"approval_id": approval_id, "grant_id": grant_id,
                                        "requested_by": on_shift.staff.id,
                                        "reason": _text(approval.reason),
                                        "value_minor": value,
                                        "breaches": [b.limit.value for b in decision.breaches]})
            caselog.append(db, device_id=self.device_id, kind="compensation.granted", at=now,
                           case_id=case.id, actor=on_shift.staff.id,
                           payload={"grant_id": grant_id, "gesture_type": proposal.gesture_type,
                                    "description": _text(proposal.description),
                                    "value_minor": value, "currency": site.currency,
                                    "shift_id": on_shift.shift_id, "approval_id": approval_id})
            voucher_code = None
            if signing_key is not None:
                voucher_code = self._issue_voucher(db, case, grant_id, proposal, site, policy,
                                                   on_shift, now, signing_key)
            return GrantResult(True, decision, grant_id, approval_id, voucher_code)

    def _approver(self, db: Session, sign_off: ApproverSignOff, policy: Policy,
                  on_shift: OnShift, spent: Spend, value: int) -> Staff:
        """The approver's authority, checked inside the grant's transaction."""
        if not sign_off.reason.strip():
            raise DeskError("approval_reason_missing")
        row = db.get(Staff, sign_off.staff_id)
        if row is None or not row.active:
            raise DeskError("unknown_staff", sign_off.staff_id)
        refusal = approval_refusal(policy, approver_id=row.id, approver_role=row.role,
                                   granter_id=on_shift.staff.id, spent=spent, value=value)
        if refusal is not None:
            raise DeskError("approval_refused", refusal.value)
        return row

    def _require_pin(self, sign_off: ApproverSignOff) -> None:
        # Its own transaction, so a wrong try is counted even though the grant is refused.
        refused = self.check_pin(sign_off.staff_id, sign_off.pin)
        if refused is not None:
            raise DeskError("approver_pin_wrong", str(refused.wait_seconds))

    def approval_refusal_for(self, on_shift: OnShift, case_id: str, approver_id: str,
                             value_minor: int) -> ApprovalRefusal | None:
        """Whether a named approver could approve this grant (before asking for their PIN)."""
        approver = self.staff_member(approver_id)
        return approval_refusal(self.policy(), approver_id=approver.id,
                                approver_role=approver.role, granter_id=on_shift.staff.id,
                                spent=self.spend_for(on_shift, case_id), value=value_minor)

    def decline_approval(self, on_shift: OnShift, case_id: str, sign_off: ApproverSignOff,
                         proposal: GestureProposal) -> None:
        """A supervisor says no at the desk: on record, and nothing is granted."""
        if not sign_off.reason.strip():
            raise DeskError("approval_reason_missing")
        self._require_pin(sign_off)
        with self._tx() as db:
            self._open_case_row(db, case_id)
            row = db.get(Staff, sign_off.staff_id)
            if row is None or not _policy(db).is_approver(row.role):
                raise DeskError("approval_refused", ApprovalRefusal.NOT_AN_APPROVER.value)
            caselog.append(db, device_id=self.device_id, kind="approval.declined",
                           at=self.now(), case_id=case_id, actor=row.id,
                           payload={"approval_id": str(uuid.uuid4()),
                                    "requested_by": on_shift.staff.id,
                                    "reason": _text(sign_off.reason),
                                    "value_minor": proposal.value_minor,
                                    "description": _text(proposal.description)})

    def record_correction(self, on_shift: OnShift, case_id: str, description: str,
                          value_minor: int) -> None:
        """A wrong charge put right: on record, but not a gesture and no budget spent."""
        if value_minor <= 0:
            raise DeskError("invalid_value", repr(value_minor))
        site = self.site()
        with self._tx() as db:
            self._open_case_row(db, case_id)
            caselog.append(db, device_id=self.device_id, kind="correction.recorded",
                           at=self.now(), case_id=case_id, actor=on_shift.staff.id,
                           payload={"correction_id": str(uuid.uuid4()),
                                    "description": _text(description),
                                    "value_minor": value_minor, "currency": site.currency})

    # --- vouchers ---------------------------------------------------------------------------

    @property
    def secret_store(self) -> SecretStore:
        """This desk's secrets: the OS keychain, or the flagged file fallback (say so)."""
        if self._secret_store is None:
            from desktop.core.secrets import SecretStore

            self._secret_store = SecretStore(self.data_dir)
        return self._secret_store

    def _voucher_signing_key(self) -> bytes:
        """This desk's Ed25519 key, made and put in the keychain the first time it is needed."""
        if self._signing_key is not None:
            return self._signing_key
        from desktop.core import vouchers
        from desktop.core.secrets import SecretStoreError, voucher_key_name

        name = voucher_key_name(self.device_id)
        try:
            stored = self.secret_store.get(name)
            if stored is None:
                stored = vouchers.generate_signing_key().hex()
                self.secret_store.set(name, stored)
                log.info("made a new voucher signing key for desk %s", self.device_id)
        except SecretStoreError as error:
            raise DeskError("secret_store", str(error)) from error
        try:
            key = bytes.fromhex(stored)
            vouchers.public_key_of(key)
        except ValueError:
            # Never replace it quietly: vouchers already handed out were signed with it.
            raise DeskError("secret_store", f"the stored voucher key {name} is damaged; "
                                            "run 'amends doctor'") from None
        self._signing_key = key
        return key

    def _issue_voucher(self, db: Session, case: CaseRow, grant_id: str,
                       proposal: GestureProposal, site: SiteInfo, policy: Policy,
                       on_shift: OnShift, now: datetime, key: bytes) -> str:
        """Sign and record the voucher of a grant, inside the grant's transaction."""
        from desktop.core import vouchers

        for _ in range(8):
            code = vouchers.new_code()
            # 31^8 codes: a clash is all but impossible, and is drawn again, never stored.
            if db.scalar(select(VoucherRow.id).where(VoucherRow.code == code)) is None:
                break
        else:
            raise RuntimeError("no free voucher code after 8 draws")
        # The last valid day is a date where the guest is, not a UTC instant.
        last_day = now.astimezone(site.zone).date() + timedelta(days=policy.voucher_valid_days)
        claim = vouchers.VoucherClaim(
            voucher_id=str(uuid.uuid4()), code=code, site_id=site.id, device_id=self.device_id,
            value_minor=proposal.value_minor, currency=site.currency,
            description=_text(proposal.description), guest_name=case.guest_name,
            issued_at=format_utc(now), expires_on=last_day.isoformat())
        try:
            token = vouchers.sign_voucher(claim, key)
        except ValueError as error:  # a description too long for a QR code
            raise DeskError("voucher_too_long", str(error)) from error
        caselog.append(db, device_id=self.device_id, kind="voucher.issued", at=now,
                       case_id=case.id, actor=on_shift.staff.id,
                       payload={**dataclasses.asdict(claim), "grant_id": grant_id,
                                "token": token,
                                "public_key": vouchers.public_key_of(key).hex()})
        return code

    def voucher(self, code_or_token: str) -> VoucherCheck:
        """Check a typed code (any case, dashes or spaces) or a scanned QR token.

        A token signed with the known key of a desk of this site, whose issue has not been
        synced here yet, is VALID with ``voucher.synced`` False: the signature proves it was
        issued, and redeeming it records the claim so this desk holds it from then on. What
        no desk can know offline is whether another desk redeemed or voided it meanwhile;
        such double redemptions are flagged when the desks sync, as for any offline desk.
        A token from a desk whose key this desk has never seen is FORGED (unknown device).
        """
        with self._tx() as db:
            return self._check_voucher(db, code_or_token)[0]

    def redeem_voucher(self, on_shift: OnShift, code_or_token: str) -> VoucherCheck:
        """Redeem a voucher if, and only if, it checks VALID now; otherwise say why not.

        Check and redemption are one transaction (SQLite's write lock), so one desk can never
        redeem a voucher twice; the second try gets ALREADY_REDEEMED naming the first.
        """
        with self._tx() as db:
            check, claim, token = self._check_voucher(db, code_or_token)
            if check.outcome is not VoucherOutcome.VALID or check.voucher is None:
                return check
            voucher = check.voucher
            payload: dict[str, Any] = {"voucher_id": voucher.id, "code": voucher.code,
                                       "device": self.device_id}
            if not voucher.synced and claim is not None:
                # Lets every desk fold this voucher even before its issue arrives.
                payload.update(claim=dataclasses.asdict(claim), token=token)
            caselog.append(db, device_id=self.device_id, kind="voucher.redeemed",
                           at=self.now(), case_id=voucher.case_id, actor=on_shift.staff.id,
                           payload=payload)
            row = db.get(VoucherRow, voucher.id)
            view = self._voucher_view(db, row) if row is not None else voucher
            return VoucherCheck(VoucherOutcome.VALID, view, redeemed_now=True)

    def void_voucher(self, on_shift: OnShift, code: str, reason: str) -> VoucherView:
        """Void a voucher not yet redeemed (supervisors and managers only, with a reason)."""
        from desktop.core import vouchers

        if on_shift.staff.role not in VOID_ROLES:
            raise DeskError("supervisor_only")
        if not reason.strip():
            raise DeskError("void_reason_missing")
        if not vouchers.looks_like_token(code):
            status = vouchers.check_code(code)
            if status is not vouchers.CodeStatus.OK:
                raise DeskError("voucher_code_mistyped", status.value)
        with self._tx() as db:
            row = _voucher_row(db, code)
            if row is None:
                raise DeskError("unknown_voucher", code)
            if row.redeemed_at is not None:
                raise DeskError("voucher_redeemed", format_utc(row.redeemed_at))
            if row.voided_at is not None:
                raise DeskError("voucher_voided", format_utc(row.voided_at))
            caselog.append(db, device_id=self.device_id, kind="voucher.voided", at=self.now(),
                           case_id=row.case_id, actor=on_shift.staff.id,
                           payload={"voucher_id": row.id, "code": row.code,
                                    "reason": _text(reason.strip())})
            return self._voucher_view(db, row)

    def case_vouchers(self, case_id: str) -> list[VoucherView]:
        """The vouchers issued in a case, oldest first."""
        with self._tx() as db:
            rows = db.scalars(select(VoucherRow).where(VoucherRow.case_id == case_id)
                              .order_by(VoucherRow.issued_at))
            return [self._voucher_view(db, row) for row in rows]

    def _check_voucher(self, db: Session, text: str
                       ) -> tuple[VoucherCheck, VoucherClaim | None, str | None]:
        """The check, plus the verified claim and token when it is VALID."""
        from desktop.core import vouchers

        text = text.strip()
        keys = _voucher_keys(db)
        site = db.scalars(select(Site)).first()
        if site is None:
            raise DeskError("no_site")
        if vouchers.looks_like_token(text):
            try:
                claim = _verify_token(text, keys)
            except vouchers.VoucherTokenError as error:
                return VoucherCheck(VoucherOutcome.FORGED, token_failure=error.reason), None, None
            # By id, not code: a code two desks happened to draw names two vouchers.
            row = db.get(VoucherRow, claim.voucher_id)
            if row is None:
                # No check of claim.site_id: desks that ran alone before joining head office
                # each made their own site id. A key is only ever learnt from this site's own
                # log (this desk's events and its site's, pulled), so a signature that
                # verifies is already a desk of this site's.
                if claim.device_id in _revoked_devices(db):
                    # Head office stopped taking that desk's events: a voucher of its that
                    # never arrived through head office may have been signed by whoever has
                    # the desk now. One that did arrive has a row and checks as usual.
                    return (VoucherCheck(VoucherOutcome.FORGED, detail="revoked_device"),
                            None, None)
                view = _claim_view(claim, text)
                if _expired(self.now(), site, view.expires_on):
                    return VoucherCheck(VoucherOutcome.EXPIRED, view), None, None
                return VoucherCheck(VoucherOutcome.VALID, view), claim, text
        else:
            status = vouchers.check_code(text)
            if status is not vouchers.CodeStatus.OK:
                return VoucherCheck(VoucherOutcome.MISTYPED, code_status=status), None, None
            row = db.scalar(select(VoucherRow)
                            .where(VoucherRow.code == vouchers.normalise_code(text)))
            if row is None:
                return VoucherCheck(VoucherOutcome.UNKNOWN), None, None
            # The table is only a read model anyone with the file could edit: the stored
            # token's signature is what proves this voucher was issued.
            try:
                claim = _verify_token(row.token, keys)
            except vouchers.VoucherTokenError as error:
                return (VoucherCheck(VoucherOutcome.FORGED, token_failure=error.reason,
                                     detail="stored_token"), None, None)
        view = self._voucher_view(db, row)
        if not _claim_matches(claim, row):
            return VoucherCheck(VoucherOutcome.FORGED, view, detail="claim_mismatch"), None, None
        if row.redeemed_at is not None:
            here = row.redeemed_device == self.device_id
            return (VoucherCheck(VoucherOutcome.ALREADY_REDEEMED, view, redeemed_here=here),
                    None, None)
        if row.voided_at is not None:
            return VoucherCheck(VoucherOutcome.VOIDED, view), None, None
        if _expired(self.now(), site, view.expires_on):
            return VoucherCheck(VoucherOutcome.EXPIRED, view), None, None
        return VoucherCheck(VoucherOutcome.VALID, view), claim, row.token

    def _voucher_view(self, db: Session, row: VoucherRow) -> VoucherView:
        return VoucherView(
            id=row.id, code=row.code, case_id=row.case_id, device_id=row.device_id,
            value_minor=row.value_minor, currency=row.currency, description=row.description,
            guest_name=row.guest_name, issued_at=row.issued_at,
            expires_on=_last_day(row.expires_on), issued_by_name=_staff_name(db, row.issued_by),
            status=row.status, token=row.token, redeemed_at=row.redeemed_at,
            redeemed_by_name=_staff_name(db, row.redeemed_by),
            redeemed_device=row.redeemed_device, redeem_count=row.redeem_count,
            voided_at=row.voided_at, void_reason=row.void_reason, print_count=row.print_count)

    # --- slips ------------------------------------------------------------------------------

    def record_slip_print(self, on_shift: OnShift, case_id: str,
                          kind: Literal["voucher", "apology"],
                          voucher_code: str | None = None) -> int:
        """Put a print of a slip on record and return its number: 1 first, >1 a reprint.

        Call it before rendering and pass ``reprint=number > 1`` to the slip, so a copy can
        never pass for another voucher.
        """
        if kind not in SLIP_KINDS:
            raise DeskError("unknown_slip_kind", str(kind))
        with self._tx() as db:
            case = db.get(CaseRow, case_id)
            if case is None:
                raise DeskError("unknown_case", case_id)
            payload: dict[str, Any] = {"kind": kind}
            if kind == "voucher":
                row = _voucher_row(db, voucher_code or "")
                if row is None:
                    raise DeskError("unknown_voucher", voucher_code or "")
                if row.case_id != case_id:
                    raise DeskError("voucher_not_in_case", row.code)
                number = row.print_count + 1
                payload.update(voucher_id=row.id, code=row.code)
            else:
                number = case.apology_prints + 1
            payload["print_no"] = number
            caselog.append(db, device_id=self.device_id, kind="slip.printed", at=self.now(),
                           case_id=case_id, actor=on_shift.staff.id, payload=payload)
            return number

    def voucher_terms(self) -> list[str]:
        """The terms printed on vouchers: the ``voucher_terms`` setting (a JSON list of
        sentences) when it holds one, else the shipped terms in the site's language."""
        from desktop.slips.wording import slip_language, slip_wording

        raw = self.setting("voucher_terms")
        try:
            terms = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            log.warning("the voucher_terms setting is not JSON; using the default terms")
            terms = None
        if isinstance(terms, list) and terms and all(isinstance(t, str) for t in terms):
            return terms
        return list(slip_wording(slip_language(self.site().locale)).voucher_terms)

    def voucher_slip(self, code: str, reprint: bool = False) -> VoucherSlip:
        """The slip of a voucher on record, in the site's language, locale and time zone."""
        from desktop.core.vouchers import format_code
        from desktop.slips.model import VoucherSlip
        from desktop.slips.wording import slip_language, slip_wording

        site = self.site()
        wording = slip_wording(slip_language(site.locale))
        terms = self.voucher_terms()
        with self._tx() as db:
            row = _voucher_row(db, code)
            if row is None:
                raise DeskError("unknown_voucher", code)
            issued_by = _staff_name(db, row.issued_by)
        return VoucherSlip(
            site_name=site.name, site_address=site.address, guest_name=row.guest_name,
            purpose=row.description,
            value_text=format_money(row.value_minor, row.currency, site.locale),
            code=format_code(row.code), qr_payload=row.token,
            issued_on=_long_date(row.issued_at.astimezone(site.zone).date(), site.locale),
            expires_on=_long_date(_last_day(row.expires_on), site.locale),
            issued_by=issued_by, terms=terms, reprint=reprint, labels=wording.voucher)

    def apology_slip(self, case_id: str, reprint: bool = False, *,
                     by: OnShift | None = None) -> ApologySlip:
        """The apology letter of a case, worded by the site's template in the site's language.

        Signed by ``by`` (whoever hands it over) or else by whoever opened the case, and the
        guest is asked to ask for that person at the desk.
        """
        from desktop.slips.apology import fill_apology, load_apology_template
        from desktop.slips.model import ApologySlip
        from desktop.slips.wording import slip_language, slip_wording

        site = self.site()
        language = slip_language(site.locale)
        wording = slip_wording(language)
        with self._tx() as db:
            case = db.get(CaseRow, case_id)
            if case is None:
                raise DeskError("unknown_case", case_id)
            staff = by.staff if by is not None else None
            if staff is None and case.opened_by:
                opener = db.get(Staff, case.opened_by)
                if opener is not None:
                    staff = StaffMember(opener.id, opener.name, opener.role)
            grants = db.scalars(select(GrantRow).where(GrantRow.case_id == case_id,
                                                       GrantRow.gesture_type != "none")
                                .order_by(GrantRow.granted_at)).all()
        # Only the staff's own words: no English glue in a letter that may be in any language.
        gesture = ", ".join(g.description.strip()
                            or format_money(g.value_minor, g.currency, site.locale)
                            for g in grants)
        name = staff.name if staff else ""
        role = wording.role_title(staff.role) if staff else ""
        body = fill_apology(load_apology_template(self.data_dir / "templates", language),
                            guest_name=case.guest_name, what_went_wrong=case.guest_view,
                            what_we_did=case.fix_action, gesture=gesture, staff_name=name,
                            staff_role=role, ask_for=name, site_name=site.name)
        return ApologySlip(site_name=site.name, site_address=site.address,
                           guest_name=case.guest_name, body_paragraphs=tuple(body),
                           staff_name=name, staff_role=role, ask_for=name, reprint=reprint,
                           labels=wording.apology)

    # --- reading ----------------------------------------------------------------------------

    def case(self, case_id: str) -> CaseView:
        with self._tx() as db:
            row = db.get(CaseRow, case_id)
            if row is None:
                raise DeskError("unknown_case", case_id)
            grants = db.scalars(select(GrantRow).where(GrantRow.case_id == case_id)
                                .order_by(GrantRow.granted_at)).all()
            return _case_view(row, grants)

    def cases(self, *, status: str | None = "open", search: str = "",
              limit: int = 500) -> list[CaseSummary]:
        """Cases for the list (open ones by default, follow-ups due first), searchable by
        guest name or room."""
        query = select(CaseRow)
        if status:
            query = query.where(CaseRow.status == status)
        needle = search.strip()
        if needle:
            like = f"%{_escape_like(needle)}%"
            folded = f"%{_escape_like(caselog.guest_key(needle))}%"
            query = query.where(or_(CaseRow.guest_name.ilike(like, escape="\\"),
                                    CaseRow.location.ilike(like, escape="\\"),
                                    CaseRow.guest_key.like(folded, escape="\\")))
        query = query.order_by(CaseRow.followup_due_at.is_(None), CaseRow.followup_due_at,
                               CaseRow.opened_at.desc()).limit(limit)
        with self._tx() as db:
            return [_summary(row) for row in db.scalars(query)]

    def cases_by_id(self, case_ids: Sequence[str]) -> list[CaseSummary]:
        """These cases, in the order given (unknown ids left out): the review's lists."""
        found: dict[str, CaseSummary] = {}
        with self._tx() as db:
            for start in range(0, len(case_ids), 500):
                chunk = list(case_ids[start:start + 500])
                found.update((row.id, _summary(row)) for row in db.scalars(
                    select(CaseRow).where(CaseRow.id.in_(chunk))))
        return [found[case_id] for case_id in case_ids if case_id in found]

    def followups_due(self, at: datetime | None = None) -> list[CaseSummary]:
        """Open follow-ups whose due time has come."""
        moment = at or self.now()
        with self._tx() as db:
            rows = db.scalars(select(CaseRow).where(CaseRow.followup_due_at <= moment,
                                                    CaseRow.followup_done_at.is_(None),
                                                    CaseRow.status == "open")
                              .order_by(CaseRow.followup_due_at))
            return [_summary(row) for row in rows]

    def corrections(self, case_id: str) -> list[tuple[str, int]]:
        with self._tx() as db:
            rows = db.scalars(select(CorrectionRow).where(CorrectionRow.case_id == case_id))
            return [(r.description, r.value_minor) for r in rows]

    def approvals(self, case_id: str) -> list[ApprovalRow]:
        with self._tx() as db:
            return list(db.scalars(select(ApprovalRow).where(ApprovalRow.case_id == case_id)))

    def events_for(self, case_id: str) -> list[EventRow]:
        with self._tx() as db:
            return list(db.scalars(select(EventRow).where(EventRow.case_id == case_id)
                                   .order_by(EventRow.seq)))

    def events_for_device(self, device_id: str) -> list[EventRow]:
        with self._tx() as db:
            return list(db.scalars(select(EventRow).where(EventRow.device_id == device_id)
                                   .order_by(EventRow.seq)))

    def event_count(self) -> int:
        with self._tx() as db:
            return int(db.scalar(select(func.count()).select_from(EventRow)) or 0)

    def verify_log(self) -> ChainFault | None:
        with self._tx() as db:
            return caselog.verify_log(db)

    def refold(self) -> None:
        with self._tx() as db:
            caselog.refold(db)

    def review(self, first: date, last: date) -> Review:
        """The supervisor's review of the site-local days ``first`` to ``last``."""
        from desktop.core.review import Period, build_review

        site = self.site()
        period = Period.days(first, last, site.zone)
        with self._tx() as db:
            return build_review(db, period, _policy(db), site.zone, site.currency, self.now())

    def local_time(self, moment: datetime) -> datetime:
        return moment.astimezone(self.site().zone)

    # --- sync with head office (driven by desktop.sync; each method one transaction) ---------

    def sync_state(self) -> SyncState:
        """Where this desk stands with head office: enrolment, outbox size, cursors."""
        with self._tx() as db:
            settings = {row.key: row.value for row in db.scalars(
                select(Setting).where(Setting.key.in_(SYNC_SETTINGS)))}
            pending = db.scalar(select(func.count()).select_from(EventRow).where(
                EventRow.device_id == self.device_id, EventRow.acked.is_(False))) or 0
            head = db.scalar(select(EventRow.hash).where(EventRow.device_id == self.device_id)
                             .order_by(EventRow.seq.desc()).limit(1))
        return SyncState(
            url=settings.get("hq_url", ""), site_id=settings.get("hq_site_id", ""),
            pending=int(pending), chain_head=head or GENESIS_HASH,
            pull_cursor=_int_setting(settings.get("hq_pull_cursor")),
            policy_version=_int_setting(settings.get("hq_policy_version")),
            needs_refold=settings.get("hq_needs_refold") == "1",
            pull_fault=settings.get("hq_pull_fault", ""))

    def record_enrolment(self, *, url: str, site_id: str, site_name: str,
                         timezone: str) -> None:
        """Remember head office after a successful enrolment, adopting its site name and
        time zone (head office's values win). The token is in the keychain, never here."""
        with self._tx() as db:
            for key, value in (("hq_url", url), ("hq_site_id", site_id)):
                db.merge(Setting(key=key, value=value))
            site = db.scalars(select(Site)).first()
            if site is None:
                raise DeskError("no_site")
            if site_name.strip():
                site.name = site_name.strip()
            try:
                ZoneInfo(timezone)
            except (ZoneInfoNotFoundError, ValueError):
                log.warning("head office sent an unknown time zone; keeping the desk's own")
                return
            if site.timezone != timezone:
                site.timezone = timezone
                db.flush()
                caselog.relocalise(db)  # the review's days are the site's days

    def outbox(self, limit: int = 500, *, after_seq: int = 0) -> list[Event]:
        """The oldest events of this desk that head office has not acknowledged, in seq order
        (only those after ``after_seq``: the sync client reads the next batch while the one
        before it is still on its way)."""
        c = EventRow.__table__.c
        with self._tx() as db:
            # Plain tuples, not ORM objects: the outbox may be 100,000 events after an outage.
            rows = db.execute(select(c.id, c.device_id, c.seq, c.kind, c.case_id, c.actor, c.at,
                                     c.payload, c.prev_hash, c.hash)
                              .where(c.device_id == self.device_id, c.acked.is_(False),
                                     c.seq > after_seq)
                              .order_by(c.seq).limit(limit)).all()
        loads = json.loads
        return [Event(id_, device_id, seq, kind, case_id, actor, at, loads(payload), prev_hash,
                      digest)
                for id_, device_id, seq, kind, case_id, actor, at, payload, prev_hash, digest
                in rows]

    def mark_acked(self, upto_seq: int) -> int:
        """Mark this desk's events up to ``upto_seq`` as held by head office; how many changed."""
        with self._tx() as db:
            result = db.execute(update(EventRow).where(
                EventRow.device_id == self.device_id, EventRow.seq <= upto_seq,
                EventRow.acked.is_(False)).values(acked=True)
                .execution_options(synchronize_session=False))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def reopen_outbox(self, after_seq: int) -> int:
        """Mark this desk's events after ``after_seq`` as not acknowledged, to send them again.

        Only for when head office says it holds less than it once acknowledged (it was
        restored from a backup): the events are still here, so they go again.
        """
        with self._tx() as db:
            result = db.execute(update(EventRow).where(
                EventRow.device_id == self.device_id, EventRow.seq > after_seq,
                EventRow.acked.is_(True)).values(acked=False)
                .execution_options(synchronize_session=False))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def record_revoked_devices(self, device_ids: Sequence[str]) -> None:
        """Keep the list of this site's desks head office has revoked (sent with each pull).

        A voucher token signed by one of them is refused unless its voucher already arrived
        here through head office, which took that desk's events only until it was revoked.
        """
        value = json.dumps(sorted(set(device_ids)))
        with self._tx() as db:
            row = db.get(Setting, REVOKED_DEVICES)
            if row is None or row.value != value:
                db.merge(Setting(key=REVOKED_DEVICES, value=value))

    def merge_remote(self, events: Sequence[Event], next_cursor: int) -> MergeResult:
        """Store other desks' events pulled from head office, and move the pull cursor.

        Events merge as a set: one already held (same device and seq, same hash) is skipped.
        Each device's new events must continue the chain this desk holds of it
        (``verify_chain`` from its last held event); at the first fault that device's events
        from the fault on are refused, and the cursor does not move, so the fault is reported
        again on every sync until a person sorts it out. Events that all sort after every
        event held are folded in as they are; older ones refold only the cases, vouchers and
        shifts they touch (``caselog.refold_touched``), in the same transaction.
        """
        stored = 0
        faults: list[str] = []
        merged: list[Event] = []
        with self._tx() as db:
            # The fold's order is (at, device_id, seq). Events that all sort after everything
            # held can be applied as they are, which gives what a refold would; otherwise the
            # read model must be rebuilt (a refold of a large log holds the lock for long).
            tail = db.execute(select(EventRow.at, EventRow.device_id, EventRow.seq)
                              .order_by(EventRow.at.desc(), EventRow.device_id.desc(),
                                        EventRow.seq.desc()).limit(1)).first()
            by_device: dict[str, list[Event]] = {}
            for item in events:
                if item.device_id == self.device_id:
                    # Head office never sends our own; if it did, ours are the truth.
                    continue
                by_device.setdefault(item.device_id, []).append(item)
            for device_id, items in by_device.items():
                items.sort(key=lambda e: e.seq)
                held = dict(db.execute(select(EventRow.seq, EventRow.hash).where(
                    EventRow.device_id == device_id,
                    EventRow.seq.in_([e.seq for e in items]))).all())
                fresh = []
                for item in items:
                    if item.seq in held:
                        if held[item.seq] != item.hash:
                            faults.append(f"device {device_id} seq {item.seq}: head office "
                                          "sent a different event than the one held here")
                            break
                        continue
                    fresh.append(item)
                else:
                    if not fresh:
                        continue
                    last = db.execute(select(EventRow.seq, EventRow.hash)
                                      .where(EventRow.device_id == device_id,
                                             EventRow.seq < fresh[0].seq)
                                      .order_by(EventRow.seq.desc()).limit(1)).first()
                    start_seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
                    fault = verify_chain(fresh, start_seq=start_seq, start_prev_hash=prev)
                    good = fresh if fault is None else [e for e in fresh if e.seq < fault.seq]
                    if fault is not None:
                        faults.append(fault.describe())
                    taken = db.scalars(select(EventRow.id).where(
                        EventRow.id.in_([e.id for e in good]))).all()
                    if taken:
                        faults.append(f"event id {taken[0]} of device {device_id} is already "
                                      "used by another event here")
                        # Keep the chain contiguous: nothing from the first clash on.
                        clash = next(i for i, e in enumerate(good) if e.id in set(taken))
                        good = good[:clash]
                    for item in good:
                        caselog.store_event(db, item, acked=True)
                    stored += len(good)
                    merged.extend(good)
            if merged:
                merged.sort(key=lambda e: (e.at, e.device_id, e.seq))
                if tail is None or (merged[0].at, merged[0].device_id, merged[0].seq) > tuple(tail):
                    for item in merged:
                        caselog.apply(db, item)
                else:
                    # Older than something held: rebuild just the cases, vouchers and shifts
                    # they touch (a whole refold held the write lock for a minute at 100,000
                    # events).
                    caselog.refold_touched(db, merged)
            if faults:
                db.merge(Setting(key="hq_pull_fault", value=faults[0][:500]))
            else:
                db.merge(Setting(key="hq_pull_cursor", value=str(next_cursor)))
                db.merge(Setting(key="hq_pull_fault", value=""))
        return MergeResult(stored=stored, faults=tuple(faults))

    def refold_after_merge(self) -> bool:
        """Rebuild the read model if an earlier version left merged events waiting for a
        whole refold (``hq_needs_refold``); True if it did. Merges now refold as they go."""
        with self._tx() as db:
            flag = db.get(Setting, "hq_needs_refold")
            if flag is None or flag.value != "1":
                return False
            caselog.refold(db)
            flag.value = "0"
            return True

    def adopt_policy(self, version: int, document: dict[str, Any]) -> Policy | None:
        """Store head office's policy ``version`` if it is newer than the one it last sent.

        Head office's version number is kept; only if a manager's local edit already took
        that number here does the stored copy get the next free one, so head office's policy
        is still the one in force. None when it was not newer.
        """
        policy = parse_policy({**document, "version": version})
        with self._tx() as db:
            seen = db.get(Setting, "hq_policy_version")
            if seen is not None and _int_setting(seen.value) >= version:
                return None
            site = db.scalars(select(Site)).first()
            if site is None:
                raise DeskError("no_site")
            local = db.scalar(select(func.max(PolicyRow.version))) or 0
            stored = policy if version > local else policy.with_changes(version=local + 1)
            body = {**document, **stored.to_dict()}  # keep fields this build does not know
            db.add(PolicyRow(site_id=site.id, version=stored.version,
                             body=canonical_json(body), created_at=self.now()))
            db.merge(Setting(key="hq_policy_version", value=str(version)))
            return stored


# --- sync bookkeeping ------------------------------------------------------------------------

SYNC_SETTINGS = ("hq_url", "hq_site_id", "hq_pull_cursor", "hq_policy_version",
                 "hq_needs_refold", "hq_pull_fault")
REVOKED_DEVICES = "hq_revoked_devices"  # JSON list of the desk ids head office has revoked


def _revoked_devices(db: Session) -> set[str]:
    row = db.get(Setting, REVOKED_DEVICES)
    try:
        listed = json.loads(row.value) if row is not None and row.value else []
    except ValueError:
        log.warning("ignoring an unreadable list of revoked desks")
        return set()
    return {device_id for device_id in listed if isinstance(device_id, str)}


@dataclass(frozen=True, slots=True)
class SyncState:
    """This desk's standing with head office (no secret: the token is in the keychain)."""

    url: str
    site_id: str
    pending: int  # events of this desk not yet acknowledged by head office
    chain_head: str  # hash of this desk's latest event
    pull_cursor: int
    policy_version: int  # the last policy version head office sent
    needs_refold: bool
    pull_fault: str  # why pulling is stuck, or ""

    @property
    def enrolled(self) -> bool:
        return bool(self.url and self.site_id)


@dataclass(frozen=True, slots=True)
class MergeResult:
    stored: int
    faults: tuple[str, ...] = ()


def _int_setting(value: str | None) -> int:
    try:
        return max(int(value or 0), 0)
    except ValueError:
        return 0


# --- validation ---------------------------------------------------------------------------


def _text(value: Any) -> str:
    text = str(value)
    if len(text) > MAX_TEXT:
        raise DeskError("text_too_long", str(len(text)))
    return text


def header_problems(header: CaseHeader) -> list[str]:
    """Header values that cannot be stored (gaps are fine; nonsense is not)."""
    problems = []
    if header.severity and header.severity not in SEVERITIES:
        problems.append("severity")
    for name, value in header.as_dict().items():
        if len(value) > 500:
            problems.append(name)
    return problems


def site_problems(*, name: str, kind: str, currency: str, timezone: str, manager_name: str,
                  manager_pin: str) -> list[str]:
    """The set-up fields that are missing or wrong, by field name, in form order."""
    from desktop.core.money import CurrencyError

    problems = []
    if not name.strip():
        problems.append("name")
    if kind not in SITE_KINDS:
        problems.append("kind")
    try:
        check_currency(currency)
    except CurrencyError:
        problems.append("currency")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append("timezone")
    if not manager_name.strip():
        problems.append("manager_name")
    if not pins.pin_is_valid(manager_pin):
        problems.append("manager_pin")
    return problems


def _policy(db: Session) -> Policy:
    row = db.scalars(select(PolicyRow).order_by(PolicyRow.version.desc())).first()
    return default_policy() if row is None else parse_policy(row.body)


# --- vouchers -------------------------------------------------------------------------------


def _voucher_row(db: Session, code_or_token: str) -> VoucherRow | None:
    """The stored voucher a code or a token names: a lookup, not a check."""
    from desktop.core import vouchers

    text = code_or_token.strip()
    if vouchers.looks_like_token(text):
        return db.scalar(select(VoucherRow).where(VoucherRow.token == text))
    return db.scalar(select(VoucherRow).where(VoucherRow.code == vouchers.normalise_code(text)))


def _voucher_keys(db: Session) -> dict[str, list[bytes]]:
    """Every desk's known public voucher keys (a desk may have had more than one)."""
    keys: dict[str, list[bytes]] = {}
    for row in db.scalars(select(VoucherKeyRow).order_by(VoucherKeyRow.first_used_at)):
        try:
            keys.setdefault(row.device_id, []).append(bytes.fromhex(row.public_key))
        except ValueError:
            log.warning("ignoring a malformed voucher key of desk %s", row.device_id)
    return keys


def _verify_token(token: str, keys: dict[str, list[bytes]]) -> VoucherClaim:
    """``verify_voucher`` against every key a desk has had; raises VoucherTokenError."""
    from desktop.core.vouchers import TokenFailure, VoucherTokenError, verify_voucher

    bad_signature: VoucherTokenError | None = None
    for index in range(max((len(k) for k in keys.values()), default=1)):
        try:
            return verify_voucher(token, {d: k[index] for d, k in keys.items()
                                          if index < len(k)})
        except VoucherTokenError as error:
            if error.reason is TokenFailure.BAD_SIGNATURE:
                bad_signature = error
            elif error.reason is TokenFailure.UNKNOWN_DEVICE and bad_signature is not None:
                break  # that desk has no more keys to try
            else:
                raise
    assert bad_signature is not None
    raise bad_signature


def _claim_matches(claim: VoucherClaim, row: VoucherRow) -> bool:
    """Whether a verified claim says exactly what the stored voucher says."""
    return (claim.voucher_id, claim.code, claim.device_id, claim.value_minor, claim.currency,
            claim.description, claim.guest_name, claim.expires_on) == (
        row.id, row.code, row.device_id, row.value_minor, row.currency, row.description,
        row.guest_name, row.expires_on)


def _claim_view(claim: VoucherClaim, token: str) -> VoucherView:
    """A voucher known only from its verified token (issued at a desk not yet synced)."""
    from db.models import parse_utc

    try:
        issued_at = parse_utc(claim.issued_at)
    except ValueError:
        issued_at = datetime.min.replace(tzinfo=UTC)
    return VoucherView(id=claim.voucher_id, code=claim.code, case_id=None,
                       device_id=claim.device_id, value_minor=claim.value_minor,
                       currency=claim.currency, description=claim.description,
                       guest_name=claim.guest_name, issued_at=issued_at,
                       expires_on=_last_day(claim.expires_on), issued_by_name="",
                       status="issued", token=token, synced=False)


def _last_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return date.min  # unreadable: treat as long expired rather than valid for ever


def _expired(now: datetime, site: Site, last_day: date) -> bool:
    return now.astimezone(ZoneInfo(site.timezone)).date() > last_day


def _staff_name(db: Session, staff_id: str | None) -> str:
    row = db.get(Staff, staff_id) if staff_id else None
    return row.name if row is not None else ""


def _long_date(day: date, locale: str) -> str:
    from babel.dates import format_date

    return format_date(day, format="long", locale=babel_locale(locale))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _site_info(row: Site) -> SiteInfo:
    return SiteInfo(row.id, row.name, row.kind, row.currency, row.timezone, row.locale,
                    row.address, tuple(json.loads(row.outlets or "[]")), row.is_demo)


def _summary(row: CaseRow) -> CaseSummary:
    return CaseSummary(row.id, row.guest_name, row.location, row.category, row.severity,
                       row.step, row.status, row.opened_at, row.followup_due_at,
                       row.followup_done_at)


def _case_view(row: CaseRow, grants: Sequence[GrantRow]) -> CaseView:
    fields = {name: getattr(row, name) for names in caselog.STEP_FIELDS.values()
              for name in names}
    fields["followup_note"] = row.followup_note
    return CaseView(
        id=row.id, status=row.status, step=row.step,
        header=CaseHeader(row.guest_name, row.location, row.outlet, row.category, row.severity),
        opened_at=row.opened_at, opened_by=row.opened_by, shift_id=row.shift_id, fields=fields,
        fixed_at=row.fixed_at, followup_due_at=row.followup_due_at,
        followup_done_at=row.followup_done_at, outcome=row.outcome, closed_at=row.closed_at,
        grants=tuple(GrantView(g.id, g.gesture_type, g.description, g.value_minor, g.currency,
                               g.staff_id, g.approval_id, g.granted_at) for g in grants),
    )
