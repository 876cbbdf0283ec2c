"""Benchmark: a desk's outbox draining to head office, beside a plain bulk insert of the rows.

Run from the repository root::

    .venv/bin/python -m bench.sync [--events 100000] [--batch 2000] [--rounds 3]
                                   [--desks 200 --per-desk 50 --processes 4]
                                   [--hq-db URL] [--hq-workers N]

Head office is the real service in its own process (``python -m headoffice serve``, uvicorn on a
free 127.0.0.1 port), on an SQLite file in a temp dir unless ``--hq-db`` names another database
(e.g. an empty PostgreSQL one; the bench adds sites and events to it). Desks are real desk
stores in the temp dir, synced by the real client (``sync_once``); the keychain is an
in-memory one (nothing touches the user's).

1. One desk with ``--events`` unsynced events drains its outbox (``sync_once`` with batches
   of ``--batch``). The baseline inserts the very same event rows (as another device, so the
   unique keys do not clash) straight into the same head-office database, in the same run, with
   the same multi-row INSERT head office uses, in transactions of ``--batch`` rows: what is
   left is what HTTP, JSON, checks and hashing, and the desk's reading and acknowledging cost.
   Each side's rows are deleted again after it, so both fill the same, equally empty tables
   (whichever ran second would otherwise pay for bigger indexes). ``--rounds`` repeats the
   pair, alternating which goes first, and the figure is the median ratio: on a shared
   machine one pair alone swings by a fifth either way. Between rounds head office forgets
   the desk's events and the desk marks them unsent, as after a restore from an empty backup.
2. ``--desks N`` desks, spread over ``--processes`` client processes (each desk a thread in
   its process, ``--desks-per-site`` desks per site, so each also pulls and folds its site's
   other desks' events), push ``--per-desk`` events each, all at once. Afterwards head office
   must hold every desk's chain exactly as the desk has it: each event once, none missing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import keyring
from keyring.backend import KeyringBackend
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from db.eventlog import GENESIS_HASH, Event, canonical_json, seal
from db.models import EventRow as DeskEventRow
from desktop.core.caselog import row_to_event
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.sync.client import enroll, sync_once
from headoffice import admin
from headoffice.models import Device, Site
from headoffice.models import EventRow as HQEventRow
from headoffice.rows import event_values
from headoffice.store import open_database, safe_url, session_factory, transaction

START = datetime(2026, 11, 18, 8, 0, tzinfo=UTC)


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class HeadOffice:
    """``python -m headoffice --db URL serve`` in a process of its own, on a free port."""

    def __init__(self, db_url: str, log: Path, workers: int = 1) -> None:
        with socket.socket() as probe:  # a free port (released again for the server)
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "headoffice", "--db", db_url, "serve",
                 "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
                stdout=out, stderr=subprocess.STDOUT)
        for _ in range(600):  # bounds a hang; the figure is not timed from here
            if self.process.poll() is not None:
                raise RuntimeError(f"head office did not start:\n{log.read_text()}")
            try:
                httpx.get(f"{self.url}/api/v1/policy", timeout=1)  # 401: it is up
                return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"head office did not answer:\n{log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def chain(device_id: str, n: int, after: int = 0,
          prev: str = GENESIS_HASH) -> Iterator[dict[str, Any]]:
    """``n`` sealed events of one device as desk rows (unacknowledged), after seq ``after``
    whose hash is ``prev`` (a new site's desk has already recorded its first manager)."""
    case_id = str(uuid.uuid4())
    for seq in range(after + 1, after + n + 1):
        at = START.timestamp() + seq
        event = seal(id=str(uuid.uuid4()), device_id=device_id, seq=seq, kind="note.added",
                     case_id=case_id, actor=str(uuid.uuid4()),
                     at=datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                     payload={"text": f"Guest asked about the late checkout, note {seq}"},
                     prev_hash=prev)
        prev = event.hash
        row = event.to_wire()
        row["payload"] = canonical_json(row["payload"])
        row["acked"] = False
        yield row


def new_desk(path: Path, n: int) -> Desk:
    desk = Desk.open(path, ManualClock(START), verify=False)
    desk.site.create(name="Bench Hotel", kind="hotel", currency="EUR",
                     timezone="Europe/Paris", locale="en_GB", manager_name="Bench Manager",
                     manager_pin="1357")
    written = desk.ledger.events_of(desk.device_id)
    last = written[-1].hash if written else GENESIS_HASH
    rows = list(chain(desk.device_id, n, len(written), last))
    with desk.engine.begin() as connection:
        for start in range(0, len(rows), 5000):
            connection.execute(insert(DeskEventRow), rows[start:start + 5000])
    return desk


def new_code(factory: sessionmaker[Session], site_id: str) -> str:
    with transaction(factory) as db:
        return admin.issue_code(db, site_id, now=datetime.now(UTC)).code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of bulk insert and sync, alternating which goes first")
    parser.add_argument("--batch", type=int, default=2000,
                        help="events per push, and rows per transaction of the baseline")
    parser.add_argument("--desks", type=int, default=0, help="desks pushing at once")
    parser.add_argument("--per-desk", type=int, default=50)
    parser.add_argument("--desks-per-site", type=int, default=4)
    parser.add_argument("--processes", type=int, default=max(2, os.cpu_count() or 1),
                        help="client processes the desks are spread over")
    parser.add_argument("--hq-db", metavar="URL",
                        help="head office's database (default: SQLite in a temp dir)")
    parser.add_argument("--hq-workers", type=int, default=1,
                        help="head office's uvicorn worker processes")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())

    with tempfile.TemporaryDirectory(prefix="amends-bench-") as tmp:
        root = Path(tmp)
        db_url = args.hq_db or f"sqlite:///{root / 'headoffice.sqlite3'}"
        engine = open_database(db_url)
        factory = session_factory(engine)
        server = HeadOffice(db_url, root / "headoffice.log", workers=args.hq_workers)
        print(f"head office: {safe_url(db_url)}, {args.hq_workers} worker process(es), "
              f"{server.url}")
        try:
            if args.events:
                one_desk(args, root, server.url, factory)
            if args.desks:
                many_desks(args, root, server.url, factory)
        finally:
            server.stop()
            engine.dispose()


