"""A supervisor approves (or declines) a gesture beyond the agent's limits, at the desk, with
their own PIN and a reason.

By keyboard: the PIN field has the keyboard and the nearest able approver is chosen; type the
PIN, Tab, the reason, Enter approves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.budget import BudgetDecision
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.views import ApproverSignOff, GestureProposal, OnShift
from desktop.ui import labels
from desktop.ui.common import money, named
from desktop.ui.design import tone


class ApprovalDialog(QDialog):
    """A supervisor approves (or declines) at the desk with their own PIN and a reason."""

    def __init__(self, desk: Desk, on_shift: OnShift, case_id: str, proposal: GestureProposal,
                 decision: BudgetDecision, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.on_shift = on_shift
        self.case_id = case_id
        self.proposal = proposal
        self.was_approved = False
        self.setWindowTitle(self.tr("Approval needed"))
        site = desk.site.info()
        parts = [self.tr("%1: %2 would be %3 of %4").replace("%1", labels.limit_name(b.limit))
                 .replace("%2", money(site, proposal.value_minor))
                 .replace("%3", money(site, b.would_be)).replace("%4", money(site, b.allowed))
                 for b in decision.breaches]
        summary = QLabel(self.tr("%1 — %2 is beyond %3's limits.")
                         .replace("%1", proposal.description or labels.gesture_name(
                             proposal.gesture_type))
                         .replace("%2", money(site, proposal.value_minor))
                         .replace("%3", on_shift.staff.name) + "\n" + "\n".join(parts))
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        summary.setObjectName("approvalSummary")
        self.approver = named(QComboBox(), "approverChoice", self.tr("Approver"))
        policy = desk.site.policy()
        # Offer the nearest authority first: a supervisor before a manager.
        rank = {"supervisor": 0, "manager": 1}
        approvers = sorted((m for m in desk.staff.roster() if policy.is_approver(m.role)),
                           key=lambda m: (rank.get(m.role, 2), m.name))
        for member in approvers:
            if member.id != on_shift.staff.id:
                self.approver.addItem(f"{member.name} — {labels.role_name(member.role)}",
                                      member.id)
        self._choose_first_able()
        self.pin = named(QLineEdit(), "approverPin", self.tr("Approver's PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,8}", self.pin))
        self.reason = named(QLineEdit(), "approvalReason", self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why this is right for the guest"))
        self.message = named(QLabel(), "approvalMessage", self.tr("Approval message"))
        self.message.setWordWrap(True)
        tone(self.message, "error")
        self.approve = named(QPushButton(self.tr("Approve")), "approveButton", self.tr("Approve"))
        self.approve.setDefault(True)
        self.decline = named(QPushButton(self.tr("Decline")), "declineButton", self.tr("Decline"))
        self.cancel = named(QPushButton(self.tr("Cancel")), "cancelApproval", self.tr("Cancel"))
        self.approve.clicked.connect(self.do_approve)
        self.decline.clicked.connect(self.do_decline)
        self.cancel.clicked.connect(self.reject)
        self.approver.currentIndexChanged.connect(lambda _i: self._check_approver())
        form = QFormLayout()
        form.addRow(self.tr("Approver"), self.approver)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.decline)
        buttons.addWidget(self.approve)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.pin.setFocus()
        self._check_approver()

    def _choose_first_able(self) -> None:
        for row in range(self.approver.count()):
            refusal = self.desk.grants.approval_refusal_for(self.on_shift, self.case_id,
                                                     self.approver.itemData(row),
                                                     self.proposal.value_minor)
            if refusal is None:
                self.approver.setCurrentIndex(row)
                return

    def _check_approver(self) -> bool:
        approver_id = self.approver.currentData()
        if approver_id is None:
            self.message.setText(self.tr("Nobody here may approve this gesture."))
            self.approve.setEnabled(False)
            return False
        refusal = self.desk.grants.approval_refusal_for(self.on_shift, self.case_id, approver_id,
                                                 self.proposal.value_minor)
        self.approve.setEnabled(refusal is None)
        self.message.setText("" if refusal is None else labels.approval_refusal(refusal))
        return refusal is None

    def _sign_off(self) -> ApproverSignOff | None:
        if not self.reason.text().strip():
            self.message.setText(self.tr("The approver must give a reason."))
            self.reason.setFocus()
            return None
        if not self.pin.text():
            self.message.setText(self.tr("The approver types their PIN."))
            self.pin.setFocus()
            return None
        return ApproverSignOff(self.approver.currentData(), self.pin.text(), self.reason.text())

    def _show_error(self, error: DeskError) -> None:
        if error.refusal is Refusal.APPROVER_PIN_WRONG:
            wait = int(error.detail or 0)
            text = self.tr("Wrong PIN for the approver.")
            if wait:
                text += " " + self.tr("Try again in %1 s.").replace("%1", str(wait))
            self.message.setText(text)
            self.pin.clear()
            self.pin.setFocus()
        elif error.refusal is Refusal.APPROVAL_REFUSED:
            from desktop.core.budget import ApprovalRefusal

            self.message.setText(labels.approval_refusal(ApprovalRefusal(error.detail)))
        else:
            self.message.setText(labels.desk_error(error))

    def do_approve(self) -> None:
        if not self._check_approver():
            return
        sign_off = self._sign_off()
        if sign_off is None:
            return
        try:
            result = self.desk.grants.grant(self.on_shift, self.case_id, self.proposal, sign_off)
        except DeskError as error:
            self._show_error(error)
            return
        self.was_approved = result.granted
        self.accept()

    def do_decline(self) -> None:
        sign_off = self._sign_off()
        if sign_off is None:
            return
        try:
            self.desk.grants.decline_approval(self.on_shift, self.case_id, sign_off, self.proposal)
        except DeskError as error:
            self._show_error(error)
            return
        self.was_approved = False
        self.reject()
