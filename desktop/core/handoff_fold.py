"""How hand-off events change the read model: the ``handoff`` rows (see ``handoffs``).

Kept apart from ``handoffs`` so the fold can import it without the rooms.
"""

from __future__ import annotations

from datetime import datetime

from db.eventlog import Event
from db.models import CaseRow, HandoffRow
from desktop.core.fold_rows import FoldRows

__all__ = ["done", "handed_off"]


def handed_off(rows: FoldRows, event: Event, at: datetime) -> None:
    p = event.payload
    row = rows.get(HandoffRow, str(p["handoff_id"]))
    if row is None:
        row = rows.add(HandoffRow, id=str(p["handoff_id"]), done_note="")
    row.case_id = event.case_id or ""
    row.by_id = event.actor
    row.to_kind = str(p.get("to_kind", "department"))
    row.to_id = str(p.get("to_id", ""))
    row.to_name = str(p.get("to_name", ""))
    row.note = str(p.get("note", ""))
    row.at = at
    case = rows.get(CaseRow, event.case_id) if event.case_id else None
    if case is not None:
        case.updated_at = max(case.updated_at, at)


def done(rows: FoldRows, event: Event, at: datetime) -> None:
    row = rows.get(HandoffRow, str(event.payload.get("handoff_id", "")))
    # Two desks may both mark it done: the earlier one counts.
    if row is None or (row.done_at is not None and row.done_at <= at):
        return
    row.done_at = at
    row.done_by = event.actor
    row.done_note = str(event.payload.get("note", ""))
