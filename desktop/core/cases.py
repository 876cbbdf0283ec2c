"""Recovery cases: ``desk.cases``, from opening to closing, and the lists that show them.

Each command loads what it needs, lets the rules decide (``inputs``, ``playbook``) and
records one event or two through the desk's ``Recorder``; the fold (``caselog``) keeps the
case's row. A closed case still takes a note or a header correction, nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import ApprovalRow, CaseRow, CorrectionRow, EventRow, GrantRow, format_utc
from desktop.core import fold, guest_links
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import amount, check_header, checked_text, is_ref, text
from desktop.core.languages import language_of
from desktop.core.playbook import OUTCOMES, STEPS, missing_fields
from desktop.core.recorder import Recorder
from desktop.core.site import current_policy, site_row
from desktop.core.views import CaseHeader, CaseSummary, CaseView, GrantView, OnShift
from desktop.core.voucher_book import voucher_row

SLIP_KINDS = ("voucher", "apology")


def case_row(db: Session, case_id: str, *, allow_closed: bool = False) -> CaseRow:
    """A case that may still be worked on (or, with ``allow_closed``, any case)."""
    case = db.get(CaseRow, case_id) if is_ref(case_id) else None
    if case is None:
        raise DeskError(Refusal.UNKNOWN_CASE, case_id if is_ref(case_id) else "")
    if case.status != "open" and not allow_closed:
        raise DeskError(Refusal.CASE_CLOSED, case_id)
    return case


class CaseRoom:
    """Opening, working and closing recovery cases, and reading them back."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    # --- the recovery sequence ------------------------------------------------------------

    def open(self, on_shift: OnShift, header: CaseHeader, *,
             started_at: datetime | None = None) -> str:
        """Open a case; the header may still have gaps (the panel says what is missing)."""
        check_header(header)
        case_id = str(uuid.uuid4())
        now = self._recorder.now()
        payload: dict[str, Any] = {**header.as_dict(), "shift_id": on_shift.shift_id}
        if not header.guest_language:  # on record, so every desk prints it alike
            with self._recorder.tx() as db:
                payload["guest_language"] = language_of(site_row(db).locale)
        if started_at is not None and started_at <= now:
            payload["started_at"] = format_utc(started_at)
        with self._recorder.tx() as db:
            self._recorder.record(db, "case.opened", actor=on_shift.staff.id, case_id=case_id,
                                  payload=payload, at=now)
        return case_id

    def update_header(self, on_shift: OnShift, case_id: str, header: CaseHeader) -> bool:
        """Record the header fields that changed; False when nothing did."""
        check_header(header)
        with self._recorder.tx() as db:
            case = case_row(db, case_id, allow_closed=True)
            changed = {k: v for k, v in header.as_dict().items() if getattr(case, k) != v}
            if not changed:
                return False
            self._recorder.record(db, "case.updated", actor=on_shift.staff.id, case_id=case_id,
                                  payload=changed)
            return True

    def complete_step(self, on_shift: OnShift, case_id: str, step: str,
                      fields: dict[str, str]) -> None:
        """Record what was done at a step of the sequence (listen … fix, follow-up skipped)."""
        if step not in STEPS or step == "document":
            raise DeskError(Refusal.UNKNOWN_STEP, step)
        allowed = set(fold.STEP_FIELDS[step]) | ({"skipped"} if step == "followup" else set())
        clean = {k: text(v) for k, v in fields.items() if k in allowed}
        now = self._recorder.now()
        with self._recorder.tx() as db:
            case = case_row(db, case_id)
            self._recorder.record(db, "step.done", actor=on_shift.staff.id, case_id=case_id,
                                  payload={"step": step, **clean}, at=now)
            if step == "fix" and case.followup_due_at is None:
                due = now + timedelta(minutes=current_policy(db).follow_up_minutes)
                self._recorder.record(db, "followup.due", actor=on_shift.staff.id,
                                      case_id=case_id, payload={"due_at": format_utc(due)},
                                      at=now)

    def complete_followup(self, on_shift: OnShift, case_id: str, note: str) -> None:
        with self._recorder.tx() as db:
            case_row(db, case_id)
            self._recorder.record(db, "followup.done", actor=on_shift.staff.id, case_id=case_id,
                                  payload={"note": text(note)})

    def add_note(self, on_shift: OnShift, case_id: str, note: str) -> None:
        if not note.strip():
            raise DeskError(Refusal.NOTE_EMPTY)
        with self._recorder.tx() as db:
            case_row(db, case_id, allow_closed=True)
            self._recorder.record(db, "note.added", actor=on_shift.staff.id, case_id=case_id,
                                  payload={"text": text(note)})

    def close(self, on_shift: OnShift, case_id: str, *, root_cause: str, detail: str,
              outcome: str) -> None:
        """Document and close a case; refused while its header still has gaps."""
        if outcome not in OUTCOMES:
            raise DeskError(Refusal.UNKNOWN_OUTCOME, outcome)
        with self._recorder.tx() as db:
            case = case_row(db, case_id)
            missing = missing_fields({k: getattr(case, k) for k in fold.HEADER_FIELDS})
            if missing:
                raise DeskError(Refusal.MISSING_FIELDS, ", ".join(missing))
            if not root_cause.strip():
                raise DeskError(Refusal.MISSING_FIELDS, "root_cause")
            self._recorder.record(db, "case.closed", actor=on_shift.staff.id, case_id=case_id,
                                  payload={"root_cause": text(root_cause), "detail": text(detail),
                                           "outcome": outcome})

    def record_correction(self, on_shift: OnShift, case_id: str, description: str,
                          value_minor: int) -> None:
        """A wrong charge put right: on record, but not a gesture and no budget spent."""
        amount(value_minor, allow_zero=False)
        with self._recorder.tx() as db:
            currency = site_row(db).currency
            case_row(db, case_id)
            self._recorder.record(db, "correction.recorded", actor=on_shift.staff.id,
                                  case_id=case_id,
                                  payload={"correction_id": str(uuid.uuid4()),
                                           "description": text(description),
                                           "value_minor": value_minor, "currency": currency})

    def record_print(self, on_shift: OnShift, case_id: str,
                     kind: Literal["voucher", "apology"],
                     voucher_code: str | None = None, *,
                     letter: Mapping[str, Any] | None = None) -> int:
        """Put a print of a slip on record and return its number: 1 first, >1 a reprint.

        Call it before rendering and pass ``reprint=number > 1`` to the slip, so a copy can
        never pass for another voucher. An apology's first print passes the ``letter`` it
        carries (``desktop.core.letter.Letter.payload``), so later prints are the same.
        """
        if kind not in SLIP_KINDS:
            raise DeskError(Refusal.UNKNOWN_SLIP_KIND, str(kind))
        with self._recorder.tx() as db:
            case = case_row(db, case_id, allow_closed=True)
            payload: dict[str, Any] = {"kind": kind}
            if kind == "voucher":
                row = voucher_row(db, voucher_code or "") if is_ref(voucher_code or "") else None
                if row is None:
                    raise DeskError(Refusal.UNKNOWN_VOUCHER, voucher_code or "")
                if row.case_id != case_id:
                    raise DeskError(Refusal.VOUCHER_NOT_IN_CASE, row.code)
                number = row.print_count + 1
                payload.update(voucher_id=row.id, code=row.code)
            else:
                number = case.apology_prints + 1
                if letter is not None:
                    payload.update(letter=text(str(letter.get("letter", "")), "letter"),
                                   language=str(letter.get("language", ""))[:64],
                                   signature=str(letter.get("signature", ""))[:500],
                                   edited=bool(letter.get("edited")))
            payload["print_no"] = number
            self._recorder.record(db, "slip.printed", actor=on_shift.staff.id, case_id=case_id,
                                  payload=payload)
            return number

    # --- reading --------------------------------------------------------------------------

    def get(self, case_id: str) -> CaseView:
        with self._recorder.read() as db:
            row = case_row(db, case_id, allow_closed=True)
            grants = db.scalars(select(GrantRow).where(GrantRow.case_id == case_id)
                                .order_by(GrantRow.granted_at)).all()
            return _case_view(row, grants)

    def summaries(self, *, status: str | None = "open", search: str = "",
             limit: int = 500) -> list[CaseSummary]:
        """Cases for the list (open ones by default, follow-ups due first), searchable by
        guest name or room."""
        checked_text(search, "search")
        query = select(CaseRow)
        if status:
            query = query.where(CaseRow.status == status)
        needle = search.strip()
        if needle:
            like = f"%{_escape_like(needle)}%"
            folded = f"%{_escape_like(guest_links.guest_key(needle))}%"
            query = query.where(or_(CaseRow.guest_name.ilike(like, escape="\\"),
                                    CaseRow.location.ilike(like, escape="\\"),
                                    CaseRow.guest_key.like(folded, escape="\\")))
        query = query.order_by(CaseRow.followup_due_at.is_(None), CaseRow.followup_due_at,
                               CaseRow.opened_at.desc()).limit(limit)
        with self._recorder.read() as db:
            return [_summary(row) for row in db.scalars(query)]

    def by_id(self, case_ids: Sequence[str]) -> list[CaseSummary]:
        """These cases, in the order given (unknown ids left out): the review's lists."""
        found: dict[str, CaseSummary] = {}
        known = [case_id for case_id in case_ids if is_ref(case_id)]
        with self._recorder.read() as db:
            for start in range(0, len(known), 500):
                chunk = known[start:start + 500]
                found.update((row.id, _summary(row)) for row in db.scalars(
                    select(CaseRow).where(CaseRow.id.in_(chunk))))
        return [found[case_id] for case_id in case_ids if case_id in found]

    def followups_due(self, at: datetime | None = None) -> list[CaseSummary]:
        """Open follow-ups whose due time has come."""
        moment = at or self._recorder.now()
        with self._recorder.read() as db:
            rows = db.scalars(select(CaseRow).where(CaseRow.followup_due_at <= moment,
                                                    CaseRow.followup_done_at.is_(None),
                                                    CaseRow.status == "open")
                              .order_by(CaseRow.followup_due_at))
            return [_summary(row) for row in rows]

    def corrections(self, case_id: str) -> list[tuple[str, int]]:
        with self._recorder.read() as db:
            rows = db.scalars(select(CorrectionRow).where(CorrectionRow.case_id == case_id))
            return [(r.description, r.value_minor) for r in rows]

    def approvals(self, case_id: str) -> list[ApprovalRow]:
        with self._recorder.read() as db:
            return list(db.scalars(select(ApprovalRow).where(ApprovalRow.case_id == case_id)))

    def events(self, case_id: str) -> list[EventRow]:
        """The case's events, in the order this desk wrote them."""
        with self._recorder.read() as db:
            return list(db.scalars(select(EventRow).where(EventRow.case_id == case_id)
                                   .order_by(EventRow.seq)))


def _escape_like(needle: str) -> str:
    return needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _summary(row: CaseRow) -> CaseSummary:
    return CaseSummary(row.id, row.guest_name, row.location, row.category, row.severity,
                       row.step, row.status, row.opened_at, row.followup_due_at,
                       row.followup_done_at)


def _case_view(row: CaseRow, grants: Sequence[GrantRow]) -> CaseView:
    fields = {name: getattr(row, name) for names in fold.STEP_FIELDS.values()
              for name in names}
    fields["followup_note"] = row.followup_note
    return CaseView(
        id=row.id, status=row.status, step=row.step,
        header=CaseHeader(row.guest_name, row.location, row.outlet, row.category, row.severity,
                          row.guest_language),
        opened_at=row.opened_at, opened_by=row.opened_by, shift_id=row.shift_id, fields=fields,
        fixed_at=row.fixed_at, followup_due_at=row.followup_due_at,
        followup_done_at=row.followup_done_at, outcome=row.outcome, closed_at=row.closed_at,
        grants=tuple(GrantView(g.id, g.gesture_type, g.description, g.value_minor, g.currency,
                               g.staff_id, g.approval_id, g.granted_at) for g in grants),
    )
