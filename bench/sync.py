"""Benchmark: a desk's outbox draining to head office, beside a plain bulk insert of the rows.

Run from the repository root::

    .venv/bin/python -m bench.sync [--events 100000] [--batch 500] [--desks 0 --per-desk 200]

Everything is on loopback, in a temp dir, with SQLite on both sides (the zero-set-up default):
a real uvicorn serving head office, a real desk store, and the real client (``sync_once``).
The baseline inserts the very same event rows (another device's ids, so the unique keys do
not clash) straight into the same head-office database with SQLAlchemy, in transactions of
the same size, so the difference is what HTTP, JSON, chain checks and the desk's
acknowledgements cost. ``--desks N`` then has N desks, each in its own thread with its own
store, push ``--per-desk`` events at once; ``--desks-per-site`` desks share a site, so each
also pulls the events of its site's other desks that have arrived, and refolds. All desks run
in this one process, so their own CPU work (Python, one GIL) is part of the figure.

The keychain is an in-memory one (nothing touches the user's).
"""

from __future__ import annotations

import argparse
import json
import socket
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import uvicorn
from keyring.backend import KeyringBackend
from sqlalchemy import func, insert, select

from db.eventlog import GENESIS_HASH, Event, seal
from db.models import EventRow as DeskEventRow
from desktop.core.caselog import row_to_event
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.sync.client import enroll, sync_once
from headoffice import admin
from headoffice.app import create_app
from headoffice.models import Device
from headoffice.models import EventRow as HQEventRow
from headoffice.service import _row
from headoffice.store import session_factory, transaction

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


