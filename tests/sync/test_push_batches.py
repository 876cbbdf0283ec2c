"""Draining a long outbox: read-ahead, the chain head each push carries, bodies that fit.

Real desks and a real head office on 127.0.0.1; a recording httpx transport sits between them
to see (and sometimes lose or refuse) what goes over the wire.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from desktop.core.desk import Desk
from desktop.sync import push
from desktop.sync.client import enroll, sync_once
from headoffice.models import Device
from tests.conftest import Team
from tests.headoffice.helpers import HQ
from tests.sync.helpers import assert_hq_holds_exactly, local_chain, open_cases

MakeDesk = Callable[..., Desk]


class Wire(httpx.BaseTransport):
    """Passes requests to head office and keeps every push body; hooks may interfere."""

    def __init__(self, *, lose_answer_of: int | None = None, refuse_over: int | None = None,
                 after_push: Callable[[int], None] | None = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.pushes: list[dict[str, Any]] = []
        self.sizes: list[int] = []
        self.lose_answer_of = lose_answer_of  # the n-th push (1-based) loses its answer
        self.refuse_over = refuse_over  # bytes: answer 413 like a stricter head office
        self.after_push = after_push

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not (request.method == "POST" and request.url.path.endswith("/events")):
            return self.inner.handle_request(request)
        body = request.read()
        self.sizes.append(len(body))
        if self.refuse_over is not None and len(body) > self.refuse_over:
            return httpx.Response(413, json={"detail": "request body is too large"})
        self.pushes.append(json.loads(body))
        response = self.inner.handle_request(request)
        number = len(self.pushes)
        if self.after_push is not None:
            self.after_push(number)
        if number == self.lose_answer_of:
            response.read()
            response.close()
            raise httpx.ReadError("connection lost before the answer", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def enrolled_desk(hq: HQ, make_eur_desk: MakeDesk, cases: int) -> tuple[Desk, Team]:
    desk = make_eur_desk()
    team = Team(desk)
    open_cases(desk, cases, team=team)
    enroll(desk, hq.server.url, hq.code(hq.add_site()), "Front desk")
    return desk, team


def test_each_push_carries_a_head_at_or_past_its_batch(hq: HQ,
                                                      make_eur_desk: MakeDesk) -> None:
    desk, team = enrolled_desk(hq, make_eur_desk, 6)
    written_during: list[int] = []

    def write_while_syncing(number: int) -> None:
        # The desk keeps working while it syncs: new events arrive mid-round.
        if number in (1, 3):
            before = len(local_chain(desk))
            open_cases(desk, 1, team=team)
            written_during.append(len(local_chain(desk)) - before)

    wire = Wire(after_push=write_while_syncing)
    with httpx.Client(transport=wire) as http:
        report = sync_once(desk, http=http, batch_size=4)
    assert report.ok, report.errors
    assert all(written_during)
    chain = local_chain(desk)
    seq_of = {digest: seq for seq, digest in chain}
    assert len(wire.pushes) > 3
    for body in wire.pushes:
        events = body["events"]
        assert body["chain_head"] in seq_of
        if events:
            assert seq_of[body["chain_head"]] >= events[-1]["seq"]
    # Everything written during the round went in the same round, with the newest head.
    assert report.pending == 0 and report.acked == len(chain)
    assert_hq_holds_exactly(hq, desk)
    device = hq.db(lambda s: s.get(Device, desk.device_id))
    assert device is not None and device.last_chain_hash == chain[-1][1]


def test_a_lost_answer_mid_drain_keeps_what_was_acknowledged(hq: HQ,
                                                            make_eur_desk: MakeDesk) -> None:
    desk, _ = enrolled_desk(hq, make_eur_desk, 6)
    total = len(local_chain(desk))
    wire = Wire(lose_answer_of=3)
    with httpx.Client(transport=wire) as http:
        report = sync_once(desk, http=http, batch_size=4)
    assert not report.ok and report.offline
    # Pushes 1 and 2 were answered: marked, even though the second one's mark was still
    # pending (read-ahead marks one batch late) when the third lost its answer.
    assert report.acked == 8
    assert desk.ledger.state().pending == total - 8
    assert hq.count(desk.device_id) == 12  # head office committed the third batch

    report = sync_once(desk, batch_size=4)
    assert report.ok, report.errors
    assert report.acked == total - 8 and report.pending == 0
    assert_hq_holds_exactly(hq, desk)


def test_a_batch_of_long_events_is_split_to_fit(hq: HQ, make_eur_desk: MakeDesk,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    desk, team = enrolled_desk(hq, make_eur_desk, 1)
    on_shift = team.sign_in(team.agent)
    case_id = desk.cases.summaries()[0].id
    for i in range(6):
        desk.cases.add_note(on_shift, case_id, f"{i} " + "a long account of the evening " * 60)
    limit = 6000
    monkeypatch.setattr(push, "MAX_PUSH_BYTES", limit)
    wire = Wire()
    with httpx.Client(transport=wire) as http:
        report = sync_once(desk, http=http)
    assert report.ok, report.errors
    assert max(wire.sizes) <= limit and len(wire.pushes) > 2
    assert report.pending == 0
    assert_hq_holds_exactly(hq, desk)


def test_a_stricter_head_office_413_halves_the_batches(hq: HQ,
                                                       make_eur_desk: MakeDesk) -> None:
    desk, _ = enrolled_desk(hq, make_eur_desk, 6)
    wire = Wire(refuse_over=4000)
    with httpx.Client(transport=wire) as http:
        report = sync_once(desk, http=http)
    assert report.ok, report.errors
    assert report.pending == 0 and report.acked == len(local_chain(desk))
    assert wire.sizes[0] > 4000  # the first, whole outbox was refused unread
    assert_hq_holds_exactly(hq, desk)


def test_the_outbox_after_a_seq(make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    open_cases(desk, 3)
    everything = desk.ledger.outbox(100)
    assert [e.seq for e in everything] == list(range(1, len(everything) + 1))
    assert desk.ledger.outbox(2, after_seq=3) == everything[3:5]
    desk.ledger.mark_acked(4)
    assert desk.ledger.outbox(100, after_seq=2) == everything[4:]


class ClosesIdleConnections(httpx.BaseTransport):
    """Like a head office that closed a kept-alive connection just as a request went out."""

    def __init__(self, failures: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.failures = failures
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.requests > 1 and self.failures:  # not the first: a reused connection
            self.failures -= 1
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.",
                                            request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_a_connection_closed_while_idle_is_tried_once_more(hq: HQ,
                                                          make_eur_desk: MakeDesk) -> None:
    desk, _ = enrolled_desk(hq, make_eur_desk, 2)
    transport = ClosesIdleConnections(failures=1)
    with httpx.Client(transport=transport) as http:
        report = sync_once(desk, http=http)
    assert report.ok, report.errors
    assert_hq_holds_exactly(hq, desk)

    transport = ClosesIdleConnections(failures=2)  # twice in a row: head office is away
    with httpx.Client(transport=transport) as http:
        report = sync_once(desk, http=http)
    assert not report.ok and report.offline
    assert "cannot be reached" in report.errors[0]
