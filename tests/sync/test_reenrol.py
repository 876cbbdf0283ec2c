"""The desk's side of re-enrolment (issue 14, item 3): its identity key is made at the first
enrolment and kept in the keychain, a later enrolment signs head office's nonce with it by
itself, and a desk that lost its keychain needs the admin's code for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.desk import Desk
from desktop.core.secrets import identity_key_name, token_name
from desktop.sync.client import enroll, sync_once
from desktop.sync.errors import EnrolError, SyncProblem
from headoffice import admin
from headoffice.models import Device
from tests.headoffice.helpers import HQ
from tests.sync.helpers import open_cases

MakeDesk = Callable[..., Desk]


def test_the_first_enrolment_keeps_a_key_in_the_keychain_and_registers_it(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    site = hq.add_site()
    desk = make_eur_desk()
    enroll(desk, hq.server.url, hq.code(site))
    stored = desk.secret_store.get(identity_key_name(desk.device_id))
    assert stored is not None
    public = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored)).public_key()
    held = hq.db(lambda s: s.get(Device, desk.device_id))
    assert held is not None and held.device_public_key == public.public_bytes_raw().hex()
    # Never in the desk's database or its data folder.
    for path in desk.data_dir.rglob("*"):
        if path.is_file():
            assert stored.encode() not in path.read_bytes()


def test_a_desk_with_its_key_enrols_again_by_itself(hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    enroll(desk, hq.server.url, hq.code(site))
    open_cases(desk, 2)
    assert sync_once(desk).ok
    old_token = desk.secret_store.get(token_name(desk.device_id))
    desk.secret_store.delete(token_name(desk.device_id))  # the token is lost, the key is not

    enroll(desk, hq.server.url, hq.code(site))
    new_token = desk.secret_store.get(token_name(desk.device_id))
    assert new_token and new_token != old_token
    open_cases(desk, 1)
    report = sync_once(desk)
    assert report.ok, report.errors
    refused = hq.client.get("/api/v1/policy", headers={"Authorization": f"Bearer {old_token}"})
    assert refused.status_code == 401


def test_a_desk_that_lost_its_keychain_needs_the_admins_code(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    enroll(desk, hq.server.url, hq.code(site))
    old_token = desk.secret_store.get(token_name(desk.device_id))
    for name in (token_name(desk.device_id), identity_key_name(desk.device_id)):
        desk.secret_store.delete(name)

    with pytest.raises(EnrolError) as refused:
        enroll(desk, hq.server.url, hq.code(site))
    assert refused.value.problem is SyncProblem.ENROL_PROOF
    assert "reenrol" in str(refused.value)
    # Head office still takes only the old token.
    works = hq.client.get("/api/v1/policy", headers={"Authorization": f"Bearer {old_token}"})
    assert works.status_code in (200, 204)

    code = hq.db(lambda s: admin.issue_reenrol_code(s, desk.device_id, now=hq.clock())).code
    enroll(desk, hq.server.url, code)
    assert sync_once(desk).ok
    # The new key is the one head office now knows, so the next re-enrolment is signed.
    desk.secret_store.delete(token_name(desk.device_id))
    enroll(desk, hq.server.url, hq.code(site))
    assert sync_once(desk).ok


def test_a_throttled_enrolment_says_to_wait(hq: HQ, make_eur_desk: MakeDesk) -> None:
    desk = make_eur_desk()
    hq.add_site()
    problems = set()
    for _ in range(25):
        with pytest.raises(EnrolError) as refused:
            enroll(desk, hq.server.url, "AAAA-BBBB-CCCC-DDDD")
        problems.add(refused.value.problem)
    assert problems == {SyncProblem.ENROL_CODE, SyncProblem.THROTTLED}
    assert not desk.ledger.state().enrolled


def test_the_enrol_dialog_asks_for_the_admins_code_after_a_lost_keychain(
        qtbot: QtBot, hq: HQ, make_eur_desk: MakeDesk) -> None:
    from desktop.ui import labels
    from desktop.ui.sync_status import HeadOfficeDialog

    site = hq.add_site()
    desk = make_eur_desk()
    enroll(desk, hq.server.url, hq.code(site))
    for name in (token_name(desk.device_id), identity_key_name(desk.device_id)):
        desk.secret_store.delete(name)

    dialog = HeadOfficeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.url.setText(hq.server.url)
    dialog.code.setText(hq.code(site))
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.message.text() == "Not enrolled: " + labels.sync_problem_text(
        SyncProblem.ENROL_PROOF)
    assert "re-enrolment code" in dialog.message.text()

    code = hq.db(lambda s: admin.issue_reenrol_code(s, desk.device_id, now=hq.clock())).code
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    with qtbot.waitSignal(dialog.enrolled, timeout=30000):
        dialog.enrol_button.click()
    assert desk.secret_store.get(token_name(desk.device_id))
