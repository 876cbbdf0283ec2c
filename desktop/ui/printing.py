"""Printing slips: the PDF itself where the queue takes PDF, a raster only where it must.

The slip is the PDF that desktop.slips makes (the same bytes as "Save PDF"), kept in the data
dir before anything is sent, so a printer that is missing or fails loses nothing. How it then
reaches paper depends on what the queue takes:

- a CUPS queue (Linux, macOS) takes PDF: ``lp`` hands it the kept file and CUPS's own filters
  make what the driver needs, so text stays text and a 1200 dpi queue gets kilobytes, not a
  picture of the page. The job is accepted once ``lp`` names its request id. A raw queue
  (no driver on this machine) cannot take PDF and is rasterised instead.
- a PDF file "printer" (a QPrinter writing to a file) gets the PDF as it is.
- anything else (a Windows driver, a raw queue): PDFium rasterises each page and Qt paints it,
  at a resolution quick for the paper, never the queue's 1200 dpi: a roll slip at most
  ``ROLL_DPI``, a page at most ``PAGE_DPI``.

Which queue that is, and whether it takes PDF, is asked of CUPS with ``lpstat`` and
``lpoptions`` (``pdf_queue``), not through Qt: Qt's printer calls keep Python's lock while CUPS
answers (over 100 ms on a busy machine), which would stop the window even from the pool.

All of it runs in the thread pool (``desktop.ui.slips_ui``), never on the UI thread: Qt
supports QPainter on a QPrinter or a QImage outside the UI thread, one thread at a time per
device (Qt 6 "Thread-Support in Qt Modules", Painting in Threads). PDFium is not thread-safe at
all, so every use of it here holds ``_PDFIUM``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

# PDFium allows one call at a time in the whole process (pypdfium2: "not thread-safe").
_PDFIUM = threading.Lock()
ROLL_DPI = 300  # thermal roll heads are 203 or 300 dpi
PAGE_DPI = 300  # laser and inkjet text is sharp at 300; more only makes the job bigger
_ROLL_WIDTH_PT = 300  # narrower than this (80 mm is 227 pt) is a roll, not a page
_LP_TIMEOUT_S = 30
_BAND_PIXELS = 250_000  # about 15 ms of drawImage each
_REQUEST_ID = re.compile(r"request id is (\S+)")
_DEFAULT_QUEUE = re.compile(r"system default destination: (\S+)")
_CUPS_ASKED_S = 10


# Once the first case is on screen (the agent is listening to the guest), ReportLab is made
# ready in the pool after this moment, once per process (``desktop.slips.warm``).
PREPARE_AFTER_MS = 1500
_preparing = threading.Event()
_prepared = threading.Event()


def claim_slip_preparation() -> bool:
    """True the first time only: the caller then schedules ``prepare_slips``."""
    if _preparing.is_set():
        return False
    _preparing.set()
    return True


def prepare_slips() -> None:
    """ReportLab, the fonts and a sample of each slip laid out (in the pool, never the UI)."""
    from desktop.slips.warm import warm_up

    warm_up()
    _prepared.set()


def slips_prepared() -> bool:
    """Whether ``prepare_slips`` has run: the first print is then as quick as any other."""
    return _prepared.is_set()


class PrintError(Exception):
    """A slip could not be printed; ``kept`` is where its PDF is."""

    def __init__(self, problem: str, kept: Path) -> None:
        super().__init__(f"{problem}: {kept}")
        self.problem = problem  # "printer_missing" or "printer_failed"
        self.kept = kept


@dataclass(frozen=True, slots=True)
class Sent:
    """How a slip went: ``how`` is "pdf_queue", "pdf_file" or "raster"; ``job`` the queue's
    request id when it gave one."""

    how: str
    job: str = ""


@dataclass(frozen=True, slots=True)
class PdfQueue:
    """A CUPS queue that takes PDF, reached with ``lp``: no QPrinter is needed for it."""

    name: str


def pdf_queue(name: str) -> PdfQueue | None:
    """The CUPS queue called ``name`` (``""``: the system default) if it takes PDF; None where
    there is no CUPS, no such queue, or a raw one (no driver here: it needs a raster)."""
    if sys.platform == "win32" or not all(shutil.which(tool) for tool in ("lp", "lpoptions")):
        return None
    if not name:
        found = _DEFAULT_QUEUE.search(_ask_cups("lpstat", "-d"))
        if found is None:
            return None
        name = found.group(1)
    options = dict(item.partition("=")[::2]
                   for item in _split(_ask_cups("lpoptions", "-p", name)))
    model = options.get("printer-make-and-model")
    if model is None or "raw" in model.lower():
        return None
    return PdfQueue(name)


def _ask_cups(*command: str) -> str:
    """What a CUPS command prints, in its untranslated words ("" if it did not run)."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=_CUPS_ASKED_S,
                              check=False, env={**os.environ, "LC_ALL": "C", "LANG": "C"})
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout if done.returncode == 0 else ""


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:  # an unbalanced quote: nothing to go on
        return []


