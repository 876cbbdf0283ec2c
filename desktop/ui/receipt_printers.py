"""Receipt printers in Settings → Printers: the "Receipt printer (ESC/POS)" choice beside the
system printers, with the printer's address (tcp://HOST:PORT or usb://VENDOR:PRODUCT).

The address is checked by ``desktop.core.printers`` when saved; the slip is sent by
``desktop.slips.escpos`` in the background like any print.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.core.printers import is_receipt_printer, parse_address
from desktop.ui.common import named

RECEIPT = "receipt"  # the combo's data for the receipt-printer choice


class ReceiptAddress(QLineEdit):
    """The address of a receipt printer, typed when the printer combo says "Receipt printer"."""

    def __init__(self, kind: str, printers: QComboBox, current: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, f"receipt_{kind}", self.tr("Receipt printer address"))
        self.setPlaceholderText(self.tr("tcp://192.168.1.50:9100 or usb://04b8:0e15"))
        self.printers = printers
        printers.addItem(self.tr("Receipt printer (ESC/POS, no driver)…"), RECEIPT)
        if is_receipt_printer(current):
            self.setText(current)
            printers.setCurrentIndex(printers.findData(RECEIPT))
        printers.currentIndexChanged.connect(lambda _i: self._follow())
        self._follow()

    def _follow(self) -> None:
        chosen = self.printers.currentData() == RECEIPT
        self.setEnabled(chosen)
        self.setVisible(chosen)

    def value(self) -> str:
        """The printer setting to save: the system printer's name, or the receipt printer's
        address in its tidy form; DeskError (PRINTER_ADDRESS_INVALID) if that does not read."""
        chosen = self.printers.currentData() or ""
        if chosen != RECEIPT:
            return str(chosen)
        return str(parse_address(self.text()))
