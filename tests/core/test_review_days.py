"""The review's per-day totals: always a recount of the rows, upgraded stores, renamed guests,
a changed time zone, and the lazy lists that stand in for a year of grants."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from db.migrate import alembic_config
from db.models import Base, ReviewDayRow, Setting
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.review import Review
from desktop.core.review_days import refresh_review_days
from desktop.core.seed import seed_history
from desktop.core.views import CaseHeader, GestureProposal
from tests.conftest import Team, make_desk


def day_rows(desk: Desk) -> list[tuple[str, str, str, int, int]]:
    with Session(desk.engine) as db:
        return sorted(tuple(r) for r in db.execute(  # type: ignore[misc]
            select(ReviewDayRow.day, ReviewDayRow.dim, ReviewDayRow.key, ReviewDayRow.count,
                   ReviewDayRow.spend)))


def recounted(desk: Desk) -> list[tuple[str, str, str, int, int]]:
    """What a full recount from the rows gives, without keeping it."""
    with Session(desk.engine) as db:
        db.begin()
        refresh_review_days(db, None)
        rows = sorted(tuple(r) for r in db.execute(  # type: ignore[misc]
            select(ReviewDayRow.day, ReviewDayRow.dim, ReviewDayRow.key, ReviewDayRow.count,
                   ReviewDayRow.spend)))
        db.rollback()
    return rows


def test_day_totals_always_equal_a_recount(desk: Desk, team: Team, clock: ManualClock,
                                           tmp_path: Path) -> None:
    who = team.sign_in(team.agent)
    header = CaseHeader("Ines Duarte", "Room 12", "Front Desk", "maintenance", "medium")
    first = desk.cases.open(who, header)
    assert desk.grants.grant(who, first, GestureProposal("comp", "Dessert", 1200)).granted
    assert day_rows(desk) == recounted(desk) != []
    # The category changes after the gesture: the gesture's day moves to the new category.
    clock.advance(hours=30)
    desk.cases.update_header(who, first, CaseHeader("Ines Duarte", "Room 12", "Brasserie",
                                              "food_quality", "medium"))
    rows = day_rows(desk)
    assert rows == recounted(desk)
    assert [r for r in rows if r[1] == "category"] == [
        (r[0], "category", "food_quality", 1, 1200) for r in rows if r[1] == "category"]
    desk.cases.complete_step(who, first, "fix", {"fix_action": "New dish"})
    clock.advance(minutes=45)
    desk.cases.complete_followup(who, first, "happy")  # late: due 20 minutes after the fix
    desk.cases.close(who, first, root_cause="kitchen", detail="", outcome="recovered")
    assert day_rows(desk) == recounted(desk)
    # Another desk's case, merged late, counts on the day it happened there.
    other = make_desk(tmp_path / "other", clock)
    other_team = Team(other)
    them = other_team.sign_in(other_team.agent)
    theirs = other.cases.open(them, CaseHeader("Oskar Lind", "Room 3", "Front Desk", "noise",
                                              "low"))
    assert other.grants.grant(them, theirs, GestureProposal("amenity", "Drinks", 900)).granted
    desk.ledger.merge_remote(other.ledger.outbox(1000), 1)
    desk.ledger.refold_after_merge()
    assert day_rows(desk) == recounted(desk)
    review = desk.review(date(2026, 11, 1), date(2026, 12, 31))
    assert review.total_spend == 2100 and review.case_count == 2
    assert list(review.late_followups) == [first]
    assert review.outcomes == {"recovered": 1}
    other.close()
    # A refold gives the same totals.
    desk.refold()
    assert day_rows(desk) == recounted(desk)


def test_a_store_from_schema_0001_is_upgraded_and_backfilled(data_dir: Path,
                                                           clock: ManualClock) -> None:
    desk = make_desk(data_dir, clock)
    seed_history(desk, 120, years=0.1)
    team = Team(desk)
    who = team.sign_in(team.agent)
    for _ in range(2):  # one guest, two cases with gestures: a link the upgrade must rebuild
        case_id = desk.cases.open(who, CaseHeader("Ada Byron", "Room 9"))
        assert desk.grants.grant(who, case_id, GestureProposal("comp", "Tea", 700)).granted
        clock.advance(hours=3)
    today = desk.site.local_time(desk.now()).date()
    before = desk.review(today - timedelta(days=60), today)

    def findings(review: Review) -> list[tuple[str, str, tuple[str, ...]]]:
        return sorted((f.rule, f.subject, tuple(f.case_ids)) for f in review.findings)

    expected = (before.total_spend, before.case_count, before.week_grid,
                list(before.grants), findings(before))
    assert any(rule == "guest_many_cases" for rule, _s, _c in expected[4])
    desk.close()
    # Back to the first released schema, as an older Amends left it.
    desk = Desk.open(data_dir, clock)
    config = alembic_config()
    with desk.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001_initial")
        connection.commit()
    desk.close()
    desk = Desk.open(data_dir, clock)
    with Session(desk.engine) as db:
        assert db.get(Setting, "review_backfill") is None  # the backfill ran and cleared it
    after = desk.review(today - timedelta(days=60), today)
    assert (after.total_spend, after.case_count, after.week_grid, list(after.grants),
            findings(after)) == expected
    assert expected[0] > 0
    desk.close()


def test_migrations_match_the_models(desk: Desk) -> None:
    with desk.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []


def test_a_renamed_guest_joins_or_leaves_a_stay(desk: Desk, team: Team,
                                                clock: ManualClock) -> None:
    who = team.sign_in(team.agent)
    today = desk.site.local_time(desk.now()).date()

    def guest_findings() -> list[tuple[str, ...]]:
        review = desk.review(today - timedelta(days=5), today + timedelta(days=5))
        return [tuple(f.case_ids) for f in review.findings if f.rule == "guest_many_cases"]

    first = desk.cases.open(who, CaseHeader("Amal Haddad", "Room 7"))
    assert desk.grants.grant(who, first, GestureProposal("comp", "Breakfast", 1500)).granted
    clock.advance(hours=20)
    second = desk.cases.open(who, CaseHeader("A. Hadad", "Room 7"))
    assert desk.grants.grant(who, second, GestureProposal("comp", "Drinks", 800)).granted
    assert guest_findings() == []
    # The desk fixes the misspelt name of the earlier case: now one guest, two cases.
    desk.cases.update_header(who, second, CaseHeader("Amal Haddad", "Room 7"))
    assert guest_findings() == [tuple(sorted((first, second)))]
    desk.cases.update_header(who, first, CaseHeader("Amal Haddad-Rizk", "Room 7"))
    assert guest_findings() == []
    desk.refold()
    assert guest_findings() == []


def test_a_new_time_zone_moves_cases_to_its_days_and_hours(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Yuki Sato", "Room 4"))
    opened = desk.cases.get(case_id).opened_at
    new_york = opened.astimezone(desk.site.info().zone)
    desk.ledger.record_enrolment(url="http://127.0.0.1:1", site_id="s", site_name="",
                          timezone="Asia/Tokyo")
    tokyo = desk.site.local_time(opened)
    assert tokyo.hour != new_york.hour
    review = desk.review(tokyo.date(), tokyo.date())
    assert review.week_grid[tokyo.weekday()][tokyo.hour] == 1
    assert review.case_count == 1
    assert day_rows(desk) == recounted(desk)


def test_lazy_lists_read_windows_and_stream(desk: Desk) -> None:
    seed_history(desk, 300, years=0.2)
    today = desk.site.local_time(desk.now()).date()
    grants = desk.review(today - timedelta(days=80), today).grants
    everything = list(grants)
    assert len(grants) == len(everything) > 200
    assert grants[:10] == everything[:10]
    assert grants[100:110] == everything[100:110]
    assert grants[-1] == everything[-1] and grants[5] == everything[5]
    assert grants[len(grants):] == []
    assert [g.granted_at for g in everything] == sorted(g.granted_at for g in everything)
    with pytest.raises(IndexError):
        grants[len(grants)]
    with desk.engine.connect() as connection:
        held = connection.execute(text("SELECT count(*) FROM gesture_grant")).scalar_one()
    assert held >= len(grants)
