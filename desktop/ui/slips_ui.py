"""Slips at the desk: print the voucher and the apology at once, choose a printer, save a PDF;
and the Vouchers screen, where a typed or scanned code is checked, redeemed or voided.

Every print or save is put on record first (a reprint says so on the slip), and the PDF is kept
in the data dir before it goes to a printer, so a missing printer loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
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
from desktop.core.printers import is_receipt_printer
from desktop.core.settings import PRINTER, SLIP_SIZE, SLIP_SIZES
from desktop.core.views import OnShift, VoucherCheck, VoucherOutcome
from desktop.ui import labels
from desktop.ui.background import Background, log_failure, run_in_background
from desktop.ui.common import day_text, moment_text, money, named
from desktop.ui.printing import PrintError, print_slip, printer_named
from desktop.ui.receipt_printers import ReceiptAddress

# lupdate finds strings only in calls it knows, such as ``translate("Context", "text")``.
translate = QCoreApplication.translate


def slip_size(desk: Desk, kind: str) -> str:
    return desk.settings.get(SLIP_SIZE[kind])


def configured_printer(desk: Desk, kind: str) -> QPrinter | None:
    """The printer chosen for this kind of slip, else the system default; None if neither."""
    name = desk.settings.get(PRINTER[kind])
    if name:
        return printer_named(name)
    default = QPrinterInfo.defaultPrinter()
    return None if default.isNull() else QPrinter(default, QPrinter.PrinterMode.HighResolution)


class SlipBar(QWidget):
    """Print voucher · Print apology · Print… · Save PDF, for the case on the panel.

    A slip is made and printed (or saved) in the background; the bar's message says when it
    is done or what went wrong, then ``finished`` is emitted. One slip at a time: the buttons
    are off meanwhile.
    """

    finished = Signal()  # a print or save has ended, well or not (the message says which)

    def __init__(self, desk: Desk, on_shift: Callable[[], OnShift | None],
                 case_id: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._on_shift = on_shift
        self._case_id = case_id
        self.print_voucher = named(QPushButton(self.tr("Print voucher")), "printVoucher",
                                   self.tr("Print the voucher"))
        self.print_apology = named(QPushButton(self.tr("Print apology")), "printApology",
                                   self.tr("Print the apology"))
        self.choice = named(QComboBox(), "slipChoice", self.tr("Which slip"))
        self.print_dialog = named(QPushButton(self.tr("Print…")), "printWithDialog",
                                  self.tr("Print with the print dialog"))
        self.save = named(QPushButton(self.tr("Save PDF")), "saveSlipPdf",
                          self.tr("Save the slip as PDF"))
        self.message = named(QLabel(), "slipMessage", self.tr("Printing message"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self._running: Background | None = None
        self.print_voucher.clicked.connect(lambda: self._print_now("voucher"))
        self.print_apology.clicked.connect(lambda: self._print_now("apology"))
        self.print_dialog.clicked.connect(self._print_with_dialog)
        self.save.clicked.connect(self._save_pdf)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.print_voucher, self.print_apology, self.choice, self.print_dialog,
                       self.save):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        case_id = self._case_id()
        self.choice.clear()
        vouchers = [] if case_id is None else [
            v for v in self.desk.vouchers.of_case(case_id) if v.status == "issued"]
        for voucher in vouchers:
            self.choice.addItem(self.tr("Voucher %1").replace("%1", voucher.display_code),
                                ("voucher", voucher.code))
        self.choice.addItem(self.tr("Apology letter"), ("apology", None))
        self.choice.setEnabled(case_id is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._running is None and self._case_id() is not None
        self.print_voucher.setEnabled(idle and self._latest_voucher() is not None)
        for widget in (self.print_apology, self.print_dialog, self.save):
            widget.setEnabled(idle)

    def _latest_voucher(self) -> str | None:
        codes = [self.choice.itemData(i)[1] for i in range(self.choice.count())
                 if self.choice.itemData(i)[0] == "voucher"]
        return codes[-1] if codes else None

    # --- in the background ---------------------------------------------------------------------
    # Recording the print, making the PDF, keeping it and painting it at the printer's
    # resolution take seconds; all of it runs in the thread pool. Everything it needs from the
    # widgets (who, which case, which printer) is taken here first, on the UI thread.

    @property
    def busy(self) -> bool:
        return self._running is not None

    def _start(self, kind: str, code: str | None, send: Callable[[bytes, Path], str],
               receipt: str = "") -> None:
        """Make the slip and ``send(pdf, kept)`` it off the UI thread (and to the ``receipt``
        printer's address, if any); ``finished`` follows."""
        who, case_id = self._on_shift(), self._case_id()
        if who is None or case_id is None or self._running is not None:
            return
        desk, size = self.desk, slip_size(self.desk, kind)

        def work() -> str:
            # Here, in the pool: importing the slips loads ReportLab, which start-up should
            # not pay for on the UI thread.
            from desktop.slips.compose import make_slip

            pdf, kept = make_slip(desk, who, case_id, kind, code, size, receipt_printer=receipt)
            return send(pdf, kept)

        self._set_busy(True)
        self.message.setText(self.tr("Making the slip…"))
        self._running = run_in_background(work, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            for widget in (self.print_voucher, self.print_apology, self.print_dialog,
                           self.save):
                widget.setEnabled(False)
        else:
            self._update_buttons()

    def forget(self) -> None:
        """The window is closing: a slip still printing ends, but reports nowhere."""
        if self._running is not None:
            self._running.forget()
            self._running = None

    def _done(self, text: str) -> None:
        self._running = None
        self._set_busy(False)
        self.message.setText(text)
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._running = None
        self._set_busy(False)
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
        self.message.setText(text)
        self.finished.emit()

    # --- the buttons -----------------------------------------------------------------------------

    def _print_to(self, kind: str, code: str | None, printer: QPrinter | None) -> None:
        sent = self.tr("Sent to the printer. A copy is kept as %1.")

        def send(pdf: bytes, kept: Path) -> str:
            # In the pool: QPainter on a QPrinter is supported outside the UI thread.
            print_slip(pdf, printer, kept)
            return sent.replace("%1", str(kept))

        self._start(kind, code, send)

    def _print_now(self, kind: str) -> None:
        code = self._latest_voucher() if kind == "voucher" else None
        if kind == "voucher" and code is None:
            return
        receipt = self.desk.settings.get(PRINTER[kind])
        if is_receipt_printer(receipt):
            sent = self.tr("Sent to the receipt printer. A copy is kept as %1.")
            self._start(kind, code, lambda _pdf, kept: sent.replace("%1", str(kept)), receipt)
            return
        self._print_to(kind, code, configured_printer(self.desk, kind))

    def _chosen(self) -> tuple[str, str | None]:
        data = self.choice.currentData()
        return data if data else ("apology", None)

    def _print_with_dialog(self) -> None:
        kind, code = self._chosen()
        printer = configured_printer(self.desk, kind) or QPrinter(
            QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            # The dialog set up ``printer`` itself (it does not own it); the work keeps it.
            self._print_to(kind, code, printer)

    def _save_pdf(self) -> None:
        kind, code = self._chosen()
        suggested = str(Path.home() / f"{kind}-{code or 'apology'}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save slip as PDF"),
                                                    suggested, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        saved = self.tr("Saved as %1.").replace("%1", path)

        def send(pdf: bytes, kept: Path) -> str:
            try:
                Path(path).write_bytes(pdf)
            except OSError as error:
                raise _SaveFailed(error.strerror or str(error), kept) from error
            return saved

        self._start(kind, code, send)


class _SaveFailed(Exception):
    """The slip could not be written where the person chose; ``kept`` is the data dir's copy."""

    def __init__(self, reason: str, kept: Path) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kept = kept


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
        self.check_button = named(QPushButton(self.tr("Check")), "voucherCheck",
                                  self.tr("Check voucher"))
        self.redeem_button = named(QPushButton(self.tr("Redeem")), "voucherRedeem",
                                   self.tr("Redeem voucher"))
        self.void_reason = named(QLineEdit(), "voidReason", self.tr("Reason to void"))
        self.void_button = named(QPushButton(self.tr("Void")), "voucherVoid",
                                 self.tr("Void voucher"))
        self.result_label = named(QLabel(), "voucherResult", self.tr("Voucher check result"))
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        close = named(QPushButton(self.tr("Close")), "vouchersClose", self.tr("Close"))
        close.clicked.connect(self.accept)
        self.check_button.clicked.connect(self.check)
        self.redeem_button.clicked.connect(self.redeem)
        self.void_button.clicked.connect(self.void)
        can_void = on_shift.staff.role in ("supervisor", "manager")
        self.void_button.setEnabled(can_void)
        self.void_reason.setEnabled(can_void)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.redeem_button)
        buttons.addStretch(1)
        void_row = QHBoxLayout()
        void_row.addWidget(self.void_reason, 1)
        void_row.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addLayout(void_row)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)

    def check(self) -> VoucherCheck:
        answer = self.desk.vouchers.check(self.code.text())
        self.result_label.setText(describe_check(self.desk, answer))
        return answer

    def redeem(self) -> None:
        answer = self.desk.vouchers.redeem(self.on_shift, self.code.text())
        self.result_label.setText(describe_check(self.desk, answer))

    def void(self) -> None:
        try:
            self.desk.vouchers.void(self.on_shift, self.code.text(), self.void_reason.text())
        except DeskError as error:
            self.result_label.setText(labels.desk_error(error))
            return
        self.result_label.setText(self.tr("Voided."))


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