def one_desk(args: argparse.Namespace, root: Path, url: str,
             factory: sessionmaker[Session]) -> None:
    with transaction(factory) as db:
        site_id = admin.add_site(db, name=f"Bench Hotel {uuid.uuid4().hex[:6]}",
                                 currency="EUR", timezone="Europe/Paris", now=START).id
    made = time.perf_counter()
    desk = new_desk(root / "desk", args.events)
    print(f"desk with {args.events} unsynced events made in "
          f"{time.perf_counter() - made:.1f} s")
    enroll(desk, url, new_code(factory, site_id), "Bench desk")
    copies = BaselineRows.of(desk, factory)
    ratios: list[float] = []
    for round_ in range(1, args.rounds + 1):
        # Alternate which goes first, so a slow spell of this shared machine does not always
        # fall on the same side; both start from the same, equally empty table.
        if round_ % 2:
            bulk_rate = copies.insert(args.batch, factory)
            sync_rate = drain(args, desk, factory, again=round_ < args.rounds)
        else:
            sync_rate = drain(args, desk, factory, again=round_ < args.rounds)
            bulk_rate = copies.insert(args.batch, factory)
        ratios.append(sync_rate / bulk_rate)
        print(f"round {round_}: sync {sync_rate:,.0f} events/s, bulk insert {bulk_rate:,.0f} "
              f"rows/s: sync runs at {ratios[-1]:.0%} of the bare insert's rate")
    copies.remove(factory)
    print(f"sync runs at {statistics.median(ratios):.0%} of the bare insert's rate (median of "
          f"{len(ratios)} rounds, {min(ratios):.0%}-{max(ratios):.0%}; costs "
          f"{1 / statistics.median(ratios):.1f}x)")
    desk.close()


