"""The usual push, checked a column at a time, never takes what the careful way would not.

``PlainBatch`` and ``push_plain`` are head office's quick way for a push that simply continues
a desk's chain; ``parse_push``, ``check_events`` and ``push`` are the careful way, which says
precisely what is wrong with anything else. Here both see the same bodies (sound ones, and
ones spoiled in one place each), against the same stored chain: wherever the quick way
stores, the careful way stores the very same rows with the same answer, and where the careful
way refuses, the quick way stands aside without writing.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from db.eventlog import GENESIS_HASH, Event, seal
from desktop.core.clock import ManualClock
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal
from headoffice import admin
from headoffice.errors import ServiceError
from headoffice.models import Device, EventRow, Flag
from headoffice.push import Unusual, push, push_plain
from headoffice.push_checks import PlainBatch, check_events, parse_push
from headoffice.store import open_database, session_factory, transaction
from tests.conftest import Team, make_desk
from tests.headoffice.event_samples import STALLERS
from tests.headoffice.helpers import START, Desk

HELD = 3  # events of the desk head office holds before each body arrives
FIELDS = ["id", "device_id", "seq", "kind", "case_id", "actor", "at", "payload", "prev_hash",
          "hash"]
JUNK: list[Any] = [None, 0, 1, -1, True, 1.5, "", "x", "A" * 65, "\x00", "é", "\u2028", [],
                   {}, "ZZ" * 32, "AB" * 32, "2026-11-18T10:00:00Z", "note.added",
                   "Note.Added", str(uuid.uuid4()), str(uuid.uuid4()).upper(), 2**62 + 1,
                   float("nan")]


class Store:
    """A head-office database holding one desk's first events; each look is rolled back."""

    def __init__(self, engine: Engine) -> None:
        self.factory: sessionmaker[Session] = session_factory(engine)
        with transaction(self.factory) as db:
            site = admin.add_site(db, name="Harbour Hotel", currency="EUR",
                                  timezone="Europe/Paris", now=START)
            self.desk = Desk(str(uuid.uuid4()), "unused", site.id)
            db.add(Device(id=self.desk.device_id, site_id=site.id, name="Front desk",
                          token_hash="-" * 64, enrolled_at=START, last_seq=0))
        self.desk.add_many(HELD)
        body = self.body(self.desk.events)
        assert self.careful(body)[0] == ("stored", HELD, None), "set-up"
        with transaction(self.factory) as db:
            result = push(db, self.device(db), parse_push(body), now=START,
                          hashed=check_events(parse_push(body).events, self.desk.device_id))
            assert result.stored == HELD

    def device(self, db: Session) -> Device:
        device = db.get(Device, self.desk.device_id)
        assert device is not None
        return device

    @staticmethod
    def body(events: list[Event], chain_head: str | None = None) -> dict[str, Any]:
        """A push body as it arrives: parsed JSON."""
        wire = [event.to_wire() for event in events]
        return json.loads(json.dumps({"events": wire,
                                      "chain_head": chain_head or events[-1].hash}))

    def _look(self, work: Any) -> tuple[Any, list[tuple[Any, ...]]]:
        """What ``work`` answers and the rows and flags it leaves; then rolled back."""
        with self.factory() as db:
            db.begin()
            try:
                answer = work(db)
                db.flush()
                rows = [tuple(row) for row in db.execute(
                    select(*[c for c in EventRow.__table__.c if c.name != "id"])
                    .order_by(EventRow.device_id, EventRow.seq))]
                flags = [(f.kind, f.detail) for f in db.scalars(select(Flag).order_by(Flag.id))]
                device = self.device(db)
                state = (device.last_seq, device.last_chain_hash, device.last_sync_at)
                return answer, [*rows, *flags, state]
            finally:
                db.rollback()

    def careful(self, body: Any) -> tuple[Any, list[tuple[Any, ...]]]:
        def work(db: Session) -> Any:
            device = self.device(db)
            try:
                request = parse_push(body)
                hashed = check_events(request.events, device.id)
                result = push(db, device, request, now=START + timedelta(hours=1),
                                      hashed=hashed)
            except ServiceError as error:
                return ("refused", error.status, None)
            fault = result.fault.kind if result.fault else None
            return ("stored", result.stored, fault) if fault is None else ("fault", fault,
                                                                          result.highest_seq)
        return self._look(work)

    def plain(self, body: Any) -> tuple[Any, list[tuple[Any, ...]]] | None:
        batch = PlainBatch.of(body)
        if batch is None:
            return None

        def work(db: Session) -> Any:
            try:
                result = push_plain(db, self.device(db), batch,
                                            now=START + timedelta(hours=1))
            except Unusual:
                return ("unusual", None, None)
            return None if result is None else ("stored", result.stored, None)
        return self._look(work)

    def count(self) -> int:
        with transaction(self.factory) as db:
            return db.scalar(select(func.count()).select_from(EventRow)) or 0


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    engine = open_database(db_url)
    try:
        yield Store(engine)
    finally:
        engine.dispose()


