"""The apology letter's template: loading a site's override and filling in the placeholders.

A template is JSON: ``{"version": 2, "paragraphs": [[sentence, ...], ...], "gestures": {...},
"full_stop": "."}``. Sentences use ``{placeholder}`` fields from a fixed list; a sentence may
also be a list of alternatives, the first whose placeholders all have values being used
(``["Dear {guest_name},", "Dear guest,"]``), so the letter reads well when a field is empty.
``gestures`` words each gesture type for the guest, with ``{value}`` for its formatted value
("a voucher worth {value}"). Version 1 templates (no alternatives, no gesture words: a site's
older copy) still load. Filling is done here rather than with ``str.format`` so that field
values are never re-expanded and a site-edited template cannot reach attributes
(``{guest_name.__class__}``) or format specs.
"""

from __future__ import annotations

import json
import logging
import string
from pathlib import Path
from typing import Any

import resources
from desktop.core.playbook import GESTURE_TYPES

__all__ = [
    "FIELDS",
    "GESTURE_WORDED",
    "TEMPLATE_NAME",
    "TemplateError",
    "fill_apology",
    "load_apology_template",
    "shipped_template_name",
    "validate_apology_template",
]

log = logging.getLogger(__name__)

TEMPLATE_NAME = "apology.json"
FIELDS = frozenset(
    {
        "guest_name",
        "what_went_wrong",
        "what_we_did",
        "gesture",
        "staff_name",
        "staff_role",
        "ask_for",
        "site_name",
        # version 2: the guest's own words (Review) and the gestures, worded for the guest
        "guest_words",
        "gestures",
    }
)
# The gesture types a version 2 template words for the guest ("none" is no gesture).
GESTURE_WORDED = tuple(kind for kind in GESTURE_TYPES if kind != "none")
# An apology is a few lines; anything much bigger is a wrong file, not a template.
_MAX_FILE_BYTES = 64 * 1024
_MAX_PARAGRAPHS = 30
_MAX_SENTENCES = 20

_Piece = tuple[str, str | None]  # (literal text, field name or None)


class TemplateError(ValueError):
    """The template is not a valid apology template."""


def _parse(sentence: str) -> list[_Piece]:
    """Split a sentence into literal text and field references, rejecting anything fancy."""
    try:
        parsed = list(string.Formatter().parse(sentence))
    except ValueError as exc:  # unbalanced braces
        raise TemplateError(f"bad braces in {sentence!r}") from exc
    pieces: list[_Piece] = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (name not in FIELDS or spec or conversion):
            raise TemplateError(f"unknown placeholder {{{name}}} in {sentence!r}")
        pieces.append((literal, name))
    return pieces


def _alternatives(sentence: Any, version: int) -> list[list[_Piece]]:
    """A sentence as its parsed alternatives (a plain sentence is one alternative)."""
    if isinstance(sentence, str):
        return [_parse(sentence)]
    if (version >= 2 and isinstance(sentence, list) and 0 < len(sentence) <= _MAX_SENTENCES
            and all(isinstance(alternative, str) for alternative in sentence)):
        return [_parse(alternative) for alternative in sentence]
    raise TemplateError("each paragraph must be a list of sentences (strings"
                        + (", or lists of alternative strings)" if version >= 2 else ")"))


def _gesture_words(template: dict[str, Any]) -> None:
    """Check a version 2 template's gesture words and full stop."""
    words = template.get("gestures")
    if not isinstance(words, dict) or not all(
            isinstance(words.get(kind), str) and words[kind].strip() for kind in GESTURE_WORDED):
        raise TemplateError(f"gestures must word each of {', '.join(GESTURE_WORDED)}")
    for kind in GESTURE_WORDED:
        try:
            parsed = list(string.Formatter().parse(words[kind]))
        except ValueError as exc:
            raise TemplateError(f"bad braces in {words[kind]!r}") from exc
        if any(name not in (None, "value") or spec or conversion
               for _, name, spec, conversion in parsed):
            raise TemplateError(f"gesture words may only use {{value}}: {words[kind]!r}")
    stop = template.get("full_stop")
    if not isinstance(stop, str) or not 0 < len(stop) <= 3:
        raise TemplateError("full_stop must be the language's full stop, such as \".\"")


