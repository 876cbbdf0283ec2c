"""The status-bar sync state, its dialog's "Sync now", and enrolling from Settings."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.sync.worker import SyncStatus
from desktop.ui.main_window import MainWindow
from desktop.ui.sync_status import HeadOfficeDialog, SyncDialog, SyncStatusButton
from tests.headoffice.helpers import HQ
from tests.sync.helpers import open_cases


class FakeWorker:
    def __init__(self, status: SyncStatus) -> None:
        self.current = status
        self.wakes = 0
        self.stopped = False

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

    worker.current = dataclasses.replace(synced, online=True, failures=1, pending=2,
                                         last_error="Head office does not accept this desk")
    button.refresh()
    assert button.text().startswith("Sync problem")
    assert "does not accept" in button.toolTip()


def test_detail_dialog_sync_now_wakes_the_worker(qtbot: QtBot,
                                                 make_eur_desk: Callable[..., Desk],
                                                 clock: ManualClock) -> None:
    desk = make_eur_desk()
    worker = FakeWorker(SyncStatus(enrolled=True, online=False, failures=2, pending=5,
                                   last_success_at=clock.now() - timedelta(hours=3),
                                   last_error="Head office cannot be reached"))
    button = SyncStatusButton(desk, worker=worker)
    qtbot.addWidget(button)
    dialog = SyncDialog(button)
    qtbot.addWidget(dialog)
    assert dialog.pending.text() == "5"
    assert dialog.last_success.text() == "Synced 3 h ago"
    assert "cannot be reached" in dialog.error.text()
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
    assert "not recognised" in dialog.message.text()
    assert window.sync_status.worker is None

    dialog.code.setText(hq.code(site))
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Enrolled"), timeout=30000)
    try:
        assert window.sync_status.worker is not None
        qtbot.waitUntil(lambda: window.sync_status.text().startswith("Synced"), timeout=30000)
        assert hq.count(desk.device_id) == len(desk.events_for_device(desk.device_id)) > 0
    finally:
        window.close()
    worker = window.sync_status.worker
    assert worker is not None and not worker.is_alive()  # type: ignore[attr-defined]
