"""Hand-offs at the desk: hand the shown case to a colleague or a department with a note, the
"Handed to me/us" list where the taker marks it done or adds a note, the owner's reminder
and the review's hand-off tab. The rules are ``desktop.core.handoffs``; this stays thin.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.handoffs import median_minutes
from desktop.core.views import CaseSummary, HandoffView, OnShift
from desktop.ui import labels
from desktop.ui.common import named, time_text
from desktop.ui.design import tone, touch_rows

translate = QCoreApplication.translate
SHIPPED_DEPARTMENTS = ("housekeeping", "maintenance", "kitchen", "duty_manager")


def department_name(name: str) -> str:
    """The four shipped departments in the screen's language; a site's own as typed."""
    shipped = {
        "housekeeping": translate("Handoffs", "Housekeeping"),
        "maintenance": translate("Handoffs", "Maintenance"),
        "kitchen": translate("Handoffs", "Kitchen"),
        "duty_manager": translate("Handoffs", "Duty manager"),
    }
    return shipped.get(name, name)


def taker_name(view: HandoffView) -> str:
    return department_name(view.to_name) if view.to_kind == "department" else view.to_name


class HandoffDialog(QDialog):
    """Hand a case to a colleague or a department, with a note for them."""

    def __init__(self, desk: Desk, on_shift: OnShift, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.on_shift, self.case_id = desk, on_shift, case_id
        self.handoff_id: str | None = None
        self.setWindowTitle(self.tr("Hand off the case"))
        self.taker = named(QComboBox(), "handoffTaker", self.tr("Hand to"))
        for department in desk.handoffs.departments():
            self.taker.addItem(department_name(department), ("department", department))
        for member in desk.staff.roster():
            if member.id != on_shift.staff.id:
                self.taker.addItem(member.name, ("staff", member.id))
        self.note = named(QPlainTextEdit(), "handoffNote", self.tr("Note for them"))
        self.note.setPlaceholderText(self.tr("What they should do, and for whom"))
        self.note.setTabChangesFocus(True)
        self.hint = QLabel(self.tr("The follow-up with the guest stays yours: you will be "
                                   "reminded to check back."))
        self.hint.setWordWrap(True)
        self.message = named(QLabel(), "handoffMessage", self.tr("Message"))
        tone(self.message, "error")
        self.message.setWordWrap(True)
        self.ok = named(QPushButton(self.tr("Hand off")), "handoffOk", self.tr("Hand off"))
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.hand_off)
        form = QFormLayout()
        form.addRow(self.tr("Hand to"), self.taker)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.ok, alignment=Qt.AlignmentFlag.AlignRight)

    def hand_off(self) -> None:
        choice = self.taker.currentData()
        if not choice:
            return
        kind, target = choice
        try:
            self.handoff_id = self.desk.handoffs.hand_off(
                self.on_shift, self.case_id, note=self.note.toPlainText().strip(),
                **({"to_staff": target} if kind == "staff" else {"to_department": target}))
        except DeskError as error:
            self.message.setText(labels.desk_error(error))
            return
        self.accept()


class HandedToUsDialog(QDialog):
    """What is handed to the person signed in or to a department: open it, add a note, or
    mark it done."""

    case_chosen = Signal(str)

    def __init__(self, desk: Desk, on_shift: OnShift, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.on_shift = desk, on_shift
        self.setWindowTitle(self.tr("Handed to me/us"))
        self.list = named(QListWidget(), "handedList", self.tr("Handed to me/us"))
        self.note = named(QPlainTextEdit(), "handedNote", self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What you did, or what is still to do"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.mark_done_button = named(QPushButton(self.tr("Mark done")), "handedDone",
                                      self.tr("Mark done"))
        self.add_note = named(QPushButton(self.tr("Add note")), "handedAddNote",
                              self.tr("Add note to the case"))
        self.open = named(QPushButton(self.tr("Open case")), "handedOpen", self.tr("Open case"))
        self.message = named(QLabel(), "handedMessage", self.tr("Message"))
        self.message.setWordWrap(True)
        self.mark_done_button.clicked.connect(self.mark_done)
        self.add_note.clicked.connect(self.add_case_note)
        self.open.clicked.connect(self.open_case)
        self.list.itemActivated.connect(lambda _item: self.open_case())
        buttons = QHBoxLayout()
        for button in (self.open, self.add_note, self.mark_done_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        site = self.desk.site.info()
        for view in self.desk.handoffs.handed_to(self.on_shift):
            text = (self.tr("%1, %2: for %3 since %4, from %5. %6")
                    .replace("%1", view.guest_name or self.tr("a guest"))
                    .replace("%2", view.location).replace("%3", taker_name(view))
                    .replace("%4", time_text(site, self.desk.site.local_time(view.at)))
                    .replace("%5", view.by_name).replace("%6", view.note))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (view.id, view.case_id))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.message.setText(self.tr("Nothing is handed to you or a department."))
        for button in (self.open, self.add_note, self.mark_done_button):
            button.setEnabled(self.list.count() > 0)

    def _chosen(self) -> tuple[str, str] | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def mark_done(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            self.desk.handoffs.mark_done(self.on_shift, chosen[0], self.note.toPlainText())
        except DeskError as error:
            self.message.setText(labels.desk_error(error))
            return
        self.note.clear()
        self.refresh()
        self.message.setText(self.tr("Marked done. The case's owner follows up with the guest."))

    def add_case_note(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            self.desk.cases.add_note(self.on_shift, chosen[1], self.note.toPlainText())
        except DeskError as error:
            self.message.setText(labels.desk_error(error))
            return
        self.note.clear()
        self.message.setText(self.tr("Note added to the case."))

    def open_case(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.case_chosen.emit(chosen[1])
            self.accept()


def owner_reminder(desk: Desk, case: CaseSummary) -> str:
    """The banner for a follow-up due on a case its owner handed off."""
    takers = ", ".join(dict.fromkeys(taker_name(v) for v in desk.handoffs.for_case(case.id)))
    text = translate("Handoffs", "Follow-up due: you handed %1 to %2, but the guest is still "
                                 "yours. Check back with them now.")
    guest = case.guest_name or translate("Handoffs", "a guest")
    return text.replace("%1", guest).replace("%2", takers)


class HandoffsReview(QWidget):
    """The review's hand-off tab: each hand-off, to whom, and how long until done."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.summary = named(QLabel(), "handoffSummary", self.tr("Hand-offs"))
        self.summary.setWordWrap(True)
        self.table = named(QTableWidget(0, 5), "handoffTable", self.tr("Hand-offs"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Guest"), self.tr("Handed to"), self.tr("By"), self.tr("When"),
            self.tr("Time to done")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        touch_rows(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_period(self, first: date, last: date) -> None:
        self.show_handoffs(self.desk.handoffs.for_review(first, last))

    def show_handoffs(self, views: Sequence[HandoffView]) -> None:
        site = self.desk.site.info()
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            minutes = view.minutes_to_done
            cells = [view.guest_name, taker_name(view), view.by_name,
                     self.desk.site.local_time(view.at).strftime("%Y-%m-%d ")
                     + time_text(site, self.desk.site.local_time(view.at)),
                     self.tr("not done yet") if minutes is None
                     else self.tr("%1 min").replace("%1", str(round(minutes)))]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        middle = median_minutes(views)
        done = sum(1 for v in views if v.done_at is not None)
        self.summary.setText(
            self.tr("%1 hand-offs, %2 done; typical time to done: %3.")
            .replace("%1", str(len(views))).replace("%2", str(done))
            .replace("%3", "-" if middle is None else self.tr("%1 min").replace(
                "%1", str(round(middle)))))
