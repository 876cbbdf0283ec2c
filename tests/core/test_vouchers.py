"""Tests for voucher codes (typo detection) and signed voucher tokens (tamper detection)."""

from __future__ import annotations

import base64
import dataclasses
import json
import random
import string

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import vouchers as v
from desktop.core.vouchers import CodeStatus, TokenFailure, VoucherClaim, VoucherTokenError

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
B64URL = string.ascii_letters + string.digits + "-_"


def independent_is_valid(code: str) -> bool:
    """The check rule restated from the spec, not via the module: sum (9-i)*value = 0 mod 31."""
    if len(code) != 9 or any(c not in ALPHABET for c in code):
        return False
    return sum((9 - i) * ALPHABET.index(c) for i, c in enumerate(code)) % 31 == 0


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@pytest.fixture(scope="module")
def key() -> bytes:
    return v.generate_signing_key()


@pytest.fixture(scope="module")
def claim() -> VoucherClaim:
    return VoucherClaim(
        voucher_id="3f1c2a9e-1b7d-4c55-9a57-2e6f0b8d4c11",
        code=v.new_code(random.Random(7)),
        site_id="lisbon-riverside",
        device_id="desk-1",
        value_minor=4800,
        currency="JPY",
        description="Breakfast for two <in the garden> & coffee",
        guest_name="佐藤 美咲",
        issued_at="2025-03-14T09:30:00Z",
        expires_on="2025-06-30",
    )


@pytest.fixture(scope="module")
def token(claim: VoucherClaim, key: bytes) -> str:
    return v.sign_voucher(claim, key)


# --------------------------------------------------------------------------- codes


def test_alphabet_has_no_look_alikes_and_is_prime_sized() -> None:
    assert v.ALPHABET == ALPHABET
    assert not set("01OIL") & set(v.ALPHABET)
    assert len(set(v.ALPHABET)) == 31


def test_new_code_is_valid_and_seeded_rng_is_reproducible() -> None:
    a = v.new_code(random.Random(42))
    assert a == v.new_code(random.Random(42))
    assert a != v.new_code(random.Random(43))
    for code in (a, v.new_code()):
        assert len(code) == 9
        assert v.check_code(code) is CodeStatus.OK
        assert independent_is_valid(code)


def test_default_codes_come_from_secrets_and_differ() -> None:
    codes = {v.new_code() for _ in range(200)}
    assert len(codes) == 200


def test_format_groups_three_by_three() -> None:
    code = v.new_code(random.Random(1))
    shown = v.format_code(code)
    assert shown == f"{code[:3]}-{code[3:6]}-{code[6:]}"
    assert v.normalise_code(shown) == code


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", CodeStatus.EMPTY),
        ("  - -\t", CodeStatus.EMPTY),
        ("K7Q-M4X-TP", CodeStatus.WRONG_LENGTH),
        ("K7Q-M4X-TPRR", CodeStatus.WRONG_LENGTH),
        ("K7Q-M4X-TP0", CodeStatus.BAD_CHARACTER),
        ("K7Q-M4X-TPO", CodeStatus.BAD_CHARACTER),
        ("K7Q-M4X-TP1", CodeStatus.BAD_CHARACTER),
        ("K7Q.M4X.TPR", CodeStatus.BAD_CHARACTER),
        ("K7Q-M4X-TPß", CodeStatus.BAD_CHARACTER),
    ],
)
def test_check_code_statuses(typed: str, expected: CodeStatus) -> None:
    assert v.check_code(typed) is expected


def test_typed_variants_of_a_valid_code_are_accepted() -> None:
    code = v.new_code(random.Random(3))
    shown = v.format_code(code)
    for typed in (
        shown,
        shown.lower(),
        code.lower(),
        f"  {code[:3]} {code[3:6]}  {code[6:]} ",
        shown.replace("-", "\u2013"),
        "".join(chr(ord(c) + 0xFEE0) for c in code),  # full-width IME input
    ):
        assert v.check_code(typed) is CodeStatus.OK, typed
        assert v.normalise_code(typed) == code


def test_full_width_dash_is_a_separator() -> None:
    assert v.normalise_code("\uff0d") == ""
    code = v.new_code(random.Random(5))
    assert v.normalise_code(code[:3] + "\uff0d" + code[3:]) == code


def test_look_alikes_are_not_mapped() -> None:
    assert v.normalise_code("o0-i1-l") == "O0I1L"
    assert v.check_code("O0I1L" + "2222") is CodeStatus.BAD_CHARACTER