def next_events(store: Store, n: int) -> list[Event]:
    """``n`` more events of the desk's chain, sealed but not kept (each example starts over)."""
    desk = copy.deepcopy(store.desk)
    desk.add_many(n)
    return desk.events


def assert_same_outcome(store: Store, body: Any) -> str:
    """The quick way stores exactly what the careful way does, or stands aside; which."""
    careful = store.careful(body)
    plain = store.plain(body)
    if plain is None:
        return "careful"
    answer, effects = plain
    if answer is None:  # push_plain stood aside: nothing may have been written
        unchanged = store._look(lambda db: None)[1]
        assert effects == unchanged
        return "careful"
    if answer[0] == "unusual":
        assert careful[0][:2] == ("fault", "event_id_reused")
        return "careful"
    assert careful[0][0] == "stored" and careful[0][2] is None, (careful[0], answer)
    assert plain == careful
    return "plain"


def test_a_sound_continuation_goes_the_quick_way_with_the_careful_way_s_rows(store: Store
                                                                            ) -> None:
    events = next_events(store, 40)
    assert assert_same_outcome(store, store.body(events[HELD:])) == "plain"


def test_the_events_of_real_recovery_cases_go_the_quick_way(tmp_path: Path,
                                                            scenarios: list[dict[str, Any]]
                                                            ) -> None:
    # What a real desk writes for the shared recovery scenarios (cases, steps, gestures,
    # approvals, vouchers, redemptions, follow-ups, closing): the quick way must cover what
    # desks actually send, or it would only be a benchmark's trick.
    desk = make_desk(tmp_path, ManualClock(START))
    team = Team(desk)
    for scenario in scenarios:
        agent = team.sign_in(team.agent)  # a shift each, so no shift's budget runs out
        case_id = desk.cases.open(agent, CaseHeader(scenario["guest"]["name"], "Room 12",
                                                   "Front Desk", "maintenance", "high"))
        desk.cases.complete_step(agent, case_id, "listen", {"account": scenario["guest"]["name"]})
        desk.cases.complete_step(agent, case_id, "fix", {"fix_action": "Moved to a quiet room"})
        gesture = scenario["gesture"]
        if gesture["type"] != "none":
            sign_off = ApproverSignOff(team.manager.id, "1357", "Our fault; agreed.")
            result = desk.grants.grant(agent, case_id, GestureProposal(
                gesture["type"], gesture["description"], gesture["value_minor"]), sign_off)
            assert result.granted, scenario["id"]
            if result.voucher_code:
                desk.vouchers.redeem(agent, result.voucher_code)
        desk.cases.add_note(agent, case_id, f"Guest said: «{scenario['guest']['name']}» — merci")
        desk.cases.complete_followup(agent, case_id, "Guest happy")
        desk.cases.close(agent, case_id, root_cause="maintenance", detail="Fixed the heater",
                        outcome="recovered")
        desk.shifts.end(agent)
    events = desk.ledger.outbox(100_000)
    kinds = {event.kind for event in events}
    assert {"case.opened", "compensation.granted", "approval.given", "voucher.issued",
            "voucher.redeemed", "followup.done", "case.closed"} <= kinds
    desk.close()
    assert PlainBatch.of(Store.body(events)) is not None


def test_a_voucher_redeemed_twice_is_flagged_the_quick_way_too(store: Store) -> None:
    desk = copy.deepcopy(store.desk)
    voucher = str(uuid.uuid4())
    for _ in range(2):
        desk.add("voucher.redeemed", payload={"voucher_id": voucher, "value_minor": 1500,
                                              "currency": "eur"})
    assert assert_same_outcome(store, store.body(desk.events[HELD:])) == "plain"
    _, effects = store.plain(store.body(desk.events[HELD:])) or (None, [])
    assert ("voucher_redeemed_twice",) in [effect[:1] for effect in effects]


@pytest.mark.parametrize("start, end", [(0, HELD), (1, HELD + 2), (0, HELD + 2),
                                        (HELD + 1, HELD + 3)])
