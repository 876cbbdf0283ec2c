"""`amends seed-demo --cases N`: years of realistic history, for demos, training and benchmarks.

Cases follow weekly and daily rhythms (busy breakfasts and check-in hours, more on weekends) and
one planted fault: hot water fails every Wednesday between 15:00 and 16:00, the pattern the
review's week grid must show. Events are real (sealed and chained like any other) but written in
bulk with the read-model rows the fold would make; a test checks that refolding gives the same.
"""

from __future__ import annotations

import random
import secrets
import sqlite3
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from db.eventlog import GENESIS_HASH, canonical_json, event_text_hash, json_text
from db.models import CaseRow, EventRow, GrantRow, ShiftRow, format_utc
from desktop.core.desk import Desk
from desktop.core.guest_links import REPEAT_HORIZON, guest_key
from desktop.core.playbook import categories
from desktop.core.review_days import refresh_review_days

FIRST = ("Ana", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Giorgos", "Hana", "Ivan", "Jun",
         "Kofi", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
         "Uma", "Víctor", "Wen", "Ximena", "Yusuf", "Zara", "Amara", "Bruno", "Carmen", "Diego")
LAST = ("Adams", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ito",
        "Jensen", "Kowalski", "López", "Müller", "Novak", "Okafor", "Petrov", "Rossi", "Silva",
        "Tanaka", "Ueda", "Vargas", "Weber", "Xu", "Yilmaz", "Zhou", "Andersen", "Brennan",
        "Castillo", "Dalton", "Eriksen")
INITIALS = "ABCDEFGHIJKLMNOPRSTVW"
# Double-barrelled surnames as well: over half a million names, so even a million cases in two
# years do not give two guests one name within a stay by chance.
NAMES = len(FIRST) * len(INITIALS) * len(LAST) * len(LAST)
REPEAT_GUEST = 0.01  # cases where a guest already compensated this stay complains again
HOURLY = [1, 1, 1, 1, 1, 2, 4, 8, 10, 8, 5, 4, 5, 5, 6, 8, 9, 7, 8, 9, 7, 5, 3, 2]
DAILY = [5, 5, 6, 6, 8, 10, 9]  # Monday … Sunday
GESTURES = (("comp", "Desserts on the house", 1800), ("amenity", "Drinks on the house", 2400),
            ("voucher", "Café voucher", 1500), ("credit", "F&B credit", 4000),
            ("none", "Apology and the fix", 0), ("upgrade", "Room upgrade", 3500))
CHUNK = 20_000


def seed_history(desk: Desk, cases: int, *, years: float = 2.0, seed: int = 7) -> int:
    """Add ``cases`` closed historical cases ending now; returns the events written.

    Written the quick way, as bulk loaders do: hashes computed in a tight loop over the
    stored canonical text (``event_text_hash``), rows inserted with ``executemany`` on a plain
    ``sqlite3`` connection in large transactions, and ``synchronous=OFF`` on that connection
    only while seeding (a power cut mid-seed loses history being made up, nothing else; the
    chain stays whole because each transaction holds whole cases). Ids grow with time, so
    the indexes are appended to rather than rewritten at random.
    """
    rng = random.Random(seed)
    roster = desk.staff.roster()
    staff = [m for m in roster if m.role in ("agent", "supervisor")] or roster
    site = desk.site.info()
    now = desk.now()
    start = now - timedelta(days=365 * years)
    with desk.engine.begin() as connection:
        last = connection.execute(
            select(EventRow.seq, EventRow.hash).where(EventRow.device_id == desk.device_id)
            .order_by(EventRow.seq.desc()).limit(1)).first()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS_HASH)
    device, device_json = desk.device_id, json_text(desk.device_id)
    ids = _Ids(rng)
    buffers: dict[str, list[Any]] = {"event": [], "case": [], "grant": [], "shift": []}
    shifts: dict[tuple[str, str], str] = {}
    guests = _Guests(rng)
    written = 0

    def emit(kind: str, at: datetime, case_id: str | None, actor: str,
             payload: dict[str, Any]) -> None:
        nonlocal seq, prev, written
        seq += 1
        event_id, when, text = ids.next(), format_utc(at), canonical_json(payload)
        digest = event_text_hash(event_id, device_json, seq, kind, case_id, actor, when, text,
                                 prev)
        buffers["event"].append((event_id, device, seq, kind, case_id, actor, when, text,
                                 prev, digest, 0))
        prev = digest
        written += 1

    writer = _BulkWriter(desk)
    try:
        for opened in _moments(rng, start, now, cases, site.zone):
            person = rng.choice(staff)
            day = opened.astimezone(site.zone).date().isoformat()
            shift_id = shifts.get((person.id, day))
            if shift_id is None:
                shift_id = shifts[(person.id, day)] = ids.next()
                emit("shift.started", opened - timedelta(minutes=1), None, person.id,
                     {"shift_id": shift_id})
                buffers["shift"].append({"id": shift_id, "staff_id": person.id,
                                         "device_id": device,
                                         "started_at": opened - timedelta(minutes=1),
                                         "ended_at": None})
            _one_case(rng, ids, opened, opened.astimezone(site.zone), person.id, shift_id,
                      site.currency, emit, buffers, guests, device)
            if len(buffers["event"]) >= CHUNK:
                writer.write(buffers)
                buffers = {key: [] for key in buffers}
        writer.write(buffers)
    finally:
        writer.close()
    with Session(desk.engine) as db, db.begin():
        refresh_review_days(db, None)
    return written


