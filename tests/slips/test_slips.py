"""Voucher and apology PDFs, read back with pypdf: content, escaping, layout and sizing."""

from __future__ import annotations

import dataclasses
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
import qrcode
import qrcode.constants
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from desktop.core import vouchers
from desktop.core.letter import compose
from desktop.slips import (
    ApologySlip,
    PageSize,
    TemplateError,
    VoucherSlip,
    apology_story,
    fill_apology,
    load_apology_template,
    render_apology,
    render_voucher,
    sample_apology,
    sample_voucher,
    voucher_story,
)
from desktop.slips.qr import QrFlowable
from desktop.slips.render import ELLIPSIS

SIZES = list(PageSize)
ROLL_WIDTH_PT = 80 * mm


# --------------------------------------------------------------------------- helpers


def squash(text: str) -> str:
    return " ".join(text.split())


def reader(pdf: bytes) -> pypdf.PdfReader:
    assert pdf.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return squash(" ".join(page.extract_text() for page in reader(pdf).pages))


def text_positions(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """(x, y) in page space of every non-blank text run on ``page``."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, text))

    page.extract_text(visitor_text=visit)
    return found


def flowables(story: list[Flowable]) -> Iterator[Flowable]:
    """Every flowable, including paragraphs inside table cells."""
    for item in story:
        yield item
        if isinstance(item, Table):
            for row in item._cellvalues:
                for cell in row:
                    yield from flowables(cell if isinstance(cell, list) else [cell])


def overflowing_lines(story: list[Flowable], width: float) -> int:
    """Lines of any paragraph that end up wider than the space they were given."""
    count = 0
    for item in story:
        item.wrap(width, 1e7)
    for item in flowables(story):
        if isinstance(item, Paragraph):
            for line in item.blPara.lines:
                extra = line[0] if isinstance(line, tuple) else line.extraSpace
                count += extra < -0.5
    return count


def voucher_for(guest: str, value: str, **changes: object) -> VoucherSlip:
    base = sample_voucher()
    return dataclasses.replace(base, guest_name=guest, value_text=value, **changes)


def apology_for(guest: str, **changes: object) -> ApologySlip:
    base = sample_apology()
    letter = compose(load_apology_template(None), language="en", guest_name=guest,
                     words="the cold soup at dinner", gestures=[("comp", "€12.00")],
                     ask_for="Marta", site_name=base.site_name)
    return dataclasses.replace(base, guest_name=guest, body_paragraphs=letter.paragraphs,
                               **changes)


GUESTS = [
    ("Zoë Lindqvist", "€25.00"),
    ("José Martínez", "€45.00"),
    ("Tomasz Wiśniewski", "120,00 zł"),
    ("Γιώργος Παπαδόπουλος", "€30.00"),
    ("Анна Кузнецова", "2 500 ₽"),
    ("佐藤 美咲", "¥4,800"),
]


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("guest", "value"), GUESTS)
def test_every_voucher_field_is_printed(guest: str, value: str, size: PageSize) -> None:
    slip = voucher_for(guest, value)
    pdf = render_voucher(slip, size)
    text = text_of(pdf)
    for field in (
        slip.site_name,
        slip.site_address,
        slip.guest_name,
        slip.purpose,
        slip.value_text,
        slip.code,
        slip.issued_on,
        slip.expires_on,
        slip.issued_by,
        *slip.terms,
    ):
        assert squash(field) in text, (field, text)
    assert len(reader(pdf).pages) == 1


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("guest", "value"), GUESTS)
def test_every_apology_field_is_printed(guest: str, value: str, size: PageSize) -> None:
    slip = apology_for(guest)
    text = text_of(render_apology(slip, size))
    for field in (
        slip.site_name,
        slip.site_address,
        slip.guest_name,
        *slip.body_paragraphs,
        slip.signature,
    ):
        assert squash(field) in text, (field, text)
    assert f"Dear {guest}," in text


def test_cjk_runs_use_the_embedded_cjk_font_only_when_needed() -> None:
    def font_names(pdf: bytes) -> set[str]:
        page = reader(pdf).pages[0]
        fonts = page["/Resources"]["/Font"]
        return {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}

    japanese = font_names(render_voucher(voucher_for("佐藤 美咲", "¥4,800"), "roll80"))
    latin = font_names(render_voucher(voucher_for("Zoë Lindqvist", "€25.00"), "roll80"))
    # Droid Sans Fallback, embedded (a subset) so any printer draws it.
    assert any("DroidSansFallback" in name for name in japanese), japanese
    assert not any("DroidSansFallback" in name for name in latin)
    korean = text_of(render_voucher(voucher_for("김민준", "₩50,000"), "roll80"))
    assert "김민준" in korean


@pytest.mark.parametrize("size", SIZES)
def test_markup_characters_are_printed_verbatim(size: PageSize) -> None:
    nasty = '<b>Tom & "Jerry"</b>'
    purpose = "Fish &amp; chips <i>not italic</i> <font name=x> & <br/>"
    voucher = voucher_for(nasty, "€1.00", purpose=purpose, terms=["<para>1 < 2 & 3 > 2</para>"])
    text = text_of(render_voucher(voucher, size))
    assert nasty in text
    assert squash(purpose) in text
    assert "<para>1 < 2 & 3 > 2</para>" in text

    apology = apology_for(nasty, signature="<script>alert(1)</script>")
    text = text_of(render_apology(apology, size))
    assert f"Dear {nasty}," in text
    assert "<script>alert(1)</script>" in text


def test_control_characters_and_surrogates_do_not_break_rendering() -> None:
    slip = voucher_for("Zoë\x00\x07\nLindqvist\t", "€1.00", purpose="a\ud800b")
    text = text_of(render_voucher(slip, "roll80"))
    assert "Zoë Lindqvist" in text
    assert "a\ufffdb" in text


# --------------------------------------------------------------------------- long text


LONG_WORDS = " ".join(["breakfast"] * 600)  # ~6,000 characters of ordinary words
LONG_TOKEN = "X" * 5000  # one unbreakable "word"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("purpose", [LONG_WORDS, LONG_TOKEN], ids=["words", "token"])
def test_very_long_description_is_capped_and_stays_on_the_page(
    purpose: str, size: PageSize
) -> None:
    slip = voucher_for("José Martínez", "€45.00", purpose=purpose)
    pdf = render_voucher(slip, size)
    pages = reader(pdf).pages
    assert len(pages) == 1
    text = text_of(pdf)
    assert ELLIPSIS in text
    assert len(text) < len(purpose)  # capped, not printed in full
    assert "K7Q-M4X-TP2" in text  # the rest of the slip is still there

    page = pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    for x, y, _ in text_positions(page):
        assert 0 <= x <= width and 0 <= y <= height
    story = voucher_story(slip, size)
    content_width = ROLL_WIDTH_PT - 8 * mm if size is PageSize.ROLL80 else 120 * mm
    assert overflowing_lines(story, content_width) == 0


def test_long_unbreakable_token_is_broken_across_lines() -> None:
    slip = voucher_for("W" * 100, "€45.00", purpose="Y" * 300)
    page = reader(render_voucher(slip, "roll80")).pages[0]
    lines = [t for _, _, t in text_positions(page) if set(t.strip()) == {"Y"}]
    assert len(lines) > 3  # wrapped over several lines rather than running off the edge
    assert sum(len(t.strip()) for t in lines) == 300
    assert overflowing_lines(voucher_story(slip, "roll80"), ROLL_WIDTH_PT - 8 * mm) == 0


@pytest.mark.parametrize("size", SIZES)
def test_pathological_guest_name_is_capped_with_ellipsis(size: PageSize) -> None:
    slip = voucher_for("Ü" * 10_000, "€45.00")
    pdf = render_voucher(slip, size)
    text = text_of(pdf)
    assert "Ü" * 50 + "" in text.replace(" ", "")
    assert text.count("Ü") <= 120
    assert ELLIPSIS in text
    assert len(reader(pdf).pages) == 1


def test_long_apology_flows_onto_more_sheets_but_stays_one_roll_page() -> None:
    paragraphs = [f"Paragraph {i}. " + "We are very sorry about this. " * 60 for i in range(15)]
    slip = dataclasses.replace(sample_apology(), body_paragraphs=paragraphs)
    a4 = render_apology(slip, "a4")
    assert len(reader(a4).pages) > 1
    assert "Hotel Miradouro" in text_of(a4).split("Paragraph 14.")[1]  # the signature, last
    roll = reader(render_apology(slip, "roll80"))
    assert len(roll.pages) == 1
    assert "Paragraph 14." in text_of(render_apology(slip, "roll80"))


# --------------------------------------------------------------------------- reprint


@pytest.mark.parametrize("size", SIZES)
def test_reprint_marking_only_on_reprints(size: PageSize) -> None:
    assert "REPRINT" not in text_of(render_voucher(sample_voucher(), size))
    assert "REPRINT" not in text_of(render_apology(sample_apology(), size))
    reprinted = text_of(render_voucher(sample_voucher(reprint=True), size))
    assert reprinted.count("REPRINT") == 2  # top and bottom: survives a torn slip
    assert "not an extra voucher" in reprinted
    assert "REPRINT" in text_of(render_apology(sample_apology(reprint=True), size))


# --------------------------------------------------------------------------- page size


def test_sheet_sizes() -> None:
    a4 = reader(render_voucher(sample_voucher(), "a4")).pages[0].mediabox
    letter = reader(render_voucher(sample_voucher(), PageSize.LETTER)).pages[0].mediabox
    assert (round(float(a4.width) / mm), round(float(a4.height) / mm)) == (210, 297)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


@pytest.mark.parametrize("render", [render_voucher, render_apology])
def test_roll_page_is_80mm_wide_and_as_long_as_its_content(render: object) -> None:
    slip = sample_voucher() if render is render_voucher else sample_apology()
    pdf = render(slip, "roll80")  # type: ignore[operator]
    pages = reader(pdf).pages
    assert len(pages) == 1
    page = pages[0]
    assert float(page.mediabox.width) == pytest.approx(ROLL_WIDTH_PT, abs=0.01)
    height = float(page.mediabox.height)
    ys = [y for _, y, _ in text_positions(page)]
    # First baseline sits just under the 5 mm top margin, last one just above the bottom one.
    assert height - 5 * mm - 20 < max(ys) < height - 5 * mm
    assert 5 * mm <= min(ys) < 5 * mm + 12


def test_longer_roll_slip_makes_a_longer_page() -> None:
    short = sample_voucher()
    longer = dataclasses.replace(short, terms=[*short.terms, *short.terms, "One more term."])
    h_short = float(reader(render_voucher(short, "roll80")).pages[0].mediabox.height)
    h_long = float(reader(render_voucher(longer, "roll80")).pages[0].mediabox.height)
    assert h_long > h_short + 20
    a4_short = reader(render_voucher(short, "a4")).pages[0].mediabox.height
    a4_long = reader(render_voucher(longer, "a4")).pages[0].mediabox.height
    assert a4_short == a4_long


def test_page_size_accepts_strings_and_rejects_unknown() -> None:
    assert render_voucher(sample_voucher(), "letter") == render_voucher(
        sample_voucher(), PageSize.LETTER
    )
    with pytest.raises(ValueError):
        render_voucher(sample_voucher(), "a5")


def test_rendering_is_deterministic() -> None:
    assert render_voucher(sample_voucher(), "roll80") == render_voucher(sample_voucher(), "roll80")
    assert render_apology(sample_apology(), "a4") == render_apology(sample_apology(), "a4")


# --------------------------------------------------------------------------- QR code


def reference_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The same payload encoded by the qrcode package's own, unmodified pipeline."""
    ref = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    ref.add_data(payload.encode("utf-8"), optimize=0)
    ref.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in ref.modules)


