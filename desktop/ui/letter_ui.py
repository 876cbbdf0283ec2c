"""The apology letter in the case panel's slip area: a preview of what will print, wording
the agent may change for this guest before the first print, and the printed letter after it.

The letter is composed by the core (``desktop.core.letter``); this widget only shows it. Once
the case's apology has been printed the preview is the printed letter, read only: a reprint
is that same letter (marked REPRINT on the slip).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.languages import LANGUAGE_NAMES
from desktop.core.letter import Letter, compose_letter, printed_letter
from desktop.core.views import OnShift
from desktop.ui import labels
from desktop.ui.common import named
from desktop.ui.keys import enter_clicks


class LetterPreview(QWidget):
    """The letter as it will print; "Edit wording" lets the agent change it for this guest,
    "Standard wording" puts the composed letter back."""

    def __init__(self, desk: Desk, on_shift: Callable[[], OnShift | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._on_shift = on_shift
        self._case: str | None = None
        self._composed: Letter | None = None
        self._printed = False
        self.state = named(QLabel(), "letterState", self.tr("About the apology letter"))
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.text = named(QPlainTextEdit(), "letterText", self.tr("Apology letter"))
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(170)
        self.edit = named(QPushButton(self.tr("&Edit wording")), "letterEdit",
                          self.tr("Change the letter's wording for this guest"))
        self.reset = named(QPushButton(self.tr("Standard wording")), "letterReset",
                           self.tr("Go back to the standard wording"))
        self.edit.clicked.connect(self._start_editing)
        self.reset.clicked.connect(self._standard)
        enter_clicks(self.edit, self.reset)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.edit)
        buttons.addWidget(self.reset)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    @property
    def edited(self) -> bool:
        return not self.text.isReadOnly() and not self._printed

    def wording(self) -> str | None:
        """The agent's own wording for the first print; None to print the composed letter."""
        if not self.edited or self._composed is None:
            return None
        text = self.text.toPlainText()
        return None if text == self._composed.text else text

    def refresh(self, case_id: str | None) -> None:
        """Show the case's letter; an edit in progress on the same case is kept."""
        if case_id == self._case and self.edited:
            return
        self._case = case_id
        self._composed, self._printed = None, False
        self.text.setReadOnly(True)
        if case_id is None:
            self.text.clear()
            self.state.clear()
            self._update()
            return
        try:
            printed = printed_letter(self.desk, case_id)
            letter = printed or compose_letter(self.desk, case_id, self._on_shift())
        except DeskError as error:
            self.text.clear()
            self.state.setText(labels.desk_error(error))
            self._update()
            return
        self._printed = printed is not None
        self._composed = letter
        self.text.setPlainText(letter.text)
        language = LANGUAGE_NAMES.get(letter.language, letter.language)
        self.state.setText(
            self.tr("Printed: a reprint is this same letter.") if self._printed
            else self.tr("The apology letter, in %1, as it will print.").replace("%1", language))
        self._update()

    def printed(self) -> None:
        """A print has ended: show the letter now on record. When none is (a voucher alone,
        or a wording the core refused) the preview, and any edit in it, stays as it is."""
        if self._case is None or printed_letter(self.desk, self._case) is None:
            return
        case, self._case = self._case, None
        self.text.setReadOnly(True)
        self.refresh(case)

    def _start_editing(self) -> None:
        self.text.setReadOnly(False)
        self.state.setText(self.tr("Your wording for this guest: it prints as you leave it. "
                                   "A blank line starts a new paragraph."))
        self.text.setFocus()
        self._update()

    def _standard(self) -> None:
        case, self._case = self._case, None
        self.text.setReadOnly(True)
        self.refresh(case)

    def _update(self) -> None:
        can_edit = self._composed is not None and not self._printed
        self.edit.setEnabled(can_edit and self.text.isReadOnly())
        self.reset.setEnabled(can_edit and not self.text.isReadOnly())
