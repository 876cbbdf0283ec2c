"""``amends slip print``: send a voucher or a case's apology to a receipt printer from a terminal.

Nobody is signed in at a terminal, so the print is not recorded and a voucher comes out
marked REPRINT (``compose.copy_slip``); its PDF is kept under slips/ either way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_print_parser", "print_command"]


def add_print_parser(actions: Any) -> None:
    """The ``slip print`` sub-command (``actions``: the ``slip`` parser's sub-parsers)."""
    command = actions.add_parser(
        "print", help="print a voucher (by its code) or a case's apology (by case id) on an "
        "ESC/POS receipt printer; the PDF is kept under slips/ as well")
    command.add_argument("--kind", required=True, choices=("voucher", "apology"))
    command.add_argument("target", metavar="CODE", help="the voucher code, or the case id for "
                         "an apology")
    command.add_argument("--printer", required=True, metavar="ADDRESS",
                         help="tcp://HOST:PORT (port 9100 if left out) or usb://VID:PID")
    command.add_argument("--size", default="roll80", choices=("roll80", "a4", "letter"),
                         help="paper of the PDF kept alongside (default: roll80)")
    assert isinstance(command, argparse.ArgumentParser)


def print_command(data_dir: Path, kind: str, target: str, printer: str, *,
                  size: str = "roll80") -> int:
    """Print one slip; 0 when the printer took it, 1 (with the reason) otherwise."""
    from desktop.core.desk import Desk
    from desktop.core.errors import DeskError
    from desktop.core.paths import DB_FILE
    from desktop.core.printers import parse_address
    from desktop.slips import render_apology, render_voucher
    from desktop.slips.compose import SlipNotPrinted, copy_slip, keep_pdf, send_to_receipt_printer
    from desktop.slips.model import VoucherSlip
    from desktop.ui.labels import refusal_text

    try:
        address = parse_address(printer)
    except DeskError as error:
        print(refusal_text(error.refusal, error.detail), file=sys.stderr)
        return 2
    if not (data_dir / DB_FILE).is_file():
        print(f"No desk in {data_dir}: set one up first.", file=sys.stderr)
        return 1
    desk = Desk.open(data_dir)
    try:
        try:
            slip, name = copy_slip(desk, kind, target)
        except DeskError as error:
            print(refusal_text(error.refusal, error.detail), file=sys.stderr)
            return 1
        pdf = (render_voucher(slip, size) if isinstance(slip, VoucherSlip)
               else render_apology(slip, size))
        kept = keep_pdf(desk.data_dir, pdf, name, desk.site.local_time(desk.now()))
        try:
            send_to_receipt_printer(str(address), slip, kept)
        except SlipNotPrinted as error:
            print(refusal_text(error.refusal, error.detail), file=sys.stderr)
            print(f"The slip is kept as {kept}.", file=sys.stderr)
            return 1
        print(f"Sent the {kind} slip to {printer}; kept as {kept}.")
        return 0
    finally:
        desk.close()
