"""The desk's sync client against a real head office on 127.0.0.1: enrol, push, pull, policy."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from db.eventlog import Event, seal
from db.models import EventRow
from desktop.core.desk import Desk
from desktop.core.policy import default_policy
from desktop.core.secrets import token_name
from desktop.core.settings import HQ_URL
from desktop.core.views import CaseHeader, GestureProposal, VoucherOutcome
from desktop.sync.client import enroll, sync_once
from desktop.sync.errors import EnrolError, SyncProblem
from headoffice import admin
from headoffice.models import Device
from tests.conftest import Team
from tests.headoffice.helpers import HQ
from tests.sync.helpers import assert_hq_holds_exactly, local_chain, open_cases

MakeDesk = Callable[..., Desk]


def enrolled(hq: HQ, desk: Desk, site: Any) -> None:
    enroll(desk, hq.server.url, hq.code(site), "Front desk")


def test_enrol_keeps_cases_and_push_sends_every_event_exactly_once(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    desk = make_eur_desk()
    before = open_cases(desk, 3)  # a desk that worked offline before it joined
    enrolled(hq, desk, site)

    assert {c.id for c in desk.cases.summaries()} == set(before)
    assert desk.site.info().name == "Harbour Hotel"  # head office's name wins
    state = desk.ledger.state()
    assert state.enrolled and state.site_id == site.id and state.pending == len(
        local_chain(desk))

    report = sync_once(desk, batch_size=4)  # several batches
    assert report.ok, report.errors
    assert report.acked == len(local_chain(desk)) == report.pushed
    assert report.pending == 0 and desk.ledger.outbox() == []
    assert_hq_holds_exactly(hq, desk)

    again = sync_once(desk)
    assert again.ok and again.pushed == 0 and again.acked == 0
    assert hq.count(desk.device_id) == len(local_chain(desk))


def test_token_is_in_the_keychain_never_in_the_database(hq: HQ,
                                                         make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    enrolled(hq, desk, site)
    token = desk.secret_store.get(token_name(desk.device_id))
    assert token
    desk.close()
    for path in desk.data_dir.iterdir():
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path


def test_the_same_batch_twice_is_harmless(hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    open_cases(desk, 2)
    enrolled(hq, desk, site)
    assert sync_once(desk).ok
    # Forget every acknowledgement, as if they had all been lost: the whole log goes again.
    with desk.engine.begin() as connection:
        connection.execute(update(EventRow).values(acked=False))
    count = len(local_chain(desk))
    report = sync_once(desk)
    assert report.ok, report.errors
    assert report.pushed == count and report.acked == count
    assert_hq_holds_exactly(hq, desk)


class DropPushResponses(httpx.BaseTransport):
    """Delivers pushes to head office, then loses the answer (after head office committed)."""

    def __init__(self, drops: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.drops = drops
        self.dropped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if (request.method == "POST" and request.url.path.endswith("/events")
                and self.dropped < self.drops):
            response.read()
            response.close()
            self.dropped += 1
            raise httpx.ReadError("connection lost before the answer", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def test_acknowledgement_lost_after_commit_then_resend_is_harmless(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    open_cases(desk, 2)
    enrolled(hq, desk, site)
    count = len(local_chain(desk))

    transport = DropPushResponses(drops=1)
    with httpx.Client(transport=transport) as lossy:
        report = sync_once(desk, http=lossy)
    assert transport.dropped == 1
    assert not report.ok and report.offline
    assert report.acked == 0 and desk.ledger.state().pending == count  # nothing marked
    assert hq.count(desk.device_id) == count  # yet head office committed them

    report = sync_once(desk)
    assert report.ok, report.errors
    assert report.acked == count and report.pending == 0
    assert_hq_holds_exactly(hq, desk)


def test_two_desks_of_one_site_see_each_others_cases(hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk1, desk2 = make_eur_desk("desk1"), make_eur_desk("desk2")
    enrolled(hq, desk1, site)
    enrolled(hq, desk2, site)
    [case_id] = open_cases(desk1, 1)
    [other_id] = open_cases(desk2, 1)

    assert sync_once(desk1).ok
    report = sync_once(desk2)
    assert report.ok, report.errors
    assert report.pulled == len(local_chain(desk1))
    assert {c.id for c in desk2.cases.summaries()} == {case_id, other_id}
    assert desk2.cases.get(case_id).header.guest_name == "Guest 0"

    report = sync_once(desk1)
    assert report.ok and {c.id for c in desk1.cases.summaries()} == {case_id, other_id}
    # Both chains verify on both desks, and pulling again brings nothing twice.
    assert desk1.verify_log() is None and desk2.verify_log() is None
    again = sync_once(desk2)
    assert again.ok and again.pulled == 0
    assert desk2.event_count() == desk1.event_count()


def test_policy_set_at_head_office_reaches_the_desk(hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    enrolled(hq, desk, site)
    document = default_policy().to_dict()
    document["version"] = 7
    document["roles"]["agent"]["per_case"] = 1234
    document["future_field"] = "kept"
    hq.db(lambda s: admin.set_policy(s, site.id, json.dumps(document), now=hq.clock()))

    report = sync_once(desk)
    assert report.ok, report.errors
    assert report.policy_version == 7
    policy = desk.site.policy()
    assert policy.version == 7 and policy.limits_for("agent").per_case == 1234
    again = sync_once(desk)
    assert again.ok and again.policy_version is None  # 204: nothing newer


def test_policy_from_head_office_wins_over_a_local_edit_with_the_same_number(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    enrolled(hq, desk, site)
    local = desk.site.set_policy(default_policy().with_changes(version=5))
    document = default_policy().to_dict() | {"version": local.version}
    document["roles"]["agent"]["per_case"] = 999
    hq.db(lambda s: admin.set_policy(s, site.id, json.dumps(document), now=hq.clock()))
    assert sync_once(desk).ok
    assert desk.site.policy().limits_for("agent").per_case == 999
    assert desk.site.policy().version == local.version + 1


def test_revoked_desk_fails_clearly_and_marks_nothing(hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    enrolled(hq, desk, site)
    open_cases(desk, 1)
    pending = desk.ledger.state().pending
    hq.db(lambda s: admin.revoke_device(s, desk.device_id, now=hq.clock()))

    report = sync_once(desk)
    assert not report.ok and not report.offline
    assert "revoked" in report.errors[0]
    assert report.problems == [SyncProblem.NOT_ACCEPTED]
    assert report.acked == 0 and desk.ledger.state().pending == pending
    assert hq.count(desk.device_id) == 0


def test_vouchers_a_revoked_desk_signs_afterwards_are_refused_at_the_other_desks(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    front, stolen = make_eur_desk("front"), make_eur_desk("stolen")
    front_team, stolen_team = Team(front), Team(stolen)  # each set up apart, as people do
    enrolled(hq, front, site)
    enrolled(hq, stolen, site)

    def voucher_of(desk: Desk, guest: str) -> tuple[str, str]:
        team = stolen_team
        who = team.sign_in(team.agent)
        case_id = desk.cases.open(who, CaseHeader(guest, "Room 7", "Front Desk", "noise", "high"))
        result = desk.grants.grant(who, case_id, GestureProposal("voucher", "Dinner for two", 4500))
        assert result.granted and result.voucher_code
        return result.voucher_code, desk.vouchers.of_case(case_id)[0].token

    before = voucher_of(stolen, "Ada Lovelace")
    assert sync_once(stolen).ok and sync_once(front).ok  # the front desk holds it, and the key
    after_code, after_token = voucher_of(stolen, "Mallory")  # never reaches head office
    # By its signature, for now (the two desks were set up apart, with site ids of their own).
    assert front.vouchers.check(after_token).outcome is VoucherOutcome.VALID
    hq.revoke(stolen)
    assert not sync_once(stolen).ok

    report = sync_once(front)
    assert report.ok, report.errors
    check = front.vouchers.check(after_token)
    assert check.outcome is VoucherOutcome.FORGED and check.detail == "revoked_device"
    assert front.vouchers.check(after_code).outcome is VoucherOutcome.UNKNOWN
    redeemed = front.vouchers.redeem(front_team.sign_in(front_team.agent), before[1])
    assert redeemed.redeemed_now  # issued while the desk was trusted: still good


def test_currency_mismatch_is_refused_and_nothing_is_recorded(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site(currency="EUR")
    desk = make_eur_desk(currency="USD")
    with pytest.raises(EnrolError) as refused:
        enroll(desk, hq.server.url, hq.code(site))
    assert "USD" in str(refused.value) and "EUR" in str(refused.value)
    assert refused.value.status == 409 and refused.value.problem is SyncProblem.ENROL_CONFLICT
    assert not desk.ledger.state().enrolled
    assert desk.secret_store.get(token_name(desk.device_id)) is None


def test_unreachable_head_office_is_reported_as_offline(hq: HQ,
                                                         make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    enrolled(hq, desk, site)
    desk.settings.set(HQ_URL, "http://127.0.0.1:9")  # discard port: nothing listens
    report = sync_once(desk)
    assert not report.ok and report.offline and "cannot be reached" in report.errors[0]
    assert report.problems == [SyncProblem.OFFLINE]


def test_not_enrolled_desk_says_so(make_eur_desk: MakeDesk) -> None:
    report = sync_once(make_eur_desk())
    assert not report.ok and "not connected" in report.errors[0]
    assert report.problems == [SyncProblem.NOT_ENROLLED]


def test_an_address_that_is_not_https_is_refused_before_anything_is_sent(
        make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    with pytest.raises(EnrolError) as refused:
        enroll(desk, "ftp://head-office.example", "ABCD-EFGH-JKMN-PQRS")
    assert refused.value.problem is SyncProblem.BAD_ADDRESS
    assert not desk.ledger.state().enrolled


def test_enrol_sends_the_voucher_public_key(hq: HQ, make_eur_desk: MakeDesk) -> None:
    from desktop.core.secrets import voucher_key_name
    from desktop.core.vouchers import generate_signing_key, public_key_of

    site = hq.add_site()
    desk = make_eur_desk()
    key = generate_signing_key()
    desk.secret_store.set(voucher_key_name(desk.device_id), key.hex())
    enrolled(hq, desk, site)
    held = hq.db(lambda s: s.get(Device, desk.device_id))
    assert held is not None and held.voucher_public_key == public_key_of(key).hex()


# --- merging other desks' events ---------------------------------------------------------------


def _foreign_chain(device_id: str, n: int) -> list[Event]:
    import uuid

    from db.eventlog import GENESIS_HASH

    events: list[Event] = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        event = seal(id=str(uuid.uuid4()), device_id=device_id, seq=seq, kind="note.added",
                     case_id=f"case-{device_id[:4]}", actor=None,
                     at=f"2026-11-18T10:00:{seq:02d}.000000Z",
                     payload={"text": f"n{seq}"}, prev_hash=prev)
        events.append(event)
        prev = event.hash
    return events


def test_merge_refuses_a_broken_foreign_chain_and_keeps_the_cursor(
        make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    chain = _foreign_chain("11111111-1111-4111-8111-111111111111", 4)
    edited = Event(**{**chain[2].to_wire(), "payload": {"text": "edited"}})
    result = desk.ledger.merge_remote([chain[0], chain[1], edited, chain[3]], next_cursor=40)
    assert result.stored == 2 and result.faults
    state = desk.ledger.state()
    assert state.pull_cursor == 0 and state.pull_fault

    # The good page later: the two held are skipped, the rest continue the chain.
    result = desk.ledger.merge_remote(chain, next_cursor=40)
    assert result.stored == 2 and not result.faults
    assert desk.ledger.state().pull_cursor == 40 and desk.ledger.state().pull_fault == ""
    assert desk.verify_log() is None


def test_merge_refuses_a_fork_of_a_held_foreign_event(make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    chain = _foreign_chain("22222222-2222-4222-8222-222222222222", 2)
    assert desk.ledger.merge_remote(chain, next_cursor=2).stored == 2
    other = _foreign_chain("22222222-2222-4222-8222-222222222222", 2)  # same seqs, new ids
    result = desk.ledger.merge_remote(other, next_cursor=4)
    assert result.stored == 0 and "different event" in result.faults[0]
    assert desk.ledger.state().pull_cursor == 2


def test_new_local_events_notify_listeners_and_merges_do_not(make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    calls: list[int] = []
    desk.on_new_events(lambda: calls.append(1))
    team = Team(desk)
    open_cases(desk, 1, team=team)
    local = len(calls)
    assert local >= 2  # shift start, case opened, note
    desk.ledger.merge_remote(_foreign_chain("33333333-3333-4333-8333-333333333333", 2), 2)
    assert len(calls) == local


def test_head_office_restored_from_an_old_backup_gets_the_missing_events_again(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    from headoffice.models import Device
    from headoffice.models import EventRow as HQEventRow

    site = hq.add_site()
    desk = make_eur_desk()
    open_cases(desk, 2)
    enrolled(hq, desk, site)
    assert sync_once(desk).ok
    total = len(local_chain(desk))

    def lose_tail(s: Any) -> None:  # head office's database, as restored: seqs 1..3 only
        s.execute(HQEventRow.__table__.delete().where(HQEventRow.device_id == desk.device_id,
                                                      HQEventRow.seq > 3))
        s.get(Device, desk.device_id).last_seq = 3

    hq.db(lose_tail)
    open_cases(desk, 1)  # the next push starts after what head office now holds
    report = sync_once(desk)
    assert report.ok, report.errors
    assert report.acked == len(local_chain(desk)) - 3 > total - 3  # resent from seq 4
    assert_hq_holds_exactly(hq, desk)


def _read_model(desk: Desk) -> list[tuple[str, str]]:
    from db.models import NoteRow

    with desk.recorder.tx() as db:
        return sorted((r.id, r.text) for r in db.query(NoteRow))


def test_merged_events_after_everything_held_are_folded_without_a_refold(
        make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    chain = _foreign_chain("55555555-5555-4555-8555-555555555555", 4)
    assert desk.ledger.merge_remote(chain[:2], next_cursor=2).stored == 2
    assert not desk.ledger.state().needs_refold  # in order: applied as they came
    assert desk.ledger.merge_remote(chain[2:], next_cursor=4).stored == 2
    assert not desk.ledger.state().needs_refold
    incremental = _read_model(desk)
    assert len(incremental) == 4
    desk.refold()
    assert _read_model(desk) == incremental


def test_merged_events_older_than_what_is_held_refold_what_they_touch(
        make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    late = _foreign_chain("66666666-6666-4666-8666-666666666666", 2)
    early = [seal(id="88888888-8888-4888-8888-888888888888",
                  device_id="77777777-7777-4777-8777-777777777777", seq=1, kind="note.added",
                  case_id="case-7777", actor=None, at="2026-11-18T09:00:00.000000Z",
                  payload={"text": "sent from a desk that was offline"},
                  prev_hash="0" * 64)]
    assert desk.ledger.merge_remote(late, next_cursor=2).stored == 2
    assert desk.ledger.merge_remote(early, next_cursor=3).stored == 1
    assert not desk.ledger.state().needs_refold and not desk.ledger.refold_after_merge()
    assert len(_read_model(desk)) == 3
