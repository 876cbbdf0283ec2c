"""Money: exact minor units, parsed in the site's locale, refused with a reason, never rounded."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.money import (
    AmountError,
    AmountProblem,
    CurrencyError,
    Money,
    exponent,
    format_money,
    format_plain,
    parse_amount,
)


@pytest.mark.parametrize(("currency", "digits"), [("JPY", 0), ("USD", 2), ("EUR", 2),
                                                  ("BHD", 3), ("KWD", 3)])
def test_real_exponents(currency: str, digits: int) -> None:
    assert exponent(currency) == digits


@pytest.mark.parametrize(("text", "currency", "locale", "minor"), [
    ("12.50", "USD", "en_US", 1250),
    ("1,234.56", "USD", "en_US", 123456),
    ("12,50", "EUR", "de_DE", 1250),
    ("1.234,56", "EUR", "de_DE", 123456),
    ("4800", "JPY", "ja_JP", 4800),
    ("1.234", "BHD", "en_US", 1234),
    ("  25 ", "GBP", "en_GB", 2500),
    ("0", "USD", "en_US", 0),
])
def test_parse_in_the_site_locale(text: str, currency: str, locale: str, minor: int) -> None:
    assert parse_amount(text, currency, locale) == Money(minor, currency)


@pytest.mark.parametrize(("text", "currency", "problem"), [
    ("", "USD", AmountProblem.EMPTY),
    ("   ", "USD", AmountProblem.EMPTY),
    ("-5", "USD", AmountProblem.NEGATIVE),
    ("\u22125", "USD", AmountProblem.NEGATIVE),
    ("NaN", "USD", AmountProblem.NOT_A_NUMBER),
    ("inf", "USD", AmountProblem.NOT_A_NUMBER),
    ("1e309", "USD", AmountProblem.NOT_A_NUMBER),
    ("12.505", "USD", AmountProblem.TOO_MANY_DECIMALS),
    ("48.5", "JPY", AmountProblem.TOO_MANY_DECIMALS),
    ("1.2345", "BHD", AmountProblem.TOO_MANY_DECIMALS),
    ("$12", "USD", AmountProblem.NOT_A_NUMBER),
    ("12abc", "USD", AmountProblem.NOT_A_NUMBER),
    ("99999999999999999", "USD", AmountProblem.TOO_LARGE),
])
def test_bad_amounts_say_why(text: str, currency: str, problem: AmountProblem) -> None:
    with pytest.raises(AmountError) as raised:
        parse_amount(text, currency, "en_US")
    assert raised.value.problem is problem


@pytest.mark.parametrize("code", ["", "US", "ZZZ", "XXX", "dollars", "12"])
def test_unknown_currencies_are_refused(code: str) -> None:
    with pytest.raises(CurrencyError):
        parse_amount("1", code, "en_US")


def test_display_in_the_site_locale() -> None:
    assert format_money(2500, "USD", "en_US") == "$25.00"
    assert format_money(4800, "JPY", "ja_JP") in ("￥4,800", "¥4,800")
    assert format_money(1250, "EUR", "de_DE") == "12,50\xa0€"
    assert format_money(1234, "BHD", "en_US").endswith("1.234")


def test_money_is_never_a_float() -> None:
    with pytest.raises(TypeError):
        Money(12.5, "USD")  # type: ignore[arg-type]


@given(minor=st.integers(min_value=0, max_value=10**12),
       currency=st.sampled_from(["USD", "JPY", "BHD", "EUR"]),
       locale=st.sampled_from(["en_US", "de_DE", "fr_FR", "ja_JP", "es_ES"]))
def test_what_is_shown_for_editing_parses_back_exactly(minor: int, currency: str,
                                                       locale: str) -> None:
    assert parse_amount(format_plain(minor, currency, locale), currency, locale).minor == minor
