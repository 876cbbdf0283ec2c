"""Issue 18 at chain scale: combustion points by hour of the week, outlet and person (a planted
burst is found, a steady history is not), the day × hour grid over a date range, and the
set-based recount the chain-scale seeder uses equal to the counters kept on arrival."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from headoffice import aggregates, windows
from headoffice.aggregates import week_keys
from headoffice.combustion import HISTORY_WEEKS, RECENT_WEEKS, poisson_tail
from headoffice.models import Site, SliceCount, WeekCount, WindowCount
from tests.headoffice.helpers import HQ, START
from tests.headoffice.test_analysis import (  # noqa: F401 (chain: a fixture)
    admin_get,
    case,
    chain,
    counters,
    drill,
    recount,
)

NOW = datetime(2026, 11, 18, 12, 0, tzinfo=START.tzinfo)
PLANTED = {"hour": ("63", "Wednesday 15:00"), "outlet": ("Spa", "Spa"),
           "person": ("staff-a-0", "staff-a-0")}


def steady_chain(hq: HQ, burst: str | None) -> list[Site]:
    """Six sites, sixteen weeks of the same cases each week: 8 noise cases, 2 on Wednesdays at
    15:00 and 6 at 10:00, 2 at the spa and 6 at the bar, 2 opened by one person and 6 by
    another. ``burst``: the dimension whose planted value gets 8 more a week at the first site
    in the last four weeks (the site's noise count with it)."""
    sites = [hq.add_site(f"Site {n}") for n in range(6)]
    weeks = [(NOW.date() - timedelta(days=NOW.weekday(), weeks=n)).isoformat()
             for n in range(16)]

    def seed(session: Session) -> None:
        session.execute(delete(WeekCount))
        session.execute(delete(SliceCount))
        for number, site in enumerate(sites):
            for n, week in enumerate(weeks):
                extra = 8 if (burst and number == 0 and n < 4) else 0
                session.add(WeekCount(site_id=site.id, week=week, category="Noise",
                                      cases=8 + extra, recovered=0, spend_minor=0, due=0,
                                      on_time=0))
                for dimension, values in (("hour", ("63", "10")), ("outlet", ("Spa", "Bar")),
                                          ("person", (f"staff-a-{number}",
                                                      f"staff-b-{number}"))):
                    for value, cases in zip(values, (2, 6), strict=True):
                        more = extra if dimension == burst and value == values[0] else 0
                        session.add(SliceCount(week=week, dimension=dimension,
                                               site_id=site.id, value=value,
                                               cases=cases + more))
    hq.db(seed)
    hq.clock.now = NOW
    return sites


def findings(page: str) -> list[tuple[str, ...]]:
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>.*?"
                      r"class='reason'>([^<]*)<", page)
    return [tuple(html.unescape(cell) for cell in row) for row in rows]


@pytest.mark.parametrize("dimension", ["hour", "outlet", "person"])
def test_a_planted_burst_is_a_combustion_point_named_with_its_reason(hq: HQ,
                                                                     dimension: str) -> None:
    sites = steady_chain(hq, dimension)
    page = admin_get(hq, "/analysis/combustion", hq.admin_token()).text
    value, label = PLANTED[dimension]
    rows = findings(page)
    assert [row[:3] for row in rows] == [("Site 0", dimension, label)]
    reason = rows[0][3]
    assert "40 case(s) in the last 4 weeks" in reason and "8.3 expected from its own" in reason
    assert ("chain's change" if dimension == "person" else "chain's share") in reason
    assert "Poisson" in page and "Benjamini–Hochberg" in page
    assert re.search(r"<span id='tested'>(\d+)</span>", page).group(1) == "42"  # type: ignore[union-attr]
    link = next(h for h in drill(page))
    query = parse_qs(urlsplit(link).query)
    assert query["site"] == [sites[0].id] and query["since"] == ["2026-10-26"]
    expected = {"hour": {"dow": ["2"], "hour": ["15"]}, "outlet": {"outlet": ["Spa"]},
                "person": {"opened_by": [value]}}[dimension]
    assert all(query[key] == wanted for key, wanted in expected.items())


def test_a_steady_history_has_no_combustion_point(hq: HQ) -> None:
    steady_chain(hq, None)
    page = admin_get(hq, "/analysis/combustion", hq.admin_token()).text
    assert "Nothing stands out" in page and findings(page) == []
    assert "<span id='tested'>42</span>" in page


