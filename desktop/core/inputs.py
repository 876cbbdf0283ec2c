"""What the desk accepts as typed: text, ids, amounts, a case's header, the set-up form.

Pure checks, no store: each names what is wrong (by field) so the screen can point at it,
and the rooms refuse with ``DeskError`` before anything is written. One place for what every
public function of the core refuses (issue 14, item 7): text that cannot be stored (a lone
surrogate, from a broken paste or a bad clipboard), whole numbers out of range, time-zone
names and locales that are not names. ``Recorder.tx`` refuses what slips past these (a value
SQLite cannot bind) as the same refusals, so no caller ever sees a crash for bad input.
"""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Bounded by the schema every event is held to (a note of MAX_TEXT characters fits it).
from db.event_schema import MAX_HEADER_TEXT, MAX_TEXT
from db.policy import PIN_LENGTH_RANGE
from desktop.core import pins
from desktop.core.errors import DeskError, Refusal
from desktop.core.money import MAX_MINOR, CurrencyError, check_currency
from desktop.core.playbook import SEVERITIES, SITE_KINDS
from desktop.core.views import CaseHeader

__all__ = ["MAX_HEADER_TEXT", "MAX_TEXT", "check_header", "header_problems", "site_problems",
           "text", "zone_exists"]

MAX_REF = 64  # ids are uuids; voucher codes and tokens are matched elsewhere
MAX_ZONE = 64  # the longest IANA name is about 32 characters
# A zone is Area/Location[/Sub] of letters, digits, "_", "-" and "+" (Etc/GMT+5): no "..",
# no leading "/", nothing ZoneInfo would look up as a path.
_ZONE_RE = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*")
# en, en_US, en-GB, zh_Hant_TW, sr_Latn: what babel knows by name, bounded.
_LOCALE_RE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8}){0,3}")


def storable(value: str) -> bool:
    """Text the store can keep: no lone surrogate (UTF-8 cannot encode one)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def checked_text(value: Any, field: str) -> str:
    """Text exactly as given, refused (``INVALID_TEXT``, detail: the field) when it is not
    text or cannot be stored."""
    if not isinstance(value, str) or not storable(value):
        raise DeskError(Refusal.INVALID_TEXT, field)
    return value


def text(value: Any, field: str = "text") -> str:
    """Free text as it will be stored; refused when too long to keep or not storable."""
    clean = checked_text(value if isinstance(value, str) else str(value), field)
    if len(clean) > MAX_TEXT:
        raise DeskError(Refusal.TEXT_TOO_LONG, str(len(clean)))
    return clean


def is_ref(value: Any) -> bool:
    """Whether ``value`` could be an id of this desk (a case, a person): short storable text.
    Anything else is simply not known here, so callers refuse it as unknown."""
    return isinstance(value, str) and len(value) <= MAX_REF and storable(value)


def amount(value: Any, *, allow_zero: bool = True) -> int:
    """A money value in minor units: a whole number from 0 (or 1) to ``MAX_MINOR``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DeskError(Refusal.INVALID_VALUE, type(value).__name__)
    if value < (0 if allow_zero else 1) or value > MAX_MINOR:
        raise DeskError(Refusal.INVALID_VALUE, "out of range")
    return value


def header_problems(header: CaseHeader) -> list[str]:
    """Header values that cannot be stored (gaps are fine; nonsense is not)."""
    problems = []
    if header.severity and header.severity not in SEVERITIES:
        problems.append("severity")
    for name, value in header.as_dict().items():
        if not isinstance(value, str) or len(value) > MAX_HEADER_TEXT or not storable(value):
            problems.append(name)
    return problems


def check_header(header: CaseHeader) -> None:
    problems = header_problems(header)
    if problems:
        raise DeskError(Refusal.INVALID_HEADER, ", ".join(problems))


def _name_ok(value: Any) -> bool:
    return (isinstance(value, str) and bool(value.strip()) and len(value) <= MAX_HEADER_TEXT
            and storable(value))


def site_problems(*, name: Any, kind: Any, currency: Any, timezone: Any, manager_name: Any,
                  manager_pin: Any, locale: Any = "", address: Any = "",
                  outlets: Any = (), pin_length: tuple[int, int] = PIN_LENGTH_RANGE
                  ) -> list[str]:
    """The set-up fields that are missing or wrong, by field name, in form order (the first
    manager's PIN as any new PIN: ``pins.pin_problem``)."""
    problems = []
    if not _name_ok(name):
        problems.append("name")
    if kind not in SITE_KINDS:
        problems.append("kind")
    try:
        if not isinstance(currency, str):
            raise CurrencyError(repr(currency))
        check_currency(currency)
    except CurrencyError:
        problems.append("currency")
    if not zone_exists(timezone):
        problems.append("timezone")
    if not locale_ok(locale):
        problems.append("locale")
    if not isinstance(address, str) or len(address) > MAX_HEADER_TEXT or not storable(address):
        problems.append("address")
    if isinstance(outlets, str) or not all(_name_ok(o) or (isinstance(o, str) and not o.strip())
                                           for o in outlets):
        problems.append("outlets")
    if not _name_ok(manager_name):
        problems.append("manager_name")
    if not isinstance(manager_pin, str) or pins.pin_problem(manager_pin, pin_length) is not None:
        problems.append("manager_pin")
    return problems


def zone_exists(timezone: Any) -> bool:
    """Whether ``timezone`` is an IANA zone this machine knows; never raises (an over-long
    name used to reach the file system: OSError, file name too long)."""
    if not isinstance(timezone, str) or len(timezone) > MAX_ZONE:
        return False
    if not _ZONE_RE.fullmatch(timezone):
        return False
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def locale_ok(locale: Any) -> bool:
    """A locale name such as en_US or fr-FR ("" means the default, en_US)."""
    if locale == "":
        return True
    return isinstance(locale, str) and bool(_LOCALE_RE.fullmatch(locale))
