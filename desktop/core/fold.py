"""The fold: how each kind of event changes the read model (cases, grants, vouchers, shifts;
the roster's events are folded by ``staff_fold``).

``apply`` is a table from event kind to a small function; each takes the event and its time
and updates the rows it is given (``fold_rows``): the caller's transaction's for ``apply``, a
whole refold's in memory for ``apply_to``. An event of a kind this build does not know
changes nothing. Events that change a case's place in the review mark their days, which
``review_days.settle`` recounts just before the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from db.eventlog import Event, canonical_json
from db.models import (
    ApprovalRow,
    CaseRow,
    CorrectionRow,
    GrantRow,
    NoteRow,
    ShiftRow,
    VoucherKeyRow,
    VoucherRow,
    parse_utc,
)
from desktop.core import handoff_fold
from desktop.core.fold_rows import FoldRows, SessionRows
from desktop.core.guest_links import guest_key
from desktop.core.playbook import STEPS, later_step, next_step
from desktop.core.review_days import REVIEW_KINDS, mark_case_days
from desktop.core.staff_fold import HANDLERS as STAFF_HANDLERS

log = logging.getLogger(__name__)



HEADER_FIELDS = ("guest_name", "location", "outlet", "category", "severity", "guest_language")
STEP_FIELDS = {
    "listen": ("account",),
    "apologise": ("apology",),
    "review": ("guest_view", "good_outcome"),
    "fix": ("fix_action",),
    "followup": (),
    "document": ("root_cause", "detail"),
}


def apply(db: Session, event: Event) -> None:
    """Fold one event into the transaction's rows (appended, merged, or refolded in part)."""
    if apply_to(SessionRows(db), event):
        db.flush()
        if event.kind in REVIEW_KINDS and event.case_id and not db.info.get("refolding"):
            mark_case_days(db, event.case_id)


def apply_to(rows: FoldRows, event: Event) -> bool:
    """Fold one event into ``rows`` (a transaction's, or a whole refold's in memory); whether
    its kind changes anything."""
    handler = _HANDLERS.get(event.kind)
    if handler is None:
        return False
    handler(rows, event, parse_utc(event.at))
    return True


def _case(rows: FoldRows, event: Event) -> CaseRow | None:
    return rows.get(CaseRow, event.case_id) if event.case_id else None


def _shift_started(rows: FoldRows, event: Event, at: datetime) -> None:
    rows.put(ShiftRow, id=event.payload["shift_id"], staff_id=event.actor or "",
             device_id=event.device_id, started_at=at, ended_at=None)


def _shift_ended(rows: FoldRows, event: Event, at: datetime) -> None:
    shift = rows.get(ShiftRow, event.payload["shift_id"])
    if shift is not None:
        shift.ended_at = at


def _case_opened(rows: FoldRows, event: Event, at: datetime) -> None:
    p = event.payload
    opened_at = parse_utc(p["started_at"]) if p.get("started_at") else at
    local = opened_at.astimezone(rows.zone())
    header = {name: str(p.get(name, "")) for name in HEADER_FIELDS}
    rows.put(CaseRow, id=event.case_id, device_id=event.device_id, opened_by=event.actor,
             shift_id=p.get("shift_id"), opened_at=opened_at, updated_at=at,
             status="open", step="listen", opened_day=local.date().isoformat(),
             opened_weekday=local.weekday(), opened_hour=local.hour, **header,
             guest_key=guest_key(header["guest_name"]))


def _case_updated(rows: FoldRows, event: Event, at: datetime) -> None:
    case = _case(rows, event)
    if case is None:
        return
    for name in HEADER_FIELDS:
        if name in event.payload:
            setattr(case, name, str(event.payload[name]))
    before = case.guest_key
    case.guest_key = guest_key(case.guest_name)
    case.updated_at = at
    if case.guest_key != before:
        rows.relink_guest(case)


