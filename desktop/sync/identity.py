"""The desk's identity key: how a desk proves to head office that it is itself.

At its first enrolment a desk makes an Ed25519 key pair, keeps the private key in the OS
keychain (``SecretStore``, name ``identity-key:<device id>``) and registers the public key with
head office. To enrol again (its token was lost, or head office must issue a new one) it signs
a one-time nonce from head office with that key (``db.wire.reenrol_message``); without the key
only an admin's re-enrolment code for this desk will do (docs/headoffice.md).

The private key is kept only in a real keychain: where there is none (the flagged file
fallback of ``SecretStore``) no key is made, and re-enrolling takes an admin's code.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db import wire
from desktop.core.secrets import SecretStoreError, identity_key_name
from desktop.sync.errors import EnrolError, SyncProblem

if TYPE_CHECKING:
    from desktop.core.desk import Desk

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Identity:
    """This desk's identity key; ``known`` when it was made before this enrolment (so head
    office may know it, and a re-enrolment can be proven with it)."""

    private_key: bytes
    known: bool

    @property
    def public_hex(self) -> str:
        key = Ed25519PrivateKey.from_private_bytes(self.private_key)
        return key.public_key().public_bytes_raw().hex()

    def sign(self, device_id: str, nonce: str) -> wire.EnrolProof:
        """The proof for head office's ``nonce``: a signature over ``reenrol_message``."""
        message = wire.reenrol_message(device_id=device_id, nonce=nonce,
                                       device_public_key=self.public_hex)
        signature = Ed25519PrivateKey.from_private_bytes(self.private_key).sign(message)
        return {"nonce": nonce, "signature": signature.hex()}


def identity(desk: Desk) -> Identity | None:
    """This desk's identity key, made and stored now if it has none; None without a real
    keychain (the key is never written to a file)."""
    store = desk.secret_store
    if store.is_fallback:
        log.warning("no OS keychain: this desk has no identity key, so re-enrolling it will "
                    "need a re-enrolment code from head office")
        return None
    name = identity_key_name(desk.device_id)
    try:
        stored = store.get(name)
        if stored is not None:
            return Identity(bytes.fromhex(stored), known=True)
        private = Ed25519PrivateKey.generate().private_bytes_raw()
        # Kept before head office hears of it: a key registered but not kept proves nothing.
        store.set(name, private.hex())
    except SecretStoreError as error:
        raise EnrolError(f"The desk's identity key could not be kept: {error}",
                         problem=SyncProblem.KEYCHAIN) from error
    except ValueError as error:
        raise EnrolError(f"The desk's identity key in the keychain is damaged: {error}",
                         problem=SyncProblem.KEYCHAIN) from error
    return Identity(private, known=False)
