"""Currencies as desk and head office both know them: ISO 4217 codes and their exponents.

Money is integer minor units plus a currency code, never a float; the exponent (JPY 0, USD 2,
BHD 3) says how many minor units make one major unit. Both sides must agree on which codes are
money and on their exponents (a desk's 1234 EUR-cents is head office's 12.34 EUR), so they are
defined once, here, from babel's copy of the CLDR currency data. ``format_money`` is here too
because head office's page shows money as the desk does; parsing what staff type is the desk's
own business (``desktop.core.money``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, get_currency_precision, list_currencies

# The largest amount in minor units a desk accepts or an event may carry: far above any
# gesture, far below SQLite's 64-bit integer limit.
MAX_MINOR = 10**13


class CurrencyError(ValueError):
    """Not an ISO 4217 currency code Amends knows."""


# ISO 4217 codes that are not money one could give a guest (test, no currency, metals).
_NOT_MONEY = frozenset({"XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XDR", "XBA", "XBB", "XBC",
                        "XBD", "XSU", "XUA"})


def check_currency(code: str) -> str:
    """Return the upper-case code if it is a real ISO 4217 currency, else raise CurrencyError."""
    cleaned = (code or "").strip().upper()
    if cleaned not in _currencies() or cleaned in _NOT_MONEY:
        raise CurrencyError(code)
    return cleaned


@cache
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def exponent(currency: str) -> int:
    """Digits after the decimal point in the currency's minor unit."""
    return int(get_currency_precision(check_currency(currency)))


def format_money(minor: int, currency: str, locale: str) -> str:
    """Show an amount the way the site's locale writes money."""
    digits = exponent(currency)
    amount = Decimal(minor).scaleb(-digits)
    return str(format_currency(amount, currency, locale=babel_locale(locale),
                               currency_digits=True))


@cache  # parsing a locale costs more than formatting with it (hundreds of amounts a page)
def babel_locale(name: str) -> Locale:
    """The babel Locale for a site's locale name; en_US when the name is not one."""
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_US")


# --- what things cost where -----------------------------------------------------------------
# Suggested gestures and a new site's starting limits are written once, in reference units
# (about what a US dollar buys at a front desk). A site's currency turns them into its own
# money: a factor (how many of its major units match one reference unit, by price level
# rather than exchange rate alone) and its exponent. A site may set its own factor
# (desktop.core.settings.PRICE_FACTOR); these are the shipped ones.
PRICE_FACTORS: dict[str, Decimal] = {
    "USD": Decimal(1), "EUR": Decimal(1), "GBP": Decimal("0.8"), "CHF": Decimal(1),
    "CAD": Decimal("1.4"), "AUD": Decimal("1.5"), "NZD": Decimal("1.7"),
    "JPY": Decimal(150), "KRW": Decimal(1300), "CNY": Decimal(7), "INR": Decimal(80),
    "THB": Decimal(35), "SGD": Decimal("1.3"), "HKD": Decimal("7.8"),
    "HUF": Decimal(350), "ISK": Decimal(140), "CZK": Decimal(23), "PLN": Decimal(4),
    "SEK": Decimal(10), "NOK": Decimal(10), "DKK": Decimal(7),
    "MXN": Decimal(18), "BRL": Decimal(5), "ZAR": Decimal(18), "AED": Decimal("3.7"),
    "SAR": Decimal("3.75"), "QAR": Decimal("3.6"),
    "BHD": Decimal("0.4"), "KWD": Decimal("0.3"), "OMR": Decimal("0.4"), "JOD": Decimal("0.7"),
}


def price_factor(currency: str) -> Decimal:
    """The shipped factor for a currency (1 where none is known: set one for the site)."""
    return PRICE_FACTORS.get(check_currency(currency), Decimal(1))


def scaled_minor(reference: Decimal | int, currency: str, factor: Decimal | None = None) -> int:
    """``reference`` units in the currency's minor units, rounded to two significant digits
    of the major unit (a 6 reference-unit coffee is 2.4 BHD, 900 JPY; 10400 KRW is 10000).

    ``factor`` is the site's own; None uses the shipped one.
    """
    used = price_factor(currency) if factor is None else factor
    if used <= 0:
        raise ValueError(f"a price factor must be above 0, got {used}")
    major = Decimal(reference) * used
    if major <= 0:
        return 0
    step = Decimal(10) ** (major.adjusted() - 1)  # two significant digits
    rounded = (major / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return max(int(rounded.scaleb(exponent(currency))), 1)
