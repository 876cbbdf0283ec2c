"""Every scenario's slips, made from a real case on a real desk, read back in every page size."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.core.clock import ManualClock
from desktop.core.money import format_money
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal
from desktop.core.vouchers import verify_voucher
from desktop.slips import render_apology, render_voucher
from desktop.slips.compose import apology_slip, voucher_slip
from tests.conftest import Team, make_desk

LOCALES = {"USD": "en_US", "EUR": "de_DE", "GBP": "en_GB", "JPY": "ja_JP"}


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("size", ["roll80", "a4", "letter"])
def test_slips_for_every_scenario(scenarios: list, tmp_path: Path, clock: ManualClock,
                                  size: str) -> None:
    for scenario in scenarios:
        currency = scenario["currency"]
        desk = make_desk(tmp_path / f"{scenario['id']}-{size}", clock, currency=currency,
                         locale=LOCALES[currency])
        team = Team(desk)
        who = team.sign_in(team.agent)
        guest = scenario["guest"]
        case_id = desk.cases.open(who, CaseHeader(guest["name"], guest["location"],
                                                 scenario["outlet"], scenario["category"],
                                                 scenario["severity"]))
        desk.cases.complete_step(who, case_id, "review", {"guest_view": scenario["account"],
                                                    "good_outcome": scenario["needs"]})
        gesture = scenario["gesture"]
        sign_off = (ApproverSignOff(team.manager.id, "1357", "scenario")
                    if scenario["expect"] == "needs_approval" else None)
        result = desk.grants.grant(who, case_id, GestureProposal(gesture["type"],
                                                          gesture["description"],
                                                          gesture["value_minor"]), sign_off)
        assert result.granted, scenario["id"]
        desk.cases.complete_step(who, case_id, "fix", {"fix_action": scenario["fix"]})

        apology = text_of(render_apology(apology_slip(desk, case_id, by=who), size))
        assert guest["name"] in apology, scenario["id"]
        # (a Chinese or Japanese line may break inside a Latin name)
        assert "MayaTorres" in "".join(apology.split()) and "Harbour Test Hotel" in apology

        if gesture["type"] == "voucher":
            slip = voucher_slip(desk, result.voucher_code)
            text = text_of(render_voucher(slip, size))
            value = format_money(gesture["value_minor"], currency, LOCALES[currency])
            for field in (guest["name"], "Harbour Test Hotel", gesture["description"],
                          slip.code, slip.expires_on, "Maya Torres"):
                assert squash(field) in squash(text), (scenario["id"], field)
            assert squash(value) in squash(text), (scenario["id"], value)
            keys = {desk.device_id: bytes.fromhex(desk_key(desk))}
            claim = verify_voucher(slip.qr_payload, keys)
            assert claim.value_minor == gesture["value_minor"] and claim.currency == currency
        desk.close()


def desk_key(desk) -> str:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with desk.engine.connect() as connection:
        return connection.execute(text("SELECT public_key FROM voucher_key")).scalar_one()
