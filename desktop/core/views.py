"""What the desk answers: the frozen views and results its rooms hand to the UI and the CLI.

They are plain data, without a session: a view is read in one transaction and can be kept,
compared and passed to another thread.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from desktop.core.budget import BudgetDecision
from desktop.core.playbook import missing_fields

if TYPE_CHECKING:
    # Imported where used: the GUI's start-up should not pay for cryptography.
    from desktop.core.vouchers import CodeStatus, TokenFailure


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
    """A person of the site's roster. ``desk_hint`` tells two people of one name apart (the
    desk that added them, short); ``must_set_pin`` after a manager reset their PIN."""

    id: str
    name: str
    role: str
    active: bool = True
    must_set_pin: bool = False
    desk_hint: str = ""


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
    held: int = 0  # other desks' events held in quarantine (this desk cannot apply them)

    @property
    def enrolled(self) -> bool:
        return bool(self.url and self.site_id)


@dataclass(frozen=True, slots=True)
class MergeResult:
    stored: int
    faults: tuple[str, ...] = ()
