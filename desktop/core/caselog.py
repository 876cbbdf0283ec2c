"""Appending to the case log and folding events into the read model, in one transaction.

``append`` is the only writer of events on this desk: it takes the next seq of this device,
links the hash chain, stores the event and applies it to the read model before the caller's
transaction commits, so the log and the read model can never disagree. ``apply`` is the fold;
``refold`` rebuilds the whole read model from the log (after a sync merge, or to repair).

The fold also keeps the review's per-day totals (``review_day``): each event that changes a
case or a grant marks the site-local days it touches, and ``settle`` (run just before every
commit) recounts those days from the rows, so the totals are always a pure function of the
rows, counted by one set of queries (``refresh_review_days``).
"""

from __future__ import annotations

import functools
import json
import logging
import typing
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    BindParameter,
    Insert,
    String,
    Table,
    and_,
    bindparam,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from db.eventlog import GENESIS_HASH, ChainFault, Event, canonical_json, seal, verify_chain
from db.models import (
    READ_MODEL_TABLES,
    ApprovalRow,
    CaseRow,
    CorrectionRow,
    EventRow,
    GrantRow,
    NoteRow,
    ReviewDayRow,
    ShiftRow,
    Site,
    VoucherKeyRow,
    VoucherRow,
    format_utc,
    parse_utc,
)
from desktop.core.playbook import STEPS, later_step, next_step
from desktop.core.policy import MAX_STAY_DAYS

log = logging.getLogger(__name__)


