"""Local store: SQLAlchemy models, engine set-up, the event format and Alembic migrations."""
