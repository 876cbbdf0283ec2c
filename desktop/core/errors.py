"""Why the desk refuses: one enumeration of every refusal, and the errors that carry one.

The core never words a refusal for people; it names it. ``desktop.ui.labels.refusal_text``
turns each member into a sentence in the desk's language (a test fails when a member has
none in English, Spanish or French), and the CLI prints the same sentence.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

# Light on purpose: the screens import this before the store (and SQLAlchemy) is loaded.
from db.errors import StoreError, StoreProblem

if TYPE_CHECKING:
    from db.eventlog import ChainFault

__all__ = ["ChainBroken", "DeskError", "Refusal"]


class Refusal(enum.Enum):
    """Every reason the core refuses what a person asked for; ``detail`` may say more."""

    # site and set-up
    NO_SITE = "no_site"
    SITE_EXISTS = "site_exists"
    INVALID_SITE = "invalid_site"  # detail: the set-up fields that are wrong, comma-separated
    # staff and roles
    STAFF_NAME_MISSING = "staff_name_missing"
    UNKNOWN_ROLE = "unknown_role"
    UNKNOWN_STAFF = "unknown_staff"
    PIN_INVALID = "pin_invalid"
    MANAGER_ONLY = "manager_only"
    STAFF_NAME_TAKEN = "staff_name_taken"  # detail: the name
    STAFF_NAME_AMBIGUOUS = "staff_name_ambiguous"  # detail: the name
    NOT_A_MANAGER = "not_a_manager"  # the acting person is not an active manager
    LAST_MANAGER = "last_manager"
    OWN_ROLE = "own_role"
    STAFF_INACTIVE = "staff_inactive"  # detail: the staff id
    PIN_TOO_SHORT = "pin_too_short"  # detail: the shortest length the policy allows
    PIN_TOO_LONG = "pin_too_long"  # detail: the longest length the policy allows
    PIN_NOT_DIGITS = "pin_not_digits"
    PIN_TOO_SIMPLE = "pin_too_simple"
    PIN_MISMATCH = "pin_mismatch"  # raised by the screens and the CLI: typed twice differently
    PIN_RESET_PENDING = "pin_reset_pending"  # sign-in: the person must set a new PIN first
    NO_PIN_RESET = "no_pin_reset"
    WRONG_OLD_PIN = "wrong_old_pin"  # detail: seconds to wait before the next try
    SUPERVISOR_ONLY = "supervisor_only"
    # cases
    UNKNOWN_CASE = "unknown_case"
    CASE_CLOSED = "case_closed"
    INVALID_HEADER = "invalid_header"  # detail: the header fields that are wrong
    UNKNOWN_STEP = "unknown_step"
    UNKNOWN_OUTCOME = "unknown_outcome"
    MISSING_FIELDS = "missing_fields"  # detail: the fields still missing, comma-separated
    NOTE_EMPTY = "note_empty"
    TEXT_TOO_LONG = "text_too_long"  # detail: the length typed
    EVENT_INVALID = "event_invalid"  # a bug: the event breaks its schema (detail: the field)
    INVALID_TEXT = "invalid_text"  # detail: the field; text that cannot be stored (surrogate)
    # grants and approvals
    UNKNOWN_GESTURE_TYPE = "unknown_gesture_type"
    INVALID_VALUE = "invalid_value"
    APPROVAL_REASON_MISSING = "approval_reason_missing"
    APPROVAL_REFUSED = "approval_refused"  # detail: an ApprovalRefusal value
    APPROVER_PIN_WRONG = "approver_pin_wrong"  # detail: seconds to wait before the next try
    # vouchers and slips
    UNKNOWN_VOUCHER = "unknown_voucher"
    VOUCHER_CODE_MISTYPED = "voucher_code_mistyped"  # detail: a CodeStatus value
    VOUCHER_REDEEMED = "voucher_redeemed"
    VOUCHER_VOIDED = "voucher_voided"
    VOUCHER_NOT_IN_CASE = "voucher_not_in_case"
    VOUCHER_TOO_LONG = "voucher_too_long"
    VOID_REASON_MISSING = "void_reason_missing"
    UNKNOWN_SLIP_KIND = "unknown_slip_kind"
    EMPTY_LETTER = "empty_letter"  # an apology letter reworded to nothing
    PRINTER_ADDRESS_INVALID = "printer_address_invalid"  # detail: the address as typed
    PRINTER_UNREACHABLE = "printer_unreachable"  # detail: the printer and what went wrong
    SECRET_STORE = "secret_store"  # detail: what the keychain said
    # hand-offs
    UNKNOWN_DEPARTMENT = "unknown_department"  # detail: the name given
    HANDOFF_TO_SELF = "handoff_to_self"
    UNKNOWN_HANDOFF = "unknown_handoff"
    HANDOFF_DONE = "handoff_done"
    # settings
    UNKNOWN_SETTING = "unknown_setting"
    INVALID_SETTING = "invalid_setting"  # detail: the setting's name


class DeskError(Exception):
    """Something the person at the desk asked for cannot be done; ``refusal`` says what."""

    def __init__(self, refusal: Refusal, detail: str = "") -> None:
        super().__init__(f"{refusal.value}: {detail}" if detail else refusal.value)
        self.refusal = refusal
        self.detail = detail

    @property
    def code(self) -> str:
        """The refusal's stable name (logs, tests, the CLI's machine-readable output)."""
        return self.refusal.value


class ChainBroken(StoreError):
    """The case log no longer verifies: an event was changed after it was written."""

    def __init__(self, path: Path, fault: ChainFault) -> None:
        super().__init__(
            f"The case log {path} no longer verifies: {fault.describe()}. Amends will not use "
            "or change it. Run 'amends doctor', and restore the file from a backup or ask "
            "head office to restore this desk.", problem=StoreProblem.CHAIN_BROKEN, path=path
        )
        self.fault = fault
