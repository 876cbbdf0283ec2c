"""Slips at the desk: print the voucher and the apology at once, choose a printer, save a PDF.
(The Vouchers screen, where a code is checked, redeemed or voided, is desktop.ui.vouchers.)

Every print or save is put on record first (a reprint says so on the slip), and the PDF is kept
in the data dir before it goes to a printer, so a missing printer loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.printers import is_receipt_printer
from desktop.core.settings import PRINTER, SLIP_SIZE, SLIP_SIZES
from desktop.core.views import OnShift
from desktop.ui import labels
from desktop.ui.background import Background, log_failure, run_in_background
from desktop.ui.common import named
from desktop.ui.keys import enter_clicks
from desktop.ui.letter_ui import LetterPreview
from desktop.ui.printing import (
    PREPARE_AFTER_MS,
    PdfQueue,
    PrintError,
    claim_slip_preparation,
    pdf_queue,
    prepare_slips,
    print_slip,
    printer_named,
)
from desktop.ui.receipt_printers import ReceiptAddress

# lupdate finds strings only in calls it knows, such as ``translate("Context", "text")``.
translate = QCoreApplication.translate


def slip_size(desk: Desk, kind: str) -> str:
    return desk.settings.get(SLIP_SIZE[kind])


def configured_printer(desk: Desk, kind: str) -> QPrinter | PdfQueue | None:
    """The printer chosen for this kind of slip, else the system default; None if neither.
    Called in the pool: a CUPS queue that takes PDF is found without Qt (``pdf_queue``)."""
    name = desk.settings.get(PRINTER[kind])
    return pdf_queue(name) or qt_printer(name)


def qt_printer(name: str) -> QPrinter | None:
    """The printer called ``name`` (``""``: the system default) as Qt has it; None if none."""
    if name:
        return printer_named(name)
    default = QPrinterInfo.defaultPrinter()
    return None if default.isNull() else QPrinter(default, QPrinter.PrinterMode.HighResolution)


class SlipBar(QWidget):
    """Print voucher and apology · Print voucher · Print apology · Print… · Save PDF, for the
    case on the panel, and the case's voucher code in full, to read out to the guest; under
    them the apology letter's preview (``letter``), whose wording the agent may change.

    A slip is made and printed (or saved) in the background; the bar's message says when the
    printer has taken it or what went wrong, then ``finished`` is emitted. One job at a time:
    the buttons are off meanwhile. Ctrl+P (on the case panel) prints both slips; Enter presses
    a focused button.
    """

    finished = Signal()  # a print or save has ended, well or not (the message says which)

    def __init__(self, desk: Desk, on_shift: Callable[[], OnShift | None],
                 case_id: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._on_shift = on_shift
        self._case_id = case_id
        self._shown_case: str | None = None
        self._job_case: str | None = None
        self.print_both = named(QPushButton(self.tr("&Print voucher and apology (Ctrl+P)")),
                                "printBoth", self.tr("Print the voucher and the apology"))
        self.print_voucher = named(QPushButton(self.tr("Print &voucher")), "printVoucher",
                                   self.tr("Print the voucher"))
        self.print_apology = named(QPushButton(self.tr("Print &apology")), "printApology",
                                   self.tr("Print the apology"))
        self.choice = named(QComboBox(), "slipChoice", self.tr("Which slip"))
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.print_dialog = named(QPushButton(self.tr("Print…")), "printWithDialog",
                                  self.tr("Print with the print dialog"))
        self.save = named(QPushButton(self.tr("Save PDF")), "saveSlipPdf",
                          self.tr("Save the slip as PDF"))
        self.code = named(QLabel(), "voucherCodeShown", self.tr("Voucher code"))
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.message = named(QLabel(), "slipMessage", self.tr("Printing message"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self._running: Background | None = None
        self.letter = LetterPreview(desk, on_shift)
        self.print_both.clicked.connect(self.print_voucher_and_apology)
        self.print_voucher.clicked.connect(lambda: self._print_now(("voucher",)))
        self.print_apology.clicked.connect(lambda: self._print_now(("apology",)))
        self.print_dialog.clicked.connect(self._print_with_dialog)
        self.save.clicked.connect(self._save_pdf)
        self._buttons = (self.print_both, self.print_voucher, self.print_apology,
                         self.print_dialog, self.save)
        enter_clicks(*self._buttons)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.print_both, self.print_voucher, self.print_apology, self.choice,
                       self.print_dialog, self.save):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.letter)

    def refresh(self) -> None:
        case_id = self._case_id()
        if case_id != self._shown_case:
            # Another case: the last one's print message (another guest's slip) goes.
            self._shown_case = case_id
            self.message.clear()
            if case_id is not None and claim_slip_preparation():
                # The first case of the process: while the agent listens to the guest,
                # ReportLab gets ready in the pool, so the first Print does not load it.
                QTimer.singleShot(PREPARE_AFTER_MS, self, lambda: run_in_background(
                    prepare_slips, lambda _done: None,
                    lambda error: log_failure(error, "preparing the slips")))
        self.choice.clear()
        vouchers = [] if case_id is None else [
            v for v in self.desk.vouchers.of_case(case_id) if v.status == "issued"]
        for voucher in vouchers:
            self.choice.addItem(self.tr("Voucher %1").replace("%1", voucher.display_code),
                                ("voucher", voucher.code))
        self.choice.addItem(self.tr("Apology letter"), ("apology", None))
        self.choice.setEnabled(case_id is not None)
        self.code.setText(self.tr("Voucher code: %1").replace(
            "%1", ", ".join(v.display_code for v in vouchers)) if vouchers else "")
        self.code.setVisible(bool(vouchers))
        self.letter.refresh(case_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._running is None and self._case_id() is not None
        self.print_voucher.setEnabled(idle and self._latest_voucher() is not None)
        for widget in (self.print_both, self.print_apology, self.print_dialog, self.save):
            widget.setEnabled(idle)

    def _latest_voucher(self) -> str | None:
        codes = [self.choice.itemData(i)[1] for i in range(self.choice.count())
                 if self.choice.itemData(i)[0] == "voucher"]
        return codes[-1] if codes else None

    # --- in the background ---------------------------------------------------------------------
    # Recording the print, making the PDF, keeping it and sending it take seconds; all of it
    # runs in the thread pool. Everything it needs from the widgets (who, which case, which
    # printer) is taken here first, on the UI thread.

    @property
    def busy(self) -> bool:
        return self._running is not None

    def _start(self, slips: list[tuple[str, str | None]],
               send: Callable[[str, bytes, Path], str],
               receipts: dict[str, str] | None = None) -> None:
        """Make each ``(kind, code)`` slip and ``send(kind, pdf, kept)`` it off the UI thread
        (a kind with an address in ``receipts`` goes to that receipt printer as it is made);
        the messages are joined and ``finished`` follows."""
        who, case_id = self._on_shift(), self._case_id()
        if who is None or case_id is None or self._running is not None:
            return
        desk = self.desk
        sizes = {kind: slip_size(desk, kind) for kind, _code in slips}
        wording = self.letter.wording()  # the agent's own, for an apology's first print

        def work() -> str:
            # Here, in the pool: importing the slips loads ReportLab, which start-up should
            # not pay for on the UI thread.
            from desktop.slips.compose import make_slip

            said = []
            for kind, code in slips:
                pdf, kept = make_slip(desk, who, case_id, kind, code, sizes[kind],
                                      receipt_printer=(receipts or {}).get(kind, ""),
                                      wording=wording if kind == "apology" else None)
                said.append(send(kind, pdf, kept))
            return " ".join(said)

        self._set_busy(True)
        self._job_case = self._shown_case = case_id
        self.message.setText(self.tr("Making the slip…"))
        self._running = run_in_background(work, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            for widget in self._buttons:
                widget.setEnabled(False)
        else:
            self._update_buttons()

    def forget(self) -> None:
        """The window is closing: a slip still printing ends, but reports nowhere."""
        if self._running is not None:
            self._running.forget()
            self._running = None

    def _say(self, text: str) -> None:
        # A job of a case no longer shown reports nothing here (its slip is kept all the same).
        if self._job_case == self._case_id():
            self.message.setText(text)

    def _done(self, text: str) -> None:
        self._running = None
        self._set_busy(False)
        self.letter.printed()
        self._say(text)
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._running = None
        self._set_busy(False)
        self.letter.printed()  # a letter kept but not printed is on record all the same
        if isinstance(error, PrintError):
            text = (self.tr("No printer is set up for this slip, or it is not connected.")
                    if error.problem == "printer_missing"
                    else self.tr("The printer did not take the slip."))
            text += " " + self.tr("The slip is saved as %1.").replace("%1", str(error.kept))
        elif isinstance(error, DeskError):
            text = labels.desk_error(error)
            if getattr(error, "kept", None):  # a receipt printer that did not take it
                text += " " + self.tr("The slip is saved as %1.").replace("%1", str(error.kept))
        elif isinstance(error, _SaveFailed):
            text = (self.tr("Could not save there (%1). The slip is kept as %2.")
                    .replace("%1", error.reason).replace("%2", str(error.kept)))
        else:
            log_failure(error, "a slip")
            text = labels.unexpected_problem()
        self._say(text)
        self.finished.emit()

    # --- the buttons -----------------------------------------------------------------------------

    def _print_to(self, slips: list[tuple[str, str | None]],
                  printer_for: Callable[[str], QPrinter | PdfQueue | None],
                  receipts: dict[str, str] | None = None) -> None:
        """Print ``slips``; ``printer_for(kind)`` is asked in the pool (finding a printer can
        take CUPS a while)."""
        sent = self.tr("Sent to the printer. A copy is kept as %1.")
        sent_receipt = self.tr("Sent to the receipt printer. A copy is kept as %1.")
        sent_job = self.tr("Sent to the printer (job %2). A copy is kept as %1.")
        names = {"voucher": self.tr("Voucher"), "apology": self.tr("Apology")}
        titled = self.tr("%1: %2")
        several = len(slips) > 1

        def send(kind: str, pdf: bytes, kept: Path) -> str:
            if receipts and kind in receipts:  # make_slip has sent it to the receipt printer
                text = sent_receipt.replace("%1", str(kept))
            else:
                # In the pool: QPainter on a QPrinter is supported outside the UI thread.
                how = print_slip(pdf, printer_for(kind), kept)
                job = getattr(how, "job", "")
                text = (sent_job.replace("%2", job) if job else sent).replace("%1", str(kept))
            return titled.replace("%1", names[kind]).replace("%2", text) if several else text

        self._start(slips, send, receipts)

    def _print_now(self, kinds: tuple[str, ...]) -> None:
        slips: list[tuple[str, str | None]] = []
        for kind in kinds:
            code = self._latest_voucher() if kind == "voucher" else None
            if kind == "voucher" and code is None:
                continue
            slips.append((kind, code))
        if slips:
            receipts = {kind: address for kind, _code in slips
                        if is_receipt_printer(address := self.desk.settings.get(PRINTER[kind]))}
            desk = self.desk
            self._print_to(slips, lambda kind: configured_printer(desk, kind), receipts)

    def print_voucher_and_apology(self) -> None:
        """Both slips in one go (just the apology when the case has no voucher)."""
        if self._running is None and self._case_id() is not None:
            self._print_now(("voucher", "apology"))

    def _chosen(self) -> tuple[str, str | None]:
        data = self.choice.currentData()
        return data if data else ("apology", None)

    def _print_with_dialog(self) -> None:
        kind, code = self._chosen()
        printer = qt_printer(self.desk.settings.get(PRINTER[kind])) or QPrinter(
            QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            # The dialog set up ``printer`` itself (it does not own it); the work keeps it.
            self._print_to([(kind, code)], lambda _kind: printer)

    def _save_pdf(self) -> None:
        kind, code = self._chosen()
        suggested = str(Path.home() / f"{kind}-{code or 'apology'}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save slip as PDF"),
                                                    suggested, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        saved = self.tr("Saved as %1.").replace("%1", path)

        def send(_kind: str, pdf: bytes, kept: Path) -> str:
            try:
                Path(path).write_bytes(pdf)
            except OSError as error:
                raise _SaveFailed(error.strerror or str(error), kept) from error
            return saved

        self._start([(kind, code)], send)


class _SaveFailed(Exception):
    """The slip could not be written where the person chose; ``kept`` is the data dir's copy."""

    def __init__(self, reason: str, kept: Path) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kept = kept


