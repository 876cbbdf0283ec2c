"""Opening the local SQLite store safely: pragmas, refusal of damaged or newer files, migration.

The store is refused, never rewritten, when it is not an SQLite file, fails SQLite's own check,
or was written by a newer Amends. Migration to the current schema runs on every start, but the
Alembic machinery is only imported when the schema is actually behind.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from db.errors import StoreError, StoreProblem
from db.schema_version import HEAD_REVISION, KNOWN_REVISIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
# An execution option: transactions of an engine made with it only read (a plain BEGIN).
READ_ONLY = "amends_read_only"

__all__ = ["StoreError", "StoreProblem", "check_file", "current_revision", "make_engine",
           "open_store", "sqlite_engine"]


def sqlite_engine(url: str, *, busy_seconds: int = 10) -> Engine:
    """An SQLite engine with the pragmas every connection needs (the desk and head office)."""
    engine = create_engine(
        url,
        connect_args={"timeout": busy_seconds, "isolation_level": None,
                      "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # A granted gesture must survive a power cut, so every commit waits for the disk.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_seconds * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # type: ignore[no-untyped-def]
        if connection.get_execution_options().get(READ_ONLY):
            # A reader: WAL lets it read the last commit while a writer holds the lock, so
            # the window never waits for a slip being recorded or a sync being merged.
            connection.exec_driver_sql("BEGIN")
            return
        # Take the write lock at the start, so two writers never read the same last seq
        # (and a deferred transaction never fails later with "database is locked").
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(path: Path) -> Engine:
    """An engine for the desk's own SQLite file."""
    return sqlite_engine(f"sqlite:///{path}")


def check_file(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise StoreError(
            f"The case log {path} is not an Amends database (it may be damaged). "
            "Amends has not changed it. Restore it from a backup, or move it aside to start "
            "a new, empty log.", problem=StoreProblem.NOT_AMENDS, path=path
        )


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        has_table = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def integrity_problems(engine: Engine) -> list[str]:
    """SQLite's own structural check; an empty list means the file is sound."""
    with engine.connect() as connection:
        rows = connection.execute(text("PRAGMA quick_check")).all()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def open_store(path: Path) -> Engine:
    """Open (creating if needed) and migrate the store at ``path``, or raise StoreError."""
    check_file(path)
    engine = make_engine(path)
    try:
        problems = integrity_problems(engine)
        if problems:
            raise StoreError(
                f"The case log {path} is damaged ({problems[0]}). Amends has not changed it. "
                "Run 'amends doctor' for details and restore the file from a backup.",
                problem=StoreProblem.DAMAGED, path=path
            )
        revision = current_revision(engine)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise StoreError(
                f"The case log {path} was written by a newer version of Amends "
                f"(schema {revision}). Install that version or newer; this one will not "
                "change the file.", problem=StoreProblem.NEWER, path=path
            )
        if revision != HEAD_REVISION:
            from db.migrate import upgrade_to_head

            upgrade_to_head(engine)
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        raise StoreError(
            f"The case log {path} cannot be read ({error.orig}). Amends has not changed it. "
            "Restore it from a backup, or move it aside to start a new, empty log.",
            problem=StoreProblem.UNREADABLE, path=path
        ) from error
    except StoreError:
        engine.dispose()
        raise
    return engine
