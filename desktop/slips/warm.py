"""Getting ReportLab ready before the first print: its modules, the slip fonts, one sample of
each slip laid out. Done once per process, in the desk's thread pool at a quiet moment after
sign-in, so the first Print pays none of it (it took Python's lock in turns with the window
for a few hundred milliseconds, a visible stall of the window on a busy machine).
"""

from __future__ import annotations

import threading

_DONE = threading.Event()


def warm_up() -> None:
    """Lay out a sample voucher and a sample apology, and throw them away (any thread)."""
    if _DONE.is_set():
        return
    from desktop.slips import render_apology, render_voucher, sample_apology, sample_voucher

    render_voucher(sample_voucher(), "roll80")
    render_apology(sample_apology(), "a4")
    _DONE.set()


def is_warm() -> bool:
    return _DONE.is_set()