def drain(args: argparse.Namespace, desk: Desk, factory: sessionmaker[Session], *,
          again: bool) -> float:
    """Sync the desk's whole outbox once, check head office holds it exactly; events per second.

    With ``again``, head office then forgets the events and the desk marks them unsent, as
    after head office is restored from an empty backup, so the next round sends them anew.
    """
    outbox = len(desk.ledger.outbox(10**9))  # the bench's events and the site's first manager
    began = time.perf_counter()
    report = sync_once(desk, batch_size=args.batch)
    took = time.perf_counter() - began
    assert report.ok, report.errors
    assert report.acked == outbox and report.pending == 0, report
    with transaction(factory) as db:
        held = db.execute(select(HQEventRow.seq, HQEventRow.hash)
                          .where(HQEventRow.device_id == desk.device_id)
                          .order_by(HQEventRow.seq)).all()
    mine = [(row.seq, row.hash) for row in desk.ledger.events_of(desk.device_id)]
    assert [tuple(row) for row in held] == mine, "head office does not hold the desk's chain"
    rate = args.events / took
    print(f"sync:        {args.events} events in {took:.2f} s = {rate:,.0f} events/s "
          f"(batches of {args.batch}: pushed, verified, stored, acknowledged; held once each)")
    if again:
        with transaction(factory) as db:
            db.execute(delete(HQEventRow).where(HQEventRow.device_id == desk.device_id))
            db.execute(update(Device).where(Device.id == desk.device_id)
                       .values(last_seq=0, last_chain_hash=None))
        desk.ledger.reopen_outbox(0)
    return rate


@dataclass
class BaselineRows:
    """The desk's event rows as head office stores them, as another device of another site
    (so the unique keys do not clash and no desk ever pulls these copies)."""

    device_id: str
    site_id: str
    rows: list[dict[str, Any]]

    @classmethod
    def of(cls, desk: Desk, factory: sessionmaker[Session]) -> BaselineRows:
        other = str(uuid.uuid4())
        source = [row_to_event(r) for r in desk.ledger.events_of(desk.device_id)]
        with transaction(factory) as db:
            site = admin.add_site(db, name=f"Baseline {other[:8]}", currency="EUR",
                                  timezone="Europe/Paris", now=START)
            db.add(Device(id=other, site_id=site.id, name="baseline",
                          token_hash=other + "-" * 28, enrolled_at=START, last_seq=0))
            site_id = site.id
        now = datetime.now(UTC)
        rows = [event_values(Event.from_wire(event.to_wire() | {"id": str(uuid.uuid4()),
                                                                "device_id": other}),
                             site_id, now) for event in source]
        return cls(other, site_id, rows)

    def insert(self, batch: int, factory: sessionmaker[Session]) -> float:
        """Insert the rows with head office's INSERT, ``batch`` per transaction, then delete
        them again; rows per second."""
        table = HQEventRow.__table__
        began = time.perf_counter()
        for start in range(0, len(self.rows), batch):
            with transaction(factory) as db:
                db.execute(insert(table), self.rows[start:start + batch])
        took = time.perf_counter() - began
        rate = len(self.rows) / took
        print(f"bulk insert: {len(self.rows)} rows in {took:.2f} s = {rate:,.0f} rows/s (same "
              f"rows, same database, {batch} per transaction; no HTTP, no checks)")
        with transaction(factory) as db:
            db.execute(delete(HQEventRow).where(HQEventRow.device_id == self.device_id))
        return rate

    def remove(self, factory: sessionmaker[Session]) -> None:
        with transaction(factory) as db:
            db.execute(delete(Device).where(Device.id == self.device_id))
            db.execute(delete(Site).where(Site.id == self.site_id))


# --- many desks at once -----------------------------------------------------------------------


@dataclass
class DeskResult:
    device_id: str
    ok: bool
    rounds: int
    chain: list[tuple[int, str]]
    errors: list[str] = field(default_factory=list)


