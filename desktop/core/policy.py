"""The site's budget policy, as the desk uses it.

The policy document and its validation are shared with head office and defined once, in
``db.policy``; this module re-exports them under their old names and adds what only a desk
needs: the default policy shipped in ``resources/``.
"""

from __future__ import annotations

from decimal import Decimal

from db.policy import MAX_STAY_DAYS, ROLES, Policy, PolicyError, RoleLimits, parse_policy

__all__ = ["MAX_STAY_DAYS", "ROLES", "Policy", "PolicyError", "RoleLimits", "default_policy",
           "parse_policy"]


def default_policy(currency: str = "USD", factor: Decimal | None = None) -> Policy:
    """The policy a new site starts from, shipped in resources/ in reference cents and turned
    into the site's money as suggestions are (``db.money.scaled_minor``)."""
    import resources
    from db.money import scaled_minor

    shipped = parse_policy(resources.path("default_policy.json").read_text(encoding="utf-8"))

    def scaled(reference_cents: int) -> int:
        return scaled_minor(Decimal(reference_cents) / 100, currency, factor)

    return shipped.with_changes(roles={
        name: RoleLimits(scaled(lim.per_case), scaled(lim.per_shift), scaled(lim.per_guest_stay))
        for name, lim in shipped.roles.items()})
