"""Other desks' events this desk cannot apply: held in quarantine, never a stalled site.

A pulled event that verifies in its desk's chain is always stored (the chain stays whole, so
that desk's later events still verify), but it is folded only if this build can apply it:
its kind is one this build knows (``db.event_schema``), its payload fits that kind's schema,
and the fold does not fail on it (each fold runs in a savepoint, so a failure undoes only
that event's changes). Otherwise a ``quarantine`` row says that the fold skips it, and why;
everything else is applied and pulling goes on. ``SyncLedger.release_held`` tries them again
(on start: an upgrade may know their kind now).
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.event_schema import is_known, problem
from db.eventlog import Event
from db.models import QuarantineRow
from desktop.core.fold import apply

log = logging.getLogger(__name__)

UNKNOWN_KIND = "unknown_kind"  # a kind from a newer build: applied after an upgrade
SCHEMA = "schema"  # the payload breaks its kind's schema
FOLD = "fold"  # folding it failed
MAX_DETAIL = 500


@dataclass(frozen=True, slots=True)
class Held:
    """How many events are held, in all and by reason (``UNKNOWN_KIND``, ``SCHEMA``,
    ``FOLD``), and the first reason of each, for the doctor and the status bar."""

    count: int
    by_reason: dict[str, int]
    examples: dict[str, str]

    def describe(self) -> str:
        """English, for the doctor and the log."""
        parts = []
        for why, count in sorted(self.by_reason.items()):
            what = {UNKNOWN_KIND: "of a kind this version does not know (upgrade this desk)",
                    SCHEMA: "that break their kind's schema",
                    FOLD: "that could not be applied"}.get(why, why)
            parts.append(f"{count} {what}, e.g. {self.examples[why]}")
        return "; ".join(parts)


def verdict(event: Event) -> tuple[str, str] | None:
    """Why this build cannot apply ``event`` without trying it: (reason, detail), or None."""
    found = problem(event.kind, event.case_id, event.payload)
    if found is None:
        return None
    return (UNKNOWN_KIND if not is_known(event.kind) else SCHEMA), found


def held_ids(db: Session) -> set[str]:
    return set(db.scalars(select(QuarantineRow.event_id)))


def hold(db: Session, event: Event, why: str, detail: str) -> None:
    log.warning("holding event %s (device %s, seq %s, %s) in quarantine: %s", event.id,
                event.device_id, event.seq, event.kind, detail)
    db.merge(QuarantineRow(event_id=event.id, device_id=event.device_id, seq=event.seq,
                           kind=event.kind[:64], why=why, detail=detail[:MAX_DETAIL]))


def apply_or_hold(db: Session, event: Event, held: Collection[str]) -> bool:
    """Fold ``event`` if this build can, else hold it; whether it was applied. An event in
    ``held`` (already in quarantine) is skipped."""
    if event.id in held:
        return False
    found = verdict(event)
    if found is None:
        try:
            with db.begin_nested():
                apply(db, event)
            return True
        except Exception as error:  # any failure of the fold: only this event is undone
            log.exception("folding event %s failed", event.id)
            found = FOLD, fold_failure(error)
    hold(db, event, *found)
    return False


def fold_failure(error: Exception) -> str:
    """What went wrong, without the values involved: the detail is shown by the doctor, whose
    report promises no guest details (the log has the whole traceback)."""
    from sqlalchemy.exc import StatementError

    if isinstance(error, KeyError) and error.args:
        return f"KeyError: missing {str(error.args[0])[:64]!r}"
    if isinstance(error, StatementError) and error.orig is not None:
        # The database's own message names the table and column; the SQL and its values
        # (guest text) follow on the next lines.
        first = str(error.orig).splitlines()[0] if str(error.orig) else ""
        return f"{type(error.orig).__name__}: {first[:120]}"
    return type(error).__name__


def summary(db: Session) -> Held:
    rows = db.execute(select(QuarantineRow.why, func.count(), func.min(QuarantineRow.detail))
                      .group_by(QuarantineRow.why)).all()
    by_reason = {why: int(count) for why, count, _ in rows}
    return Held(sum(by_reason.values()), by_reason, {why: str(ex) for why, _, ex in rows})

