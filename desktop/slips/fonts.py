"""Fonts for slips: shipped DejaVu Sans, plus ReportLab's CID fonts for CJK names.

DejaVu Sans covers Latin, Greek and Cyrillic. Characters it lacks are routed, run by run, to
one of ReportLab's built-in CID fonts (Japanese for kana and han, Korean for hangul). CID
fonts are not embedded in the PDF: the viewer or printer driver supplies the glyphs, which
desktop PDF viewers and Windows/macOS print paths do. Scripts needing shaping or
right-to-left layout (Arabic, Hebrew, Indic, Thai) are not supported.

Registration parses ~1.5 MB of TrueType, so it happens once per process (``register``).
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
    "BOLD",
    "CJK",
    "HANGUL",
    "REGULAR",
    "FontSet",
    "markup",
    "register",
    "runs",
    "text_width",
]

REGULAR = "AmendsSans"
BOLD = "AmendsSans-Bold"
CJK = "HeiseiKakuGo-W5"
HANGUL = "HYGothic-Medium"

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
    for name, bold_name in ((REGULAR, BOLD), (CJK, CJK), (HANGUL, HANGUL)):
        if name != REGULAR:
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


def _in(ranges: tuple[tuple[int, int], ...], code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


def _font_for(char: str, covered: frozenset[int]) -> str | None:
    """None means the paragraph's own font; otherwise the fallback font's name."""
    code = ord(char)
    if code in covered or char.isspace():
        return None
    if _in(_HANGUL_RANGES, code):
        return HANGUL
    if _in(_CJK_RANGES, code):
        return CJK
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


def markup(text: str) -> str:
    """Escape plain ``text`` for a Paragraph and wrap runs DejaVu lacks in a fallback font."""
    return "".join(
        escape(run) if font is None else f'<font name="{font}">{escape(run)}</font>'
        for font, run in runs(text)
    )


def text_width(text: str, font: str, size: float) -> float:
    """Width of plain ``text`` in points when set in ``font`` with fallbacks applied."""
    # float(): reportlab ships no type hints, so stringWidth's result is Any to mypy.
    return float(sum(pdfmetrics.stringWidth(run, fallback or font, size)
                     for fallback, run in runs(text)))