def test_values_left_unfetched_could_never_be_named() -> None:
    """The database leaves out k = 1 and k <= λ + 1.5 √λ (λ = (h + 1) / 3): none could reach
    p <= 0.05, the most any named value has (the largest such k is the least surprising)."""
    for history in range(0, 3000):
        expected = (history + 1) / 3
        assert poisson_tail(1, expected) > 0.05
        largest = max(1, int(expected + 1.5 * expected ** 0.5))
        assert poisson_tail(largest, expected) > 0.05, history
        # The SQL's whole-number form leaves out exactly these.
        for k in (largest, largest + 1):
            excess = 3 * k - history - 1
            left_out = k < 2 or excess <= 0 or 4 * excess * excess <= 27 * (history + 1)
            assert left_out == (k <= expected + 1.5 * expected ** 0.5 or k < 2), (k, history)


def test_the_set_based_recount_equals_the_counters_kept_on_arrival(
        chain: tuple[HQ, Site, Site, list[str]]) -> None:  # noqa: F811
    hq = chain[0]
    kept = counters(hq)
    assert kept == recount(hq)
    hq.db(lambda session: aggregates.recount(session.connection()))
    assert counters(hq) == kept


def test_the_day_hour_grid_covers_the_days_asked_for(
        chain: tuple[HQ, Site, Site, list[str]]) -> None:  # noqa: F811
    hq, harbour, _hill, ids = chain
    token = hq.admin_token()
    # The harbour's cases: Tuesday 17 November (15:00 twice, 17:00), Wednesday 18 (15:00).
    every = drill(admin_get(hq, f"/analysis/hours?site={harbour.id}", token).text)
    assert len(every) == 3
    wednesday = admin_get(hq, f"/analysis/hours?site={harbour.id}&from=2026-11-18"
                              "&to=2026-11-18", token).text
    assert "from 2026-11-18 to 2026-11-18" in wednesday
    cells = drill(wednesday)
    assert len(cells) == 1 and "dow=2" in cells[0] and "from=2026-11-18" in cells[0]
    listed = admin_get(hq, cells[0], token).text
    assert "1 case(s)" in listed and ids[1] in listed
    chain_grid = admin_get(hq, "/analysis/hours?from=2026-11-17&to=2026-11-17", token).text
    tuesday = [c for c in drill(chain_grid) if "dow=1" in c and "hour=15" in c]
    assert len(tuesday) == 1 and ">3</a>" in chain_grid  # two at the harbour, one up the hill
    assert drill(admin_get(hq, "/analysis/hours?from=2025-01-01&to=2025-01-31", token).text) == []


@pytest.mark.parametrize(("query", "says"), [
    ("from=2026-11-20&to=2026-11-01", "after to"),
    ("from=yesterday", "valid date"),
    ("to=2026-13-40", "valid date"),
    ("from=0001-01-01", "between"),
])
def test_a_bad_date_range_is_refused_plainly(chain: tuple[HQ, Site, Site, list[str]],  # noqa: F811
                                             query: str, says: str) -> None:
    hq = chain[0]
    token = hq.admin_token()
    for path in ("/analysis/hours", "/analysis/cases"):
        response = admin_get(hq, f"{path}?{query}", token)
        assert response.status_code == 422
        assert says in str(response.json()["detail"])


def test_the_windows_follow_arriving_cases_as_a_recount_would_count_them(
        chain: tuple[HQ, Site, Site, list[str]]) -> None:  # noqa: F811
    hq, harbour, _hill, _ids = chain
    hq.clock.now = NOW
    token = hq.admin_token()
    assert admin_get(hq, "/analysis/combustion", token).status_code == 200  # counts them
    desk = hq.enrol(harbour, name="Terrace")
    for n in range(3):
        case(desk, category="Spa" if n else "Noise", at=NOW - timedelta(days=n, hours=2),
             gesture="drink", value=500, done_after=5)
    case(desk, category="Noise", at=NOW - timedelta(weeks=6), done_after=5)  # history
    case(desk, category="Noise", at=NOW - timedelta(weeks=30), done_after=5)  # neither
    assert hq.push(desk, desk.events).status_code == 200

    def windows_now(session: Session) -> set[tuple[object, ...]]:
        return {tuple(row) for row in session.execute(select(WindowCount.__table__))
                if row.recent or row.history}

    kept = hq.db(windows_now)
    assert ("category", harbour.id, "Spa", 2, 0) in kept
    keys = week_keys(NOW, RECENT_WEEKS + HISTORY_WEEKS)

    def recounted(session: Session) -> set[tuple[object, ...]]:
        windows.forget(session)
        windows.ensure(session, keys, RECENT_WEEKS)
        return windows_now(session)

    assert hq.db(recounted) == kept
    noise = next(row for row in kept if row[:3] == ("category", harbour.id, "Noise"))
    assert noise[4] >= 1  # the case six weeks ago counts in the previous weeks
