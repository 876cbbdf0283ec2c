"""One bad desk can never stall its site (issue 14): head office refuses events that break
their kind's schema, and a desk holds in quarantine what it cannot apply and keeps syncing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from db import event_schema
from db.eventlog import Event, seal
from db.models import EventRow, format_utc
from desktop.core.caselog import store_event
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.views import CaseHeader
from desktop.sync.client import enroll, sync_once
from desktop.sync.errors import SyncProblem
from desktop.sync.worker import SyncStatus
from desktop.ui import labels
from desktop.ui.sync_status import SyncStatusButton
from tests.conftest import Team
from tests.headoffice.event_samples import STALLERS, spoiled
from tests.headoffice.helpers import HQ
from tests.sync.helpers import open_cases

MakeDesk = Callable[..., Desk]


def crafted(desk: Desk, kind: str, payload: dict[str, Any], *,
            case_id: str | None = None) -> Event:
    """Write an event straight into the desk's log, correctly chained but unchecked: what a
    hostile or an old build could do."""
    with desk.recorder.tx() as db:
        last = db.execute(select(EventRow.seq, EventRow.hash).where(
            EventRow.device_id == desk.device_id).order_by(EventRow.seq.desc()).limit(1)).one()
        event = seal(id=str(uuid.uuid4()), device_id=desk.device_id, seq=last[0] + 1,
                     kind=kind, case_id=case_id or str(uuid.uuid4()), actor=None,
                     at=format_utc(desk.now()), payload=payload, prev_hash=last[1])
        store_event(db, event)
    return event


def site_of_two(hq: HQ, make_eur_desk: MakeDesk) -> tuple[Desk, Desk, Any]:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    one, two = make_eur_desk("desk1"), make_eur_desk("desk2")
    for desk in (one, two):
        enroll(desk, hq.server.url, hq.code(site), "Front desk")
    return one, two, site


@pytest.mark.parametrize(("kind", "payload", "field"), STALLERS)
def test_head_office_refuses_the_payloads_that_stalled_a_site(
        hq: HQ, make_eur_desk: MakeDesk, kind: str, payload: dict[str, Any],
        field: str) -> None:
    one, two, _ = site_of_two(hq, make_eur_desk)
    team = Team(one)
    before = open_cases(one, 1, team=team)
    bad = crafted(one, kind, payload)
    after = one.cases.open(team.sign_in(team.agent), CaseHeader(guest_name="Later"))

    report = sync_once(one)
    assert not report.ok and report.problems == [SyncProblem.REFUSED_INVALID]
    # Head office stored what came before, nothing from the bad event on, and flagged it.
    assert hq.count(one.device_id) == bad.seq - 1
    # The bad event and the case opened after it wait on the desk.
    assert one.ledger.state().pending == len(one.ledger.events_of(one.device_id)) - bad.seq + 1
    flags = hq.flags("event_schema")
    assert len(flags) == 1
    assert f"device {one.device_id}, seq {bad.seq}" in flags[0].detail
    assert field in flags[0].detail and kind in flags[0].detail
    assert report.errors[0].startswith(f"Head office refused this desk's events: refused: "
                                       f"event {bad.id} (device {one.device_id}, seq {bad.seq})")
    assert field in report.errors[0]
    # The person at the desk is told in words, not with the field.
    said = SyncStatusButton.problem(SyncStatus(enrolled=True, failures=1, last_report=report,
                                               last_error=report.errors[0]))
    assert said == labels.sync_problem_text(SyncProblem.REFUSED_INVALID)
    assert "could not use" in said and field not in said

    # The other desk keeps syncing and sees what head office holds.
    pulled = sync_once(two)
    assert pulled.ok, pulled.errors
    assert {c.id for c in two.cases.summaries()} == set(before)
    assert after not in {c.id for c in two.cases.summaries()}
    # Retrying changes nothing and floods nothing.
    assert not sync_once(one).ok and len(hq.flags("event_schema")) == 1


def test_the_desk_checks_its_own_events_before_writing(make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    team = Team(desk)
    on_shift = team.sign_in(team.agent)
    count = desk.event_count()
    with pytest.raises(DeskError) as refused, desk.recorder.tx() as db:
        desk.recorder.record(db, "followup.due", actor=on_shift.staff.id,
                             case_id=str(uuid.uuid4()), payload={"due_at": "tomorrow"})
    assert refused.value.refusal is Refusal.EVENT_INVALID
    assert "payload.due_at" in refused.value.detail
    assert desk.event_count() == count  # nothing written


def always_bad(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` if it breaks its kind's schema, else spoiled in its first named field."""
    if event_schema.problem(kind, "c", payload) is not None:
        return payload
    schema = event_schema.SCHEMAS[kind]
    first = next(iter({**schema.required, **schema.optional}))
    return {**payload, first: {"spoiled": True}}


def test_hypothesis_made_bad_payloads_never_reach_head_office(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    one, two, _ = site_of_two(hq, make_eur_desk)
    cases = open_cases(one, 2)
    assert sync_once(one).ok
    refused: list[str] = []

    @settings(max_examples=12, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(event=spoiled())
    def push_one(event: tuple[str, dict[str, Any]]) -> None:
        kind, payload = event[0], always_bad(*event)
        held = hq.count(one.device_id)
        bad = crafted(one, kind, payload)
        report = sync_once(one)
        assert report.problems == [SyncProblem.REFUSED_INVALID], report.errors
        assert hq.count(one.device_id) == held == bad.seq - 1  # nothing stored
        with one.recorder.tx() as db:  # the next example starts from a sound chain
            db.execute(EventRow.__table__.delete().where(EventRow.id == bad.id))
        refused.append(kind)

    push_one()
    assert len(refused) >= 12
    assert len(hq.flags("event_schema")) == len(refused)  # each refused event flagged once
    assert sync_once(one).ok  # the sound chain goes on
    report = sync_once(two)
    assert report.ok, report.errors
    assert {c.id for c in two.cases.summaries()} == set(cases)
