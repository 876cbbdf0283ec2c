"""Start-up: sign-in paints from the roster first; the log opens after; refusals are clear."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.roster import read_roster
from desktop.ui import app as app_module
from tests.conftest import Team, make_desk


@pytest.fixture
def ready_desk(data_dir: Path, clock: ManualClock) -> Path:
    desk = make_desk(data_dir, clock)
    team = Team(desk)
    team.sign_in(team.agent)  # a first event in the log
    desk.close()
    return data_dir


def test_roster_is_read_without_the_database_layer(ready_desk: Path) -> None:
    roster = read_roster(ready_desk / "amends.sqlite3")
    assert roster is not None and roster.site_name == "Harbour Test Hotel"
    assert [m.name for m in roster.staff] == ["Leo Brandt", "Maya Torres", "Rita Lang",
                                             "Sam Okoye"]
    assert read_roster(ready_desk / "missing.sqlite3") is None
    junk = ready_desk / "junk.sqlite3"
    junk.write_bytes(b"not a database")
    assert read_roster(junk) is None


def test_a_pin_typed_before_the_log_is_open_is_checked_once_it_is(qtbot: QtBot,
                                                                  ready_desk: Path) -> None:
    seen: dict[str, object] = {}

    def first_paint() -> None:
        early = next(w for w in QApplication.topLevelWidgets()
                     if w.isVisible() and hasattr(w.centralWidget(), "staff_list"))
        screen = early.centralWidget()
        seen["desk_at_paint"] = screen.desk
        screen.select_staff("Maya Torres")
        qtbot.keyClicks(screen.pin, "1234")
        screen.submit()
        seen["message_at_paint"] = screen.message.text()

    def ready() -> None:
        window = app_module._KEEP[-1]
        seen["signed_in"] = window.on_shift.staff.name if window.on_shift else None
        seen["locked"] = window.is_locked
        window.close()
        QApplication.instance().quit()

    assert app_module.run_app(ready_desk, on_first_paint=first_paint, on_ready=ready) == 0
    assert seen["desk_at_paint"] is None  # painted before the case log was opened
    assert seen["message_at_paint"] == "Opening the case log…"
    assert seen["signed_in"] == "Maya Torres" and seen["locked"] is False


def test_a_tampered_log_is_refused_after_the_first_paint(ready_desk: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(ready_desk / "amends.sqlite3") as connection:
        changed = connection.execute("UPDATE event SET payload = '{\"shift_id\":\"forged\"}' "
                                     "WHERE seq = 1").rowcount
    assert changed == 1
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert app_module.run_app(ready_desk) == 2
    assert shown and "no longer verifies" in shown[0] and "amends.sqlite3" in shown[0]


def test_a_newer_log_is_refused_on_a_first_start_too(data_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "amends.sqlite3").write_bytes(b"garbage" * 1000)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert app_module.run_app(data_dir) == 2
    assert "not an Amends database" in shown[0]
