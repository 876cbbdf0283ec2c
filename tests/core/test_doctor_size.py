"""The doctor gives the database's size with its write-ahead log (issue 15, finding 12)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.doctor import database_size


def test_the_write_ahead_log_counts_in_the_size(tmp_path: Path) -> None:
    db = tmp_path / "amends.sqlite3"
    db.write_bytes(b"\0" * 4096)
    assert database_size(db) == "4 KiB"
    (tmp_path / "amends.sqlite3-wal").write_bytes(b"\0" * (3 * 1024 * 1024 + 512 * 1024))
    assert database_size(db) == "3.5 MiB: 4 KiB + 3.5 MiB write-ahead log"


def test_an_empty_log_is_not_mentioned(tmp_path: Path) -> None:
    db = tmp_path / "amends.sqlite3"
    db.write_bytes(b"\0" * 8192)
    (tmp_path / "amends.sqlite3-wal").write_bytes(b"")
    assert database_size(db) == "8 KiB"
