"""The apology letter in the case panel: its preview, the agent's own wording for this guest,
the print, and a reprint that is the same letter marked REPRINT (issue 16, item 4)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.core.desk import Desk
from desktop.ui.main_window import MainWindow
from desktop.ui.slips_ui import SlipBar
from tests.ui.test_slips_ui import grant_a_voucher

LEFT = Qt.MouseButton.LeftButton


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture
def bar(qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[SlipBar]:
    """A case with the guest's words in Review and a voucher; "Save PDF" saves to
    tmp_path/1.pdf, 2.pdf … and the apology letter is the chosen slip."""
    grant_a_voucher(qtbot, window, "8.00")
    targets = (tmp_path / f"{n}.pdf" for n in range(1, 10))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(next(targets)), "PDF files (*.pdf)"))
    slips = window.panel.gestures.slips
    slips.choice.setCurrentIndex(slips.choice.count() - 1)  # the apology letter
    yield slips


def save(qtbot: QtBot, bar: SlipBar) -> None:
    with qtbot.waitSignal(bar.finished, timeout=20000):
        qtbot.mouseClick(bar.save, LEFT)


def test_the_preview_shows_the_letter_as_it_will_print(bar: SlipBar) -> None:
    letter = bar.letter
    text = letter.text.toPlainText()
    assert text.startswith("Dear Hannah Schmidt,\n\n")
    assert "In your words: “Her taxi is at 9:45.”" in text
    assert "we would like to offer you a voucher worth $8.00." in text
    assert text.count("Maya Torres") == 1
    # The agent's Fix note and the gesture's description are not pasted in.
    assert "Fresh eggs" not in text and "Coffee and pastry" not in text
    assert letter.text.isReadOnly() and letter.edit.isEnabled() and not letter.reset.isEnabled()
    assert "in English, as it will print" in letter.state.text()


def test_edit_print_and_reprint_the_same_letter(qtbot: QtBot, bar: SlipBar, desk: Desk,
                                                 tmp_path: Path) -> None:
    letter = bar.letter
    qtbot.mouseClick(letter.edit, LEFT)
    assert not letter.text.isReadOnly() and letter.reset.isEnabled()
    letter.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(letter.text, Qt.Key.Key_Return)
    qtbot.keyClick(letter.text, Qt.Key.Key_Return)
    qtbot.keyClicks(letter.text, "We hope to see you at breakfast tomorrow.")
    save(qtbot, bar)
    first = pdf_text(tmp_path / "1.pdf")
    assert "We hope to see you at breakfast tomorrow." in first and "REPRINT" not in first
    # Now the preview is the printed letter, and it can no longer be reworded.
    assert letter.text.isReadOnly() and not letter.edit.isEnabled()
    assert letter.state.text() == "Printed: a reprint is this same letter."
    assert letter.text.toPlainText().endswith("We hope to see you at breakfast tomorrow.")
    save(qtbot, bar)
    second = pdf_text(tmp_path / "2.pdf")
    assert "We hope to see you at breakfast tomorrow." in second and "REPRINT" in second
    assert second.replace("REPRINT", "").strip() == first.strip()


def test_standard_wording_puts_the_composed_letter_back(qtbot: QtBot, bar: SlipBar,
                                                       tmp_path: Path) -> None:
    letter = bar.letter
    composed = letter.text.toPlainText()
    qtbot.mouseClick(letter.edit, LEFT)
    letter.text.selectAll()
    qtbot.keyClicks(letter.text, "Sorry!")
    qtbot.mouseClick(letter.reset, LEFT)
    assert letter.text.toPlainText() == composed and letter.text.isReadOnly()
    save(qtbot, bar)
    assert "Sorry!" not in pdf_text(tmp_path / "1.pdf")
    assert "Dear Hannah Schmidt," in pdf_text(tmp_path / "1.pdf")


def test_an_emptied_letter_is_refused_and_the_edit_stays(qtbot: QtBot, bar: SlipBar,
                                                         window: MainWindow, desk: Desk,
                                                         tmp_path: Path) -> None:
    letter = bar.letter
    qtbot.mouseClick(letter.edit, LEFT)
    letter.text.selectAll()
    qtbot.keyClick(letter.text, Qt.Key.Key_Delete)
    qtbot.keyClicks(letter.text, "   ")
    save(qtbot, bar)
    assert bar.message.text() == ("The letter has no text. Write it, or go back to the "
                                  "standard wording.")
    assert not (tmp_path / "1.pdf").exists()
    assert not letter.text.isReadOnly() and letter.text.toPlainText() == "   "
    case_id = window.panel.case_id
    assert case_id is not None
    assert not [e for e in desk.cases.events(case_id) if e.kind == "slip.printed"]
