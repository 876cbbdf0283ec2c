"""The service's background check: ``headoffice.verify`` at start and then on a schedule.

Head office is stateless processes behind a load balancer, so the job is shared through the
database: a ``job_lease`` row that one process takes with a conditional UPDATE (the database
decides who wins, on SQLite and PostgreSQL alike). The winner runs the check and records how
it went on the same row (the dashboard shows it); the others skip this turn. A process that
dies mid-run leaves a lease that expires after ``LEASE``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from headoffice import findings
from headoffice.models import JobLease
from headoffice.store import transaction
from headoffice.verify import VerifyReport, verify_all

log = logging.getLogger(__name__)

VERIFY = "verify"
FINDINGS = findings.JOB  # combustion's kept findings (``headoffice.findings``)
LEASE = timedelta(hours=2)  # longer than a check of the whole chain takes
# Processes started together (``serve --workers``) run one check between them.
AT_START_GAP = timedelta(minutes=1)
VERIFY_EVERY_ENV = "AMENDS_HQ_VERIFY_MINUTES"
DEFAULT_EVERY = timedelta(hours=6)


def verify_every_from_env() -> timedelta | None:
    """``$AMENDS_HQ_VERIFY_MINUTES`` (0: never on a schedule), else every six hours."""
    raw = os.environ.get(VERIFY_EVERY_ENV, "").strip()
    if not raw:
        return DEFAULT_EVERY
    minutes = int(raw)
    return timedelta(minutes=minutes) if minutes > 0 else None


def holder_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def take_lease(factory: sessionmaker[Session], name: str, holder: str, now: datetime,
               gap: timedelta) -> bool:
    """Take job ``name`` unless another process holds it or it finished less than ``gap``
    ago; whether this process got it."""
    try:
        with transaction(factory) as db:
            if db.get(JobLease, name) is None:
                db.add(JobLease(name=name, summary=""))
    except IntegrityError:
        pass  # another process made the row at the same moment
    with transaction(factory) as db:
        taken = db.execute(
            update(JobLease)
            .where(JobLease.name == name,
                   or_(JobLease.until.is_(None), JobLease.until < now),
                   or_(JobLease.finished_at.is_(None), JobLease.finished_at <= now - gap))
            .values(holder=holder, until=now + LEASE))
        return bool(getattr(taken, "rowcount", 0) == 1)


def record(factory: sessionmaker[Session], name: str, ok: bool, summary: str,
           now: datetime) -> None:
    """Keep how the job's last run went, and free its lease."""
    with transaction(factory) as db:
        row = db.get(JobLease, name)
        if row is None:
            row = JobLease(name=name)
            db.add(row)
        row.holder, row.until, row.finished_at, row.ok, row.summary = (None, None, now, ok,
                                                                        summary)


def verify_and_record(factory: sessionmaker[Session], now: datetime) -> VerifyReport:
    """Check every held chain and keep the outcome for the dashboard."""
    report = verify_all(factory, now)
    lines = [report.summary(), *(f.detail for f in report.findings)]
    record(factory, VERIFY, report.ok, "\n".join(lines), now)
    return report


def last_check(db: Session) -> JobLease | None:
    return db.get(JobLease, VERIFY)


async def verify_loop(factory: sessionmaker[Session], clock: Callable[[], datetime],
                      every: timedelta | None) -> None:
    """Check at start (once among processes started together), then every ``every``."""
    holder = holder_name()
    gap = AT_START_GAP
    while True:
        try:
            if await asyncio.to_thread(take_lease, factory, VERIFY, holder, clock(), gap):
                report = await asyncio.to_thread(verify_and_record, factory, clock())
                log_it = log.info if report.ok else log.error
                log_it("chain check: %s", report.summary())
        except SQLAlchemyError as error:  # the database is away: try again next turn
            log.warning("chain check could not run: %s", type(error).__name__)
        except Exception:  # a bug must not end the schedule for good: logged, next turn
            log.exception("chain check failed")
        if every is None:
            return
        # Several processes each wake up; the lease lets one of them run per turn.
        gap = every / 2
        await asyncio.sleep(every.total_seconds())


def findings_turn(factory: sessionmaker[Session], now: datetime) -> bool:
    """Recompute combustion's findings if cases arrived or the week turned, and record the
    turn (the page sees the job is running); whether it recomputed them."""
    with transaction(factory) as db:
        done = findings.refresh_if_due(db, now)
    record(factory, FINDINGS, True, "recomputed" if done else "up to date", now)
    return done


async def findings_loop(factory: sessionmaker[Session], clock: Callable[[], datetime],
                        every: timedelta) -> None:
    """Keep combustion's findings up to date: every ``every``, one process among all."""
    holder = holder_name()
    while True:
        try:
            if await asyncio.to_thread(take_lease, factory, FINDINGS, holder, clock(),
                                       every / 2):
                try:
                    await asyncio.to_thread(findings_turn, factory, clock())
                except Exception as error:  # free the lease; the page sees no good turn
                    await asyncio.to_thread(record, factory, FINDINGS, False,
                                            f"failed: {type(error).__name__}", clock())
                    raise
        except SQLAlchemyError as error:  # the database is away: try again next turn
            log.warning("combustion findings could not run: %s", type(error).__name__)
        except Exception:  # a bug must not end the schedule for good: logged, next turn
            log.exception("combustion findings failed")
        await asyncio.sleep(every.total_seconds())
