"""`amends seed-demo --cases N`: years of realistic history, for demos, training and benchmarks.

Cases follow weekly and daily rhythms (busy breakfasts and check-in hours, more on weekends) and
one planted fault: hot water fails every Wednesday between 15:00 and 16:00, the pattern the
review's week grid must show. Events are real (sealed and chained like any other) but written in
bulk with the read-model rows the fold would make; a test checks that refolding gives the same.
"""

from __future__ import annotations

import bisect
import itertools
import random
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, select

from db.eventlog import GENESIS_HASH, canonical_json, event_text_hash, json_text
from db.models import Base, CaseRow, EventRow, GrantRow, ShiftRow, format_utc
from desktop.core.desk import Desk
from desktop.core.guest_links import REPEAT_HORIZON, guest_key
from desktop.core.playbook import categories
from desktop.core.seed_writer import BulkWriter, ProcessWriter, Writer

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
# From this many cases the rows are stored by a process of its own, which costs a second to
# start (an interpreter and SQLAlchemy) and halves the time of a big seed on two cores.
APART = 10_000


def seed_history(desk: Desk, cases: int, *, years: float = 2.0, seed: int = 7,
                 apart: bool | None = None) -> int:
    """Add ``cases`` closed historical cases ending now; returns the events written.

    Written the quick way, as bulk loaders do: hashes computed in a tight loop over the
    stored canonical text (``event_text_hash``, the one rule), rows built as tuples and
    inserted with ``executemany`` on a plain ``sqlite3`` connection in large transactions, in
    a process of its own (``apart``; by default from ``APART`` cases up) or else on a thread
    of its own. While seeding that connection alone holds the store, with a rollback
    journal and ``synchronous=OFF`` (each row written once, not to the WAL and then again);
    the desk's WAL and durability are restored before it returns. Each transaction holds
    whole cases and recounts the review's totals of their days, so a seed killed part way
    leaves the chunks before, whole and counted, and the journal undoes the one it was
    writing (a crash of the machine itself, with ``synchronous=OFF``, may leave the store
    damaged: ``amends doctor`` checks it). Ids grow with time, so the indexes are appended
    to rather than rewritten at random.
    """
    rng = random.Random(seed)
    roster = desk.staff.roster()
    staff = [m.id for m in roster if m.role in ("agent", "supervisor")] or [m.id for m in roster]
    site = desk.site.info()
    now = desk.now()
    start = now - timedelta(days=365 * years)
    with desk.engine.begin() as connection:
        last = connection.execute(
            select(EventRow.seq, EventRow.hash).where(EventRow.device_id == desk.device_id)
            .order_by(EventRow.seq.desc()).limit(1)).first()
    ids = _Ids(rng)
    chain = _Chain(ids, desk.device_id, *((last[0], last[1]) if last else (0, GENESIS_HASH)))
    make = _Cases(rng, ids, chain, site.currency, site.zone, desk.device_id)
    shifts: dict[tuple[str, str], str] = {}
    desk.engine.dispose()  # the bulk connection must be alone to leave WAL for the load
    writer: Writer = (ProcessWriter(desk.db_path) if (cases >= APART if apart is None else apart)
                      else BulkWriter(desk.db_path))
    try:
        for opened in _moments(rng, start, now, cases, site.zone):
            person = rng.choice(staff)
            local = opened.astimezone(site.zone)
            day = local.date().isoformat()
            shift_id = shifts.get((person, day))
            if shift_id is None:
                shift_id = shifts[(person, day)] = ids.next()
                began = format_utc(opened - timedelta(minutes=1))
                chain.emit("shift.started", began, None, person, {"shift_id": shift_id})
                make.rows["shift"].append(make.shift.row(
                    {"id": shift_id, "staff_id": person, "device_id": desk.device_id,
                     "started_at": began, "ended_at": None}))
            make.case(opened, local, person, shift_id)
            if len(chain.rows) >= CHUNK:
                writer.write({"event": chain.take(), **make.take()}, make.take_days())
        writer.write({"event": chain.take(), **make.take()}, make.take_days())
    finally:
        writer.close()
    return chain.written


def seeded_head(desk: Desk) -> dict[str, tuple[int, str]]:
    """This desk's chain head (seq, hash) as seeding left it."""
    with desk.engine.begin() as connection:
        last = connection.execute(
            select(EventRow.seq, EventRow.hash).where(EventRow.device_id == desk.device_id)
            .order_by(EventRow.seq.desc()).limit(1)).first()
    return {} if last is None else {desk.device_id: (int(last[0]), str(last[1]))}


