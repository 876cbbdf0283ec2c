"""Merging another desk's older events into a large store: the narrow refold beside a whole one.

    .venv/bin/python -m bench.merge --cases 15000

A desk holds ``--cases`` seeded cases (about 7 events each); a second desk that was offline
sends cases it worked earlier than this desk's newest event, so they arrive out of order and
``merge_remote`` refolds what they touch. The whole refold it replaced is timed beside it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from desktop.core.clock import ManualClock
from desktop.core.demo import create_demo_site
from desktop.core.desk import Desk
from desktop.core.seed import seed_history
from desktop.core.views import CaseHeader, GestureProposal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=15_000)
    parser.add_argument("--remote-cases", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        clock = ManualClock()
        here = Desk.open(Path(folder) / "here", clock, verify=False)
        create_demo_site(here)
        there = Desk.open(Path(folder) / "there", clock, verify=False)
        create_demo_site(there)
        # The offline desk works first (earlier times), then this desk's history is added.
        maya = next(m for m in there.staff.roster() if m.name.startswith("Maya"))
        on_shift = there.shifts.sign_in(maya.id, "1234").on_shift
        assert on_shift is not None
        for n in range(args.remote_cases):
            case_id = there.cases.open(on_shift, CaseHeader(f"Guest {n}", "Room 1"))
            there.grants.grant(on_shift, case_id, GestureProposal("comp", "Dessert", 900))
            clock.advance(minutes=3)
        clock.advance(hours=1)
        seed_history(here, args.cases, years=0.5)
        held = here.event_count()
        remote = there.ledger.outbox(100_000)
        start = time.perf_counter()
        result = here.ledger.merge_remote(remote, 1)
        merged = time.perf_counter() - start
        start = time.perf_counter()
        here.refold()
        whole = time.perf_counter() - start
        print(f"merged {result.stored} older events into {held} held: {merged * 1000:.0f} ms "
              f"(a whole refold of the log: {whole * 1000:.0f} ms)")
        here.close()
        there.close()


if __name__ == "__main__":
    main()
