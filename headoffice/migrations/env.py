"""Alembic environment of head office: runs on the connection handed in by headoffice.store."""

from alembic import context

from headoffice.models import Base
from headoffice.store import VERSION_TABLE

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.connect() as fresh:
            _run(fresh)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    # SQLite cannot alter columns in place; batch mode copies the table instead.
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