class Server:
    """uvicorn in a thread on a free 127.0.0.1 port."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning",
                                                    access_log=False))
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)


def chain(device_id: str, n: int) -> Iterator[dict[str, Any]]:
    """``n`` sealed events of one device as desk rows (unacknowledged)."""
    prev = GENESIS_HASH
    case_id = str(uuid.uuid4())
    for seq in range(1, n + 1):
        at = START.timestamp() + seq
        event = seal(id=str(uuid.uuid4()), device_id=device_id, seq=seq, kind="note.added",
                     case_id=case_id, actor=str(uuid.uuid4()),
                     at=datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                     payload={"text": f"Guest asked about the late checkout, note {seq}"},
                     prev_hash=prev)
        prev = event.hash
        row = event.to_wire()
        row["payload"] = json.dumps(row["payload"], sort_keys=True, separators=(",", ":"),
                                    ensure_ascii=False)
        row["acked"] = False
        yield row


def new_desk(path: Path, n: int) -> Desk:
    desk = Desk.open(path, ManualClock(START), verify=False)
    desk.create_site(name="Bench Hotel", kind="hotel", currency="EUR",
                     timezone="Europe/Paris", locale="en_GB", manager_name="Bench Manager",
                     manager_pin="1357")
    rows = list(chain(desk.device_id, n))
    with desk.engine.begin() as connection:
        for start in range(0, len(rows), 5000):
            connection.execute(insert(DeskEventRow), rows[start:start + 5000])
    return desk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--desks", type=int, default=0, help="desks pushing at once")
    parser.add_argument("--per-desk", type=int, default=200)
    parser.add_argument("--desks-per-site", type=int, default=4)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())

    with tempfile.TemporaryDirectory(prefix="amends-bench-") as tmp:
        root = Path(tmp)
        app = create_app(f"sqlite:///{root / 'headoffice.sqlite3'}")
        factory = session_factory(app.state.engine)
        server = Server(app)
        try:
            with transaction(factory) as db:
                site = admin.add_site(db, name="Bench Hotel", currency="EUR",
                                      timezone="Europe/Paris", now=START)
                site_id = site.id

            def code(site: str = site_id) -> str:
                with transaction(factory) as db:
                    return admin.issue_code(db, site, now=datetime.now(UTC)).code

            made = time.perf_counter()
            desk = new_desk(root / "desk", args.events)
            print(f"desk with {args.events} unsynced events made in "
                  f"{time.perf_counter() - made:.1f} s")
            enroll(desk, server.url, code(), "Bench desk")

            began = time.perf_counter()
            report = sync_once(desk, batch_size=args.batch)
            took = time.perf_counter() - began
            assert report.ok, report.errors
            assert report.acked == args.events and report.pending == 0, report
            sync_rate = args.events / took
            print(f"sync:        {args.events} events in {took:.2f} s = {sync_rate:,.0f} "
                  f"events/s (batches of {args.batch}, pushed, verified, acknowledged)")

            # Baseline: the same rows, as another device, straight into the same database.
            other = str(uuid.uuid4())
            source = [row_to_event(r) for r in desk.events_for_device(desk.device_id)]
            now = datetime.now(UTC)
            with transaction(factory) as db:
                # Its own site: these copies keep the original hashes, so they do not verify
                # as a chain, and the desks of the bench site must not pull them.
                baseline_site = admin.add_site(db, name="Baseline", currency="EUR",
                                               timezone="Europe/Paris", now=START)
                device = Device(id=other, site_id=baseline_site.id, name="baseline",
                                token_hash="x" * 64, enrolled_at=START, last_seq=0)
                db.add(device)
                db.flush()
                rows = []
                for event in source:
                    copy = Event.from_wire(event.to_wire() | {"id": str(uuid.uuid4()),
                                                              "device_id": other})
                    row = _row(copy, device, now)
                    rows.append({c.key: getattr(row, c.key)
                                 for c in HQEventRow.__table__.columns if c.key != "id"})
            began = time.perf_counter()
            for start in range(0, len(rows), args.batch):
                with transaction(factory) as db:
                    db.execute(insert(HQEventRow), rows[start:start + args.batch])
            bulk = time.perf_counter() - began
            bulk_rate = len(rows) / bulk
            print(f"bulk insert: {len(rows)} rows in {bulk:.2f} s = {bulk_rate:,.0f} rows/s "
                  f"(same rows, {args.batch} per transaction, no HTTP, no checks)")
            print(f"sync costs {bulk_rate / sync_rate:.1f}x the bare insert")
            desk.close()

            if args.desks:
                concurrent(args, root, server.url, code, factory)
        finally:
            server.stop()
            app.state.engine.dispose()


def concurrent(args: argparse.Namespace, root: Path, url: str, code: Any,
               factory: Any) -> None:
    # Sites of their own (``--desks-per-site`` desks each, like hotels with a few front
    # desks): each desk pulls its site's other desks' events, not the big desk's above.
    made = time.perf_counter()
    desks = []
    site_id = ""
    for i in range(args.desks):
        if i % args.desks_per_site == 0:
            with transaction(factory) as db:
                site_id = admin.add_site(db, name=f"Resort {i}", currency="EUR",
                                         timezone="Europe/Paris", now=START).id
        desk = new_desk(root / f"desk{i}", args.per_desk)
        enroll(desk, url, code(site_id), f"desk {i}")
        desks.append(desk)
    print(f"{args.desks} desks with {args.per_desk} events each made in "
          f"{time.perf_counter() - made:.1f} s")
    reports: list[Any] = [None] * len(desks)
    rounds = [0] * len(desks)
    retried: Counter[str] = Counter()
    lock = threading.Lock()

    def push(index: int) -> None:
        # The first round may lose a race for head office's write lock and answer 503;
        # a desk simply tries again, as the worker would (bounded).
        for _ in range(20):
            reports[index] = sync_once(desks[index], batch_size=args.batch)
            rounds[index] += 1
            for error in reports[index].errors:
                with lock:
                    retried[error.split(":")[0][:60]] += 1
            if reports[index].ok:
                return

    threads = [threading.Thread(target=push, args=(i,)) for i in range(len(desks))]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    total = args.desks * args.per_desk
    failed = [r for r in reports if r is None or not r.ok]
    with transaction(factory) as db:
        held = db.scalar(select(func.count()).select_from(HQEventRow)
                         .where(HQEventRow.device_id.in_([d.device_id for d in desks])))
    print(f"{args.desks} desks at once: {total} events in {took:.2f} s = "
          f"{total / took:,.0f} events/s; head office holds {held}; "
          f"{len(failed)} desk(s) still failing; {sum(rounds)} rounds in all")
    for reason, count in retried.most_common(5):
        print(f"   retried {count}x after: {reason}")
    for report in failed[:3]:
        print("  ", report.errors if report else "no report")
    for desk in desks:
        desk.close()


if __name__ == "__main__":
    main()
