"""Benchmark: voucher slip PDF versus a bare ReportLab page with the same QR code.

Run from the repository root::

    .venv/bin/python -m bench.slips [--runs 50] [--size roll80] [--widget]

Each timed run uses a freshly signed token and clears the QR cache, so no run benefits from
an earlier one's QR encoding. The bare page and the slip alternate so machine noise hits both
alike. The team's goal: a slip costs at most 2x the bare page and under 50 ms (warm).
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import random
import statistics
import time
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from desktop.core import vouchers
from desktop.slips import PageSize, render_voucher, sample_voucher
from desktop.slips.qr import QrFlowable, qr_matrix

_QR_SIZE = 64 * mm


def _tokens(count: int) -> list[str]:
    """Distinct realistic tokens, made before timing starts."""
    key = vouchers.generate_signing_key()
    rng = random.Random(1)
    tokens = []
    for i in range(count):
        claim = vouchers.VoucherClaim(
            voucher_id=f"6f2b8c1e-4d3a-4f7b-9e21-{i:012d}",
            code=vouchers.new_code(rng),
            site_id="miradouro-lisboa",
            device_id="desk-1",
            value_minor=4500,
            currency="EUR",
            description="Dinner for two at Terraço",
            guest_name="José Martínez",
            issued_at="2025-03-14T09:30:00Z",
            expires_on="2025-06-30",
        )
        tokens.append(vouchers.sign_voucher(claim, key))
    return tokens


def bare_page(payload: str) -> bytes:
    """A one-page PDF with nothing but the same QR code, drawn the same way as on slips."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(80 * mm, 80 * mm), invariant=1)
    qr = QrFlowable(payload, _QR_SIZE)
    qr.wrapOn(page, _QR_SIZE, _QR_SIZE)
    qr.drawOn(page, 8 * mm, 8 * mm)
    page.showPage()
    page.save()
    return buffer.getvalue()


def widget_page(payload: str) -> bytes:
    """The same bare page drawn with ReportLab's stock QR widget, for reference."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(80 * mm, 80 * mm), invariant=1)
    drawing = Drawing(_QR_SIZE, _QR_SIZE)
    drawing.add(QrCodeWidget(payload, barLevel="M", barWidth=_QR_SIZE, barHeight=_QR_SIZE))
    renderPDF.draw(drawing, page, 8 * mm, 8 * mm)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _timed(make: Callable[[], bytes]) -> float:
    qr_matrix.cache_clear()
    start = time.perf_counter()
    make()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--size", choices=[s.value for s in PageSize], default="roll80")
    parser.add_argument("--widget", action="store_true", help="also time ReportLab's QR widget")
    args = parser.parse_args()
    size = PageSize(args.size)

    template = sample_voucher()
    tokens = _tokens(args.runs + 2)
    slips = [dataclasses.replace(template, qr_payload=token) for token in tokens]

    # Cold: the first slip in this process pays for parsing and registering the fonts.
    cold = _timed(lambda: render_voucher(slips[0], size))
    # One untimed bare page so both sides start warm.
    bare_page(tokens[1])

    bare_ms: list[float] = []
    slip_ms: list[float] = []
    for i in range(args.runs):
        token, slip = tokens[i + 2], slips[i + 2]
        pair = [
            (bare_ms, lambda t=token: bare_page(t)),
            (slip_ms, lambda s=slip: render_voucher(s, size)),
        ]
        for sink, make in pair if i % 2 else reversed(pair):
            sink.append(_timed(make))

    bare = statistics.median(bare_ms)
    slip = statistics.median(slip_ms)
    print(f"voucher slip ({size.value}), cold first render: {cold:7.1f} ms")
    print(f"bare page with the same QR, warm median:    {bare:7.1f} ms  (n={args.runs})")
    print(f"voucher slip, warm median:                   {slip:7.1f} ms  (n={args.runs})")
    print(f"ratio slip / bare:                           {slip / bare:7.2f}x")
    print(f"goal (<= 2x bare and < 50 ms): {'met' if slip <= 2 * bare and slip < 50 else 'MISSED'}")
    if args.widget:
        widget = statistics.median(_timed(lambda t=t: widget_page(t)) for t in tokens[2:5])
        print(f"reference: bare page with ReportLab's QrCodeWidget, median of 3: {widget:7.1f} ms")


if __name__ == "__main__":
    main()
