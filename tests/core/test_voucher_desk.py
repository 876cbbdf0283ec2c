"""Vouchers through the desk: issued with a grant, checked, redeemed once, voided, printed."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CaseRow, VoucherKeyRow, VoucherRow
from desktop.core import caselog, vouchers
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.paths import DB_FILE
from desktop.core.secrets import SERVICE, voucher_key_name
from desktop.core.views import CaseHeader, GestureProposal, OnShift, VoucherOutcome
from tests.conftest import Team
from tests.memory_keyring import MemoryKeyring

DINNER = GestureProposal("voucher", "Dinner for two at the Brasserie", 4500)


@dataclasses.dataclass
class Issued:
    who: OnShift
    case_id: str
    code: str
    token: str


def issue(desk: Desk, team: Team, guest: str = "Grace Kim",
          proposal: GestureProposal = DINNER) -> Issued:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader(guest, "Room 214", "Front Desk", "noise",
                                             "high"))
    result = desk.grants.grant(who, case_id, proposal)
    assert result.granted and result.voucher_code
    token = desk.vouchers.of_case(case_id)[0].token
    return Issued(who, case_id, result.voucher_code, token)


def payloads(desk: Desk, case_id: str | None, kind: str) -> list[dict[str, Any]]:
    events = desk.cases.events(case_id) if case_id else desk.ledger.events_of(desk.device_id)
    return [json.loads(e.payload) for e in events if e.kind == kind]


def desk_key(desk: Desk) -> bytes:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    return bytes.fromhex(backend.secrets[(SERVICE, voucher_key_name(desk.device_id))])


def flip(token: str, index: int) -> str:
    """The token with one character replaced by another base64url character."""
    replacement = "A" if token[index] != "A" else "B"
    return token[:index] + replacement + token[index + 1:]


# --- issuing -----------------------------------------------------------------------------------


def test_a_voucher_grant_issues_a_voucher_that_verifies_with_the_stored_key(
        desk: Desk, team: Team) -> None:
    issued = issue(desk, team)
    [event] = payloads(desk, issued.case_id, "voucher.issued")
    public_key = bytes.fromhex(event["public_key"])
    claim = vouchers.verify_voucher(issued.token, {desk.device_id: public_key})
    assert (claim.code, claim.value_minor, claim.currency, claim.guest_name,
            claim.description) == (issued.code, 4500, "USD", "Grace Kim", DINNER.description)
    assert public_key == vouchers.public_key_of(desk_key(desk))
    with Session(desk.engine) as db:
        keys = db.scalars(select(VoucherKeyRow)).all()
        assert [(k.device_id, k.public_key) for k in keys] == [(desk.device_id,
                                                                event["public_key"])]
        row = db.scalars(select(VoucherRow)).one()
    assert row.grant_id == desk.cases.get(issued.case_id).grants[0].id
    assert row.status == "issued" and row.issued_by == team.agent.id
    # The grant and its voucher are one transaction and one case.
    kinds = [e.kind for e in desk.cases.events(issued.case_id)]
    assert kinds[-2:] == ["compensation.granted", "voucher.issued"]


def test_only_voucher_gestures_issue_vouchers(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim"))
    result = desk.grants.grant(who, case_id, GestureProposal("amenity", "Fruit basket", 2000))
    assert result.granted and result.voucher_code is None
    assert desk.vouchers.of_case(case_id) == []
    assert payloads(desk, case_id, "voucher.issued") == []


def test_expiry_is_the_local_date_at_the_site_plus_the_policy_days(
        desk: Desk, team: Team, clock: ManualClock) -> None:
    # 03:00 UTC on the 19th is still the evening of the 18th in New York.
    clock.set(datetime(2026, 11, 19, 3, 0, tzinfo=UTC))
    issued = issue(desk, team)
    days = desk.site.policy().voucher_valid_days
    voucher = desk.vouchers.check(issued.code).voucher
    assert voucher is not None
    assert voucher.expires_on == date(2026, 11, 18) + timedelta(days=days)


def test_a_description_too_long_for_a_qr_code_grants_nothing(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim"))
    with pytest.raises(DeskError) as raised:
        desk.grants.grant(who, case_id, GestureProposal("voucher", "x" * 9000, 4500))
    assert raised.value.code == "voucher_too_long"
    assert desk.cases.get(case_id).grants == ()


# --- checking and redeeming ----------------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    lambda c: c.lower(),
    lambda c: f"{c[:3]}-{c[3:6]}-{c[6:]}",
    lambda c: f" {c[:3].lower()} {c[3:6]} {c[6:].lower()} ",
    lambda c: f"{c[:3]}\u2013{c[3:6]}\u2013{c[6:]}",  # a word processor's en dash
])
def test_check_and_redeem_a_typed_code_in_any_case_and_grouping(desk: Desk, team: Team,
                                                                typed) -> None:
    issued = issue(desk, team)
    check = desk.vouchers.check(typed(issued.code))
    assert check.outcome is VoucherOutcome.VALID and check.ok
    assert check.voucher is not None and check.voucher.value_minor == 4500
    redeemed = desk.vouchers.redeem(issued.who, typed(issued.code))
    assert redeemed.outcome is VoucherOutcome.VALID and redeemed.redeemed_now
    assert redeemed.voucher is not None and redeemed.voucher.status == "redeemed"
    [event] = payloads(desk, issued.case_id, "voucher.redeemed")
    assert event == {"voucher_id": redeemed.voucher.id, "code": issued.code,
                     "device": desk.device_id}


def test_check_and_redeem_the_scanned_token(desk: Desk, team: Team) -> None:
    issued = issue(desk, team)
    scanned = issued.token + "\r\n"  # a scanner types Enter after the QR text
    assert desk.vouchers.check(scanned).outcome is VoucherOutcome.VALID
    assert desk.vouchers.redeem(issued.who, scanned).redeemed_now
    assert desk.vouchers.check(issued.code).outcome is VoucherOutcome.ALREADY_REDEEMED


def test_a_second_redemption_is_refused_naming_the_first(desk: Desk, team: Team,
                                                         clock: ManualClock) -> None:
    issued = issue(desk, team)
    first_at = clock.now()
    desk.vouchers.redeem(issued.who, issued.code)
    clock.advance(hours=2)
    again = desk.vouchers.redeem(team.sign_in(team.agent2), issued.token)
    assert again.outcome is VoucherOutcome.ALREADY_REDEEMED and not again.redeemed_now
    voucher = again.voucher
    assert voucher is not None
    assert voucher.redeemed_at == first_at
    assert voucher.redeemed_by_name == "Maya Torres"
    assert voucher.redeemed_device == desk.device_id and again.redeemed_here
    assert len(payloads(desk, issued.case_id, "voucher.redeemed")) == 1


def test_an_unknown_code_is_unknown(desk: Desk, team: Team) -> None:
    issue(desk, team)
    check = desk.vouchers.check(vouchers.new_code())
    assert check.outcome is VoucherOutcome.UNKNOWN and check.voucher is None


def test_a_voucher_expires_after_its_last_day_in_site_time(desk: Desk, team: Team,
                                                           clock: ManualClock) -> None:
    issued = issue(desk, team)
    voucher = desk.vouchers.check(issued.code).voucher
    assert voucher is not None
    zone = desk.site.info().zone
    last_evening = datetime.combine(voucher.expires_on, datetime.min.time(), zone)
    clock.set((last_evening + timedelta(hours=23, minutes=59)).astimezone(UTC))
    assert desk.vouchers.check(issued.code).outcome is VoucherOutcome.VALID
    clock.advance(minutes=2)
    assert desk.vouchers.check(issued.code).outcome is VoucherOutcome.EXPIRED
    refused = desk.vouchers.redeem(issued.who, issued.token)
    assert refused.outcome is VoucherOutcome.EXPIRED and not refused.redeemed_now
    assert payloads(desk, issued.case_id, "voucher.redeemed") == []


def test_a_voided_voucher_is_voided_and_only_supervisors_void(desk: Desk, team: Team) -> None:
    issued = issue(desk, team)
    with pytest.raises(DeskError) as agent_try:
        desk.vouchers.void(issued.who, issued.code, "printed twice")
    assert agent_try.value.code == "supervisor_only"
    supervisor = team.sign_in(team.supervisor)
    with pytest.raises(DeskError) as no_reason:
        desk.vouchers.void(supervisor, issued.code, "  ")
    assert no_reason.value.code == "void_reason_missing"
    desk.vouchers.void(supervisor, issued.code.lower(), "Guest chose a refund instead")
    check = desk.vouchers.check(issued.token)
    assert check.outcome is VoucherOutcome.VOIDED and check.voucher is not None
    assert check.voucher.void_reason == "Guest chose a refund instead"
    assert not desk.vouchers.redeem(issued.who, issued.code).redeemed_now
    with pytest.raises(DeskError) as twice:
        desk.vouchers.void(supervisor, issued.code, "again")
    assert twice.value.code == "voucher_voided"
    [event] = payloads(desk, issued.case_id, "voucher.voided")
    assert event["reason"] == "Guest chose a refund instead"


def test_a_redeemed_voucher_cannot_be_voided(desk: Desk, team: Team) -> None:
    issued = issue(desk, team)
    desk.vouchers.redeem(issued.who, issued.code)
    with pytest.raises(DeskError) as raised:
        desk.vouchers.void(team.sign_in(team.manager), issued.code, "too late")
    assert raised.value.code == "voucher_redeemed"


def test_a_token_resigned_with_another_key_is_forged(desk: Desk, team: Team) -> None:
    issued = issue(desk, team)
    claim = vouchers.verify_voucher(issued.token, {desk.device_id: vouchers.public_key_of(
        desk_key(desk))})
    forged = vouchers.sign_voucher(claim, vouchers.generate_signing_key())
    check = desk.vouchers.check(forged)
    assert check.outcome is VoucherOutcome.FORGED
    assert check.token_failure is vouchers.TokenFailure.BAD_SIGNATURE
    assert not desk.vouchers.redeem(issued.who, forged).redeemed_now
    assert desk.vouchers.check(issued.code).outcome is VoucherOutcome.VALID


@pytest.mark.parametrize("where", [8, 40, 100, -10, -1])
def test_a_token_with_one_character_changed_is_forged(desk: Desk, team: Team,
                                                      where: int) -> None:
    issued = issue(desk, team)
    index = where % len(issued.token)
    assert issued.token[index] != "."
    check = desk.vouchers.check(flip(issued.token, index))
    assert check.outcome is VoucherOutcome.FORGED and check.token_failure is not None


def test_a_signed_claim_that_differs_from_the_record_is_forged(desk: Desk, team: Team) -> None:
    issued = issue(desk, team)
    key = desk_key(desk)
    claim = vouchers.verify_voucher(issued.token, {desk.device_id: vouchers.public_key_of(key)})
    # Even this desk's own key cannot make the voucher on record worth more.
    richer = vouchers.sign_voucher(dataclasses.replace(claim, value_minor=45000), key)
    check = desk.vouchers.check(richer)
    assert check.outcome is VoucherOutcome.FORGED and check.detail == "claim_mismatch"


def test_an_edited_voucher_row_is_forged(desk: Desk, team: Team, data_dir: Path) -> None:
    issued = issue(desk, team)
    with sqlite3.connect(data_dir / DB_FILE) as connection:
        connection.execute("UPDATE voucher SET value_minor = 99900")
    check = desk.vouchers.check(issued.code)
    assert check.outcome is VoucherOutcome.FORGED and check.detail == "claim_mismatch"


@pytest.mark.parametrize(("change", "status"), [
    (lambda c: c[:4] + ("Z" if c[4] != "Z" else "Y") + c[5:], vouchers.CodeStatus.BAD_CHECK),
    (lambda c: c[1] + c[0] + c[2:] if c[0] != c[1] else "2" + c[1:],
     vouchers.CodeStatus.BAD_CHECK),
    (lambda c: "O" + c[1:], vouchers.CodeStatus.BAD_CHARACTER),
    (lambda c: c[:-1], vouchers.CodeStatus.WRONG_LENGTH),
    (lambda c: " - ", vouchers.CodeStatus.EMPTY),
])
def test_a_mistyped_code_says_how(desk: Desk, team: Team, change, status) -> None:
    issued = issue(desk, team)
    typed = change(issued.code)
    check = desk.vouchers.check(typed)
    assert check.outcome is VoucherOutcome.MISTYPED and check.code_status is status
    assert not desk.vouchers.redeem(issued.who, typed).redeemed_now


# --- a copied database ---------------------------------------------------------------------------


def test_a_copied_database_alone_cannot_mint_a_voucher_that_verifies(
        desk: Desk, team: Team, data_dir: Path, tmp_path: Path, clock: ManualClock) -> None:
    issued = issue(desk, team)
    real_keychain = keyring.get_keyring()
    secret = desk_key(desk)
    claim = vouchers.verify_voucher(issued.token, {desk.device_id: vouchers.public_key_of(
        secret)})
    desk.close()
    for path in data_dir.glob(DB_FILE + "*"):
        data = path.read_bytes()
        assert secret not in data and secret.hex().encode() not in data
    # A claim for this desk signed with any other key does not verify here.
    fresh = vouchers.sign_voucher(dataclasses.replace(claim, voucher_id=str(uuid.uuid4()),
                                                      code=vouchers.new_code()),
                                  vouchers.generate_signing_key())
    # Nor does a voucher minted by a copy of the file on another machine (another keychain).
    copy_dir = tmp_path / "copy"
    copy_dir.mkdir()
    shutil.copy(data_dir / DB_FILE, copy_dir / DB_FILE)
    keyring.set_keyring(MemoryKeyring())
    copy = Desk.open(copy_dir, clock)
    copied = issue(copy, _team_of(copy), guest="Mallory")
    assert copy.vouchers.check(copied.code).ok  # the copy believes itself
    copy.close()
    keyring.set_keyring(real_keychain)
    real = Desk.open(data_dir, clock)
    try:
        for token in (fresh, copied.token):
            check = real.vouchers.check(token)
            assert check.outcome is VoucherOutcome.FORGED, check
        assert real.vouchers.check(copied.code).outcome is VoucherOutcome.UNKNOWN
        assert real.vouchers.check(issued.code).ok
    finally:
        real.close()


def _team_of(desk: Desk) -> Team:
    """The test team of an existing desk (the people were added by Team before the copy)."""
    team = Team.__new__(Team)
    team.desk = desk
    by_name = {m.name: m for m in desk.staff.roster()}
    team.manager = by_name["Rita Lang"]
    team.agent = by_name["Maya Torres"]
    team.agent2 = by_name["Leo Brandt"]
    team.supervisor = by_name["Sam Okoye"]
    team.pins = {team.manager.id: "1357", team.agent.id: "5817", team.agent2.id: "6392",
                 team.supervisor.id: "2468"}
    return team


# --- another desk, not yet synced ---------------------------------------------------------------


def second_desk(desk: Desk, data_dir: Path, tmp_path: Path, clock: ManualClock) -> Desk:
    """A second desk of the same site: the same file, under a device id of its own."""
    desk.close()
    other_dir = tmp_path / "desk-2"
    other_dir.mkdir()
    shutil.copy(data_dir / DB_FILE, other_dir / DB_FILE)
    with sqlite3.connect(other_dir / DB_FILE) as connection:
        connection.execute("UPDATE setting SET value = ? WHERE key = 'device_id'",
                           (str(uuid.uuid4()),))
    return Desk.open(other_dir, clock)


def sync(source: Desk, target: Desk) -> None:
    """What the sync client will do: merge the source's events as a set, then refold."""
    have = {e.id for e in target.ledger.events_of(source.device_id)}
    with Session(target.engine) as db, db.begin():
        for row in source.ledger.events_of(source.device_id):
            if row.id not in have:
                caselog.store_event(db, caselog.row_to_event(row), acked=True)
        caselog.refold(db)


