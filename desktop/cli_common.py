"""What the ``amends`` subcommands share: opening the desk of a data dir, reading a PIN."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.core.desk import Desk


def read_pin(prompt: str) -> str | None:
    """Ask the terminal (no echo), or read the next line of stdin when it is not one.

    None when stdin has no more lines. Several PINs (a manager's, then a new one twice) are
    successive lines, so ``printf '1357\\n7391\\n7391\\n' | amends staff add ...`` works.
    """
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n") if line else None


def open_existing_desk(data_dir: Path) -> Desk | None:
    """The set-up desk in ``data_dir``, or None after saying why not (on stderr)."""
    from db.store import StoreError
    from desktop.core.desk import Desk
    from desktop.core.paths import DB_FILE

    if not (data_dir / DB_FILE).is_file():
        # Desk.open would create an empty desk here; a typo in --data-dir should not.
        print(f"No desk in {data_dir} (no {DB_FILE}). Use --data-dir or AMENDS_HOME.",
              file=sys.stderr)
        return None
    try:
        desk = Desk.open(data_dir)
    except StoreError as error:
        print(error, file=sys.stderr)
        return None
    if not desk.site.exists():
        print(f"The desk in {data_dir} is not set up yet.", file=sys.stderr)
        desk.close()
        return None
    return desk
