"""The head-office schema: migrations match the models; newer databases are refused."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from headoffice.models import Base
from headoffice.store import (
    VERSION_TABLE,
    DatabaseError,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    safe_url,
)


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    engine = open_database(db_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            context = MigrationContext.configure(connection,
                                                 opts={"version_table": VERSION_TABLE})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_opening_twice_is_harmless(db_url: str) -> None:
    open_database(db_url).dispose()
    engine = open_database(db_url)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_a_newer_schema_is_refused_and_left_alone(db_url: str) -> None:
    engine = open_database(db_url)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="newer head office"):
        open_database(db_url)
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == "9999_future"
    finally:
        engine.dispose()


def test_passwords_are_masked_in_messages() -> None:
    masked = safe_url("postgresql+psycopg://hq:s3cret@db.example/amends")
    assert "s3cret" not in masked and "hq" in masked
