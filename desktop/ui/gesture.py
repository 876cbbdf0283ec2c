"""Making it good: choosing a gesture, the budget left and granting it (approval at the desk
is desktop.ui.approval).

Every decision shown here comes from ``Desk.check`` (the one budget check in the core); this
module only asks and shows. By keyboard: the first suggestion is current, arrows choose
another, Enter grants it at once (within the limits; else the approval dialog opens); a click
only fills the form, to change it first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.budget import BudgetDecision, Limit
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.money import AmountError, format_plain, parse_amount
from desktop.core.playbook import GESTURE_TYPES, suggestions
from desktop.core.settings import PRICE_FACTOR, PRINT_ON_GRANT
from desktop.core.views import GestureProposal, OnShift
from desktop.ui import labels
from desktop.ui.approval import ApprovalDialog
from desktop.ui.common import money, named
from desktop.ui.design import tone
from desktop.ui.keys import enter_clicks


class SuggestionList(QListWidget):
    """The suggested gestures; Enter emits ``chosen`` with the current one (grant it now)."""

    chosen = Signal(QListWidgetItem)

    # override: QWidget.keyPressEvent
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.chosen.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class GesturePanel(QWidget):
    """Suggestions, the gesture form, the budget left and the Grant button."""

    granted = Signal()

    def __init__(self, desk: Desk, on_shift: Callable[[], OnShift | None],
                 case_id: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._on_shift = on_shift
        self._case_id = case_id
        self._category = ""
        self._severity = ""
        self.suggestion_list = named(SuggestionList(), "suggestions",
                                     self.tr("Suggested gestures: Enter grants"))
        self.suggestion_list.setMaximumHeight(90)
        self.suggestion_list.chosen.connect(self._pick_and_grant)
        self.suggestion_list.itemDoubleClicked.connect(self._pick_and_grant)
        self.suggestion_list.itemClicked.connect(self._pick)
        self.kind = named(QComboBox(), "gestureType", self.tr("Gesture type"))
        for key in GESTURE_TYPES:
            self.kind.addItem(labels.gesture_name(key), key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.description = named(QLineEdit(), "gestureDescription",
                                 self.tr("What the gesture is"))
        self.description.setPlaceholderText(self.tr("e.g. desserts for the table on the house"))
        self.amount = named(QLineEdit(), "gestureValue", self.tr("Value"))
        self.amount.textChanged.connect(lambda _t: self.update_decision())
        self.amount.returnPressed.connect(self.grant)
        self.description.returnPressed.connect(self.grant)
        self.amount_error = named(QLabel(), "gestureValueError", self.tr("Problem with the value"))
        tone(self.amount_error, "error")
        self.budget = named(QLabel(), "budgetLeft", self.tr("Budget left"))
        self.budget.setWordWrap(True)
        self.decision = named(QLabel(), "budgetDecision", self.tr("Budget decision"))
        self.decision.setWordWrap(True)
        self.grant_button = named(QPushButton(self.tr("Grant")), "grantButton",
                                  self.tr("Grant gesture"))
        self.grant_button.clicked.connect(self.grant)
        enter_clicks(self.grant_button)
        self.granted_list = named(QLabel(), "grantedList", self.tr("Gestures granted"))
        self.granted_list.setWordWrap(True)
        self.granted_list.setTextFormat(Qt.TextFormat.PlainText)

        self.correction_text = named(QLineEdit(), "correctionDescription",
                                     self.tr("Wrong charge corrected"))
        self.correction_text.setPlaceholderText(self.tr("Wrong charge corrected (not a gesture)"))
        self.correction_amount = named(QLineEdit(), "correctionValue",
                                       self.tr("Amount corrected"))
        self.correction_button = named(QPushButton(self.tr("Record correction")),
                                       "correctionButton", self.tr("Record correction"))
        self.correction_button.clicked.connect(self.record_correction)
        enter_clicks(self.correction_button)
        self.correction_error = QLabel()
        tone(self.correction_error, "error")

        form = QFormLayout()
        form.addRow(self.tr("Suggested"), self.suggestion_list)
        form.addRow(self.tr("Gesture"), self.kind)
        form.addRow(self.tr("Description"), self.description)
        value_row = QHBoxLayout()
        value_row.addWidget(self.amount)
        value_row.addWidget(self.grant_button)
        form.addRow(self.tr("Value"), value_row)
        form.addRow("", self.amount_error)
        correction_row = QHBoxLayout()
        correction_row.addWidget(self.correction_text, 2)
        correction_row.addWidget(self.correction_amount, 1)
        correction_row.addWidget(self.correction_button)
        form.addRow(self.tr("Correction"), correction_row)
        form.addRow("", self.correction_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.budget)
        layout.addLayout(form)
        layout.addWidget(self.decision)
        layout.addWidget(self.granted_list)
        from desktop.ui.slips_ui import SlipBar

        self.slips = SlipBar(desk, on_shift, case_id, self)
        layout.addWidget(self.slips)
        QShortcut(QKeySequence("Ctrl+G"), self, self.grant)

    # --- state ------------------------------------------------------------------------------

    def set_case(self, category: str, severity: str) -> None:
        """Refill suggestions for the case's category and severity and show the budget."""
        self._category, self._severity = category, severity
        self.suggestion_list.clear()
        if self.desk.site.exists():
            site = self.desk.site.info()
            factor = self.desk.settings.get(PRICE_FACTOR)
            for suggestion in suggestions(category, severity, site.currency, factor,
                                          self.desk.ledger.recovery_matrix()):
                text = (f"{labels.gesture_name(suggestion.gesture_type)}: "
                        f"{labels.suggestion_text(suggestion.description)}")
                if suggestion.value_minor:
                    text += f" — {money(site, suggestion.value_minor)}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, suggestion)
                self.suggestion_list.addItem(item)
            self.suggestion_list.setCurrentRow(0)  # Enter grants the first without an arrow
        self.refresh()

    def clear_form(self) -> None:
        self.kind.setCurrentIndex(0)
        self.description.clear()
        self.amount.clear()
        self.amount_error.clear()

    def _pick_and_grant(self, item: QListWidgetItem) -> None:
        self._pick(item)
        self.grant()

    def set_read_only(self, read_only: bool) -> None:
        """A closed case: nothing more is granted here (its slips may still be printed)."""
        for widget in (self.suggestion_list, self.kind, self.description, self.amount,
                       self.grant_button, self.correction_text, self.correction_amount,
                       self.correction_button):
            widget.setEnabled(not read_only)

    def _pick(self, item: QListWidgetItem) -> None:
        suggestion = item.data(Qt.ItemDataRole.UserRole)
        site = self.desk.site.info()
        self.kind.setCurrentIndex(self.kind.findData(suggestion.gesture_type))
        self.description.setText(labels.suggestion_text(suggestion.description))
        self.amount.setText(format_plain(suggestion.value_minor, site.currency, site.locale)
                            if suggestion.value_minor else "")
        self.amount.setFocus()

    def _kind_changed(self) -> None:
        is_none = self.kind.currentData() == "none"
        self.amount.setEnabled(not is_none)
        if is_none:
            self.amount.clear()
        self.update_decision()

    def refresh(self) -> None:
        """Show the budget left and the gestures already granted in this case."""
        who = self._on_shift()
        case_id = self._case_id()
        if who is None or not self.desk.site.exists():
            return
        site = self.desk.site.info()
        remaining = self.desk.grants.check(who, case_id, 0).remaining
        self.budget.setText(
            self.tr("You may still grant without approval: %1 this shift · %2 to this guest "
                    "this stay · %3 in this case")
            .replace("%1", money(site, remaining[Limit.PER_SHIFT]))
            .replace("%2", money(site, remaining[Limit.PER_GUEST_STAY]))
            .replace("%3", money(site, remaining[Limit.PER_CASE])))
        lines = []
        if case_id is not None:
            view = self.desk.cases.get(case_id)
            for grant in view.grants:
                value = money(site, grant.value_minor) if grant.value_minor else ""
                approved = self.tr(" (approved)") if grant.approval_id else ""
                lines.append(f"✓ {labels.gesture_name(grant.gesture_type)}: "
                             f"{grant.description} {value}{approved}".rstrip())
            for description, value_minor in self.desk.cases.corrections(case_id):
                lines.append(self.tr("Correction: %1 %2").replace("%1", description)
                             .replace("%2", money(site, value_minor)))
        self.granted_list.setText("\n".join(lines))
        self.slips.refresh()
        self.update_decision()

    def _proposal(self) -> GestureProposal | None:
        """The gesture as typed, or None with the problem shown beside the field."""
        kind = self.kind.currentData()
        site = self.desk.site.info()
        if kind == "none":
            self.amount_error.clear()
            return GestureProposal("none", self.description.text() or
                                   self.tr("Apology and the fix; no gesture"), 0)
        try:
            value = parse_amount(self.amount.text(), site.currency, site.locale)
        except AmountError as error:
            self.amount_error.setText(labels.amount_problem(error.problem, error.decimals))
            return None
        if value.minor == 0:
            self.amount_error.setText(self.tr("A gesture needs a value; choose \"No gesture\" "
                                              "for none."))
            return None
        self.amount_error.clear()
        return GestureProposal(kind, self.description.text(), value.minor)

    def _decision(self, proposal: GestureProposal) -> BudgetDecision | None:
        who = self._on_shift()
        if who is None:
            return None
        return self.desk.grants.check(who, self._case_id(), proposal.value_minor)

    def update_decision(self) -> None:
        if not self.amount.text().strip() and self.kind.currentData() != "none":
            self.decision.clear()
            self.amount_error.clear()
            self.grant_button.setText(self.tr("Grant"))
            return
        proposal = self._proposal()
        decision = None if proposal is None else self._decision(proposal)
        if decision is None:
            self.decision.clear()
            return
        site = self.desk.site.info()
        if decision.within_limits:
            self.decision.setText(self.tr("Within your limits: Enter grants it."))
            self.grant_button.setText(self.tr("Grant"))
        else:
            parts = [self.tr("over the %1 by %2").replace("%1", labels.limit_name(b.limit))
                     .replace("%2", money(site, b.over_by)) for b in decision.breaches]
            self.decision.setText(self.tr("Needs approval: %1.").replace("%1", "; ".join(parts)))
            self.grant_button.setText(self.tr("Ask for approval…"))

    # --- actions ----------------------------------------------------------------------------

    def grant(self) -> None:
        who = self._on_shift()
        case_id = self._case_id()
        if who is None or case_id is None:
            return
        proposal = self._proposal()
        if proposal is None:
            self.amount.setFocus()
            return
        try:
            result = self.desk.grants.grant(who, case_id, proposal)
        except DeskError as error:
            self.amount_error.setText(labels.desk_error(error))
            return
        if not result.granted:
            dialog = ApprovalDialog(self.desk, who, case_id, proposal, result.decision, self)
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.was_approved:
                self.refresh()
                return
        self.clear_form()
        self.refresh()
        self.granted.emit()
        self.slips.print_both.setFocus()  # what comes next: Enter prints both slips
        if proposal.gesture_type == "voucher" and self.desk.settings.get(PRINT_ON_GRANT):
            self.slips.print_voucher_and_apology()  # the site prints as soon as it is granted

    def record_correction(self) -> None:
        who = self._on_shift()
        case_id = self._case_id()
        if who is None or case_id is None:
            return
        site = self.desk.site.info()
        try:
            value = parse_amount(self.correction_amount.text(), site.currency, site.locale)
        except AmountError as error:
            self.correction_error.setText(labels.amount_problem(error.problem, error.decimals))
            return
        if value.minor == 0 or not self.correction_text.text().strip():
            self.correction_error.setText(self.tr("Say what was corrected and by how much."))
            return
        self.desk.cases.record_correction(who, case_id, self.correction_text.text(), value.minor)
        self.correction_error.clear()
        self.correction_text.clear()
        self.correction_amount.clear()
        self.refresh()
