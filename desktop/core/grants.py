"""Gestures and their budget: ``desk.grants``, on top of the pure rules in ``budget.py``.

Within the granter's limits a gesture is granted at once: that is the point of the product.
Above them a supervisor approves at the desk with their PIN and a reason, within their own
limits; the approval and the grant are recorded in one transaction. What has been spent is
read from the grants this desk knows (``Spend``); the decision is ``budget.check_grant``'s.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import CaseRow, GrantRow, Staff
from desktop.core import caselog, guest_links
from desktop.core.budget import (
    ApprovalRefusal,
    BudgetDecision,
    Spend,
    approval_refusal,
    check_grant,
)
from desktop.core.cases import case_row
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import amount, checked_text, text
from desktop.core.playbook import GESTURE_TYPES
from desktop.core.policy import Policy
from desktop.core.recorder import Recorder
from desktop.core.shifts import ShiftRoom
from desktop.core.site import current_policy, site_info, site_row
from desktop.core.spend import shift_spend
from desktop.core.staff import StaffRoom, active_staff_row
from desktop.core.views import ApproverSignOff, GestureProposal, GrantResult, OnShift
from desktop.core.voucher_book import VoucherBook


class GrantRoom:
    """What may be granted, granting it, and a supervisor's yes or no at the desk."""

    def __init__(self, recorder: Recorder, shifts: ShiftRoom, staff: StaffRoom,
                 vouchers: VoucherBook) -> None:
        self._recorder = recorder
        self._shifts = shifts
        self._staff = staff
        self._vouchers = vouchers

    def spend_for(self, on_shift: OnShift, case_id: str | None,
                  guest_name: str | None = None) -> Spend:
        """What has been granted in this case, in this person's shift and to this guest's stay."""
        if guest_name is not None:
            checked_text(guest_name, "guest_name")
        with self._recorder.tx() as db:
            return self._spend(db, on_shift, case_id, guest_name)

    def check(self, on_shift: OnShift, case_id: str | None, value_minor: int,
              guest_name: str | None = None) -> BudgetDecision:
        """The budget check for a proposed grant, as the panel shows it."""
        amount(value_minor)
        if guest_name is not None:
            checked_text(guest_name, "guest_name")
        with self._recorder.tx() as db:
            limits = current_policy(db).limits_for(on_shift.staff.role)
            return check_grant(limits, self._spend(db, on_shift, case_id, guest_name),
                               value_minor)

    def grant(self, on_shift: OnShift, case_id: str, proposal: GestureProposal,
              approval: ApproverSignOff | None = None) -> GrantResult:
        """Grant a gesture: at once within limits, with a supervisor's sign-off above them.

        The approval and the grant are written in one transaction, so a crash leaves either
        both or neither.
        """
        if proposal.gesture_type not in GESTURE_TYPES:
            raise DeskError(Refusal.UNKNOWN_GESTURE_TYPE, proposal.gesture_type)
        value = amount(proposal.value_minor)
        text(proposal.description, "description")
        if proposal.gesture_type == "none" and value != 0:
            raise DeskError(Refusal.INVALID_VALUE, "no gesture has no value")
        if proposal.gesture_type != "none" and value == 0:
            raise DeskError(Refusal.INVALID_VALUE, "a gesture needs a value")
        if approval is not None:
            text(approval.reason, "reason")
            self._require_pin(approval)
        # The keychain is asked before the transaction: it may be slow, or prompt the user.
        signing_key = (self._vouchers.signing_key() if proposal.gesture_type == "voucher"
                       else None)
        now = self._recorder.now()
        with self._recorder.tx() as db:
            site = site_info(site_row(db))
            policy = current_policy(db)
            case = case_row(db, case_id)
            spent = self._spend(db, on_shift, case_id, None)
            decision = check_grant(policy.limits_for(on_shift.staff.role), spent, value)
            grant_id = str(uuid.uuid4())
            approval_id: str | None = None
            if not decision.within_limits:
                if approval is None:
                    return GrantResult(False, decision)
                approver = _approver(db, approval, policy, on_shift, spent, value)
                approval_id = str(uuid.uuid4())
                self._recorder.record(
                    db, "approval.given", actor=approver.id, case_id=case.id, at=now,
                    payload={"approval_id": approval_id, "grant_id": grant_id,
                             "requested_by": on_shift.staff.id, "reason": text(approval.reason),
                             "value_minor": value,
                             "breaches": [b.limit.value for b in decision.breaches]})
            self._recorder.record(
                db, "compensation.granted", actor=on_shift.staff.id, case_id=case.id, at=now,
                payload={"grant_id": grant_id, "gesture_type": proposal.gesture_type,
                         "description": text(proposal.description), "value_minor": value,
                         "currency": site.currency, "shift_id": on_shift.shift_id,
                         "approval_id": approval_id})
            voucher_code = None
            if signing_key is not None:
                voucher_code = self._vouchers.issue(db, case, grant_id, proposal, site, policy,
                                                    on_shift, now, signing_key)
            return GrantResult(True, decision, grant_id, approval_id, voucher_code)

    def approval_refusal_for(self, on_shift: OnShift, case_id: str, approver_id: str,
                             value_minor: int) -> ApprovalRefusal | None:
        """Whether a named approver could approve this grant (before asking for their PIN)."""
        amount(value_minor)
        approver = self._staff.member(approver_id)
        with self._recorder.tx() as db:
            return approval_refusal(current_policy(db), approver_id=approver.id,
                                    approver_role=approver.role, granter_id=on_shift.staff.id,
                                    spent=self._spend(db, on_shift, case_id, None),
                                    value=value_minor)

    def decline_approval(self, on_shift: OnShift, case_id: str, sign_off: ApproverSignOff,
                         proposal: GestureProposal) -> None:
        """A supervisor says no at the desk: on record, and nothing is granted."""
        if not text(sign_off.reason, "reason").strip():
            raise DeskError(Refusal.APPROVAL_REASON_MISSING)
        amount(proposal.value_minor)
        text(proposal.description, "description")
        self._require_pin(sign_off)
        with self._recorder.tx() as db:
            case_row(db, case_id)
            row = db.get(Staff, sign_off.staff_id)
            if row is None or not current_policy(db).is_approver(row.role):
                raise DeskError(Refusal.APPROVAL_REFUSED,
                                ApprovalRefusal.NOT_AN_APPROVER.value)
            self._recorder.record(
                db, "approval.declined", actor=row.id, case_id=case_id,
                payload={"approval_id": str(uuid.uuid4()), "requested_by": on_shift.staff.id,
                         "reason": text(sign_off.reason), "value_minor": proposal.value_minor,
                         "description": text(proposal.description)})

    def _require_pin(self, sign_off: ApproverSignOff) -> None:
        # Its own transaction, so a wrong try is counted even though the grant is refused.
        refused = self._shifts.check_pin(sign_off.staff_id, sign_off.pin)
        if refused is not None:
            raise DeskError(Refusal.APPROVER_PIN_WRONG, str(refused.wait_seconds))

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
            key = guest_links.guest_key(guest_name)
        # One person, one allowance: their grants at every desk of the site known here.
        shift_total = shift_spend(db, on_shift.staff.id, on_shift.shift_id,
                                  self._recorder.now())
        guest_total = 0
        if key:
            since = caselog.stay_start(self._recorder.now(), current_policy(db).stay_window_days)
            guest_total = db.scalar(
                select(func.coalesce(func.sum(GrantRow.value_minor), 0))
                .join(CaseRow, CaseRow.id == GrantRow.case_id)
                .where(CaseRow.guest_key == key, GrantRow.granted_at >= since)) or 0
        elif case_id is not None:
            guest_total = case_total
        return Spend(case=int(case_total), shift=int(shift_total), guest_stay=int(guest_total))


def _approver(db: Session, sign_off: ApproverSignOff, policy: Policy, on_shift: OnShift,
              spent: Spend, value: int) -> Staff:
    """The approver's authority, checked inside the grant's transaction."""
    if not sign_off.reason.strip():
        raise DeskError(Refusal.APPROVAL_REASON_MISSING)
    row = active_staff_row(db, sign_off.staff_id)
    refusal = approval_refusal(policy, approver_id=row.id, approver_role=row.role,
                               granter_id=on_shift.staff.id, spent=spent, value=value)
    if refusal is not None:
        raise DeskError(Refusal.APPROVAL_REFUSED, refusal.value)
    return row
