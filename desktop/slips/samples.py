"""Realistic sample slips for ``amends slip sample`` and for eyeballing layout changes.

The sample voucher carries a genuinely signed token, made with a fixed, publicly known demo
key so the output is the same on every run. That key must never be trusted by a real desk.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency

from desktop.core import vouchers
from desktop.core.apology_template import load_apology_template
from desktop.core.letter import compose
from desktop.slips.model import ApologySlip, VoucherSlip
from desktop.slips.wording import DEFAULT_LANGUAGE, slip_wording

__all__ = ["SAMPLE_DEVICE_ID", "sample_apology", "sample_public_key", "sample_voucher"]

SAMPLE_DEVICE_ID = "sample-desk"
# Derived, not random, so sample PDFs are byte-for-byte reproducible.
_SAMPLE_KEY = hashlib.sha256(b"amends sample voucher key - not for real use").digest()

_SITE = "Hotel Miradouro"
_ADDRESS = "Rua das Flores 42, 1200-195 Lisboa, Portugal"
_GUEST = "José Martínez"
_STAFF = "Ana Ribeiro"


def sample_public_key() -> bytes:
    """Public key matching the sample voucher's signature."""
    return vouchers.public_key_of(_SAMPLE_KEY)


def sample_voucher(*, reprint: bool = False, language: str = DEFAULT_LANGUAGE) -> VoucherSlip:
    """A dinner voucher for a guest whose room was noisy, in a shipped slip language."""
    data = "K7QM4XTP"
    code = data + vouchers.check_symbol(data)
    claim = vouchers.VoucherClaim(
        voucher_id="6f2b8c1e-4d3a-4f7b-9e21-5c8d0a1b7e34",
        code=code,
        site_id="miradouro-lisboa",
        device_id=SAMPLE_DEVICE_ID,
        value_minor=4500,
        currency="EUR",
        description="Dinner for two at Terraço",
        guest_name=_GUEST,
        issued_at="2025-03-14T09:30:00Z",
        expires_on="2025-06-30",
    )
    english = VoucherSlip(
        site_name=_SITE,
        site_address=_ADDRESS,
        guest_name=_GUEST,
        purpose="Dinner for two at Terraço, our rooftop restaurant",
        value_text="€45.00",
        code=vouchers.format_code(code),
        qr_payload=vouchers.sign_voucher(claim, _SAMPLE_KEY),
        issued_on="14 March 2025",
        expires_on="30 June 2025",
        issued_by=_STAFF,
        terms=[
            "Valid at Terraço and the lobby bar until the date above.",
            "Not exchangeable for cash; no change given.",
            "Show this slip or quote the code when you pay.",
        ],
        reprint=reprint,
    )
    if language == DEFAULT_LANGUAGE:
        return english
    wording = slip_wording(language)
    return dataclasses.replace(
        english, purpose=wording.sample["purpose"],
        value_text=format_currency(45, "EUR", locale=language),
        issued_on=format_date(date(2025, 3, 14), format="long", locale=language),
        expires_on=format_date(date(2025, 6, 30), format="long", locale=language),
        terms=list(wording.voucher_terms), labels=wording.voucher)


def sample_apology(*, reprint: bool = False, language: str = DEFAULT_LANGUAGE) -> ApologySlip:
    """The apology that goes with ``sample_voucher``, worded by the shipped template: the
    guest's words quoted, the voucher by its guest-facing name, Ana Ribeiro to ask for."""
    wording = slip_wording(language)
    letter = compose(load_apology_template(None, wording.language), language=wording.language,
                     guest_name=_GUEST, words=wording.sample["what_went_wrong"],
                     gestures=[("voucher", format_currency(45, "EUR", locale=language))],
                     ask_for=_STAFF, site_name=_SITE)
    return ApologySlip(
        site_name=_SITE,
        site_address=_ADDRESS,
        guest_name=_GUEST,
        body_paragraphs=letter.paragraphs,
        signature=letter.signature,
        reprint=reprint,
        labels=wording.apology,
    )
