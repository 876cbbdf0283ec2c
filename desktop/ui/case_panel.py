"""The guided recovery panel: the case header, the clock and one screen per step.

A new case is a draft until its first step is done; then every change is an event. The
panel never blocks typing: it lists what is still missing and refuses only the final close.
Ctrl+Return completes the current step, so a low-severity case runs from the keyboard.
"""

from __future__ import annotations

import itertools
import logging
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.logs import guest_filter
from desktop.core.playbook import OUTCOMES, STEPS, categories
from desktop.core.views import CaseHeader, CaseView, OnShift
from desktop.ui import design, labels
from desktop.ui.case_header import CaseHeaderForm
from desktop.ui.common import countdown, named, scrolled, time_text
from desktop.ui.gesture import GesturePanel
from desktop.ui.keys import enter_clicks
from desktop.ui.step_bar import StepBar

log = logging.getLogger(__name__)


def _text_box(object_name: str, accessible: str, placeholder: str) -> QPlainTextEdit:
    box = named(QPlainTextEdit(), object_name, accessible)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    return box


class CasePanel(QWidget):
    """One case at a time; emits ``changed`` after anything is recorded, ``finished`` on close."""

    changed = Signal()
    finished = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.on_shift: OnShift | None = None
        self.case_id: str | None = None
        self.started_at: datetime | None = None
        self._shown_step = "listen"
        self._view: CaseView | None = None

        self.head = CaseHeaderForm(desk)
        self.head.choice_changed.connect(self._header_choice_changed)
        head = self.head
        self.guest, self.location, self.outlet = head.guest, head.location, head.outlet
        self.category, self.severity, self.language = head.category, head.severity, head.language
        self.missing = self.head.missing
        self.clock = named(QLabel(), "caseClock", self.tr("Time since the case opened"))
        design.tone(self.clock, "clock")
        self.clock.setMinimumWidth(90)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # steps
        self.step_bar = StepBar(self.clock)
        self.prompt = named(QLabel(), "stepPrompt", self.tr("What good looks like"))
        self.prompt.setWordWrap(True)
        design.tone(self.prompt, "prompt")

        self.account = _text_box("account", self.tr("The guest's account"),
                                 self.tr("In the guest's own words…"))
        self.apology = _text_box("apology", self.tr("How you apologised"),
                                 self.tr("Optional: what you said, how it was taken"))
        self.guest_view = _text_box("guestView", self.tr("What went wrong for the guest"),
                                    self.tr("What went wrong, from the guest's side"))
        self.good_outcome = _text_box("goodOutcome", self.tr("A good outcome for the guest"),
                                      self.tr("What a good outcome is for them"))
        self.fix_action = _text_box("fixAction", self.tr("What was done to fix it"),
                                    self.tr("What was done to put it right"))
        self.fix_action.setMaximumHeight(110)
        self.gestures = GesturePanel(desk, lambda: self.on_shift, lambda: self.case_id, self)
        self.gestures.granted.connect(self.changed.emit)
        self.followup_due = named(QLabel(), "followupDue", self.tr("Follow-up due"))
        self.followup_note = _text_box("followupNote", self.tr("Follow-up note"),
                                       self.tr("How is it now, in the guest's words?"))
        self.followup_skip = named(QPushButton(self.tr("Skip: guest unreachable")),
                                   "followupSkip", self.tr("Skip follow-up"))
        self.followup_skip.clicked.connect(self.skip_followup)
        self.root_cause = named(QComboBox(), "rootCause", self.tr("Root cause"))
        self.root_cause.addItem(self.tr("Choose…"), "")
        for key in categories(desk.ledger.recovery_matrix()):
            self.root_cause.addItem(labels.category_name(key), key)
        self.detail = _text_box("detail", self.tr("Detail for the supervisor"), self.tr(
            "When, where, which shift, what exactly — so trends show"))
        self.outcome = named(QComboBox(), "outcome", self.tr("Outcome"))
        for key in OUTCOMES:
            self.outcome.addItem(labels.outcome_name(key), key)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._page(self.account))
        self.pages.addWidget(self._page(self.apology))
        self.pages.addWidget(self._page(self.guest_view, self.good_outcome))
        self.pages.addWidget(self._page(self.fix_action, self.gestures))
        self.pages.addWidget(self._page(self.followup_due, self.followup_note,
                                        self.followup_skip))
        self.pages.addWidget(self._page(self.root_cause, self.detail, self.outcome))

        self.back = named(QPushButton(self.tr("Back")), "backButton", self.tr("Previous step"))
        self.back.clicked.connect(self.go_back)
        self.next = named(QPushButton(), "nextButton", self.tr("Complete step"))
        self.next.setDefault(True)
        self.next.clicked.connect(self.complete)
        self.message = named(QLabel(), "panelMessage", self.tr("Message"))
        self.message.setWordWrap(True)
        design.tone(self.message, "error")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.next)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.missing)
        layout.addWidget(line)
        layout.addWidget(self.step_bar)
        layout.addWidget(self.prompt)
        layout.addWidget(scrolled(self.pages), 1)  # fits a small screen at 150 %
        layout.addLayout(buttons)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.complete)
        # Both slips of the case, from anywhere on the panel.
        QShortcut(QKeySequence.StandardKey.Print, self,
                  self.gestures.slips.print_voucher_and_apology)
        enter_clicks(self.back, self.next, self.followup_skip)

        order = [self.guest, self.location, self.outlet, self.category, self.severity,
                 self.account, self.apology, self.guest_view, self.good_outcome,
                 self.fix_action, self.gestures.suggestion_list, self.gestures.kind,
                 self.gestures.description, self.gestures.amount, self.gestures.grant_button,
                 self.gestures.slips.print_both, self.gestures.slips.print_voucher,
                 self.gestures.slips.print_apology,
                 self.followup_note, self.root_cause, self.detail, self.outcome, self.back,
                 self.next, self.language]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    @staticmethod
    def _page(*widgets: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    # --- what is shown ----------------------------------------------------------------------

    def header(self) -> CaseHeader:
        return self.head.header()

    def is_draft_with_content(self) -> bool:
        return self.case_id is None and self.started_at is not None and (
            any(v for k, v in self.header().as_dict().items() if k != "guest_language")
            or bool(self.account.toPlainText()))

    def new_case(self, on_shift: OnShift) -> None:
        """Start a fresh draft; the clock starts now."""
        self.on_shift = on_shift
        self.case_id = None
        self._view = None
        self.started_at = self.desk.now()
        self.head.clear()
        for box in (self.account, self.apology, self.guest_view, self.good_outcome,
                    self.fix_action, self.followup_note, self.detail):
            box.clear()
        self.root_cause.setCurrentIndex(0)
        self.outcome.setCurrentIndex(0)
        self.gestures.clear_form()
        self.gestures.slips.refresh()  # the last case's print message goes
        self.message.clear()
        self._show_step("listen")
        self.guest.setFocus()

    def show_case(self, on_shift: OnShift, case_id: str) -> None:
        """Show a recorded case at the step it has reached."""
        self.on_shift = on_shift
        self.case_id = case_id
        view = self.desk.cases.get(case_id)
        self._view = view
        self.started_at = view.opened_at
        self.head.show_view(view)
        boxes = {"account": self.account, "apology": self.apology,
                 "guest_view": self.guest_view, "good_outcome": self.good_outcome,
                 "fix_action": self.fix_action, "followup_note": self.followup_note,
                 "detail": self.detail}
        for name, box in boxes.items():
            box.setPlainText(view.fields.get(name, ""))
        self.root_cause.setCurrentIndex(max(self.root_cause.findData(
            view.fields.get("root_cause", "")), 0))
        if view.outcome:
            self.outcome.setCurrentIndex(max(self.outcome.findData(view.outcome), 0))
        self.message.clear()
        self.gestures.set_case(view.header.category, view.header.severity)
        self._show_step(view.step if view.step in STEPS else "document")
        self._say_closed()

    def reload_view(self) -> None:
        """Re-read the shown case (other desks' events were merged): whether it was closed
        elsewhere, its follow-up. What the person has typed here stays as it is."""
        if self.case_id is None:
            return
        self._view = self.desk.cases.get(self.case_id)
        self._show_closed()
        if self._shown_step == "followup":
            self._update_followup_label()

    def _show_closed(self) -> None:
        """A closed case is shown as it was closed: nothing on it can be edited any more."""
        closed = self._view is not None and self._view.status == "closed"
        self.next.setText(self._next_label(self._shown_step, closed))
        self.next.setEnabled(not closed)
        self.head.set_read_only(closed)
        for box in (self.account, self.apology, self.guest_view, self.good_outcome,
                    self.fix_action, self.followup_note, self.detail):
            box.setReadOnly(closed)
        for widget in (self.root_cause, self.outcome, self.followup_skip):
            widget.setEnabled(not closed)
        self.gestures.set_read_only(closed)

    def _show_step(self, step: str) -> None:
        self._shown_step = step
        index = STEPS.index(step)
        self.pages.setCurrentIndex(index)
        self.prompt.setText(labels.step_prompt(step))
        self.step_bar.show_step(step)
        self._show_closed()
        self.back.setEnabled(index > 0)
        if step == "fix":
            self.gestures.set_case(self.header().category, self.header().severity)
        if step == "followup":
            self._update_followup_label()
        self.head.update_missing()
        focus = {"listen": self.account, "apologise": self.apology, "review": self.guest_view,
                 "fix": self.fix_action, "followup": self.followup_note,
                 "document": self.root_cause}[step]
        if self.case_id is not None or step != "listen":
            focus.setFocus()

    def _next_label(self, step: str, closed: bool) -> str:
        if closed:
            return self.tr("Case closed")
        return {"listen": self.tr("Heard it — next (Ctrl+Enter)"),
                "apologise": self.tr("Apologised — next (Ctrl+Enter)"),
                "review": self.tr("Reviewed — next (Ctrl+Enter)"),
                "fix": self.tr("Fixed — next (Ctrl+Enter)"),
                "followup": self.tr("Followed up — next (Ctrl+Enter)"),
                "document": self.tr("Close case (Ctrl+Enter)")}[step]

    def _header_choice_changed(self) -> None:
        if self._shown_step == "fix":
            self.gestures.set_case(self.header().category, self.header().severity)

    def _update_followup_label(self) -> None:
        view = self._view
        if view is None or view.followup_due_at is None:
            self.followup_due.setText(self.tr("Follow-up: after the fix."))
            return
        if view.followup_done_at is not None:
            self.followup_due.setText(self.tr("Follow-up done."))
            return
        left = (view.followup_due_at - self.desk.now()).total_seconds()
        due_local = time_text(self.desk.site.info(),
                              self.desk.site.local_time(view.followup_due_at))
        if left >= 0:
            text = self.tr("Follow-up due at %1 (in %2).").replace("%2", countdown(left))
        else:
            text = self.tr("Follow-up was due at %1 (overdue %2).").replace(
                "%2", countdown(-left))
        self.followup_due.setText(text.replace("%1", due_local))

    def tick(self) -> None:
        """Once a second: the case clock and the follow-up countdown."""
        if self.started_at is None:
            self.clock.clear()
            return
        end = self._view.closed_at if self._view and self._view.closed_at else self.desk.now()
        self.clock.setText(countdown((end - self.started_at).total_seconds()))
        if self._shown_step == "followup":
            self._update_followup_label()

    # --- actions ----------------------------------------------------------------------------

    def go_back(self) -> None:
        index = STEPS.index(self._shown_step)
        if index > 0:
            self._show_step(STEPS[index - 1])

    def _say(self, error: DeskError) -> None:
        design.tone(self.message, "error")
        self.message.setText(labels.desk_error(error))

    def _say_closed(self) -> None:
        """Closing is confirmed in words, not only by a greyed button."""
        if self._view is None or self._view.closed_at is None:
            return
        when = time_text(self.desk.site.info(), self.desk.site.local_time(self._view.closed_at))
        design.tone(self.message, "success")
        self.message.setText(self.tr("Case closed at %1. It is on record and can no longer be "
                                     "changed.").replace("%1", when))

    def complete(self) -> None:
        """Record the shown step and move to the next (Ctrl+Enter)."""
        if self.on_shift is None or (self._view is not None and self._view.status == "closed"):
            return
        step = self._shown_step
        try:
            if self.case_id is None:
                self.case_id = self.desk.cases.open(self.on_shift, self.header(),
                                                   started_at=self.started_at)
            else:
                self.desk.cases.update_header(self.on_shift, self.case_id, self.header())
            if step == "document":
                self.desk.cases.close(self.on_shift, self.case_id,
                                     root_cause=self.root_cause.currentData() or "",
                                     detail=self.detail.toPlainText(),
                                     outcome=self.outcome.currentData())
            elif step == "followup":
                if self._view is not None and self._view.followup_done_at is None:
                    self.desk.cases.complete_followup(self.on_shift, self.case_id,
                                                self.followup_note.toPlainText())
            else:
                self.desk.cases.complete_step(self.on_shift, self.case_id, step, self._fields(step))
        except DeskError as error:
            self._say(error)
            if error.refusal is Refusal.MISSING_FIELDS and "root_cause" in error.detail:
                self.message.setText(self.tr("Choose a root cause before closing."))
            return
        self.message.clear()
        # Support reads case ids and steps in the log; the guest's name must never get there.
        guest_filter.register(self.guest.text())
        log.info("case %s: %s recorded", self.case_id, step)
        self._view = self.desk.cases.get(self.case_id)
        self.changed.emit()
        if self._view.status == "closed":
            self._show_step("document")
            self._say_closed()
            self.finished.emit()
            return
        following = STEPS[min(STEPS.index(step) + 1, len(STEPS) - 1)]
        self._show_step(following)

    def skip_followup(self) -> None:
        if self.on_shift is None or self.case_id is None:
            return
        try:
            self.desk.cases.complete_step(self.on_shift, self.case_id, "followup",
                                    {"skipped": "guest unreachable"})
        except DeskError as error:
            self._say(error)
            return
        self._view = self.desk.cases.get(self.case_id)
        self.changed.emit()
        self._show_step("document")

    def _fields(self, step: str) -> dict[str, str]:
        return {
            "listen": {"account": self.account.toPlainText()},
            "apologise": {"apology": self.apology.toPlainText()},
            "review": {"guest_view": self.guest_view.toPlainText(),
                       "good_outcome": self.good_outcome.toPlainText()},
            "fix": {"fix_action": self.fix_action.toPlainText()},
        }[step]

    def focus_first_field(self) -> None:
        self.guest.setFocus(Qt.FocusReason.ShortcutFocusReason)
