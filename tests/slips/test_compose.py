"""Slips composed from what the desk holds: the apology letter and the voucher slip, in the
site's language, locale and time zone, numbered so a reprint says so."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pypdf

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.settings import VOUCHER_TERMS
from desktop.slips import render_apology, render_voucher, slip_wording
from desktop.slips.compose import DEFAULT_VOUCHER_TERMS, apology_slip, keep_pdf, voucher_slip
from tests.conftest import Team, make_desk
from tests.core.test_voucher_desk import DINNER, issue, payloads


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_apology_slip_names_the_guest_what_went_wrong_and_the_staff(desk: Desk,
                                                                       team: Team) -> None:
    issued = issue(desk, team, guest="Grace Kim")
    desk.cases.complete_step(issued.who, issued.case_id, "review",
                       {"guest_view": "the noise from the service corridor",
                        "good_outcome": "a quiet night"})
    desk.cases.complete_step(issued.who, issued.case_id, "fix",
                       {"fix_action": "moved you to a quiet room on the fifth floor"})
    slip = apology_slip(desk, issued.case_id)
    assert slip.signature == "Harbour Test Hotel"
    text = pdf_text(render_apology(slip, "a4"))
    for expected in ("Grace Kim", "“The noise from the service corridor.”",
                     "please ask for Maya Torres", "a voucher worth $45.00",
                     "Harbour Test Hotel"):
        assert expected in text, expected
    # The agent's notes are for colleagues: not pasted into the guest's letter.
    for note in ("moved you to a quiet room", DINNER.description):
        assert note not in text, note
    assert text.count("Maya Torres") == 1
    by_supervisor = apology_slip(desk, issued.case_id, by=team.sign_in(team.supervisor))
    assert "please ask for Sam Okoye" in " ".join(by_supervisor.body_paragraphs)
    assert "Sam Okoye" in pdf_text(render_apology(by_supervisor, "roll80"))


def test_the_voucher_slip_is_in_the_site_locale_and_time_zone(tmp_path: Path,
                                                              clock: ManualClock) -> None:
    desk = make_desk(tmp_path / "berlin", clock, currency="EUR", locale="de_DE",
                     timezone="Europe/Berlin")
    try:
        clock.set(datetime(2026, 11, 18, 23, 30, tzinfo=UTC))  # 00:30 on the 19th in Berlin
        issued = issue(desk, Team(desk), guest="Jürgen Groß")
        slip = voucher_slip(desk, issued.code)
        assert slip.value_text == "45,00\xa0€"
        assert slip.issued_on == "19. November 2026"
        assert slip.expires_on == "17. Februar 2027"  # 19 Nov + 90 days
        assert slip.code == f"{issued.code[:3]}-{issued.code[3:6]}-{issued.code[6:]}"
        assert slip.qr_payload == issued.token and slip.issued_by == "Maya Torres"
        # German is a shipped slip language: the shipped German terms.
        assert slip.terms == list(slip_wording("de").voucher_terms) != list(DEFAULT_VOUCHER_TERMS)
        desk.settings.set(VOUCHER_TERMS, ("Nur im Restaurant einzulösen.",))
        assert voucher_slip(desk, issued.code).terms == ["Nur im Restaurant einzulösen."]
        text = pdf_text(render_voucher(slip, "roll80"))
        assert "Jürgen Groß" in text and slip.code in text and "45,00" in text
    finally:
        desk.close()


def test_prints_are_numbered_and_a_reprint_says_so(desk: Desk, team: Team) -> None:
    issued = issue(desk, team)
    first = desk.cases.record_print(issued.who, issued.case_id, "voucher", issued.code)
    first_pdf = render_voucher(voucher_slip(desk, issued.code, reprint=first > 1))
    second = desk.cases.record_print(issued.who, issued.case_id, "voucher",
                                    issued.code.lower())
    second_pdf = render_voucher(voucher_slip(desk, issued.code, reprint=second > 1))
    assert (first, second) == (1, 2)
    assert "REPRINT" not in pdf_text(first_pdf) and "REPRINT" in pdf_text(second_pdf)
    # The apology counts on its own.
    assert desk.cases.record_print(issued.who, issued.case_id, "apology", None) == 1
    apology = apology_slip(desk, issued.case_id, reprint=desk.cases.record_print(
        issued.who, issued.case_id, "apology", None) > 1)
    assert "REPRINT" in pdf_text(render_apology(apology))
    printed = payloads(desk, issued.case_id, "slip.printed")
    assert [(p["kind"], p["print_no"]) for p in printed] == [
        ("voucher", 1), ("voucher", 2), ("apology", 1), ("apology", 2)]
    assert desk.vouchers.of_case(issued.case_id)[0].print_count == 2


def test_two_prints_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    moment = datetime(2026, 11, 18, 15, 30, tzinfo=UTC)
    first = keep_pdf(tmp_path, b"%PDF first", "voucher K7Q-M4X", moment)
    second = keep_pdf(tmp_path, b"%PDF second", "voucher K7Q-M4X", moment)
    third = keep_pdf(tmp_path, b"%PDF third", "voucher K7Q-M4X", moment)
    assert len({first, second, third}) == 3
    assert [p.read_bytes() for p in (first, second, third)] == [
        b"%PDF first", b"%PDF second", b"%PDF third"]
    assert second.name == "20261118-153000-voucher-K7Q-M4X-2.pdf"
    assert sorted(p.name for p in (tmp_path / "slips").iterdir()) == sorted(
        p.name for p in (first, second, third))
