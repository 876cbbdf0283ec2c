"""What the desk accepts as typed: text lengths, a case's header, the set-up form.

Pure checks, no store: each names what is wrong (by field) so the screen can point at it,
and the rooms refuse with ``DeskError`` before anything is written.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.core import pins
from desktop.core.errors import DeskError, Refusal
from desktop.core.languages import GUEST_LANGUAGES
from desktop.core.money import CurrencyError, check_currency
from desktop.core.playbook import SEVERITIES, SITE_KINDS
from desktop.core.views import CaseHeader

MAX_TEXT = 20_000  # a guest's account can be long; a pasted novel cannot
MAX_HEADER_TEXT = 500


def text(value: Any) -> str:
    """Free text as it will be stored; refused when too long to keep."""
    clean = str(value)
    if len(clean) > MAX_TEXT:
        raise DeskError(Refusal.TEXT_TOO_LONG, str(len(clean)))
    return clean


def header_problems(header: CaseHeader) -> list[str]:
    """Header values that cannot be stored (gaps are fine; nonsense is not)."""
    problems = []
    if header.severity and header.severity not in SEVERITIES:
        problems.append("severity")
    if header.guest_language and header.guest_language not in GUEST_LANGUAGES:
        problems.append("guest_language")
    for name, value in header.as_dict().items():
        if len(value) > MAX_HEADER_TEXT:
            problems.append(name)
    return problems


def check_header(header: CaseHeader) -> None:
    problems = header_problems(header)
    if problems:
        raise DeskError(Refusal.INVALID_HEADER, ", ".join(problems))


def site_problems(*, name: str, kind: str, currency: str, timezone: str, manager_name: str,
                  manager_pin: str) -> list[str]:
    """The set-up fields that are missing or wrong, by field name, in form order."""
    problems = []
    if not name.strip():
        problems.append("name")
    if kind not in SITE_KINDS:
        problems.append("kind")
    try:
        check_currency(currency)
    except CurrencyError:
        problems.append("currency")
    if not zone_exists(timezone):
        problems.append("timezone")
    if not manager_name.strip():
        problems.append("manager_name")
    if not pins.pin_is_valid(manager_pin):
        problems.append("manager_pin")
    return problems


def zone_exists(timezone: str) -> bool:
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
