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
from desktop.ui.printing import (
    PdfQueue,
    PrintError,
    paint_pdf,
    pdf_queue,
    print_slip,
    printer_named,
    raster_dpi,
    send_to_queue,
)


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


def test_a_failing_printer_keeps_the_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    slip = render_voucher(sample_voucher(), "roll80")
    kept = keep_pdf(tmp_path, slip, "voucher", datetime(2026, 11, 18, tzinfo=UTC))
    printer = pdf_printer(tmp_path / "no-such-folder" / "out.pdf")  # cannot be written
    with pytest.raises(PrintError) as raised:
        print_slip(slip, printer, kept)
    assert raised.value.problem == "printer_failed"
    assert kept.read_bytes() == slip


# A raster printer that fails to start makes Qt's QPainter::begin warn before it returns
# False; the failure is what this test is about, so that one warning is expected here.
@pytest.mark.qt_log_ignore(r"^QPainter::begin\(\): Returned false$")
def test_a_raster_printer_that_fails_to_start(qtbot: QtBot, qtlog: Any, tmp_path: Path) -> None:
    slip = render_voucher(sample_voucher(), "roll80")
    with pytest.raises(OSError, match="did not start"):
        paint_pdf(slip, pdf_printer(tmp_path / "no-such-folder" / "out.pdf"))
    assert "QPainter::begin(): Returned false" in [record.message for record in qtlog.records]


def test_a_pdf_file_printer_gets_the_pdf_itself_with_its_text(tmp_path: Path) -> None:
    slip = render_apology(sample_apology(), "a4")
    kept = keep_pdf(tmp_path, slip, "apology", datetime(2026, 11, 18, tzinfo=UTC))
    out = tmp_path / "printed.pdf"
    sent = print_slip(slip, pdf_printer(out), kept)
    assert sent.how == "pdf_file"
    assert out.read_bytes() == slip  # not a picture of the page: the text is still text
    assert sample_apology().guest_name in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize(("size", "most"), [("roll80", 300), ("a4", 300)])
def test_a_raster_is_made_at_a_resolution_quick_for_the_paper(qtbot: QtBot, tmp_path: Path,
                                                               size: str, most: int) -> None:
    printer = pdf_printer(tmp_path / "p.pdf")
    printer.setResolution(1200)  # a 1200 dpi queue
    slip = render_voucher(sample_voucher(), size)
    widths: list[int] = []
    heights: list[int] = []
    import desktop.ui.printing as printing

    original = printing.QPainter.drawImage

    def spy(painter, target, image):  # type: ignore[no-untyped-def]
        widths.append(image.width())
        heights.append(image.height())
        return original(painter, target, image)

    printing.QPainter.drawImage = spy  # type: ignore[method-assign]
    try:
        paint_pdf(slip, printer)
    finally:
        printing.QPainter.drawImage = original  # type: ignore[method-assign]
    width_pt = float(PdfReader(__import__("io").BytesIO(slip)).pages[0].mediabox.width)
    assert widths and widths[0] <= width_pt / 72 * most + 1
    assert raster_dpi(1200, width_pt) == most and raster_dpi(203, width_pt) == 203
    # Drawn in bands, so no one call holds Python's lock (and the UI thread) for long.
    height_pt = float(PdfReader(__import__("io").BytesIO(slip)).pages[0].mediabox.height)
    assert len(heights) > 1 and abs(sum(heights) - height_pt / 72 * most) <= 2
    assert all(w * h <= printing._BAND_PIXELS + w * 8 for w, h in zip(widths, heights,
                                                                         strict=True))


def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    return tmp_path / "lp-args.txt"


