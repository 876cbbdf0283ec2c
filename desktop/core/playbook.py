"""The recovery sequence and its vocabulary: steps, severities, outcomes, gesture types.

The order of the steps is the one the service-recovery literature agrees on. The words shown
for each key live in the UI (translated); here are only the keys and the rules between them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

# Defined with the matrix's rules (shared with head office), used from here.
from db.matrix import GESTURE_TYPES as GESTURE_TYPES
from db.matrix import SEVERITIES as SEVERITIES

STEPS = ("listen", "apologise", "review", "fix", "followup", "document")
OUTCOMES = ("recovered", "not_recovered", "unknown")
SITE_KINDS = ("hotel", "restaurant")

# What a case must name before it can be closed, so the log shows trends by guest, place and kind.
REQUIRED_TO_CLOSE = ("guest_name", "location", "outlet", "category", "severity")


def next_step(step: str) -> str:
    """The step after ``step``; "closed" after the last."""
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else "closed"


def later_step(a: str, b: str) -> str:
    """Whichever of two steps comes later in the sequence ("closed" is last)."""
    order = (*STEPS, "closed")
    return a if order.index(a) >= order.index(b) else b


def missing_fields(header: dict[str, str]) -> list[str]:
    """The header fields still empty, in the order the form shows them."""
    return [name for name in REQUIRED_TO_CLOSE if not (header.get(name) or "").strip()]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A gesture the recovery matrix suggests for a category and severity."""

    gesture_type: str
    description: str
    value_minor: int  # a typical value in minor units of the site currency


@cache
def recovery_matrix() -> dict[str, Any]:
    """The shipped matrix; a site's desks may use head office's instead
    (``SyncLedger.recovery_matrix``), which callers then pass as ``matrix``."""
    import resources

    matrix: dict[str, Any] = json.loads(
        resources.path("recovery_matrix.json").read_text(encoding="utf-8"))
    return matrix


def categories(matrix: dict[str, Any] | None = None) -> list[str]:
    return list((matrix or recovery_matrix())["categories"])


def suggestions(category: str, severity: str, currency: str,
                factor: Decimal | None = None,
                matrix: dict[str, Any] | None = None) -> list[Suggestion]:
    """Suggested gestures, best first, in the site's money: the matrix's reference values by
    the currency's price factor (``factor``: the site's own, None: the shipped one);
    ``matrix``: head office's for the site, None: the shipped one."""
    from db.money import scaled_minor

    matrix = matrix or recovery_matrix()
    entry = matrix["categories"].get(category, {})
    rows = entry.get(severity) or matrix["fallback"].get(severity, [])
    return [Suggestion(r["type"], r["description"],
                       scaled_minor(Decimal(str(r["value"])), currency, factor))
            for r in rows]
