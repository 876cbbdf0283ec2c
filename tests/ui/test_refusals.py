"""Every refusal of the desk has wording a person understands, in every shipped language.

``desktop.core.errors.Refusal`` is the one list of reasons the core refuses; each member must
have an English sentence, translated into Spanish and French, that never shows the raw code
or the raw detail (which is for logs and may be English or a typed value).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.budget import ApprovalRefusal
from desktop.core.errors import DeskError, Refusal
from desktop.ui import labels
from desktop.ui.app import install_translations, remove_translations

RAW_DETAIL = "ValueError: the keychain said no"


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    lang: str = request.param
    if lang != "en":
        install_translations(qapp, {"es": "es_ES", "fr": "fr_FR"}[lang])
    yield lang
    remove_translations(qapp)


def english(refusal: Refusal, detail: str = "") -> str:
    return labels.refusal_text(refusal, detail)


@pytest.mark.parametrize("language", ["en", "es", "fr"], indirect=True)
@pytest.mark.parametrize("refusal", list(Refusal), ids=lambda r: r.value)
def test_every_refusal_is_worded(language: str, refusal: Refusal) -> None:
    text = labels.desk_error(DeskError(refusal, RAW_DETAIL))
    assert text.strip() and "%1" not in text
    assert refusal.value not in text  # never the raw code
    if refusal is not Refusal.TEXT_TOO_LONG:
        assert RAW_DETAIL not in text  # nor an untranslated detail


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_every_refusal_is_translated(qapp: QApplication, lang: str) -> None:
    source = {refusal: english(refusal) for refusal in Refusal}
    install_translations(qapp, {"es": "es_ES", "fr": "fr_FR"}[lang])
    try:
        untranslated = [r.value for r in Refusal if labels.refusal_text(r) == source[r]]
    finally:
        remove_translations(qapp)
    assert untranslated == []


def test_details_that_help_are_worded_too(qapp: QApplication) -> None:
    assert "room or table" in english(Refusal.MISSING_FIELDS, "location, root_cause")
    assert "root cause" in english(Refusal.MISSING_FIELDS, "location, root_cause")
    assert english(Refusal.APPROVAL_REFUSED, ApprovalRefusal.OWN_GRANT.value) == (
        labels.approval_refusal(ApprovalRefusal.OWN_GRANT))
    assert "20001" in english(Refusal.TEXT_TOO_LONG, "20001")
    # A detail the screen cannot word is left out rather than shown raw.
    assert english(Refusal.APPROVAL_REFUSED, "nonsense") == "This approval is not allowed."
