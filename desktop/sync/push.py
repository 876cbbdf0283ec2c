"""Pushing this desk's outbox to head office: batches read ahead while the one before is on the
wire, each sent with the chain head, acknowledged only up to what head office says it holds.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db import wire
from db.eventlog import Event
from desktop.sync.calls import HeadOffice, detail_of, json_of
from desktop.sync.errors import SyncError, SyncProblem
from desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.views import SyncState

log = logging.getLogger(__name__)

# Events per push: big enough that head office's per-request work (a transaction, a commit
# that waits for the disk) is spread thin, small enough to resend cheaply after a lost answer.
PUSH_BATCH = 2000
# Head office refuses bodies over 5 MiB (413); a batch of long notes is split before that.
MAX_PUSH_BYTES = 4 * 1024 * 1024


class _ChainHead:
    """The chain head to send with each batch: this desk's newest hash known to the round.

    The head travels with every push (an empty one is a ping), so head office holds the
    desk's latest hash outside its reach. Asking the store for it before every batch meant
    counting the whole outbox each time (``sync_state``), a sizeable share of draining a
    long one; instead: while a batch ends before the head known at the start of the round,
    that head is sent; once a batch reaches it (or, if nothing was waiting at the start, at
    once), each batch's last hash is at least as new as anything sent, so it is sent.
    """

    def __init__(self, known: str, passed: bool) -> None:
        self.known = known
        self.passed = passed

    @classmethod
    def of(cls, state: SyncState) -> _ChainHead:
        # Nothing waiting: whatever the outbox holds now was written after that head.
        return cls(state.chain_head, state.pending == 0)

    def _reaches(self, batch: Sequence[Event]) -> bool:
        return bool(batch) and (self.passed or any(e.hash == self.known for e in batch))

    def for_batch(self, batch: Sequence[Event]) -> str:
        return batch[-1].hash if self._reaches(batch) else self.known

    def held(self, batch: Sequence[Event]) -> None:
        """Head office holds ``batch``: later batches are past the head."""
        if self._reaches(batch):
            self.passed = True
            self.known = batch[-1].hash

    def after(self, batch: Sequence[Event]) -> _ChainHead:
        """A copy as it will be once head office holds ``batch`` (to prepare the next one)."""
        later = _ChainHead(self.known, self.passed)
        later.held(batch)
        return later


@dataclass(frozen=True, slots=True)
class _Batch:
    """Events to push and their request body."""

    events: list[Event]
    body: bytes
    more: bool  # more events may be waiting after these (the read was full, or cut to fit)


def _prepare(events: list[Event], asked: int, heads: _ChainHead) -> _Batch:
    """Encode ``events`` (read with limit ``asked``), halved until the body is at most
    MAX_PUSH_BYTES (one event always goes)."""
    more = len(events) >= asked > 0
    while True:
        body = wire.push_body(events, heads.for_batch(events))
        if len(body) <= MAX_PUSH_BYTES or len(events) <= 1:
            return _Batch(events, body, more)
        events, more = events[:len(events) // 2], True


class _ReadAhead:
    """Marks the last batch acknowledged and prepares the next while a push is on the wire.

    Draining a long outbox alternates between the desk (read a batch, encode it, mark the
    previous one acknowledged) and head office (check and store it). Only the network call
    has to wait for head office, so while it does, a helper thread marks what head office
    acknowledged for the batch before, and reads and encodes the batch after (the one on the
    wire is not acknowledged yet, so it is skipped). Marking stays strictly "up to what head
    office said it holds", one batch later than it could: a crash in between means a resend.
    """

    def __init__(self, desk: Desk, batch_size: int) -> None:
        self.desk = desk
        self.size = batch_size
        self.unmarked: int | None = None  # highest_seq answered, not yet marked here
        self._pool: ThreadPoolExecutor | None = None
        self._job: Future[tuple[int, _Batch]] | None = None

    def ack(self, highest: int) -> None:
        self.unmarked = highest if self.unmarked is None else max(self.unmarked, highest)

    def flush(self) -> int:
        """Mark what head office acknowledged, now; how many events changed."""
        upto, self.unmarked = self.unmarked, None
        return 0 if upto is None else self.desk.ledger.mark_acked(upto)

    def start(self, on_the_wire: list[Event], heads: _ChainHead) -> None:
        """Prepare the batch after ``on_the_wire`` while it is pushed."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="amends-sync-outbox")
        upto, self.unmarked = self.unmarked, None
        self._job = self._pool.submit(self._next, upto, on_the_wire, heads.after(on_the_wire))

    def _next(self, upto: int | None, on_the_wire: list[Event], heads: _ChainHead
              ) -> tuple[int, _Batch]:
        acked = 0 if upto is None else self.desk.ledger.mark_acked(upto)
        following = self.desk.ledger.outbox(self.size, after_seq=on_the_wire[-1].seq)
        return acked, _prepare(following, self.size, heads)

    def collect(self) -> tuple[int, _Batch | None]:
        """Wait for the helper: events it marked, and the next batch (None: not prepared)."""
        job, self._job = self._job, None
        return (0, None) if job is None else job.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)


