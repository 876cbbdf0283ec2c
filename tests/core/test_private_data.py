"""Guest data is its owner's alone: the data dir 0700, the case log and kept slips 0600, an
older, wider data dir tightened on the next start, and the doctor says when it is not."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.doctor import Status, run_checks
from desktop.core.logs import setup_logging, stop_logging
from desktop.core.paths import DB_FILE
from desktop.slips.compose import keep_pdf

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows keeps the "
                                                           "data dir in the user's profile")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_desk_is_private(tmp_path: Path, clock: ManualClock) -> None:
    data_dir = tmp_path / "new" / "desk"
    desk = Desk.open(data_dir, clock)
    try:
        assert mode(data_dir) == 0o700
        assert mode(data_dir / DB_FILE) == 0o600
    finally:
        desk.close()
    doctor = {c.name: c for c in run_checks(data_dir)}["data dir"]
    assert doctor.status is Status.OK and "private" in doctor.detail


def test_an_older_open_data_dir_is_tightened_on_the_next_start(tmp_path: Path,
                                                               clock: ManualClock) -> None:
    data_dir = tmp_path / "desk"
    Desk.open(data_dir, clock).close()
    data_dir.chmod(0o755)
    (data_dir / DB_FILE).chmod(0o644)
    doctor = {c.name: c for c in run_checks(data_dir)}["data dir"]
    assert doctor.status is Status.WARN
    assert "other accounts" in doctor.detail and f"chmod -R go-rwx {data_dir}" in doctor.detail
    assert mode(data_dir) == 0o755  # the doctor only says so; it changes nothing
    Desk.open(data_dir, clock).close()
    assert mode(data_dir) == 0o700 and mode(data_dir / DB_FILE) == 0o600


def test_the_log_and_kept_slips_are_private_too(tmp_path: Path) -> None:
    data_dir = tmp_path / "desk"
    try:
        log = setup_logging(data_dir)
    finally:
        stop_logging()
    assert log is not None and mode(data_dir) == 0o700 and mode(log.parent) == 0o700
    kept = keep_pdf(data_dir, b"%PDF-1.4 slip", "voucher", datetime(2026, 11, 18, tzinfo=UTC))
    assert mode(kept.parent) == 0o700 and mode(kept) == 0o600
