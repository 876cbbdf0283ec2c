"""Sync through a loopback proxy that drops, resets and truncates connections at random."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from db.eventlog import verify_chain
from desktop.core.caselog import row_to_event
from desktop.core.desk import Desk
from desktop.core.settings import HQ_URL
from desktop.sync.client import enroll, sync_once
from tests.headoffice.helpers import HQ
from tests.sync.chaos import ChaosProxy
from tests.sync.helpers import assert_hq_holds_exactly, local_chain, open_cases

MAX_ROUNDS = 400  # bounds the test; the proxy stops breaking things after max_faults


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_flaky_network_still_delivers_every_event_exactly_once(
        hq: HQ, make_eur_desk: Callable[..., Desk], seed: int) -> None:
    site = hq.add_site()
    desk1, desk2 = make_eur_desk("desk1"), make_eur_desk("desk2")
    for desk in (desk1, desk2):
        enroll(desk, hq.server.url, hq.code(site))
    open_cases(desk1, 12)
    proxy = ChaosProxy(hq.server.port, seed=seed, fault_rate=0.8, max_faults=40)
    try:
        for desk in (desk1, desk2):
            desk.settings.set(HQ_URL, proxy.url)
        failures = 0
        for _ in range(MAX_ROUNDS):
            report = sync_once(desk1, batch_size=5)
            if report.ok and report.pending == 0:
                break
            failures += 1
        else:
            pytest.fail(f"desk 1 never finished: {proxy.fates}")
        for _ in range(MAX_ROUNDS):
            report = sync_once(desk2, batch_size=5)
            if report.ok:
                break
            failures += 1
        else:
            pytest.fail(f"desk 2 never finished: {proxy.fates}")
    finally:
        proxy.close()

    assert proxy.faults > 0 and failures > 0  # the proxy really did break things
    assert_hq_holds_exactly(hq, desk1)
    # Desk 2 holds desk 1's chain once, identical and verified, and shows its cases.
    held = [(r.seq, r.hash) for r in desk2.ledger.events_of(desk1.device_id)]
    assert held == local_chain(desk1)
    assert verify_chain(row_to_event(r) for r in desk2.ledger.events_of(desk1.device_id)) is None
    assert {c.id for c in desk2.cases.summaries()} == {c.id for c in desk1.cases.summaries()}
