"""Where a desk keeps its data; importable without the database layer (fast CLI start)."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILE = "amends.sqlite3"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else $AMENDS_HOME, else the platform's user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("AMENDS_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("Amends", "Amends"))
