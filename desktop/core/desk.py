"""The front desk as the app sees it: one data dir, its site, staff, shifts and recovery cases.

``Desk`` is the application layer the widgets (and the CLI, and tests) call. Each method is one
thing a person does at the desk, runs in one transaction and, where it changes a case, writes
events through ``caselog.append``. It holds no Qt and no widget state.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from db.eventlog import ChainFault, canonical_json
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
from desktop.core.money import check_currency
from desktop.core.playbook import (
    GESTURE_TYPES,
    OUTCOMES,
    SEVERITIES,
    SITE_KINDS,
    STEPS,
    missing_fields,
)
from desktop.core.policy import Policy, default_policy, parse_policy

DB_FILE = "amends.sqlite3"
DEFAULT_IDLE_LOCK_MINUTES = 3
MAX_TEXT = 20_000  # a guest's account can be long; a pasted novel cannot


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


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else $AMENDS_HOME, else the platform's user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("AMENDS_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("Amends", "Amends"))


class Desk:
    """One front desk: a data dir, its store and the people who work it."""

    def __init__(self, engine: Engine, data_dir: Path, clock: Clock | None = None) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._in_tx = threading.local()
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
        return desk

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
        finally:
            self._in_tx.active = False

    def now(self) -> datetime:
        return self.clock.now()

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
            return GrantResult(True, decision, grant_id, approval_id)

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

    def local_time(self, moment: datetime) -> datetime:
        return moment.astimezone(self.site().zone)


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
