"""The background worker: back-off with jitter, waking, status; no real waiting."""

from __future__ import annotations

import itertools
import random
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.sync.client import SyncReport, enroll
from desktop.sync.worker import MAX_DELAY, SyncWorker, backoff_delay
from tests.headoffice.helpers import HQ
from tests.sync.helpers import assert_hq_holds_exactly, open_cases


class ScriptedSync:
    """Fails (offline) ``failures`` times, then succeeds; counts its calls."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self, _desk: Desk) -> SyncReport:
        self.calls += 1
        if self.calls <= self.failures:
            return SyncReport(errors=["Head office cannot be reached"], offline=True, pending=3)
        return SyncReport(pushed=3, acked=3, pending=0)


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    rng = random.Random(1)
    for failures in range(1, 12):
        step = min(MAX_DELAY, 5.0 * 2 ** (failures - 1))
        delay = backoff_delay(failures, rng=rng)
        assert step / 2 <= delay <= step
    assert backoff_delay(50, rng=rng) <= MAX_DELAY
    spread = {round(backoff_delay(4, rng=rng), 3) for _ in range(20)}
    assert len(spread) > 1  # jitter: desks do not retry in lockstep


def test_worker_backs_off_while_offline_then_returns_to_the_interval(
        make_eur_desk: Callable[..., Desk], clock: ManualClock) -> None:
    desk = make_eur_desk()
    sync = ScriptedSync(failures=8)
    delays: list[float] = []
    worker: SyncWorker

    def fake_wait(delay: float) -> None:
        delays.append(delay)
        clock.advance(seconds=delay)
        if len(delays) == 10:
            worker.stop()

    worker = SyncWorker(desk, sync=sync, interval=60, rng=random.Random(7), wait=fake_wait)
    worker.run()  # in this thread: it ends when fake_wait stops it

    assert sync.calls == 10
    offline = delays[:8]
    assert all(a < b for a, b in itertools.pairwise(offline[:6]))  # growing below the cap
    assert max(offline) <= MAX_DELAY and offline[-1] >= MAX_DELAY / 2  # capped
    assert delays[8:] == [60, 60]
    status = worker.status()
    assert status.online is True and status.failures == 0 and status.last_error == ""
    assert status.pending == 0
    assert status.last_success_at == clock.now() - timedelta(seconds=60)  # before the wait


def test_status_while_offline_keeps_the_last_success(make_eur_desk: Callable[..., Desk],
                                                     clock: ManualClock) -> None:
    desk = make_eur_desk()
    outcomes = iter([SyncReport(pending=0),
                     SyncReport(errors=["Head office cannot be reached"], offline=True,
                                pending=14)])
    worker = SyncWorker(desk, sync=lambda _d: next(outcomes), rng=random.Random(1))
    worker.run_round()
    synced_at = clock.now()
    clock.advance(minutes=2)
    worker.run_round()
    status = worker.status()
    assert status.online is False and status.pending == 14 and status.failures == 1
    assert status.last_success_at == synced_at and "cannot be reached" in status.last_error


def test_a_crashing_round_is_reported_not_fatal(make_eur_desk: Callable[..., Desk]) -> None:
    def broken(_desk: Desk) -> SyncReport:
        raise RuntimeError("bug")

    worker = SyncWorker(make_eur_desk(), sync=broken, rng=random.Random(1))
    delay = worker.run_round()
    assert 0 < delay <= MAX_DELAY and "RuntimeError: bug" in worker.status().last_error


def test_new_local_events_and_wake_cut_the_wait_short(
        hq: HQ, make_eur_desk: Callable[..., Desk]) -> None:
    """A real thread against a real head office: a new case is pushed without waiting out
    the hour-long interval, because appending it wakes the worker."""
    site = hq.add_site()
    desk = make_eur_desk()
    enroll(desk, hq.server.url, hq.code(site))
    rounds = threading.Semaphore(0)
    from desktop.sync.client import sync_once

    def counted(d: Desk) -> SyncReport:
        report = sync_once(d)
        rounds.release()
        return report

    worker = SyncWorker(desk, sync=counted, interval=3600, clock=lambda: datetime.now(UTC))
    worker.start()
    try:
        assert rounds.acquire(timeout=60)  # the first round, at start
        open_cases(desk, 1)  # wakes it
        deadline = 40
        while desk.ledger.state().pending and deadline:
            assert rounds.acquire(timeout=60)
            deadline -= 1
        assert desk.ledger.state().pending == 0
        worker.wake()
        assert rounds.acquire(timeout=60)
    finally:
        worker.stop()
    assert not worker.is_alive()
    assert worker.status().online is True
    assert_hq_holds_exactly(hq, desk)




def test_each_round_is_reported_to_listeners_even_past_a_broken_one(
        make_eur_desk: Callable[..., Desk]) -> None:
    desk = make_eur_desk()
    sync = ScriptedSync(failures=1)
    worker = SyncWorker(desk, sync=sync, interval=60, rng=random.Random(3))
    heard: list[SyncReport] = []

    def broken(_report: SyncReport) -> None:
        raise RuntimeError("a listener's bug")

    worker.on_round(broken)
    worker.on_round(heard.append)
    worker.run_round()
    worker.run_round()
    assert [report.ok for report in heard] == [False, True]
    assert worker.status().failures == 0 and worker.status().last_report is heard[-1]
