"""Enrolment: one-time, expiring codes; currency check; tokens stored only as SHA-256."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

from sqlalchemy import select

from headoffice import admin
from headoffice.models import Device, EnrolmentCode
from tests.headoffice.helpers import HQ, Desk


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_enrol_gives_a_working_token_and_the_site(hq: HQ) -> None:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    code = hq.code(site)
    key = "ab" * 32
    body = hq.enrol_body(code, name="Desk 1", key=key.upper())
    response = hq.client.post("/api/v1/enroll", json=body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["site_id"] == site.id
    assert answer["site_name"] == "Harbour Hotel"
    assert (answer["currency"], answer["timezone"]) == ("EUR", "Europe/Paris")
    token = answer["token"]
    assert len(token) >= 40
    # The token works for the API straight away.
    push = hq.client.post("/api/v1/events", json={"events": [], "chain_head": "0" * 64},
                          headers={"Authorization": f"Bearer {token}"})
    assert push.status_code == 200, push.text
    assert push.json() == {"highest_seq": 0}
    device = hq.db(lambda s: s.get(Device, body["device_id"]))
    assert device is not None and device.site_id == site.id and device.name == "Desk 1"
    assert device.voucher_public_key == key  # normalised to lower case
    assert device.enrolled_at == hq.clock()


def test_secrets_are_stored_only_hashed(hq: HQ) -> None:
    site = hq.add_site()
    code = hq.code(site)
    body = hq.enrol_body(code)
    token = hq.client.post("/api/v1/enroll", json=body).json()["token"]
    device = hq.db(lambda s: s.get(Device, body["device_id"]))
    codes = hq.db(lambda s: list(s.scalars(select(EnrolmentCode))))
    assert device.token_hash == sha256(token)
    assert [c.code_hash for c in codes] == [sha256(code.replace("-", ""))]
    everything = repr([vars(device)] + [vars(c) for c in codes])
    assert token not in everything
    assert code.replace("-", "") not in everything and code not in everything


def test_code_is_one_time(hq: HQ) -> None:
    site = hq.add_site()
    code = hq.code(site)
    first = hq.client.post("/api/v1/enroll", json=hq.enrol_body(code))
    assert first.status_code == 200
    replay = hq.client.post("/api/v1/enroll", json=hq.enrol_body(code))
    assert replay.status_code == 410
    assert "already been used" in replay.json()["detail"]
    # The code is matched however it is typed, and is still refused.
    typed = code.lower().replace("-", " ")
    assert hq.client.post("/api/v1/enroll", json=hq.enrol_body(typed)).status_code == 410
    assert len(hq.db(lambda s: list(s.scalars(select(Device))))) == 1


def test_expired_and_unknown_codes_are_refused(hq: HQ) -> None:
    site = hq.add_site()
    expired = hq.code(site, issued_at=hq.clock() - timedelta(hours=25))
    response = hq.client.post("/api/v1/enroll", json=hq.enrol_body(expired))
    assert response.status_code == 410
    assert "expired" in response.json()["detail"]
    unknown = hq.client.post("/api/v1/enroll", json=hq.enrol_body("AAAA-BBBB-CCCC-DDDD"))
    assert unknown.status_code == 403
    assert "not recognised" in unknown.json()["detail"]
    # A code that is still valid becomes expired when the server's clock passes its expiry.
    code = hq.code(site, valid_for=timedelta(hours=1))
    hq.clock.advance(timedelta(hours=1))
    late = hq.client.post("/api/v1/enroll", json=hq.enrol_body(code))
    assert late.status_code == 410
    assert len(hq.db(lambda s: list(s.scalars(select(Device))))) == 0


def test_currency_mismatch_is_refused_and_leaves_the_code_usable(hq: HQ) -> None:
    site = hq.add_site("Harbour Hotel", "GBP", "Europe/London")
    code = hq.code(site)
    wrong = hq.client.post("/api/v1/enroll", json=hq.enrol_body(code, currency="EUR"))
    assert wrong.status_code == 409
    detail = wrong.json()["detail"]
    assert "EUR" in detail and "GBP" in detail
    right = hq.client.post("/api/v1/enroll", json=hq.enrol_body(code, currency="gbp"))
    assert right.status_code == 200, right.text


def test_reenrolment_rotates_the_token_and_revoked_devices_cannot_return(hq: HQ) -> None:
    site = hq.add_site()
    desk = hq.enrol(site)
    desk.add_many(2)
    assert hq.push(desk, desk.events).status_code == 200
    code = hq.db(lambda s: admin.issue_reenrol_code(s, desk.device_id, now=hq.clock())).code
    body = hq.enrol_body(code, device_id=desk.device_id, name="Desk renamed")
    response = hq.client.post("/api/v1/enroll", json=body)
    assert response.status_code == 200, response.text
    again = Desk(desk.device_id, response.json()["token"], site.id)
    assert again.token != desk.token
    assert hq.client.get("/api/v1/policy", headers=desk.auth).status_code == 401
    # The held chain continues under the new token.
    again.events = desk.events
    again.add()
    assert hq.push(again, again.events[2:]).json() == {"highest_seq": 3}

    hq.revoke(again)
    body = hq.enrol_body(hq.code(site), device_id=desk.device_id)
    refused = hq.client.post("/api/v1/enroll", json=body)
    assert refused.status_code == 403
    assert "revoked" in refused.json()["detail"]


def test_a_device_cannot_move_to_another_site(hq: HQ) -> None:
    one = hq.add_site("One")
    two = hq.add_site("Two")
    desk = hq.enrol(one)
    body = hq.enrol_body(hq.code(two), device_id=desk.device_id)
    response = hq.client.post("/api/v1/enroll", json=body)
    assert response.status_code == 409
    assert "another site" in response.json()["detail"]


def test_enrol_body_is_validated(hq: HQ) -> None:
    site = hq.add_site()
    code = hq.code(site)
    bad_bodies = [
        {**hq.enrol_body(code), "voucher_public_key": "abc"},
        {**hq.enrol_body(code), "voucher_public_key": "zz" * 32},
        {**hq.enrol_body(code), "device_id": "not-a-uuid"},
        {**hq.enrol_body(code), "device_id": str(uuid.uuid4()).upper()},
        {**hq.enrol_body(code), "device_name": ""},
        {**hq.enrol_body(code), "device_name": "x" * 201},
        {**hq.enrol_body(code), "site": "Harbour"},
        {**hq.enrol_body(code), "site": {"name": "H", "timezone": "Europe/Paris"}},
        {k: v for k, v in hq.enrol_body(code).items() if k != "code"},
    ]
    for body in bad_bodies:
        response = hq.client.post("/api/v1/enroll", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["detail"]
    # None of the refusals used up the code.
    assert hq.client.post("/api/v1/enroll", json=hq.enrol_body(code)).status_code == 200
