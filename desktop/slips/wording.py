"""The fixed words printed on guest slips, in the language of the site's locale.

A slip is for the guest, so its labels ("Valid until", "REPRINT"), the default voucher terms
and the staff role under a signature follow the *site's* locale (es_ES, fr_CA …), not the
language of whoever sits at the desk. The wording ships as
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
from desktop.slips.model import ApologyLabels, VoucherLabels

__all__ = ["DEFAULT_LANGUAGE", "SHIPPED_LANGUAGES", "SlipWording", "slip_language",
           "slip_wording"]

DEFAULT_LANGUAGE = "en"
SHIPPED_LANGUAGES = ("en", "es", "fr")


@dataclass(frozen=True)
class SlipWording:
    """Everything fixed on a slip in one language."""

    language: str
    voucher: VoucherLabels
    apology: ApologyLabels
    roles: Mapping[str, str]
    voucher_terms: tuple[str, ...]

    def role_title(self, role: str) -> str:
        """How a staff role is written under a signature; an unknown role as itself."""
        return self.roles.get(role, role.replace("_", " ").title())


def slip_language(locale_name: str | None) -> str:
    """The shipped slip language for a locale name ("es_ES", "fr-CA", "es"); else English.

    Only the language part counts: Mexican and Spanish sites share the Spanish wording,
    while their money and dates still follow the full locale.
    """
    language = (locale_name or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return language if language in SHIPPED_LANGUAGES else DEFAULT_LANGUAGE


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
    if raw.get("version") != 1 or not isinstance(roles, dict) or not isinstance(terms, list):
        raise ValueError(f"{path.name}: expected version 1 with roles and voucher_terms")
    return SlipWording(
        language=language,
        voucher=_labels(VoucherLabels, raw.get("voucher"), language),
        apology=_labels(ApologyLabels, raw.get("apology"), language),
        roles=MappingProxyType({str(k): str(v) for k, v in roles.items()}),
        voucher_terms=tuple(str(term) for term in terms),
    )