class _Chain:
    """One desk's chain as it is seeded: each event sealed onto the last (``event_text_hash``
    over the canonical text that is stored) and kept as a row of the ``event`` table."""

    def __init__(self, ids: _Ids, device: str, seq: int, prev: str) -> None:
        self.ids = ids
        self.device, self.device_json = device, json_text(device)
        self.seq, self.prev, self.written = seq, prev, 0
        self.rows: list[tuple[Any, ...]] = []

    def emit(self, kind: str, at: str, case_id: str | None, actor: str,
             payload: dict[str, Any]) -> None:
        self.emit_text(kind, at, case_id, actor, canonical_json(payload))

    def emit_text(self, kind: str, at: str, case_id: str | None, actor: str,
                  text: str) -> None:
        """``emit`` of a payload already in canonical JSON (one made once, for many cases)."""
        seq = self.seq = self.seq + 1
        event_id = self.ids.next()
        digest = event_text_hash(event_id, self.device_json, seq, kind, case_id, actor, at,
                                 text, self.prev)
        self.rows.append((event_id, self.device, seq, kind, case_id, actor, at, text, self.prev,
                          digest, 0))
        self.prev = digest
        self.written += 1

    def take(self) -> list[tuple[Any, ...]]:
        rows, self.rows = self.rows, []
        return rows


class _Ids:
    """UUID-shaped ids (version 4) from the seeded generator that grow with each one drawn:
    the indexes on them are appended to, which keeps a million cases to minutes."""

    def __init__(self, rng: random.Random) -> None:
        self._bits = rng.getrandbits
        # A fresh start each time, so seeding the same desk twice draws no id twice.
        self._count = secrets.randbits(46)

    def next(self) -> str:
        self._count += 1
        # The count in the first 48 bits, then version 4 and variant 10 around random bits,
        # as uuid.UUID(int=..., version=4) would give, without building the object.
        h = f"{self._count:012x}{self._bits(76):019x}"
        return f"{h[:8]}-{h[8:12]}-4{h[12:15]}-{_VARIANT[self._bits(2)]}{h[15:18]}-{h[19:31]}"


