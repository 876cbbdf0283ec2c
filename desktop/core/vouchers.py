"""Voucher codes people can type, and signed voucher tokens a desk can verify offline.

A voucher code is 8 random symbols plus 1 check symbol from a 31-symbol alphabet with no
look-alike characters, shown as three groups of three (``K7Q-M4X-TPR``) so it is easy to read
aloud over a phone. The alphabet size is prime, and the check uses distinct non-zero weights
per position, so every single wrong symbol and every swap of two neighbouring symbols is
caught (not merely most of them).

A voucher token is what the QR code on the slip carries: the voucher's claim as canonical
JSON, signed with the issuing desk's Ed25519 key::

    AMV1.<base64url(canonical JSON)>.<base64url(signature)>

The signature covers the ASCII bytes ``AMV1.<payload>`` so the version prefix is bound too.
Base64 is unpadded and decoded strictly (the text must re-encode to itself), so altering any
character of a token makes it fail.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

__all__ = [
    "ALPHABET",
    "CODE_LENGTH",
    "DATA_LENGTH",
    "GROUP_SIZE",
    "TOKEN_PREFIX",
    "CodeStatus",
    "TokenFailure",
    "VoucherClaim",
    "VoucherTokenError",
    "check_code",
    "check_symbol",
    "format_code",
    "generate_signing_key",
    "looks_like_token",
    "new_code",
    "normalise_code",
    "public_key_of",
    "sign_voucher",
    "verify_voucher",
]

# No 0/O, 1/I/L: those are what people misread on a slip. 31 is prime (see module docstring).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_BASE = len(ALPHABET)
_VALUE = {symbol: index for index, symbol in enumerate(ALPHABET)}

DATA_LENGTH = 8
CODE_LENGTH = DATA_LENGTH + 1
GROUP_SIZE = 3

# Weights 9..2 for the data symbols and 1 for the check symbol: distinct and non-zero mod 31,
# so a substitution changes the sum by w*(a-b) != 0 and a neighbour swap by (w1-w2)*(a-b) != 0.
_WEIGHTS = tuple(range(CODE_LENGTH, 0, -1))

# Hyphen-minus plus the dashes word processors and phones substitute for it.
_SEPARATORS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")

TOKEN_PREFIX = "AMV1."
# Far above any real voucher; stops a hostile scan from making us parse megabytes of JSON.
_MAX_TOKEN_LENGTH = 8192
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
_CURRENCY = re.compile(r"[A-Z]{3}")


class _Chooser(Protocol):
    """Anything with ``choice``: the ``secrets`` module, ``random.Random``, SystemRandom."""

    def choice(self, seq: Sequence[str], /) -> str: ...


class CodeStatus(Enum):
    """Result of checking a typed voucher code; the UI maps each to its own translated text."""

    OK = "ok"
    """The code is well formed and its check symbol matches."""
    EMPTY = "empty"
    """Nothing was typed (after removing spaces and dashes)."""
    WRONG_LENGTH = "wrong_length"
    """Every symbol is allowed but there are too few or too many of them."""
    BAD_CHARACTER = "bad_character"
    """A character outside the alphabet, e.g. O, 0, I, 1, L or punctuation."""
    BAD_CHECK = "bad_check"
    """Right length and symbols but the check symbol is wrong: a typo or a made-up code."""


class TokenFailure(Enum):
    """Why a scanned voucher token was rejected."""

    MALFORMED = "malformed"
    """Not a complete AMV1 token: truncated, wrong prefix, bad base64 or bad JSON fields."""
    UNKNOWN_DEVICE = "unknown_device"
    """Signed by a device whose public key we do not have."""
    BAD_SIGNATURE = "bad_signature"
    """The signature does not match: altered, forged or signed with another key."""
    CODE_MISMATCH = "code_mismatch"
    """Validly signed, but the voucher code inside fails its own check."""


class VoucherTokenError(ValueError):
    """A voucher token failed verification; ``reason`` says why."""

    def __init__(self, reason: TokenFailure, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason


@dataclass(frozen=True)
class VoucherClaim:
    """What a signed voucher token asserts. Money is in minor units of ``currency``."""

    voucher_id: str
    code: str
    site_id: str
    device_id: str
    value_minor: int
    currency: str
    description: str
    guest_name: str
    issued_at: str
    expires_on: str


# --------------------------------------------------------------------------- codes


def _check_value(values: Sequence[int]) -> int:
    """Value of the check symbol that makes the weighted sum of the whole code 0 mod 31."""
    total = sum(w * v for w, v in zip(_WEIGHTS[:DATA_LENGTH], values, strict=True))
    return -total % _BASE


def check_symbol(data: str) -> str:
    """Return the check symbol for 8 data symbols (already normalised)."""
    if len(data) != DATA_LENGTH or any(c not in _VALUE for c in data):
        raise ValueError(f"expected {DATA_LENGTH} symbols from the code alphabet")
    return ALPHABET[_check_value([_VALUE[c] for c in data])]


def new_code(rng: _Chooser | None = None) -> str:
    """Return a fresh normalised code; uses ``secrets`` unless a (test) ``rng`` is given."""
    chooser: _Chooser = rng if rng is not None else secrets
    data = "".join(chooser.choice(ALPHABET) for _ in range(DATA_LENGTH))
    return data + check_symbol(data)


def normalise_code(text: str) -> str:
    """Upper-case ASCII letters and drop whitespace and dashes; nothing else is changed.

    Look-alikes (O, 0, I, 1, L) are deliberately left alone so they fail as BAD_CHARACTER
    rather than being guessed into a different, possibly valid, code.
    """
    out: list[str] = []
    for char in text:
        if "\uff01" <= char <= "\uff5e":
            # Full-width ASCII from a Japanese/Chinese IME is the same letter, not a look-alike.
            char = chr(ord(char) - 0xFEE0)
        if char.isspace() or char in _SEPARATORS:
            continue
        # Only ASCII is upper-cased: str.upper() would turn e.g. "ß" into "SS", a silent remap.
        out.append(char.upper() if "a" <= char <= "z" else char)
    return "".join(out)


def check_code(text: str) -> CodeStatus:
    """Check a typed or pasted code (any grouping, any case)."""
    code = normalise_code(text)
    if not code:
        return CodeStatus.EMPTY
    if any(c not in _VALUE for c in code):
        return CodeStatus.BAD_CHARACTER
    if len(code) != CODE_LENGTH:
        return CodeStatus.WRONG_LENGTH
    values = [_VALUE[c] for c in code]
    if sum(w * v for w, v in zip(_WEIGHTS, values, strict=True)) % _BASE != 0:
        return CodeStatus.BAD_CHECK
    return CodeStatus.OK


def format_code(normalised: str) -> str:
    """Group a normalised code for display: ``K7QM4XTPR`` -> ``K7Q-M4X-TPR``."""
    return "-".join(normalised[i : i + GROUP_SIZE] for i in range(0, len(normalised), GROUP_SIZE))


# --------------------------------------------------------------------------- tokens


def generate_signing_key() -> bytes:
    """Return a new raw 32-byte Ed25519 private key for a desk."""
    return Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )


def public_key_of(private_key: bytes) -> bytes:
    """Return the raw 32-byte public key for a raw private key."""
    key = Ed25519PrivateKey.from_private_bytes(private_key)
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode_strict(text: str) -> bytes:
    """Decode unpadded base64url, rejecting anything that would not re-encode to ``text``."""
    # The stdlib decoder skips stray characters and ignores the unused low bits of the last
    # symbol, which would let several different tokens decode to the same bytes.
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise VoucherTokenError(TokenFailure.MALFORMED, "bad base64")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise VoucherTokenError(TokenFailure.MALFORMED, "bad base64") from exc
    if _b64encode(data) != text:
        raise VoucherTokenError(TokenFailure.MALFORMED, "non-canonical base64")
    return data


def _canonical_json(claim: VoucherClaim) -> bytes:
    payload = dataclasses.asdict(claim)
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


_FIELDS = frozenset(f.name for f in dataclasses.fields(VoucherClaim))


def _claim_from_json(data: bytes) -> VoucherClaim:
    try:
        raw: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VoucherTokenError(TokenFailure.MALFORMED, "payload is not JSON") from exc
    if not isinstance(raw, dict) or set(raw) != set(_FIELDS):
        raise VoucherTokenError(TokenFailure.MALFORMED, "payload has the wrong fields")
    for name, value in raw.items():
        # bool is an int subclass; a true/false value is never a valid amount.
        ok = type(value) is int if name == "value_minor" else isinstance(value, str)
        if not ok:
            raise VoucherTokenError(TokenFailure.MALFORMED, f"field {name} has the wrong type")
    return VoucherClaim(**raw)


def sign_voucher(claim: VoucherClaim, private_key: bytes) -> str:
    """Return the ASCII token for ``claim`` signed with a raw Ed25519 private key.

    Raises ValueError for a claim that could never verify (bad code, negative value, ...).
    """
    for name in sorted(_FIELDS - {"value_minor"}):
        if not isinstance(getattr(claim, name), str):
            raise ValueError(f"claim.{name} must be a str")
    if claim.code != normalise_code(claim.code) or check_code(claim.code) is not CodeStatus.OK:
        raise ValueError("claim.code must be a valid normalised voucher code")
    # Money is never a float; bool is an int subclass but never an amount.
    if type(claim.value_minor) is not int or claim.value_minor < 0:
        raise ValueError("claim.value_minor must be a non-negative int")
    if not _CURRENCY.fullmatch(claim.currency):
        raise ValueError("claim.currency must be an ISO 4217 code such as 'EUR'")
    key = Ed25519PrivateKey.from_private_bytes(private_key)
    signed = TOKEN_PREFIX + _b64encode(_canonical_json(claim))
    signature = key.sign(signed.encode("ascii"))
    token = signed + "." + _b64encode(signature)
    if len(token) > _MAX_TOKEN_LENGTH:
        raise ValueError("claim is too large for a voucher token")
    return token


def looks_like_token(text: str) -> bool:
    """True if ``text`` was probably scanned from a QR code rather than typed as a code."""
    # Case-insensitive so a scanner typing with Caps Lock on still reaches verify_voucher
    # and gets a token error instead of a confusing "bad character" code error.
    return text.strip()[: len(TOKEN_PREFIX)].upper() == TOKEN_PREFIX


def verify_voucher(token: str, public_keys: Mapping[str, bytes]) -> VoucherClaim:
    """Verify a token against the known desks' raw public keys (keyed by device_id).

    Surrounding whitespace (a scanner's trailing Enter) is ignored; anything else that
    differs from what was signed raises VoucherTokenError. A malformed *key* in
    ``public_keys`` is a configuration error and raises plain ValueError.
    """
    token = token.strip()
    if len(token) > _MAX_TOKEN_LENGTH or not token.startswith(TOKEN_PREFIX):
        raise VoucherTokenError(TokenFailure.MALFORMED, "not an AMV1 token")
    parts = token[len(TOKEN_PREFIX) :].split(".")
    if len(parts) != 2:
        raise VoucherTokenError(TokenFailure.MALFORMED, "expected payload.signature")
    payload_text, signature_text = parts
    claim = _claim_from_json(_b64decode_strict(payload_text))
    signature = _b64decode_strict(signature_text)
    if len(signature) != 64:
        raise VoucherTokenError(TokenFailure.MALFORMED, "signature has the wrong length")

    raw_key = public_keys.get(claim.device_id)
    if raw_key is None:
        raise VoucherTokenError(TokenFailure.UNKNOWN_DEVICE, claim.device_id)
    try:
        Ed25519PublicKey.from_public_bytes(raw_key).verify(
            signature, (TOKEN_PREFIX + payload_text).encode("ascii")
        )
    except InvalidSignature as exc:
        raise VoucherTokenError(TokenFailure.BAD_SIGNATURE) from exc

    if claim.code != normalise_code(claim.code) or check_code(claim.code) is not CodeStatus.OK:
        raise VoucherTokenError(TokenFailure.CODE_MISMATCH, claim.code)
    return claim