def test_resends_and_gaps_take_the_careful_way(store: Store, start: int, end: int) -> None:
    events = next_events(store, 3)
    assert assert_same_outcome(store, store.body(events[start:end])) == "careful"


@pytest.mark.parametrize("prev_hash", [GENESIS_HASH, "ab" * 32])
def test_a_first_event_sealed_right_but_off_the_held_chain_takes_the_careful_way(
        store: Store, prev_hash: str) -> None:
    first = next_events(store, 1)[HELD]
    forged = seal(id=first.id, device_id=first.device_id, seq=first.seq, kind=first.kind,
                  case_id=first.case_id, actor=first.actor, at=first.at, payload=first.payload,
                  prev_hash=prev_hash)
    assert PlainBatch.of(store.body([forged])) is not None  # sound in itself
    assert store.careful(store.body([forged]))[0] == ("fault", "chain_break", HELD)
    assert assert_same_outcome(store, store.body([forged])) == "careful"


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_body_spoiled_in_one_place_is_never_taken_the_quick_way(store: Store,
                                                                  data: st.DataObject) -> None:
    events = next_events(store, 6)[HELD:]
    body = store.body(events)
    wire = body["events"]
    where = data.draw(st.integers(0, len(wire) - 1), label="event")
    how = data.draw(st.sampled_from(["junk", "drop field", "other event's", "drop event",
                                     "repeat event", "swap events", "forged link", "head",
                                     "body"]))
    if how == "junk":
        wire[where][data.draw(st.sampled_from(FIELDS))] = data.draw(st.sampled_from(JUNK))
    elif how == "drop field":
        del wire[where][data.draw(st.sampled_from(FIELDS))]
    elif how == "other event's":
        field = data.draw(st.sampled_from(FIELDS))
        wire[where][field] = wire[(where + 1) % len(wire)][field]
    elif how == "drop event":
        del wire[where]
    elif how == "repeat event":
        wire.insert(where, copy.deepcopy(wire[where]))
    elif how == "swap events":
        other = (where + 1) % len(wire)
        wire[where], wire[other] = wire[other], wire[where]
    elif how == "forged link":  # sealed right, but not on the chain: a fork or a break
        forged = events[where]
        wire[where] = seal(id=forged.id, device_id=forged.device_id, seq=forged.seq,
                           kind=forged.kind, case_id=forged.case_id, actor=forged.actor,
                           at=forged.at, payload=forged.payload,
                           prev_hash=data.draw(st.sampled_from(["ab" * 32, GENESIS_HASH]))
                           ).to_wire()
    elif how == "head":
        body["chain_head"] = data.draw(st.sampled_from(JUNK))
    else:
        body = data.draw(st.sampled_from([None, [], {}, {"events": []}, {"events": wire},
                                          {"events": {}, "chain_head": events[-1].hash},
                                          {"events": [1, 2], "chain_head": events[-1].hash}]))
    way = assert_same_outcome(store, body)
    dropped_the_last = how == "drop event" and where == len(events) - 1  # still a sound batch
    if (how in ("drop event", "repeat event", "swap events", "forged link")
            and not dropped_the_last):
        assert way == "careful"
    assert store.count() == HELD  # every look was rolled back


def test_a_payload_of_any_text_goes_the_quick_way_with_the_careful_way_s_rows(store: Store
                                                                             ) -> None:
    desk = copy.deepcopy(store.desk)
    desk.add(payload={"text": "Zoë \u0000 李 \U0001f600 \"q\" \\ \x7f \u2028", "n": 1.5,
                      "big": 2**60, "nested": {"z": [1, None, True], "a": ""}})
    desk.add("followup.due", case_id="Zimmer 12 — Müller",
             payload={"due_at": "2026-11-18T13:00:00.000000Z"})
    assert assert_same_outcome(store, store.body(desk.events[HELD:])) == "plain"


@pytest.mark.parametrize(("kind", "payload", "field"), STALLERS)
def test_an_event_that_breaks_its_schema_never_goes_the_quick_way(
        store: Store, kind: str, payload: dict[str, Any], field: str) -> None:
    desk = copy.deepcopy(store.desk)
    desk.add_many(2)
    desk.add(kind, payload=payload, case_id=str(uuid.uuid4()))
    desk.add_many(1)
    body = store.body(desk.events[HELD:])
    assert assert_same_outcome(store, body) == "careful"
    answer, effects = store.careful(body)
    assert answer == ("fault", "event_schema", HELD + 2)  # the two before it are stored
    assert any(row[0] == "event_schema" and field in row[1] for row in effects)
