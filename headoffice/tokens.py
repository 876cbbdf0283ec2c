"""Making and hashing head office's secrets: device tokens, enrolment codes, admin tokens.

Only SHA-256 digests are stored. Plain SHA-256 (no salt, no slow hash) is right here because
every secret is random with at least 80 bits of entropy, so there is nothing to guess from a
copied database; and a fixed digest lets a request find its row by an indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets

# No look-alike characters (0/O, 1/I/L), so a code read over the phone survives being typed.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 16  # 31**16 is about 2**79


def digest(secret: str) -> str:
    """SHA-256 (hex) of a secret, the only form in which it is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A bearer token for a device or an admin (256 random bits)."""
    return secrets.token_urlsafe(32)


def new_enrolment_code() -> str:
    """A one-time enrolment code, shown grouped for reading: ``ABCD-EFGH-JKMN-PQRS``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """A typed code in its canonical form: upper case, without spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch not in " -\t")


def code_digest(text: str) -> str:
    return digest(normalise_code(text))
