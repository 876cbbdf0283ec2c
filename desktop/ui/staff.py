"""Settings → Staff: a manager adds people, changes roles, deactivates, resets PINs.

The dialog shows the roster, deactivated people too, and one form at a time beside it: add
someone, change a role, or confirm a deactivation or a PIN reset. The core decides every rule
(``desk.staff``); a refusal is shown in the core's words under the form and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import DeskError, Refusal
from desktop.core.staff import ROLES
from desktop.ui import labels
from desktop.ui.common import named
from desktop.ui.design import tone
from desktop.ui.pin_entry import PinPad, empty_pin, error_label, pin_field, touch_button
from desktop.ui.staff_table import RosterTable

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.views import OnShift, StaffMember

_NAME_REFUSALS = (Refusal.STAFF_NAME_MISSING, Refusal.STAFF_NAME_TAKEN, Refusal.TEXT_TOO_LONG)


class StaffDialog(QDialog):
    """A manager's view of the staff list, acting as ``on_shift``'s person."""

    def __init__(self, desk: Desk, on_shift: OnShift, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.on_shift = on_shift
        self.setWindowTitle(self.tr("Staff"))
        self.members: list[StaffMember] = []
        self.table = RosterTable(self.edit_role)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda *_: self.edit_role())

        self.add_button = touch_button(self.tr("Add someone…"), "staffAdd",
                                       self.tr("Add someone to the staff"))
        self.role_button = touch_button(self.tr("Change role…"), "staffRole",
                                        self.tr("Change the chosen person's role"))
        self.deactivate_button = touch_button(self.tr("Deactivate…"), "staffDeactivate",
                                              self.tr("Deactivate the chosen person"))
        self.reset_button = touch_button(self.tr("Reset PIN…"), "staffResetPin",
                                         self.tr("Reset the chosen person's PIN"))
        self.close_button = touch_button(self.tr("Close"), "staffClose", self.tr("Close"))
        for button, act in ((self.add_button, self.start_add), (self.role_button, self.edit_role),
                            (self.deactivate_button, self.ask_deactivate),
                            (self.reset_button, self.ask_reset_pin),
                            (self.close_button, self.accept)):
            button.clicked.connect(act)  # Enter or Space on it, when it has the keyboard
        actions = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.deactivate_button,
                       self.reset_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)

        # One form at a time beside the list; each says under its fields what is wrong.
        self.forms = QStackedWidget()
        self.errors: dict[QWidget, QLabel] = {}
        self._build_idle()
        self._build_add_form()
        self._build_role_form()
        self._build_confirm_form()

        row = QHBoxLayout()
        row.addWidget(self.table, 3)
        row.addWidget(self.forms, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addLayout(actions)
        self._tab_order()
        self.resize(920, 520)
        self.reload()
        if self.members:
            self.table.selectRow(0)  # the buttons and the keyboard start on someone
        self.table.setFocus()

    # --- the forms --------------------------------------------------------------------------

    def _build_idle(self) -> None:
        page = QWidget()
        hint = QLabel(self.tr("Choose a person, then what to do. Deactivated people stay on "
                              "the list: their name stays in the history."))
        hint.setWordWrap(True)
        self.notice = named(QLabel(), "staffNotice", self.tr("What was done"))
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        tone(self.notice, "success")
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(hint)
        box.addWidget(self.notice)
        box.addStretch(1)
        self.idle = page
        self.forms.addWidget(page)

    def _build_add_form(self) -> None:
        page = QWidget()
        self.name = named(QLineEdit(), "newStaffName", self.tr("New person's name"))
        self.name.setMinimumHeight(44)
        self.role = named(QComboBox(), "newStaffRole", self.tr("New person's role"))
        self.role.setMinimumHeight(44)
        for role in ROLES:
            self.role.addItem(labels.role_name(role), role)
        self.pin = pin_field("newStaffPin", self.tr("New person's PIN"))
        self.pin_again = pin_field("newStaffPinAgain", self.tr("New person's PIN again"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        hint = QLabel(self.tr("The new person types their PIN, twice."))
        hint.setWordWrap(True)
        self.add_save = touch_button(self.tr("Add"), "staffAddSave", self.tr("Add this person"))
        self.add_save.clicked.connect(self.add)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Add someone"))
        tone(title, "heading")
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(hint)
        box.addWidget(PinPad([self.pin, self.pin_again]))
        box.addWidget(self._error(page, "staffAddMessage"))
        self.add_cancel = self._form_buttons(box, self.add_save, "staffAddCancel")
        self.add_page = page
        self.forms.addWidget(page)

    def _build_role_form(self) -> None:
        page = QWidget()
        self.role_title = QLabel()
        self.role_title.setWordWrap(True)
        self.new_role = named(QComboBox(), "changeRole", self.tr("New role"))
        self.new_role.setMinimumHeight(44)
        for role in ROLES:
            self.new_role.addItem(labels.role_name(role), role)
        self.role_save = touch_button(self.tr("Save role"), "staffRoleSave",
                                      self.tr("Save the new role"))
        self.role_save.clicked.connect(self.save_role)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.role_title)
        box.addWidget(self.new_role)
        box.addWidget(self._error(page, "staffRoleMessage"))
        self.role_cancel = self._form_buttons(box, self.role_save, "staffRoleCancel")
        self.role_page = page
        self.forms.addWidget(page)

    def _build_confirm_form(self) -> None:
        page = QWidget()
        self.question = named(QLabel(), "staffQuestion", self.tr("Question"))
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm = touch_button("", "staffConfirm", self.tr("Confirm"))
        self.confirm.clicked.connect(lambda: self._confirmed())
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.question)
        box.addWidget(self._error(page, "staffConfirmMessage"))
        self.confirm_cancel = self._form_buttons(box, self.confirm, "staffConfirmCancel")
        self.confirm_page = page
        self._confirmed: Callable[[], None] = lambda: None
        self.forms.addWidget(page)

    def _error(self, page: QWidget, object_name: str) -> QLabel:
        self.errors[page] = error_label(object_name, self.tr("What is wrong"))
        return self.errors[page]

    def _form_buttons(self, box: QVBoxLayout, primary: QPushButton,
                      cancel_name: str) -> QPushButton:
        """Cancel and the form's main button, under the form; returns Cancel."""
        cancel = touch_button(self.tr("Cancel"), cancel_name, self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.show_idle)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(primary)
        box.addLayout(row)
        box.addStretch(1)
        return cancel

    def _tab_order(self) -> None:
        """The list, what to do with it, the open form (hidden ones are skipped), Close."""
        chain = [self.table, self.add_button, self.role_button, self.deactivate_button,
                 self.reset_button, self.name, self.role, self.pin, self.pin_again,
                 self.add_cancel, self.add_save, self.new_role, self.role_cancel,
                 self.role_save, self.confirm_cancel, self.confirm, self.close_button]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    @property
    def message(self) -> QLabel:
        """Where the open form says what is wrong (the idle page: its notice)."""
        return self.errors.get(self.forms.currentWidget(), self.notice)  # type: ignore[arg-type]

    def _show_form(self, page: QWidget, primary: QPushButton, focus: QWidget) -> None:
        """One form at a time; its main button is the one Enter presses."""
        self.errors[page].clear()
        self.notice.clear()
        self.forms.setCurrentWidget(page)
        for button in (self.add_save, self.role_save, self.confirm):
            button.setDefault(button is primary)
        focus.setFocus()

    def show_idle(self) -> None:
        self.forms.setCurrentWidget(self.idle)
        for button in (self.add_save, self.role_save, self.confirm):
            button.setDefault(False)
        self.notice.clear()
        self.table.setFocus()

    # override: QDialog.keyPressEvent (Escape leaves an open form first, then the dialog)
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.forms.currentWidget() is not self.idle:
            self.show_idle()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- the list ---------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        chosen = self.chosen()
        select_id = select_id or (chosen.id if chosen else None)
        self.members = self.desk.staff.roster(include_inactive=True)
        self.table.show_members(self.members, select_id)
        self._selection_changed()

    def chosen(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows() if self.members else []
        return self.members[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        member = self.chosen()
        can_act = member is not None and member.active
        for button in (self.role_button, self.deactivate_button, self.reset_button):
            button.setEnabled(can_act)
        if self.forms.currentWidget() in (self.role_page, self.confirm_page):
            self.show_idle()  # a form about someone else is no longer the right one

    # --- the actions ------------------------------------------------------------------------

    def start_add(self) -> None:
        self.name.clear()
        self.pin.clear()
        self.pin_again.clear()
        self.role.setCurrentIndex(0)
        self._show_form(self.add_page, self.add_save, self.name)

    def add(self) -> None:
        if self.name.text().strip() and not self.pin.text():
            self._refuse(empty_pin(self.desk), self.pin)
            return
        if self.pin.text() != self.pin_again.text():
            self._refuse(labels.refusal_text(Refusal.PIN_MISMATCH), self.pin)
            return
        try:
            member = self.desk.staff.add(self.name.text(), self.role.currentData(),
                                         self.pin.text(), by=self.on_shift.staff.id)
        except DeskError as error:
            name_wrong = error.refusal in _NAME_REFUSALS
            self._refuse(labels.desk_error(error), self.name if name_wrong else self.pin)
            return
        self._done(self.tr("Added %1 as %2.").replace("%1", member.name)
                   .replace("%2", labels.role_name(member.role)), member.id)

    def edit_role(self) -> None:
        member = self.chosen()
        if member is None or not member.active:
            return
        self.role_title.setText(self.tr("New role for %1:").replace("%1", member.name))
        self.new_role.setCurrentIndex(max(self.new_role.findData(member.role), 0))
        self._show_form(self.role_page, self.role_save, self.new_role)

    def save_role(self) -> None:
        member = self.chosen()
        if member is None:
            return
        try:
            changed = self.desk.staff.set_role(member.id, self.new_role.currentData(),
                                               by=self.on_shift.staff.id)
        except DeskError as error:
            self._refuse(labels.desk_error(error), self.new_role)
            return
        self._done(self.tr("%1 is now %2.").replace("%1", changed.name)
                   .replace("%2", labels.role_name(changed.role)), changed.id)

    def ask_deactivate(self) -> None:
        member = self.chosen()
        if member is None or not member.active:
            return
        self._ask(self.tr("Deactivate %1? They will never be able to sign in again. Their "
                          "name stays in the history of their cases.").replace("%1", member.name),
                  self.tr("Deactivate"), lambda: self._deactivate(member))

    def _deactivate(self, member: StaffMember) -> None:
        try:
            self.desk.staff.deactivate(member.id, by=self.on_shift.staff.id)
        except DeskError as error:
            self._refuse(labels.desk_error(error), self.confirm)
            return
        self._done(self.tr("%1 is deactivated and can no longer sign in.")
                   .replace("%1", member.name), member.id)

    def ask_reset_pin(self) -> None:
        member = self.chosen()
        if member is None or not member.active:
            return
        self._ask(self.tr("Reset %1's PIN? Their PIN stops working now; they choose a new one "
                          "at their next sign-in.").replace("%1", member.name),
                  self.tr("Reset PIN"), lambda: self._reset_pin(member))

    def _reset_pin(self, member: StaffMember) -> None:
        try:
            self.desk.staff.reset_pin(member.id, by=self.on_shift.staff.id)
        except DeskError as error:
            self._refuse(labels.desk_error(error), self.confirm)
            return
        self._done(self.tr("%1 chooses a new PIN at their next sign-in.")
                   .replace("%1", member.name), member.id)

    def _ask(self, question: str, verb: str, act: Callable[[], None]) -> None:
        self.question.setText(question)
        self.confirm.setText(verb)
        self._confirmed = act
        self._show_form(self.confirm_page, self.confirm, self.confirm)

    def _refuse(self, text: str, focus: QWidget) -> None:
        """The core's reason, under the open form; the PIN fields are typed again."""
        self.message.setText(text)
        if focus in (self.pin, self.pin_again):
            self.pin.clear()
            self.pin_again.clear()
        focus.setFocus()

    def _done(self, text: str, member_id: str) -> None:
        self.show_idle()
        self.reload(select_id=member_id)
        self.notice.setText(text)
