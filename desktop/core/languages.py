"""The languages a guest's slips can be printed in, and the site's own one.

One list for the core (what a case may record) and the slips (which wording files ship):
each code here has resources/templates/slip_wording.<code>.json and an apology template.
"""

from __future__ import annotations

__all__ = ["DEFAULT_LANGUAGE", "GUEST_LANGUAGES", "LANGUAGE_NAMES", "language_of"]

DEFAULT_LANGUAGE = "en"
# Each language by its own name, as a guest would point at it in a list.
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch",
                  "it": "Italiano", "pt": "Português", "ar": "العربية", "zh": "中文",
                  "ja": "日本語"}
GUEST_LANGUAGES = tuple(LANGUAGE_NAMES)


def language_of(locale_name: str | None) -> str:
    """The guest language for a locale name ("es_ES", "fr-CA", "ja"); else English.

    Only the language part counts: Mexican and Spanish sites share the Spanish wording,
    while their money and dates still follow the full locale.
    """
    language = (locale_name or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return language if language in GUEST_LANGUAGES else DEFAULT_LANGUAGE
