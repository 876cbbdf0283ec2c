"""The wording of why the case log cannot be used, for the window that says so at start.

Kept apart from ``labels`` (which words every refusal) to keep each module short; the words
keep the "Labels" context, so their translations are the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from db.errors import StoreError

translate = QCoreApplication.translate


def store_problem(error: StoreError) -> str:
    """Why the case log cannot be used, for the window that says so."""
    from db.errors import StoreProblem

    messages = {
        StoreProblem.NOT_AMENDS: translate(
            "Labels", "The case log %1 is not an Amends database (it may be damaged). Amends "
                      "has not changed it. Restore it from a backup, or move it aside to start "
                      "a new, empty log."),
        StoreProblem.DAMAGED: translate(
            "Labels", "The case log %1 is damaged. Amends has not changed it. Run "
                      "'amends doctor' for details and restore the file from a backup."),
        StoreProblem.NEWER: translate(
            "Labels", "The case log %1 was written by a newer version of Amends. Install that "
                      "version or newer; this one will not change the file."),
        StoreProblem.UNREADABLE: translate(
            "Labels", "The case log %1 cannot be read. Amends has not changed it. Restore it "
                      "from a backup, or move it aside to start a new, empty log."),
        StoreProblem.NO_FOLDER: translate(
            "Labels", "The data folder %1 cannot be created. Choose another with --data-dir "
                      "or AMENDS_HOME."),
        StoreProblem.CHAIN_BROKEN: translate(
            "Labels", "The case log %1 no longer verifies: an event was changed after it was "
                      "written. Amends will not use or change it. Run 'amends doctor', and "
                      "restore the file from a backup or ask head office to restore this desk."),
    }
    return messages[error.problem].replace("%1", str(error.path or ""))
