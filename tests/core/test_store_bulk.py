"""A whole refold writes without the read model's secondary indexes and with a larger page
cache (``store_bulk``): the store ends with exactly the indexes it had, the connection with
the cache it had, and a refold that fails part way leaves rows and indexes as they were."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from db.eventlog import Event
from db.models import CaseRow, GrantRow
from desktop.core import caselog, fold_rows
from desktop.core.desk import Desk
from desktop.core.seed import seed_history
from desktop.core.store_bulk import BULK_CACHE_KIB, large_page_cache, without_secondary_indexes
from tests.core.test_refold_whole import read_model


def indexes(desk: Desk) -> list[tuple[Any, ...]]:
    """Every index of the store: its name, table and SQL (None for a key's own)."""
    with Session(desk.engine) as db:
        return [tuple(row) for row in db.execute(text(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"))]


def test_a_whole_refold_leaves_the_store_with_the_indexes_it_had(desk: Desk) -> None:
    seed_history(desk, 300, years=0.2)
    before = indexes(desk)
    names = {row[0] for row in before}
    assert {"ix_case_guest", "ix_grant_day", "ix_grant_repeat", "ix_voucher_case"} <= names
    live = read_model(desk)
    desk.refold()
    assert indexes(desk) == before
    assert read_model(desk) == live
    with Session(desk.engine) as db:
        assert db.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        # The remade index answers the review's questions as before.
        plan = " ".join(str(row[-1]) for row in db.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM recovery_case WHERE guest_key = 'x'")))
        assert "ix_case_guest" in plan


def test_a_refold_that_fails_part_way_leaves_rows_and_indexes_as_they_were(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_history(desk, 200, years=0.1)
    before, live = indexes(desk), read_model(desk)
    monkeypatch.setattr(fold_rows, "SPILL_AT", 50)  # some rows already written when it fails
    folded = 0
    real_apply = caselog.apply_to

    def failing(rows: fold_rows.FoldRows, event: Event) -> bool:
        nonlocal folded
        folded += 1
        if folded == 600:
            raise RuntimeError("disk unplugged")
        return real_apply(rows, event)

    monkeypatch.setattr(caselog, "apply_to", failing)
    with pytest.raises(RuntimeError, match="disk unplugged"):
        desk.refold()
    assert folded == 600
    assert indexes(desk) == before
    assert read_model(desk) == live


def test_the_secondary_indexes_are_gone_only_while_writing(desk: Desk) -> None:
    before = indexes(desk)
    with (Session(desk.engine) as db, db.begin(),
          without_secondary_indexes(db, [CaseRow, GrantRow])):
        inside = {row[0]: row[1] for row in db.execute(text(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"))}
        # The tables' keys stay (rows are read back by them); other tables keep theirs.
        assert "sqlite_autoindex_recovery_case_1" in inside
        assert "sqlite_autoindex_gesture_grant_1" in inside
        assert "ix_case_guest" not in inside and "ix_grant_staff" not in inside
        assert "ix_voucher_case" in inside and "ix_event_case" in inside
    assert indexes(desk) == before


def test_the_larger_page_cache_lasts_only_while_writing(desk: Desk) -> None:
    with Session(desk.engine) as db, db.begin():
        connection = db.connection()
        connection.exec_driver_sql("PRAGMA cache_size=-1234")
        with large_page_cache(db):
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -BULK_CACHE_KIB
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -1234
        with pytest.raises(ValueError), large_page_cache(db):
            raise ValueError("a rule failed")
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -1234
        connection.exec_driver_sql("PRAGMA cache_size=-2000")
