"""Every refusal of the desk has wording a person understands, in every shipped language.

``desktop.core.errors.Refusal`` is the one list of reasons the core refuses; each member must
have an English sentence, translated into Spanish, French and Arabic, that never shows the raw code
or the raw detail (which is for logs and may be English or a typed value).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from db.store import StoreError, StoreProblem
from desktop.core.budget import ApprovalRefusal
from desktop.core.errors import DeskError, Refusal
from desktop.sync.errors import SyncError, SyncProblem
from desktop.ui import labels, store_labels
from desktop.ui.app import install_translations, remove_translations

RAW_DETAIL = "ValueError: the keychain said no"
LOCALES = {"es": "es_ES", "fr": "fr_FR", "ar": "ar_BH"}


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    lang: str = request.param
    if lang != "en":
        install_translations(qapp, LOCALES[lang])
    yield lang
    remove_translations(qapp)


def english(refusal: Refusal, detail: str = "") -> str:
    return labels.refusal_text(refusal, detail)


@pytest.mark.parametrize("language", ["en", "es", "fr", "ar"], indirect=True)
@pytest.mark.parametrize("refusal", list(Refusal), ids=lambda r: r.value)
def test_every_refusal_is_worded(language: str, refusal: Refusal) -> None:
    text = labels.desk_error(DeskError(refusal, RAW_DETAIL))
    assert text.strip() and "%1" not in text
    assert refusal.value not in text  # never the raw code
    # The length typed, or the printer address set up: details that are the person's own.
    if refusal not in (Refusal.TEXT_TOO_LONG, Refusal.PRINTER_UNREACHABLE,
                       Refusal.PRINTER_ADDRESS_INVALID):
        assert RAW_DETAIL not in text  # nor an untranslated detail


@pytest.mark.parametrize("lang", ["es", "fr", "ar"])
def test_every_refusal_is_translated(qapp: QApplication, lang: str) -> None:
    source = {refusal: english(refusal) for refusal in Refusal}
    install_translations(qapp, LOCALES[lang])
    try:
        untranslated = [r.value for r in Refusal if labels.refusal_text(r) == source[r]]
    finally:
        remove_translations(qapp)
    assert untranslated == []


def test_details_that_help_are_worded_too(qapp: QApplication) -> None:
    assert "room or table" in english(Refusal.MISSING_FIELDS, "location, root_cause")
    assert "root cause" in english(Refusal.MISSING_FIELDS, "location, root_cause")
    # Keys that read the same in English are still worded, not dropped.
    assert english(Refusal.MISSING_FIELDS, "location, category, severity") == (
        "Still needed before closing: room or table, category, severity")
    assert english(Refusal.APPROVAL_REFUSED, ApprovalRefusal.OWN_GRANT.value) == (
        labels.approval_refusal(ApprovalRefusal.OWN_GRANT))
    assert "20001" in english(Refusal.TEXT_TOO_LONG, "20001")
    # A detail the screen cannot word is left out rather than shown raw.
    assert english(Refusal.APPROVAL_REFUSED, "nonsense") == "This approval is not allowed."


def test_no_screen_shows_an_exception_as_text() -> None:
    """Screens word errors by their refusal or problem; an exception's own text (English, or
    a type name) goes to the log. Only the OS's own ``strerror`` may stand in for a reason."""
    import re

    from tests.conftest import REPO

    raw = re.compile(r"str\((error|exc|e)\)|\{(error|exc|e)(!r)?\}|type\((error|exc|e)\)\.__name__")
    found = []
    for path in sorted((REPO / "desktop" / "ui").glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if raw.search(line.replace("error.strerror or str(error)", "")):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.parametrize("language", ["en", "es", "fr", "ar"], indirect=True)
def test_every_store_and_sync_problem_is_worded(language: str, tmp_path: Path) -> None:
    for problem in StoreProblem:
        text = store_labels.store_problem(StoreError("English detail", problem=problem,
                                               path=tmp_path / "amends.sqlite3"))
        assert str(tmp_path) in text and "English detail" not in text and "%1" not in text
    for sync in SyncProblem:
        text = labels.sync_problem(SyncError("English detail", problem=sync))
        assert text.strip() and "English detail" not in text


@pytest.mark.parametrize("lang", ["es", "fr", "ar"])
def test_every_store_and_sync_problem_is_translated(qapp: QApplication, lang: str) -> None:
    path = Path("amends.sqlite3")
    source = ([store_labels.store_problem(StoreError("", problem=p, path=path))
               for p in StoreProblem] + [labels.sync_problem_text(p) for p in SyncProblem])
    install_translations(qapp, LOCALES[lang])
    try:
        translated = ([store_labels.store_problem(StoreError("", problem=p, path=path))
                       for p in StoreProblem] + [labels.sync_problem_text(p) for p in SyncProblem])
    finally:
        remove_translations(qapp)
    assert [s for s, t in zip(source, translated, strict=True) if s == t] == []