class PrintersDialog(QDialog):
    """Which printer and paper size each kind of slip goes to."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Printers"))
        names = QPrinterInfo.availablePrinterNames()
        form = QFormLayout()
        self.printers: dict[str, QComboBox] = {}
        self.sizes: dict[str, QComboBox] = {}
        self.receipts: dict[str, ReceiptAddress] = {}
        self.message = named(QLabel(), "printersMessage", self.tr("Message"))
        self.message.setWordWrap(True)
        size_names = {"roll80": self.tr("80 mm receipt roll"), "a4": self.tr("A4"),
                      "letter": self.tr("Letter")}
        for kind, title in (("voucher", self.tr("Voucher slips")),
                            ("apology", self.tr("Apology slips"))):
            printer = named(QComboBox(), f"printer_{kind}", title + " " + self.tr("printer"))
            printer.addItem(self.tr("System default printer"), "")
            for name in names:
                printer.addItem(name, name)
            current = desk.settings.get(PRINTER[kind])
            if current and current not in names and not is_receipt_printer(current):
                printer.addItem(self.tr("%1 (not connected)").replace("%1", current), current)
            printer.setCurrentIndex(max(printer.findData(current), 0))
            self.receipts[kind] = ReceiptAddress(kind, printer, current)
            size = named(QComboBox(), f"size_{kind}", title + " " + self.tr("paper"))
            for key in SLIP_SIZES:
                size.addItem(size_names[key], key)
            size.setCurrentIndex(max(size.findData(slip_size(desk, kind)), 0))
            self.printers[kind], self.sizes[kind] = printer, size
            row = QHBoxLayout()
            row.addWidget(printer, 2)
            row.addWidget(self.receipts[kind], 2)
            row.addWidget(size, 1)
            form.addRow(title, row)
        save = named(QPushButton(self.tr("Save")), "savePrinters", self.tr("Save printers"))
        save.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save, alignment=Qt.AlignmentFlag.AlignRight)

    def save(self) -> None:
        try:
            chosen = {kind: self.receipts[kind].value() for kind in self.printers}
        except DeskError as error:  # a receipt printer address that does not read
            self.message.setText(labels.desk_error(error))
            return
        for kind in self.printers:
            self.desk.settings.set(PRINTER[kind], chosen[kind])
            self.desk.settings.set(SLIP_SIZE[kind], self.sizes[kind].currentData())
        self.accept()
