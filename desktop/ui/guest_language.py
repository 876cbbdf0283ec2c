"""The guest's language in the case header: the language the guest's slips print in.

Each language is listed by its own name ("Deutsch", "日本語"), as a guest would point at it;
a new case starts in the site's language.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.core.languages import LANGUAGE_NAMES, language_of
from desktop.ui.common import named


class GuestLanguageBox(QComboBox):
    """A choice of the shipped slip languages; ``language()`` is the chosen code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "guestLanguage", self.tr("Guest's language (slips)"))
        self.setToolTip(self.tr("The apology letter and vouchers print in this language."))
        for code, name in LANGUAGE_NAMES.items():
            self.addItem(name, code)

    def language(self) -> str:
        return str(self.currentData() or "")

    def set_language(self, code: str, site_locale: str = "") -> None:
        """Show ``code``; "" (a case from before languages were kept) shows the site's."""
        self.setCurrentIndex(max(self.findData(code or language_of(site_locale)), 0))