def _step_done(rows: FoldRows, event: Event, at: datetime) -> None:
    case = _case(rows, event)
    step = event.payload.get("step")
    if case is None or step not in STEPS:
        return
    for name in STEP_FIELDS[step]:
        if name in event.payload:
            setattr(case, name, str(event.payload[name]))
    if step == "fix":
        case.fixed_at = at
    if case.status == "open":
        case.step = later_step(case.step, next_step(step))
    case.updated_at = at


def _followup_due(rows: FoldRows, event: Event, at: datetime) -> None:
    case = _case(rows, event)
    if case is not None:
        case.followup_due_at = parse_utc(event.payload["due_at"])
        case.updated_at = at


def _followup_done(rows: FoldRows, event: Event, at: datetime) -> None:
    case = _case(rows, event)
    if case is not None:
        case.followup_done_at = at
        case.followup_note = str(event.payload.get("note", ""))
        if case.status == "open":
            case.step = later_step(case.step, "document")
        case.updated_at = at


def _case_closed(rows: FoldRows, event: Event, at: datetime) -> None:
    case = _case(rows, event)
    if case is None:
        return
    for name in ("root_cause", "detail"):
        if name in event.payload:
            setattr(case, name, str(event.payload[name]))
    case.outcome = str(event.payload.get("outcome", "unknown"))
    case.status = "closed"
    case.step = "closed"
    case.closed_at = at
    case.closed_by = event.actor
    case.updated_at = at


def _granted(rows: FoldRows, event: Event, at: datetime) -> None:
    p = event.payload
    row = rows.put(
        GrantRow, id=p["grant_id"], case_id=event.case_id, shift_id=p.get("shift_id"),
        staff_id=event.actor, gesture_type=p["gesture_type"],
        description=p.get("description", ""), value_minor=int(p["value_minor"]),
        currency=p["currency"], approval_id=p.get("approval_id"), granted_at=at,
        local_day=at.astimezone(rows.zone()).date().isoformat())
    case = _case(rows, event)
    if case is not None and row.value_minor > 0:
        rows.link_repeat(row, case.guest_key)


def _approval(rows: FoldRows, event: Event, at: datetime) -> None:
    p = event.payload
    rows.put(ApprovalRow, id=p["approval_id"], case_id=event.case_id,
             grant_id=p.get("grant_id"), approver_id=event.actor or "",
             requested_by=p.get("requested_by"),
             decision="given" if event.kind == "approval.given" else "declined",
             reason=p.get("reason", ""), breaches=canonical_json(p.get("breaches", [])),
             value_minor=int(p.get("value_minor", 0)), decided_at=at)


def _correction(rows: FoldRows, event: Event, at: datetime) -> None:
    p = event.payload
    rows.put(CorrectionRow, id=p["correction_id"], case_id=event.case_id, staff_id=event.actor,
             description=p.get("description", ""), value_minor=int(p["value_minor"]),
             currency=p["currency"], at=at)


def _note(rows: FoldRows, event: Event, at: datetime) -> None:
    rows.put(NoteRow, id=event.id, case_id=event.case_id, actor=event.actor,
             text=str(event.payload.get("text", "")), at=at)


def _voucher_issued(rows: FoldRows, event: Event, at: datetime) -> None:
    p = event.payload
    key = (event.device_id, str(p["public_key"]))
    known = rows.get(VoucherKeyRow, key)
    if known is None:
        rows.add(VoucherKeyRow, device_id=key[0], public_key=key[1], first_used_at=at)
    elif at < known.first_used_at:  # an earlier issue merged late: the fold order's answer
        known.first_used_at = at
    row = rows.get(VoucherRow, p["voucher_id"])
    if row is None:
        row = _new_voucher(rows, p, event.device_id)
        if row is None:
            return
    # The row may already exist from a redemption merged before this issue: keep what
    # became of the voucher and fill in where it came from.
    row.case_id = event.case_id
    row.grant_id = p.get("grant_id")
    row.issued_by = event.actor
    for parked in rows.unpark(str(p["voucher_id"])):  # used already, by a clock behind ours
        _HANDLERS[parked.kind](rows, parked, parse_utc(parked.at))


