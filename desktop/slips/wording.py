"""The fixed words printed on guest slips, in the guest's language.

A slip is for the guest, so its labels ("Valid until", "REPRINT"), the default voucher terms
and the staff role under a signature follow the case's guest language (by default the
*site's* locale: es_ES, fr_CA …), not the language of whoever sits at the desk. The wording ships as
``resources/templates/slip_wording.<language>.json``; a locale with no file of its own gets
English. No Qt here: the CLI and the tests render the same slips as the app.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any

import resources
from desktop.core.languages import DEFAULT_LANGUAGE, GUEST_LANGUAGES, language_of
from desktop.slips.model import ApologyLabels, VoucherLabels

__all__ = ["DEFAULT_LANGUAGE", "SAMPLE_FIELDS", "SHIPPED_LANGUAGES", "SlipWording",
           "language_names", "slip_language", "slip_wording"]

# Each has slip_wording.<code>.json and apology.<code>.json (English: apology.json).
SHIPPED_LANGUAGES = GUEST_LANGUAGES
SAMPLE_FIELDS = ("what_went_wrong", "what_we_did", "gesture", "purpose")


@dataclass(frozen=True)
class SlipWording:
    """Everything fixed on a slip in one language."""

    language: str
    name: str  # how the language calls itself: "Deutsch", "日本語"
    voucher: VoucherLabels
    apology: ApologyLabels
    roles: Mapping[str, str]
    voucher_terms: tuple[str, ...]
    sample: Mapping[str, str]  # phrases for ``amends slip sample`` (SAMPLE_FIELDS)

    def role_title(self, role: str) -> str:
        """How a staff role is written under a signature; an unknown role as itself."""
        return self.roles.get(role, role.replace("_", " ").title())


def slip_language(locale_name: str | None) -> str:
    """The shipped slip language for a locale name ("es_ES", "fr-CA", "es"); else English.

    Only the language part counts: Mexican and Spanish sites share the Spanish wording,
    while their money and dates still follow the full locale.
    """
    return language_of(locale_name)


def _labels(cls: type[Any], raw: Any, language: str) -> Any:
    """A labels dataclass from a JSON object that must name every field as text."""
    names = [f.name for f in fields(cls)]
    if not isinstance(raw, dict) or sorted(raw) != sorted(names) or not all(
            isinstance(raw[name], str) and raw[name].strip() for name in names):
        # A shipped file, so a mistake is a bug to catch in tests, not a site's problem.
        raise ValueError(f"slip_wording.{language}.json: {cls.__name__} needs {names}")
    return cls(**raw)


@functools.cache
def slip_wording(language: str = DEFAULT_LANGUAGE) -> SlipWording:
    """The slip wording of a shipped language (see ``slip_language``)."""
    if language not in SHIPPED_LANGUAGES:
        language = DEFAULT_LANGUAGE
    path = resources.path("templates", f"slip_wording.{language}.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    roles = raw.get("roles")
    terms = raw.get("voucher_terms")
    sample = raw.get("sample")
    if (raw.get("version") != 1 or not isinstance(roles, dict) or not isinstance(terms, list)
            or not isinstance(sample, dict) or sorted(sample) != sorted(SAMPLE_FIELDS)
            or not isinstance(raw.get("name"), str)):
        raise ValueError(f"{path.name}: expected version 1 with name, roles, voucher_terms "
                         f"and sample")
    return SlipWording(
        language=language, name=str(raw["name"]),
        sample=MappingProxyType({str(k): str(v) for k, v in sample.items()}),
        voucher=_labels(VoucherLabels, raw.get("voucher"), language),
        apology=_labels(ApologyLabels, raw.get("apology"), language),
        roles=MappingProxyType({str(k): str(v) for k, v in roles.items()}),
        voucher_terms=tuple(str(term) for term in terms),
    )


def language_names() -> dict[str, str]:
    """Every shipped slip language, code to its own name, in shipping order."""
    return {code: slip_wording(code).name for code in SHIPPED_LANGUAGES}