def push(desk: Desk, session: HeadOffice, batch_size: int, report: SyncReport,
          state: SyncState) -> None:
    reopened = False
    heads = _ChainHead.of(state)
    ahead = _ReadAhead(desk, batch_size)
    try:
        # The first push may be empty: a ping that carries the chain head.
        batch = _prepare(desk.ledger.outbox(batch_size), batch_size, heads)
        while True:
            if batch.more:
                ahead.start(batch.events, heads)
            try:
                response = session.call("POST", "/events", content=batch.body,
                                        headers={"Content-Type": "application/json"})
            finally:
                marked, following = ahead.collect()
                report.acked += marked
            events = batch.events
            if response.status_code == 413 and len(events) > 1:
                # Head office takes smaller bodies than this desk sends: halve the batches.
                ahead.size = max(len(events) // 2, 1)
                batch = _prepare(events[:ahead.size], ahead.size, heads)
                continue
            report.pushed += len(events)
            if response.status_code == 409:
                refusal = wire.parse_push_refusal(json_of(response))
                highest = refusal.highest_seq
                report.acked += ahead.flush()
                if (refusal.fault_kind == "chain_gap" and highest is not None and events
                        and highest < events[0].seq - 1 and not reopened):
                    # Head office holds less than it once acknowledged (restored from a
                    # backup): the events are still here, so send them again from where it
                    # stands. Once.
                    desk.ledger.reopen_outbox(highest)
                    reopened = True
                    heads = _ChainHead.of(desk.ledger.state())  # older events go again
                    batch = _prepare(desk.ledger.outbox(ahead.size), ahead.size, heads)
                    continue
                if highest is not None:
                    # What head office holds before the fault is safely there.
                    report.acked += desk.ledger.mark_acked(highest)
                # An event that breaks its kind's schema was written by a faulty build: its
                # colleagues could not apply it, so head office keeps it out (and flags it).
                problem = (SyncProblem.REFUSED_INVALID if refusal.fault_kind == "event_schema"
                           else SyncProblem.REFUSED_EVENTS)
                raise SyncError(f"Head office refused this desk's events: {detail_of(response)}",
                                status=409, problem=problem)
            if response.status_code != 200:
                raise SyncError(f"Head office refused the push ({response.status_code}): "
                                f"{detail_of(response)}", status=response.status_code,
                                problem=SyncProblem.REFUSED_EVENTS)
            try:
                highest = wire.parse_push_answer(json_of(response))
            except wire.WireError:
                raise SyncError("Head office's answer to a push has no highest_seq.",
                                problem=SyncProblem.BAD_ANSWER) from None
            ahead.ack(highest)
            if not events:
                return
            if highest < events[-1].seq:
                # 200 means it holds the batch; anything else would loop for ever.
                raise SyncError(f"Head office holds up to seq {highest} only, after a batch "
                                f"up to {events[-1].seq}.",
                                problem=SyncProblem.REFUSED_EVENTS)
            heads.held(events)
            if following is None or not following.events:
                # Not read ahead, or nothing was waiting then: look again, after marking.
                report.acked += ahead.flush()
                following = _prepare(desk.ledger.outbox(ahead.size), ahead.size, heads)
            if not following.events:
                return
            batch = following
    finally:
        try:
            report.acked += ahead.flush()
        finally:
            ahead.close()
