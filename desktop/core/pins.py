"""Staff PINs: kept only as a slow salted scrypt hash, with a growing delay after wrong tries.

A PIN is short, so the hash must be slow to make a stolen database expensive to guess from.
Wrong PINs never lock anyone out for good (a front desk cannot wait for IT); they only make the
next try wait longer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from itertools import pairwise

from desktop.core.errors import Refusal

# About 50 ms on a desk PC: unnoticeable at sign-in, slow for someone trying 10,000 PINs.
_N, _R, _P = 2**14, 8, 1
PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 8
FREE_TRIES = 2
MAX_DELAY_SECONDS = 300


def pin_is_valid(pin: str) -> bool:
    """A PIN is 4 to 8 ASCII digits."""
    return PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH and pin.isascii() and pin.isdigit()


# Chosen so often that a thief tries them first (beyond runs and repeats, caught by rule).
_DENIED = frozenset({"1212", "2580", "1010", "6969", "1122", "2000", "1004", "4444",
                     "5683", "0852", "123123", "112233", "121212", "159753", "147258",
                     "147852", "696969", "11223344", "12341234", "19801980"})


def pin_problem(pin: str, policy_length: tuple[int, int]) -> Refusal | None:
    """Why ``pin`` cannot be someone's new PIN under the policy's (shortest, longest), or None.

    Refused: not all ASCII digits, too short or too long, one digit repeated (0000), a run up
    or down (1234, 4321, 0123, 7890), or one of a short list of favourites (1212, 2580).
    """
    shortest, longest = policy_length
    if not isinstance(pin, str) or not pin or not (pin.isascii() and pin.isdigit()):
        return Refusal.PIN_NOT_DIGITS
    if len(pin) < shortest:
        return Refusal.PIN_TOO_SHORT
    if len(pin) > longest:
        return Refusal.PIN_TOO_LONG
    steps = {(int(b) - int(a)) % 10 for a, b in pairwise(pin)}
    if steps in ({0}, {1}, {9}) or pin in _DENIED:
        return Refusal.PIN_TOO_SIMPLE
    return None


def hash_pin(pin: str) -> str:
    if not pin_is_valid(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt" or not pin.isascii():
        return False
    candidate = hashlib.scrypt(pin.encode(), salt=_unb64(salt), n=int(n), r=int(r), p=int(p),
                               dklen=32)
    return hmac.compare_digest(candidate, _unb64(digest))


def retry_delay_seconds(failed_tries: int) -> int:
    """How long to wait after ``failed_tries`` wrong PINs in a row: 0, 0, 5, 10, 20 … 300."""
    if failed_tries <= FREE_TRIES:
        return 0
    delay: int = 5 * 2 ** (failed_tries - FREE_TRIES - 1)
    return min(delay, MAX_DELAY_SECONDS)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))
