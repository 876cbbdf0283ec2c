"""Slips and vouchers at the desk: print at once, save a PDF, reprints, and the Vouchers screen."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.settings import PRINTER
from desktop.core.views import CaseHeader
from desktop.ui import printing, slips_ui
from desktop.ui.main_window import MainWindow
from desktop.ui.printing import PrintError
from desktop.ui.vouchers import VouchersDialog
from tests.conftest import Team, make_desk
from tests.ui.conftest import show_active, sign_in, when_dialog_opens
from tests.ui.test_printing import fake_cups


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def voucher_case(qtbot: QtBot, window: MainWindow, desk: Desk) -> MainWindow:
    """An agent has granted a voucher in a case, on the Fix step."""
    return grant_a_voucher(qtbot, window, "8.00")


def grant_a_voucher(qtbot: QtBot, window: MainWindow, amount: str) -> MainWindow:
    """Sign in as an agent, walk a case to the Fix step and grant a voucher of ``amount``."""
    sign_in(qtbot, window, "Maya Torres", "5817")
    window.new_case()
    panel = window.panel
    panel.guest.insert("Hannah Schmidt")
    panel.location.insert("Room 221")
    panel.category.setCurrentIndex(panel.category.findData("food_and_beverage_service"))
    panel.severity.setCurrentIndex(panel.severity.findData("low"))
    panel.account.insertPlainText("The coffee is cold and the eggs ran out at 9.")
    for _ in range(2):
        qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    panel.guest_view.insertPlainText("Her taxi is at 9:45.")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    panel.fix_action.insertPlainText("Fresh eggs and coffee made to order.")
    gestures = panel.gestures
    gestures.kind.setCurrentIndex(gestures.kind.findData("voucher"))
    gestures.description.insert("Coffee and pastry at the lobby café")
    qtbot.keyClicks(gestures.amount, amount)
    qtbot.keyClick(gestures.amount, Qt.Key.Key_Return)
    assert gestures.slips.print_voucher.isEnabled()
    return window


def test_print_voucher_without_a_printer_keeps_the_pdf(qtbot: QtBot, voucher_case: MainWindow,
                                                       desk: Desk) -> None:
    desk.settings.set(PRINTER["voucher"], "Front Desk Epson (unplugged)")
    bar = voucher_case.panel.gestures.slips
    with qtbot.waitSignal(bar.finished, timeout=20000):
        qtbot.mouseClick(bar.print_voucher, Qt.MouseButton.LeftButton)
    assert "not connected" in bar.message.text()
    kept = Path(bar.message.text().split("saved as ")[1].rstrip("."))
    assert kept.exists() and kept.parent == desk.data_dir / "slips"
    text = pdf_text(kept)
    voucher = desk.vouchers.of_case(voucher_case.panel.case_id)[0]
    assert voucher.display_code in text and "Hannah Schmidt" in text and "$8.00" in text
    assert "REPRINT" not in text


def test_a_french_site_prints_french_slips(qtbot: QtBot, tmp_path: Path,
                                          clock: ManualClock) -> None:
    """The slips are for the guest: a French site's print in French, reprint included,
    even though this desk's screens are in English."""
    desk = make_desk(tmp_path / "paris", clock, currency="EUR", locale="fr_FR",
                     timezone="Europe/Paris")
    Team(desk)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    try:
        bar = grant_a_voucher(qtbot, window, "8,00").panel.gestures.slips
        desk.settings.set(PRINTER["voucher"], "Front Desk Epson (unplugged)")
        desk.settings.set(PRINTER["apology"], "Front Desk Epson (unplugged)")
        printed = []
        for button in (bar.print_voucher, bar.print_voucher, bar.print_apology):
            with qtbot.waitSignal(bar.finished, timeout=20000):
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            assert "not connected" in bar.message.text()  # the desk's own language
            printed.append(pdf_text(Path(bar.message.text().split("saved as ")[1].rstrip("."))))
        first, second, apology = (" ".join(text.split()) for text in printed)
        for text in ("Bon cadeau", "Au nom de", "Hannah Schmidt", "8,00", "Valable jusqu'au",
                     "Émis par", "Conditions", "Présentez ce bon"):
            assert text in first, text
        assert "DUPLICATA" not in first and "DUPLICATA" in second
        for text in ("Bonjour Hannah Schmidt,", "Nous sommes sincèrement désolés",
                     "demandez Maya Torres à la réception", "« Her taxi is at 9:45. »"):
            assert text in apology, text
        for english in ("Voucher", "Valid until", "Issued", "REPRINT", "Terms", "Dear",
                        "front desk", "Front Desk"):
            assert english not in first + second + apology, english
    finally:
        window.close()
        desk.close()


