"""Keyset paging of long lists: windows read after the last row's key, never by OFFSET from the
top, and the same rows in the same order as one query would give, ties in the key included."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import GrantRow, format_utc
from desktop.core.desk import Desk
from desktop.core.lazy_list import Lazy
from desktop.core.review import GRANT_ORDER


@pytest.fixture
def tied(desk: Desk) -> list[str]:
    """240 grants on a handful of days at a handful of instants: most sort keys tie on the day
    and the time, and only the id tells them apart. Returns the ids in their true order."""
    rng = random.Random(3)
    base = datetime(2026, 3, 1, 9, tzinfo=UTC)
    rows = []
    for n in range(240):
        at = base + timedelta(hours=rng.choice((0, 0, 0, 5, 30)))
        rows.append((f"{rng.getrandbits(64):016x}-grant-{n}", "case", "comp", "Dessert", 100,
                     "USD", format_utc(at), at.date().isoformat()))
    with sqlite3.connect(desk.db_path) as connection:
        connection.executemany(
            "INSERT INTO gesture_grant (id, case_id, gesture_type, description, value_minor, "
            "currency, granted_at, local_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return [r[0] for r in sorted(rows, key=lambda r: (r[7], r[6], r[0]))]


def _ids(desk: Desk) -> Lazy[str]:
    return Lazy(desk.engine, select(GrantRow.id), lambda row: str(row[0]), key=GRANT_ORDER)


@pytest.mark.parametrize("page", [1, 7, 50, 240, 500])
def test_page_after_page_gives_every_row_once_in_order(desk: Desk, tied: list[str],
                                                       page: int) -> None:
    ids = _ids(desk)
    read: list[str] = []
    while batch := ids[len(read):len(read) + page]:
        read += batch
    assert read == tied
    assert len(ids) == len(tied) and list(ids) == tied


def test_pages_after_the_first_ask_by_key_not_by_offset(desk: Desk, tied: list[str]) -> None:
    ids = _ids(desk)
    statements: list[tuple[str, tuple[object, ...]]] = []

    def seen(_conn, _cursor, statement, params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, tuple(params)))

    from sqlalchemy import event

    event.listen(desk.engine, "before_cursor_execute", seen)
    try:
        for start in range(0, 200, 20):
            assert ids[start:start + 20] == tied[start:start + 20]
    finally:
        event.remove(desk.engine, "before_cursor_execute", seen)
    # SQLite's dialect always writes "LIMIT ? OFFSET ?": every offset asked is 0.
    assert [params[-1] for s, params in statements if "OFFSET" in s] == [0] * 10
    assert sum("(gesture_grant.local_day, gesture_grant.granted_at, gesture_grant.id) >"
               in s for s, _params in statements) == 9


def test_jumps_back_and_forth_and_single_rows_match(desk: Desk, tied: list[str]) -> None:
    ids = _ids(desk)
    rng = random.Random(11)
    for _ in range(40):
        start = rng.randrange(0, 260)
        size = rng.randrange(1, 40)
        assert ids[start:start + size] == tied[start:start + size]
    assert ids[0] == tied[0] and ids[-1] == tied[-1] and ids[123] == tied[123]
    assert ids[239:] == tied[239:] and ids[240:] == []
    with pytest.raises(IndexError):
        ids[240]


def test_a_list_needs_its_key(desk: Desk) -> None:
    with pytest.raises(ValueError, match="ordered by"):
        Lazy(desk.engine, select(GrantRow.id), lambda row: str(row[0]), key=())


def test_since_keeps_the_rows_from_that_first_key_on(desk: Desk, tied: list[str]) -> None:
    with sqlite3.connect(desk.db_path) as connection:
        days = dict(connection.execute("SELECT id, local_day FROM gesture_grant"))
    since = sorted(set(days.values()))[1]
    wanted = [grant_id for grant_id in tied if days[grant_id] >= since]
    assert 0 < len(wanted) < len(tied)
    ids = Lazy(desk.engine, select(GrantRow.id), lambda row: str(row[0]), key=GRANT_ORDER,
               since=since)
    read: list[str] = []
    while batch := ids[len(read):len(read) + 30]:
        read += batch
    assert read == wanted and list(ids) == wanted and len(ids) == len(wanted)
    assert ids[17:40] == wanted[17:40] and ids[-1] == wanted[-1]


def test_a_window_after_a_bookmark_is_a_seek_on_the_day_index(desk: Desk, tied: list[str]
                                                              ) -> None:
    ids = Lazy(desk.engine, select(GrantRow.id).where(GrantRow.local_day <= "2026-12-31"),
               lambda row: str(row[0]), key=GRANT_ORDER, since="2026-01-01")
    statements: list[tuple[str, tuple[object, ...]]] = []

    def seen(_conn, _cursor, statement, params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, tuple(params)))

    from sqlalchemy import event

    event.listen(desk.engine, "before_cursor_execute", seen)
    try:
        assert ids[:20] + ids[20:40] == tied[:40]
    finally:
        event.remove(desk.engine, "before_cursor_execute", seen)
    with sqlite3.connect(desk.db_path) as connection:
        plans = [" ".join(str(step[3]) for step in connection.execute(
            f"EXPLAIN QUERY PLAN {statement}", params)) for statement, params in statements
            if "FROM gesture_grant" in statement]
    # The first window from the period's first day, the next from the bookmark: neither
    # walks the index from an earlier row.
    assert "ix_grant_day (local_day>? AND local_day<?)" in plans[0]
    assert "ix_grant_day ((local_day,granted_at)>(?,?) AND local_day<?)" in plans[1]
