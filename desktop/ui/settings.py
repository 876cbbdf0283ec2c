"""Settings a manager changes at the desk: the budget policy (a new version each save), the
idle lock, the price factor of suggested gestures and printing as soon as a voucher is
granted."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.budget import Limit
from desktop.core.desk import Desk
from desktop.core.money import AmountError, format_plain, parse_amount
from desktop.core.policy import RoleLimits
from desktop.core.settings import IDLE_LOCK_MINUTES, PRICE_FACTOR, PRINT_ON_GRANT
from desktop.core.views import OnShift
from desktop.ui import labels
from desktop.ui.common import named
from desktop.ui.design import tone


class PolicyDialog(QDialog):
    """Edit the limits per role, the follow-up delay, voucher validity and the idle lock."""

    def __init__(self, desk: Desk, on_shift: OnShift, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.on_shift = on_shift
        self.setWindowTitle(self.tr("Budget policy"))
        self.site = desk.site.info()
        self.policy = desk.site.policy()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Role")), 0, 0)
        for column, limit in enumerate(Limit, start=1):
            grid.addWidget(QLabel(labels.limit_name(limit)), 0, column)
        self.fields: dict[tuple[str, Limit], QLineEdit] = {}
        for row, (role, limits) in enumerate(self.policy.roles.items(), start=1):
            grid.addWidget(QLabel(labels.role_name(role)), row, 0)
            values = {Limit.PER_CASE: limits.per_case, Limit.PER_SHIFT: limits.per_shift,
                      Limit.PER_GUEST_STAY: limits.per_guest_stay}
            for column, limit in enumerate(Limit, start=1):
                field = named(QLineEdit(format_plain(values[limit], self.site.currency,
                                                     self.site.locale)),
                              f"limit_{role}_{limit.value}",
                              f"{labels.role_name(role)} {labels.limit_name(limit)}")
                self.fields[(role, limit)] = field
                grid.addWidget(field, row, column)
        self.follow_up = named(QSpinBox(), "followUpMinutes", self.tr("Follow-up after minutes"))
        self.follow_up.setRange(1, 24 * 60)
        self.follow_up.setValue(self.policy.follow_up_minutes)
        self.voucher_days = named(QSpinBox(), "voucherDays", self.tr("Voucher valid for days"))
        self.voucher_days.setRange(1, 3650)
        self.voucher_days.setValue(self.policy.voucher_valid_days)
        self.idle = named(QSpinBox(), "idleLockMinutes", self.tr("Lock after idle minutes"))
        self.idle.setRange(1, 120)
        self.idle.setValue(int(desk.settings.get(IDLE_LOCK_MINUTES)))
        from db.money import price_factor

        factor = desk.settings.get(PRICE_FACTOR)
        self.factor = named(QLineEdit("" if factor is None else str(factor)), "priceFactor",
                            self.tr("Price factor of suggested gestures"))
        self.factor.setPlaceholderText(str(price_factor(self.site.currency)))
        self.factor.setToolTip(self.tr("How many %1 match one reference unit (about a US "
                                       "dollar) in suggested gestures; empty: the shipped "
                                       "factor.").replace("%1", self.site.currency))
        self.print_on_grant = named(QCheckBox(self.tr("Print voucher and apology as soon as a "
                                                      "voucher is granted")),
                                    "printOnGrant", self.tr("Print on grant"))
        self.print_on_grant.setChecked(desk.settings.get(PRINT_ON_GRANT))
        form = QFormLayout()
        form.addRow(self.tr("Follow up after (minutes)"), self.follow_up)
        form.addRow(self.tr("Vouchers valid (days)"), self.voucher_days)
        form.addRow(self.tr("Lock the desk after (idle minutes)"), self.idle)
        form.addRow(self.tr("Price factor (%1)").replace("%1", self.site.currency), self.factor)
        form.addRow("", self.print_on_grant)
        self.message = named(QLabel(), "policyMessage", self.tr("Policy message"))
        tone(self.message, "error")
        self.message.setWordWrap(True)
        save = named(QPushButton(self.tr("Save as new version")), "savePolicy",
                     self.tr("Save policy"))
        save.setDefault(True)
        save.clicked.connect(self.save)
        cancel = named(QPushButton(self.tr("Cancel")), "cancelPolicy", self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Policy version %1. Amounts in %2.")
                                .replace("%1", str(self.policy.version))
                                .replace("%2", self.site.currency)))
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _factor(self) -> Decimal | None:
        text = self.factor.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal(0)
        if not value.is_finite() or value <= 0:
            raise ValueError(text)
        return value

    def save(self) -> None:
        try:
            factor = self._factor()
        except ValueError:
            self.message.setText(self.tr("The price factor is a number above 0, such as 0.4 "
                                         "or 150."))
            self.factor.setFocus()
            return
        roles: dict[str, RoleLimits] = {}
        for role in self.policy.roles:
            values: dict[Limit, int] = {}
            for limit in Limit:
                field = self.fields[(role, limit)]
                try:
                    values[limit] = parse_amount(field.text(), self.site.currency,
                                                 self.site.locale).minor
                except AmountError as error:
                    self.message.setText(f"{labels.role_name(role)}, "
                                         f"{labels.limit_name(limit)}: "
                                         f"{labels.amount_problem(error.problem, error.decimals)}")
                    field.setFocus()
                    return
            roles[role] = RoleLimits(values[Limit.PER_CASE], values[Limit.PER_SHIFT],
                                     values[Limit.PER_GUEST_STAY])
        self.desk.site.set_policy(self.policy.with_changes(
            roles=roles, follow_up_minutes=self.follow_up.value(),
            voucher_valid_days=self.voucher_days.value()), by=self.on_shift)
        self.desk.settings.set(IDLE_LOCK_MINUTES, float(self.idle.value()), by=self.on_shift)
        self.desk.settings.set(PRICE_FACTOR, factor, by=self.on_shift)
        self.desk.settings.set(PRINT_ON_GRANT, self.print_on_grant.isChecked(), by=self.on_shift)
        self.accept()
