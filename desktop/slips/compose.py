"""Composing a case's slips from what the desk holds: the voucher slip and the apology letter.

The core records (a voucher, a print, a case); this module turns a record into the slip a
guest takes away, in the *guest's* language (the case's, by default the site's), with the
site's money and time zone, with the site's own voucher
terms and apology template where it has them. No Qt: the app, the CLI and the tests compose
the same slips.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from babel.dates import format_date

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.letter import Letter, compose_letter, letter_to_print, printed_letter
from desktop.core.money import babel_locale, format_money
from desktop.core.paths import PRIVATE_FILE_MODE, make_private_dir
from desktop.core.printers import parse_address
from desktop.core.settings import VOUCHER_TERMS
from desktop.core.views import OnShift
from desktop.slips.model import ApologySlip, VoucherSlip
from desktop.slips.wording import slip_language, slip_wording

__all__ = ["DEFAULT_VOUCHER_TERMS", "SlipNotPrinted", "apology_slip", "copy_slip",
           "guest_language", "keep_pdf", "make_slip", "send_to_receipt_printer", "voucher_slip",
           "voucher_terms"]

# The English voucher terms. Slips print the terms of the site's language, shipped in
# resources/templates/slip_wording.<language>.json (English there repeats these).
DEFAULT_VOUCHER_TERMS = (
    "Valid until the date above.",
    "Can be used once. Not exchangeable for cash; no change given.",
    "Show this slip or quote the code when you pay.",
)


def voucher_terms(desk: Desk, language: str | None = None) -> list[str]:
    """The terms printed on vouchers: the site's own (the ``voucher_terms`` setting, in the
    site's language) when it has them and the slip is in that language, else the shipped
    terms in ``language`` (default: the site's)."""
    site_language = slip_language(desk.site.info().locale)
    own = desk.settings.get(VOUCHER_TERMS)
    if own and (language is None or language == site_language):
        return list(own)
    return list(slip_wording(language or site_language).voucher_terms)


def guest_language(desk: Desk, case_id: str | None) -> str:
    """The language a case's slips print in: the case's own, else the site's."""
    recorded = desk.cases.get(case_id).header.guest_language if case_id else ""
    return recorded or slip_language(desk.site.info().locale)


def _date_locale(language: str, site_locale: str) -> str:
    """Dates in the guest's language; the site's own locale when that is the same."""
    return site_locale if slip_language(site_locale) == language else language


def voucher_slip(desk: Desk, code: str, reprint: bool = False) -> VoucherSlip:
    """The slip of a voucher on record, in its case's guest language, the site's money and
    time zone."""
    site = desk.site.info()
    voucher = desk.vouchers.find(code)
    language = guest_language(desk, voucher.case_id)
    wording = slip_wording(language)
    dates = _date_locale(language, site.locale)
    return VoucherSlip(
        site_name=site.name, site_address=site.address, guest_name=voucher.guest_name,
        purpose=voucher.description,
        value_text=format_money(voucher.value_minor, voucher.currency, site.locale),
        code=voucher.display_code, qr_payload=voucher.token,
        issued_on=_long_date(voucher.issued_at.astimezone(site.zone).date(), dates),
        expires_on=_long_date(voucher.expires_on, dates),
        issued_by=voucher.issued_by_name, terms=voucher_terms(desk, language), reprint=reprint,
        labels=wording.voucher)


def apology_slip(desk: Desk, case_id: str, reprint: bool = False, *,
                 by: OnShift | None = None, letter: Letter | None = None) -> ApologySlip:
    """The apology letter of a case as a slip: ``letter`` if given, else the one its apology
    was first printed with, else composed now (``desktop.core.letter``) with ``by`` (whoever
    hands it over, else whoever opened the case) as the person to ask for."""
    site = desk.site.info()
    case = desk.cases.get(case_id)
    letter = letter or letter_to_print(desk, case_id, by)
    wording = slip_wording(letter.language)
    return ApologySlip(site_name=site.name, site_address=site.address,
                       guest_name=case.header.guest_name, body_paragraphs=letter.paragraphs,
                       signature=letter.signature, reprint=reprint, labels=wording.apology)


def _long_date(day: date, locale: str) -> str:
    return format_date(day, format="long", locale=babel_locale(locale))


class SlipNotPrinted(DeskError):
    """The receipt printer did not take the slip (or its address is wrong); the refusal says
    why and ``kept`` is where the slip's PDF is."""

    def __init__(self, error: DeskError, kept: Path) -> None:
        super().__init__(error.refusal, error.detail)
        self.kept = kept


def make_slip(desk: Desk, who: OnShift, case_id: str, kind: Literal["voucher", "apology"],
              code: str | None, size: str, *, receipt_printer: str = "",
              wording: str | None = None) -> tuple[bytes, Path]:
    """Record the print, render the slip and keep its PDF in the data dir (any thread); with
    ``receipt_printer`` (a ``tcp://`` or ``usb://`` address) send it there as ESC/POS too.

    The print is on record before the slip is made, so a second one says REPRINT. The PDF is
    kept before anything is sent: a printer that is off raises SlipNotPrinted naming it.
    An apology's first print is worded ``wording`` if the agent changed it (else composed
    now) and puts that letter on record; every later print is that same letter.
    """
    from desktop.slips import render_apology, render_voucher  # ReportLab: only when printing

    # The slip comes worded in the guest's language, whatever language the desk's screens
    # are in.
    slip: VoucherSlip | ApologySlip
    if kind == "voucher" and code is not None:
        number = desk.cases.record_print(who, case_id, kind, code)
        slip = voucher_slip(desk, code, reprint=number > 1)
        pdf = render_voucher(slip, size)
    else:
        letter = printed_letter(desk, case_id)
        first = letter is None
        if letter is None:
            letter = compose_letter(desk, case_id, who)
            letter = letter.reworded(wording) if wording is not None else letter
        number = desk.cases.record_print(who, case_id, "apology",
                                         letter=letter.payload() if first else None)
        slip = apology_slip(desk, case_id, reprint=number > 1, letter=letter)
        pdf = render_apology(slip, size)
    kept = keep_pdf(desk.data_dir, pdf, f"{kind}-{code or case_id[:8]}",
                    desk.site.local_time(desk.now()))
    if receipt_printer:
        send_to_receipt_printer(receipt_printer, slip, kept)
    return pdf, kept


def send_to_receipt_printer(printer: str, slip: VoucherSlip | ApologySlip, kept: Path) -> None:
    """Send a slip whose PDF is ``kept`` to an ESC/POS printer; SlipNotPrinted if it fails."""
    from desktop.slips.escpos import send_slip  # python-escpos and Pillow: only when used

    try:
        send_slip(parse_address(printer), slip)
    except DeskError as error:
        raise SlipNotPrinted(error, kept) from error


def copy_slip(desk: Desk, kind: str, target: str) -> tuple[VoucherSlip | ApologySlip, str]:
    """A slip printed from a terminal, where nobody is signed in, so nothing is recorded:
    a voucher's is always marked REPRINT (a copy can never pass for another voucher); an
    apology is marked so once it has been printed. Returns the slip and a name to keep it by.
    """
    if kind == "voucher":
        voucher = desk.vouchers.find(target)
        return voucher_slip(desk, voucher.code, reprint=True), f"voucher-{voucher.code}"
    case = desk.cases.get(target)
    printed = any(e.kind == "slip.printed" and '"kind":"apology"' in e.payload
                  for e in desk.cases.events(case.id))
    return apology_slip(desk, case.id, reprint=printed), f"apology-{case.id[:8]}"


def keep_pdf(data_dir: Path, pdf: bytes, name: str, moment: datetime) -> Path:
    """Save the slip in the data dir's slips folder under a name of its own; returns its path.

    Nothing kept is ever overwritten: two prints of one slip within the same second get
    ``…-2.pdf``, ``…-3.pdf`` (the file is created exclusively, so two threads cannot take
    the same name either). The folder and the file are its owner's only.
    """
    folder = data_dir / "slips"
    make_private_dir(folder)
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:60]
    stem = f"{moment:%Y%m%d-%H%M%S}-{safe}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for number in range(1, 10_000):
        path = folder / (f"{stem}.pdf" if number == 1 else f"{stem}-{number}.pdf")
        try:
            handle = os.open(path, flags, PRIVATE_FILE_MODE)
        except FileExistsError:
            continue
        with os.fdopen(handle, "wb") as kept:
            kept.write(pdf)
        return path
    raise FileExistsError(f"no free name for {stem} in {folder}")