@pytest.mark.parametrize("size", SIZES)
def test_qr_is_built_from_the_exact_payload_and_big_enough(size: PageSize) -> None:
    slip = sample_voucher()
    codes = [f for f in voucher_story(slip, size) if isinstance(f, QrFlowable)]
    assert len(codes) == 1
    qr = codes[0]
    assert qr.payload == slip.qr_payload
    assert qr.matrix == reference_matrix(slip.qr_payload)
    assert qr.size >= 60 * mm
    # At 203 dpi (8 dots/mm) every module must get at least 4 printer dots.
    module_mm = qr.size / mm / (len(qr.matrix) + 8)
    assert module_mm * 8 >= 4


def test_sample_token_verifies_and_matches_the_slip() -> None:
    slip = sample_voucher()
    claim = vouchers.verify_voucher(slip.qr_payload, {"sample-desk": _sample_key()})
    assert vouchers.format_code(claim.code) == slip.code
    assert claim.guest_name == slip.guest_name
    assert vouchers.check_code(slip.code) is vouchers.CodeStatus.OK


def _sample_key() -> bytes:
    from desktop.slips.samples import sample_public_key

    return sample_public_key()


# --------------------------------------------------------------------------- apology template


FIELDS = {
    "guest_name": "Zoë Lindqvist",
    "guest_words": "The noise from the corridor last night.",
    "gestures": "breakfast for two tomorrow",
    "ask_for": "Marta",
}


