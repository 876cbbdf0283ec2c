"""Small helpers every screen uses: naming controls for screen readers and tests, money text."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.core.desk import SiteInfo

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible: str) -> W:
    """Give a control its object name (for automation) and accessible name (screen readers)."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def money(site: SiteInfo, minor: int) -> str:
    from desktop.core.money import format_money

    return format_money(minor, site.currency, site.locale)


def countdown(seconds: float) -> str:
    """"12:04" for a duration; "-3:10" when overdue; hours when long."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
