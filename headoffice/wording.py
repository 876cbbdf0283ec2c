"""Plain words for the fields of a policy or recovery matrix, for the browser's messages.

The shared parsers (``db.policy``, ``db.matrix``) name a field by its path, such as
``roles.agent.per_case``; an admin reads "limit per case of the agent role" beside it.
"""

from __future__ import annotations

import re

_WORDS = {
    "version": "version number",
    "note": "note",
    "roles": "roles",
    "approver_roles": "roles that may approve",
    "per_case": "limit per case (minor units)",
    "per_shift": "limit per shift (minor units)",
    "per_guest_stay": "limit per guest stay (minor units)",
    "follow_up_minutes": "minutes until a follow-up is due",
    "voucher_valid_days": "days a voucher stays valid",
    "stay_window_days": "days that count as one guest stay",
    "pin_min_length": "shortest PIN (digits)",
    "pin_max_length": "longest PIN (digits)",
    "categories": "categories",
    "fallback": "fallback (any category without its own suggestions)",
    "type": "gesture type",
    "description": "description",
    "value": "typical value",
}
_STEP = re.compile(r"([^.\[]+)(?:\[(\d+)\])?")


def plain_field(path: str) -> str:
    """``roles.agent.per_case`` -> "roles › agent › limit per case (minor units)"."""
    words: list[str] = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            words.append(part)
            continue
        name, index = match.groups()
        words.append(_WORDS.get(name, name))
        if index is not None:
            words.append(f"suggestion {index}")
    return " › ".join(words)


def plain_error(message: str) -> str:
    """A parser's message with the field it names in plain words first."""
    path, sep, rest = message.partition(": ")
    if not sep or " " in path:
        return message[:1].upper() + message[1:]
    return f"{plain_field(path)} ({path}): {rest}"