def test_fill_apology_with_gesture() -> None:
    body = fill_apology(load_apology_template(None), **FIELDS)
    joined = " ".join(body)
    assert body[0] == "Dear Zoë Lindqvist,"
    for value in FIELDS.values():
        assert value in joined
    assert "{" not in joined


@pytest.mark.parametrize("gesture", [None, "", "   "])
def test_gesture_sentence_is_omitted_without_a_gesture(gesture: str | None) -> None:
    fields = {k: v for k, v in FIELDS.items() if k != "gestures"}
    if gesture is not None:
        fields["gestures"] = gesture
    with_gesture = " ".join(fill_apology(load_apology_template(None), **FIELDS))
    without = " ".join(fill_apology(load_apology_template(None), **fields))
    assert "like to offer you" in with_gesture
    assert "like to offer you" not in without
    assert "putting it right" in without  # the rest of that paragraph stays


def test_an_alternative_is_used_when_a_field_is_empty() -> None:
    without_name = fill_apology(load_apology_template(None), **dict(FIELDS, guest_name=" "))
    assert without_name[0] == "Dear guest,"


def test_field_values_are_not_re_expanded() -> None:
    sneaky = dict(FIELDS, guest_name="{guest_words} {0} {guest_name.__class__} {{x}}")
    body = fill_apology(load_apology_template(None), **sneaky)
    assert body[0] == "Dear {guest_words} {0} {guest_name.__class__} {{x}},"


