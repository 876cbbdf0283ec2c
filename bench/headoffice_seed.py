"""Seed a head-office database at chain scale, writing its tables directly (no desks, no HTTP).

Run from the repository root::

    .venv/bin/python -m bench.headoffice_seed --db URL [--sites 500] [--days 730]
                                              [--per-day 4] [--seed 1]

Writes ``--sites`` sites and, for each, ``--per-day`` cases a day on average over the last
``--days`` days: the per-case rows of the analysis (``hq_case``) and the counters the pages
read, computed from those rows by the very function the push hook uses
(``headoffice.aggregates.contribution``), so they are what arriving events would have made.
Categories, gestures, follow-up times and outcomes vary by site, hour and gesture; one site in
fifty has a recent burst of one category (a combustion point to find). Events themselves are
not written (the analysis pages never read them).
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from db.models import format_utc
from headoffice import aggregates
from headoffice.models import (
    CaseFact,
    GestureCount,
    HourCount,
    PersonCount,
    Site,
    WeekCount,
)
from headoffice.store import open_database

CATEGORIES = ("Noise", "Food", "Cleanliness", "Billing", "Wait", "Room", "Staff", "Wi-Fi")
GESTURES = (("none", 0), ("drink", 900), ("dessert", 700), ("discount", 3000),
            ("room_upgrade", 12000))
ZONES = ("Europe/Paris", "Europe/London", "America/New_York", "America/Chicago",
         "America/Denver", "America/Los_Angeles", "Asia/Tokyo")
BATCH = 20_000


class Fact(SimpleNamespace):
    """A case row as plain attributes (an ORM object each costs more than the rest)."""


def cases_of(site: Site, rng: random.Random, days: int, per_day: int, today: date,
             burst: str | None) -> Iterator[Fact]:
    zone = ZoneInfo(site.timezone)
    staff = [str(uuid.uuid4()) for _ in range(rng.randint(8, 40))]
    weights = [rng.random() + 0.2 for _ in CATEGORIES]
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        count = rng.randint(0, 2 * per_day)
        if burst is not None and back <= 21:
            count += 3
        for _ in range(count):
            category = (burst if burst is not None and back <= 21 and rng.random() < 0.6
                        else rng.choices(CATEGORIES, weights)[0])
            hour = min(23, max(0, int(rng.gauss(15, 4))))
            local = datetime(day.year, day.month, day.day, hour, rng.randrange(60),
                             tzinfo=zone)
            opened = local.astimezone(UTC)
            gesture, value = rng.choice(GESTURES)
            fixed = opened + timedelta(minutes=rng.randrange(5, 40))
            done = (fixed + timedelta(minutes=rng.randrange(5, 40))
                    if rng.random() < 0.85 else None)
            recovered = rng.random() < (0.6 + 0.05 * GESTURES.index((gesture, value))
                                        + (0.15 if done else 0))
            person = rng.choice(staff)
            yield Fact(
                site_id=site.id, case_id=str(uuid.uuid4()), opened_at=format_utc(opened),
                week=(local.date() - timedelta(days=local.weekday())).isoformat(),
                dow=local.weekday(), hour=local.hour, category=category,
                outlet=rng.choice(("Front Desk", "Brasserie", "Spa")), opened_by=person,
                gestures=0 if gesture == "none" else 1,
                gesture_type="" if gesture == "none" else gesture,
                spend_minor=value, due_at=format_utc(fixed + timedelta(minutes=20)),
                done_at=format_utc(done) if done else None, done_by=person if done else None,
                outcome="recovered" if recovered else rng.choice(("not_recovered", "unknown")))


def seed(engine: Engine, sites: int, days: int, per_day: int, rng: random.Random,
         first: int = 0) -> int:
    today = datetime.now(UTC).date()
    made = 0
    for number in range(first, first + sites):
        site = Site(id=str(uuid.uuid4()), name=f"Property {number + 1:04d}",
                    currency="USD" if number % 3 else "EUR", timezone=ZONES[number % len(ZONES)],
                    created_at=datetime.now(UTC))
        burst = CATEGORIES[number % len(CATEGORIES)] if number % 50 == 7 else None
        rows: list[dict[str, Any]] = []
        totals: dict[Any, dict[str, int]] = {}
        with Session(engine) as db, db.begin():
            db.add(site)
            db.flush()
            for fact in cases_of(site, rng, days, per_day, today, burst):
                aggregates._add(totals, aggregates.contribution(cast(CaseFact, fact)), 1)
                rows.append(vars(fact))
                if len(rows) >= BATCH:
                    db.execute(insert(CaseFact), rows)
                    made += len(rows)
                    rows = []
            if rows:
                db.execute(insert(CaseFact), rows)
                made += len(rows)
            print(f"site {number + 1}: {made} cases so far", flush=True)
            by_model: dict[Any, list[dict[str, Any]]] = {}
            for (model, key), values in totals.items():
                names = [c.name for c in model.__table__.primary_key.columns]
                by_model.setdefault(model, []).append({**dict(zip(names, key, strict=True)),
                                                       **values})
            for model in (WeekCount, HourCount, GestureCount, PersonCount):
                if by_model.get(model):
                    columns = [c.name for c in model.__table__.columns]
                    db.execute(insert(model), [{c: row.get(c, 0) for c in columns}
                                               for row in by_model[model]])
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an empty head-office database URL")
    parser.add_argument("--sites", type=int, default=500)
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--per-day", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0,
                        help="number the sites from this one on (to add to a seeded chain)")
    args = parser.parse_args()
    engine = open_database(args.db)
    started = time.perf_counter()
    made = seed(engine, args.sites, args.days, args.per_day, random.Random(args.seed),
                args.first)
    print(f"seeded {args.sites} sites, {made} cases over {args.days} days in "
          f"{time.perf_counter() - started:.0f} s")
    engine.dispose()


if __name__ == "__main__":
    main()