def test_a_voucher_from_another_desk_not_yet_synced_is_valid_by_its_token(
        desk: Desk, team: Team, data_dir: Path, tmp_path: Path, clock: ManualClock) -> None:
    issue(desk, team)  # the other desk learns this desk's key from this voucher
    other = second_desk(desk, data_dir, tmp_path, clock)
    first = Desk.open(data_dir, clock)
    fresh = issue(first, _team_of(first), guest="Omar Haddad")  # after the copy: not synced
    other_team = _team_of(other)
    try:
        assert other.vouchers.check(fresh.code).outcome is VoucherOutcome.UNKNOWN
        check = other.vouchers.check(fresh.token)
        assert check.outcome is VoucherOutcome.VALID and check.voucher is not None
        assert not check.voucher.synced and check.voucher.guest_name == "Omar Haddad"
        redeemed = other.vouchers.redeem(other_team.sign_in(other_team.agent2), fresh.token)
        assert redeemed.redeemed_now and redeemed.voucher is not None
        assert redeemed.voucher.status == "redeemed"
        # From now on this desk holds it: by token and by code, it is used.
        assert other.vouchers.check(fresh.token).outcome is VoucherOutcome.ALREADY_REDEEMED
        assert other.vouchers.check(fresh.code).outcome is VoucherOutcome.ALREADY_REDEEMED
        sync(first, other)
        [view] = other.vouchers.of_case(fresh.case_id)
        assert view.status == "redeemed" and view.redeemed_by_name == "Leo Brandt"
        assert view.redeemed_device == other.device_id and view.redeem_count == 1
        sync(other, first)
        again = first.vouchers.redeem(fresh.who, fresh.code)
        assert again.outcome is VoucherOutcome.ALREADY_REDEEMED and not again.redeemed_here
    finally:
        first.close()
        other.close()