def test_unknown_field_is_rejected() -> None:
    with pytest.raises(TypeError):
        fill_apology(load_apology_template(None), room="101", **FIELDS)


@pytest.mark.parametrize(
    "sentence",
    ["{room}", "{guest_name.__class__}", "{guest_name!r}", "{guest_name:>40}", "{}", "{0}", "{x"],
)
def test_bad_placeholders_are_rejected(sentence: str) -> None:
    with pytest.raises(TemplateError):
        fill_apology({"version": 1, "paragraphs": [[sentence]]}, **FIELDS)


def test_literal_braces_and_empty_paragraph_dropped() -> None:
    template = {"version": 1, "paragraphs": [["{{ok}} {guest_name}"], ["Only {gestures}."]]}
    assert fill_apology(template, guest_name="Zoë") == ["{ok} Zoë"]


@pytest.mark.parametrize(
    "bad",
    [
        "not json",
        json.dumps({"version": 3, "paragraphs": [["Hi"]]}),
        json.dumps({"version": 2, "paragraphs": [["Hi"]]}),  # no gesture words
        json.dumps({"version": 1, "paragraphs": []}),
        json.dumps({"version": 1, "paragraphs": ["Hi"]}),
        json.dumps({"version": 1, "paragraphs": [["Hi {room}"]]}),
        json.dumps([1, 2]),
    ],
)
def test_invalid_override_falls_back_to_shipped(
    tmp_path: Path, bad: str, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "apology.json").write_text(bad, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        template = load_apology_template(tmp_path)
    assert template == load_apology_template(None)
    assert "apology.json" in caplog.text


def test_valid_override_is_used(tmp_path: Path) -> None:
    custom = {"version": 1, "paragraphs": [["Hej {guest_name}!"], ["Förlåt."]]}
    # With a byte-order mark, as Windows Notepad may save it.
    (tmp_path / "apology.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(custom).encode())
    template = load_apology_template(tmp_path)
    assert fill_apology(template, guest_name="Zoë") == ["Hej Zoë!", "Förlåt."]


def test_missing_override_uses_shipped(tmp_path: Path) -> None:
    shipped = load_apology_template(None)
    assert load_apology_template(tmp_path) == shipped
    assert shipped["version"] == 2


# --------------------------------------------------------------------------- property


printable = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 <>&\"'{}/;#=éüßøΩЖλ")), min_size=1, max_size=60
).filter(lambda s: s.strip())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printable)
def test_any_typed_name_prints_verbatim(name: str) -> None:
    slip = apology_for(name)
    story = apology_story(slip, "roll80")
    assert overflowing_lines(story, ROLL_WIDTH_PT - 8 * mm) == 0
    assert squash(name) in text_of(render_apology(slip, "roll80"))
