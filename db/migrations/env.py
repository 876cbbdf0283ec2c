"""Alembic environment: runs on the connection handed in by db.migrate, in batch mode."""

from alembic import context

from db.models import Base

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
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
