"""Voucher and apology slips rendered as PDF with ReportLab; no Qt here."""

from desktop.slips.apology import (
    TemplateError,
    fill_apology,
    load_apology_template,
    validate_apology_template,
)
from desktop.slips.model import ApologyLabels, ApologySlip, PageSize, VoucherLabels, VoucherSlip
from desktop.slips.render import apology_story, render_apology, render_voucher, voucher_story
from desktop.slips.samples import sample_apology, sample_voucher
from desktop.slips.wording import SlipWording, slip_language, slip_wording

__all__ = [
    "ApologyLabels",
    "ApologySlip",
    "PageSize",
    "SlipWording",
    "TemplateError",
    "VoucherLabels",
    "VoucherSlip",
    "apology_story",
    "fill_apology",
    "load_apology_template",
    "render_apology",
    "render_voucher",
    "sample_apology",
    "sample_voucher",
    "slip_language",
    "slip_wording",
    "validate_apology_template",
    "voucher_story",
]
