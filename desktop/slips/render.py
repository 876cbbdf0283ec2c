"""Lay out voucher and apology slips as PDF bytes with ReportLab platypus.

Everything on a slip is someone's typed text, so every string goes through ``_plain``:
control characters dropped, whitespace collapsed, pathological lengths cut with "…", and
XML-escaped, because ReportLab's Paragraph would otherwise read ``<`` and ``&`` as markup.
Over-long unbreakable words are split across lines by Paragraph's ``splitLongWords``.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from desktop.slips import fonts
from desktop.slips.model import ApologySlip, PageSize, VoucherSlip
from desktop.slips.qr import QrFlowable
from desktop.slips.rtl import RtlParagraph, is_rtl, mixed_visual

__all__ = ["apology_story", "render_apology", "render_voucher", "voucher_story"]

# Caps on typed text (characters). Generous for real names and notes; they exist so a
# pasted essay cannot turn a receipt into a metre of paper.
LIMIT_NAME = 120
LIMIT_ADDRESS = 300
LIMIT_SHORT = 80
LIMIT_PURPOSE = 400
LIMIT_TERM = 500
LIMIT_PARAGRAPH = 1500
MAX_TERMS = 15
MAX_PARAGRAPHS = 15
ELLIPSIS = "…"

_ROLL_WIDTH = 80 * mm
# Most 80 mm printers print 72 mm wide; keep content inside that.
_ROLL_MARGIN_X = 4 * mm
_ROLL_MARGIN_Y = 5 * mm
_SHEET_MARGIN = 20 * mm
# The widest a voucher gets on a sheet, so A4/Letter vouchers still look like vouchers.
_SHEET_VOUCHER_WIDTH = 120 * mm
_ROLL_QR = 64 * mm
_SHEET_QR = 60 * mm


def _plain(text: str, limit: int) -> str:
    """Printable single-paragraph text, at most ``limit`` characters (ellipsis included)."""
    kept: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if char.isspace():
            kept.append(" ")
        elif category == "Cs":
            kept.append("\ufffd")  # lone surrogate: cannot be encoded, show it was there
        elif category != "Cc":
            kept.append(char)
    cleaned = " ".join("".join(kept).split())
    if len(cleaned) <= limit:
        return cleaned
    cut = cleaned[: limit - 1]
    # Prefer ending at a word boundary if one is near the end.
    space = cut.rfind(" ")
    if space >= limit * 0.85:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


@dataclass(frozen=True)
class _Scale:
    """Type sizes for one kind of paper."""

    body: float
    small: float
    heading: float
    name: float
    value: float
    code: float


_ROLL_SCALE = _Scale(body=9, small=7.5, heading=12, name=12, value=22, code=26)
_SHEET_SCALE = _Scale(body=11, small=9, heading=16, name=15, value=28, code=32)


class _Styles:
    """Paragraph styles for one slip, built from a scale."""

    def __init__(self, scale: _Scale, rtl: bool = False) -> None:
        fonts.register()
        self.scale, self.rtl = scale, rtl
        # A slip in a right-to-left language starts its lines on the right, Latin names too.
        start = TA_RIGHT if rtl else TA_LEFT
        base = ParagraphStyle(
            "base",
            fontName=fonts.REGULAR,
            fontSize=scale.body,
            leading=scale.body * 1.3,
            alignment=TA_CENTER,
            splitLongWords=1,
            spaceBefore=0,
        )
        self.body = base
        self.body_left = ParagraphStyle("body_left", base, alignment=start, spaceAfter=5)
        self.small = ParagraphStyle("small", base, fontSize=scale.small, leading=scale.small * 1.3)
        self.small_left = ParagraphStyle("small_left", self.small, alignment=start)
        self.bullet = ParagraphStyle(
            "bullet",
            self.small_left,
            leftIndent=scale.small,
            bulletIndent=0,
            bulletFontName=fonts.REGULAR,
            bulletFontSize=scale.small,
        )
        self.label = ParagraphStyle("label", self.small, spaceAfter=0, textColor=colors.black)
        self.heading = ParagraphStyle(
            "heading",
            base,
            fontName=fonts.BOLD,
            fontSize=scale.heading,
            leading=scale.heading * 1.25,
        )
        self.name = ParagraphStyle(
            "name", base, fontName=fonts.BOLD, fontSize=scale.name, leading=scale.name * 1.25
        )
        self.name_left = ParagraphStyle("name_left", self.name, alignment=start, spaceAfter=6)
        self.bold_left = ParagraphStyle("bold_left", self.body_left, fontName=fonts.BOLD)
        self.banner = ParagraphStyle(
            "banner",
            base,
            fontName=fonts.BOLD,
            fontSize=scale.heading,
            leading=scale.heading * 1.25,
            textColor=colors.white,
        )
        self.banner_note = ParagraphStyle("banner_note", self.small, textColor=colors.white)

    def fitted(self, text: str, max_size: float, width: float) -> ParagraphStyle:
        """A bold centred style as large as ``max_size`` that fits ``text`` on one line."""
        natural = fonts.text_width(text, fonts.BOLD, 1.0)
        size = max_size if natural <= 0 else min(max_size, width / natural * 0.98)
        # Below body size, wrapping beats shrinking.
        size = max(size, self.scale.body)
        return ParagraphStyle(
            f"fitted{size:.2f}",
            self.body,
            fontName=fonts.BOLD,
            fontSize=size,
            leading=size * 1.2,
        )


def _para(text: str, style: ParagraphStyle, space_after: float = 0) -> Flowable:
    """A Paragraph of plain, already-clipped text (right-to-left text is shaped: ``rtl``)."""
    paragraph = (RtlParagraph(text, style) if is_rtl(text)
                 else Paragraph(fonts.markup(mixed_visual(text), style.fontName == fonts.BOLD),
                                style))
    paragraph.spaceAfter = space_after
    return paragraph


def _banner(title: str, note: str, styles: _Styles, width: float) -> Table:
    """White-on-black block that marks a reprint; clear on thermal paper and photocopies."""
    rows: list[list[Flowable]] = [[_para(_plain(title, LIMIT_SHORT), styles.banner)]]
    if note:
        rows.append([_para(_plain(note, LIMIT_PURPOSE), styles.banner_note)])
    table = Table(rows, colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    table.spaceAfter = 6
    return table


def _rule(space_after: float = 5) -> HRFlowable:
    return HRFlowable(
        width="100%", thickness=0.6, color=colors.black, spaceBefore=0, spaceAfter=space_after
    )


def _details(rows: Sequence[tuple[str, str]], styles: _Styles, width: float) -> Table:
    """Label/value pairs as a two-column table; long values wrap inside their column. Right to
    left, the label is the right-hand column, read first."""
    data = [
        [_para(_plain(label, LIMIT_SHORT), styles.small_left), _para(value, styles.bold_left)]
        for label, value in rows
    ]
    widths = [width * 0.36, width * 0.64]
    if styles.rtl:
        data, widths = [row[::-1] for row in data], widths[::-1]
    table = Table(data, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    table.spaceAfter = 6
    return table


def _geometry(size: PageSize, sheet_width: float | None) -> tuple[_Scale, float]:
    """Type scale and content width for a page size."""
    if size is PageSize.ROLL80:
        return _ROLL_SCALE, _ROLL_WIDTH - 2 * _ROLL_MARGIN_X
    page_width = (A4 if size is PageSize.A4 else LETTER)[0] - 2 * _SHEET_MARGIN
    return _SHEET_SCALE, min(page_width, sheet_width or page_width)


def voucher_story(slip: VoucherSlip, size: PageSize | str) -> list[Flowable]:
    """The flowables of a voucher slip, top to bottom (exposed so tests can inspect them)."""
    size = PageSize(size)
    scale, width = _geometry(size, _SHEET_VOUCHER_WIDTH)
    styles = _Styles(scale, rtl=is_rtl(slip.labels.title))
    labels = slip.labels
    story: list[Flowable] = []
    if slip.reprint:
        story.append(_banner(labels.reprint, labels.reprint_note, styles, width))

    story.append(_para(_plain(slip.site_name, LIMIT_NAME), styles.heading, 1))
    story.append(_para(_plain(slip.site_address, LIMIT_ADDRESS), styles.small, 5))
    story.append(_rule())
    story.append(_para(_plain(labels.title, LIMIT_SHORT), styles.heading, 4))

    story.append(_para(_plain(labels.guest, LIMIT_SHORT), styles.label))
    story.append(_para(_plain(slip.guest_name, LIMIT_NAME), styles.name, 4))
    story.append(_para(_plain(labels.purpose, LIMIT_SHORT), styles.label))
    story.append(_para(_plain(slip.purpose, LIMIT_PURPOSE), styles.body, 6))

    value = _plain(slip.value_text, LIMIT_SHORT)
    story.append(_para(_plain(labels.value, LIMIT_SHORT), styles.label))
    story.append(_para(value, styles.fitted(value, scale.value, width), 6))

    code = _plain(slip.code, LIMIT_SHORT)
    story.append(_para(_plain(labels.code, LIMIT_SHORT), styles.label))
    story.append(_para(code, styles.fitted(code, scale.code, width), 2))

    qr = QrFlowable(slip.qr_payload, min(width, _ROLL_QR if size is PageSize.ROLL80 else _SHEET_QR))
    qr.spaceAfter = 4
    story.append(qr)

    story.append(
        _details(
            [
                (labels.issued_on, _plain(slip.issued_on, LIMIT_SHORT)),
                (labels.expires_on, _plain(slip.expires_on, LIMIT_SHORT)),
                (labels.issued_by, _plain(slip.issued_by, LIMIT_SHORT)),
            ],
            styles,
            width,
        )
    )

    terms = [_plain(term, LIMIT_TERM) for term in slip.terms[:MAX_TERMS]]
    terms = [term for term in terms if term]
    if len(slip.terms) > MAX_TERMS:
        terms.append(ELLIPSIS)
    if terms:
        story.append(_rule(3))
        story.append(_para(_plain(labels.terms, LIMIT_SHORT), styles.small_left, 1))
        for term in terms:
            bullet = (RtlParagraph(f"• {term}", styles.bullet) if is_rtl(term)
                      else Paragraph(fonts.markup(term), styles.bullet, bulletText="•"))
            bullet.spaceAfter = 1
            story.append(bullet)

    if slip.reprint:
        story[-1].spaceAfter = max(story[-1].getSpaceAfter(), 6)
        story.append(_banner(labels.reprint, "", styles, width))
    return story


def apology_story(slip: ApologySlip, size: PageSize | str) -> list[Flowable]:
    """The flowables of an apology slip, top to bottom."""
    size = PageSize(size)
    scale, width = _geometry(size, None)
    styles = _Styles(scale, rtl=is_rtl(slip.labels.reprint))
    labels = slip.labels
    story: list[Flowable] = []
    if slip.reprint:
        story.append(_banner(labels.reprint, "", styles, width))

    story.append(_para(_plain(slip.site_name, LIMIT_NAME), styles.heading, 1))
    story.append(_para(_plain(slip.site_address, LIMIT_ADDRESS), styles.small, 5))
    story.append(_rule(8))
    story.append(_para(_plain(slip.guest_name, LIMIT_NAME), styles.name_left, 6))

    paragraphs = [_plain(p, LIMIT_PARAGRAPH) for p in slip.body_paragraphs[:MAX_PARAGRAPHS]]
    if len(slip.body_paragraphs) > MAX_PARAGRAPHS:
        paragraphs.append(ELLIPSIS)
    for paragraph in paragraphs:
        if paragraph:
            story.append(_para(paragraph, styles.body_left, 5))

    signature = _plain(slip.signature, LIMIT_NAME)
    if signature:
        story.append(_para(signature, styles.bold_left, 0))

    if slip.reprint:
        story[-1].spaceAfter = 6
        story.append(_banner(labels.reprint, "", styles, width))
    return story


def _measure(story: Sequence[Flowable], width: float) -> float:
    """Height the frame needs for ``story`` (spaceBefore is 0 throughout, see _Styles)."""
    total = 0.0
    for index, flowable in enumerate(story):
        _, height = flowable.wrap(width, 1e7)
        total += height
        if index:
            total += flowable.getSpaceBefore()
        if index < len(story) - 1:
            total += flowable.getSpaceAfter()
    return total


def _build(story: list[Flowable], size: PageSize, width: float, title: str, author: str) -> bytes:
    """Render ``story`` into a PDF: one exact-length page on a roll, flowing pages on sheets."""
    fonts.register()
    if size is PageSize.ROLL80:
        margin_x, margin_y = _ROLL_MARGIN_X, _ROLL_MARGIN_Y
        # 1 pt spare for ReportLab's own rounding; the roll is cut right after it anyway.
        page = (_ROLL_WIDTH, _measure(story, width) + 2 * margin_y + 1)
    else:
        page = A4 if size is PageSize.A4 else LETTER
        margin_x, margin_y = (page[0] - width) / 2, _SHEET_MARGIN
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=margin_x,
        rightMargin=margin_x,
        topMargin=margin_y,
        bottomMargin=margin_y,
        title=title,
        author=author,
        creator="Amends",
        invariant=1,  # same slip, same bytes: no timestamps or random IDs in the file
    )
    frame = Frame(margin_x, margin_y, width, page[1] - 2 * margin_y, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="slip")
    doc.addPageTemplates([PageTemplate(id="slip", frames=[frame])])
    doc.build(story)
    return buffer.getvalue()


def render_voucher(slip: VoucherSlip, size: PageSize | str = PageSize.ROLL80) -> bytes:
    """PDF bytes of a voucher slip."""
    size = PageSize(size)
    _, width = _geometry(size, _SHEET_VOUCHER_WIDTH)
    return _build(voucher_story(slip, size), size, width, _plain(slip.labels.title, LIMIT_SHORT),
                  _plain(slip.site_name, LIMIT_NAME))


def render_apology(slip: ApologySlip, size: PageSize | str = PageSize.ROLL80) -> bytes:
    """PDF bytes of an apology slip."""
    size = PageSize(size)
    _, width = _geometry(size, None)
    return _build(apology_story(slip, size), size, width, _plain(slip.site_name, LIMIT_NAME),
                  _plain(slip.site_name, LIMIT_NAME))
