"""The sync ledger: ``desk.ledger``, this desk's side of the exchange with head office.

``desktop.sync`` drives it; each method is one transaction, safe to repeat. The outbox is
this desk's events head office has not acknowledged; pulled events of the site's other desks
merge as a set, each device's chain verified from the last event held of it; head office's
policy is adopted by version. Enrolment leaves head office's address here and the token in
the keychain, never here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.eventlog import GENESIS_HASH, Event, canonical_json, verify_chain
from db.matrix import parse_matrix
from db.models import EventRow, QuarantineRow, Staff
from db.models import Policy as PolicyRow
from db.models import Setting as SettingRow
from desktop.core import caselog, playbook, quarantine, review_days
from desktop.core.inputs import zone_exists
from desktop.core.policy import Policy, parse_policy
from desktop.core.recorder import Recorder
from desktop.core.settings import (
    HQ_MATRIX,
    HQ_MATRIX_VERSION,
    HQ_NEEDS_REFOLD,
    HQ_PASSED_OVER,
    HQ_POLICY_VERSION,
    HQ_PULL_CURSOR,
    HQ_PULL_FAULT,
    HQ_REVOKED_DEVICES,
    HQ_SITE_ID,
    HQ_URL,
    Setting,
)
from desktop.core.site import site_row
from desktop.core.staff_fold import roster_time
from desktop.core.views import MergeResult, SyncState

log = logging.getLogger(__name__)

_STATE = (HQ_URL, HQ_SITE_ID, HQ_PULL_CURSOR, HQ_POLICY_VERSION, HQ_NEEDS_REFOLD, HQ_PULL_FAULT)


def _put(db: Session, setting: Setting[Any], value: Any) -> None:
    db.merge(SettingRow(key=setting.key, value=setting.dump(value)))


def _get(db: Session, setting: Setting[Any]) -> Any:
    row = db.get(SettingRow, setting.key)
    return setting.read(None if row is None else row.value)


class SyncLedger:
    """Outbox, acknowledgements, merging pulled events and adopting head office's policy."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    @property
    def _device_id(self) -> str:
        return self._recorder.device_id

    def state(self) -> SyncState:
        """Where this desk stands with head office: enrolment, outbox size, cursors."""
        with self._recorder.tx() as db:
            raw = {row.key: row.value for row in db.scalars(
                select(SettingRow).where(SettingRow.key.in_([s.key for s in _STATE])))}
            pending = db.scalar(select(func.count()).select_from(EventRow).where(
                EventRow.device_id == self._device_id, EventRow.acked.is_(False))) or 0
            head = db.scalar(select(EventRow.hash).where(EventRow.device_id == self._device_id)
                             .order_by(EventRow.seq.desc()).limit(1))
            held = db.scalar(select(func.count()).select_from(QuarantineRow)) or 0
        return SyncState(
            url=HQ_URL.read(raw.get(HQ_URL.key)), site_id=HQ_SITE_ID.read(raw.get(HQ_SITE_ID.key)),
            pending=int(pending), chain_head=head or GENESIS_HASH,
            pull_cursor=HQ_PULL_CURSOR.read(raw.get(HQ_PULL_CURSOR.key)),
            policy_version=HQ_POLICY_VERSION.read(raw.get(HQ_POLICY_VERSION.key)),
            needs_refold=HQ_NEEDS_REFOLD.read(raw.get(HQ_NEEDS_REFOLD.key)),
            pull_fault=HQ_PULL_FAULT.read(raw.get(HQ_PULL_FAULT.key)), held=int(held))

    def record_enrolment(self, *, url: str, site_id: str, site_name: str,
                         timezone: str) -> None:
        """Remember head office after a successful enrolment, adopting its site name and
        time zone (head office's values win). The token is in the keychain, never here."""
        with self._recorder.tx() as db:
            _put(db, HQ_URL, url)
            _put(db, HQ_SITE_ID, site_id)
            site = site_row(db)
            if site_name.strip():
                site.name = site_name.strip()
            if not zone_exists(timezone):
                log.warning("head office sent an unknown time zone; keeping the desk's own")
                return
            if site.timezone != timezone:
                site.timezone = timezone
                db.flush()
                review_days.relocalise(db)  # the review's days are the site's days

    def outbox(self, limit: int = 500, *, after_seq: int = 0) -> list[Event]:
        """The oldest events of this desk that head office has not acknowledged, in seq order
        (only those after ``after_seq``: the sync client reads the next batch while the one
        before it is still on its way)."""
        c = EventRow.__table__.c
        with self._recorder.tx() as db:
            # Plain tuples, not ORM objects: the outbox may be 100,000 events after an outage.
            rows = db.execute(select(c.id, c.device_id, c.seq, c.kind, c.case_id, c.actor, c.at,
                                     c.payload, c.prev_hash, c.hash)
                              .where(c.device_id == self._device_id, c.acked.is_(False),
                                     c.seq > after_seq)
                              .order_by(c.seq).limit(limit)).all()
        loads = json.loads
        return [Event(id_, device_id, seq, kind, case_id, actor, at, loads(payload), prev_hash,
                      digest)
                for id_, device_id, seq, kind, case_id, actor, at, payload, prev_hash, digest
                in rows]

    def mark_acked(self, upto_seq: int) -> int:
        """Mark this desk's events up to ``upto_seq`` as held by head office; how many changed."""
        with self._recorder.tx() as db:
            result = db.execute(update(EventRow).where(
                EventRow.device_id == self._device_id, EventRow.seq <= upto_seq,
                EventRow.acked.is_(False)).values(acked=True)
                .execution_options(synchronize_session=False))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def reopen_outbox(self, after_seq: int) -> int:
        """Mark this desk's events after ``after_seq`` as not acknowledged, to send them again.

        Only for when head office says it holds less than it once acknowledged (it was
        restored from a backup): the events are still here, so they go again.
        """
        with self._recorder.tx() as db:
            result = db.execute(update(EventRow).where(
                EventRow.device_id == self._device_id, EventRow.seq > after_seq,
                EventRow.acked.is_(True)).values(acked=False)
                .execution_options(synchronize_session=False))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def record_revoked_devices(self, device_ids: Sequence[str]) -> None:
        """Keep the list of this site's desks head office has revoked (sent with each pull).

        A voucher token signed by one of them is refused unless its voucher already arrived
        here through head office, which took that desk's events only until it was revoked.
        """
        revoked = frozenset(device_ids)
        with self._recorder.tx() as db:
            if _get(db, HQ_REVOKED_DEVICES) != revoked:
                _put(db, HQ_REVOKED_DEVICES, revoked)

    def passed_over(self) -> frozenset[str]:
        """The desks whose events head office last passed over (their chain does not verify
        there); once it sends them again, the sync client catches up on them by seq."""
        with self._recorder.tx() as db:
            return frozenset(_get(db, HQ_PASSED_OVER))

    def record_passed_over(self, device_ids: frozenset[str]) -> None:
        with self._recorder.tx() as db:
            if _get(db, HQ_PASSED_OVER) != device_ids:
                _put(db, HQ_PASSED_OVER, device_ids)

    def last_seq_of(self, device_id: str) -> int:
        """The highest seq of another desk's chain held here (0: none)."""
        with self._recorder.tx() as db:
            return db.scalar(select(func.max(EventRow.seq))
                             .where(EventRow.device_id == device_id)) or 0

    def record_head_office_deactivations(self, staff_ids: Sequence[str]) -> int:
        """Record, as this desk's own ``staff.deactivated`` events, the people head office
        retired (sent with each pull: head office cannot write into a desk's chain). Only
        those known and still active here; how many were recorded. Someone this desk has not
        met yet is recorded on a later pull, once their ``staff.added`` has arrived."""
        recorded = 0
        with self._recorder.tx() as db:
            for staff_id in sorted(set(staff_ids)):
                row = db.get(Staff, staff_id)
                if row is None or not row.active:
                    continue
                self._recorder.record(
                    db, "staff.deactivated", actor=None,
                    at=roster_time(db, [staff_id], self._recorder.now()),
                    payload={"staff_id": staff_id, "by_head_office": True})
                recorded += 1
        return recorded

    def events_of(self, device_id: str) -> list[EventRow]:
        """One device's events as this desk holds them, in seq order."""
        with self._recorder.tx() as db:
            return list(db.scalars(select(EventRow).where(EventRow.device_id == device_id)
                                   .order_by(EventRow.seq)))

    def merge_remote(self, events: Sequence[Event], next_cursor: int) -> MergeResult:
        """Store other desks' events pulled from head office, and move the pull cursor.

        Events merge as a set: one already held (same device and seq, same hash) is skipped.
        Each device's new events must continue the chain this desk holds of it
        (``verify_chain`` from its last held event); at the first fault that device's events
        from the fault on are refused, and the cursor does not move, so the fault is reported
        again on every sync until a person sorts it out. Events that all sort after every
        event held are folded in as they are; older ones refold only the cases, vouchers and
        shifts they touch (``caselog.refold_touched``), in the same transaction.
        """
        faults: list[str] = []
        merged: list[Event] = []
        with self._recorder.tx() as db:
            # The fold's order is (at, device_id, seq). Events that all sort after everything
            # held can be applied as they are, which gives what a refold would.
            tail = db.execute(select(EventRow.at, EventRow.device_id, EventRow.seq)
                              .order_by(EventRow.at.desc(), EventRow.device_id.desc(),
                                        EventRow.seq.desc()).limit(1)).first()
            by_device: dict[str, list[Event]] = {}
            for item in events:
                if item.device_id == self._device_id:
                    # Head office never sends our own; if it did, ours are the truth.
                    continue
                by_device.setdefault(item.device_id, []).append(item)
            for device_id, items in by_device.items():
                good = _continuing(db, device_id, sorted(items, key=lambda e: e.seq), faults)
                for item in good:
                    caselog.store_event(db, item, acked=True)
                merged.extend(good)
            if merged:
                merged.sort(key=lambda e: (e.at, e.device_id, e.seq))
                if tail is None or (merged[0].at, merged[0].device_id, merged[0].seq) > tuple(tail):
                    held = quarantine.held_ids(db)
                    for item in merged:
                        # One this build cannot apply is held; the rest still are.
                        quarantine.apply_or_hold(db, item, held)
                else:
                    # Older than something held: rebuild just the cases, vouchers and shifts
                    # they touch (a whole refold held the write lock for a minute at 100,000
                    # events).
                    caselog.refold_touched(db, merged)
            if faults:
                _put(db, HQ_PULL_FAULT, faults[0][:500])
            else:
                _put(db, HQ_PULL_CURSOR, next_cursor)
                _put(db, HQ_PULL_FAULT, "")
        return MergeResult(stored=len(merged), faults=tuple(faults))

    def release_held(self) -> int:
        """Apply the held events this build can apply now (after an upgrade that knows their
        kind); how many were applied. Those it still cannot apply stay held."""
        with self._recorder.tx() as db:
            rows = list(db.scalars(select(QuarantineRow)))
            events = {e.id: caselog.row_to_event(e) for e in db.scalars(
                select(EventRow).where(EventRow.id.in_([r.event_id for r in rows])))}
            ready = [row for row in rows if row.event_id in events
                     and quarantine.verdict(events[row.event_id]) is None]
            if not ready:
                return 0
            for row in ready:
                db.delete(row)
            db.flush()
            # In fold order with the events they touch; one that still fails is held again.
            caselog.refold_touched(db, [events[row.event_id] for row in ready])
            still = quarantine.held_ids(db)
            released = sum(1 for row in ready if row.event_id not in still)
        log.info("applied %d event(s) held in quarantine", released)
        return released

    def held(self) -> quarantine.Held:
        """The events of other desks held here without being applied."""
        with self._recorder.tx() as db:
            return quarantine.summary(db)

    def refold_after_merge(self) -> bool:
        """Rebuild the read model if an earlier version left merged events waiting for a
        whole refold (``hq_needs_refold``); True if it did. Merges now refold as they go."""
        with self._recorder.tx() as db:
            if not _get(db, HQ_NEEDS_REFOLD):
                return False
            caselog.refold(db)
            _put(db, HQ_NEEDS_REFOLD, False)
            return True

    def adopt_policy(self, version: int, document: dict[str, Any]) -> Policy | None:
        """Store head office's policy ``version`` if it is newer than the one it last sent.

        Head office's version number is kept; only if a manager's local edit already took
        that number here does the stored copy get the next free one, so head office's policy
        is still the one in force. None when it was not newer.
        """
        policy = parse_policy({**document, "version": version})
        with self._recorder.tx() as db:
            seen = db.get(SettingRow, HQ_POLICY_VERSION.key)
            if seen is not None and HQ_POLICY_VERSION.read(seen.value) >= version:
                return None
            site = site_row(db)
            local = db.scalar(select(func.max(PolicyRow.version))) or 0
            stored = policy if version > local else policy.with_changes(version=local + 1)
            body = {**document, **stored.to_dict()}  # keep fields this build does not know
            db.add(PolicyRow(site_id=site.id, version=stored.version,
                             body=canonical_json(body), created_at=self._recorder.now()))
            _put(db, HQ_POLICY_VERSION, version)
            return stored

    def adopt_matrix(self, version: int, document: dict[str, Any]) -> bool:
        """Keep head office's recovery matrix ``version`` if newer than the last it sent
        (``db.matrix.parse_matrix`` first: MatrixError, and nothing kept, if unusable)."""
        matrix = parse_matrix(document)
        with self._recorder.tx() as db:
            if _get(db, HQ_MATRIX_VERSION) >= version:
                return False
            _put(db, HQ_MATRIX, canonical_json(matrix))
            _put(db, HQ_MATRIX_VERSION, version)
            return True

    def recovery_matrix(self) -> dict[str, Any]:
        """The matrix in force: head office's for this site, else the shipped one."""
        with self._recorder.tx() as db:
            text = _get(db, HQ_MATRIX)
        if text:
            try:
                return parse_matrix(text)
            except ValueError:
                log.warning("the stored recovery matrix does not read; using the shipped one")
        return playbook.recovery_matrix()


