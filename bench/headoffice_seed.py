"""Seed a head-office database at chain scale, writing its tables directly (no desks, no HTTP).

Run from the repository root::

    .venv/bin/python -m bench.headoffice_seed --db URL [--sites 500] [--days 730]
                                              [--per-day 4] [--seed 1] [--recount-only]

Writes ``--sites`` sites and, for each, ``--per-day`` cases a day on average over the last
``--days`` days: the per-case rows of the analysis (``hq_case``, by ``COPY`` on PostgreSQL) and
then the counters the pages read, recounted from those rows in the database
(``headoffice.aggregates.recount``, the set-based twin of the push hook's per-case
``contribution``; tests hold the two to the same counts). ``--recount-only`` recounts an already
seeded database (after a migration added a counter table). Last, combustion's findings are
computed and kept, as the service's scheduled job would keep them. Categories, gestures,
follow-up times and outcomes vary by site, hour and gesture. Combustion points to find, one site
in fifty each: a recent burst of one category (site 8, 58, ...), of one hour of the week
(Wednesday 15:00; site 18, 68, ...), of one outlet (the Spa; site 28, ...) and of one person's
cases (site 38, ...). Events themselves are not written (the analysis pages never read them).
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert

from db.models import format_utc
from headoffice import aggregates, findings
from headoffice.models import CaseFact, Site
from headoffice.store import open_database, session_factory, transaction

CATEGORIES = ("Noise", "Food", "Cleanliness", "Billing", "Wait", "Room", "Staff", "Wi-Fi")
GESTURES = (("none", 0), ("drink", 900), ("dessert", 700), ("discount", 3000),
            ("room_upgrade", 12000))
OUTLETS = ("Front Desk", "Brasserie", "Spa")
ZONES = ("Europe/Paris", "Europe/London", "America/New_York", "America/Chicago",
         "America/Denver", "America/Los_Angeles", "Asia/Tokyo")
COLUMNS = ("site_id", "case_id", "opened_at", "week", "dow", "hour", "category", "outlet",
           "opened_by", "gestures", "gesture_type", "spend_minor", "due_at", "done_at",
           "done_by", "outcome", "closed_at")
BURST_DAYS = 21
BATCH = 50_000


def burst_of(number: int) -> tuple[str, Any] | None:
    """The combustion point planted at the site numbered ``number`` (from 0), if any."""
    kind = {7: "category", 17: "hour", 27: "outlet", 37: "person"}.get(number % 50)
    if kind == "category":
        return kind, CATEGORIES[number % len(CATEGORIES)]
    if kind == "hour":
        return kind, (2, 15)  # Wednesday 15:00
    if kind == "outlet":
        return kind, "Spa"
    if kind == "person":
        return kind, 0  # the site's first member of staff
    return None


def cases_of(site_id: str, zone: ZoneInfo, rng: random.Random, days: int, per_day: int,
             today: date, burst: tuple[str, Any] | None) -> Iterator[tuple[Any, ...]]:
    staff = [str(uuid.uuid4()) for _ in range(rng.randint(8, 40))]
    weights = [rng.random() + 0.2 for _ in CATEGORIES]
    kind, what = burst if burst is not None else ("", None)
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        count = rng.randint(0, 2 * per_day)
        bursting = kind != "" and back <= BURST_DAYS
        if bursting and kind == "hour":
            bursting = day.weekday() == what[0]  # six more cases each Wednesday at 15:00
            count += 6 if bursting else 0
        elif bursting:
            count += 3
        for n in range(count):
            planted = bursting and (n < 6 if kind == "hour" else rng.random() < 0.6)
            category = (what if planted and kind == "category"
                        else rng.choices(CATEGORIES, weights)[0])
            hour = min(23, max(0, int(rng.gauss(15, 4))))
            if planted and kind == "hour":
                hour = what[1]
            local = datetime(day.year, day.month, day.day, hour, rng.randrange(60),
                             tzinfo=zone)
            opened = local.astimezone(UTC)
            gesture, value = rng.choice(GESTURES)
            fixed = opened + timedelta(minutes=rng.randrange(5, 40))
            done = (fixed + timedelta(minutes=rng.randrange(5, 40))
                    if rng.random() < 0.85 else None)
            recovered = rng.random() < (0.6 + 0.05 * GESTURES.index((gesture, value))
                                        + (0.15 if done else 0))
            # Yesterday's cases not followed up yet are still open (the dashboard's overdue).
            closed = back > 1 or done is not None
            person = staff[what] if planted and kind == "person" else rng.choice(staff)
            outlet = what if planted and kind == "outlet" else rng.choice(OUTLETS)
            yield (site_id, str(uuid.uuid4()), format_utc(opened),
                   (local.date() - timedelta(days=local.weekday())).isoformat(),
                   local.weekday(), local.hour, category, outlet, person,
                   0 if gesture == "none" else 1, "" if gesture == "none" else gesture,
                   value, format_utc(fixed + timedelta(minutes=20)),
                   format_utc(done) if done else None, person if done else None,
                   ("recovered" if recovered else rng.choice(("not_recovered", "unknown")))
                   if closed else "",
                   format_utc(opened + timedelta(hours=2)) if closed else None)


def _write(engine: Engine, rows: list[tuple[Any, ...]]) -> None:
    if engine.dialect.name != "postgresql":
        with engine.begin() as connection:
            connection.execute(insert(CaseFact), [dict(zip(COLUMNS, r, strict=True))
                                                  for r in rows])
        return
    # COPY's text format: tab-separated, \N for NULL (seeded values hold no tab or backslash).
    text = "".join("\t".join("\\N" if v is None else str(v) for v in row) + "\n"
                   for row in rows)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy(  # type: ignore[attr-defined]
                f"COPY hq_case ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            copy.write(text)
        raw.commit()
    finally:
        raw.close()


def seed(engine: Engine, sites: int, days: int, per_day: int, rng: random.Random,
         first: int = 0) -> int:
    today = datetime.now(UTC).date()
    made = 0
    rows: list[tuple[Any, ...]] = []
    for number in range(first, first + sites):
        zone_name = ZONES[number % len(ZONES)]
        site_id = str(uuid.uuid4())
        with engine.begin() as connection:
            connection.execute(insert(Site), [{
                "id": site_id, "name": f"Property {number + 1:04d}",
                "currency": "USD" if number % 3 else "EUR", "timezone": zone_name,
                "created_at": datetime.now(UTC)}])
        rows.extend(cases_of(site_id, ZoneInfo(zone_name), rng, days, per_day, today,
                             burst_of(number)))
        if len(rows) >= BATCH:
            _write(engine, rows)
            made += len(rows)
            rows = []
            print(f"site {number + 1}: {made} cases so far", flush=True)
    if rows:
        _write(engine, rows)
        made += len(rows)
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
    parser.add_argument("--recount-only", action="store_true",
                        help="only recount the counters from the seeded cases")
    args = parser.parse_args()
    engine = open_database(args.db)
    started = time.perf_counter()
    if not args.recount_only:
        made = seed(engine, args.sites, args.days, args.per_day, random.Random(args.seed),
                    args.first)
        print(f"seeded {args.sites} sites, {made} cases over {args.days} days in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    with engine.begin() as connection:
        aggregates.recount(connection)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    print(f"counters recounted; {time.perf_counter() - started:.0f} s in all", flush=True)
    with transaction(session_factory(engine)) as db:  # as the service's job would leave them
        kept = findings.refresh(db, datetime.now(UTC))
    print(f"combustion: {len(kept.found)} finding(s) among {kept.tested} values kept; "
          f"{time.perf_counter() - started:.0f} s in all", flush=True)
    engine.dispose()


if __name__ == "__main__":
    main()
