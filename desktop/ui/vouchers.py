"""The Vouchers screen: a typed or scanned code is checked, redeemed or voided.

By keyboard: type or scan the code, Enter checks it; a valid voucher's Redeem then has the
keyboard, so a second Enter redeems it. Alt+R redeems, Alt+O voids (supervisors and managers).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
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
from desktop.core.views import OnShift, VoucherCheck, VoucherOutcome
from desktop.ui import labels
from desktop.ui.common import day_text, moment_text, money, named
from desktop.ui.design import role
from desktop.ui.keys import enter_clicks

# lupdate finds strings only in calls it knows, such as ``translate("Context", "text")``.
translate = QCoreApplication.translate


def describe_check(desk: Desk, check: VoucherCheck) -> str:
    """One sentence for the person at the desk, per outcome."""
    site = desk.site.info()
    voucher = check.voucher
    if check.outcome is VoucherOutcome.VALID and voucher is not None:
        text = translate("Vouchers", "Valid: %1 — %2 for %3, until %4.")
        if check.redeemed_now:
            text = translate("Vouchers", "Redeemed: %1 — %2 for %3.")
        return (text.replace("%1", money(site, voucher.value_minor))
                .replace("%2", voucher.description).replace("%3", voucher.guest_name)
                .replace("%4", day_text(site, voucher.expires_on)))
    if check.outcome is VoucherOutcome.ALREADY_REDEEMED and voucher is not None:
        when = moment_text(site, desk.site.local_time(voucher.redeemed_at)) \
            if voucher.redeemed_at else "?"
        where = (translate("Vouchers", "at this desk") if check.redeemed_here
                 else translate("Vouchers", "at another desk"))
        return (translate("Vouchers",
                          "Already redeemed on %1 %2 by %3. It cannot be used twice.")
                .replace("%1", when).replace("%2", where)
                .replace("%3", voucher.redeemed_by_name or "?"))
    messages = {
        VoucherOutcome.UNKNOWN: translate("Vouchers",
                                          "No voucher with this code was issued here."),
        VoucherOutcome.EXPIRED: translate("Vouchers", "This voucher has expired."),
        VoucherOutcome.VOIDED: translate("Vouchers", "This voucher was voided."),
        VoucherOutcome.FORGED: translate("Vouchers",
                                         "This voucher does not verify: it may be forged. Keep "
                                         "the slip and call a supervisor."),
        VoucherOutcome.MISTYPED: translate("Vouchers",
                                           "That is not a voucher code: check each character "
                                           "and type it again."),
    }
    text = messages.get(check.outcome, check.outcome.value)
    if check.outcome is VoucherOutcome.VOIDED and voucher is not None and voucher.void_reason:
        text += " " + voucher.void_reason
    return text


class VouchersDialog(QDialog):
    """Check, redeem or void a voucher; a barcode scanner types the QR into the field."""

    def __init__(self, desk: Desk, on_shift: OnShift, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.on_shift = on_shift
        self.setWindowTitle(self.tr("Vouchers"))
        self.code = named(QLineEdit(), "voucherCode", self.tr("Voucher code or scanned QR"))
        self.code.setPlaceholderText(self.tr("Type the code or scan the QR"))
        self.code.returnPressed.connect(self.check)
        self.check_button = named(QPushButton(self.tr("&Check")), "voucherCheck",
                                  self.tr("Check voucher"))
        self.redeem_button = named(QPushButton(self.tr("&Redeem")), "voucherRedeem",
                                   self.tr("Redeem voucher"))
        self.void_reason = named(QLineEdit(), "voidReason", self.tr("Reason to void"))
        self.void_button = named(QPushButton(self.tr("V&oid")), "voucherVoid",
                                 self.tr("Void voucher"))
        self.result_label = named(QLabel(), "voucherResult", self.tr("Voucher check result"))
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        # Room for the longest answer (an already redeemed voucher, when, where, by whom).
        self.result_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        close = named(QPushButton(self.tr("Close")), "vouchersClose", self.tr("Close"))
        close.clicked.connect(self.accept)
        self.check_button.clicked.connect(self.check)
        self.redeem_button.clicked.connect(self.redeem)
        self.void_button.clicked.connect(self.void)
        can_void = on_shift.staff.role in ("supervisor", "manager")
        self.void_button.setEnabled(can_void)
        self.void_reason.setEnabled(can_void)
        self.void_reason.setPlaceholderText(self.tr("Why it is voided, for the log"))
        # Enter in the code field checks (returnPressed), never a default button as well.
        for button in (self.check_button, self.redeem_button, self.void_button, close):
            button.setAutoDefault(False)
        enter_clicks(self.check_button, self.redeem_button, self.void_button, close)
        role(self.check_button, "primary")  # what Enter does, drawn as a default button
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.redeem_button)
        buttons.addStretch(1)
        void_row = QHBoxLayout()
        void_label = QLabel(self.tr("Reason to &void"))
        void_label.setBuddy(self.void_reason)
        void_row.addWidget(void_label)
        void_row.addWidget(self.void_reason, 1)
        void_row.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addLayout(void_row)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(560)  # the answers and the void row fit, not cut off

    def check(self) -> VoucherCheck:
        answer = self.desk.vouchers.check(self.code.text())
        self.result_label.setText(describe_check(self.desk, answer))
        if answer.outcome is VoucherOutcome.VALID:
            self.redeem_button.setFocus()  # Enter again redeems it
        return answer

    def redeem(self) -> None:
        answer = self.desk.vouchers.redeem(self.on_shift, self.code.text())
        self.result_label.setText(describe_check(self.desk, answer))
        self.code.setFocus()  # ready for the next code
        self.code.selectAll()

    def void(self) -> None:
        try:
            self.desk.vouchers.void(self.on_shift, self.code.text(), self.void_reason.text())
        except DeskError as error:
            self.result_label.setText(labels.desk_error(error))
            return
        self.result_label.setText(self.tr("Voided."))
