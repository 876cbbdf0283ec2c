"""Fonts for slips: shipped DejaVu Sans first, then a fallback face per script.

DejaVu Sans covers Latin, Greek and Cyrillic. Every other character goes to the shipped face
that draws it (the fallback chain, ``_font_for``): Noto Sans Arabic, Hebrew, Devanagari and
Thai by script; Droid Sans Fallback for Chinese and Japanese (han, kana, full-width forms);
Symbola for emoji and symbols DejaVu lacks. All are TrueType files that ReportLab embeds
(subset) in the PDF, so a name in any of these scripts prints the same on any printer and
stays in the PDF's text. Hangul, which none covers, goes to ReportLab's built-in Korean CID
font (not embedded: the viewer supplies the glyphs). Arabic and Hebrew right-to-left order
and Arabic shaping are done before layout (``desktop.slips.rtl``); Devanagari and Thai are
set without shaping (ReportLab has none): each character drawn, conjuncts not formed.

DejaVu is registered once per process (``register``); the other files (the CJK one is 4 MB,
Symbola 3 MB) only when a slip first needs them (``_extra``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

import resources

__all__ = [
    "ARABIC",
    "ARABIC_BOLD",
    "BOLD",
    "CJK",
    "DEVANAGARI",
    "FILES",
    "HANGUL",
    "HEBREW",
    "REGULAR",
    "SYMBOLS",
    "THAI",
    "FontSet",
    "is_arabic",
    "markup",
    "register",
    "runs",
    "text_width",
    "weighted",
]

REGULAR = "AmendsSans"
BOLD = "AmendsSans-Bold"
ARABIC = "AmendsArabic"
ARABIC_BOLD = "AmendsArabic-Bold"
CJK = "AmendsCJK"  # one weight only: bold CJK text is set in the same face
HANGUL = "HYGothic-Medium"
HEBREW = "AmendsHebrew"
DEVANAGARI = "AmendsDevanagari"
THAI = "AmendsThai"
SYMBOLS = "AmendsSymbols"  # emoji (monochrome) and symbols; one weight

# Each fallback face's bold twin (a face missing here has one weight).
_BOLD_OF = {ARABIC: ARABIC_BOLD, HEBREW: f"{HEBREW}-Bold", DEVANAGARI: f"{DEVANAGARI}-Bold",
            THAI: f"{THAI}-Bold"}
# The shipped file of each face (resources/fonts), also read by the receipt printer's raster.
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
         ARABIC: "NotoSansArabic-Regular.ttf", ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
         HEBREW: "NotoSansHebrew-Regular.ttf", f"{HEBREW}-Bold": "NotoSansHebrew-Bold.ttf",
         DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
         f"{DEVANAGARI}-Bold": "NotoSansDevanagari-Bold.ttf",
         THAI: "NotoSansThai-Regular.ttf", f"{THAI}-Bold": "NotoSansThai-Bold.ttf",
         CJK: "DroidSansFallbackFull.ttf", HANGUL: "DroidSansFallbackFull.ttf",
         SYMBOLS: "Symbola.ttf"}
# Scripts set in a face of their own, whatever DejaVu has (its Hebrew is partial).
_SCRIPT_RANGES: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    (HEBREW, ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    (DEVANAGARI, ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))),
    (THAI, ((0x0E00, 0x0E7F),)),
)
# Emoji presentation selectors: a hint, not a character to draw (no face draws them).
_SELECTORS = frozenset({0xFE0E, 0xFE0F})
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


def _utf16_hex(code: int) -> str:
    """A code point as the UTF-16BE hex a ToUnicode map wants (a surrogate pair past FFFF)."""
    return code.to_bytes(4, "big").hex().upper()[4:] if code <= 0xFFFF else \
        chr(code).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, with characters past U+FFFF written as UTF-16 pairs.

    ReportLab 4/5 writes ``<%04X>``, so an emoji (U+1F600) became ``<1F600>``, which readers
    take as U+1F60 "ὠ": the character printed but was lost from the PDF's text.
    """
    cmap = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
            "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
            "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)),
            "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end",
            "end"]
    return "\n".join(cmap)


@functools.cache
def register() -> FontSet:
    """Register the slip fonts with ReportLab once per process and return their coverage."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # module global ReportLab calls when saving
    regular = TTFont(REGULAR, str(resources.path("fonts", "DejaVuSans.ttf")))
    bold = TTFont(BOLD, str(resources.path("fonts", "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    # <b> inside a paragraph looks fonts up by family; map each style to a real font.
    for name, bold_name in ((REGULAR, BOLD), (CJK, CJK), (HANGUL, HANGUL), (SYMBOLS, SYMBOLS),
                            *_BOLD_OF.items()):
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
    """Register a shipped fallback face on first use (the CJK file is 4 MB)."""
    register()
    pdfmetrics.registerFont(_face(name))
    return name


@functools.cache
def _face(name: str) -> TTFont:
    return TTFont(name, str(resources.path("fonts", FILES[name])))


@functools.cache
def _symbols() -> frozenset[int]:
    """The code points Symbola draws (read once, when a slip first has a character that
    neither DejaVu nor a script face covers)."""
    return frozenset(_face(SYMBOLS).face.charToGlyph)


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
    # Arabic and Hebrew before DejaVu's own coverage: DejaVu has some of their glyphs, Noto
    # has them all, and drawn far better.
    if _in(_ARABIC_RANGES, code):
        return _extra(ARABIC)
    for face, ranges in _SCRIPT_RANGES:
        if _in(ranges, code):
            return _extra(face)
    if code in covered:
        return None
    if _in(_HANGUL_RANGES, code):
        return HANGUL
    if _in(_CJK_RANGES, code):
        return _extra(CJK)
    if code in _symbols():
        return _extra(SYMBOLS)
    # Nothing we ship draws it; leave it in the main font (shows as a box, text stays).
    return None


def runs(text: str) -> list[tuple[str | None, str]]:
    """Split ``text`` into (fallback font or None, run) pieces."""
    covered = register().covered
    pieces: list[tuple[str | None, str]] = []
    for char in text:
        if ord(char) in _SELECTORS:
            continue
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
    twin = _BOLD_OF.get(font)
    return _extra(twin) if bold and twin else font


def weighted(font: str, bold: bool) -> str:
    """The face a fallback run is set in: its bold twin in bold text, where it has one."""
    return _weight(font, bold)


def text_width(text: str, font: str, size: float) -> float:
    """Width of plain ``text`` in points when set in ``font`` with fallbacks applied."""
    # float(): reportlab ships no type hints, so stringWidth's result is Any to mypy.
    bold = font == BOLD
    return float(sum(pdfmetrics.stringWidth(run, _weight(fallback, bold) if fallback else font,
                                            size)
                     for fallback, run in runs(text)))
