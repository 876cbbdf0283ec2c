"""The locales and time zones set-up offers, each with a name a person can search for.

A site's locale sets its money and date formats, so only locales with a country are offered
("Arabic (Bahrain) — ar_BH", not "ar"); each is named in the language set-up is shown in and,
when that is not English, in English too, so "Arabic" and "العربية" both find it. Time zones
are the IANA ones the store accepts, each with its place ("Asia/Bahrain — Bahrain Time").
"""

from __future__ import annotations

import re
from functools import lru_cache
from zoneinfo import available_timezones

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location
from babel.localedata import locale_identifiers

__all__ = ["Choice", "default_locale", "find_choice", "locale_choices", "zone_choices"]

Choice = tuple[str, str]  # (code, label)

# language, an optional script, then a two-letter country: what money can be formatted for.
_WITH_COUNTRY = re.compile(r"([a-z]{2,3})(?:_([A-Z][a-z]{3}))?_([A-Z]{2})")
_FALLBACK_LOCALE = "en_US"


def _display(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_").split("_")[0] or "en")
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def _name(code: str, shown: Locale) -> str | None:
    found = _WITH_COUNTRY.fullmatch(code)
    if found is None:
        return None
    language, script, country = found.groups()
    words = shown.languages.get(language)
    place = shown.territories.get(country)
    if not words or not place:
        return None
    details = [shown.scripts.get(script, script)] if script else []
    return f"{words} ({', '.join([*details, place])})"


@lru_cache(maxsize=4)
def locale_choices(language: str = "en") -> tuple[Choice, ...]:
    """Every locale with a country, named in ``language`` (and English), sorted by name."""
    shown, english = _display(language), Locale("en")
    choices = []
    for code in locale_identifiers():
        name = _name(code, shown)
        if name is None:
            continue
        in_english = _name(code, english)
        if in_english and in_english != name:
            name = f"{name} · {in_english}"
        choices.append((code, f"{name} — {code}"))
    return tuple(sorted(choices, key=lambda choice: choice[1].casefold()))


@lru_cache(maxsize=4)
def zone_choices(language: str = "en") -> tuple[Choice, ...]:
    """Every IANA time zone, with its place named in ``language`` where one is known."""
    shown = _display(language)
    choices = []
    for zone in sorted(available_timezones()):
        place = _place(zone, shown)
        choices.append((zone, f"{zone} — {place}" if place else zone))
    return tuple(choices)


def _place(zone: str, shown: Locale) -> str:
    """The zone's place, or "" for zones with none (Etc/GMT+3, legacy aliases such as EST)."""
    try:
        if "Unknown" in str(get_timezone_location(zone, locale="en")):
            return ""
        return str(get_timezone_location(zone, locale=shown))
    except (LookupError, ValueError):
        return ""


def find_choice(text: str, choices: tuple[Choice, ...]) -> str | None:
    """The code that typed ``text`` means: a label as listed, or a code in any case with "-"
    or "_" ("fr-fr" is fr_FR); None when it is neither."""
    typed = text.strip()
    if not typed:
        return None
    wanted = typed.replace("-", "_").casefold()
    for code, label in choices:
        if typed == label or wanted == code.casefold():
            return code
    return None


def default_locale(system: str, choices: tuple[Choice, ...]) -> str:
    """The machine's locale when it is one offered (never the POSIX "C"), else en_US."""
    return find_choice(system, choices) or _FALLBACK_LOCALE
