"""The status-bar sync state, its dialog's "Sync now", enrolling from Settings, and views that
reload as soon as a round merged other desks' events."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.views import CaseHeader
from desktop.sync.client import SyncReport, enroll, sync_once
from desktop.sync.errors import SyncProblem
from desktop.sync.worker import SyncStatus, SyncWorker
from desktop.ui import labels
from desktop.ui.main_window import MainWindow
from desktop.ui.sync_status import HeadOfficeDialog, SyncDialog, SyncStatusButton
from tests.conftest import Team
from tests.headoffice.helpers import HQ
from tests.sync.helpers import open_cases
from tests.ui.conftest import show_active, sign_in


class FakeWorker:
    def __init__(self, status: SyncStatus) -> None:
        self.current = status
        self.wakes = 0
        self.stopped = False
        self.listeners: list[Callable[[SyncReport], None]] = []

    def on_round(self, listener: Callable[[SyncReport], None]) -> None:
        self.listeners.append(listener)

    def finish_round(self, report: SyncReport) -> None:
        for listener in self.listeners:
            listener(report)

    def status(self) -> SyncStatus:
        return self.current

    def wake(self) -> None:
        self.wakes += 1

    def stop(self, timeout: float | None = None) -> None:
        self.stopped = True


def test_status_bar_words_each_state(qtbot: QtBot, make_eur_desk: Callable[..., Desk],
                                     clock: ManualClock) -> None:
    desk = make_eur_desk()
    button = SyncStatusButton(desk)
    qtbot.addWidget(button)
    assert button.text() == "Not connected to head office"

    synced = SyncStatus(enrolled=True, online=True, last_success_at=clock.now())
    worker = FakeWorker(synced)
    button.worker = worker
    clock.advance(minutes=2)
    button.refresh()
    assert button.text() == "Synced 2 min ago"

    worker.current = dataclasses.replace(synced, online=False, failures=3, pending=14)
    button.refresh()
    assert button.text() == "Offline — 14 event(s) waiting"

    refused = SyncReport(errors=["Head office does not accept this desk: token 7f3a unknown"],
                         problems=[SyncProblem.NOT_ACCEPTED])
    worker.current = dataclasses.replace(synced, online=True, failures=1, pending=2,
                                         last_error=refused.errors[0], last_report=refused)
    button.refresh()
    assert button.text().startswith("Sync problem")
    # Worded from the problem, not the English text of the log.
    assert button.toolTip() == labels.sync_problem_text(SyncProblem.NOT_ACCEPTED)
    assert "7f3a" not in button.toolTip() and "no longer accepts" in button.toolTip()


def test_detail_dialog_sync_now_wakes_the_worker(qtbot: QtBot,
                                                 make_eur_desk: Callable[..., Desk],
                                                 clock: ManualClock) -> None:
    desk = make_eur_desk()
    worker = FakeWorker(SyncStatus(enrolled=True, online=False, failures=2, pending=5,
                                   last_success_at=clock.now() - timedelta(hours=3),
                                   last_error="Head office cannot be reached (ConnectError)",
                                   last_report=SyncReport(
                                       errors=["Head office cannot be reached (ConnectError)"],
                                       problems=[SyncProblem.OFFLINE], offline=True)))
    button = SyncStatusButton(desk, worker=worker)
    qtbot.addWidget(button)
    dialog = SyncDialog(button)
    qtbot.addWidget(dialog)
    assert dialog.pending.text() == "5"
    assert dialog.last_success.text() == "Synced 3 h ago"
    assert "cannot be reached" in dialog.error.text()
    assert "ConnectError" not in dialog.error.text()
    dialog.sync_now.click()
    assert worker.wakes == 1


def test_enrolling_from_settings_starts_the_worker(qtbot: QtBot, hq: HQ,
                                                   make_eur_desk: Callable[..., Desk]) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    open_cases(desk, 1)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.sync_status.worker is None
    dialog = HeadOfficeDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.enrolled.connect(window.sync_status.start_if_enrolled)

    dialog.url.setText(hq.server.url)
    dialog.code.setText("WRONG-CODE")
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Not enrolled"), timeout=30000)
    assert "did not take this code" in dialog.message.text()
    assert window.sync_status.worker is None

    dialog.code.setText(hq.code(site))
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Enrolled"), timeout=30000)
    try:
        assert window.sync_status.worker is not None
        qtbot.waitUntil(lambda: window.sync_status.text().startswith("Synced"), timeout=30000)
        assert hq.count(desk.device_id) == len(desk.ledger.events_of(desk.device_id)) > 0
    finally:
        window.close()
    worker = window.sync_status.worker
    assert worker is not None and not worker.is_alive()  # type: ignore[attr-defined]


def test_a_round_that_merged_events_says_so_at_once(qtbot: QtBot,
                                                    make_eur_desk: Callable[..., Desk],
                                                    clock: ManualClock) -> None:
    worker = FakeWorker(SyncStatus(enrolled=True))
    button = SyncStatusButton(make_eur_desk(), worker=worker)
    qtbot.addWidget(button)
    merged: list[bool] = []
    button.merged.connect(lambda: merged.append(True))
    assert button.text() == "Syncing…"

    worker.current = SyncStatus(enrolled=True, online=True, last_success_at=clock.now())
    worker.finish_round(SyncReport(pushed=3, acked=3))  # nothing came in
    # Reworded as soon as the report reaches the UI thread, without waiting for the timer.
    qtbot.waitUntil(lambda: button.text() == "Synced just now", timeout=1000)
    assert merged == []
    worker.finish_round(SyncReport(pulled=2))
    worker.finish_round(SyncReport(refolded=True))
    worker.finish_round(SyncReport(policy_version=4))
    qtbot.waitUntil(lambda: merged == [True, True, True], timeout=1000)


def _listed(window: MainWindow) -> set[str]:
    model = window.case_list.model
    return {model.case_at(row).id for row in range(model.rowCount())}


def test_another_desks_case_shows_right_after_this_desks_round(
        qtbot: QtBot, hq: HQ, make_eur_desk: Callable[..., Desk]) -> None:
    site = hq.add_site()
    desk1, desk2 = make_eur_desk("desk1"), make_eur_desk("desk2")
    team1 = Team(desk1)
    Team(desk2)  # desk 2's staff, who sign in there
    for number, desk in enumerate((desk1, desk2), start=1):
        enroll(desk, hq.server.url, hq.code(site), f"Front desk {number}")
    window = MainWindow(desk2)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    worker = window.sync_status.worker
    assert isinstance(worker, SyncWorker)
    merged: list[bool] = []
    window.sync_status.merged.connect(lambda: merged.append(True))
    try:
        sign_in(qtbot, window, "Maya Torres", "5817")
        assert not window.is_locked

        def idle() -> bool:
            status = worker.status()
            return (not status.syncing and status.last_success_at is not None
                    and status.pending == 0)

        qtbot.waitUntil(idle, timeout=30000)
        # Desk 1 opens a case and sends it; desk 2 shows nothing of it yet.
        (case_id,) = open_cases(desk1, 1, team=team1)
        assert sync_once(desk1).ok
        assert case_id not in _listed(window)

        # Desk 2's next round (here: woken at once instead of within the minute) merges it,
        # and the case list reloads with nothing else prompting it.
        worker.wake()
        qtbot.waitUntil(lambda: case_id in _listed(window), timeout=30000)
        assert merged

        # Desk 2 looks at it while desk 1 closes it: the open case shows it is closed.
        window.open_case(case_id)
        assert window.panel.next.isEnabled()
        on_shift = team1.sign_in(team1.agent)
        desk1.cases.update_header(on_shift, case_id, CaseHeader(
            "Guest 0", "Room 100", "Front Desk", "maintenance", "medium"))
        desk1.cases.close(on_shift, case_id, root_cause="maintenance", detail="",
                         outcome="recovered")
        assert sync_once(desk1).ok
        worker.wake()
        qtbot.waitUntil(lambda: not window.panel.next.isEnabled(), timeout=30000)
        assert window.panel.next.text() == "Case closed"
        assert case_id not in _listed(window)  # the list shows open cases
    finally:
        window.close()


def test_enrolment_runs_in_the_pool_and_answers_success_and_failure(
        qtbot: QtBot, make_eur_desk: Callable[..., Desk],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from desktop.sync import client, errors
    from desktop.ui import sync_status

    desk = make_eur_desk()
    threads: list[threading.Thread] = []
    answers = iter([errors.EnrolError("Head office refused the enrolment: code used",
                                      problem=errors.SyncProblem.ENROL_CODE),
                    RuntimeError("a bug"), {"site_name": "Harbour HQ"}])

    def fake_enroll(_desk: Desk, url: str, code: str, name: str | None) -> dict[str, str]:
        threads.append(threading.current_thread())
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(client, "enroll", fake_enroll)
    logged: list[BaseException] = []
    monkeypatch.setattr(sync_status, "log_failure", lambda error, _what: logged.append(error))
    dialog = HeadOfficeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.url.setText("https://hq.example.com")
    dialog.code.setText("ABCD-EFGH")

    dialog.enrol_button.click()
    assert dialog.message.text() == "Contacting head office…"
    assert not dialog.enrol_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert dialog.message.text() == "Not enrolled: " + labels.sync_problem_text(
        errors.SyncProblem.ENROL_CODE)
    assert dialog.enrol_button.isEnabled()

    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    # A bug is logged with its traceback; the person reads a sentence, not "RuntimeError: …".
    assert dialog.message.text() == ("Not enrolled: Something unexpected went wrong. The "
                                     "details are in the log file.")
    assert [type(error) for error in logged] == [RuntimeError]

    with qtbot.waitSignal(dialog.enrolled, timeout=5000):
        dialog.enrol_button.click()
    assert dialog.message.text().startswith("Enrolled as a desk of Harbour HQ.")
    assert dialog.code.text() == ""
    assert all(thread is not threading.main_thread() for thread in threads)


def test_a_crashed_round_is_worded_for_the_person(qtbot: QtBot,
                                                 make_eur_desk: Callable[..., Desk]) -> None:
    def crash(_desk: Desk) -> SyncReport:
        raise KeyError("x")

    desk = make_eur_desk()
    worker = SyncWorker(desk, sync=crash, wait=lambda _delay: None)
    button = SyncStatusButton(desk, worker=worker)
    qtbot.addWidget(button)
    worker.run_round()  # on this thread, as the worker's own would
    qtbot.waitUntil(lambda: "unexpected" in button.toolTip(), timeout=2000)
    assert "KeyError" not in button.toolTip()
    dialog = SyncDialog(button)
    qtbot.addWidget(dialog)
    assert dialog.error.text() == ("Something unexpected went wrong. The details are in the "
                                   "log file.")
