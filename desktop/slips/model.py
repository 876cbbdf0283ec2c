"""What a slip shows: plain frozen dataclasses of already-formatted, already-translated text.

The app formats money and dates in the site's locale and translates the labels; the slip
renderer only lays the strings out. Every string is printed verbatim (no markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["ApologyLabels", "ApologySlip", "PageSize", "VoucherLabels", "VoucherSlip"]


class PageSize(StrEnum):
    """Paper the slip is laid out for."""

    ROLL80 = "roll80"
    """80 mm receipt roll; the page is exactly as long as its content."""
    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True)
class VoucherLabels:
    """Fixed wording on a voucher slip; the app passes translated ones."""

    title: str = "Voucher"
    guest: str = "For"
    purpose: str = "Towards"
    value: str = "Value"
    code: str = "Voucher code"
    issued_on: str = "Issued"
    expires_on: str = "Valid until"
    issued_by: str = "Issued by"
    terms: str = "Terms"
    reprint: str = "REPRINT"
    reprint_note: str = "Copy of a voucher already issued, not an extra voucher."


@dataclass(frozen=True)
class VoucherSlip:
    """A voucher to hand to the guest."""

    site_name: str
    site_address: str
    guest_name: str
    purpose: str
    value_text: str
    code: str
    qr_payload: str
    issued_on: str
    expires_on: str
    issued_by: str
    terms: Sequence[str]
    reprint: bool = False
    labels: VoucherLabels = field(default_factory=VoucherLabels)


@dataclass(frozen=True)
class ApologyLabels:
    """Fixed wording on an apology slip; the app passes translated ones."""

    reprint: str = "REPRINT"


@dataclass(frozen=True)
class ApologySlip:
    """A short apology letter: ``body_paragraphs`` from the greeting to the closing line (a
    ``desktop.core.letter.Letter``), signed ``signature`` (the site)."""

    site_name: str
    site_address: str
    guest_name: str
    body_paragraphs: Sequence[str]
    signature: str = ""
    reprint: bool = False
    labels: ApologyLabels = field(default_factory=ApologyLabels)