def _continuing(db: Session, device_id: str, items: list[Event], faults: list[str]) -> list[Event]:
    """The new events of one device that continue the chain held of it (faults noted)."""
    held = dict(db.execute(select(EventRow.seq, EventRow.hash).where(
        EventRow.device_id == device_id, EventRow.seq.in_([e.seq for e in items]))).all())
    fresh = []
    for item in items:
        if item.seq in held:
            if held[item.seq] != item.hash:
                faults.append(f"device {device_id} seq {item.seq}: head office "
                              "sent a different event than the one held here")
                return []
            continue
        fresh.append(item)
    if not fresh:
        return []
    last = db.execute(select(EventRow.seq, EventRow.hash)
                      .where(EventRow.device_id == device_id, EventRow.seq < fresh[0].seq)
                      .order_by(EventRow.seq.desc()).limit(1)).first()
    start_seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    fault = verify_chain(fresh, start_seq=start_seq, start_prev_hash=prev)
    good = fresh if fault is None else [e for e in fresh if e.seq < fault.seq]
    if fault is not None:
        faults.append(fault.describe())
    taken = set(db.scalars(select(EventRow.id).where(EventRow.id.in_([e.id for e in good]))))
    if taken:
        first = next(i for i, e in enumerate(good) if e.id in taken)
        faults.append(f"event id {good[first].id} of device {device_id} is already "
                      "used by another event here")
        good = good[:first]  # keep the chain contiguous: nothing from the first clash on
    return good
