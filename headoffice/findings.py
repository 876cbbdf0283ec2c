"""Combustion's findings kept between requests: computed by the scheduled job, read by the page.

The combustion points change only when cases arrive in the weeks they count or when the weeks
move on (a new Monday), yet testing every value of the chain takes a second or more at chain
scale. So the findings are a kept aggregate like the counters: ``refresh`` computes them
(``headoffice.combustion``) and stores them in order with when they were computed, for which
weeks and over how many values (``hq_finding``, ``hq_finding_run``); the push hook marks them
stale when an arriving case changes the windows they were computed from (``mark_stale``, one
conditional UPDATE that writes only for the first such push); the scheduled job
(``headoffice.schedule``) recomputes them every few minutes when they are stale or the week
has turned. The page reads the stored findings and says when they were computed; it computes
them itself only when none are stored, or when they are out of date and the job has had no
good turn for ``LATE`` (no job running: a head office started without it, or the tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from headoffice.aggregates import week_keys
from headoffice.combustion import HISTORY_WEEKS, RECENT_WEEKS, Combustion, combustion
from headoffice.models import Finding, FindingRun, JobLease, Site

RUN = 1
JOB = "findings"  # the scheduled job's lease (``headoffice.schedule``)
EVERY = timedelta(minutes=5)  # the scheduled job's turn
LATE = timedelta(minutes=15)  # no good turn of the job for this long: it is not running


@dataclass(frozen=True, slots=True)
class Kept:
    """The stored findings as the page shows them."""

    found: list[Combustion]
    tested: int
    computed_at: datetime
    stale: bool  # cases arrived since they were computed
    this_week: bool  # computed for the current weeks


def current_week(now: datetime) -> str:
    return week_keys(now, RECENT_WEEKS + HISTORY_WEEKS)[-1]


def refresh(db: Session, now: datetime) -> Kept:
    """Compute the findings now and keep them (replacing those kept before)."""
    found, tested = combustion(db, now)
    db.execute(delete(Finding))
    db.add_all(Finding(rank=rank, site_id=f.site.id, dimension=f.dimension, value=f.value,
                       label=f.label[:200], recent=f.recent, own_expected=f.own_expected,
                       chain_expected=f.chain_expected, p_value=f.p_value, reason=f.reason,
                       since=f.since) for rank, f in enumerate(found))
    run = db.get(FindingRun, RUN)
    week = current_week(now)
    if run is None:
        db.add(FindingRun(id=RUN, computed_at=now, last_week=week, tested=tested, stale=False))
    else:
        run.computed_at, run.last_week, run.tested, run.stale = now, week, tested, False
    db.flush()
    return Kept(found, tested, now, False, True)


def due(run: FindingRun | None, now: datetime) -> bool:
    """Whether the kept findings are out of date (none, stale, or of weeks gone by)."""
    return run is None or run.stale or run.last_week != current_week(now)


def refresh_if_due(db: Session, now: datetime) -> bool:
    """The scheduled job's turn: recompute the findings if they are out of date."""
    if not due(db.get(FindingRun, RUN), now):
        return False
    refresh(db, now)
    return True


def kept(db: Session, now: datetime) -> Kept:
    """The findings for the page: as stored, unless none are, or they are out of date and the
    job is not running to bring them up (then computed now, on this request)."""
    run = db.get(FindingRun, RUN)
    if run is None or (due(run, now) and not job_running(db, now)):
        return refresh(db, now)
    by_id = {s.id: s for s in db.scalars(select(Site))}
    found = [Combustion(by_id[f.site_id], f.dimension, f.value, f.label, f.recent,
                        f.own_expected, f.chain_expected, f.p_value, f.reason, f.since)
             for f in db.scalars(select(Finding).order_by(Finding.rank))
             if f.site_id in by_id]
    return Kept(found, run.tested, run.computed_at, run.stale,
                run.last_week == current_week(now))


def job_running(db: Session, now: datetime) -> bool:
    """Whether the scheduled job had a good turn in the last ``LATE``."""
    lease = db.get(JobLease, JOB)
    return (lease is not None and lease.ok is True and lease.finished_at is not None
            and now - lease.finished_at < LATE)


def mark_stale(db: Session) -> None:
    """Cases arrived in the weeks the findings count (the push hook): they are out of date.
    Writes only when they were fresh, so pushes after the first do not queue on the row."""
    db.execute(update(FindingRun).where(FindingRun.id == RUN, FindingRun.stale.is_(False))
               .values(stale=True))


def forget(db: Session) -> None:
    """Drop the findings (the counters were recounted): the next reader computes them."""
    db.execute(delete(Finding))
    db.execute(delete(FindingRun))
