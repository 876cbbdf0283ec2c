"""A quick, read-only look at who works this desk, for painting the sign-in screen at once.

Start-up must not wait for SQLAlchemy, migrations and the chain check before a person sees
their name. This reads the site name and the staff roster with the standard library only, in
SQLite's read-only mode; anything unexpected returns None and the app takes the full path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Plain classes, not dataclasses or named tuples (whose typing machinery costs more than the
# rest of this module), and json only for the demo's PINs: every module and class made before
# the first paint costs start-up time (PySide also reads each module's source on import).


class RosterEntry:
    """One person on the sign-in list."""

    __slots__ = ("id", "name", "role")

    def __init__(self, id: str, name: str, role: str) -> None:
        self.id, self.name, self.role = id, name, role


class Roster:
    """The site's name and who may sign in (active people, by name)."""

    __slots__ = ("is_demo", "site_name", "staff")

    def __init__(self, site_name: str, is_demo: bool, staff: tuple[RosterEntry, ...]) -> None:
        self.site_name, self.is_demo, self.staff = site_name, is_demo, staff


def read_only(db_path: Path) -> sqlite3.Connection | None:
    """A read-only standard-library connection to the case log, or None if there is none."""
    if not db_path.is_file():
        return None
    try:
        return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None


def read_roster(db_path: Path) -> Roster | None:
    """The site and its active staff, or None if the file is missing, new or unreadable."""
    connection = read_only(db_path)
    if connection is None:
        return None
    try:
        site = connection.execute("SELECT name, is_demo FROM site LIMIT 1").fetchone()
        if site is None:
            return None
        rows = connection.execute(
            "SELECT id, name, role FROM staff WHERE active ORDER BY name").fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return Roster(str(site[0]), bool(site[1]),
                  tuple(RosterEntry(str(i), str(n), str(r)) for i, n, r in rows))


def site_locale(db_path: Path) -> str | None:
    """The site's locale name (e.g. "es_ES"), so sign-in paints in the site's language."""
    connection = read_only(db_path)
    if connection is None:
        return None
    try:
        row = connection.execute("SELECT locale FROM site LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(row[0]) if row and row[0] else None


def demo_pins() -> list[tuple[str, str, str]]:
    """(name, role, PIN) of the demo staff, for the README and the sign-in hint."""
    import json

    import resources

    data = json.loads(resources.path("demo_site.json").read_text(encoding="utf-8"))
    return [(s["name"], s["role"], s["pin"]) for s in data["staff"]]