def append(db: Session, *, device_id: str, kind: str, at: datetime, case_id: str | None,
           actor: str | None, payload: Mapping[str, Any]) -> Event:
    """Seal and store one event of this device, and fold it into the read model."""
    last = db.execute(
        select(EventRow.seq, EventRow.hash)
        .where(EventRow.device_id == device_id)
        .order_by(EventRow.seq.desc())
        .limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    # Round-trip through canonical JSON so what is hashed is exactly what is stored.
    clean_payload = json.loads(canonical_json(dict(payload)))
    event = seal(id=str(uuid.uuid4()), device_id=device_id, seq=seq, kind=kind,
                 case_id=case_id, actor=actor, at=format_utc(at), payload=clean_payload,
                 prev_hash=prev_hash)
    store_event(db, event)
    apply(db, event)
    return event


def store_event(db: Session, event: Event, *, acked: bool = False) -> None:
    db.add(EventRow(id=event.id, device_id=event.device_id, seq=event.seq, kind=event.kind,
                    case_id=event.case_id, actor=event.actor, at=event.at,
                    payload=canonical_json(dict(event.payload)), prev_hash=event.prev_hash,
                    hash=event.hash, acked=acked))
    db.flush()


def row_to_event(row: EventRow) -> Event:
    return Event(id=row.id, device_id=row.device_id, seq=row.seq, kind=row.kind,
                 case_id=row.case_id, actor=row.actor, at=row.at,
                 payload=json.loads(row.payload), prev_hash=row.prev_hash, hash=row.hash)


def verify_log(db: Session) -> ChainFault | None:
    """Verify every device's chain in the store; the first fault found, or None."""
    devices = db.scalars(select(EventRow.device_id).distinct()).all()
    for device in devices:
        rows = db.scalars(
            select(EventRow).where(EventRow.device_id == device).order_by(EventRow.seq)
            .execution_options(yield_per=2000)
        )
        fault = verify_chain(row_to_event(row) for row in rows)
        if fault:
            return fault
    return None


def refold(db: Session) -> None:
    """Rebuild the read model from the events alone."""
    for table in READ_MODEL_TABLES:
        db.execute(delete(table))
    db.info.pop("site_zone", None)
    db.info["refolding"] = True  # one recount of every day at the end, not one per event
    try:
        for event in iter_events(db):
            apply(db, event)
        db.flush()
    finally:
        db.info.pop("refolding", None)
    db.info.pop(DIRTY_DAYS, None)
    relink_all(db)
    refresh_review_days(db, None)


def refold_touched(db: Session, merged: Collection[Event]) -> int:
    """Rebuild only what ``merged`` events (already stored) touch, in fold order.

    Out-of-order events (another desk's, pulled after it was offline) change the cases,
    vouchers and shifts they belong to, and nothing else: those are deleted and refolded from
    all of their events, which gives what a whole refold would, for a fraction of the work.
    Returns how many events were refolded.
    """
    case_ids = {e.case_id for e in merged if e.case_id}
    voucher_ids = {str(e.payload["voucher_id"]) for e in merged
                   if e.kind in VOUCHER_KINDS and e.payload.get("voucher_id")}
    shift_ids = {str(e.payload["shift_id"]) for e in merged
                 if e.kind in SHIFT_KINDS and e.payload.get("shift_id")}
    events: dict[str, Event] = {}
    while True:  # a voucher ties its case to events of other cases (or none): follow it
        voucher_ids |= set(_in(db, select(VoucherRow.id), VoucherRow.case_id, case_ids))
        found = [row_to_event(r) for r in _in(db, select(EventRow), EventRow.case_id, case_ids)]
        found += [row_to_event(r) for r in _in(
            db, select(EventRow).where(EventRow.kind.in_(VOUCHER_KINDS)),
            func.json_extract(EventRow.payload, "$.voucher_id"), voucher_ids)]
        found += [row_to_event(r) for r in _in(
            db, select(EventRow).where(EventRow.kind.in_(SHIFT_KINDS)),
            func.json_extract(EventRow.payload, "$.shift_id"), shift_ids)]
        grown = False
        for event in found:
            events.setdefault(event.id, event)
            if event.case_id and event.case_id not in case_ids:
                case_ids.add(event.case_id)
                grown = True
            voucher = event.payload.get("voucher_id") if event.kind in VOUCHER_KINDS else None
            if voucher and str(voucher) not in voucher_ids:
                voucher_ids.add(str(voucher))
                grown = True
        if not grown:
            break
    # The days these cases counted on before, as well as after, are recounted.
    if not db.info.get("refolding"):
        days: set[str] = db.info.setdefault(DIRTY_DAYS, set())
        days.update(d for d in _in(db, select(CaseRow.opened_day), CaseRow.id, case_ids) if d)
        days.update(_in(db, select(GrantRow.local_day), GrantRow.case_id, case_ids))
    for table, column, ids in ((CaseRow, CaseRow.id, case_ids),
                               (GrantRow, GrantRow.case_id, case_ids),
                               (ApprovalRow, ApprovalRow.case_id, case_ids),
                               (CorrectionRow, CorrectionRow.case_id, case_ids),
                               (NoteRow, NoteRow.case_id, case_ids),
                               (VoucherRow, VoucherRow.id, voucher_ids),
                               (ShiftRow, ShiftRow.id, shift_ids)):
        for chunk in _chunks(sorted(ids), 400):
            db.execute(delete(table).where(column.in_(chunk)))
    db.flush()
    db.expunge_all()  # the deleted rows must not linger in the session's identity map
    for event in sorted(events.values(), key=lambda e: (e.at, e.device_id, e.seq)):
        apply(db, event)
    # A gesture merged late may be the earlier one that a later gesture to the guest repeats.
    for refolded in _in(db, select(CaseRow), CaseRow.id, case_ids):
        _relink_guest(db, refolded)
    db.flush()
    return len(events)


VOUCHER_KINDS = ("voucher.issued", "voucher.redeemed", "voucher.voided", "slip.printed")
SHIFT_KINDS = ("shift.started", "shift.ended")


def _in(db: Session, query: Select[Any], column: Any, values: Collection[str]) -> list[Any]:
    """``query`` where ``column`` is one of ``values``, asked in chunks SQLite accepts."""
    found: list[Any] = []
    for chunk in _chunks(sorted(values), 400):
        found.extend(db.scalars(query.where(column.in_(chunk))))
    return found


def iter_events(db: Session) -> Iterator[Event]:
    rows = db.scalars(select(EventRow).order_by(EventRow.at, EventRow.device_id, EventRow.seq)
                      .execution_options(yield_per=2000))
    for row in rows:
        yield row_to_event(row)


# --- the fold ---------------------------------------------------------------------------------

HEADER_FIELDS = ("guest_name", "location", "outlet", "category", "severity")
STEP_FIELDS = {
    "listen": ("account",),
    "apologise": ("apology",),
    "review": ("guest_view", "good_outcome"),
    "fix": ("fix_action",),
    "followup": (),
    "document": ("root_cause", "detail"),
}


def guest_key(name: str) -> str:
    """How gestures to one guest are recognised across cases: the name, case and space folded."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def apply(db: Session, event: Event) -> None:
    handler = _HANDLERS.get(event.kind)
    if handler is not None:
        handler(db, event, parse_utc(event.at))
        db.flush()
        if event.kind in REVIEW_KINDS and event.case_id and not db.info.get("refolding"):
            _mark_case_days(db, event.case_id)


def site_zone(db: Session) -> ZoneInfo:
    """The site's time zone, looked up once per transaction (UTC before set-up)."""
    zone = db.info.get("site_zone")
    if zone is None:
        name = db.scalar(select(Site.timezone).limit(1))
        zone = db.info["site_zone"] = ZoneInfo(name or "UTC")
    return zone


def local_day(db: Session, at: datetime) -> str:
    return at.astimezone(site_zone(db)).date().isoformat()


def _case(db: Session, event: Event) -> CaseRow | None:
    return db.get(CaseRow, event.case_id) if event.case_id else None


def _shift_started(db: Session, event: Event, at: datetime) -> None:
    db.merge(ShiftRow(id=event.payload["shift_id"], staff_id=event.actor or "",
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
    db.merge(case)


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
        _relink_guest(db, case)


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
    row = db.merge(GrantRow(
        id=p["grant_id"], case_id=event.case_id, shift_id=p.get("shift_id"),
        staff_id=event.actor, gesture_type=p["gesture_type"],
        description=p.get("description", ""), value_minor=int(p["value_minor"]),
        currency=p["currency"], approval_id=p.get("approval_id"), granted_at=at,
        local_day=local_day(db, at)))
    case = _case(db, event)
    if case is not None and row.value_minor > 0 and not db.info.get("refolding"):
        db.flush()
        _link_repeat(db, row, case.guest_key)  # a refold links them all at the end


# --- one guest, gestures in several cases --------------------------------------------------

# How far back a grant looks for the same guest's earlier gesture: the longest stay window a
# policy may set. The review keeps the links within the policy's own window.
REPEAT_HORIZON = timedelta(days=MAX_STAY_DAYS)


def _link_repeat(db: Session, grant: GrantRow, key: str) -> None:
    """Point ``grant`` at the nearest earlier gesture to the same guest in another case."""
    grant.repeat_of, grant.repeat_gap = None, None
    if not key:
        return
    earlier = db.execute(
        select(GrantRow.case_id, GrantRow.granted_at)
        .join(CaseRow, CaseRow.id == GrantRow.case_id)
        .where(CaseRow.guest_key == key, GrantRow.case_id != grant.case_id,
               GrantRow.value_minor > 0, GrantRow.granted_at <= grant.granted_at,
               GrantRow.granted_at >= grant.granted_at - REPEAT_HORIZON)
        .order_by(GrantRow.granted_at.desc()).limit(1)).first()
    if earlier is not None:
        grant.repeat_of = earlier[0]
        grant.repeat_gap = int((grant.granted_at - earlier[1]).total_seconds())


def relink_all(db: Session) -> None:
    """Link every gesture as ``_link_repeat`` would, in one pass over the gestures in guest
    and time order (a refold, an upgrade): one query instead of one per gesture."""
    db.flush()
    db.execute(update(GrantRow).where(GrantRow.repeat_of.is_not(None))
               .values(repeat_of=None, repeat_gap=None))
    rows = db.execute(
        select(GrantRow.id, GrantRow.case_id, GrantRow.granted_at, CaseRow.guest_key)
        .join(CaseRow, CaseRow.id == GrantRow.case_id)
        .where(GrantRow.value_minor > 0, CaseRow.guest_key != "")
        .order_by(CaseRow.guest_key, GrantRow.granted_at))
    links: list[dict[str, Any]] = []
    guest = None
    latest: tuple[datetime, str] | None = None  # the guest's newest gesture so far
    other: tuple[datetime, str] | None = None  # the newest one in another case than that
    for grant_id, case_id, at, key in rows:
        if key != guest:
            guest, latest, other = key, None, None
        earlier = latest if latest is not None and latest[1] != case_id else other
        if earlier is not None and at - earlier[0] <= REPEAT_HORIZON:
            links.append({"id": grant_id, "repeat_of": earlier[1],
                          "repeat_gap": int((at - earlier[0]).total_seconds())})
        if latest is not None and latest[1] != case_id:
            other = latest
        latest = (at, case_id)
    for start in range(0, len(links), 5000):
        db.execute(update(GrantRow), links[start:start + 5000])


def _relink_guest(db: Session, case: CaseRow) -> None:
    """A guest's name changed: relink this case's gestures and the later ones of the guest
    it is now, which may now repeat it. Links to the old name are dropped by the review,
    which only counts a link whose two cases still share a guest."""
    grants = list(db.scalars(select(GrantRow).where(GrantRow.case_id == case.id,
                                                    GrantRow.value_minor > 0)))
    for grant in grants:
        _link_repeat(db, grant, case.guest_key)
    if grants and case.guest_key:
        first = min(g.granted_at for g in grants)
        later = db.scalars(
            select(GrantRow).join(CaseRow, CaseRow.id == GrantRow.case_id)
            .where(CaseRow.guest_key == case.guest_key, GrantRow.case_id != case.id,
                   GrantRow.value_minor > 0, GrantRow.granted_at >= first,
                   GrantRow.granted_at <= first + REPEAT_HORIZON + timedelta(days=1)))
        for grant in list(later):
            _link_repeat(db, grant, case.guest_key)


# --- per-day totals for the review -----------------------------------------------------------

# The events that can change a case's or a grant's place in the review's totals.
REVIEW_KINDS = frozenset({"case.opened", "case.updated", "followup.due", "followup.done",
                          "case.closed", "compensation.granted"})
DIRTY_DAYS = "review_dirty_days"


def _mark_case_days(db: Session, case_id: str) -> None:
    days: set[str] = db.info.setdefault(DIRTY_DAYS, set())
    opened = db.scalar(select(CaseRow.opened_day).where(CaseRow.id == case_id))
    if opened:
        days.add(opened)
    days.update(db.scalars(select(GrantRow.local_day).where(GrantRow.case_id == case_id)
                           .distinct()))


def settle(db: Session) -> None:
    """Recount the review days this transaction touched (run just before commit)."""
    days = db.info.pop(DIRTY_DAYS, None)
    if days:
        db.flush()
        refresh_review_days(db, days)


def refresh_review_days(db: Session, days: Collection[str] | None) -> None:
    """Recount ``review_day`` for these site-local days (all days for None) from the rows."""
    table = _review_day_table()
    if days is None:
        db.execute(delete(table))
        for statement in _recount_statements(False):
            db.execute(statement)
        return
    for chunk in _chunks(sorted(days), 400):
        db.execute(delete(table).where(table.c.day.in_(bindparam("days", expanding=True))),
                   {"days": chunk})
        for statement in _recount_statements(True):
            db.execute(statement, {"days": chunk})


def _review_day_table() -> Table:
    # A mapped class's __table__ is typed as any FromClause; this one is a plain Table.
    return typing.cast(Table, ReviewDayRow.__table__)


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@functools.cache
def _recount_statements(some_days: bool) -> tuple[Insert, ...]:
    """The INSERT … SELECT … GROUP BY statements that count ``review_day``; built once, so a
    commit pays only for running them (``:days`` is the list of days when ``some_days``)."""
    table = _review_day_table()
    days: BindParameter[str] = bindparam("days", expanding=True)
    grant, case_ = GrantRow.__table__.c, CaseRow.__table__.c
    joined = GrantRow.__table__.join(CaseRow.__table__, CaseRow.__table__.c.id == grant.case_id)
    staff = func.coalesce(grant.staff_id, "")

    def by_grant(dim: str, key: ColumnElement[Any]) -> Select[Any]:
        query = (select(grant.local_day, literal(dim), key, func.count(),
                        func.sum(grant.value_minor))
                 .select_from(joined).group_by(grant.local_day, key))
        return query.where(grant.local_day.in_(days)) if some_days else query

    def by_case(dim: str, key: ColumnElement[Any], *where: ColumnElement[bool]) -> Select[Any]:
        # The conditions go into the key, not the WHERE clause: SQLite has no statistics and
        # would take "status = 'closed'" for narrower than one day, walking every closed
        # case (0.7 s a commit at a million cases) instead of the day's few.
        if where:
            key = case((and_(*where), key), else_=None)
        query = (select(case_.opened_day, literal(dim), key, func.count(), literal(0))
                 .select_from(CaseRow.__table__)
                 .group_by(case_.opened_day, key).having(key.is_not(None)))
        return query.where(case_.opened_day.in_(days)) if some_days else query

    closed = case_.status == "closed"
    no_followup = case_.followup_done_at.is_(None)
    queries = [
        by_grant("gesture", grant.gesture_type),
        by_grant("category", case_.category),
        by_grant("outlet", case_.outlet),
        by_grant("staff", staff),
        by_grant("shift", staff + "|" + func.coalesce(grant.shift_id, "")),
        by_case("cases", literal("")),
        by_case("cell", cast(case_.opened_weekday, String) + ":"
                + cast(case_.opened_hour, String)),
        by_case("outcome", case((case_.outcome == "", "unknown"), else_=case_.outcome), closed),
        by_case("late", literal(""), case_.followup_due_at.is_not(None),
                case_.followup_done_at.is_not(None),
                case_.followup_done_at > case_.followup_due_at),
        by_case("missed", literal(""), closed, case_.followup_due_at.is_not(None),
                no_followup),
        by_case("no_followup", literal(""), closed, no_followup),
    ]
    return tuple(insert(table).from_select(["day", "dim", "key", "count", "spend"], query)
                 for query in queries)


def relocalise(db: Session) -> None:
    """The site's time zone changed: recompute every local day and hour, and the totals."""
    db.info.pop("site_zone", None)
    zone = site_zone(db)
    cases = db.execute(select(CaseRow.id, CaseRow.opened_at)).all()
    for chunk in range(0, len(cases), 5000):
        db.execute(update(CaseRow), [
            {"id": case_id, "opened_day": (local := at.astimezone(zone)).date().isoformat(),
             "opened_weekday": local.weekday(), "opened_hour": local.hour}
            for case_id, at in cases[chunk:chunk + 5000]])
    grants = db.execute(select(GrantRow.id, GrantRow.granted_at)).all()
    for chunk in range(0, len(grants), 5000):
        db.execute(update(GrantRow), [
            {"id": grant_id, "local_day": at.astimezone(zone).date().isoformat()}
            for grant_id, at in grants[chunk:chunk + 5000]])
    db.info.pop(DIRTY_DAYS, None)
    refresh_review_days(db, None)


def _approval(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    db.merge(ApprovalRow(id=p["approval_id"], case_id=event.case_id, grant_id=p.get("grant_id"),
                         approver_id=event.actor or "", requested_by=p.get("requested_by"),
                         decision="given" if event.kind == "approval.given" else "declined",
                         reason=p.get("reason", ""), breaches=canonical_json(p.get("breaches", [])),
                         value_minor=int(p.get("value_minor", 0)), decided_at=at))


def _correction(db: Session, event: Event, at: datetime) -> None:
    p = event.payload
    db.merge(CorrectionRow(id=p["correction_id"], case_id=event.case_id, staff_id=event.actor,
                           description=p.get("description", ""),
                           value_minor=int(p["value_minor"]), currency=p["currency"], at=at))


def _note(db: Session, event: Event, at: datetime) -> None:
    db.merge(NoteRow(id=event.id, case_id=event.case_id, actor=event.actor,
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
}


def stay_start(now: datetime, window_days: int) -> datetime:
    return now - timedelta(days=window_days)
