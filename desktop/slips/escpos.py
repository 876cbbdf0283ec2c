"""Receipt printers that speak ESC/POS, on the LAN (raw TCP, port 9100) or USB, no driver.

A slip is sent as ESC/POS commands built with python-escpos: initialise (ESC @), the text
in code page 858 (Western European with €: English, Spanish, French, German, Italian,
Portuguese) or, when the text needs a script no code page has (Arabic, Chinese, Japanese),
as a raster image drawn with the slip fonts (Arabic shaped as on the PDF); the voucher's QR
code drawn by the printer itself (GS ( k, model 2, error correction M) and a cut (GS V).
The same PDF is always kept too, so a printer that is off loses nothing.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from typing import Any, Literal

from PIL import Image, ImageDraw, ImageFont

import resources
from desktop.core.errors import DeskError, Refusal
from desktop.core.printers import PrinterAddress
from desktop.slips import fonts
from desktop.slips.model import ApologySlip, VoucherSlip
from desktop.slips.rtl import is_rtl, visual

__all__ = ["apology_job", "send", "send_slip", "voucher_job"]

CODE_PAGE = "cp858"  # ESC t 19 on Epson and most clones
_COLUMNS = 42  # characters per line in font A on 80 mm paper
_DOTS = 512  # image width: inside the 576 dots an 80 mm printer prints
_TIMEOUT = 10.0  # seconds to connect and to write
_QR_DOT = 4  # dots per QR module: a ~500-character token comes out ~45 mm wide

log = logging.getLogger(__name__)

Style = Literal["heading", "big", "bold", "body", "small"]
Line = tuple[str, Style, bool]  # text, style, centred


# --- composing the job -------------------------------------------------------------------------

def _printer() -> Any:
    from escpos.printer import Dummy  # the job is built in memory, then sent in one go

    printer = Dummy(profile="TM-T88V")  # an 80 mm Epson: 512 dots, code page 858 is 19
    printer.hw("INIT")
    return printer


def _fits_code_page(lines: Sequence[Line]) -> bool:
    try:
        for text, _, _ in lines:
            text.encode(CODE_PAGE)
    except UnicodeEncodeError:
        return False
    return True


def _emit(printer: Any, lines: Sequence[Line]) -> None:
    """Lines as text in the code page, or as one image when a script needs it."""
    if not lines:
        return
    if not _fits_code_page(lines):
        printer.set_with_default(align="center")
        printer.image(_picture(lines), center=True)
        return
    printer.charcode("CP858")
    for text, style, centred in lines:
        printer.set_with_default(
            align="center" if centred else "left", bold=style in ("heading", "big", "bold"),
            double_height=style in ("heading", "big"), double_width=style == "big")
        printer.textln(text)
    printer.set_with_default()


def _rule() -> Line:
    return ("-" * _COLUMNS, "body", True)


def voucher_job(slip: VoucherSlip) -> bytes:
    """The ESC/POS bytes of a voucher slip (same wording as its PDF)."""
    labels = slip.labels
    top: list[Line] = []
    if slip.reprint:
        top += [(labels.reprint, "big", True), (labels.reprint_note, "small", True)]
    top += [(slip.site_name, "heading", True), (slip.site_address, "small", True), _rule(),
            (labels.title, "heading", True), (labels.guest, "small", True),
            (slip.guest_name, "bold", True), (labels.purpose, "small", True),
            (slip.purpose, "body", True), (labels.value, "small", True),
            (slip.value_text, "big", True), (labels.code, "small", True),
            (slip.code, "big", True)]
    bottom: list[Line] = [(f"{labels.issued_on}: {slip.issued_on}", "body", False),
                          (f"{labels.expires_on}: {slip.expires_on}", "body", False),
                          (f"{labels.issued_by}: {slip.issued_by}", "body", False)]
    if slip.terms:
        bottom += [_rule(), (labels.terms, "small", False)]
        bottom += [(f"- {term}", "small", False) for term in slip.terms]
    if slip.reprint:
        bottom.append((labels.reprint, "big", True))
    printer = _printer()
    _emit(printer, top)
    from escpos.constants import QR_ECLEVEL_M, QR_MODEL_2

    printer.set_with_default(align="center")
    printer.qr(slip.qr_payload, ec=QR_ECLEVEL_M, size=_QR_DOT, model=QR_MODEL_2, native=True)
    printer.set_with_default()
    _emit(printer, bottom)
    printer.cut()
    return bytes(printer.output)


def apology_job(slip: ApologySlip) -> bytes:
    """The ESC/POS bytes of an apology letter."""
    lines: list[Line] = []
    if slip.reprint:
        lines.append((slip.labels.reprint, "big", True))
    lines += [(slip.site_name, "heading", True), (slip.site_address, "small", True), _rule(),
              (slip.guest_name, "bold", False)]
    lines += [(paragraph, "body", False) for paragraph in slip.body_paragraphs]
    lines.append((slip.signature, "bold", False))
    printer = _printer()
    _emit(printer, [line for line in lines if line[0].strip()])
    printer.cut()
    return bytes(printer.output)


# --- text as an image --------------------------------------------------------------------------

_SIZES: dict[str, int] = {"heading": 34, "big": 40, "bold": 26, "body": 24, "small": 20}


@functools.cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    # BASIC: the text is already shaped and in display order (raqm would redo both).
    return ImageFont.truetype(str(resources.path("fonts", fonts.FILES[name])), size,
                              layout_engine=ImageFont.Layout.BASIC)


def _runs(text: str, bold: bool, size: int) -> list[tuple[ImageFont.FreeTypeFont, str]]:
    base = fonts.BOLD if bold else fonts.REGULAR
    out = []
    for fallback, run in fonts.runs(text):
        name = base if fallback is None else fonts.weighted(fallback, bold)
        out.append((_font(name, size), run))
    return out


def _width(text: str, bold: bool, size: int) -> float:
    return sum(font.getlength(run) for font, run in _runs(text, bold, size))


def _wrap(text: str, bold: bool, size: int, rtl: bool) -> list[str]:
    """Greedy lines in reading order; breaks at a space, or anywhere in a spaceless script."""
    def measure(line: str) -> float:
        return _width(visual(line) if rtl else line, bold, size)

    lines: list[str] = []
    current = ""
    for char in " ".join(text.split()):
        if current and measure(current + char) > _DOTS - 8:
            cut = current.rfind(" ")
            if cut > 0 and char != " ":
                lines.append(current[:cut])
                current = current[cut + 1:] + char
            else:
                lines.append(current.rstrip())
                current = char.lstrip()
        else:
            current += char
    if current.strip():
        lines.append(current)
    return lines


def _picture(lines: Sequence[Line]) -> Image.Image:
    """Black text on white, ``_DOTS`` wide: what the printer gets when no code page fits."""
    rows: list[tuple[str, bool, int, str]] = []  # display text, bold, size, align
    for text, style, centred in lines:
        size, bold, rtl = _SIZES[style], style in ("heading", "big", "bold"), is_rtl(text)
        for line in _wrap(text, bold, size, rtl):
            rows.append((visual(line) if rtl else line, bold, size,
                         "centre" if centred else "right" if rtl else "left"))
    height = sum(int(size * 1.4) for _, _, size, _ in rows) + 12
    image = Image.new("1", (_DOTS, max(height, 1)), 1)
    draw = ImageDraw.Draw(image)
    y = 4
    for text, bold, size, align in rows:
        width = _width(text, bold, size)
        x = 4.0 if align == "left" else (_DOTS - width - 4) / (2 if align == "centre" else 1)
        baseline = y + size  # every run on one baseline, whatever its font's ascent
        for font, run in _runs(text, bold, size):
            draw.text((x, baseline), run, font=font, fill=0, anchor="ls")
            x += font.getlength(run)
        y += int(size * 1.4)
    return image


# --- sending -----------------------------------------------------------------------------------

def send(address: PrinterAddress, job: bytes) -> None:
    """Send a job; a printer that is off, refuses or drops the line is a DeskError
    (PRINTER_UNREACHABLE, detail: the printer's address; the system's words go to the log)."""
    from escpos.exceptions import Error as EscposError

    try:
        if address.kind == "tcp":
            from escpos.printer import Network

            printer: Any = Network(address.host, address.port, timeout=_TIMEOUT)
        else:
            from escpos.printer import Usb

            printer = Usb(address.vendor, address.product, timeout=int(_TIMEOUT * 1000))
        printer.open()
        try:
            printer._raw(job)  # the whole job, already composed
        finally:
            printer.close()
    except (OSError, EscposError, RuntimeError, ValueError) as error:
        # RuntimeError: pyusb missing; ValueError/OSError: USB back end or socket errors.
        log.warning("receipt printer %s: %s", address,
                    " ".join(str(error).split()) or type(error).__name__)
        raise DeskError(Refusal.PRINTER_UNREACHABLE, str(address)) from error


def send_slip(address: PrinterAddress, slip: VoucherSlip | ApologySlip) -> None:
    """Compose a slip's job and send it (see ``send``)."""
    send(address, voucher_job(slip) if isinstance(slip, VoucherSlip) else apology_job(slip))