def test_every_single_substitution_is_rejected() -> None:
    rng = random.Random(2024)
    for _ in range(60):
        code = v.new_code(rng)
        for pos in range(9):
            for symbol in ALPHABET:
                if symbol == code[pos]:
                    continue
                typo = code[:pos] + symbol + code[pos + 1 :]
                assert v.check_code(typo) is CodeStatus.BAD_CHECK, (code, typo)


def test_every_adjacent_transposition_is_rejected() -> None:
    rng = random.Random(99)
    swaps = 0
    for _ in range(500):
        code = v.new_code(rng)
        for pos in range(8):
            if code[pos] == code[pos + 1]:
                continue
            swapped = code[:pos] + code[pos + 1] + code[pos] + code[pos + 2 :]
            assert v.check_code(swapped) is CodeStatus.BAD_CHECK, (code, swapped)
            swaps += 1
    assert swaps > 3500


def test_random_strings_pass_exactly_when_the_math_says_and_at_the_expected_rate() -> None:
    rng = random.Random(31337)
    n = 50_000
    accepted = 0
    for _ in range(n):
        candidate = "".join(rng.choice(ALPHABET) for _ in range(9))
        ok = v.check_code(candidate) is CodeStatus.OK
        assert ok == independent_is_valid(candidate), candidate
        accepted += ok
    # Binomial(n, 1/31): mean ~1613, sd ~40; five sd either side.
    mean = n / 31
    sd = (n * (1 / 31) * (30 / 31)) ** 0.5
    assert mean - 5 * sd < accepted < mean + 5 * sd


def test_mutations_of_valid_codes_are_never_accepted() -> None:
    rng = random.Random(8128)
    for _ in range(50_000):
        code = v.new_code(rng)
        pos = rng.randrange(9)
        if rng.random() < 0.5:
            symbol = rng.choice(ALPHABET.replace(code[pos], ""))
            mutated = code[:pos] + symbol + code[pos + 1 :]
        else:
            pos = min(pos, 7)
            if code[pos] == code[pos + 1]:
                continue
            mutated = code[:pos] + code[pos + 1] + code[pos] + code[pos + 2 :]
        assert v.check_code(mutated) is not CodeStatus.OK, (code, mutated)


def test_check_symbol_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        v.check_symbol("ABC")
    with pytest.raises(ValueError):
        v.check_symbol("ABCDEFG0")


codes = st.text(alphabet=ALPHABET, min_size=8, max_size=8).map(lambda d: d + v.check_symbol(d))


@given(codes)
def test_normalise_format_round_trip(code: str) -> None:
    shown = v.format_code(code)
    assert v.normalise_code(shown) == code
    assert v.check_code(shown) is CodeStatus.OK
    assert v.format_code(v.normalise_code(shown)) == shown


code_like = st.text(alphabet=st.sampled_from(list(ALPHABET + "-\u2013 \t\uff0d\uff21\uff41abO0ß")))


@given(st.one_of(st.text(), code_like))
def test_normalise_is_idempotent_and_never_raises(text: str) -> None:
    once = v.normalise_code(text)
    assert v.normalise_code(once) == once
    assert isinstance(v.check_code(text), CodeStatus)


# --------------------------------------------------------------------------- tokens


def test_sign_and_verify_round_trip(claim: VoucherClaim, key: bytes, token: str) -> None:
    assert token.isascii()
    assert token.startswith("AMV1.")
    assert "=" not in token
    assert v.verify_voucher(token, {"desk-1": v.public_key_of(key)}) == claim
    # A scanner's trailing Enter is harmless.
    assert v.verify_voucher(token + "\r\n", {"desk-1": v.public_key_of(key)}) == claim


def test_keys_are_raw_32_bytes(key: bytes) -> None:
    assert len(key) == 32
    assert len(v.public_key_of(key)) == 32
    assert v.generate_signing_key() != key


