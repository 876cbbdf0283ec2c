"""What desk and head office must agree on is defined once, under ``db``: one policy
validation, one currency table. (The arrows themselves are held by ``tests/test_layers.py``.)"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import db.money
import db.policy
import desktop.core.money
import desktop.core.policy
from headoffice import admin
from headoffice.store import open_database, session_factory, transaction

ROOT = Path(__file__).resolve().parents[2]


def test_desk_and_head_office_share_one_policy_validation() -> None:
    assert desktop.core.policy.parse_policy is db.policy.parse_policy
    assert desktop.core.policy.PolicyError is db.policy.PolicyError
    assert desktop.core.policy.Policy is db.policy.Policy
    assert getattr(admin, "parse_policy") is db.policy.parse_policy  # noqa: B009


def test_desk_and_head_office_share_one_currency_table() -> None:
    for name in ("check_currency", "exponent", "CurrencyError", "format_money"):
        assert getattr(desktop.core.money, name) is getattr(db.money, name), name


def test_desk_and_head_office_check_events_with_one_schema() -> None:
    import db.event_schema
    import desktop.core.caselog
    import desktop.core.inputs
    import headoffice.push
    import headoffice.push_checks

    for module in (desktop.core.caselog, headoffice.push, headoffice.push_checks):
        assert getattr(module, "check_payload") is db.event_schema.check_payload  # noqa: B009
    # What a person may type at the desk is what the schema lets through.
    assert desktop.core.inputs.MAX_TEXT == db.event_schema.MAX_TEXT
    assert desktop.core.inputs.MAX_HEADER_TEXT == db.event_schema.MAX_HEADER_TEXT


@pytest.mark.parametrize("change", [
    {"version": 0},
    {"roles": {}},
    {"approver_roles": ["owner"]},
    {"stay_window_days": 61},
    {"follow_up_minutes": True},
])
def test_head_office_refuses_what_a_desk_refuses_with_the_same_reason(
        tmp_path: Path, change: dict[str, object]) -> None:
    document = {**desktop.core.policy.default_policy().to_dict(), **change}
    text = json.dumps(document)
    with pytest.raises(desktop.core.policy.PolicyError) as at_desk:
        desktop.core.policy.parse_policy(text)
    engine = open_database(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    now = datetime(2026, 11, 30, tzinfo=UTC)
    try:
        with transaction(session_factory(engine)) as session:
            admin.add_site(session, name="Harbour", currency="EUR", timezone="Europe/Paris",
                           now=now)
        with pytest.raises(admin.AdminError) as at_head_office, \
                transaction(session_factory(engine)) as session:
            admin.set_policy(session, "Harbour", text, now=now)
    finally:
        engine.dispose()
    assert str(at_head_office.value) == f"the policy is not valid: {at_desk.value}"