def test_a_cups_queue_gets_the_kept_pdf_and_names_the_job(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    args = fake_lp(tmp_path, monkeypatch,
                   f'echo "$@" > {tmp_path}/lp-args.txt\n'
                   'echo "request id is Desk-Roll-42 (1 file(s))"\n')
    slip = render_voucher(sample_voucher(), "roll80")
    kept = keep_pdf(tmp_path, slip, "voucher", datetime(2026, 11, 18, tzinfo=UTC))
    assert send_to_queue("Desk-Roll", kept, "Voucher") == "Desk-Roll-42"
    assert args.read_text().split() == ["-d", "Desk-Roll", "-t", "Voucher", "-n", "1", "--",
                                        str(kept)]


def test_a_queue_that_refuses_the_job_is_an_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    fake_lp(tmp_path, monkeypatch, 'echo "lp: The printer or class does not exist." >&2\n'
                                   "exit 1\n")
    kept = tmp_path / "slip.pdf"
    kept.write_bytes(b"%PDF-1.4")
    with pytest.raises(OSError, match="does not exist"):
        send_to_queue("Gone", kept, "Voucher")


def fake_cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, default: str,
              queues: dict[str, str]) -> Path:
    """``lpstat -d``, ``lpoptions -p NAME`` and ``lp`` of a CUPS with ``queues`` (name: make
    and model) and a ``default`` one ("" for none), as CUPS 2.4 words them; what lp was asked
    goes to the returned file."""
    args = fake_lp(tmp_path, monkeypatch, f'echo "$@" > {tmp_path}/lp-args.txt\n'
                                          'echo "request id is $2-7 (1 file(s))"\n')
    bin_dir = tmp_path / "bin"
    said = (f'echo "system default destination: {default}"' if default
            else 'echo "no system default destination"')
    (bin_dir / "lpstat").write_text(f"#!/bin/sh\n{said}\n", encoding="utf-8")
    cases = "".join(f"  '{name}') echo \"copies=1 device-uri=socket://10.0.0.9 "
                    f"printer-make-and-model='{model}' printer-state=3\" ;;\n"
                    for name, model in queues.items())
    (bin_dir / "lpoptions").write_text(
        f'#!/bin/sh\ncase "$2" in\n{cases}  *) echo "lpoptions: Unknown printer or class." '
        ">&2; exit 1 ;;\nesac\n", encoding="utf-8")
    for tool in ("lpstat", "lpoptions"):
        (bin_dir / tool).chmod(0o755)
    return args


def test_a_cups_queue_that_takes_pdf_is_found_by_asking_cups(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_cups(tmp_path, monkeypatch, default="Front-Desk", queues={
        "Front-Desk": "HP LaserJet Pro M404 Postscript (recommended)",
        "Roll": "EPSON TM-T88V Receipt", "Bare": "Local Raw Printer"})
    assert pdf_queue("") == PdfQueue("Front-Desk")  # the system default
    assert pdf_queue("Roll") == PdfQueue("Roll")
    assert pdf_queue("Bare") is None  # a raw queue has no driver here: it needs a raster
    assert pdf_queue("Gone") is None  # no such queue: Qt's way says it is missing


def test_no_default_queue_and_no_cups_mean_no_pdf_queue(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_cups(tmp_path, monkeypatch, default="", queues={"Roll": "EPSON TM-T88V Receipt"})
    assert pdf_queue("") is None and pdf_queue("Roll") == PdfQueue("Roll")
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))  # no lp, no lpoptions
    assert pdf_queue("Roll") is None


def test_a_pdf_queue_gets_the_kept_slip_through_lp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = fake_cups(tmp_path, monkeypatch, default="Roll", queues={"Roll": "EPSON TM-T88V"})
    slip = render_voucher(sample_voucher(), "roll80")
    kept = keep_pdf(tmp_path, slip, "voucher", datetime(2026, 11, 18, tzinfo=UTC))
    queue = pdf_queue("")
    assert queue is not None
    assert print_slip(slip, queue, kept, "Voucher").job == "Roll-7"
    assert args.read_text().split()[:2] == ["-d", "Roll"] and str(kept) in args.read_text()
    (tmp_path / "bin" / "lp").write_text("#!/bin/sh\necho 'lp: Printer is stopped.' >&2\n"
                                         "exit 1\n", encoding="utf-8")
    with pytest.raises(PrintError) as raised:
        print_slip(slip, queue, kept, "Voucher")
    assert raised.value.problem == "printer_failed" and raised.value.kept == kept
