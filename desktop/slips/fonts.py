"""Fonts for slips: shipped DejaVu Sans, Noto Sans Arabic and Droid Sans Fallback (CJK).

DejaVu Sans covers Latin, Greek and Cyrillic. Arabic runs are set in Noto Sans Arabic and
Chinese/Japanese runs (han, kana, full-width forms) in Droid Sans Fallback, both shipped
TrueType files that ReportLab embeds (subset) in the PDF, so a slip prints the same on any
printer. Hangul, which neither covers, still goes to ReportLab's built-in Korean CID font
(not embedded: the viewer supplies the glyphs). Arabic shaping and right-to-left order are
done before layout (``desktop.slips.rtl``); this module only picks fonts.

DejaVu is registered once per process (``register``); the Arabic and CJK files (the CJK one
is 4 MB) only when a slip first needs them (``_extra``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

import resources

__all__ = [
    "ARABIC",
    "ARABIC_BOLD",
    "BOLD",
    "CJK",
    "HANGUL",
    "REGULAR",
    "FontSet",
    "is_arabic",
    "markup",
    "register",
    "runs",
    "text_width",
]

REGULAR = "AmendsSans"
BOLD = "AmendsSans-Bold"
ARABIC = "AmendsArabic"
ARABIC_BOLD = "AmendsArabic-Bold"
CJK = "AmendsCJK"  # one weight only: bold CJK text is set in the same face
HANGUL = "HYGothic-Medium"

_EXTRA_FILES = {ARABIC: "NotoSansArabic-Regular.ttf", ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
                CJK: "DroidSansFallbackFull.ttf"}
_ARABIC_RANGES = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # supplement
    (0x08A0, 0x08FF),  # extended-A
    (0xFB50, 0xFDFF),  # presentation forms A (what shaping produces)
    (0xFE70, 0xFEFF),  # presentation forms B
)

_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
    (0x31F0, 0x31FF),  # katakana extensions
    (0x3400, 0x4DBF),  # han extension A
    (0x4E00, 0x9FFF),  # han
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x20000, 0x2FFFF),  # han extensions B and later
)


@dataclass(frozen=True)
class FontSet:
    """What ``register`` set up: the code points DejaVu Sans has glyphs for."""

    covered: frozenset[int]


@functools.cache
def register() -> FontSet:
    """Register the slip fonts with ReportLab once per process and return their coverage."""
    regular = TTFont(REGULAR, str(resources.path("fonts", "DejaVuSans.ttf")))
    bold = TTFont(BOLD, str(resources.path("fonts", "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    # <b> inside a paragraph looks fonts up by family; map each style to a real font.
    for name, bold_name in ((REGULAR, BOLD), (ARABIC, ARABIC_BOLD), (CJK, CJK),
                            (HANGUL, HANGUL)):
        if name == HANGUL:
            pdfmetrics.registerFont(UnicodeCIDFont(name))
        addMapping(name, 0, 0, name)
        addMapping(name, 1, 0, bold_name)
        addMapping(name, 0, 1, name)
        addMapping(name, 1, 1, bold_name)
    addMapping(BOLD, 0, 0, BOLD)
    addMapping(BOLD, 1, 0, BOLD)
    addMapping(BOLD, 0, 1, BOLD)
    addMapping(BOLD, 1, 1, BOLD)
    # Bold has (almost) the same repertoire; use the intersection to be safe.
    covered = frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)
    return FontSet(covered=covered)


@functools.cache
def _extra(name: str) -> str:
    """Register a shipped Arabic or CJK face on first use (the CJK file is 4 MB)."""
    register()
    pdfmetrics.registerFont(TTFont(name, str(resources.path("fonts", _EXTRA_FILES[name]))))
    return name


def is_arabic(char: str) -> bool:
    """Whether ``char`` is set in the Arabic face (letters, marks and presentation forms)."""
    return _in(_ARABIC_RANGES, ord(char))


def _in(ranges: tuple[tuple[int, int], ...], code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


def _font_for(char: str, covered: frozenset[int]) -> str | None:
    """None means the paragraph's own font; otherwise the fallback font's name."""
    code = ord(char)
    if char.isspace():
        return None
    # Arabic before DejaVu's own coverage: DejaVu has Arabic glyphs, Noto's are far better.
    if _in(_ARABIC_RANGES, code):
        return _extra(ARABIC)
    if code in covered:
        return None
    if _in(_HANGUL_RANGES, code):
        return HANGUL
    if _in(_CJK_RANGES, code):
        return _extra(CJK)
    # Nothing we ship draws it; leave it in the main font (shows as a box, text stays).
    return None


def runs(text: str) -> list[tuple[str | None, str]]:
    """Split ``text`` into (fallback font or None, run) pieces."""
    covered = register().covered
    pieces: list[tuple[str | None, str]] = []
    for char in text:
        font = _font_for(char, covered)
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + char)
        else:
            pieces.append((font, char))
    return pieces


def markup(text: str, bold: bool = False) -> str:
    """Escape plain ``text`` for a Paragraph and wrap runs DejaVu lacks in a fallback font
    (its bold face in a ``bold`` paragraph, where the font has one)."""
    return "".join(
        escape(run) if font is None else f'<font name="{_weight(font, bold)}">{escape(run)}</font>'
        for font, run in runs(text)
    )


def _weight(font: str, bold: bool) -> str:
    return _extra(ARABIC_BOLD) if bold and font == ARABIC else font


def text_width(text: str, font: str, size: float) -> float:
    """Width of plain ``text`` in points when set in ``font`` with fallbacks applied."""
    # float(): reportlab ships no type hints, so stringWidth's result is Any to mypy.
    bold = font == BOLD
    return float(sum(pdfmetrics.stringWidth(run, _weight(fallback, bold) if fallback else font,
                                            size)
                     for fallback, run in runs(text)))