def test_a_revoked_desk_s_voucher_counts_only_if_it_arrived_before(
        desk: Desk, team: Team, data_dir: Path, tmp_path: Path, clock: ManualClock) -> None:
    known = issue(desk, team)  # arrives at the other desk (as through head office)
    other = second_desk(desk, data_dir, tmp_path, clock)
    first = Desk.open(data_dir, clock)
    unseen = issue(first, _team_of(first), guest="Omar Haddad")  # never arrives
    other_team = _team_of(other)
    try:
        # Valid by its signature.
        assert other.vouchers.check(unseen.token).outcome is VoucherOutcome.VALID
        other.ledger.record_revoked_devices([first.device_id, str(uuid.uuid4())])
        check = other.vouchers.check(unseen.token)
        assert check.outcome is VoucherOutcome.FORGED and check.detail == "revoked_device"
        refused = other.vouchers.redeem(other_team.sign_in(other_team.agent2), unseen.token)
        assert not refused.redeemed_now and refused.outcome is VoucherOutcome.FORGED
        # What that desk issued before, and this desk holds, is as good as ever.
        assert other.vouchers.check(known.token).outcome is VoucherOutcome.VALID
        assert other.vouchers.check(known.code).outcome is VoucherOutcome.VALID
        # The list is head office's, replaced whole on every pull.
        other.ledger.record_revoked_devices([])
        assert other.vouchers.check(unseen.token).outcome is VoucherOutcome.VALID
    finally:
        first.close()
        other.close()


