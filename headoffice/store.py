"""Engines, sessions and schema migration for the head-office database (SQLite or PostgreSQL).

SQLite is the zero-set-up default: WAL, ``synchronous=FULL`` (an acknowledged event must
survive a power cut, because the desk stops resending it) and ``BEGIN IMMEDIATE`` so that
concurrent requests queue for the one write lock instead of failing half-way. PostgreSQL is for
a chain of properties with several API processes; migrations there hold an advisory lock, so
processes starting together do not migrate twice. A database written by a newer head office is
refused, never changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from db.store import sqlite_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Its own version table, so head office never mistakes a desk's store for its database.
VERSION_TABLE = "hq_alembic_version"
DEFAULT_DB_FILE = "headoffice.sqlite3"
DB_ENV = "AMENDS_HQ_DB"
# Any constant works; it only has to be the same in every head-office process.
_PG_MIGRATION_LOCK = 0x416D656E6473


class DatabaseError(Exception):
    """The database cannot be used; the message says which one and why."""


def default_db_url() -> str:
    """``$AMENDS_HQ_DB`` if set, else the SQLite file ``headoffice.sqlite3`` in the cwd."""
    configured = os.environ.get(DB_ENV, "").strip()
    if configured:
        return configured
    return f"sqlite:///{Path.cwd() / DEFAULT_DB_FILE}"


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unreadable database URL>"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the settings head office relies on."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"not a database URL: {safe_url(url)}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if parsed.get_backend_name() == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=True)
        except (ArgumentError, ImportError) as error:
            raise DatabaseError(f"cannot use {safe_url(url)}: {error}") from None
    raise DatabaseError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite:///FILE or "
        "postgresql+psycopg://USER@HOST/DB"
    )


def _sqlite_engine(url: str) -> Engine:
    # Many desks push at once: wait longer for the write lock than a single desk does.
    return sqlite_engine(url, busy_seconds=30)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection,
                                             opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to head, or raise DatabaseError (unreachable, newer, damaged)."""
    where = safe_url(engine.url.render_as_string(hide_password=False))
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_lock(:key)"),
                                   {"key": _PG_MIGRATION_LOCK})
                connection.commit()
            try:
                context = MigrationContext.configure(connection,
                                                     opts={"version_table": VERSION_TABLE})
                revision = context.get_current_revision()
                connection.commit()
                if revision is not None and revision not in known_revisions():
                    raise DatabaseError(
                        f"{where} was written by a newer head office (schema {revision}); "
                        "install that version or newer. Nothing was changed."
                    )
                if revision != head_revision():
                    config = alembic_config()
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
                    connection.commit()
            finally:
                if engine.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                       {"key": _PG_MIGRATION_LOCK})
                    connection.commit()
    except SQLAlchemyError as error:
        raise DatabaseError(f"cannot open {where}: {first_line(error)}") from error


def open_database(url: str) -> Engine:
    """Make the engine and migrate; the one way the app and the CLI get a database."""
    engine = make_engine(url)
    try:
        migrate(engine)
    except DatabaseError:
        engine.dispose()
        raise
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on any exception."""
    with factory() as session, session.begin():
        yield session


def first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None) or error
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
