"""The budget check: the one function that decides whether a gesture may be granted at once.

Given what a role may spend and what has already been spent (this case, this person's shift,
this guest's stay), it says whether a proposed grant fits every limit and, if not, which limits
it breaks and by how much. The panel shows its answer; nothing else decides.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from desktop.core.policy import Policy, RoleLimits


class Limit(enum.Enum):
    PER_CASE = "per_case"
    PER_SHIFT = "per_shift"
    PER_GUEST_STAY = "per_guest_stay"


@dataclass(frozen=True, slots=True)
class Spend:
    """What has been granted so far, in minor units, from the events."""

    case: int = 0
    shift: int = 0
    guest_stay: int = 0


@dataclass(frozen=True, slots=True)
class Breach:
    limit: Limit
    allowed: int
    would_be: int

    @property
    def over_by(self) -> int:
        return self.would_be - self.allowed


@dataclass(frozen=True, slots=True)
class BudgetDecision:
    value: int
    breaches: tuple[Breach, ...]
    remaining: dict[Limit, int]
    # The limits themselves, so a screen can show what is left as a share of them.
    allowed: dict[Limit, int] = field(default_factory=dict)

    @property
    def within_limits(self) -> bool:
        return not self.breaches


def remaining(limits: RoleLimits, spent: Spend) -> dict[Limit, int]:
    """What may still be granted without approval, per limit (never below zero)."""
    return {
        Limit.PER_CASE: max(limits.per_case - spent.case, 0),
        Limit.PER_SHIFT: max(limits.per_shift - spent.shift, 0),
        Limit.PER_GUEST_STAY: max(limits.per_guest_stay - spent.guest_stay, 0),
    }


def check_grant(limits: RoleLimits, spent: Spend, value: int) -> BudgetDecision:
    """Decide a proposed grant of ``value`` minor units against ``limits``."""
    if value < 0:
        raise ValueError("a gesture's value cannot be negative")
    pairs = (
        (Limit.PER_CASE, limits.per_case, spent.case),
        (Limit.PER_SHIFT, limits.per_shift, spent.shift),
        (Limit.PER_GUEST_STAY, limits.per_guest_stay, spent.guest_stay),
    )
    breaches = tuple(
        Breach(limit, allowed, already + value)
        for limit, allowed, already in pairs
        if value > 0 and already + value > allowed
    )
    return BudgetDecision(value, breaches, remaining(limits, spent),
                          {limit: allowed for limit, allowed, _ in pairs})


class ApprovalRefusal(enum.Enum):
    """Why a would-be approver cannot approve this grant."""

    NOT_AN_APPROVER = "not_an_approver"
    OWN_GRANT = "own_grant"
    BEYOND_APPROVER_LIMITS = "beyond_approver_limits"


def approval_refusal(policy: Policy, *, approver_id: str, approver_role: str, granter_id: str,
                     spent: Spend, value: int) -> ApprovalRefusal | None:
    """None if this person may approve the grant; otherwise why not.

    An approver vouches for the grant with their own authority, so it must fit within the
    approver's own limits; nobody approves their own grant.
    """
    if not policy.is_approver(approver_role):
        return ApprovalRefusal.NOT_AN_APPROVER
    if approver_id == granter_id:
        return ApprovalRefusal.OWN_GRANT
    if not check_grant(policy.limits_for(approver_role), spent, value).within_limits:
        return ApprovalRefusal.BEYOND_APPROVER_LIMITS
    return None
