"""A known desk moves to a new token only with proof (issue 14, item 3): its own key's
signature over a one-time nonce, or an admin's re-enrolment code made for that desk."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from db.wire import reenrol_message
from headoffice import admin, tokens
from headoffice.models import Device, EnrolChallenge, EnrolmentCode, Site
from tests.headoffice.helpers import HQ, Desk


class KeyedDesk:
    """A desk with its identity key, as the desk app enrols it."""

    def __init__(self, device_id: str | None = None) -> None:
        self.device_id = device_id or str(uuid.uuid4())
        self.key = Ed25519PrivateKey.generate()

    @property
    def public_hex(self) -> str:
        return self.key.public_key().public_bytes_raw().hex()

    def body(self, hq: HQ, code: str, *, proof: dict[str, str] | None = None,
             public_hex: str | None = None) -> dict[str, Any]:
        return {**hq.enrol_body(code, device_id=self.device_id),
                "device_public_key": public_hex or self.public_hex, "proof": proof}

    def challenge(self, hq: HQ) -> str:
        response = hq.client.post("/api/v1/enroll/challenge", json={"device_id": self.device_id})
        assert response.status_code == 200, response.text
        assert response.json()["device_id"] == self.device_id
        nonce = response.json()["nonce"]
        assert isinstance(nonce, str)
        return nonce

    def proof(self, nonce: str, *, public_hex: str | None = None,
              device_id: str | None = None) -> dict[str, str]:
        message = reenrol_message(device_id=device_id or self.device_id, nonce=nonce,
                                  device_public_key=public_hex or self.public_hex)
        return {"nonce": nonce, "signature": self.key.sign(message).hex()}


def enrol(hq: HQ, body: dict[str, Any]) -> httpx.Response:
    return hq.client.post("/api/v1/enroll", json=body)


def enrolled(hq: HQ, site: Site, desk: KeyedDesk) -> Desk:
    response = enrol(hq, desk.body(hq, hq.code(site)))
    assert response.status_code == 200, response.text
    return Desk(desk.device_id, response.json()["token"], site.id)


def token_works(hq: HQ, token: str) -> bool:
    response = hq.client.get("/api/v1/policy", headers={"Authorization": f"Bearer {token}"})
    return response.status_code != 401


def reenrol_code(hq: HQ, device: str, **kwargs: Any) -> str:
    return hq.db(lambda s: admin.issue_reenrol_code(s, device, now=hq.clock(), **kwargs)).code


def test_the_key_is_registered_at_enrolment(hq: HQ) -> None:
    site = hq.add_site()
    keyed = KeyedDesk()
    enrolled(hq, site, keyed)
    device = hq.db(lambda s: s.get(Device, keyed.device_id))
    assert device is not None and device.device_public_key == keyed.public_hex


def test_a_site_code_and_a_known_device_id_take_nothing_over(hq: HQ) -> None:
    """The takeover from the issue: another desk of the site saw this desk's device id in
    pulled events and enrols with a fresh site code in its name."""
    site = hq.add_site()
    real = KeyedDesk()
    desk = enrolled(hq, site, real)
    desk.add_many(2)
    assert hq.push(desk, desk.events).status_code == 200

    thief = KeyedDesk(device_id=real.device_id)  # same id, its own key
    fresh = hq.code(site)
    for proof in (None, thief.proof(thief.challenge(hq))):
        response = enrol(hq, thief.body(hq, fresh, proof=proof))
        assert response.status_code in (403, 409), response.text
        assert response.json()["proof_needed"] is True
        assert "reenrol" in response.json()["detail"]
    # The real desk's token still works, its key is unchanged, the code was not used up.
    assert token_works(hq, desk.token)
    device = hq.db(lambda s: s.get(Device, real.device_id))
    assert device is not None and device.device_public_key == real.public_hex
    assert hq.db(lambda s: s.scalar(select(EnrolmentCode.used_at).where(
        EnrolmentCode.code_hash == tokens.code_digest(fresh)))) is None
    # Nothing is accepted in the real desk's name except with its own token.
    forged = Desk(real.device_id, "not-a-token", site.id, events=list(desk.events))
    forged.add()
    assert hq.push(forged, forged.events[2:]).status_code == 401
    assert hq.count(real.device_id) == 2


def test_a_signed_reenrolment_moves_the_desk_to_a_new_token_once(hq: HQ) -> None:
    site = hq.add_site()
    keyed = KeyedDesk()
    desk = enrolled(hq, site, keyed)
    desk.add_many(2)
    assert hq.push(desk, desk.events).status_code == 200

    body = keyed.body(hq, hq.code(site), proof=keyed.proof(keyed.challenge(hq)))
    response = enrol(hq, body)
    assert response.status_code == 200, response.text
    again = Desk(keyed.device_id, response.json()["token"], site.id, events=desk.events)
    assert not token_works(hq, desk.token)
    assert token_works(hq, again.token)
    again.add()
    assert hq.push(again, again.events[2:]).json() == {"highest_seq": 3}

    # The same signed request again, with another fresh code: the nonce is used up.
    replay = enrol(hq, {**body, "code": hq.code(site)})
    assert replay.status_code == 403, replay.text
    assert "used or expired" in replay.json()["detail"]
    assert token_works(hq, again.token)


def test_a_signature_must_cover_this_device_a_live_nonce_and_the_new_key(hq: HQ) -> None:
    site = hq.add_site()
    keyed = KeyedDesk()
    desk = enrolled(hq, site, keyed)
    other = KeyedDesk()
    enrolled(hq, site, other)

    # A nonce given to another device does not serve this one, even signed by this key.
    foreign = keyed.proof(other.challenge(hq))
    # A signature over another key than the one sent (the key was swapped in transit).
    swapped_key = Ed25519PrivateKey.generate().public_key().public_bytes_raw().hex()
    swapped = keyed.body(hq, hq.code(site), proof=keyed.proof(keyed.challenge(hq)),
                         public_hex=swapped_key)
    # A nonce that expired before it was used.
    old_nonce = keyed.challenge(hq)
    hq.clock.advance(timedelta(minutes=6))
    expired = keyed.proof(old_nonce)
    # A nonce head office never gave.
    invented = keyed.proof("x" * 43)
    for body in (keyed.body(hq, hq.code(site), proof=foreign), swapped,
                 keyed.body(hq, hq.code(site), proof=expired),
                 keyed.body(hq, hq.code(site), proof=invented)):
        response = enrol(hq, body)
        assert response.status_code == 403, response.text
        assert token_works(hq, desk.token)


def test_an_admin_code_reenrols_its_own_desk_once_and_expires(hq: HQ) -> None:
    site = hq.add_site()
    lost = KeyedDesk()
    desk = enrolled(hq, site, lost)
    other = KeyedDesk()
    other_desk = enrolled(hq, site, other)
    # The keychain is gone: the same device id with a brand new key.
    rebuilt = KeyedDesk(device_id=lost.device_id)

    code = reenrol_code(hq, lost.device_id)
    # Bound to its desk: another device id cannot use it, and that leaves it usable.
    wrong_desk = enrol(hq, other.body(hq, code))
    assert wrong_desk.status_code == 403 and "another desk" in wrong_desk.json()["detail"]
    assert token_works(hq, other_desk.token)
    # Nor can a brand-new desk.
    assert enrol(hq, KeyedDesk().body(hq, code)).status_code == 403

    response = enrol(hq, rebuilt.body(hq, code))
    assert response.status_code == 200, response.text
    assert not token_works(hq, desk.token)
    assert token_works(hq, response.json()["token"])
    device = hq.db(lambda s: s.get(Device, lost.device_id))
    assert device is not None and device.device_public_key == rebuilt.public_hex
    # Once only.
    used = enrol(hq, rebuilt.body(hq, code))
    assert used.status_code == 410
    # Expiring: a code made for two hours is refused after them.
    later = reenrol_code(hq, lost.device_id, valid_for=timedelta(hours=2))
    hq.clock.advance(timedelta(hours=2, seconds=1))
    assert enrol(hq, rebuilt.body(hq, later)).status_code == 410
    # Wrong codes are refused.
    assert enrol(hq, rebuilt.body(hq, "AAAA-BBBB-CCCC-DDDD")).status_code == 403
    # And the reenrolled desk's new key now proves it.
    signed = rebuilt.body(hq, hq.code(site), proof=rebuilt.proof(rebuilt.challenge(hq)))
    assert enrol(hq, signed).status_code == 200


def test_reenrol_codes_are_stored_hashed_and_refused_for_revoked_desks(hq: HQ) -> None:
    site = hq.add_site()
    keyed = KeyedDesk()
    desk = enrolled(hq, site, keyed)
    code = reenrol_code(hq, keyed.device_id)
    rows = hq.db(lambda s: list(s.scalars(select(EnrolmentCode).where(
        EnrolmentCode.device_id == keyed.device_id))))
    assert [r.code_hash for r in rows] == [tokens.code_digest(code)]
    assert code.replace("-", "") not in repr([vars(r) for r in rows])
    hq.revoke(desk)
    try:
        reenrol_code(hq, keyed.device_id)
    except admin.AdminError as error:
        assert "revoked" in str(error)
    else:
        raise AssertionError("a revoked desk got a re-enrolment code")
    assert enrol(hq, keyed.body(hq, code)).status_code == 403


def test_challenges_do_not_tell_which_desks_exist_and_are_stored_hashed(hq: HQ) -> None:
    site = hq.add_site()
    keyed = KeyedDesk()
    enrolled(hq, site, keyed)
    known = keyed.challenge(hq)
    unknown = KeyedDesk().challenge(hq)
    assert len(known) == len(unknown) >= 40
    stored = hq.db(lambda s: list(s.scalars(select(EnrolChallenge.nonce_hash))))
    assert sorted(stored) == sorted([tokens.digest(known), tokens.digest(unknown)])
    for bad in ({}, {"device_id": "nope"}, []):
        assert hq.client.post("/api/v1/enroll/challenge", json=bad).status_code == 422
