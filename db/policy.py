"""The site's budget policy: what each role may grant without approval, as versioned data.

A policy is data, not code: head office pushes new versions, a manager edits one in Settings,
and the highest version is in force. Parsing is strict so a bad file is refused with a reason
instead of silently granting too much (or nothing).

Desk and head office share this one definition: head office refuses to publish what a desk
would refuse to parse (``amends-headoffice policy set``), and a desk adopts what head office
sends with the same ``parse_policy``. The desk's own additions (the shipped default policy)
live in ``desktop.core.policy``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ROLES = ("agent", "supervisor", "manager")
# A guest's stay for the budget and the review: longer than two months is a residency, and the
# fold links a guest's gestures only this far back (desktop.core.guest_links.REPEAT_HORIZON).
MAX_STAY_DAYS = 60
# A staff PIN is 4 to 8 digits; the policy may narrow that (e.g. 6 to 8).
PIN_LENGTH_RANGE = (4, 8)


class PolicyError(ValueError):
    """A policy document that cannot be used; the message says which field is wrong."""


@dataclass(frozen=True, slots=True)
class RoleLimits:
    """Limits in minor units of the site currency."""

    per_case: int
    per_shift: int
    per_guest_stay: int


@dataclass(frozen=True, slots=True)
class Policy:
    version: int
    roles: Mapping[str, RoleLimits]
    approver_roles: frozenset[str]
    follow_up_minutes: int = 20
    voucher_valid_days: int = 90
    # A guest's stay: gestures to the same guest name within this many days count together.
    stay_window_days: int = 14
    # The shortest and longest staff PIN (digits), within PIN_LENGTH_RANGE.
    pin_min_length: int = 4
    pin_max_length: int = 8
    note: str = field(default="", compare=False)

    def limits_for(self, role: str) -> RoleLimits:
        """Limits of a role; a role the policy does not name may grant nothing unapproved."""
        return self.roles.get(role, RoleLimits(0, 0, 0))

    @property
    def pin_length(self) -> tuple[int, int]:
        """(shortest, longest) PIN this policy allows."""
        return (self.pin_min_length, self.pin_max_length)

    def is_approver(self, role: str) -> bool:
        return role in self.approver_roles

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "note": self.note,
            "roles": {
                name: {"per_case": lim.per_case, "per_shift": lim.per_shift,
                       "per_guest_stay": lim.per_guest_stay}
                for name, lim in self.roles.items()
            },
            "approver_roles": sorted(self.approver_roles),
            "follow_up_minutes": self.follow_up_minutes,
            "voucher_valid_days": self.voucher_valid_days,
            "stay_window_days": self.stay_window_days,
            "pin_min_length": self.pin_min_length,
            "pin_max_length": self.pin_max_length,
        }

    def with_changes(self, **changes: Any) -> Policy:
        return dataclasses.replace(self, **changes)


def parse_policy(data: Mapping[str, Any] | str) -> Policy:
    """Build a Policy from its JSON form, refusing anything ambiguous."""
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as error:
            raise PolicyError(f"not valid JSON: {error}") from None
    if not isinstance(data, Mapping):
        raise PolicyError("a policy is a JSON object")
    version = _whole(data.get("version"), "version", minimum=1)
    roles_raw = data.get("roles")
    if not isinstance(roles_raw, Mapping) or not roles_raw:
        raise PolicyError("roles: expected an object with at least one role")
    roles: dict[str, RoleLimits] = {}
    for name, raw in roles_raw.items():
        if not isinstance(raw, Mapping):
            raise PolicyError(f"roles.{name}: expected an object")
        roles[str(name)] = RoleLimits(
            per_case=_whole(raw.get("per_case"), f"roles.{name}.per_case"),
            per_shift=_whole(raw.get("per_shift"), f"roles.{name}.per_shift"),
            per_guest_stay=_whole(raw.get("per_guest_stay"), f"roles.{name}.per_guest_stay"),
        )
    approvers = data.get("approver_roles", [])
    if not isinstance(approvers, list) or not all(isinstance(r, str) for r in approvers):
        raise PolicyError("approver_roles: expected a list of role names")
    unknown = [r for r in approvers if r not in roles]
    if unknown:
        raise PolicyError(f"approver_roles: {', '.join(unknown)} has no limits in roles")
    low, high = PIN_LENGTH_RANGE
    pin_min = _whole(data.get("pin_min_length", low), "pin_min_length", minimum=low,
                     maximum=high)
    pin_max = _whole(data.get("pin_max_length", high), "pin_max_length", minimum=pin_min,
                     maximum=high)
    return Policy(
        version=version,
        roles=roles,
        approver_roles=frozenset(approvers),
        follow_up_minutes=_whole(data.get("follow_up_minutes", 20), "follow_up_minutes",
                                 minimum=1),
        voucher_valid_days=_whole(data.get("voucher_valid_days", 90), "voucher_valid_days",
                                  minimum=1),
        stay_window_days=_whole(data.get("stay_window_days", 14), "stay_window_days",
                                minimum=1, maximum=MAX_STAY_DAYS),
        pin_min_length=pin_min,
        pin_max_length=pin_max,
        note=str(data.get("note", "")),
    )


def _whole(value: Any, name: str, minimum: int = 0, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PolicyError(f"{name}: expected a whole number, got {value!r}")
    if value < minimum:
        raise PolicyError(f"{name}: must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise PolicyError(f"{name}: must be at most {maximum}, got {value}")
    return value

