"""Currencies as desk and head office both know them: ISO 4217 codes and their exponents.

Money is integer minor units plus a currency code, never a float; the exponent (JPY 0, USD 2,
BHD 3) says how many minor units make one major unit. Both sides must agree on which codes are
money and on their exponents (a desk's 1234 EUR-cents is head office's 12.34 EUR), so they are
defined once, here, from babel's copy of the CLDR currency data. ``format_money`` is here too
because head office's page shows money as the desk does; parsing what staff type is the desk's
own business (``desktop.core.money``).
"""

from __future__ import annotations

from decimal import Decimal
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


def babel_locale(name: str) -> Locale:
    """The babel Locale for a site's locale name; en_US when the name is not one."""
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_US")
