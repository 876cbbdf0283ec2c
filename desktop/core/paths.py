"""Where a desk keeps its data; importable without the database layer (fast CLI start)."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILE = "amends.sqlite3"
# Guest names and complaints live here: the data dir is its owner's alone (on Windows the
# user's own profile folder already is).
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private_dir(path: Path) -> None:
    """Create ``path`` (with any missing parents) readable by its owner only, and tighten it
    if it exists wider (an older Amends made it 0755). Raises OSError as ``mkdir`` does."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_DIR_MODE)


def make_private_file(path: Path) -> None:
    """Tighten an existing file to its owner only (POSIX; nothing elsewhere)."""
    if os.name == "posix" and path.exists() and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_FILE_MODE)


def open_to_others(path: Path) -> bool:
    """Whether other accounts of this computer may read or enter ``path`` (POSIX)."""
    return os.name == "posix" and bool(path.stat().st_mode & 0o077)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else $AMENDS_HOME, else the platform's user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("AMENDS_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("Amends", "Amends"))
