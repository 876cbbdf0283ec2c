"""Suggested gestures and a new site's limits in the site's own money (issue 15, finding 13)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from db.money import exponent, scaled_minor
from desktop.core.clock import ManualClock
from desktop.core.errors import DeskError
from desktop.core.playbook import SEVERITIES, categories, suggestions
from desktop.core.settings import PRICE_FACTOR
from desktop.core.views import GestureProposal
from tests.conftest import Team, make_desk

CURRENCIES = ("USD", "EUR", "JPY", "BHD")


@pytest.mark.parametrize("currency", CURRENCIES)
def test_a_low_severity_voucher_within_the_agents_limits_for_every_category(
        tmp_path: Path, clock: ManualClock, currency: str) -> None:
    desk = make_desk(tmp_path / "data", clock, currency=currency)
    try:
        team = Team(desk)
        agent = team.sign_in(team.agent)
        limits = desk.site.policy().limits_for("agent")
        for category in categories():
            low = suggestions(category, "low", currency)
            vouchers = [s for s in low if s.gesture_type == "voucher"]
            assert vouchers, f"{category}: no low-severity voucher"
            assert low[0].gesture_type == "voucher"  # Enter on the list grants it
            assert 0 < vouchers[0].value_minor <= min(limits.per_case, limits.per_shift,
                                                      limits.per_guest_stay)
            decision = desk.grants.check(agent, None, vouchers[0].value_minor)
            assert decision.within_limits, (category, currency)
    finally:
        desk.close()


@pytest.mark.parametrize("currency", CURRENCIES)
def test_within_limits_as_often_in_every_currency(tmp_path: Path, clock: ManualClock,
                                                  currency: str) -> None:
    """The share of suggestions an agent may grant alone does not depend on the currency."""
    desk = make_desk(tmp_path / "data", clock, currency=currency)
    try:
        per_case = desk.site.policy().limits_for("agent").per_case
        over = sorted((c, s) for c in categories() for s in SEVERITIES
                      for g in suggestions(c, s, currency) if g.value_minor > per_case)
        usd = scaled_minor(50, "USD")
        over_usd = sorted((c, s) for c in categories() for s in SEVERITIES
                          for g in suggestions(c, s, "USD") if g.value_minor > usd)
        assert over == over_usd
    finally:
        desk.close()


def test_values_follow_the_currency_exponent_and_factor() -> None:
    coffee = Decimal(6)
    assert scaled_minor(coffee, "USD") == 600
    assert scaled_minor(coffee, "EUR") == 600
    assert scaled_minor(coffee, "JPY") == 900  # no minor unit; 150 yen a reference unit
    assert scaled_minor(coffee, "BHD") == 2400  # 2.400 BHD: three decimals
    assert exponent("BHD") == 3
    assert scaled_minor(Decimal(8), "KRW") == 10000  # two significant digits
    assert scaled_minor(coffee, "BHD", Decimal("0.5")) == 3000
    with pytest.raises(ValueError):
        scaled_minor(coffee, "USD", Decimal(0))


def test_a_site_sets_its_own_factor(desk, team: Team) -> None:  # type: ignore[no-untyped-def]
    manager = team.sign_in(team.manager)
    desk.settings.set(PRICE_FACTOR, Decimal("1.2"), by=manager)
    assert desk.settings.get(PRICE_FACTOR) == Decimal("1.2")
    low = suggestions("food_quality", "low", "USD", desk.settings.get(PRICE_FACTOR))
    assert low[0].value_minor == 960  # 8 reference units at 1.2
    agent = team.sign_in(team.agent)
    with pytest.raises(DeskError):
        desk.settings.set(PRICE_FACTOR, Decimal("2"), by=agent)  # managers only
    with pytest.raises(DeskError):
        desk.settings.set(PRICE_FACTOR, Decimal("-1"), by=manager)  # nonsense refused
    assert desk.settings.get(PRICE_FACTOR) == Decimal("1.2")


def test_the_grant_goes_through_at_a_bhd_site(tmp_path: Path, clock: ManualClock) -> None:
    desk = make_desk(tmp_path / "data", clock, currency="BHD")
    try:
        team = Team(desk)
        agent = team.sign_in(team.agent)
        from desktop.core.views import CaseHeader

        case = desk.cases.open(agent, CaseHeader(guest_name="Zoë", category="food_quality",
                                                 severity="low"))
        voucher = suggestions("food_quality", "low", "BHD")[0]
        result = desk.grants.grant(agent, case, GestureProposal(
            voucher.gesture_type, voucher.description, voucher.value_minor))
        assert result.granted and result.voucher_code
    finally:
        desk.close()
