"""The fold: how each kind of event changes the read model (cases, grants, vouchers, shifts;
the roster's events are folded by ``staff_fold``).

``apply`` is a table from event kind to a small function; each takes the event and its time
and updates the rows, inside the caller's transaction. An event of a kind this build does not
know changes nothing. Events that change a case's place in the review mark their days, which
``review_days.settle`` recounts just before the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
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
from desktop.core.guest_links import guest_key, link_repeat, relink_guest
from desktop.core.playbook import STEPS, later_step, next_step
from desktop.core.review_days import REVIEW_KINDS, local_day, mark_case_days, site_zone
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


# Set on the session by a whole refold: no flush after each event. Changes to one case then
# reach SQLite together, when a later event's query autoflushes them (the session's
# autoflush makes every query see them), instead of one UPDATE an event.
BULK = "bulk_fold"
BULK_IDS = "bulk_fold_ids"  # the ids of the rows a whole refold has added so far
_Row = TypeVar("_Row", ShiftRow, CaseRow, GrantRow, ApprovalRow, CorrectionRow, NoteRow)


def _put(db: Session, row: _Row) -> _Row:
    """``db.merge(row)``; in a whole refold a row whose id was not folded yet is simply
    added (the read model was emptied, so nothing can be there to merge with: no read)."""
    made: set[str] | None = db.info.get(BULK_IDS) if db.info.get(BULK) else None
    if made is None:
        return db.merge(row)
    key = str(row.id)  # ids are unique across tables; a clash would only cost a read
    if key in made:
        return db.merge(row)
    made.add(key)
    db.add(row)
    return row


def apply(db: Session, event: Event) -> None:
    handler = _HANDLERS.get(event.kind)
    if handler is not None:
        handler(db, event, parse_utc(event.at))
        if not db.info.get(BULK):
            db.flush()
        if event.kind in REVIEW_KINDS and event.case_id and not db.info.get("refolding"):
            mark_case_days(db, event.case_id)


def _case(db: Session, event: Event) -> CaseRow | None:
    return db.get(CaseRow, event.case_id) if event.case_id else None


def _shift_started(db: Session, event: Event, at: datetime) -> None:
    _put(db, ShiftRow(id=event.payload["shift_id"], staff_id=event.actor or "",
                      device_id=event.device_id, started_at=at, ended_at=None))


def _shift_ended(db: Session, event: Event, at: datetime) -> None:
    shift = db.get(ShiftRow, event.payload["shift_id"])
    if shift is not None:
        shift.ended_at = at


def _case_opened(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    opened_at = parse_utc(p["started_at"]) if p.get("started_at") else at
    local = opened_at.astimezone(site_zone(db))
    case = CaseRow(id=event.case_id, device_id=event.device_id, opened_by=event.actor,
                   shift_id=p.get("shift_id"), opened_at=opened_at, updated_at=at,
                   status="open", step="listen", opened_day=local.date().isoformat(),
                   opened_weekday=local.weekday(), opened_hour=local.hour)
    for name in HEADER_FIELDS:
        setattr(case, name, str(p.get(name, "")))
    case.guest_key = guest_key(case.guest_name)
    _put(db, case)


def _case_updated(db: Session, event: Event, at: datetime) -> None:
    case = _case(db, event)
    if case is None:
        return
    for name in HEADER_FIELDS:
        if name in event.payload:
            setattr(case, name, str(event.payload[name]))
    before = case.guest_key
    case.guest_key = guest_key(case.guest_name)
    case.updated_at = at
    if case.guest_key != before:
        db.flush()
        relink_guest(db, case)


def _step_done(db: Session, event: Event, at: datetime) -> None:
    case = _case(db, event)
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


def _followup_due(db: Session, event: Event, at: datetime) -> None:
    case = _case(db, event)
    if case is not None:
        case.followup_due_at = parse_utc(event.payload["due_at"])
        case.updated_at = at


def _followup_done(db: Session, event: Event, at: datetime) -> None:
    case = _case(db, event)
    if case is not None:
        case.followup_done_at = at
        case.followup_note = str(event.payload.get("note", ""))
        if case.status == "open":
            case.step = later_step(case.step, "document")
        case.updated_at = at


def _case_closed(db: Session, event: Event, at: datetime) -> None:
    case = _case(db, event)
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


def _granted(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    row = _put(db, GrantRow(
        id=p["grant_id"], case_id=event.case_id, shift_id=p.get("shift_id"),
        staff_id=event.actor, gesture_type=p["gesture_type"],
        description=p.get("description", ""), value_minor=int(p["value_minor"]),
        currency=p["currency"], approval_id=p.get("approval_id"), granted_at=at,
        local_day=local_day(db, at)))
    case = _case(db, event)
    if case is not None and row.value_minor > 0 and not db.info.get("refolding"):
        db.flush()
        link_repeat(db, row, case.guest_key)  # a refold links them all at the end


def _approval(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    _put(db, ApprovalRow(id=p["approval_id"], case_id=event.case_id, grant_id=p.get("grant_id"),
                         approver_id=event.actor or "", requested_by=p.get("requested_by"),
                         decision="given" if event.kind == "approval.given" else "declined",
                         reason=p.get("reason", ""), breaches=canonical_json(p.get("breaches", [])),
                         value_minor=int(p.get("value_minor", 0)), decided_at=at))


def _correction(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    _put(db, CorrectionRow(id=p["correction_id"], case_id=event.case_id, staff_id=event.actor,
                           description=p.get("description", ""),
                           value_minor=int(p["value_minor"]), currency=p["currency"], at=at))


def _note(db: Session, event: Event, at: datetime) -> None:
    _put(db, NoteRow(id=event.id, case_id=event.case_id, actor=event.actor,
                     text=str(event.payload.get("text", "")), at=at))


def _voucher_issued(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    key = (event.device_id, str(p["public_key"]))
    known = db.get(VoucherKeyRow, key)
    if known is None:
        db.add(VoucherKeyRow(device_id=key[0], public_key=key[1], first_used_at=at))
    elif at < known.first_used_at:  # an earlier issue merged late: the fold order's answer
        known.first_used_at = at
    row = db.get(VoucherRow, p["voucher_id"])
    if row is None:
        row = _new_voucher(db, p, event.device_id)
        if row is None:
            return
    # The row may already exist from a redemption merged before this issue: keep what
    # became of the voucher and fill in where it came from.
    row.case_id = event.case_id
    row.grant_id = p.get("grant_id")
    row.issued_by = event.actor


def _new_voucher(db: Session, claim: Mapping[str, Any], device_id: str) -> VoucherRow | None:
    """A voucher row from a claim (an issue, or a redemption that arrived before it)."""
    code = str(claim["code"])
    clash = db.scalar(select(VoucherRow.id).where(VoucherRow.code == code))
    if clash is not None:
        # Two desks drew the same code (about 1 in 10^12 per pair). Keep the first; the
        # second is still checked and redeemed by its QR token, which carries its own id.
        log.warning("voucher %s has the code of voucher %s; kept by token only",
                    claim["voucher_id"], clash)
        return None
    row = VoucherRow(id=str(claim["voucher_id"]), code=code, device_id=device_id,
                     value_minor=int(claim["value_minor"]), currency=str(claim["currency"]),
                     description=str(claim.get("description", "")),
                     guest_name=str(claim.get("guest_name", "")),
                     issued_at=parse_utc(str(claim["issued_at"])),
                     expires_on=str(claim["expires_on"]), token=str(claim["token"]),
                     status="issued", redeem_count=0, void_reason="", print_count=0)
    db.add(row)
    return row


def _voucher_status(row: VoucherRow) -> str:
    # A redemption outranks a void: the guest has had the value either way.
    if row.redeemed_at is not None:
        return "redeemed"
    return "voided" if row.voided_at is not None else "issued"


def _voucher_redeemed(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    row = db.get(VoucherRow, p["voucher_id"])
    if row is None and isinstance(p.get("claim"), Mapping):
        # Redeemed by its signed token before its issue reached this desk.
        claim = p["claim"]
        row = _new_voucher(db, {**claim, "token": p.get("token", "")},
                           str(claim.get("device_id", "")))
    if row is None:
        return
    row.redeem_count = (row.redeem_count or 0) + 1
    if row.redeemed_at is None:
        row.redeemed_at = at
        row.redeemed_by = event.actor
        row.redeemed_device = str(p.get("device") or event.device_id)
    row.status = _voucher_status(row)


def _voucher_voided(db: Session, event: Event, at: datetime) -> None:
    row = db.get(VoucherRow, event.payload["voucher_id"])
    if row is None or row.voided_at is not None:
        return
    row.voided_at = at
    row.voided_by = event.actor
    row.void_reason = str(event.payload.get("reason", ""))
    row.status = _voucher_status(row)


def _slip_printed(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    if p.get("kind") == "voucher":
        row = db.get(VoucherRow, p.get("voucher_id") or "")
        if row is not None:
            row.print_count = (row.print_count or 0) + 1
    elif p.get("kind") == "apology":
        case = _case(db, event)
        if case is not None:
            case.apology_prints = (case.apology_prints or 0) + 1


_HANDLERS: dict[str, Callable[[Session, Event, datetime], None]] = {
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