def _new_voucher(rows: FoldRows, claim: Mapping[str, Any], device_id: str) -> VoucherRow | None:
    """A voucher row from a claim (an issue, or a redemption that arrived before it)."""
    code = str(claim["code"])
    clash = rows.voucher_with_code(code)
    if clash is not None:
        # Two desks drew the same code (about 1 in 10^12 per pair). Keep the first; the
        # second is still checked and redeemed by its QR token, which carries its own id.
        log.warning("voucher %s has the code of voucher %s; kept by token only",
                    claim["voucher_id"], clash)
        return None
    return rows.add(VoucherRow, id=str(claim["voucher_id"]), code=code, device_id=device_id,
                    value_minor=int(claim["value_minor"]), currency=str(claim["currency"]),
                    description=str(claim.get("description", "")),
                    guest_name=str(claim.get("guest_name", "")),
                    issued_at=parse_utc(str(claim["issued_at"])),
                    expires_on=str(claim["expires_on"]), token=str(claim["token"]),
                    status="issued", redeem_count=0, void_reason="", print_count=0)


def _voucher_status(row: VoucherRow) -> str:
    # A redemption outranks a void: the guest has had the value either way.
    if row.redeemed_at is not None:
        return "redeemed"
    return "voided" if row.voided_at is not None else "issued"


def _voucher_redeemed(rows: FoldRows, event: Event, at: datetime) -> None:
    p = event.payload
    row = rows.get(VoucherRow, p["voucher_id"])
    if row is None and isinstance(p.get("claim"), Mapping):
        # Redeemed by its signed token before its issue reached this desk.
        claim = p["claim"]
        row = _new_voucher(rows, {**claim, "token": p.get("token", "")},
                           str(claim.get("device_id", "")))
    if row is None:
        rows.park(str(p["voucher_id"]), event)  # its issue sorts after it: applied then
        return
    row.redeem_count = (row.redeem_count or 0) + 1
    if row.redeemed_at is None:
        row.redeemed_at = at
        row.redeemed_by = event.actor
        row.redeemed_device = str(p.get("device") or event.device_id)
    row.status = _voucher_status(row)


def _voucher_voided(rows: FoldRows, event: Event, at: datetime) -> None:
    row = rows.get(VoucherRow, event.payload["voucher_id"])
    if row is None:
        rows.park(str(event.payload["voucher_id"]), event)  # applied once its issue is
        return
    if row.voided_at is not None:
        return
    row.voided_at = at
    row.voided_by = event.actor
    row.void_reason = str(event.payload.get("reason", ""))
    row.status = _voucher_status(row)


def _slip_printed(rows: FoldRows, event: Event, at: datetime) -> None:
    p = event.payload
    if p.get("kind") == "voucher":
        row = rows.get(VoucherRow, p.get("voucher_id") or "")
        if row is not None:
            row.print_count = (row.print_count or 0) + 1
    elif p.get("kind") == "apology":
        case = _case(rows, event)
        if case is not None:
            case.apology_prints = (case.apology_prints or 0) + 1


_HANDLERS: dict[str, Callable[[FoldRows, Event, datetime], None]] = {
    "shift.started": _shift_started,
    "shift.ended": _shift_ended,
    "case.opened": _case_opened,
    "case.updated": _case_updated,
    "step.done": _step_done,
    "followup.due": _followup_due,
    "followup.done": _followup_done,
    "case.closed": _case_closed,
    "compensation.granted": _granted,
    "approval.given": _approval,
    "approval.declined": _approval,
    "correction.recorded": _correction,
    "note.added": _note,
    "voucher.issued": _voucher_issued,
    "voucher.redeemed": _voucher_redeemed,
    "voucher.voided": _voucher_voided,
    "slip.printed": _slip_printed,
    "case.handed_off": handoff_fold.handed_off,
    "handoff.done": handoff_fold.done,
    **STAFF_HANDLERS,
}