class _Ids:
    """UUID-shaped ids (version 4) from the seeded generator that grow with each one drawn:
    the indexes on them are appended to, which keeps a million cases to minutes."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        # A fresh start each time, so seeding the same desk twice draws no id twice.
        self._count = secrets.randbits(46)

    def next(self) -> str:
        self._count += 1
        # What uuid.UUID(int=..., version=4) makes, without building the object.
        value = (self._count << 80) | self._rng.getrandbits(80)
        value = (value & ~(0xF000 << 64) & ~(0xC000 << 48)) | (0x4000 << 64) | (0x8000 << 48)
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class _BulkWriter:
    """A plain ``sqlite3`` connection to the desk's store for seeding, quick and not durable
    (``synchronous=OFF``) until closed; the desk's own connections keep their pragmas.

    It writes on a thread of its own while the next chunk is made: ``sqlite3`` lets go of
    the GIL while SQLite works, so making and storing share two cores.
    """

    TABLES = (("event", EventRow), ("shift", ShiftRow), ("case", CaseRow), ("grant", GrantRow))

    def __init__(self, desk: Desk) -> None:
        self._connection = sqlite3.connect(desk.db_path, timeout=30, isolation_level=None,
                                           check_same_thread=False)
        self._connection.execute("PRAGMA synchronous=OFF")
        self._connection.execute("PRAGMA cache_size=-262144")  # 256 MiB while seeding
        self._sql: dict[str, tuple[str, list[tuple[str, Any]]]] = {}
        for key, model in self.TABLES:
            table = cast(Table, model.__table__)
            # A column the seed leaves out takes its model default, as an ORM insert gives it.
            columns = [(c.name, getattr(c.default, "arg", None)
                        if not callable(getattr(c.default, "arg", None)) else None)
                       for c in table.columns]
            names = ", ".join(name for name, _ in columns)
            marks = ", ".join("?" * len(columns))
            self._sql[key] = (f"INSERT INTO {table.name} ({names}) VALUES ({marks})", columns)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seed-writer")
        self._pending: Future[None] | None = None

    def write(self, buffers: dict[str, list[Any]]) -> None:
        """Store one chunk (whole cases) in one transaction, after the previous one."""
        self._wait()
        self._pending = self._pool.submit(self._store, buffers)

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()  # a failure to store surfaces here, in the seeding thread

    def _store(self, buffers: dict[str, list[Any]]) -> None:
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            for key, _model in self.TABLES:
                rows = buffers[key]
                if not rows:
                    continue
                sql, columns = self._sql[key]
                if key == "event":
                    connection.executemany(sql, rows)  # already tuples in column order
                else:
                    connection.executemany(sql, [_row(r, columns) for r in rows])
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def close(self) -> None:
        try:
            self._wait()
        finally:
            self._pool.shutdown()
            self._connection.close()


def _row(values: dict[str, Any], columns: list[tuple[str, Any]]) -> tuple[Any, ...]:
    out = []
    for name, default in columns:
        value = values.get(name, default)
        out.append(format_utc(value) if isinstance(value, datetime) else value)
    return tuple(out)


class _Guests:
    """Guest names that do not repeat by chance for tens of thousands of cases, and the few
    guests who really do complain twice in one stay."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.count = 0
        self.recent: list[tuple[str, str, datetime]] = []  # guest, case id, last gesture
        self.gestures: dict[str, list[tuple[datetime, str]]] = {}  # guest key: when, case

    def next(self, opened: datetime) -> str:
        if self.recent and self.rng.random() < REPEAT_GUEST:
            guest, _case, when = self.rng.choice(self.recent)
            if opened - when < timedelta(days=5):
                return guest
        self.count += 1
        # A stride coprime with NAMES walks every name once before any comes back.
        index = (self.count * 7919) % NAMES
        index, first = divmod(index, len(FIRST))
        index, initial = divmod(index, len(INITIALS))
        second, last = divmod(index, len(LAST))
        surname = LAST[last] if second == last else f"{LAST[last]}-{LAST[second]}"
        return f"{FIRST[first]} {INITIALS[initial]}. {surname}"

    def gesture(self, guest: str, key: str, case_id: str,
                at: datetime) -> tuple[str | None, int | None]:
        """Record a gesture; the fold's repeat link for it (guest_links.link_repeat)."""
        earlier = [(when, case) for when, case in self.gestures.get(key, ())
                   if case != case_id and at - REPEAT_HORIZON <= when <= at]
        self.gestures[key] = [*(e for e in self.gestures.get(key, ())
                                if e[0] >= at - REPEAT_HORIZON), (at, case_id)]
        self.recent = [*self.recent[-49:], (guest, case_id, at)]
        if not earlier:
            return None, None
        when, case = max(earlier)
        return case, int((at - when).total_seconds())


