"""Printing a slip through QPrinter (to a PDF file, offscreen) and the failure paths."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.slips import render_apology, render_voucher, sample_apology, sample_voucher
from desktop.slips.compose import keep_pdf
from desktop.ui.printing import PrintError, paint_pdf, print_slip, printer_named


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.mark.parametrize("size", ["roll80", "a4", "letter"])
def test_printing_to_a_pdf_printer_produces_the_slip(qtbot: QtBot, tmp_path: Path,
                                                     size: str) -> None:
    slip = render_voucher(sample_voucher(), size)
    out = tmp_path / "printed.pdf"
    paint_pdf(slip, pdf_printer(out))
    printed = PdfReader(out)
    source = PdfReader(__import__("io").BytesIO(slip))
    assert len(printed.pages) == len(source.pages)
    for ours, theirs in zip(printed.pages, source.pages, strict=True):
        # The printed page has the slip's own size (80 mm roll, A4, Letter), within a point.
        assert abs(float(ours.mediabox.width) - float(theirs.mediabox.width)) < 1.5
        assert abs(float(ours.mediabox.height) - float(theirs.mediabox.height)) < 1.5
    assert out.stat().st_size > 20_000  # a real raster of the slip, not an empty page


def test_the_printed_page_is_not_blank(qtbot: QtBot, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    slip = render_apology(sample_apology(), "roll80")
    image_holder: list[QImage] = []
    import desktop.ui.printing as printing

    original = printing.QPainter.drawImage

    def spy(painter, target, image):  # type: ignore[no-untyped-def]
        image_holder.append(image.copy())
        return original(painter, target, image)

    printing.QPainter.drawImage = spy  # type: ignore[method-assign]
    try:
        paint_pdf(slip, printer)
    finally:
        printing.QPainter.drawImage = original  # type: ignore[method-assign]
    image = image_holder[0]
    dark = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 100  # text and the QR code are there


def test_a_missing_printer_keeps_the_pdf_and_says_where(tmp_path: Path) -> None:
    slip = render_voucher(sample_voucher(), "roll80")
    kept = keep_pdf(tmp_path, slip, "voucher K7Q-M4X", datetime(2026, 11, 18, 15, 30, tzinfo=UTC))
    assert kept.read_bytes() == slip and kept.parent == tmp_path / "slips"
    assert printer_named("No Such Printer 42") is None
    with pytest.raises(PrintError) as raised:
        print_slip(slip, printer_named("No Such Printer 42"), kept)
    assert raised.value.problem == "printer_missing" and raised.value.kept == kept
    assert kept.exists()


# A printer that fails to start makes Qt's QPainter::begin warn before it returns False; the
# failure is what this test is about, so that one warning is expected here (and only here).
@pytest.mark.qt_log_ignore(r"^QPainter::begin\(\): Returned false$")
def test_a_failing_printer_keeps_the_pdf(qtbot: QtBot, qtlog: Any, tmp_path: Path) -> None:
    slip = render_voucher(sample_voucher(), "roll80")
    kept = keep_pdf(tmp_path, slip, "voucher", datetime(2026, 11, 18, tzinfo=UTC))
    printer = pdf_printer(tmp_path / "no-such-folder" / "out.pdf")  # cannot be written
    with pytest.raises(PrintError) as raised:
        print_slip(slip, printer, kept)
    assert raised.value.problem == "printer_failed"
    assert kept.read_bytes() == slip
    assert "QPainter::begin(): Returned false" in [record.message for record in qtlog.records]
