"""After start-up the whole chain is checked in the background: progress in the status bar, and
an old event edited in place (which start-up's tail check does not read) locks the desk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.paths import DB_FILE
from desktop.core.views import CaseHeader
from desktop.ui import app as app_module
from tests.conftest import Team, make_desk


@pytest.fixture
def checked_desk(data_dir: Path, clock: ManualClock) -> Path:
    desk = make_desk(data_dir, clock)
    team = Team(desk)
    who = team.sign_in(team.agent)
    desk.cases.open(who, CaseHeader(guest_name="Grace Kim", location="Room 1203"))
    desk.close()
    Desk.open(data_dir, clock).close()  # the checkpoint now covers every event
    return data_dir


def test_an_edited_old_event_locks_the_desk_after_start(
        qtbot: QtBot, checked_desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(checked_desk / DB_FILE) as connection:
        changed = connection.execute("UPDATE event SET payload = replace(payload, 'Grace Kim', "
                                     "'Someone Else') WHERE kind = 'case.opened'").rowcount
    assert changed == 1
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    opened: list[bool] = []
    # Start-up itself lets it through (the event is before the checkpoint) and the desk opens;
    # then the background check finds it, and the app refuses the log as at start.
    assert app_module.run_app(checked_desk, on_ready=lambda: opened.append(True)) == 2
    assert opened == [True]
    assert shown and "no longer verifies" in shown[0] and str(checked_desk) in shown[0]
    window = app_module._KEEP[-1]
    assert not window.isVisible()
    with pytest.raises(Exception, match="no longer verifies"):
        window.desk.cases.summaries(status=None)  # the desk is locked, not just hidden


def test_a_sound_log_is_checked_with_progress_and_the_desk_stays_open(
        qtbot: QtBot, checked_desk: Path) -> None:
    seen: dict[str, object] = {}

    def ready() -> None:
        window = app_module._KEEP[-1]
        check = window.chain_check
        qtbot.waitUntil(lambda: check.finished, timeout=20_000)
        seen["result"] = check.result
        seen["label"] = check.label.text()
        window.close()
        QApplication.instance().quit()

    assert app_module.run_app(checked_desk, on_ready=ready) == 0
    assert seen["result"] is None and seen["label"] == "Case log verified"
