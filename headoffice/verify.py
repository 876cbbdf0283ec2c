"""Head office checks what it holds: every desk's chain, and the chain head each desk reported.

The events of each desk are read back in seq order and checked with ``db.eventlog.verify_chain``
(the one hash definition): seqs 1..``last_seq`` without a gap, each event linked to the one
before, each event's content matching its hash. A chain edited in the database (a payload
changed, a row deleted) fails here. The head a desk last reported (``Device.last_chain_hash``,
sent with every push) must be the hash of an event held: a tail rewritten with fresh hashes
verifies on its own but no longer holds the desk's head.

What does not verify is flagged (``headoffice.flags``) and kept as a ``ChainFault`` row; while
that stands, pulls pass over the desk's events from the broken seq on and say so
(``headoffice.pull``). A chain that verifies again (restored from a backup) loses its row.

``amends-headoffice verify`` runs it once; the service runs it at start and on a schedule
(``headoffice.schedule``). Each desk is checked in its own short transaction, so pushes wait
at most for one desk's read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from db.eventlog import ChainFault as Fault
from db.eventlog import Event, verify_chain
from headoffice.flags import add_flag
from headoffice.models import ChainFault, Device, EventRow
from headoffice.store import transaction

# A desk pushing a long outbox reports a head it has not sent yet; give it this long.
HEAD_GRACE = timedelta(minutes=15)
READ_BATCH = 1000


@dataclass(slots=True)
class Finding:
    """One thing that does not verify, in English for the terminal, the flag and the page."""

    site_id: str
    device_id: str
    kind: str  # "held_chain_broken" or "chain_head_not_held"
    detail: str


@dataclass(slots=True)
class VerifyReport:
    devices: int = 0
    events: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def summary(self) -> str:
        verdict = "all verify" if self.ok else f"{len(self.findings)} do not verify"
        return f"{self.devices} desk chain(s), {self.events} event(s) checked: {verdict}"


def _held_events(db: Session, device_id: str) -> Iterator[Event]:
    """One desk's held events in seq order, as they were hashed, a batch of rows at a time."""
    rows = db.scalars(select(EventRow).where(EventRow.device_id == device_id)
                      .order_by(EventRow.seq).execution_options(yield_per=READ_BATCH))
    for row in rows:
        try:
            payload = json.loads(row.payload)
        except ValueError:
            payload = {"unreadable payload": row.payload}  # cannot match its hash
        if not isinstance(payload, dict):
            payload = {"not an object": payload}
        yield Event(row.event_id, row.device_id, row.seq, row.kind, row.case_id, row.actor,
                    row.at, payload, row.prev_hash, row.hash)


def check_device(db: Session, device: Device, now: datetime) -> tuple[int, list[Finding]]:
    """Verify one desk's held chain and its reported head: events read, and what fails."""
    findings: list[Finding] = []
    counted = 0
    hashes: set[str] = set()
    last_seq = 0

    def counting() -> Iterator[Event]:
        nonlocal counted, last_seq
        for event in _held_events(db, device.id):
            counted += 1
            last_seq = event.seq
            hashes.add(event.hash)
            yield event

    fault = verify_chain(counting())
    if fault is None and last_seq != device.last_seq:
        fault = Fault(device.id, last_seq + 1, None,
                      f"missing: head office recorded seqs 1..{device.last_seq}, holds "
                      f"1..{last_seq}")
    who = f"desk {device.name} ({device.id})"
    if fault is not None:
        findings.append(Finding(device.site_id, device.id, "held_chain_broken",
                                f"{who}: the chain held here does not verify: "
                                f"{fault.describe()}"))
        _record_fault(db, device, fault, now)
    else:
        db.execute(delete(ChainFault).where(ChainFault.device_id == device.id))
        head = device.last_chain_hash
        recent = device.last_sync_at is not None and now - device.last_sync_at < HEAD_GRACE
        if head is not None and counted and head not in hashes and not recent:
            findings.append(Finding(
                device.site_id, device.id, "chain_head_not_held",
                f"{who}: the chain head it last reported ({head[:12]}…) is not among the "
                "events held here: the held chain was rewritten, or the desk "
                "has not pushed since; its next sync tells which"))
    for finding in findings:
        add_flag(db, site_id=finding.site_id, device_id=finding.device_id, kind=finding.kind,
                 detail=finding.detail, now=now)
    return counted, findings


def _record_fault(db: Session, device: Device, fault: Fault, now: datetime) -> None:
    row = db.get(ChainFault, device.id)
    if row is None:
        db.add(ChainFault(device_id=device.id, site_id=device.site_id, seq=fault.seq,
                          event_id=fault.event_id, problem=fault.describe(), found_at=now))
    elif (row.seq, row.problem) != (fault.seq, fault.describe()):
        row.seq, row.event_id, row.problem, row.found_at = (fault.seq, fault.event_id,
                                                            fault.describe(), now)


def verify_all(factory: sessionmaker[Session], now: datetime) -> VerifyReport:
    """Check every desk's chain (revoked ones too: what they sent is still held)."""
    report = VerifyReport()
    with transaction(factory) as db:
        device_ids = list(db.scalars(select(Device.id).order_by(Device.site_id, Device.id)))
    for device_id in device_ids:
        with transaction(factory) as db:
            device = db.get(Device, device_id)
            if device is None:
                continue
            counted, findings = check_device(db, device, now)
        report.devices += 1
        report.events += counted
        report.findings.extend(findings)
    return report


def standing_faults(db: Session, site_id: str) -> list[ChainFault]:
    """The site's desks whose held chain does not verify, oldest finding first."""
    return list(db.scalars(select(ChainFault).where(ChainFault.site_id == site_id)
                           .order_by(ChainFault.found_at, ChainFault.device_id)))


def note_fault(db: Session, device_id: str, fault: Fault, now: datetime) -> None:
    """Record a fault found outside a full check (a pull met an event that fails its hash)."""
    device = db.get(Device, device_id)
    if device is None:
        return
    _record_fault(db, device, fault, now)
    add_flag(db, site_id=device.site_id, device_id=device.id, kind="held_chain_broken",
             detail=f"desk {device.name} ({device.id}): the chain held here does not "
                    f"verify: {fault.describe()}", now=now)
