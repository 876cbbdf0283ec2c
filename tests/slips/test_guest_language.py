"""The guest's language per case: recorded (default: the site's), folded, and the apology and
voucher slip printed in it, in nine languages, each read back from the PDF with the shipped
fonts embedded; Arabic shaped and read back in reading order."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest

from desktop.cli import main
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.views import CaseHeader, GestureProposal
from desktop.slips import render_apology, render_voucher, slip_wording
from desktop.slips.compose import apology_slip, voucher_slip
from desktop.slips.wording import SHIPPED_LANGUAGES
from tests.conftest import Team, make_desk

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "ar", "zh", "ja")


def letters(text: str) -> str:
    """Only the letters and digits, in order: line breaks (which put spaces into Japanese),
    punctuation (which the extractor may set apart from an Arabic word) and bidi marks gone,
    Arabic presentation forms folded to plain letters (NFKC)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text)
                   if unicodedata.category(c)[0] in "LNM")


def read_back(pdf: bytes, tmp_path: Path) -> str:
    """What poppler's pdftotext reads (it puts right-to-left lines back in reading order),
    with Arabic presentation forms folded to plain letters (NFKC) and spaces squashed."""
    path = tmp_path / "slip.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    # pdftotext marks embedded runs with bidi controls; they are not text.
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(unicodedata.normalize("NFKC", text).split())


def embedded_fonts(pdf: bytes) -> set[str]:
    """Names of the fonts whose TrueType program is inside the PDF."""
    names = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]))
    return names


def test_nine_languages_are_shipped() -> None:
    assert set(LANGUAGES) <= set(SHIPPED_LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_apology_and_voucher_print_in_the_guest_language(language: str, tmp_path: Path,
                                                         clock: ManualClock) -> None:
    desk = make_desk(tmp_path / "desk", clock, currency="EUR", locale="en_GB",
                     timezone="Europe/Lisbon")
    try:
        team = Team(desk)
        who = team.sign_in(team.agent)
        case_id = desk.cases.open(who, CaseHeader("José Martínez", "305", "Front Desk", "noise",
                                                  "high", guest_language=language))
        result = desk.grants.grant(who, case_id, GestureProposal("voucher", "Dinner", 4500))
        assert result.voucher_code
        wording = slip_wording(language)
        desk.cases.complete_step(who, case_id, "review", {
            "guest_view": wording.sample["what_went_wrong"], "good_outcome": "-"})
        desk.cases.complete_step(who, case_id, "fix",
                                 {"fix_action": wording.sample["what_we_did"]})

        apology = read_back(render_apology(apology_slip(desk, case_id)), tmp_path)
        voucher = read_back(render_voucher(voucher_slip(desk, result.voucher_code)), tmp_path)
        # The guest's words (their first letter made a capital), the person to ask for, the
        # voucher by its guest-facing words and value: never the agent's Fix note.
        said = wording.sample["what_went_wrong"]
        for words in (said[:1].upper() + said[1:], "Maya Torres", "45.00"):
            assert letters(words) in letters(apology), words
        assert letters(wording.sample["what_we_did"]) not in letters(apology)
        for words in (wording.voucher.code, wording.voucher.expires_on,
                      wording.voucher_terms[-1]):
            assert letters(words) in letters(voucher), words
        assert "José Martínez" in apology and "José Martínez" in voucher
        if language != "en":
            assert slip_wording("en").voucher.expires_on not in voucher
    finally:
        desk.close()


def test_arabic_is_shaped_right_aligned_and_read_back_in_order(tmp_path: Path,
                                                               clock: ManualClock) -> None:
    """The PDF holds joined letter forms (not isolated ones) in the embedded Noto Sans Arabic;
    pdftotext gives the words in reading order. (pypdf gives each line's words in display
    order, right to left, so it is not used for Arabic.)"""
    from desktop.slips import sample_apology

    pdf = render_apology(sample_apology(language="ar"))
    raw = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                         check=True).stdout.decode()
    # Shaped: initial/medial/final presentation forms are there (e.g. the joined "شكرًا").
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in raw)
    text = read_back(pdf, tmp_path)
    assert "شكرًا لإخبارنا بما لم يكن على ما يرام" in text
    assert any("NotoSansArabic" in name
               for name in embedded_fonts(pdf))


@pytest.mark.parametrize(("language", "face"), [
    ("ja", "DroidSansFallback"), ("zh", "DroidSansFallback"), ("de", "DejaVuSans")])
def test_the_slip_fonts_are_embedded(language: str, face: str) -> None:
    from desktop.slips import sample_voucher

    names = embedded_fonts(render_voucher(sample_voucher(language=language)))
    assert any(face in name for name in names), names