def _moments(rng: random.Random, start: datetime, end: datetime, count: int,
             zone: Any) -> Iterator[datetime]:
    """``count`` instants between start and end, in time order, with the site's rhythms."""
    span = (end - start).total_seconds()
    weights = [DAILY[d] * HOURLY[h] for d in range(7) for h in range(24)]
    picks = []
    for _ in range(count):
        day_offset = rng.random() * span
        base = (start + timedelta(seconds=day_offset)).astimezone(zone)
        slot = rng.choices(range(168), weights)[0]
        weekday, hour = divmod(slot, 24)
        shift_days = (weekday - base.weekday()) % 7
        local = (base + timedelta(days=shift_days)).replace(hour=hour,
                                                            minute=rng.randrange(60))
        if local.astimezone(start.tzinfo) >= end:
            local -= timedelta(days=7)
        picks.append(local)
    # The planted fault: no hot water on Wednesdays between 15:00 and 16:00.
    planted = max(count // 20, 1)
    for index in rng.sample(range(count), min(planted, count)):
        moment = picks[index]
        wednesday = moment + timedelta(days=(2 - moment.weekday()) % 7)
        if wednesday.astimezone(start.tzinfo) >= end:
            wednesday -= timedelta(days=7)
        picks[index] = wednesday.replace(hour=15, minute=rng.randrange(60))
    return iter(sorted(p.astimezone(start.tzinfo) for p in picks))


def _one_case(rng: random.Random, ids: _Ids, opened: datetime, local: datetime, actor: str,
              shift_id: str, currency: str, emit: Any, buffers: dict[str, list[Any]],
              guests: _Guests, device: str) -> None:
    case_id = ids.next()
    category = rng.choice(categories())
    if local.weekday() == 2 and local.hour == 15 and rng.random() < 0.8:
        category = "maintenance"  # the Wednesday boiler
    guest = guests.next(opened)
    key = guest_key(guest)
    header = {"guest_name": guest, "location": f"Room {rng.randrange(101, 1299)}",
              "outlet": "Front Desk", "category": category,
              "severity": rng.choice(("low", "low", "medium", "medium", "high", "critical"))}
    emit("case.opened", opened, case_id, actor, {**header, "shift_id": shift_id})
    listened = opened + timedelta(minutes=2)
    emit("step.done", listened, case_id, actor, {"step": "listen", "account": "—"})
    fixed = opened + timedelta(minutes=rng.randrange(5, 30))
    row: dict[str, Any] = {
        "id": case_id, "device_id": None, "opened_by": actor, "shift_id": shift_id,
        "opened_at": opened, "status": "closed", "step": "closed", "guest_key": key,
        "opened_day": local.date().isoformat(), "opened_weekday": local.weekday(),
        "opened_hour": local.hour,
        "account": "—", "apology": "", "guest_view": "", "good_outcome": "",
        "fix_action": "Put right.", "fixed_at": fixed, "followup_note": "",
        "root_cause": category, "detail": "seeded", "closed_by": actor, "apology_prints": 0,
        **header,
    }
    kind, description, value = rng.choice(GESTURES)
    if kind != "none":
        grant_id = ids.next()
        emit("compensation.granted", fixed, case_id, actor,
             {"grant_id": grant_id, "gesture_type": kind, "description": description,
              "value_minor": value, "currency": currency, "shift_id": shift_id,
              "approval_id": None})
        repeat_of, repeat_gap = guests.gesture(guest, key, case_id, fixed)
        buffers["grant"].append({"id": grant_id, "case_id": case_id, "shift_id": shift_id,
                                 "staff_id": actor, "gesture_type": kind,
                                 "description": description, "value_minor": value,
                                 "currency": currency, "approval_id": None,
                                 "granted_at": fixed,
                                 "local_day": fixed.astimezone(local.tzinfo).date().isoformat(),
                                 "repeat_of": repeat_of, "repeat_gap": repeat_gap})
    emit("step.done", fixed, case_id, actor, {"step": "fix", "fix_action": "Put right."})
    due = fixed + timedelta(minutes=20)
    emit("followup.due", fixed, case_id, actor, {"due_at": format_utc(due)})
    row["followup_due_at"] = due
    row["followup_done_at"] = None
    closed = due + timedelta(minutes=5)
    if rng.random() < 0.85:
        done = fixed + timedelta(minutes=rng.randrange(10, 35))
        emit("followup.done", done, case_id, actor, {"note": ""})
        row["followup_done_at"] = done
        closed = max(closed, done + timedelta(minutes=1))
    outcome = rng.choices(("recovered", "not_recovered", "unknown"), (80, 10, 10))[0]
    emit("case.closed", closed, case_id, actor,
         {"root_cause": category, "detail": "seeded", "outcome": outcome})
    row.update({"outcome": outcome, "closed_at": closed, "updated_at": closed})
    row["device_id"] = device
    buffers["case"].append(row)
