"""The seeder's writers: one plain connection alone on the desk's store, quick and not durable
until closed, storing chunks of rows while ``seed.seed_history`` makes the next ones.

Two ways to run beside the maker: a thread (``BulkWriter``: small seeds, no process to start)
and a process of its own (``ProcessWriter``: big seeds). Making rows is Python from end to end
and holds the GIL; a thread's inserts had to win it back for every row, so the two hardly
overlapped (97 % of one core for 100,000 cases). A process has its own interpreter: making
and storing then use two cores. Both store a chunk the same way (``_Store``).
"""

from __future__ import annotations

import contextlib
import marshal
import multiprocessing
import signal
import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import Table, create_engine
from sqlalchemy.pool import NullPool

from db.models import Base, CaseRow, EventRow, GrantRow, ShiftRow
from desktop.core.review_days import refresh_review_days

# One chunk: rows by table ("event", "shift", "case", "grant") and the site-local days whose
# review totals it changes.
Rows = dict[str, list[tuple[Any, ...]]]


class Writer(Protocol):
    def write(self, rows: Rows, days: set[str]) -> None: ...

    def close(self) -> None: ...


class _Store:
    """A plain ``sqlite3`` connection to the desk's store, alone on it, quick and not durable
    until closed (then WAL and ``synchronous=FULL`` again, as the desk's own connections set
    them)."""

    TABLES = (("event", EventRow), ("shift", ShiftRow), ("case", CaseRow), ("grant", GrantRow))

    def __init__(self, db_path: Path) -> None:
        # SQLAlchemy leaves the transactions to this class ("AUTOCOMMIT": no BEGIN or COMMIT
        # of its own); it runs the review's recount in them, the rows go in as plain tuples.
        self._engine = create_engine(f"sqlite:///{db_path}", poolclass=NullPool,
                                     isolation_level="AUTOCOMMIT",
                                     connect_args={"timeout": 30, "check_same_thread": False})
        self._link = self._engine.connect()
        self._connection = cast(sqlite3.Connection, self._link.connection.driver_connection)
        # Leaves WAL only if no other connection is open; a busy store stays in WAL.
        self._connection.execute("PRAGMA journal_mode=TRUNCATE")
        self._connection.execute("PRAGMA synchronous=OFF")
        self._connection.execute("PRAGMA cache_size=-262144")  # 256 MiB while seeding
        self._sql = {key: insert_sql(model) for key, model in self.TABLES}

    def store(self, rows: Rows, days: set[str]) -> None:
        """One chunk (whole cases) and the recount of the review's totals of its days, in one
        transaction: a seed stopped part way leaves whole cases, each counted."""
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            for key, _model in self.TABLES:
                if rows[key]:
                    connection.executemany(self._sql[key], rows[key])
            refresh_review_days(self._link, days)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def close(self) -> None:
        try:
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=FULL")
        finally:
            self._link.close()
            self._engine.dispose()


class BulkWriter:
    """Stores each chunk on a thread of its own, after the previous one."""

    def __init__(self, db_path: Path) -> None:
        self._store = _Store(db_path)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seed-writer")
        self._pending: Future[None] | None = None

    def write(self, rows: Rows, days: set[str]) -> None:
        self._wait()
        self._pending = self._pool.submit(self._store.store, rows, days)

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()  # a failure to store surfaces here, in the seeding thread

    def close(self) -> None:
        try:
            self._wait()
        finally:
            self._pool.shutdown()
            self._store.close()


class ProcessWriter:
    """Stores each chunk in a process of its own, after the previous one: while it stores
    one chunk, this process makes the next (at most one is on its way, so memory stays
    bounded). The store's connection is the child's alone; this process must have none open
    on it while seeding (the journal leaves WAL only for a connection alone on the store)."""

    def __init__(self, db_path: Path) -> None:
        # Spawned, not forked: a fork would copy whatever threads and connections we hold.
        context = multiprocessing.get_context("spawn")
        self._pipe, child_end = context.Pipe()
        self._child = context.Process(target=_serve, args=(str(db_path), child_end),
                                      name="amends-seed-writer", daemon=True)
        self._child.start()
        child_end.close()
        # The child's word that its connection is open comes with the first chunk's turn:
        # meanwhile this process makes that chunk.
        self._waiting = True

    def write(self, rows: Rows, days: set[str]) -> None:
        self._wait()
        # marshal, not pickle: rows are tuples of text, numbers and None, which marshal
        # writes five times quicker (pickle remembers every object it has written).
        self._pipe.send_bytes(marshal.dumps((rows, days)))
        self._waiting = True

    def _wait(self) -> None:
        if not self._waiting:
            return
        self._waiting = False
        try:
            failure = self._pipe.recv()
        except EOFError:
            raise RuntimeError(f"the seed's writer process ended (exit code "
                               f"{self._child.exitcode}); what it stored before is kept"
                               ) from None
        if failure is not None:
            raise failure

    def close(self) -> None:
        try:
            self._wait()
        finally:
            # No more chunks: restore WAL and end (a child gone already: its exit code tells).
            with contextlib.suppress(OSError):
                self._pipe.send_bytes(b"")
            self._child.join()
            self._pipe.close()
        if self._child.exitcode != 0:
            raise RuntimeError(f"the seed's writer process ended with exit code "
                               f"{self._child.exitcode}")


def _serve(db_path: str, pipe: Connection) -> None:
    """The writer process: store each chunk it is sent, answer None (stored) or the error."""
    # Ctrl-C at the terminal reaches the whole process group: the maker stops and says so;
    # this process finishes the chunk it has, restores WAL and ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = _Store(Path(db_path))
    except BaseException as error:
        pipe.send(_picklable(error))
        return
    try:
        pipe.send(None)
        while True:
            try:
                message = pipe.recv_bytes()
            except EOFError:  # the maker died: every chunk stored is whole and counted
                return
            if not message:  # the end
                return
            rows, days = marshal.loads(message)
            try:
                store.store(rows, days)
            except BaseException as error:
                pipe.send(_picklable(error))
                return
            pipe.send(None)
    finally:
        store.close()


def _picklable(error: BaseException) -> Exception:
    # Not every error pickles (SQLAlchemy's carry their statement and connection).
    return RuntimeError(f"storing the seeded rows failed: {type(error).__name__}: {error}")


def insert_sql(model: type[Base]) -> str:
    """``INSERT`` of every column of a model's table, in the table's column order."""
    table = cast(Table, model.__table__)
    names = [column.name for column in table.columns]
    return (f"INSERT INTO {table.name} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})")
