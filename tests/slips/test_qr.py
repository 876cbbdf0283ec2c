"""The fast QR path must give exactly what the qrcode package gives, mask choice included."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
import qrcode.constants
import qrcode.util

from desktop.slips import qr


def reference(payload: str) -> tuple[tuple[bool, ...], ...]:
    ref = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    ref.add_data(payload.encode("utf-8"), optimize=0)
    ref.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in ref.modules)


# Lengths chosen to land on small, medium (version >= 7 has version-info blocks) and large
# symbols, up to version 40.
@pytest.mark.parametrize("length", [1, 14, 40, 90, 150, 230, 320, 490, 700, 1000, 1600, 2300])
def test_matrix_equals_qrcode_package(length: int) -> None:
    rng = random.Random(length)
    payload = "".join(
        rng.choice(string.ascii_letters + string.digits + "-_.") for _ in range(length)
    )
    qr.qr_matrix.cache_clear()
    assert qr.qr_matrix(payload) == reference(payload)


def test_non_ascii_payload() -> None:
    payload = "佐藤 美咲 Zoë ¥4,800"
    assert qr.qr_matrix(payload) == reference(payload)


@pytest.mark.parametrize("n", [21, 25, 45, 85, 177])
def test_penalty_equals_qrcode_lost_point(n: int) -> None:
    rng = random.Random(n)
    for trial in range(20):
        density = rng.random()
        matrix = [[rng.random() < density for _ in range(n)] for _ in range(n)]
        if trial % 3 == 0:  # stripes and blocks: long runs, 2x2 squares, finder-like rows
            for r in range(n):
                for c in range(n):
                    if rng.random() < 0.4:
                        matrix[r][c] = (r // 3 + c // 5) % 2 == 0
        rows = [sum(1 << c for c in range(n) if matrix[r][c]) for r in range(n)]
        assert qr._penalty(rows, n) == qrcode.util.lost_point(matrix)


def test_penalty_counts_finder_patterns_and_runs() -> None:
    n = 21
    light = [[False] * n for _ in range(n)]
    with_finder = [row[:] for row in light]
    for c, bit in enumerate("10111010000"):
        with_finder[10][c + 3] = bit == "1"
    rows = [
        [sum(1 << c for c in range(n) if m[r][c]) for r in range(n)] for m in (light, with_finder)
    ]
    assert qr._penalty(rows[0], n) == qrcode.util.lost_point(light)
    assert qr._penalty(rows[1], n) == qrcode.util.lost_point(with_finder)
    assert qr._penalty(rows[1], n) != qr._penalty(rows[0], n)
