"""The seeder's writer: one plain connection alone on the desk's store, quick and not durable
until closed, on a thread of its own (``seed.seed_history`` makes the rows meanwhile)."""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, create_engine
from sqlalchemy.pool import NullPool

from db.models import Base, CaseRow, EventRow, GrantRow, ShiftRow
from desktop.core.review_days import refresh_review_days


class BulkWriter:
    """A plain ``sqlite3`` connection to the desk's store for seeding, alone on it, quick and
    not durable until closed (then WAL and ``synchronous=FULL`` again, as the desk's own
    connections set them).

    It writes on a thread of its own while the next chunk is made: ``sqlite3`` lets go of
    the GIL while SQLite works, so making and storing share two cores.
    """

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
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seed-writer")
        self._pending: Future[None] | None = None

    def write(self, rows: dict[str, list[tuple[Any, ...]]], days: set[str]) -> None:
        """Store one chunk (whole cases) and recount the review's totals of the days it
        touches, in one transaction, after the previous one: a seed stopped part way leaves
        whole cases, each counted."""
        self._wait()
        self._pending = self._pool.submit(self._store, rows, days)

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()  # a failure to store surfaces here, in the seeding thread

    def _store(self, rows: dict[str, list[tuple[Any, ...]]], days: set[str]) -> None:
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
            self._wait()
        finally:
            self._pool.shutdown()
            try:
                self._connection.execute("PRAGMA journal_mode=WAL")
                self._connection.execute("PRAGMA synchronous=FULL")
            finally:
                self._link.close()
                self._engine.dispose()


def insert_sql(model: type[Base]) -> str:
    """``INSERT`` of every column of a model's table, in the table's column order."""
    table = cast(Table, model.__table__)
    names = [column.name for column in table.columns]
    return (f"INSERT INTO {table.name} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})")