def test_the_language_defaults_to_the_site_and_is_recorded(tmp_path: Path,
                                                           clock: ManualClock) -> None:
    desk = make_desk(tmp_path / "paris", clock, currency="EUR", locale="fr_FR",
                     timezone="Europe/Paris")
    try:
        team = Team(desk)
        who = team.sign_in(team.agent)
        case_id = desk.cases.open(who, CaseHeader("Hiro Tanaka", "12"))
        assert desk.cases.get(case_id).header.guest_language == "fr"
        opened = desk.cases.events(case_id)[0]
        assert opened.kind == "case.opened" and '"guest_language":"fr"' in opened.payload
        # The header saved without a language (as the panel does) leaves it alone...
        assert not desk.cases.update_header(who, case_id, CaseHeader("Hiro Tanaka", "12"))
        # ...and a language chosen is recorded and shown.
        assert desk.cases.update_header(who, case_id,
                                        CaseHeader("Hiro Tanaka", "12", guest_language="ja"))
        assert desk.cases.get(case_id).header.guest_language == "ja"
        assert apology_slip(desk, case_id).labels == slip_wording("ja").apology
        count = len(desk.cases.events(case_id))
        with pytest.raises(DeskError) as refused:
            desk.cases.update_header(who, case_id,
                                     CaseHeader("Hiro Tanaka", "12", guest_language="../x"))
        assert refused.value.refusal is Refusal.INVALID_HEADER
        assert "guest_language" in refused.value.detail
        assert len(desk.cases.events(case_id)) == count  # nothing written
        with pytest.raises(DeskError):
            desk.cases.open(who, CaseHeader("X", guest_language="klingon"))
    finally:
        desk.close()


def test_cli_sample_in_a_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert main(["slip", "sample", "--kind", "apology", "--language", "de", "--out",
                 str(out)]) == 0
    text = read_back(out.read_bytes(), tmp_path)
    assert "Sehr geehrte/r José Martínez," in text
    assert "fragen Sie an der Rezeption bitte nach Ana Ribeiro." in text
    with pytest.raises(SystemExit):
        main(["slip", "sample", "--kind", "apology", "--language", "xx", "--out", str(out)])
    assert "invalid choice" in capsys.readouterr().err


def test_a_site_apology_json_is_for_the_site_language_only(desk: Desk, team: Team) -> None:
    """A site's own letter (in its language) does not reach a guest who reads another one;
    its apology.<language>.json does."""
    import json

    folder = desk.data_dir / "templates"
    folder.mkdir()
    (folder / "apology.json").write_text(json.dumps(
        {"version": 1, "paragraphs": [["Dear {guest_name}, our own words."]]}), "utf-8")
    who = team.sign_in(team.agent)
    english = desk.cases.open(who, CaseHeader("Ann Lee", "1"))
    german = desk.cases.open(who, CaseHeader("Jörg Maier", "2", guest_language="de"))
    assert apology_slip(desk, english).body_paragraphs == ("Dear Ann Lee, our own words.",)
    assert apology_slip(desk, german).body_paragraphs[0] == "Sehr geehrte/r Jörg Maier,"
    (folder / "apology.de.json").write_text(json.dumps(
        {"version": 1, "paragraphs": [["Liebe/r {guest_name}, unsere Worte."]]}), "utf-8")
    assert apology_slip(desk, german).body_paragraphs == ("Liebe/r Jörg Maier, unsere Worte.",)


def test_the_header_lists_each_language_by_the_name_its_wording_file_gives() -> None:
    from desktop.core.languages import LANGUAGE_NAMES
    from desktop.slips.wording import language_names

    assert language_names() == LANGUAGE_NAMES


def word_boxes(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """(word, xMin, xMax, yMin) of every word pdftotext finds, in points from the top left."""
    html = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    return [(unicodedata.normalize("NFKC", word), float(x0), float(x1), float(y0))
            for x0, y0, x1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">'
                r"([^<]*)</word>", html)]


def test_a_right_to_left_slip_is_laid_out_from_the_right() -> None:
    """In Arabic the details read label first from the right (the value to its left), and the
    letter's lines, Latin names included, start at the right margin; in English, the left."""
    from desktop.slips import sample_apology, sample_voucher

    def box(pdf: bytes, word: str) -> tuple[float, float, float]:
        found = [(x0, x1, y0) for text, x0, x1, y0 in word_boxes(pdf) if word in text]
        assert found, word
        return found[0]  # the first, top of the page

    def label_beside(pdf: bytes, value: str) -> tuple[float, float]:
        """The span of the other words on the value's line (its label)."""
        x0, x1, y0 = box(pdf, value)
        others = [(a, b) for text, a, b, y in word_boxes(pdf)
                  if abs(y - y0) < 8 and not (a >= x0 and b <= x1) and text != "Ana"]
        assert others, value
        return min(a for a, _ in others), max(b for _, b in others)

    arabic = render_voucher(sample_voucher(language="ar"), "a4")
    assert box(arabic, "Ribeiro")[1] < label_beside(arabic, "Ribeiro")[0]  # value, then label
    english = render_voucher(sample_voucher(language="en"), "a4")
    assert box(english, "Ana")[0] > label_beside(english, "Ribeiro")[1]  # label, then value

    ar_letter, en_letter = (render_apology(sample_apology(language=lang), "a4")
                            for lang in ("ar", "en"))
    page_width = float(pypdf.PdfReader(io.BytesIO(ar_letter)).pages[0].mediabox.width)
    # The guest's name heads the letter: flush right in Arabic, flush left in English.
    assert box(ar_letter, "Martínez")[1] > page_width - 80
    assert box(en_letter, "José")[0] < 80
