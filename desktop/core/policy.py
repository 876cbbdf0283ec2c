"""The site's budget policy, as the desk uses it.

The policy document and its validation are shared with head office and defined once, in
``db.policy``; this module re-exports them under their old names and adds what only a desk
needs: the default policy shipped in ``resources/``.
"""

from __future__ import annotations

from db.policy import MAX_STAY_DAYS, ROLES, Policy, PolicyError, RoleLimits, parse_policy

__all__ = ["MAX_STAY_DAYS", "ROLES", "Policy", "PolicyError", "RoleLimits", "default_policy",
           "parse_policy"]


def default_policy() -> Policy:
    """The policy a new site starts from, shipped in resources/."""
    import resources

    return parse_policy(resources.path("default_policy.json").read_text(encoding="utf-8"))
