"""The whole case log: the doctor's chain check, the Gestures tab's pages, a whole refold.

    .venv/bin/python -m bench.log --cases 1000000 --data-dir /tmp/amends-1m
    .venv/bin/python -m bench.log --cases 20000 --refold

The store is seeded once (as ``amends seed-demo``) and reused when --data-dir holds one. It
prints events verified a second by ``amends doctor``'s check (every core) and a CPU-second (its
workers' and its own: on a shared machine the wall figure says little), the wall and CPU time
of each page of the review's gestures for the last 12 months read the way the Gestures tab
reads them (200 rows a page, page after page) up to and past row 200,000, and, with --refold,
events folded a second by a whole refold (which rewrites the read model: run it on a store you
can spare).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

PAGE = 200  # desktop.ui.review_screen.GrantsModel.PAGE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--row", type=int, default=200_000, help="page through to this row")
    parser.add_argument("--refold", action="store_true", help="also time a whole refold")
    parser.add_argument("--no-chain", action="store_true",
                        help="skip the whole-chain check (seed-demo has just run it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp) / "desk"
        if not (data_dir / "amends.sqlite3").exists():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir),
                            "seed-demo", "--cases", str(args.cases)], check=True)
            print(f"seeded {args.cases} cases in {time.perf_counter() - start:.0f} s")
        run(data_dir, args.row, refold=args.refold, chain=not args.no_chain)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def run(data_dir: Path, row: int, *, refold: bool, chain: bool = True) -> None:
    from desktop.core.chain import verify_all
    from desktop.core.desk import Desk
    from desktop.core.paths import DB_FILE

    if chain:
        processes = min(os.cpu_count() or 1, 8)
        start, cpu = time.perf_counter(), _cpu_with_children()
        result = verify_all(data_dir / DB_FILE, processes=processes)
        took, cpu = time.perf_counter() - start, _cpu_with_children() - cpu
        print(f"whole chain ({processes} processes): {result.verified:,} events in {took:.1f} s, "
              f"{result.verified / took:,.0f} events/s (goal at least 500,000), "
              f"{result.verified / cpu:,.0f} a CPU-second (this process and its workers, "
              f"{cpu:.1f} s); fault: {result.fault}")
    desk = Desk.open(data_dir)
    try:
        today = desk.site.local_time(desk.now()).date()
        grants = desk.review(today - timedelta(days=364), today).grants
        times: list[float] = []
        cpus: list[float] = []
        at = 0
        last = min(len(grants), row + PAGE)
        while at < last:
            begin, cpu = time.perf_counter(), time.process_time()
            page = grants[at:at + PAGE]
            times.append(time.perf_counter() - begin)
            cpus.append(time.process_time() - cpu)
            at += len(page) or PAGE
        index = min(row // PAGE, len(times) - 1)
        print(f"Gestures tab, last 12 months ({len(grants):,} gestures): {len(times)} pages of "
              f"{PAGE}; median {statistics.median(times) * 1000:.1f} ms, slowest "
              f"{max(times) * 1000:.1f} ms, the page at row {index * PAGE:,} "
              f"{times[index] * 1000:.1f} ms (goal at most 50 ms); CPU a page: median "
              f"{statistics.median(cpus) * 1000:.1f} ms, the page at row {index * PAGE:,} "
              f"{cpus[index] * 1000:.1f} ms")
        if refold:
            events = desk.event_count()
            begin, cpu = time.perf_counter(), time.process_time()
            desk.refold()
            took, cpu = time.perf_counter() - begin, time.process_time() - cpu
            print(f"whole refold: {events:,} events in {took:.1f} s, {events / took:,.0f} "
                  f"events/s, {events / cpu:,.0f} a CPU-second (goal at least 20,000)")
    finally:
        desk.close()


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its children that have ended (the check's
    workers, once its pool is shut down): on a shared machine, wall time says little."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
