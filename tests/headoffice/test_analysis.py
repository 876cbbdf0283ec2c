"""The chain-wide analysis (issue 18, item 1): aggregates kept up to date as events arrive,
equal to a recount; the pages, each number drilling down to its cases; the statistic."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import format_utc
from headoffice import aggregates
from headoffice.analysis import benjamini_hochberg, poisson_tail
from headoffice.models import (
    CaseFact,
    ChainDayHourCount,
    DayHourCount,
    GestureCount,
    HourCount,
    PersonCount,
    Site,
    SliceCount,
    WeekCount,
)
from tests.headoffice.event_samples import SAMPLES
from tests.headoffice.helpers import HQ, START, Desk

COUNTERS = (WeekCount, HourCount, GestureCount, PersonCount, DayHourCount, ChainDayHourCount,
            SliceCount)
# 2026-11-17 14:30 in Paris is a Tuesday, 15:30 local.
OPENED = datetime(2026, 11, 17, 14, 30, tzinfo=START.tzinfo)


def case(desk: Desk, *, category: str, at: datetime, gesture: str | None = None,
         value: int = 0, done_after: int | None = None, outcome: str = "recovered",
         case_id: str | None = None, opened: bool = True) -> str:
    """A case's events at ``desk``: opened, a gesture, fixed, follow-up due 20 minutes later
    and done ``done_after`` minutes after the fix, closed."""
    case_id = case_id or str(uuid.uuid4())
    if opened:
        desk.add("case.opened", case_id=case_id, at=at,
                 payload={**SAMPLES["case.opened"], "category": category})
    if gesture:
        desk.add("compensation.granted", case_id=case_id, at=at + timedelta(minutes=5),
                 payload={**SAMPLES["compensation.granted"], "gesture_type": gesture,
                          "value_minor": value, "grant_id": str(uuid.uuid4())})
    fixed = at + timedelta(minutes=10)
    desk.add("followup.due", case_id=case_id, at=fixed,
             payload={"due_at": format_utc(fixed + timedelta(minutes=20))})
    if done_after is not None:
        desk.add("followup.done", case_id=case_id, at=fixed + timedelta(minutes=done_after),
                 payload={"note": "called"})
    desk.add("case.closed", case_id=case_id, at=fixed + timedelta(minutes=40),
             payload={"outcome": outcome})
    return case_id


def counters(hq: HQ) -> dict[str, set[tuple[Any, ...]]]:
    def read(session: Session) -> dict[str, set[tuple[Any, ...]]]:
        found = {}
        for model in COUNTERS:
            table = model.__table__
            rows = session.execute(select(table)).all()
            found[model.__name__] = {tuple(r) for r in rows if any(
                v for c, v in zip(table.columns, r, strict=True) if not c.primary_key)}
        return found
    return hq.db(read)


def recount(hq: HQ) -> dict[str, set[tuple[Any, ...]]]:
    """The counters as a scan of the per-case rows gives them."""
    def read(session: Session) -> dict[str, set[tuple[Any, ...]]]:
        totals: dict[Any, dict[str, int]] = {}
        for row in session.scalars(select(CaseFact)):
            aggregates._add(totals, aggregates.contribution(row), 1)
        found: dict[str, set[tuple[Any, ...]]] = {m.__name__: set() for m in COUNTERS}
        for (model, key), values in totals.items():
            names = [c.name for c in model.__table__.columns if not c.primary_key]
            found[model.__name__].add((*key, *(values.get(n, 0) for n in names)))
        return found
    return hq.db(read)


@pytest.fixture
def chain(hq: HQ) -> tuple[HQ, Site, Site, list[str]]:
    """Two sites: the harbour with noise and food cases at two desks, some out of order."""
    harbour, hill = hq.add_site("Harbour"), hq.add_site("Hill", "EUR", "Europe/Berlin")
    bar, lobby = hq.enrol(harbour, name="Bar"), hq.enrol(harbour, name="Lobby")
    up = hq.enrol(hill, name="Up")
    ids = [case(bar, category="Noise", at=OPENED, gesture="drink", value=1200, done_after=15),
           case(bar, category="Noise", at=OPENED + timedelta(days=1), gesture="drink",
                value=800, done_after=30, outcome="not_recovered"),
           case(bar, category="Food", at=OPENED, done_after=None)]
    # The lobby's gesture and follow-up on a case the bar opens only later.
    late = str(uuid.uuid4())
    case(lobby, category="Food", at=OPENED, gesture="dessert", value=500, done_after=5,
         case_id=late, opened=False)
    ids.append(late)
    case(up, category="Noise", at=OPENED, gesture="room", value=9000, done_after=10)
    for desk in (lobby, up, bar):
        assert hq.push(desk, desk.events).status_code == 200
    bar.add("case.opened", case_id=late, at=OPENED + timedelta(hours=2),
            payload={**SAMPLES["case.opened"], "category": "Noise"})
    bar.add("case.updated", case_id=late, at=OPENED + timedelta(hours=3),
            payload={"category": "Food"})
    assert hq.push(bar, bar.events[-2:]).status_code == 200
    return hq, harbour, hill, ids


def test_aggregates_equal_a_recount_whatever_the_arrival_order(
        chain: tuple[HQ, Site, Site, list[str]]) -> None:
    hq, harbour, hill, _ids = chain
    assert counters(hq) == recount(hq)
    weeks = {(r[0], r[2]): r[3:] for r in counters(hq)["WeekCount"]}
    # cases, recovered, spend, follow-ups due, on time
    assert weeks[(harbour.id, "Noise")] == (2, 1, 2000, 2, 1)
    assert weeks[(harbour.id, "Food")] == (2, 2, 500, 2, 1)
    assert weeks[(hill.id, "Noise")] == (1, 1, 9000, 1, 1)
    hours = {r[:3]: r[3] for r in counters(hq)["HourCount"]}
    assert hours[(harbour.id, 1, 15)] == 2  # Tuesday 15:30 in Paris (bar's noise and food)
    assert hours[(hill.id, 1, 15)] == 1
    # Rebuilt from the stored events, the counters are the same.
    before = counters(hq)
    hq.db(lambda s: [aggregates.rebuild(s, site.id) for site in (harbour, hill)])
    assert counters(hq) == before


def test_events_of_other_kinds_touch_no_aggregate(hq: HQ) -> None:
    desk = hq.enrol(hq.add_site())
    desk.add_many(3)
    assert hq.push(desk, desk.events).status_code == 200
    assert hq.db(lambda s: s.scalars(select(CaseFact)).all()) == []


def admin_get(hq: HQ, path: str, token: str) -> httpx.Response:
    return hq.client.get(path, auth=("admin", token))


def drill(page: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r"class='drill' href='([^']+)'",
                                                              page)]


def test_each_page_drills_down_to_the_cases_behind_its_numbers(
        chain: tuple[HQ, Site, Site, list[str]]) -> None:
    hq, harbour, _hill, ids = chain
    hq.clock.now = OPENED + timedelta(days=3)
    token = hq.admin_token()
    for path in ("/analysis", "/analysis/failures", "/analysis/hours",
                 f"/analysis/hours?site={harbour.id}", "/analysis/combustion",
                 "/analysis/recovery", "/analysis/recovery?by=site",
                 "/analysis/recovery?by=category", "/analysis/followup", "/analysis/cases"):
        response = admin_get(hq, path, token)
        assert response.status_code == 200, (path, response.text)
        assert "script-src" not in response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert "<script" not in response.text
        assert hq.client.get(path).status_code == 401
    failures = admin_get(hq, "/analysis/failures", token).text
    link = next(h for h in drill(failures) if f"site={harbour.id}" in h and "Noise" in h)
    listed = admin_get(hq, link, token).text
    assert "2 case(s)" in listed and ids[0] in listed and ids[1] in listed
    assert ids[2] not in listed  # food
    grid = admin_get(hq, f"/analysis/hours?site={harbour.id}", token).text
    cells = drill(grid)
    assert len(cells) == 3  # Tuesday 15:00 (two cases), 17:00, Wednesday 15:00
    cell = next(c for c in cells if "dow=1" in c and "hour=15" in c)
    assert "2 case(s)" in admin_get(hq, cell, token).text
    recovery = admin_get(hq, "/analysis/recovery", token).text
    assert "drink" in recovery and "50%" in recovery  # one of the two drinks recovered
    dessert = next(h for h in drill(recovery) if "gesture=dessert" in h)
    assert ids[3] in admin_get(hq, dessert, token).text
    follow = admin_get(hq, "/analysis/followup", token).text
    assert "whole site" in follow
    assert "done late" in admin_get(hq, f"/analysis/cases?site={harbour.id}", token).text


def test_follow_ups_per_person_name_the_person(hq: HQ) -> None:
    """The per-person rows name whoever did the follow-up (from the site's staff events)."""
    site = hq.add_site("Quay")
    desk = hq.enrol(site, name="Front")
    nia = str(uuid.uuid4())
    desk.add("staff.added", at=OPENED - timedelta(days=1), actor=nia, payload={
        "staff_id": nia, "name": "Nia Okafor", "role": "agent", "pin_hash": "scrypt$1$1$1$a$b"})
    case_id = str(uuid.uuid4())
    desk.add("case.opened", case_id=case_id, at=OPENED, actor=nia,
             payload={**SAMPLES["case.opened"], "category": "Noise"})
    desk.add("followup.due", case_id=case_id, at=OPENED, actor=nia,
             payload={"due_at": format_utc(OPENED + timedelta(minutes=20))})
    desk.add("followup.done", case_id=case_id, at=OPENED + timedelta(minutes=12), actor=nia,
             payload={"note": "called"})
    assert hq.push(desk, desk.events).status_code == 200
    page = admin_get(hq, f"/analysis/followup?site={site.id}", hq.admin_token()).text
    assert "Nia Okafor" in page and nia[:8] in page


def test_bad_filters_are_refused_plainly(chain: tuple[HQ, Site, Site, list[str]]) -> None:
    hq = chain[0]
    token = hq.admin_token()
    assert admin_get(hq, "/analysis/cases?dow=9", token).status_code == 422
    assert admin_get(hq, "/analysis/cases?week=yesterday", token).status_code == 422
    assert admin_get(hq, "/analysis/recovery?by=mood", token).status_code == 422
    missing = admin_get(hq, "/analysis/hours?site=nowhere", token)
    assert missing.status_code == 404 and "no site" in missing.json()["detail"]
    assert "0 case(s)" in admin_get(hq, "/analysis/cases?category=%3Cb%3E", token).text


def test_the_poisson_tail_and_the_false_discovery_control() -> None:
    assert poisson_tail(0, 3.0) == 1.0
    assert poisson_tail(1, 0.0) == 0.0
    assert poisson_tail(1, 2.0) == pytest.approx(1 - 0.1353352832, rel=1e-9)
    assert poisson_tail(10, 2.0) == pytest.approx(4.6498e-05, rel=1e-3)
    assert 0 < poisson_tail(400, 300.0) < 1e-7  # large counts do not overflow
    found = benjamini_hochberg([(0.001, "a"), (0.04, "b"), (0.03, "c"), (0.9, "d")],  # type: ignore[list-item]
                               0.05)
    assert found == ["a"]  # 0.03 > 0.05 * 2 / 4, so only the first
    assert benjamini_hochberg([(0.01, "a"), (0.02, "b")], 0.05) == ["a", "b"]  # type: ignore[list-item]


def test_a_burst_at_one_site_is_a_combustion_point_with_its_reason(hq: HQ) -> None:
    now = datetime(2026, 11, 18, 12, 0, tzinfo=START.tzinfo)
    sites = [hq.add_site(f"Site {n}") for n in range(6)]
    weeks = [(now.date() - timedelta(days=now.weekday(), weeks=n)).isoformat()
             for n in range(16)]

    def seed(session: Session) -> None:
        session.execute(delete(WeekCount))
        for site in sites:
            for n, week in enumerate(weeks):
                recent = n < 4
                noise = 9 if (site is sites[0] and recent) else 1
                for category, count in (("Noise", noise), ("Food", 3)):
                    session.add(WeekCount(site_id=site.id, week=week, category=category,
                                          cases=count, recovered=0, spend_minor=0, due=0,
                                          on_time=0))
    hq.db(seed)
    hq.clock.now = now
    page = admin_get(hq, "/analysis/combustion", hq.admin_token()).text
    assert "Benjamini–Hochberg" in page and "Poisson" in page
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>.*?"
                      r"class='reason'>([^<]*)<", page)
    assert [row[:3] for row in rows] == [("Site 0", "category", "Noise")]
    assert "36 case(s) in the last 4 weeks" in rows[0][3]


def test_the_rebuild_command_recounts_every_site(chain: tuple[HQ, Site, Site, list[str]],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from headoffice.cli import main

    hq, harbour, _hill, _ids = chain
    before = counters(hq)
    hq.db(lambda s: [s.execute(delete(m)) for m in (CaseFact, *COUNTERS)])  # as before 0004
    assert counters(hq) == {m.__name__: set() for m in COUNTERS}
    url = hq.app.state.engine.url.render_as_string(hide_password=False)
    assert main(["--db", url, "aggregates", "rebuild"]) == 0
    assert f"{harbour.id}\tHarbour\t4 case(s)" in capsys.readouterr().out
    assert counters(hq) == before