def many_desks(args: argparse.Namespace, root: Path, url: str,
               factory: sessionmaker[Session]) -> None:
    # Sites of their own (``--desks-per-site`` desks each, like hotels with a few front
    # desks): each desk pulls its site's other desks' events.
    codes: list[tuple[int, str]] = []
    sites: list[str] = []
    for index in range(args.desks):
        if index % args.desks_per_site == 0:
            with transaction(factory) as db:
                sites.append(admin.add_site(db, name=f"Resort {uuid.uuid4().hex[:8]}",
                                            currency="EUR", timezone="Europe/Paris",
                                            now=START).id)
        codes.append((index, new_code(factory, sites[-1])))
    total = args.desks * args.per_desk

    def held_now() -> int:
        with transaction(factory) as db:
            return db.scalar(select(func.count()).select_from(HQEventRow)
                             .where(HQEventRow.site_id.in_(sites))) or 0

    processes = max(1, min(args.processes, args.desks))
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(processes + 1)
    results: Any = context.Queue()
    made = time.perf_counter()
    children = [context.Process(target=desk_process,
                                args=(codes[p::processes], url, root, args.per_desk,
                                      args.batch, ready, results))
                for p in range(processes)]
    for child in children:
        child.start()
    ready.wait()  # every desk made and enrolled
    print(f"{args.desks} desks with {args.per_desk} events each made and enrolled in "
          f"{time.perf_counter() - made:.1f} s, in {processes} client processes")
    ready.wait()  # go
    began = time.perf_counter()
    desks: list[DeskResult] = []
    all_held: float | None = None  # when head office first held every event
    while len(desks) < args.desks:
        try:
            desks.extend(results.get(timeout=0.25))
        except queue.Empty:
            # Each desk's rounds are bounded; this only trips on a crashed client process.
            if time.perf_counter() - began > 3600 or not any(c.is_alive() for c in children):
                raise RuntimeError("a client process ended without reporting") from None
        if all_held is None and held_now() >= total:
            all_held = time.perf_counter() - began
    took = time.perf_counter() - began
    for child in children:
        child.join()

    held: dict[str, list[tuple[int, str]]] = {}
    with transaction(factory) as db:
        for device_id, seq, digest in db.execute(
                select(HQEventRow.device_id, HQEventRow.seq, HQEventRow.hash)
                .where(HQEventRow.device_id.in_([d.device_id for d in desks]))
                .order_by(HQEventRow.device_id, HQEventRow.seq)):
            held.setdefault(device_id, []).append((seq, digest))
    exact = [d for d in desks if held.get(d.device_id) == d.chain]
    failed = [d for d in desks if not d.ok]
    retried: Counter[str] = Counter(error.split(":")[0][:60] for d in desks
                                    for error in d.errors)
    pushed = (f"all held after {all_held:.2f} s = {total / all_held:,.0f} events/s"
              if all_held is not None else "not all held")
    print(f"{args.desks} desks at once: {total} events; {pushed}; every round (push, pull "
          f"and fold the site's other desks' events, policy) done after {took:.2f} s = "
          f"{total / took:,.0f} events/s")
    print(f"   head office holds {sum(map(len, held.values()))}: {len(exact)} of {len(desks)} "
          f"desks' chains exactly once; {len(failed)} desk(s) still failing; "
          f"{sum(d.rounds for d in desks)} rounds in all")
    for reason, count in retried.most_common(5):
        print(f"   retried {count}x after: {reason}")
    for result in failed[:3]:
        print("  ", result.errors[-1:])


def desk_process(codes: list[tuple[int, str]], url: str, root: Path, per_desk: int,
                 batch: int, ready: Any, results: Any) -> None:
    """One client process: make and enrol its desks, wait for the others, push at once."""
    keyring.set_keyring(MemoryKeyring())
    desks = []
    for index, code in codes:
        desk = new_desk(root / f"desk{index}", per_desk)
        enroll(desk, url, code, f"desk {index}")
        desks.append(desk)
    done: list[DeskResult] = []
    lock = threading.Lock()

    def push(desk: Desk) -> None:
        # A round may lose a race for head office's write lock and answer 503; a desk simply
        # tries again, as the worker would (bounded).
        errors: list[str] = []
        rounds, ok = 0, False
        while not ok and rounds < 20:
            rounds += 1
            try:
                report = sync_once(desk, batch_size=batch)
            except Exception as error:  # reported, so the parent is not left waiting
                errors.append(f"{type(error).__name__}: {error}")
                break
            errors.extend(report.errors)
            ok = report.ok
        mine = [(row.seq, row.hash) for row in desk.ledger.events_of(desk.device_id)]
        with lock:
            done.append(DeskResult(desk.device_id, ok, rounds, mine, errors))

    threads = [threading.Thread(target=push, args=(desk,)) for desk in desks]
    ready.wait()
    ready.wait()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(done)
    for desk in desks:
        desk.close()


if __name__ == "__main__":
    main()
