"""Throttling guessers: refused enrolments and wrong admin tokens, counted per client address.

A sliding window log: each counted attempt is a row (scope, client address, time); a client
with ``limit.attempts`` rows in the last ``limit.window`` is answered 429 with Retry-After
until the oldest of them leaves the window. The rows live in the database, not in a process:
head office runs as several stateless processes behind a load balancer, which spreads one
client's requests over all of them, so a per-process counter would let a guesser multiply
its allowance by the number of processes (and lose the count on every restart). The cost is
one indexed count per enrolment or admin request and one insert per refusal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from headoffice.errors import ServiceError
from headoffice.models import Attempt

ENROL = "enrol"
ADMIN = "admin"
MAX_CLIENT = 64  # an IPv6 address with a zone fits


@dataclass(frozen=True, slots=True)
class Limit:
    """At most ``attempts`` counted attempts in any ``window``."""

    attempts: int
    window: timedelta


# Generous for people (a site enrolling its desks, someone mistyping a token), tight for a
# script: 300 wrong codes now take 2.5 hours from one address instead of a second.
DEFAULT_LIMITS = {ENROL: Limit(20, timedelta(minutes=10)),
                  ADMIN: Limit(20, timedelta(minutes=10))}


def check(db: Session, scope: str, client: str, limit: Limit, now: datetime) -> None:
    """429 (with Retry-After, in seconds) when ``client`` has used up its attempts."""
    since = now - limit.window
    where = (Attempt.scope == scope, Attempt.client == client[:MAX_CLIENT], Attempt.at > since)
    count = db.scalar(select(func.count()).select_from(Attempt).where(*where)) or 0
    if count < limit.attempts:
        return
    # The oldest attempts leave the window first; once enough have, the client may try again.
    times = list(db.scalars(select(Attempt.at).where(*where).order_by(Attempt.at)
                            .limit(count - limit.attempts + 1)))
    wait = max(math.ceil((times[-1] + limit.window - now).total_seconds()), 1)
    raise ServiceError(429, f"too many attempts from this address; try again in {wait} "
                            "seconds", headers={"Retry-After": str(wait)})


def count(db: Session, scope: str, client: str, limit: Limit, now: datetime) -> None:
    """Count one attempt of ``client``, and forget every attempt older than the window."""
    db.execute(delete(Attempt).where(Attempt.scope == scope,
                                     Attempt.at <= now - limit.window)
               .execution_options(synchronize_session=False))
    db.add(Attempt(scope=scope, client=client[:MAX_CLIENT], at=now))
    db.flush()
