"""Money as integer minor units of an ISO 4217 currency: parsing what staff type, and display.

Nothing here ever holds money in a float. Amounts typed at the desk are parsed in the site's
locale with the currency's real exponent (JPY 0, USD 2, BHD 3); anything that is not a plain,
non-negative amount with at most that many decimals is refused with a reason, never rounded.

Currency codes, exponents and ``format_money`` are shared with head office and defined once in
``db.money``; they are re-exported here under their old names.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal

from db.money import (
    MAX_MINOR,
    CurrencyError,
    babel_locale,
    check_currency,
    exponent,
    format_money,
)

__all__ = ["MAX_MINOR", "AmountError", "AmountProblem", "CurrencyError", "Money",
           "babel_locale", "check_currency", "exponent", "format_money", "format_plain",
           "parse_amount"]


class AmountProblem(enum.Enum):
    """Why a typed amount was refused; the UI words each one for the person at the desk."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    TOO_MANY_DECIMALS = "too_many_decimals"
    TOO_LARGE = "too_large"


class AmountError(ValueError):
    """A typed amount that cannot be taken as money; ``problem`` says why."""

    def __init__(self, problem: AmountProblem, text: str, decimals: int) -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem
        self.text = text
        self.decimals = decimals


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount: minor units and the currency they are in."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError("money is a whole number of minor units")


def parse_amount(text: str, currency: str, locale: str) -> Money:
    """Parse an amount typed in ``locale`` into minor units of ``currency``."""
    digits = exponent(currency)
    raw = (text or "").strip()
    if not raw:
        raise AmountError(AmountProblem.EMPTY, text, digits)
    if raw.startswith(("-", "\u2212")) or raw.endswith("-"):
        raise AmountError(AmountProblem.NEGATIVE, text, digits)
    # Only digits and the locale's separators: no exponents, no NaN, no infinity, no symbols.
    if re.search(r"[^\d.,'\u00a0\u202f\u2019 ]", raw):
        raise AmountError(AmountProblem.NOT_A_NUMBER, text, digits)
    try:
        value = parse_decimal(raw, locale=_locale(locale), strict=True)
    except (NumberFormatError, InvalidOperation):
        raise AmountError(AmountProblem.NOT_A_NUMBER, text, digits) from None
    if not value.is_finite():
        raise AmountError(AmountProblem.NOT_A_NUMBER, text, digits)
    if value < 0:
        raise AmountError(AmountProblem.NEGATIVE, text, digits)
    scaled = value.scaleb(digits)
    if scaled != scaled.to_integral_value():
        raise AmountError(AmountProblem.TOO_MANY_DECIMALS, text, digits)
    minor = int(scaled)
    if minor > MAX_MINOR:
        raise AmountError(AmountProblem.TOO_LARGE, text, digits)
    return Money(minor, check_currency(currency))


def format_plain(minor: int, currency: str, locale: str) -> str:
    """The amount as staff would type it back, without a currency symbol (for edit fields)."""
    from babel.numbers import format_decimal

    digits = exponent(currency)
    amount = Decimal(minor).scaleb(-digits)
    pattern = "0" if digits == 0 else "0." + "0" * digits
    return format_decimal(amount, format=pattern, locale=_locale(locale))


def _locale(name: str) -> Locale:
    return babel_locale(name)