def test_a_double_redemption_made_offline_is_counted_after_sync(
        desk: Desk, team: Team, data_dir: Path, tmp_path: Path, clock: ManualClock) -> None:
    issued = issue(desk, team)
    other = second_desk(desk, data_dir, tmp_path, clock)
    first = Desk.open(data_dir, clock)
    try:
        assert first.vouchers.redeem(issued.who, issued.code).redeemed_now
        clock.advance(minutes=5)
        other_team = _team_of(other)
        assert other.vouchers.redeem(other_team.sign_in(other_team.agent2),
                                    issued.code).redeemed_now
        sync(other, first)
        [view] = first.vouchers.of_case(issued.case_id)
        assert view.redeem_count == 2
        assert view.redeemed_device == first.device_id  # the first redemption stands
    finally:
        first.close()
        other.close()


# --- the read model ------------------------------------------------------------------------------


def snapshot(desk: Desk) -> tuple[list[dict[str, Any]], ...]:
    def rows(db: Session, table: type) -> list[dict[str, Any]]:
        columns = [c.key for c in table.__table__.columns]
        found = db.scalars(select(table)).all()
        return sorted(({c: getattr(r, c) for c in columns} for r in found), key=repr)

    with Session(desk.engine) as db:
        prints = sorted((c.id, c.apology_prints) for c in db.scalars(select(CaseRow)))
        return (rows(db, VoucherRow), rows(db, VoucherKeyRow),
                [{"prints": p} for p in prints])


