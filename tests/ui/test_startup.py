"""Start-up: sign-in paints from the roster first; the log opens after; refusals are clear."""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
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
        qtbot.keyClicks(screen.pin, "5817")
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


class HeldOpen:
    """Stands in for ``open_desk``: notes its thread, waits to be released, then opens (or
    raises ``error``, or returns ``result``)."""

    def __init__(self, error: BaseException | None = None, result: object = None) -> None:
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []
        self.error = error
        self.result = result

    def __call__(self, data_dir: Path, *, demo: bool) -> object:
        self.threads.append(threading.current_thread())
        assert self.release.wait(10), "never released"
        if self.error is not None:
            raise self.error
        if self.result is not None:
            return self.result
        return REAL_OPEN_DESK(data_dir, demo=demo)


REAL_OPEN_DESK = app_module.open_desk


def test_the_log_opens_in_the_background_while_sign_in_stays_responsive(
        qtbot: QtBot, ready_desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldOpen()
    monkeypatch.setattr(app_module, "open_desk", held)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    seen: dict[str, object] = {}

    def first_paint() -> None:
        early = next(w for w in QApplication.topLevelWidgets()
                     if w.isVisible() and hasattr(w.centralWidget(), "staff_list"))
        screen = early.centralWidget()
        screen.select_staff("Maya Torres")
        qtbot.keyClicks(screen.pin, "5817")
        screen.submit()
        seen["message"] = screen.message.text()
        timer.start()
        # The log stays shut for 300 ms: the event loop must keep running meanwhile.
        def release() -> None:
            seen["desk_before_release"] = screen.desk
            seen["ticks_before_release"] = list(ticks)
            held.release.set()

        QTimer.singleShot(300, release)

    def ready() -> None:
        timer.stop()
        window = app_module._KEEP[-1]
        seen["signed_in"] = window.on_shift.staff.name if window.on_shift else None
        window.close()
        QApplication.instance().quit()

    assert app_module.run_app(ready_desk, on_first_paint=first_paint, on_ready=ready) == 0
    assert held.threads and held.threads[0] is not threading.main_thread()
    assert seen["message"] == "Opening the case log…"
    assert seen["desk_before_release"] is None  # still opening 300 ms after the first paint
    waiting = seen["ticks_before_release"]
    assert isinstance(waiting, list)
    assert len(waiting) >= 5 and max(b - a for a, b in itertools.pairwise(waiting)) < 0.25
    assert seen["signed_in"] == "Maya Torres"  # the PIN typed meanwhile, checked once open


def test_an_unforeseen_failure_to_open_is_shown_as_a_sentence(
        ready_desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldOpen(error=RuntimeError("boom"))
    held.release.set()
    monkeypatch.setattr(app_module, "open_desk", held)
    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(
        (text, threading.current_thread() is threading.main_thread())))
    assert app_module.run_app(ready_desk) == 2
    assert shown == [("Something unexpected went wrong. The details are in the log file.",
                      True)]


def test_a_broken_chain_is_refused_on_the_ui_thread_from_the_exception(
        ready_desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(ready_desk / "amends.sqlite3") as connection:
        connection.execute("UPDATE event SET payload = '{}' WHERE seq = 1")
    threads: list[threading.Thread] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _p, _t, text: threads.append(threading.current_thread()))
    original = Desk.open
    opened_on: list[threading.Thread] = []

    def open_and_note(*args: object, **kwargs: object) -> Desk:
        opened_on.append(threading.current_thread())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Desk, "open", open_and_note)
    assert app_module.run_app(ready_desk) == 2
    assert opened_on and opened_on[0] is not threading.main_thread()
    assert threads == [threading.main_thread()]


def test_quitting_while_the_log_opens_drops_the_late_answer(
        qtbot: QtBot, ready_desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Opened:
        closed = False

        def close(self) -> None:
            self.closed = True

    opened = Opened()
    held = HeldOpen(result=opened)
    monkeypatch.setattr(app_module, "open_desk", held)
    kept = len(app_module._KEEP)

    def first_paint() -> None:
        early = next(w for w in QApplication.topLevelWidgets()
                     if w.isVisible() and hasattr(w.centralWidget(), "staff_list"))
        QTimer.singleShot(0, early.close)  # the last window: the app quits

    assert app_module.run_app(ready_desk, on_first_paint=first_paint) == 0
    held.release.set()
    assert QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)
    assert opened.closed  # closed by the work itself, nobody else would
    assert len(app_module._KEEP) == kept + 1  # the paint watcher only: no main window


def test_a_first_demo_start_opens_and_fills_the_log_in_the_background(qtbot: QtBot,
                                                                      data_dir: Path) -> None:
    seen: dict[str, object] = {}

    def first_paint() -> None:
        seen["first"] = [w.centralWidget().text() for w in QApplication.topLevelWidgets()
                         if w.isVisible() and hasattr(w.centralWidget(), "text")]

    def ready() -> None:
        window = app_module._KEEP[-1]
        seen["site"] = window.desk.site.info().name
        seen["names"] = window.sign_in.staff_list.count()
        window.close()
        QApplication.instance().quit()

    assert app_module.run_app(data_dir, demo=True, on_first_paint=first_paint,
                              on_ready=ready) == 0
    assert seen["first"] == ["Opening the case log…"]
    assert seen["site"] == "Harbourside Hotel & Brasserie" and seen["names"] == 4
    # The Quit that closing the last window posted is not left to end the next event loop.
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True], timeout=1000)
