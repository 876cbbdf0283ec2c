"""The apology letter a guest takes home: composed from the language's sentence template,
reworded by the agent if they wish, and fixed once printed.

What goes in, so the letter stays grammatical whatever was typed:

- the guest's own words from the Review step, quoted (tidied: spaces, a capital, one full
  stop), or the sentence's alternative without them when Review is empty;
- what was done: a fixed sentence of the template and the gestures, each by its guest-facing
  words ("a voucher worth €45.00") and value in the site's money. The agent's Fix note and
  gesture descriptions are notes for colleagues: they are never pasted into the letter, so
  the letter reads the same whether Fix is completed or not;
- one person to ask for: whoever prints it (else whoever opened the case), named once.

The agent may change the wording for this guest before printing (``Letter.reworded``). The
first print puts the letter's text on record (the ``slip.printed`` event carries it), and
every later print of the case's apology is that same text (``printed_letter``), marked
REPRINT by the slip. No Qt and no ReportLab here: the panel's preview and the slip share it.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from babel.lists import format_list

from desktop.core.apology_template import (
    GESTURE_WORDED,
    fill_apology,
    load_apology_template,
    shipped_template_name,
)
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import checked_text
from desktop.core.languages import language_of
from desktop.core.money import format_money
from desktop.core.views import OnShift

__all__ = ["GUEST_WORDS_LIMIT", "LETTER_LIMIT", "Letter", "compose", "compose_letter",
           "gesture_words", "guest_words", "letter_to_print", "printed_letter"]

GUEST_WORDS_LIMIT = 400  # the guest's words quoted in the letter, in characters
LETTER_LIMIT = 4000  # a reworded letter: a page, not an essay
_ENDINGS = "!?…！？؟"  # a quote that ends in one of these needs no full stop
_TRAILING = " .,;:·。、，；：،؛"  # stray punctuation a note ends with ("cold..", "cold ,")
_NO_SPACE_STOPS = ("。", "．")  # languages whose sentences follow each other without a space
_QUOTES = "\"'“”„‘’«»「」『』‹›"


@dataclass(frozen=True, slots=True)
class Letter:
    """The letter's text as printed: paragraphs from the greeting to the closing line, and
    the signature under them (the site)."""

    language: str
    paragraphs: tuple[str, ...]
    signature: str
    edited: bool = False  # the agent changed the wording for this guest

    @property
    def text(self) -> str:
        """The paragraphs as the agent edits them: one blank line between paragraphs."""
        return "\n\n".join(self.paragraphs)

    def reworded(self, text: str) -> Letter:
        """This letter with the agent's own wording; blank lines part paragraphs.

        Refused when nothing is left (EMPTY_LETTER), it is longer than a letter
        (TEXT_TOO_LONG) or not storable text (INVALID_TEXT); control characters are dropped.
        """
        clean = "".join(char for char in checked_text(text, "letter")
                        if char in "\n\t" or unicodedata.category(char) != "Cc")
        if len(clean) > LETTER_LIMIT:
            raise DeskError(Refusal.TEXT_TOO_LONG, str(len(clean)))
        paragraphs = tuple(" ".join(block.split()) for block in _blocks(clean))
        if not paragraphs:
            raise DeskError(Refusal.EMPTY_LETTER, "")
        return Letter(self.language, paragraphs, self.signature, edited=True)

    def payload(self) -> dict[str, Any]:
        """What the first print's ``slip.printed`` event carries, to print it again."""
        return {"letter": self.text, "language": self.language, "signature": self.signature,
                "edited": self.edited}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Letter | None:
        """The letter a ``slip.printed`` payload carries; None if it carries none."""
        text = payload.get("letter")
        if not isinstance(text, str) or not text.strip():
            return None
        return cls(str(payload.get("language") or "en"), tuple(_blocks(text)),
                   str(payload.get("signature") or ""), bool(payload.get("edited")))