_VARIANT = "89ab"


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
            # Only a guest whose every gesture so far came before this case opened: this
            # case's gesture then comes after them, as the fold links it (in time order);
            # a case opened now could otherwise be granted before an open one of the guest.
            given = self.gestures.get(guest_key(guest), ())
            if opened - when < timedelta(days=5) and all(at < opened for at, _ in given):
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
    """``count`` instants (UTC) between start and end, in time order, with the site's
    rhythms."""
    span = (end - start).total_seconds()
    cumulative = list(itertools.accumulate(DAILY[d] * HOURLY[h] for d in range(7)
                                           for h in range(24)))
    total, random_, randrange = cumulative[-1], rng.random, rng.randrange
    picks = []
    for _ in range(count):
        base = (start + timedelta(seconds=random_() * span)).astimezone(zone)
        weekday, hour = divmod(bisect.bisect_right(cumulative, random_() * total), 24)
        local = (base + timedelta(days=(weekday - base.weekday()) % 7)).replace(
            hour=hour, minute=randrange(60))
        if local.astimezone(UTC) >= end:
            local -= timedelta(days=7)
        picks.append(local)
    # The planted fault: no hot water on Wednesdays between 15:00 and 16:00.
    planted = max(count // 20, 1)
    for index in rng.sample(range(count), min(planted, count)):
        moment = picks[index]
        wednesday = moment + timedelta(days=(2 - moment.weekday()) % 7)
        if wednesday.astimezone(UTC) >= end:
            wednesday -= timedelta(days=7)
        picks[index] = wednesday.replace(hour=15, minute=rng.randrange(60))
    return iter(sorted(p.astimezone(UTC) for p in picks))


class _Table:
    """Rows of one read-model table as tuples in its column order; a column a row leaves
    out takes the model's default, as an ORM insert gives it."""

    def __init__(self, model: type[Base]) -> None:
        table = cast(Table, model.__table__)
        self.names = [column.name for column in table.columns]
        self.defaults = {column.name: None if column.default is None
                         or callable(getattr(column.default, "arg", None))
                         else getattr(column.default, "arg", None) for column in table.columns}

    def row(self, values: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(map({**self.defaults, **values}.__getitem__, self.names))


class _Cases:
    """One closed case after another: its events on the chain, its case and grant rows as
    the fold would make them."""

    def __init__(self, rng: random.Random, ids: _Ids, chain: _Chain, currency: str,
                 zone: Any, device: str) -> None:
        self.rng, self.ids, self.chain = rng, ids, chain
        self.currency, self.zone, self.device = currency, zone, device
        self.categories = categories()
        self.guests = _Guests(rng)
        self.shift, self.case_table = _Table(ShiftRow), _Table(CaseRow)
        self.grant = _Table(GrantRow)
        self.rows: dict[str, list[tuple[Any, ...]]] = {"shift": [], "case": [], "grant": []}
        # Payloads every case repeats, in canonical JSON once (the same text each time).
        self.listened = canonical_json({"step": "listen", "account": "—"})
        self.fixed = canonical_json({"step": "fix", "fix_action": "Put right."})
        self.followed_up = canonical_json({"note": ""})
        self.closings: dict[tuple[str, str], str] = {}
        self.days: set[str] = set()

    def take(self) -> dict[str, list[tuple[Any, ...]]]:
        rows, self.rows = self.rows, {key: [] for key in self.rows}
        return rows

    def take_days(self) -> set[str]:
        """The site-local days of the cases and gestures made since the last call."""
        days, self.days = self.days, set()
        return days

    def case(self, opened: datetime, local: datetime, actor: str, shift_id: str) -> None:
        rng, emit, utc = self.rng, self.chain.emit, format_utc
        case_id = self.ids.next()
        category = rng.choice(self.categories)
        if local.weekday() == 2 and local.hour == 15 and rng.random() < 0.8:
            category = "maintenance"  # the Wednesday boiler
        guest = self.guests.next(opened)
        key = guest_key(guest)
        header = {"guest_name": guest, "location": f"Room {rng.randrange(101, 1299)}",
                  "outlet": "Front Desk", "category": category,
                  "severity": rng.choice(("low", "low", "medium", "medium", "high",
                                          "critical"))}
        opened_at = utc(opened)
        emit("case.opened", opened_at, case_id, actor, {**header, "shift_id": shift_id})
        emit_text = self.chain.emit_text
        emit_text("step.done", utc(opened + timedelta(minutes=2)), case_id, actor,
                  self.listened)
        fixed = opened + timedelta(minutes=rng.randrange(5, 30))
        fixed_at = utc(fixed)
        kind, description, value = rng.choice(GESTURES)
        if kind != "none":
            grant_id = self.ids.next()
            emit("compensation.granted", fixed_at, case_id, actor,
                 {"grant_id": grant_id, "gesture_type": kind, "description": description,
                  "value_minor": value, "currency": self.currency, "shift_id": shift_id,
                  "approval_id": None})
            repeat_of, repeat_gap = self.guests.gesture(guest, key, case_id, fixed)
            self.rows["grant"].append(self.grant.row({
                "id": grant_id, "case_id": case_id, "shift_id": shift_id, "staff_id": actor,
                "gesture_type": kind, "description": description, "value_minor": value,
                "currency": self.currency, "approval_id": None, "granted_at": fixed_at,
                "local_day": (granted_day := fixed.astimezone(self.zone).date().isoformat()),
                "repeat_of": repeat_of, "repeat_gap": repeat_gap}))
            self.days.add(granted_day)
        emit_text("step.done", fixed_at, case_id, actor, self.fixed)
        due = fixed + timedelta(minutes=20)
        emit("followup.due", fixed_at, case_id, actor, {"due_at": utc(due)})
        closed, done_at = due + timedelta(minutes=5), None
        if rng.random() < 0.85:
            done = fixed + timedelta(minutes=rng.randrange(10, 35))
            done_at = utc(done)
            emit_text("followup.done", done_at, case_id, actor, self.followed_up)
            closed = max(closed, done + timedelta(minutes=1))
        draw = rng.random()  # 80 % recovered, 10 % not, 10 % unknown (``choices`` is slow)
        outcome = "recovered" if draw < 0.8 else "not_recovered" if draw < 0.9 else "unknown"
        closed_at = utc(closed)
        closing = self.closings.get((category, outcome))
        if closing is None:
            closing = self.closings[(category, outcome)] = canonical_json(
                {"root_cause": category, "detail": "seeded", "outcome": outcome})
        emit_text("case.closed", closed_at, case_id, actor, closing)
        self.rows["case"].append(self.case_table.row({
            "id": case_id, "device_id": self.device, "opened_by": actor, "shift_id": shift_id,
            "opened_at": opened_at, "status": "closed", "step": "closed", "guest_key": key,
            "opened_day": (opened_day := local.date().isoformat()),
            "opened_weekday": local.weekday(),
            "opened_hour": local.hour, "account": "—", "apology": "", "guest_view": "",
            "good_outcome": "", "fix_action": "Put right.", "fixed_at": fixed_at,
            "followup_note": "", "root_cause": category, "detail": "seeded",
            "closed_by": actor, "apology_prints": 0, "followup_due_at": utc(due),
            "followup_done_at": done_at, "outcome": outcome, "closed_at": closed_at,
            "updated_at": closed_at, **header}))
        self.days.add(opened_day)