def test_save_pdf_and_a_reprint_says_so(qtbot: QtBot, voucher_case: MainWindow, desk: Desk,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bar = voucher_case.panel.gestures.slips
    targets = iter([tmp_path / "first.pdf", tmp_path / "second.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(next(targets)), "PDF files (*.pdf)"))
    bar.choice.setCurrentIndex(0)  # the voucher
    with qtbot.waitSignal(bar.finished, timeout=20000):
        qtbot.mouseClick(bar.save, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(bar.finished, timeout=20000):
        qtbot.mouseClick(bar.save, Qt.MouseButton.LeftButton)
    assert "REPRINT" not in pdf_text(tmp_path / "first.pdf")
    assert "REPRINT" in pdf_text(tmp_path / "second.pdf")
    kinds = [e.kind for e in desk.cases.events(voucher_case.panel.case_id)]
    assert kinds.count("slip.printed") == 2


def test_apology_slip_names_the_guest_and_the_staff(qtbot: QtBot, voucher_case: MainWindow,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    bar = voucher_case.panel.gestures.slips
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "apology.pdf"), ""))
    bar.choice.setCurrentIndex(bar.choice.count() - 1)  # the apology letter
    with qtbot.waitSignal(bar.finished, timeout=20000):
        qtbot.mouseClick(bar.save, Qt.MouseButton.LeftButton)
    text = pdf_text(tmp_path / "apology.pdf")
    assert "Hannah Schmidt" in text and "Maya Torres" in text


def test_print_dialog_prints_to_the_chosen_printer(qtbot: QtBot, voucher_case: MainWindow,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)  # the native dialog would block
    bar = voucher_case.panel.gestures.slips
    with qtbot.waitSignal(bar.finished, timeout=20000):
        qtbot.mouseClick(bar.print_dialog, Qt.MouseButton.LeftButton)
    assert "Sent to the printer" in bar.message.text()
    assert out.exists() and len(PdfReader(out).pages) == 1


def test_vouchers_screen_checks_redeems_once_and_explains(qtbot: QtBot, voucher_case: MainWindow,
                                                         desk: Desk) -> None:
    voucher = desk.vouchers.of_case(voucher_case.panel.case_id)[0]
    dialog = VouchersDialog(desk, voucher_case.on_shift)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, voucher.display_code.lower())
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.result_label.text().startswith("Valid: $8.00")
    qtbot.mouseClick(dialog.redeem_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text().startswith("Redeemed")
    qtbot.mouseClick(dialog.redeem_button, Qt.MouseButton.LeftButton)
    answer = dialog.result_label.text()
    assert "Already redeemed" in answer and "at this desk" in answer
    assert "Maya Torres" in answer
    dialog.code.clear()
    wrong = voucher.display_code[:-1] + ("2" if voucher.display_code[-1] != "2" else "3")
    qtbot.keyClicks(dialog.code, wrong)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "not a voucher code" in dialog.result_label.text()
    dialog.code.clear()
    dialog.code.insert(voucher.token)  # a scanner types the whole QR payload
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "Already redeemed" in dialog.result_label.text()
    assert not dialog.void_button.isEnabled()  # agents cannot void


def test_a_supervisor_voids_with_a_reason(qtbot: QtBot, window: MainWindow, desk: Desk,
                                          team: Team) -> None:
    from desktop.core.views import GestureProposal

    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim", "Room 1203"))
    code = desk.grants.grant(who, case_id,
                             GestureProposal("voucher", "Spa voucher", 2500)).voucher_code
    supervisor = team.sign_in(team.supervisor)
    dialog = VouchersDialog(desk, supervisor)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, code)
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert desk.vouchers.check(code).outcome.value == "valid"  # no reason, nothing voided
    qtbot.keyClicks(dialog.void_reason, "Issued to the wrong room")
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "Voided."
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "voided" in dialog.result_label.text() and "wrong room" in dialog.result_label.text()


def test_vouchers_menu_opens_the_screen(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    seen: list[str] = []
    when_dialog_opens(lambda dialog: (seen.append(type(dialog).__name__), dialog.accept()))
    window.vouchers_action.trigger()
    assert seen == ["VouchersDialog"]


class HeldPrinter:
    """Stands in for print_slip: records the thread it ran on and waits to be released."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []
        self.error = error

    def __call__(self, pdf: bytes, printer: object, kept: Path) -> None:
        self.threads.append(threading.current_thread())
        assert self.release.wait(10)
        if self.error is not None:
            raise self.error


def test_printing_runs_in_the_background_and_says_when_done(
        qtbot: QtBot, voucher_case: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldPrinter()
    monkeypatch.setattr(slips_ui, "print_slip", held)
    bar = voucher_case.panel.gestures.slips
    qtbot.mouseClick(bar.print_voucher, Qt.MouseButton.LeftButton)
    # Back on the UI thread at once: the slip is made and sent in the pool.
    assert bar.busy and bar.message.text() == "Making the slip…"
    assert not bar.print_voucher.isEnabled() and not bar.print_apology.isEnabled()
    qtbot.waitUntil(lambda: bool(held.threads), timeout=10000)
    assert held.threads[0] is not threading.main_thread()
    with qtbot.waitSignal(bar.finished, timeout=10000):
        held.release.set()
    assert bar.message.text().startswith("Sent to the printer. A copy is kept as ")
    kept = Path(bar.message.text().split("kept as ")[1].rstrip("."))
    assert kept.exists() and kept.parent.name == "slips"
    assert not bar.busy and bar.print_voucher.isEnabled()


def test_the_cups_queue_is_found_in_the_background_and_gets_the_pdf(
        qtbot: QtBot, voucher_case: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Finding the queue asks CUPS, which can take a while: never on the UI thread."""
    lp_args = fake_cups(tmp_path, monkeypatch, default="Front-Desk",
                        queues={"Front-Desk": "Brother HL-L2350DW series"})
    asked_on: list[threading.Thread] = []
    real_pdf_queue = slips_ui.pdf_queue

    def spy(name: str) -> object:
        asked_on.append(threading.current_thread())
        return real_pdf_queue(name)

    monkeypatch.setattr(slips_ui, "pdf_queue", spy)
    bar = voucher_case.panel.gestures.slips
    with qtbot.waitSignal(bar.finished, timeout=20000):
        qtbot.mouseClick(bar.print_voucher, Qt.MouseButton.LeftButton)
    assert asked_on and threading.main_thread() not in asked_on
    said = bar.message.text()
    assert said.startswith("Sent to the printer (job Front-Desk-7). A copy is kept as "), said
    kept = Path(said.split("kept as ")[1].rstrip("."))
    assert lp_args.read_text().split()[:2] == ["-d", "Front-Desk"]
    assert lp_args.read_text().split()[-1] == str(kept) and kept.exists()


def test_the_first_case_gets_the_slips_ready_in_the_background(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """ReportLab is loaded while the agent listens to the first guest, in the pool, so the
    first Print is as quick as any other; once per process."""
    monkeypatch.setattr(printing, "_preparing", threading.Event())
    monkeypatch.setattr(printing, "_prepared", threading.Event())
    ran_on: list[threading.Thread] = []
    real_prepare = slips_ui.prepare_slips

    def spy() -> None:
        ran_on.append(threading.current_thread())
        real_prepare()

    monkeypatch.setattr(slips_ui, "prepare_slips", spy)
    grant_a_voucher(qtbot, window, "8.00")
    qtbot.waitUntil(printing.slips_prepared, timeout=60000)
    assert len(ran_on) == 1 and ran_on[0] is not threading.main_thread()
    window.new_case()  # a second case does not prepare again
    assert not printing.claim_slip_preparation()


@pytest.mark.parametrize(("error", "says"), [
    (PrintError("printer_failed", Path("/data/slips/v.pdf")),
     "The printer did not take the slip. The slip is saved as /data/slips/v.pdf."),
    (RuntimeError("driver exploded"),
     "Something unexpected went wrong. The details are in the log file."),
])
def test_a_print_that_fails_in_the_background_says_so(
        qtbot: QtBot, voucher_case: MainWindow, monkeypatch: pytest.MonkeyPatch,
        error: BaseException, says: str) -> None:
    held = HeldPrinter(error)
    held.release.set()
    monkeypatch.setattr(slips_ui, "print_slip", held)
    bar = voucher_case.panel.gestures.slips
    with qtbot.waitSignal(bar.finished, timeout=20000):
        qtbot.mouseClick(bar.print_apology, Qt.MouseButton.LeftButton)
    assert bar.message.text() == says
    assert "RuntimeError" not in bar.message.text()
    assert bar.print_apology.isEnabled()


def test_a_window_closed_while_a_slip_prints_drops_the_late_answer(
        qtbot: QtBot, voucher_case: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldPrinter()
    monkeypatch.setattr(slips_ui, "print_slip", held)
    bar = voucher_case.panel.gestures.slips
    finished: list[bool] = []
    bar.finished.connect(lambda: finished.append(True))
    qtbot.mouseClick(bar.print_voucher, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(held.threads), timeout=10000)
    voucher_case.close()
    held.release.set()
    assert QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)
    assert finished == [] and bar.message.text() == "Making the slip…"


def test_vouchers_check_then_enter_redeems(qtbot: QtBot, voucher_case: MainWindow,
                                           desk: Desk) -> None:
    """Issue 15, findings 7 and 11: Enter, Enter redeems; the dialog is wide enough and the
    void reason is labelled."""
    from PySide6.QtWidgets import QLabel

    from tests.ui.conftest import focused

    voucher = desk.vouchers.of_case(voucher_case.panel.case_id)[0]
    dialog = VouchersDialog(desk, voucher_case.on_shift, voucher_case)
    show_active(qtbot, dialog)
    dialog.code.setFocus()
    qtbot.keyClicks(dialog.code, voucher.display_code)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.result_label.text().startswith("Valid: $8.00")
    assert focused() is dialog.redeem_button
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_label.text().startswith("Redeemed"), timeout=3000)
    assert focused() is dialog.code  # ready for the next code
    assert dialog.width() >= 560
    buddies = [label for label in dialog.findChildren(QLabel)
               if label.buddy() is dialog.void_reason]
    assert buddies and buddies[0].text() == "Reason to &void"
    dialog.reject()