def _blocks(text: str) -> list[str]:
    """Paragraphs of ``text``: parted by blank lines, each stripped, empty ones dropped."""
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def guest_words(words: str, full_stop: str = ".") -> str:
    """The guest's words as quoted in the letter: one line, no quotes of their own around
    them, a capital first letter, one closing full stop (or their own ! or ?), and at most
    GUEST_WORDS_LIMIT characters (cut at a word, with "…"). Empty stays empty."""
    kept = "".join(" " if char.isspace() else char for char in words
                   if unicodedata.category(char) not in ("Cc", "Cf", "Cs") or char.isspace())
    line = " ".join(kept.split()).strip(_QUOTES + " ").rstrip(_TRAILING).strip(_QUOTES + " ")
    line = line.rstrip(_TRAILING)
    if not line:
        return ""
    if len(line) > GUEST_WORDS_LIMIT:
        cut = line[: GUEST_WORDS_LIMIT - 1]
        space = cut.rfind(" ")
        line = (cut[:space] if space > GUEST_WORDS_LIMIT * 0.8 else cut).rstrip(_TRAILING)
        return line[:1].upper() + line[1:] + "…"
    line = line[:1].upper() + line[1:]
    return line if line[-1] in _ENDINGS else line + full_stop


def gesture_words(template: Mapping[str, Any], gestures: Sequence[tuple[str, str]],
                  language: str) -> str:
    """Gestures as the guest reads them, joined as a list in ``language``:
    ``[("voucher", "€45.00"), ("refund", "€20.00")]`` → "a voucher worth €45.00 and a
    refund of €20.00". ``gestures`` are (gesture type, formatted value); "none" is left out."""
    words = template.get("gestures")
    if not isinstance(words, Mapping):  # a version 1 template (a site's older copy)
        words = load_apology_template(None, language).get("gestures", {})
    phrases = [str(words[kind]).replace("{value}", value) for kind, value in gestures
               if kind in GESTURE_WORDED and kind in words]
    if not phrases:
        return ""
    try:
        return str(format_list(phrases, locale=language))
    except (ValueError, LookupError):  # a language babel does not know
        return ", ".join(phrases)


def compose(template: Mapping[str, Any], *, language: str, guest_name: str, words: str,
            gestures: Sequence[tuple[str, str]], ask_for: str, site_name: str) -> Letter:
    """The letter from plain values (the desk's or a sample's); see the module's notes."""
    stop = str(template.get("full_stop") or ".")
    offered = gesture_words(template, gestures, language)
    paragraphs = fill_apology(
        dict(template), "" if stop in _NO_SPACE_STOPS else " ", guest_name=guest_name,
        guest_words=guest_words(words, stop), gestures=offered, gesture=offered,
        ask_for=ask_for, staff_name=ask_for,
        site_name=site_name)
    return Letter(language, tuple(paragraphs), " ".join(site_name.split()))


def compose_letter(desk: Desk, case_id: str, by: OnShift | None = None) -> Letter:
    """The case's letter as it would print now, in the guest's language, worded by the site's
    template for that language where it has one. The person to ask for is ``by`` (whoever
    prints it), else whoever opened the case."""
    site = desk.site.info()
    case = desk.cases.get(case_id)
    site_language = language_of(site.locale)
    language = case.header.guest_language or site_language
    if shipped_template_name(language) == shipped_template_name("en") and language != "en":
        language = "en"  # a language with no template of its own is written in English
    template = load_apology_template(desk.data_dir / "templates", language,
                                     site_language=site_language)
    person = by.staff.name if by is not None else _name_of(desk, case.opened_by)
    gestures = [(g.gesture_type, format_money(g.value_minor, g.currency, site.locale))
                for g in case.grants if g.gesture_type != "none"]
    return compose(template, language=language, guest_name=case.header.guest_name,
                   words=case.fields.get("guest_view", ""), gestures=gestures,
                   ask_for=person, site_name=site.name)


def printed_letter(desk: Desk, case_id: str) -> Letter | None:
    """The letter the case's apology was first printed with; None before its first print."""
    found: list[tuple[int, Letter]] = []
    for event in desk.cases.events(case_id):
        if event.kind != "slip.printed":
            continue
        payload = json.loads(event.payload)
        letter = Letter.from_payload(payload) if payload.get("kind") == "apology" else None
        if letter is not None:
            found.append((int(payload.get("print_no") or 1), letter))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def letter_to_print(desk: Desk, case_id: str, by: OnShift | None = None,
                    wording: str | None = None) -> Letter:
    """The letter a print of the case's apology carries: the one already printed if there is
    one (a reprint is the same letter), else the agent's ``wording`` if they changed it, else
    the letter composed now."""
    printed = printed_letter(desk, case_id)
    if printed is not None:
        return printed
    letter = compose_letter(desk, case_id, by)
    return letter.reworded(wording) if wording is not None else letter


def _name_of(desk: Desk, staff_id: str | None) -> str:
    if not staff_id:
        return ""
    try:
        return desk.staff.member(staff_id).name
    except DeskError:
        return ""  # someone this desk does not know (yet)
