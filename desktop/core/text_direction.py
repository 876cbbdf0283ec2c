"""Which way a text reads: by its first letter of a strong direction (Unicode's bidirectional
class R or AL, right to left; L, left to right). One rule for the slips (``desktop.slips.rtl``)
and the sign-in screen's language check (``desktop.ui.app``); no Qt, no ReportLab.
"""

from __future__ import annotations

import unicodedata


def first_strong_direction(text: str) -> str | None:
    """"rtl" or "ltr" by the first character of a strong direction; None if none has one."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return None