def test_refold_rebuilds_the_voucher_tables_equal(desk: Desk, team: Team,
                                                  clock: ManualClock) -> None:
    kept = issue(desk, team, guest="Grace Kim")
    used = issue(desk, team, guest="Omar Haddad")
    voided = issue(desk, team, guest="Ines Duarte")
    clock.advance(minutes=3)
    desk.vouchers.redeem(used.who, used.code)
    desk.vouchers.void(team.sign_in(team.supervisor), voided.code, "wrong guest")
    for _ in range(2):
        desk.cases.record_print(kept.who, kept.case_id, "voucher", kept.code)
    desk.cases.record_print(kept.who, kept.case_id, "apology", None)
    before = snapshot(desk)
    assert len(before[0]) == 3 and {r["status"] for r in before[0]} == {"issued", "redeemed",
                                                                         "voided"}
    desk.refold()
    assert snapshot(desk) == before


# --- slips ---------------------------------------------------------------------------------------


def test_a_print_must_name_a_voucher_of_that_case(desk: Desk, team: Team) -> None:
    one = issue(desk, team, guest="Grace Kim")
    two = issue(desk, team, guest="Omar Haddad")
    for code, case_id, expected in ((two.code, one.case_id, "voucher_not_in_case"),
                                    (None, one.case_id, "unknown_voucher"),
                                    (one.code, "no-such-case", "unknown_case")):
        with pytest.raises(DeskError) as raised:
            desk.cases.record_print(one.who, case_id, "voucher", code)
        assert raised.value.code == expected
    with pytest.raises(DeskError):
        desk.cases.record_print(one.who, one.case_id, "menu", None)  # type: ignore[arg-type]


