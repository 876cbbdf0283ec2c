"""Fixtures: a database URL per backend (fresh for every test) and a running head office."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from tests.headoffice.helpers import HQ, FakeClock

PG_ENV = "AMENDS_TEST_PG_URL"
PG_SKIP = "AMENDS_TEST_PG_URL not set (CI sets it)"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not os.environ.get(PG_ENV), reason=PG_SKIP))])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[str]:
    """A fresh, empty database: an SQLite file in a temp dir, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('hq') / 'headoffice.sqlite3'}"
        return
    base = make_url(os.environ[PG_ENV])
    name = f"amends_t_{uuid.uuid4().hex[:16]}"
    admin_engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin_engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
        _drop_database(admin_engine, name)
    finally:
        admin_engine.dispose()


def _drop_database(admin_engine: Engine, name: str) -> None:
    """Drop a test database, ending first any session of ours still on it (a server closing).

    Not DROP ... WITH (FORCE): CI's role is no superuser, and FORCE fails outright when an
    autovacuum worker (the superuser's) is busy on the database. A plain DROP asks autovacuum
    to stop and waits a few seconds for the terminated sessions to go.
    """
    with admin_engine.connect() as connection:
        connection.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = :name AND pid <> pg_backend_pid() AND usename = current_user"),
            {"name": name})
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def hq(db_url: str, clock: FakeClock) -> Iterator[HQ]:
    server = HQ(db_url, clock)
    try:
        yield server
    finally:
        server.close()
