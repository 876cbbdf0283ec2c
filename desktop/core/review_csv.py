"""The review as CSV: one row per gesture granted in the period, for spreadsheets and e-mail."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

from desktop.core.money import exponent
from desktop.core.review import Review

COLUMNS = ("granted_at_local", "case_id", "guest", "category", "outlet", "gesture_type",
           "description", "value", "currency", "granted_by", "approved_by", "approval_reason")


def review_csv(review: Review, zone: ZoneInfo) -> str:
    """CSV text; values as plain decimals in the currency's own exponent (never floats)."""
    digits = exponent(review.currency)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for line in review.grants:
        writer.writerow([
            line.granted_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"), line.case_id,
            _safe(line.guest_name), line.category, _safe(line.outlet), line.gesture_type,
            _safe(line.description), _decimal(line.value_minor, digits), review.currency,
            _safe(line.granted_by), _safe(line.approved_by), _safe(line.approval_reason)])
    return out.getvalue()


def _decimal(minor: int, digits: int) -> str:
    if digits == 0:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(minor), 10**digits)
    return f"{sign}{whole}.{part:0{digits}d}"


def _safe(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets; guests type anything.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
