"""Enrolling this desk with head office: once, with a one-time code (or, for a desk head office
already knows, with a signature by the desk's own key as proof).

The token head office answers goes to the keychain, never to the database or a log line.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import httpx

from db import wire
from desktop.core.secrets import token_name
from desktop.sync.calls import API, detail_of, json_of, open_client, request
from desktop.sync.errors import EnrolError, SyncProblem

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.sync.identity import Identity

log = logging.getLogger(__name__)


def enroll(desk: Desk, url: str, code: str, device_name: str | None = None, *,
           http: httpx.Client | None = None) -> dict[str, Any]:
    """Join head office at ``url`` with a one-time ``code``; returns head office's site values.

    The desk keeps its cases (they are pushed on the next sync). Head office's site name and
    time zone are adopted; a different currency is refused by head office (409) and nothing
    here changes.
    """
    from desktop.core.errors import DeskError
    from desktop.core.secrets import SecretStoreError
    from desktop.sync.identity import identity

    base = normalise_url(url)
    if not desk.site.exists():
        raise EnrolError("Set up this desk (site, currency, manager) before enrolling it.",
                         problem=SyncProblem.NO_SITE)
    site = desk.site.info()
    key = identity(desk)
    with open_client(http) as client:
        # A desk that already had its key may be known to head office: prove it is this desk.
        proof = _proof(client, base, desk.device_id, key) if key and key.known else None
        body = wire.enrol_request(
            code=code.strip(), device_id=desk.device_id,
            device_name=(device_name or "").strip() or f"{site.name} desk",
            site={"name": site.name, "currency": site.currency, "timezone": site.timezone},
            voucher_public_key=_voucher_public_key(desk),
            device_public_key=key.public_hex if key else None, proof=proof)
        response = request(client, "POST", f"{base}{API}/enroll", json=body)
    if response.status_code != 200:
        raise EnrolError(f"Head office refused the enrolment: {detail_of(response)}",
                         status=response.status_code, problem=_enrol_problem(response))
    answer = json_of(response)
    try:
        enrolled = wire.parse_enrol_answer(answer)
    except wire.WireError:
        raise EnrolError("Head office's answer has no token; is this an Amends head office?",
                         problem=SyncProblem.BAD_ANSWER) from None
    token = enrolled["token"]
    try:
        # The token first: settings without a token would claim an enrolment that cannot sync.
        desk.secret_store.set(token_name(desk.device_id), token)
    except SecretStoreError as error:
        raise EnrolError(f"The head-office token could not be stored: {error}",
                         problem=SyncProblem.KEYCHAIN) from error
    try:
        desk.ledger.record_enrolment(url=base, site_id=enrolled["site_id"],
                              site_name=enrolled["site_name"],
                              timezone=enrolled["timezone"])
    except DeskError as error:
        raise EnrolError(f"Enrolled, but the desk could not record it: {error}",
                         problem=SyncProblem.NOT_RECORDED) from error
    log.info("enrolled desk %s with head office %s", desk.device_id, base)
    return {k: v for k, v in answer.items() if k != "token"}


def _proof(client: httpx.Client, base: str, device_id: str,
           key: Identity) -> wire.EnrolProof | None:
    """This desk's signature over a fresh nonce from head office (None from a head office
    too old to ask for one)."""
    response = request(client, "POST", f"{base}{API}/enroll/challenge",
                        json=wire.challenge_request(device_id=device_id))
    if response.status_code in (404, 405):
        return None
    if response.status_code != 200:
        raise EnrolError(f"Head office refused the enrolment: {detail_of(response)}",
                         status=response.status_code, problem=_enrol_problem(response))
    try:
        answer = wire.parse_challenge_answer(json_of(response), device_id)
    except wire.WireError as error:
        raise EnrolError(f"Head office's challenge cannot be used: {error}",
                         problem=SyncProblem.BAD_ANSWER) from None
    return key.sign(device_id, answer["nonce"])


def _enrol_problem(response: httpx.Response) -> SyncProblem:
    if response.status_code == 429:
        return SyncProblem.THROTTLED
    if response.status_code >= 500:
        return SyncProblem.UNAVAILABLE
    try:
        proof_needed = response.json().get("proof_needed") is True
    except (ValueError, AttributeError):
        proof_needed = False
    if proof_needed:
        return SyncProblem.ENROL_PROOF
    return SyncProblem.ENROL_CONFLICT if response.status_code == 409 else SyncProblem.ENROL_CODE


def _voucher_public_key(desk: Desk) -> str | None:
    """This desk's public voucher key if it already has a signing key (none is made here)."""
    from desktop.core.secrets import SecretStoreError, voucher_key_name

    try:
        stored = desk.secret_store.get(voucher_key_name(desk.device_id))
        if stored is None:
            return None
        from desktop.core.vouchers import public_key_of

        return public_key_of(bytes.fromhex(stored)).hex()
    except (SecretStoreError, ValueError) as error:
        # Enrolment still works; other desks learn the key from voucher.issued events.
        log.warning("voucher key not sent to head office: %s", type(error).__name__)
        return None


def normalise_url(url: str) -> str:
    text = url.strip().rstrip("/")
    if not text.startswith(("http://", "https://")):
        raise EnrolError(f"{url!r} is not a head-office address: it starts with https://",
                         problem=SyncProblem.BAD_ADDRESS)
    return text