def _paragraphs(template: Any) -> list[list[list[list[_Piece]]]]:
    """Validate ``template`` and return its parsed sentences, each a list of alternatives."""
    if not isinstance(template, dict) or template.get("version") not in (1, 2):
        raise TemplateError("expected an object with version 1 or 2")
    version = int(template["version"])
    paragraphs = template.get("paragraphs")
    if not isinstance(paragraphs, list) or not 0 < len(paragraphs) <= _MAX_PARAGRAPHS:
        raise TemplateError("paragraphs must be a non-empty list")
    if version >= 2:
        _gesture_words(template)
    parsed: list[list[list[list[_Piece]]]] = []
    for paragraph in paragraphs:
        if not isinstance(paragraph, list) or len(paragraph) > _MAX_SENTENCES:
            raise TemplateError("each paragraph must be a list of sentences (strings)")
        parsed.append([_alternatives(sentence, version) for sentence in paragraph])
    return parsed


def validate_apology_template(template: Any) -> None:
    """Raise TemplateError unless ``template`` is a usable apology template."""
    _paragraphs(template)


def fill_apology(template: dict[str, Any], separator: str = " ", **fields: str) -> list[str]:
    """Return the apology's paragraphs with fields filled in as plain text.

    Of a sentence's alternatives the first whose fields all have values is used; a sentence
    with none such is left out (so no ``gestures`` means no gesture sentence); a paragraph
    left with no sentences is dropped. Values are inserted verbatim: a value containing
    ``{x}`` stays ``{x}``. Sentences of a paragraph are joined by ``separator`` (none between
    Chinese or Japanese sentences).
    """
    unknown = set(fields) - FIELDS
    if unknown:
        raise TypeError(f"unknown apology field(s): {', '.join(sorted(unknown))}")
    values = {name: " ".join(str(value).split()) for name, value in fields.items()}
    out: list[str] = []
    for paragraph in _paragraphs(template):
        sentences: list[str] = []
        for alternatives in paragraph:
            pieces = next((alternative for alternative in alternatives if all(
                name is None or values.get(name) for _, name in alternative)), None)
            if pieces is None:
                continue
            sentence = "".join(
                literal + (values[name] if name is not None else "") for literal, name in pieces
            ).strip()
            if sentence:
                sentences.append(sentence)
        if sentences:
            out.append(separator.join(sentences))
    return out


def _read(path: Path) -> dict[str, Any]:
    if path.stat().st_size > _MAX_FILE_BYTES:
        raise TemplateError(f"{path} is larger than {_MAX_FILE_BYTES} bytes")
    # utf-8-sig: Windows Notepad may save with a byte-order mark.
    template: object = json.loads(path.read_text(encoding="utf-8-sig"))
    validate_apology_template(template)
    assert isinstance(template, dict)  # the validation above checked it is an object
    return template


def shipped_template_name(language: str = "en") -> str:
    """The file name of the shipped template for a slip language (``wording.slip_language``).

    English is ``apology.json``; other languages ship ``apology.<language>.json``; a
    language without one gets English.
    """
    name = f"apology.{language}.json"
    # isalpha: a language code, never a path.
    if language != "en" and language.isalpha() and resources.path("templates", name).is_file():
        return name
    return TEMPLATE_NAME


def load_apology_template(override_dir: Path | None = None, language: str = "en", *,
                          site_language: str | None = None) -> dict[str, Any]:
    """The site's own template for ``language`` if present and valid, else the shipped one.

    The site's own files: ``override_dir/apology.<language>.json`` for that language, and
    ``override_dir/apology.json``, which wins for the site's own language (all languages when
    ``site_language`` is not given): whoever wrote it chose its words, in the site's language,
    so a guest who reads another language gets the shipped wording in theirs.
    A broken override is logged and ignored: a guest should still get an apology.
    """
    if override_dir is not None:
        names = [f"apology.{language}.json"] if language.isalpha() else []
        if site_language is None or language == site_language:
            names.append(TEMPLATE_NAME)
        for name in names:
            candidate = override_dir / name
            if candidate.is_file():
                try:
                    return _read(candidate)
                except (OSError, UnicodeDecodeError, ValueError) as exc:
                    log.warning("Ignoring apology template %s: %s", candidate, exc)
    return _read(resources.path("templates", shipped_template_name(language)))
