"""Why a store cannot be used: the error the desk shows when its case log cannot be opened.

Kept apart from ``db.store`` so that a screen can word it without importing SQLAlchemy (the
sign-in screen paints before the store is opened).
"""

from __future__ import annotations

import enum
from pathlib import Path


class StoreProblem(enum.Enum):
    """Why a store cannot be used: a screen words each one in the desk's language."""

    NOT_AMENDS = "not_amends"  # not an SQLite file at all
    DAMAGED = "damaged"  # fails SQLite's own check
    NEWER = "newer"  # written by a newer Amends
    UNREADABLE = "unreadable"  # SQLite could not read it (locked, permissions, I/O)
    NO_FOLDER = "no_folder"  # the data folder cannot be created
    CHAIN_BROKEN = "chain_broken"  # an event was changed after it was written


class StoreError(Exception):
    """The store cannot be used; the message (English, for logs and the terminal) names the
    file and what to do; ``problem`` says which, for a screen to word; ``path`` is the file."""

    def __init__(self, message: str, *, problem: StoreProblem = StoreProblem.UNREADABLE,
                 path: Path | None = None) -> None:
        super().__init__(message)
        self.problem = problem
        self.path = path