def test_a_desk_whose_keychain_was_reset_still_honours_its_old_vouchers(
        desk: Desk, team: Team, data_dir: Path, clock: ManualClock) -> None:
    old = issue(desk, team, guest="Grace Kim")
    desk.close()
    keyring.set_keyring(MemoryKeyring())  # a new keychain: the old key is gone
    reopened = Desk.open(data_dir, clock)
    try:
        new = issue(reopened, _team_of(reopened), guest="Omar Haddad")
        with Session(reopened.engine) as db:
            keys = db.scalars(select(VoucherKeyRow)).all()
        assert len({k.public_key for k in keys}) == 2
        assert {k.device_id for k in keys} == {reopened.device_id}
        for issued in (old, new):
            assert reopened.vouchers.check(issued.token).ok
            assert reopened.vouchers.check(issued.code).ok
        forged = vouchers.sign_voucher(
            dataclasses.replace(vouchers.verify_voucher(new.token, {
                reopened.device_id: vouchers.public_key_of(desk_key(reopened))}),
                voucher_id=str(uuid.uuid4()), code=vouchers.new_code()),
            vouchers.generate_signing_key())
        check = reopened.vouchers.check(forged)
        assert check.token_failure is vouchers.TokenFailure.BAD_SIGNATURE
    finally:
        reopened.close()
