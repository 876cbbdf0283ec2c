"""First start with an empty data dir: create your site, or try the demo site.

Locale and time zone are searchable lists (type any part of a name or code); a field's
error goes as soon as that field is right again.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimeZone
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.inputs import site_problems
from desktop.core.site_choices import (
    Choice,
    default_locale,
    find_choice,
    locale_choices,
    zone_choices,
)
from desktop.ui.app import shown_language
from desktop.ui.common import named


def searchable(combo: QComboBox, choices: tuple[Choice, ...], current: str) -> QComboBox:
    """An editable list of (code, label) that finds any part of a label as it is typed."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for code, label in choices:
        combo.addItem(label, code)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class SetupDialog(QDialog):
    """Accepted once a site exists in the desk (created here or the demo)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Welcome to Amends"))
        intro = QLabel(self.tr(
            "Set up this desk for your property, or try the demo site first to see how a "
            "recovery case runs."))
        intro.setWordWrap(True)

        self.name = named(QLineEdit(), "siteName", self.tr("Site name"))
        self.kind = named(QComboBox(), "siteKind", self.tr("Kind of site"))
        self.kind.addItem(self.tr("Hotel"), "hotel")
        self.kind.addItem(self.tr("Restaurant"), "restaurant")
        system = QLocale.system()
        iso = system.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode) or "USD"
        self.currency = named(QLineEdit(iso), "siteCurrency", self.tr("Currency (ISO code)"))
        self.currency.setMaxLength(3)
        self.currency.setValidator(QRegularExpressionValidator(r"[A-Za-z]{0,3}", self.currency))
        language = shown_language()
        self.zones = zone_choices(language)
        system_zone = bytes(QTimeZone.systemTimeZoneId()).decode() or "UTC"
        self.timezone = searchable(named(QComboBox(), "siteTimezone", self.tr("Time zone")),
                                   self.zones, find_choice(system_zone, self.zones) or "UTC")
        # Qt names the POSIX locale "C", which is no locale to format money in.
        self.locales = locale_choices(language)
        self.locale_field = searchable(
            named(QComboBox(), "siteLocale", self.tr("Language and number format")),
            self.locales, default_locale(system.name(), self.locales))
        self.manager = named(QLineEdit(), "managerName", self.tr("First manager's name"))
        self.pin = named(QLineEdit(), "managerPin", self.tr("Manager PIN"))
        self.pin_again = named(QLineEdit(), "managerPinAgain", self.tr("Manager PIN again"))
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setValidator(QRegularExpressionValidator(r"\d{0,8}", field))
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, widget in (
            ("name", self.tr("Site name"), self.name),
            ("kind", self.tr("Kind"), self.kind),
            ("currency", self.tr("Currency"), self.currency),
            ("timezone", self.tr("Time zone"), self.timezone),
            ("locale", self.tr("Locale"), self.locale_field),
            ("manager_name", self.tr("Manager"), self.manager),
            ("manager_pin", self.tr("PIN (4–8 digits)"), self.pin),
            ("pin_again", self.tr("PIN again"), self.pin_again),
        ):
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setStyleSheet("color: #b00020;")
            self.errors[key] = error
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(label, box)

        self.create_button = named(QPushButton(self.tr("Create site")), "createSite",
                            self.tr("Create site"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_site)
        self.demo = named(QPushButton(self.tr("Try the demo site")), "tryDemo",
                          self.tr("Try the demo site"))
        self.demo.clicked.connect(self.create_demo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        for field in (self.name, self.currency, self.manager, self.pin, self.pin_again):
            field.textChanged.connect(self._recheck)
        for combo in (self.timezone, self.locale_field):
            combo.currentTextChanged.connect(self._recheck)
        self.kind.currentIndexChanged.connect(self._recheck)

    def _values(self) -> dict[str, str]:
        """The form as the store takes it; a locale or zone not in its list is kept as typed
        (so it is refused), and the site's locale is the code, never the label."""
        zone, locale = self.timezone.currentText(), self.locale_field.currentText()
        return {
            "name": self.name.text(), "kind": self.kind.currentData(),
            "currency": self.currency.text().upper(),
            "timezone": find_choice(zone, self.zones) or zone.strip() or "?",
            "manager_name": self.manager.text(), "manager_pin": self.pin.text(),
            "locale": find_choice(locale, self.locales) or locale.strip() or "?",
        }

    def _problems(self, values: dict[str, str]) -> list[str]:
        problems = site_problems(**values)
        if find_choice(values["locale"], self.locales) is None and "locale" not in problems:
            problems.append("locale")
        if find_choice(values["timezone"], self.zones) is None and "timezone" not in problems:
            problems.append("timezone")
        if self.pin.text() != self.pin_again.text():
            problems.append("pin_again")
        return problems

    def _recheck(self) -> None:
        """An error shown goes as soon as its field is right; none appears while typing."""
        problems = self._problems(self._values())
        for key, label in self.errors.items():
            if key not in problems:
                label.clear()

    def _show_errors(self, problems: list[str]) -> None:
        words = {
            "name": self.tr("Give the site a name."),
            "kind": self.tr("Choose hotel or restaurant."),
            "currency": self.tr("Not a currency code: use three letters such as USD, EUR, JPY."),
            "timezone": self.tr("Choose a time zone from the list, such as Europe/Paris."),
            "locale": self.tr("Not a locale: use a name such as en_US or fr_FR."),
            "manager_name": self.tr("Type the first manager's name."),
            "manager_pin": self.tr("A PIN is 4 to 8 digits, and not an easy one like 0000 or "
                                   "1234."),
            "pin_again": self.tr("The two PINs differ."),
        }
        for key, label in self.errors.items():
            label.setText(words.get(key, "") if key in problems else "")

    def create_site(self) -> None:
        values = self._values()
        problems = self._problems(values)
        self._show_errors(problems)
        if problems:
            return
        try:
            self.desk.site.create(**values)
        except DeskError as error:
            self._show_errors(error.detail.split(", "))
            return
        self.accept()

    def create_demo(self) -> None:
        from desktop.core.demo import create_demo_site

        create_demo_site(self.desk)
        self.accept()
