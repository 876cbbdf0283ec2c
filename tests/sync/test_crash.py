"""`amends sync --now` killed with SIGKILL at random points, restarted: still exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backends import fail

from desktop.core import caselog
from desktop.core.desk import Desk
from desktop.core.secrets import SecretStore
from desktop.sync.client import enroll
from tests.conftest import REPO
from tests.headoffice.helpers import HQ
from tests.sync.helpers import assert_hq_holds_exactly, local_chain, open_cases

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

KILLS = 6


def _sync_process(data_dir: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "AMENDS_HOME": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "sync", "--now",
         "--batch-size", "25"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sync_killed_at_random_points_then_rerun_holds_each_event_once(
        hq: HQ, make_eur_desk: Callable[..., Desk]) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    # The child process has no keychain: the token travels through the flagged file fallback.
    desk._secret_store = SecretStore(desk.data_dir, backend=fail.Keyring())
    [case_id] = open_cases(desk, 1)
    with desk.recorder.tx() as db:
        for i in range(4000):
            caselog.append(db, device_id=desk.device_id, kind="note.added", at=desk.now(),
                           case_id=case_id, actor=None, payload={"text": f"bulk {i}"})
    enroll(desk, hq.server.url, hq.code(site))
    total = desk.ledger.state().pending
    desk.close()

    rng = random.Random(5)
    hit_running = 0
    partial = 0
    for _ in range(KILLS):
        process = _sync_process(desk.data_dir)
        # A random moment, from interpreter start-up to well into the push; not an assertion.
        time.sleep(rng.uniform(0.2, 2.5))
        if process.poll() is None:
            hit_running += 1
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        # After every kill: the local chain verifies, and nothing is marked acknowledged that
        # head office does not hold, identical.
        reopened = Desk.open(desk.data_dir)
        try:
            local = local_chain(reopened)
            held = hq.held(reopened.device_id)
            acked = total - reopened.ledger.state().pending
            assert held == local[:len(held)]
            assert acked <= len(held)
            partial += 0 < len(held) < total
        finally:
            reopened.close()
    assert hit_running > 0

    process = _sync_process(desk.data_dir)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    assert out.startswith(b"Pushed ") and b"; 0 waiting" in out

    reopened = Desk.open(desk.data_dir)
    try:
        assert reopened.ledger.state().pending == 0
        assert hq.count(reopened.device_id) == total
        assert_hq_holds_exactly(hq, reopened)
    finally:
        reopened.close()
    print(f"kills: {KILLS}, on a running process: {hit_running}, mid-push: {partial}")
