"""Printing slips through Qt's print support.

The slip is the PDF that desktop.slips makes (the same bytes as "Save PDF"); PDFium rasterises
each page at the printer's own resolution and Qt paints it, so what prints is exactly what was
checked. QtPdf would do the same but ships only with the much larger WebEngine wheels.
Before anything is sent, the PDF is kept in the data dir, so a printer that is missing or fails
loses nothing.

Printing runs in the thread pool (``desktop.ui.slips_ui``): Qt supports QPainter on a QPrinter
or a QImage outside the UI thread, one thread at a time per device (Qt 6 "Thread-Support in Qt
Modules", Painting in Threads; on macOS the automatic print progress dialog is then not shown).
PDFium is not thread-safe at all, so every use of it here holds ``_PDFIUM``.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

# PDFium allows one call at a time in the whole process (pypdfium2: "not thread-safe").
_PDFIUM = threading.Lock()


class PrintError(Exception):
    """A slip could not be printed; ``kept`` is where its PDF is."""

    def __init__(self, problem: str, kept: Path) -> None:
        super().__init__(f"{problem}: {kept}")
        self.problem = problem  # "printer_missing" or "printer_failed"
        self.kept = kept


def printer_named(name: str) -> QPrinter | None:
    """A printer by its system name; None if this machine has no such printer."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def list_printers() -> tuple[list[str], str]:
    """This machine's printers and its default one ("" if none), for the doctor's check."""
    return list(QPrinterInfo.availablePrinterNames()), QPrinterInfo.defaultPrinterName()


def paint_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Paint every page of ``pdf`` on ``printer`` at the printer's resolution (any thread,
    one at a time)."""
    with _PDFIUM:
        _paint_pdf(pdf, printer)


def _paint_pdf(pdf: bytes, printer: QPrinter) -> None:
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        for index in range(len(document)):
            page = document[index]
            width_pt, height_pt = page.get_size()
            size = QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "slip",
                             QPageSize.SizeMatchPolicy.ExactMatch)
            layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
            if index == 0:
                printer.setPageLayout(layout)
                printer.setFullPage(True)
                if not painter.begin(printer):
                    raise OSError("the printer did not start")
            else:
                printer.setPageLayout(layout)
                if not printer.newPage():
                    raise OSError("the printer refused a new page")
            dpi = printer.resolution()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_Grayscale8)
            target = QRectF(0, 0, width_pt * dpi / 72, height_pt * dpi / 72)
            painter.drawImage(target, image)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def print_slip(pdf: bytes, printer: QPrinter | None, kept: Path) -> None:
    """Print a kept slip; raise PrintError (naming the kept PDF) if it cannot be printed."""
    if printer is None or not printer.isValid():
        raise PrintError("printer_missing", kept)
    try:
        paint_pdf(pdf, printer)
    except (OSError, pdfium.PdfiumError) as error:
        raise PrintError("printer_failed", kept) from error