def printer_named(name: str) -> QPrinter | None:
    """A printer by its system name; None if this machine has no such printer."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def list_printers() -> tuple[list[str], str]:
    """This machine's printers and its default one ("" if none), for the doctor's check."""
    return list(QPrinterInfo.availablePrinterNames()), QPrinterInfo.defaultPrinterName()


def takes_pdf(printer: QPrinter) -> bool:
    """Whether the queue behind ``printer`` is a CUPS queue that takes PDF itself."""
    if sys.platform == "win32" or shutil.which("lp") is None:
        return False
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return False
    info = QPrinterInfo.printerInfo(printer.printerName())
    return not info.isNull() and "raw" not in info.makeAndModel().lower()


def raster_dpi(printer_dpi: int, width_pt: float) -> int:
    """The resolution a page is rasterised at: the queue's, but never more than the paper
    needs (a roll slip ``ROLL_DPI``, a page ``PAGE_DPI``)."""
    most = ROLL_DPI if width_pt < _ROLL_WIDTH_PT else PAGE_DPI
    return max(min(printer_dpi or most, most), 72)


def paint_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Paint every page of ``pdf`` on ``printer`` as a raster (any thread, one at a time)."""
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
                printer.setResolution(raster_dpi(printer.resolution(), width_pt))
                printer.setPageLayout(layout)
                printer.setFullPage(True)
                if not painter.begin(printer):
                    raise OSError("the printer did not start")
            else:
                printer.setPageLayout(layout)
                if not printer.newPage():
                    raise OSError("the printer refused a new page")
            dpi = raster_dpi(printer.resolution(), width_pt)
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_Grayscale8)
            # In the printer's device pixels, whatever resolution it settled on.
            scale = printer.resolution() / dpi
            _draw_in_bands(painter, image, scale)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def _draw_in_bands(painter: QPainter, image: QImage, scale: float) -> None:
    """Draw ``image`` a band of rows at a time. QPainter.drawImage holds Python's GIL for as
    long as it runs (an A4 page at 300 dpi: over half a second, the whole app frozen); in
    bands of ``_BAND_PIXELS`` each call is a few milliseconds and the UI thread gets its turn
    between them."""
    rows = max(_BAND_PIXELS // max(image.width(), 1), 8)
    for top in range(0, image.height(), rows):
        band = image.copy(0, top, image.width(), min(rows, image.height() - top))
        painter.drawImage(QRectF(0, top * scale, band.width() * scale, band.height() * scale),
                          band)


def send_to_queue(queue: str, kept: Path, title: str, copies: int = 1) -> str:
    """Hand the kept PDF to the CUPS queue with ``lp``; the request id once it is accepted."""
    command = ["lp", "-d", queue, "-t", title, "-n", str(max(copies, 1)), "--", str(kept)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=_LP_TIMEOUT_S,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise OSError("lp did not run") from error
    if done.returncode != 0:
        raise OSError(f"lp: {done.stderr.strip() or done.returncode}")
    found = _REQUEST_ID.search(done.stdout)
    return found.group(1) if found else ""


def print_slip(pdf: bytes, printer: QPrinter | PdfQueue | None, kept: Path,
               title: str = "Amends") -> Sent:
    """Print a kept slip; raise PrintError (naming the kept PDF) if it cannot be printed."""
    if isinstance(printer, PdfQueue):
        try:
            return Sent("pdf_queue", send_to_queue(printer.name, kept, title))
        except OSError as error:
            raise PrintError("printer_failed", kept) from error
    if printer is None or not printer.isValid():
        raise PrintError("printer_missing", kept)
    try:
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and \
                printer.outputFileName():
            Path(printer.outputFileName()).write_bytes(pdf)
            return Sent("pdf_file")
        if takes_pdf(printer):
            return Sent("pdf_queue", send_to_queue(printer.printerName(), kept, title,
                                                    printer.copyCount()))
        paint_pdf(pdf, printer)
        return Sent("raster")
    except (OSError, pdfium.PdfiumError) as error:
        raise PrintError("printer_failed", kept) from error
