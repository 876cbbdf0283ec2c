"""Right-to-left text on slips: Arabic shaped and ordered before ReportLab lays it out.

ReportLab sets glyphs left to right as given and does not join Arabic letters (its own
shaping needs uharfbuzz and rlbidi, which are not dependencies). So a paragraph whose first
strong character is right-to-left is broken into lines here, in reading (logical) order,
each line shaped by ``arabic_reshaper`` (the joined presentation forms of each letter) and
put in display order by ``python-bidi``; the lines are then set right-aligned (or centred)
as one Paragraph. Breaking before reordering is what keeps the first words on the first line.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from desktop.core.text_direction import first_strong_direction
from desktop.slips import fonts

__all__ = ["RtlParagraph", "is_rtl", "mixed_visual", "visual"]


def is_rtl(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strong character is R or AL."""
    return first_strong_direction(text) == "rtl"


@functools.cache
def _reshaper() -> Any:
    import arabic_reshaper  # only slips with Arabic pay for loading it

    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def visual(line: str) -> str:
    """One line of logical-order text, shaped and in display order (left to right)."""
    from bidi import get_display

    return str(get_display(_reshaper().reshape(line), base_dir="R"))


def mixed_visual(text: str) -> str:
    """A left-to-right paragraph with right-to-left words in it ("Dear שרה כהן,"): those
    words shaped and put in display order; text with none is returned as it is."""
    if not any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return text
    from bidi import get_display

    return str(get_display(_reshaper().reshape(text), base_dir="L"))


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaks at spaces, in logical order, measured on the shaped text."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and fonts.text_width(_reshaper().reshape(trial), font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


class RtlParagraph(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A paragraph of right-to-left text; lines are broken when the width is known."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._inner: Paragraph | None = None

    def _paragraph(self, width: float) -> Paragraph:
        bold = self.style.fontName == fonts.BOLD
        lines = _lines(self.text, self.style.fontName, self.style.fontSize, width)
        alignment = TA_CENTER if self.style.alignment == TA_CENTER else TA_RIGHT
        style = ParagraphStyle(f"{self.style.name}-rtl", self.style, alignment=alignment)
        body = "<br/>".join(fonts.markup(visual(line), bold) for line in lines)
        return Paragraph(body, style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._inner = self._paragraph(availWidth)
        width, height = self._inner.wrap(availWidth, availHeight)
        return float(width), float(height)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = self._paragraph(availWidth).split(availWidth, availHeight)
        return parts

    def draw(self) -> None:
        assert self._inner is not None  # platypus wraps before it draws
        self._inner.drawOn(self.canv, 0, 0)
