"""Staff PINs: kept only as a slow salted scrypt hash, with a growing delay after wrong tries.

A PIN is short, so the hash must be slow to make a stolen database expensive to guess from.
Wrong PINs never lock anyone out for good (a front desk cannot wait for IT); they only make the
next try wait longer. ``judge_pin`` is that rule, in one place for the desk
(``desktop.core.shifts``, which records the tries as events) and for the sign-in screen's check
before the case log is open (``desktop.core.early_pins``). No SQLAlchemy here, and OpenSSL's
hashes load only when a PIN is hashed: the sign-in screen paints without either.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Protocol

from desktop.core.errors import DeskError, Refusal

if TYPE_CHECKING:
    from desktop.core.views import SignIn

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
    import hashlib
    import secrets

    if not pin_is_valid(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

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


class PinHolder(Protocol):
    """Whose PIN is checked, as the roster keeps them (a ``Staff`` row, or the sign-in screen's
    quick read of it)."""

    id: str
    active: bool
    must_set_pin: bool
    pin_hash: str
    failed_pins: int
    last_failed_at: datetime | None


def judge_pin(person: PinHolder, pin: object, now: datetime) -> SignIn | None:
    """The PIN rule in one place: None when ``pin`` is right; else wrong, or wait.

    Refused (``DeskError``): someone deactivated, someone whose PIN a manager reset (they choose
    a new one), a PIN that is not text. While the wait after wrong tries runs, the PIN is not
    even checked. A wrong PIN answers with the wait that follows it, counting this try; the
    caller records the try (``staff.pin_failed``), which is what makes the next one wait.
    """
    from desktop.core.views import SignIn

    if not person.active:
        raise DeskError(Refusal.STAFF_INACTIVE, person.id)
    if person.must_set_pin:
        raise DeskError(Refusal.PIN_RESET_PENDING, person.id)
    if not isinstance(pin, str):
        raise DeskError(Refusal.PIN_INVALID)
    delay = retry_delay_seconds(person.failed_pins) if person.failed_pins else 0
    if delay and person.last_failed_at is not None:
        # Whole seconds, rounded: a try recorded a few ms ahead (``roster_time``) or at a
        # desk whose clock runs a little ahead does not add a second to the wait.
        wait = round((person.last_failed_at + timedelta(seconds=delay) - now).total_seconds())
        if wait > 0:
            return SignIn(wait_seconds=wait)
    if not verify_pin(pin, person.pin_hash):
        return SignIn(wrong_pin=True, wait_seconds=retry_delay_seconds(person.failed_pins + 1))
    return None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))
