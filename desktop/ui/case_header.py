"""The case header on the recovery panel: guest, room or table, outlet, category, severity,
the guest's language (for their slips), and what is still needed before the case can be closed.

By keyboard: Tab or Enter moves on; in a drop-down, a letter picks the first entry it begins
(F: food…, L: low).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from desktop.core.budget import Limit
from desktop.core.desk import Desk
from desktop.core.playbook import SEVERITIES, categories, missing_fields
from desktop.core.views import CaseHeader, CaseView, SiteInfo
from desktop.ui import labels
from desktop.ui.common import money, named
from desktop.ui.design import tone
from desktop.ui.guest_language import GuestLanguageBox

# The words were the case panel's before the header had a module of its own: they keep its
# context, so their translations still apply.
translate = QCoreApplication.translate


class CaseHeaderForm(QWidget):
    """Emits ``choice_changed`` when the category or severity changes."""

    choice_changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.guest = named(QLineEdit(), "guestName", translate("CasePanel", "Guest name"))
        self.location = named(QLineEdit(), "location", translate("CasePanel", "Room or table"))
        self.outlet = named(QComboBox(), "outlet", translate("CasePanel", "Outlet"))
        self.outlet.setEditable(True)
        self.category = named(QComboBox(), "category", translate("CasePanel", "Category"))
        self.category.addItem(translate("CasePanel", "Choose…"), "")
        for key in categories(desk.ledger.recovery_matrix()):
            self.category.addItem(labels.category_name(key), key)
        self.severity = named(QComboBox(), "severity", translate("CasePanel", "Severity"))
        self.severity.addItem(translate("CasePanel", "Choose…"), "")
        for key in SEVERITIES:
            self.severity.addItem(labels.severity_name(key), key)
        # Last in the tab chain (the case panel's order): most guests speak the site's language.
        self.language = GuestLanguageBox()
        for signal in (self.guest.textChanged, self.location.textChanged,
                       self.outlet.currentTextChanged):
            signal.connect(lambda _v: self.update_missing())
        for combo in (self.category, self.severity):
            combo.currentIndexChanged.connect(lambda _i: self._choice_changed())
        for combo in (self.outlet, self.category, self.severity, self.language):
            # Not as wide as the longest choice (the list shows it whole): the case list
            # beside the panel keeps room for its titles at 1366 px.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        for field in (self.guest, self.location):
            # Enter moves on, as Tab does (Enter completes what is typed, everywhere here).
            field.returnPressed.connect(self.focusNextChild)
        self.missing = named(QLabel(), "missingFields", translate("CasePanel", "Still missing"))
        tone(self.missing, "warning")
        self.meter = BudgetMeter()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        row1 = QHBoxLayout()
        row1.addWidget(self.guest, 2)
        row1.addWidget(QLabel(translate("CasePanel", "Room / table")))
        row1.addWidget(self.location, 1)
        form.addRow(translate("CasePanel", "Guest"), row1)
        row2 = QHBoxLayout()
        row2.addWidget(self.outlet, 1)
        row2.addWidget(QLabel(translate("CasePanel", "Category")))
        row2.addWidget(self.category, 1)
        form.addRow(translate("CasePanel", "Outlet"), row2)
        # Severity and language on a row of their own: four choices in one row made the
        # panel too wide for the case list beside it at 1366 px (the same order for Tab).
        row2b = QHBoxLayout()
        row2b.addWidget(self.severity, 1)
        row2b.addWidget(QLabel(translate("CasePanel", "Language")))
        row2b.addWidget(self.language, 1)
        form.addRow(translate("CasePanel", "Severity"), row2b)
        row3 = QHBoxLayout()
        row3.addWidget(self.meter, 1)
        row3.addWidget(self.meter.words, 1)
        self.meter.words.setWordWrap(True)
        form.addRow(translate("MainWindow", "Budget left"), row3)

    def header(self) -> CaseHeader:
        return CaseHeader(guest_name=self.guest.text().strip(),
                          location=self.location.text().strip(),
                          outlet=self.outlet.currentText().strip(),
                          category=self.category.currentData() or "",
                          severity=self.severity.currentData() or "",
                          guest_language=self.language.language())

    def clear(self) -> None:
        self.fill_outlets()
        for field in (self.guest, self.location):
            field.clear()
        site = self.desk.site.info()
        self.outlet.setCurrentText(site.outlets[0] if site.outlets else "")
        self.category.setCurrentIndex(0)
        self.severity.setCurrentIndex(0)
        self.language.set_language("", site.locale)

    def show_view(self, view: CaseView) -> None:
        self.fill_outlets()
        self.guest.setText(view.header.guest_name)
        self.location.setText(view.header.location)
        self.outlet.setCurrentText(view.header.outlet)
        self.category.setCurrentIndex(max(self.category.findData(view.header.category), 0))
        self.severity.setCurrentIndex(max(self.severity.findData(view.header.severity), 0))
        self.language.set_language(view.header.guest_language, self.desk.site.info().locale)

    def set_read_only(self, read_only: bool) -> None:
        """A closed case's header is shown, not edited."""
        for field in (self.guest, self.location):
            field.setReadOnly(read_only)
        for combo in (self.outlet, self.category, self.severity, self.language):
            combo.setEnabled(not read_only)

    def fill_outlets(self) -> None:
        current = self.outlet.currentText()
        self.outlet.clear()
        if self.desk.site.exists():
            self.outlet.addItems(list(self.desk.site.info().outlets))
        self.outlet.setCurrentText(current)

    def _choice_changed(self) -> None:
        self.update_missing()
        self.choice_changed.emit()

    def update_missing(self) -> None:
        missing = missing_fields(self.header().as_dict())
        if missing:
            self.missing.setText(translate("CasePanel", "Still needed before closing: %1").replace(
                "%1", ", ".join(labels.field_name(n) for n in missing)))
        else:
            self.missing.clear()


class BudgetMeter(QProgressBar):
    """What this person may still grant this shift without approval, as a share of their
    per-shift limit: green, then amber once less than a quarter is left. The amounts are in
    words beside the bar (``words``), readable in either palette."""

    LOW = 0.25

    def __init__(self) -> None:
        super().__init__()
        named(self, "budgetMeter", translate("MainWindow", "Budget left this shift"))
        self.setTextVisible(False)
        self.setRange(0, 1)
        self.setValue(0)
        self.words = named(QLabel(), "budgetMeterText",
                           translate("MainWindow", "Budget left this shift"))

    def show_budget(self, site: SiteInfo, remaining: dict[Limit, int],
                    allowed: dict[Limit, int]) -> None:
        left, limit = remaining[Limit.PER_SHIFT], allowed.get(Limit.PER_SHIFT, 0)
        # QProgressBar holds ints; minor units of a shift's limit fit easily.
        self.setRange(0, max(limit, 1))
        self.setValue(min(left, max(limit, 1)))
        text = translate("MainWindow", "%1 of %2 left this shift").replace(
            "%1", money(site, left)).replace("%2", money(site, limit))
        self.words.setText(text)
        self.setAccessibleDescription(text)
        level = "low" if limit and left < limit * self.LOW else "ok"
        if self.property("level") != level:
            self.setProperty("level", level)
            self.style().unpolish(self)
            self.style().polish(self)