def test_token_payload_is_canonical_json(claim: VoucherClaim, token: str) -> None:
    payload = token.split(".")[1]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    expected = json.dumps(
        dataclasses.asdict(claim), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")
    assert raw == expected


def test_independently_built_token_verifies(claim: VoucherClaim) -> None:
    private = Ed25519PrivateKey.generate()
    body = json.dumps(
        dataclasses.asdict(claim), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()
    signed = "AMV1." + b64(body)
    token = signed + "." + b64(private.sign(signed.encode()))
    keys = {"desk-1": v.public_key_of(private.private_bytes_raw())}
    assert v.verify_voucher(token, keys) == claim


def test_every_character_altered_fails(claim: VoucherClaim, key: bytes, token: str) -> None:
    keys = {"desk-1": v.public_key_of(key)}
    checked = 0
    for i, original in enumerate(token):
        replacements = set(B64URL + ".=+/ ~\x00é") | {chr(ord(original) ^ 1)}
        replacements.discard(original)
        for replacement in replacements:
            altered = token[:i] + replacement + token[i + 1 :]
            with pytest.raises(VoucherTokenError):
                v.verify_voucher(altered, keys)
            checked += 1
        for altered in (token[:i] + token[i + 1 :], token[:i] + original + token[i:]):
            with pytest.raises(VoucherTokenError):
                v.verify_voucher(altered, keys)
    assert checked > 60 * len(token)


def test_truncated_tokens_fail(key: bytes, token: str) -> None:
    keys = {"desk-1": v.public_key_of(key)}
    for end in range(len(token)):
        with pytest.raises(VoucherTokenError):
            v.verify_voucher(token[:end], keys)


def test_token_signed_by_another_key_fails(claim: VoucherClaim, key: bytes) -> None:
    other = v.generate_signing_key()
    forged = v.sign_voucher(claim, other)
    with pytest.raises(VoucherTokenError) as info:
        v.verify_voucher(forged, {"desk-1": v.public_key_of(key)})
    assert info.value.reason is TokenFailure.BAD_SIGNATURE


def test_unknown_device(key: bytes, token: str) -> None:
    with pytest.raises(VoucherTokenError) as info:
        v.verify_voucher(token, {"desk-2": v.public_key_of(key)})
    assert info.value.reason is TokenFailure.UNKNOWN_DEVICE


def _hand_signed(fields: dict[str, object], private: Ed25519PrivateKey) -> str:
    body = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    signed = "AMV1." + b64(body.encode())
    return signed + "." + b64(private.sign(signed.encode()))


def test_code_mismatch_when_signed_claim_has_a_bad_code(claim: VoucherClaim) -> None:
    private = Ed25519PrivateKey.generate()
    keys = {"desk-1": v.public_key_of(private.private_bytes_raw())}
    good = claim.code
    bad_check = good[:-1] + ALPHABET[(ALPHABET.index(good[-1]) + 1) % 31]
    for bad in (bad_check, good.lower(), v.format_code(good), ""):
        fields = dataclasses.asdict(claim) | {"code": bad}
        with pytest.raises(VoucherTokenError) as info:
            v.verify_voucher(_hand_signed(fields, private), keys)
        assert info.value.reason is TokenFailure.CODE_MISMATCH, bad


@pytest.mark.parametrize(
    "change",
    [
        {"value_minor": True},
        {"value_minor": 48.0},
        {"value_minor": "4800"},
        {"guest_name": None},
        {"extra": "field"},
    ],
)
def test_signed_payload_with_wrong_shape_is_malformed(
    claim: VoucherClaim, change: dict[str, object]
) -> None:
    private = Ed25519PrivateKey.generate()
    keys = {"desk-1": v.public_key_of(private.private_bytes_raw())}
    fields = dataclasses.asdict(claim) | change
    with pytest.raises(VoucherTokenError) as info:
        v.verify_voucher(_hand_signed(fields, private), keys)
    assert info.value.reason is TokenFailure.MALFORMED


@pytest.mark.parametrize(
    "text",
    ["", "AMV1.", "AMV1..", "AMV1.abc", "AMV2.abc.def", "AMV1.abc.def.ghi", "x" * 10_000],
)
def test_malformed_tokens(text: str) -> None:
    with pytest.raises(VoucherTokenError) as info:
        v.verify_voucher(text, {})
    assert info.value.reason is TokenFailure.MALFORMED


def test_sign_rejects_claims_that_could_never_verify(claim: VoucherClaim, key: bytes) -> None:
    for change in (
        {"code": claim.code[:-1] + ("2" if claim.code[-1] != "2" else "3")},
        {"code": v.format_code(claim.code)},
        {"value_minor": -1},
        {"value_minor": 1.5},
        {"currency": "yen"},
        {"guest_name": None},
    ):
        with pytest.raises(ValueError):
            v.sign_voucher(dataclasses.replace(claim, **change), key)  # type: ignore[arg-type]


def test_looks_like_token(claim: VoucherClaim, token: str) -> None:
    assert v.looks_like_token(token)
    assert v.looks_like_token("  " + token + "\n")
    assert v.looks_like_token(token.lower())  # Caps Lock on a keyboard-wedge scanner
    assert v.looks_like_token(token[:20])  # truncated scans still go to the token path
    assert not v.looks_like_token(v.format_code(claim.code))
    assert not v.looks_like_token(claim.code)
    assert not v.looks_like_token("")
