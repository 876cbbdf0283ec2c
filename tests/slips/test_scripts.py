"""Any script in a guest's or staff member's name prints and stays in the PDF's text (issue 16,
item 5): each character is set in a shipped face that draws it (the fallback chain), embedded,
and read back with poppler's pdftotext and, for left-to-right scripts, with pypdf."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import unicodedata

import pypdf
import pytest

from desktop.slips import fonts, render_apology, render_voucher, sample_apology, sample_voucher

# name, the face its characters need (None: DejaVu Sans itself), whether it reads right to left
NAMES = {
    "emoji": ("Zoë 😀 Ana 👍🏽 🦄", "Symbola", False),
    "chinese": ("王小明", "DroidSansFallback", False),
    "japanese": ("山田 花子 やまだ カタカナ", "DroidSansFallback", False),
    "arabic": ("محمد علي", "NotoSansArabic", True),
    "hebrew": ("שרה כהן", "NotoSansHebrew", True),
    "devanagari": ("अनीता शर्मा", "NotoSansDevanagari", False),
    "thai": ("สมชาย ใจดี", "NotoSansThai", False),
    "greek and cyrillic": ("Γιώργος Анна", "DejaVuSans", False),
}


def fold(text: str) -> str:
    """Arabic presentation forms to plain letters (NFKC), bidi and format marks gone, and
    spaces squashed: how a name compares however the extractor spaced it."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text)
                   if unicodedata.category(c) != "Cf")
    return " ".join(text.split())


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode("utf-8")


def pypdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def embedded(pdf: bytes) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]))
    return names


@pytest.mark.parametrize("script", list(NAMES))
def test_a_name_in_any_script_prints_and_reads_back(script: str) -> None:
    name, face, rtl = NAMES[script]
    voucher = render_voucher(dataclasses.replace(sample_voucher(), guest_name=name,
                                                 issued_by=name))
    apology = render_apology(dataclasses.replace(sample_apology(), guest_name=name,
                                                 signature=name), "a4")
    for pdf in (voucher, apology):
        assert fold(name) in fold(pdftotext(pdf)), script
        if not rtl:  # pypdf gives right-to-left lines in display order
            assert name in pypdf_text(pdf), script
        assert any(face in font for font in embedded(pdf)), (script, embedded(pdf))
        assert "\ufffd" not in pdftotext(pdf)


def test_every_character_of_the_names_has_a_face_that_draws_it() -> None:
    """No character falls through to a face without a glyph (an empty box on paper)."""
    from reportlab.pdfbase import pdfmetrics

    covered = fonts.register().covered
    for name, _face, _rtl in NAMES.values():
        for char in name:
            if char.isspace() or ord(char) in (0xFE0F,):
                continue
            font, run = fonts.runs(char)[0]
            if font is None:
                assert ord(char) in covered, char
            else:
                face = pdfmetrics.getFont(font).face
                assert ord(run) in face.charToGlyph, (char, font)


def test_emoji_past_the_basic_plane_keep_their_code_points_in_the_text() -> None:
    """ReportLab wrote U+1F600 as <1F600> in the ToUnicode map, read back as U+1F60 (ὠ)."""
    pdf = render_voucher(dataclasses.replace(sample_voucher(), guest_name="😀🦄🍕"))
    text = pdftotext(pdf)
    assert "😀🦄🍕" in text and "ὠ" not in text


def test_an_emoji_variation_selector_is_not_drawn_as_a_box() -> None:
    assert [run for _font, run in fonts.runs("☕\ufe0f ok")] == ["☕", " ok"] or \
        "".join(run for _font, run in fonts.runs("☕\ufe0f ok")) == "☕ ok"


def test_a_hebrew_name_inside_a_latin_sentence_reads_in_order() -> None:
    slip = dataclasses.replace(sample_apology(), body_paragraphs=("Dear שרה כהן, welcome.",))
    assert "Dear שרה כהן, welcome." in fold(pdftotext(render_apology(slip, "a4")))
