"""desktop.ui.background: work runs on a pool thread, answers (results, exceptions, progress)
come back on the UI thread, and a window closed or deleted mid-work hears nothing."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.background import Job, Progress, hand_over, run_in_background, run_job
from tests.ui.conftest import InlinePool


def test_the_work_runs_on_a_pool_thread_and_the_answer_on_the_ui_thread(qtbot: QtBot) -> None:
    pool = QThreadPool()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work_thread"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.current_thread()

    run_in_background(work, done, lambda error: None, pool=pool)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()
    assert pool.waitForDone(1000)


def test_a_failure_arrives_as_the_exception_itself(qtbot: QtBot) -> None:
    class Broken(Exception):
        pass

    failures: list[BaseException] = []

    def work() -> None:
        raise Broken("the disk is full")

    run_in_background(work, lambda _r: None, failures.append, pool=QThreadPool())
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    (error,) = failures
    assert isinstance(error, Broken) and str(error) == "the disk is full"
    assert error.__traceback__ is not None  # for the log


def test_progress_and_cancel_like_calibres_jobs(qtbot: QtBot) -> None:
    started, go_on = threading.Event(), threading.Event()
    progress: list[Progress] = []
    answers: list[object] = []

    def work(job: Job) -> str:
        job.report(0.5, "half way")
        started.set()
        go_on.wait(5)
        return "stopped early" if job.cancelled else "finished"

    pool = QThreadPool()
    signals = run_job(work, answers.append, answers.append, on_progress=progress.append,
                      pool=pool)
    qtbot.waitUntil(lambda: bool(progress), timeout=5000)
    assert progress == [Progress(0.5, "half way")]
    assert started.is_set() and not signals.cancelled
    signals.cancel()
    go_on.set()
    assert pool.waitForDone(5000)
    qtbot.wait(50)
    assert answers == []  # cancelled: the answer is dropped


def test_an_inline_pool_still_answers_through_the_event_loop(qtbot: QtBot) -> None:
    answers: list[int] = []
    run_in_background(lambda: 7, answers.append, lambda error: None, pool=InlinePool())
    assert answers == []  # queued, not called from inside start
    qtbot.waitUntil(lambda: answers == [7], timeout=2000)


def test_a_window_closed_or_deleted_mid_work_drops_the_late_answer(qtbot: QtBot) -> None:
    release = threading.Event()
    pool = QThreadPool()
    closed = QLabel("waiting")
    qtbot.addWidget(closed)
    deleted = QLabel("waiting")
    destroyed: list[bool] = []
    deleted.destroyed.connect(lambda: destroyed.append(True))

    def work() -> str:
        release.wait(5)
        return "late answer"

    forgotten = run_in_background(work, closed.setText, lambda _error: closed.clear(),
                                  pool=pool)
    run_in_background(work, deleted.setText, lambda _error: deleted.clear(), pool=pool)
    forgotten.forget()  # what a window's done()/closeEvent does
    deleted.deleteLater()
    qtbot.waitUntil(lambda: destroyed == [True], timeout=2000)
    release.set()
    assert pool.waitForDone(5000)
    qtbot.wait(50)
    assert closed.text() == "waiting"


def test_hand_over_carries_a_plain_threads_values_to_the_ui_thread(qtbot: QtBot) -> None:
    received: list[tuple[int, bool]] = []

    def on_value(value: int) -> None:
        received.append((value, threading.current_thread() is threading.main_thread()))

    def post_three() -> None:
        for n in (1, 2, 3):
            channel.post(n)

    channel = hand_over(on_value)
    thread = threading.Thread(target=post_three)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(received) == 3, timeout=2000)
    assert received == [(1, True), (2, True), (3, True)]
    channel.forget()
    channel.post(4)
    qtbot.wait(20)
    assert len(received) == 3
