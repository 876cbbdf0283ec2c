"""Regenerate the initial migration from the models (only while 0001 is unreleased)."""

import re
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from db.migrate import MIGRATIONS, alembic_config

target = MIGRATIONS / "versions" / "0001_initial.py"
target.unlink(missing_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    engine = create_engine(f"sqlite:///{tmp}/autogen.db")
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message="initial schema", autogenerate=True,
                         rev_id="0001_initial")
generated = next((MIGRATIONS / "versions").glob("0001_initial_*.py"))
text = generated.read_text()
text = text.replace("db.models.UTCDateTime(length=27)", "sa.String(length=27)")
text = re.sub(r"Create Date: .*", "Create Date: 2026-11-22", text)
text = text.replace("Revises: \n", "Revises: (none)\n")
target.write_text(text)
generated.unlink()
print("wrote", Path(target).name)
