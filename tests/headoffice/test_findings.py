"""Combustion's kept findings (issue 18 at chain scale): the page reads what the scheduled job
computed and says when; a push of cases in the counted weeks marks them stale and the job's
next turn recomputes them, as it does when the week turns; when the job has had no turn for
a while, the page computes out-of-date findings itself."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

from sqlalchemy.orm import Session

from headoffice import findings
from headoffice.models import FindingRun, JobLease, Site
from headoffice.schedule import FINDINGS, findings_loop, findings_turn
from tests.headoffice.helpers import HQ
from tests.headoffice.test_analysis import admin_get, case
from tests.headoffice.test_analysis_scale import NOW, steady_chain
from tests.headoffice.test_analysis_scale import findings as rows_of


def computed(page: str) -> str:
    found = re.search(r"<p id='computed' class='muted'>([^<]*)</p>", page)
    assert found is not None, page
    return found.group(1)


def burst(hq: HQ, site: Site) -> None:
    """30 Wi-Fi cases at ``site`` over the last days (none before): a combustion point."""
    desk = hq.enrol(site, name="Burst")
    for n in range(30):
        case(desk, category="Wi-Fi", at=NOW - timedelta(days=n % 20, hours=2), done_after=5)
    assert hq.push(desk, desk.events).status_code == 200


def run(hq: HQ) -> FindingRun | None:
    def read(session: Session) -> FindingRun | None:
        row = session.get(FindingRun, findings.RUN)
        if row is not None:
            session.expunge(row)
        return row

    return hq.db(read)


def test_the_page_reads_the_kept_findings_and_says_when_they_were_computed(hq: HQ) -> None:
    steady_chain(hq, None)
    token = hq.admin_token()
    page = admin_get(hq, "/analysis/combustion", token).text  # none kept: computed now
    assert "Nothing stands out" in page
    assert computed(page) == "Computed at 2026-11-18 12:00 UTC."
    kept = run(hq)
    assert kept is not None and not kept.stale and kept.last_week == "2026-11-16"
    hq.clock.now = NOW + timedelta(minutes=3)
    again = admin_get(hq, "/analysis/combustion", token).text
    assert computed(again) == "Computed at 2026-11-18 12:00 UTC."  # read, not recomputed
    assert findings_turn(hq.factory, hq.clock()) is False  # nothing arrived: nothing to do


def test_a_push_marks_them_stale_and_the_jobs_turn_recomputes_them(hq: HQ) -> None:
    sites = steady_chain(hq, None)
    token = hq.admin_token()
    assert "Nothing stands out" in admin_get(hq, "/analysis/combustion", token).text
    assert findings_turn(hq.factory, NOW) is False  # the job runs, nothing to do
    hq.clock.now = NOW + timedelta(minutes=1)
    burst(hq, sites[0])
    kept = run(hq)
    assert kept is not None and kept.stale
    page = admin_get(hq, "/analysis/combustion", token).text
    assert "Nothing stands out" in page  # still what was computed, and it says so
    assert computed(page) == ("Computed at 2026-11-18 12:00 UTC. Cases have arrived since: "
                              "they are computed again within 5 minutes.")
    hq.clock.now = NOW + timedelta(minutes=4)
    assert findings_turn(hq.factory, hq.clock()) is True
    page = admin_get(hq, "/analysis/combustion", token).text
    assert ("Site 0", "category", "Wi-Fi") in [row[:3] for row in rows_of(page)]
    assert computed(page) == "Computed at 2026-11-18 12:04 UTC."
    assert findings_turn(hq.factory, hq.clock()) is False


def test_a_push_outside_the_counted_weeks_leaves_them_fresh(hq: HQ) -> None:
    sites = steady_chain(hq, None)
    admin_get(hq, "/analysis/combustion", hq.admin_token())
    desk = hq.enrol(sites[1], name="Old papers")
    case(desk, category="Noise", at=NOW - timedelta(weeks=40), done_after=5)
    desk.add("note.added")
    assert hq.push(desk, desk.events).status_code == 200
    kept = run(hq)
    assert kept is not None and not kept.stale


def test_the_weeks_turn_is_the_jobs_not_the_first_readers(hq: HQ) -> None:
    steady_chain(hq, "outlet")
    token = hq.admin_token()
    first = rows_of(admin_get(hq, "/analysis/combustion", token).text)
    assert [row[:3] for row in first] == [("Site 0", "outlet", "Spa")]
    sunday = NOW + timedelta(days=4, hours=11, minutes=58)  # Sunday 22 November, 23:58
    assert findings_turn(hq.factory, sunday) is False
    hq.clock.now = sunday + timedelta(minutes=3)  # Monday 23 November, 00:01
    page = admin_get(hq, "/analysis/combustion", token).text
    assert rows_of(page) == first  # last week's findings, not a recount on this request
    assert "A new week has begun since" in computed(page)
    assert findings_turn(hq.factory, hq.clock()) is True
    kept = run(hq)
    assert kept is not None and kept.last_week == "2026-11-23" and not kept.stale
    page = admin_get(hq, "/analysis/combustion", token).text
    assert computed(page) == "Computed at 2026-11-23 00:01 UTC."
    assert ("since=2026-10-26" not in page) and "since=2026-11-02" in page  # the new weeks


def test_without_the_job_the_page_recomputes_what_is_out_of_date(hq: HQ) -> None:
    sites = steady_chain(hq, None)
    token = hq.admin_token()
    admin_get(hq, "/analysis/combustion", token)
    burst(hq, sites[0])  # no job has ever run
    page = admin_get(hq, "/analysis/combustion", token).text
    assert ("Site 0", "category", "Wi-Fi") in [row[:3] for row in rows_of(page)]
    assert computed(page) == "Computed at 2026-11-18 12:00 UTC."


def test_a_job_silent_for_too_long_leaves_the_recount_to_the_page(hq: HQ) -> None:
    sites = steady_chain(hq, None)
    token = hq.admin_token()
    admin_get(hq, "/analysis/combustion", token)
    findings_turn(hq.factory, NOW)
    burst(hq, sites[0])
    assert "Nothing stands out" in admin_get(hq, "/analysis/combustion", token).text
    hq.clock.now = NOW + findings.LATE  # no turn since
    page = admin_get(hq, "/analysis/combustion", token).text
    assert ("Site 0", "category", "Wi-Fi") in [row[:3] for row in rows_of(page)]
    assert computed(page) == "Computed at 2026-11-18 12:15 UTC."


def test_the_scheduled_job_takes_its_lease_and_records_its_turn(hq: HQ) -> None:
    steady_chain(hq, "hour")

    def recorded(session: Session) -> tuple[bool | None, str] | None:
        row = session.get(JobLease, FINDINGS)
        return None if row is None or row.finished_at is None else (row.ok, row.summary)

    async def one_turn() -> tuple[bool | None, str] | None:
        task = asyncio.create_task(findings_loop(hq.factory, hq.clock, timedelta(hours=1)))
        try:
            for _ in range(600):  # until the first turn is recorded (no timing asserted)
                await asyncio.sleep(0.05)
                if (done := hq.db(recorded)) is not None:
                    return done
            return None
        finally:
            task.cancel()

    assert asyncio.run(one_turn()) == (True, "recomputed")
    page = admin_get(hq, "/analysis/combustion", hq.admin_token()).text
    assert [row[:3] for row in rows_of(page)] == [("Site 0", "hour", "Wednesday 15:00")]
    assert computed(page) == "Computed at 2026-11-18 12:00 UTC."
