"""Which printer a slip goes to: a system printer by name, or an ESC/POS receipt printer.

A printer setting (``printer.voucher``, ``printer.apology``) holds a system printer's name,
or the address of a receipt printer spoken to directly: ``tcp://HOST:PORT`` (raw TCP, port
9100 when left out) or ``usb://VID:PID`` (hexadecimal USB ids). Qt-free, so the settings
screen, the CLI and the slips read addresses the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from desktop.core.errors import DeskError, Refusal

__all__ = ["DEFAULT_PORT", "PrinterAddress", "is_receipt_printer", "parse_address"]

DEFAULT_PORT = 9100
_SCHEMES = ("tcp://", "usb://")
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.\-]{0,252})$")
_IPV6 = re.compile(r"^[0-9A-Fa-f:.]{2,45}$")


@dataclass(frozen=True)
class PrinterAddress:
    """Where a receipt printer is: on the network (host, port) or on USB (vendor, product)."""

    kind: Literal["tcp", "usb"]
    host: str = ""
    port: int = DEFAULT_PORT
    vendor: int = 0
    product: int = 0

    def __str__(self) -> str:
        if self.kind == "tcp":
            host = f"[{self.host}]" if ":" in self.host else self.host
            return f"tcp://{host}:{self.port}"
        return f"usb://{self.vendor:04x}:{self.product:04x}"


def is_receipt_printer(printer: str) -> bool:
    """Whether a printer setting names a receipt printer rather than a system printer."""
    return printer.strip().lower().startswith(_SCHEMES)


def parse_address(text: str) -> PrinterAddress:
    """``tcp://HOST[:PORT]`` or ``usb://VID:PID``; anything else is refused
    (PRINTER_ADDRESS_INVALID, detail: the address as typed)."""
    raw = text.strip()
    scheme, rest = raw[:6].lower(), raw[6:].rstrip("/")
    try:
        if scheme == "tcp://":
            if rest.startswith("["):  # [IPv6]:port
                host, _, tail = rest[1:].partition("]")
                if not _IPV6.match(host) or (tail and not tail.startswith(":")):
                    raise ValueError(rest)
                port = tail[1:]
            else:
                host, _, port = rest.partition(":")
                if not _HOST.match(host):
                    raise ValueError(host)
            number = int(port) if port else DEFAULT_PORT
            if 0 < number < 65536:
                return PrinterAddress("tcp", host=host, port=number)
        elif scheme == "usb://":
            vendor, product = rest.split(":")
            ids = int(vendor, 16), int(product, 16)
            if all(0 < n <= 0xFFFF for n in ids):
                return PrinterAddress("usb", vendor=ids[0], product=ids[1])
    except ValueError:
        pass
    raise DeskError(Refusal.PRINTER_ADDRESS_INVALID, text)
