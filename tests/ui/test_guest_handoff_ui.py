"""At the desk: the guest's language in the case header, handing a case off and taking it,
the owner's reminder, the review's hand-off tab, and slips sent to a receipt printer (a fake
ESC/POS printer on 127.0.0.1) in the background, with a clear message when it is off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.settings import IDLE_LOCK_MINUTES, PRINTER
from desktop.core.views import CaseHeader
from desktop.ui.handoff_ui import HandedToUsDialog, HandoffDialog, HandoffsReview
from desktop.ui.main_window import MainWindow
from desktop.ui.receipt_printers import RECEIPT
from desktop.ui.slips_ui import PrintersDialog
from tests.conftest import Team
from tests.slips.test_escpos import FakePrinter, closed_port, qr_commands
from tests.ui.conftest import sign_in, when_dialog_opens
from tests.ui.test_slips_ui import grant_a_voucher


def test_the_guest_language_is_chosen_in_the_header(qtbot: QtBot, window: MainWindow,
                                                    desk: Desk) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    window.new_case()
    panel = window.panel
    assert panel.language.language() == "en"  # the site's (en_US)
    panel.guest.insert("Yuki Tanaka")
    panel.language.setCurrentIndex(panel.language.findText("日本語"))
    panel.account.insertPlainText("The room was not cleaned.")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert panel.case_id is not None
    assert desk.cases.get(panel.case_id).header.guest_language == "ja"
    window.new_case()
    assert panel.language.language() == "en"
    window.open_case(desk.cases.summaries()[0].id)
    assert panel.language.language() == "ja"


def test_a_voucher_goes_to_the_receipt_printer_in_the_background(
        qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    printer = FakePrinter()
    try:
        desk.settings.set(PRINTER["voucher"], printer.address)
        grant_a_voucher(qtbot, window, "8.00")
        bar = window.panel.gestures.slips
        with qtbot.waitSignal(bar.finished, timeout=30000):
            qtbot.mouseClick(bar.print_voucher, Qt.MouseButton.LeftButton)
        assert bar.message.text().startswith("Sent to the receipt printer. A copy is kept as ")
        token = desk.vouchers.of_case(window.panel.case_id)[0].token
        assert b"1P0" + token.encode() in qr_commands(printer.job())
    finally:
        printer.server.close()


def test_a_receipt_printer_that_is_off_says_so_and_keeps_the_pdf(
        qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    address = f"tcp://127.0.0.1:{closed_port()}"
    desk.settings.set(PRINTER["apology"], address)
    grant_a_voucher(qtbot, window, "8.00")
    bar = window.panel.gestures.slips
    with qtbot.waitSignal(bar.finished, timeout=30000):
        qtbot.mouseClick(bar.print_apology, Qt.MouseButton.LeftButton)
    text = bar.message.text()
    assert f"The receipt printer {address} did not take the slip" in text
    kept = Path(text.split("saved as ")[1].rstrip("."))
    assert kept.is_file() and kept.parent == desk.data_dir / "slips"


def test_receipt_printers_are_chosen_beside_the_system_printers(qtbot: QtBot,
                                                                desk: Desk) -> None:
    dialog = PrintersDialog(desk)
    qtbot.addWidget(dialog)
    combo = dialog.printers["voucher"]
    address = dialog.receipts["voucher"]
    assert combo.findData(RECEIPT) >= 0 and address.isHidden()
    combo.setCurrentIndex(combo.findData(RECEIPT))
    assert not address.isHidden()
    qtbot.keyClicks(address, "printer at the bar")
    qtbot.mouseClick(dialog.findChild(QWidget, "savePrinters"), Qt.MouseButton.LeftButton)
    assert "is not a receipt printer address" in dialog.message.text()
    assert desk.settings.get(PRINTER["voucher"]) == ""  # nothing saved
    address.clear()
    qtbot.keyClicks(address, "tcp://192.168.1.50")
    qtbot.mouseClick(dialog.findChild(QWidget, "savePrinters"), Qt.MouseButton.LeftButton)
    assert desk.settings.get(PRINTER["voucher"]) == "tcp://192.168.1.50:9100"
    again = PrintersDialog(desk)
    qtbot.addWidget(again)
    assert again.printers["voucher"].currentData() == RECEIPT
    assert again.receipts["voucher"].text() == "tcp://192.168.1.50:9100"


def test_hand_off_take_it_and_the_owner_is_reminded(qtbot: QtBot, window: MainWindow,
                                                    desk: Desk, team: Team,
                                                    clock: ManualClock) -> None:
    desk.settings.set(IDLE_LOCK_MINUTES, 60.0)  # the clock jumps 21 minutes below
    sign_in(qtbot, window, "Maya Torres", "5817")
    maya = window.on_shift
    assert maya is not None
    case_id = desk.cases.open(maya, CaseHeader("Ines Castro", "412"))
    window.open_case(case_id)

    def hand_to_housekeeping(dialog: QWidget) -> None:
        assert isinstance(dialog, HandoffDialog)
        dialog.taker.setCurrentIndex(dialog.taker.findText("Housekeeping"))
        qtbot.keyClicks(dialog.note, "Extra pillows")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog_opens(hand_to_housekeeping)
    window.handoffs.action.trigger()
    [handoff] = desk.handoffs.for_case(case_id)
    assert (handoff.to_name, handoff.note) == ("housekeeping", "Extra pillows")
    assert window.handoffs.button.text() == "Handed to me/us (1)"  # a department's: anyone's

    # Leo takes it from the list and marks it done with a note.
    leo = team.sign_in(team.agent2)
    taken = HandedToUsDialog(desk, leo)
    qtbot.addWidget(taken)
    assert taken.list.count() == 1 and "Extra pillows" in taken.list.item(0).text()
    qtbot.keyClicks(taken.note, "Two pillows brought up")
    qtbot.mouseClick(taken.mark_done_button, Qt.MouseButton.LeftButton)
    assert taken.list.count() == 0 and "owner follows up" in taken.message.text()
    assert desk.handoffs.for_case(case_id)[0].done_note == "Two pillows brought up"
    # Esc closes the list like any dialog (its "Mark done" button once hid QDialog.done,
    # and closing the dialog then crashed the app).
    taken.show()
    qtbot.waitExposed(taken)
    qtbot.keyClick(taken, Qt.Key.Key_Escape)
    assert not taken.isVisible() and taken.result() == 0

    # Maya, the owner, is reminded when the follow-up falls due.
    clock.advance(minutes=21)
    window.tick()
    assert window.banner.isVisibleTo(window)
    assert "you handed Ines Castro to Housekeeping" in window.banner.text.text()

    review = HandoffsReview(desk)
    qtbot.addWidget(review)
    today = desk.site.local_time(desk.now()).date()
    review.show_period(today - timedelta(days=1), today)
    assert review.table.rowCount() == 1
    assert review.table.item(0, 1).text() == "Housekeeping"
    assert review.table.item(0, 4).text() == "0 min"
    assert "1 hand-offs, 1 done" in review.summary.text()


def test_a_bad_hand_off_says_why_and_records_nothing(qtbot: QtBot, desk: Desk,
                                                     team: Team) -> None:
    maya = team.sign_in(team.agent)
    case_id = desk.cases.open(maya, CaseHeader("Ines Castro", "412"))
    dialog = HandoffDialog(desk, maya, case_id)
    qtbot.addWidget(dialog)
    names = [dialog.taker.itemText(i) for i in range(dialog.taker.count())]
    assert "Maya Torres" not in names and "Sam Okoye" in names and "Kitchen" in names
    dialog.note.insertPlainText("x" * 20_001)  # pasted: far too long to keep
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.message.text() and dialog.handoff_id is None
    assert desk.handoffs.for_case(case_id) == []


def test_a_manager_keeps_the_list_of_departments(qtbot: QtBot, window: MainWindow,
                                                 desk: Desk) -> None:
    """Settings → Hand-off departments…: one per line, the shipped four in the screen's words;
    blank lines and repeats dropped; agents do not see it; a name too long is refused."""
    sign_in(qtbot, window, "Maya Torres", "5817")
    assert not window.handoffs.departments_action.isVisible()
    window.lock()
    sign_in(qtbot, window, "Rita Lang", "1357")
    action = window.handoffs.departments_action
    assert action.isVisible() and action.isEnabled()

    def edit(text: str) -> Callable[[QWidget], None]:
        def act(dialog: QWidget) -> None:
            box = dialog.findChild(QPlainTextEdit)
            assert box is not None
            assert box.toPlainText().splitlines()[:2] == ["Housekeeping", "Maintenance"]
            box.setPlainText(text)
            qtbot.keyClick(box, Qt.Key.Key_Tab)  # to the buttons; OK is the default
            qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return act

    when_dialog_opens(edit("Housekeeping\nSpa\n\nspa\nKitchen\n"))
    action.trigger()
    assert desk.handoffs.departments() == ("housekeeping", "Spa", "kitchen")

    warned: list[str] = []

    def read_warning(box: QWidget) -> None:
        warned.append(box.findChild(QLabel, "qt_msgbox_label").text())  # type: ignore[union-attr]

    def too_long(dialog: QWidget) -> None:
        dialog.findChild(QPlainTextEdit).setPlainText("x" * 65)  # type: ignore[union-attr]
        when_dialog_opens(read_warning)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_dialog_opens(too_long)
    action.trigger()
    assert warned and "too long" in warned[0]
    assert desk.handoffs.departments() == ("housekeeping", "Spa", "kitchen")  # unchanged
