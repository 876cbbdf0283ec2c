"""How a whole refold writes a million rows into the store quickly, inside its transaction.

Two things cost more than the rows themselves once the read model is large: SQLite's page
cache (2 MB by default) holds a sliver of tables of hundreds of megabytes, so rows written at
random keys read and write the same pages again and again; and every secondary index takes
each row at its own random place. ``large_page_cache`` gives the connection a larger page
cache while it lasts; ``without_secondary_indexes`` drops the given tables' secondary
indexes and remakes them at its end from the store's own definitions (one sort each, instead
of a million random inserts). A primary key or unique constraint stays: the refold reads rows
back by their key, and a voucher by its code. Both work inside the caller's transaction, so
a failure leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from db.models import Base

# The page cache while writing in bulk, in KiB (SQLite's negative cache_size), as the seeder's.
BULK_CACHE_KIB = 262_144


@contextmanager
def large_page_cache(db: Session) -> Iterator[None]:
    """A larger page cache for the connection while it lasts (SQLite frees it after).

    A sort SQLite starts meanwhile may hold as much again in memory: a refold sorts the log
    before it asks for this."""
    connection = db.connection()
    cache = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={cache}")


@contextmanager
def without_secondary_indexes(db: Session, models: Iterable[type[Base]]) -> Iterator[None]:
    """While it lasts, ``models``' tables have no secondary index; remade at its end.

    SQLite refuses to drop an index while a statement is reading: enter it before reading."""
    connection = db.connection()
    tables = [model.__tablename__ for model in models]
    # An index SQLite made for a key or a unique constraint has no SQL: it stays.
    indexes = connection.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
             "AND tbl_name IN :tables ORDER BY name")
        .bindparams(bindparam("tables", expanding=True)), {"tables": tables}).all()
    for name, _ in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        connection.exec_driver_sql(sql)
