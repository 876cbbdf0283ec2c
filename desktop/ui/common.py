"""Small helpers every screen uses: naming controls for screen readers and tests, money text."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

if TYPE_CHECKING:
    from desktop.core.views import SiteInfo

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible: str) -> W:
    """Give a control its object name (for automation) and accessible name (screen readers)."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def scrolled(widget: QWidget) -> QScrollArea:
    """The widget in a frameless scroll area: all of it reachable on a small or scaled screen,
    no scroll bar where it fits. Tab scrolls to the field it reaches (QScrollArea does)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def money(site: SiteInfo, minor: int) -> str:
    from desktop.core.money import format_money

    return format_money(minor, site.currency, site.locale)


def day_text(site: SiteInfo, day: date) -> str:
    """A date as the site's locale writes it (e.g. "18 nov 2026" in Spanish)."""
    from babel.dates import format_date

    from desktop.core.money import babel_locale

    return format_date(day, "medium", locale=babel_locale(site.locale))


def time_text(site: SiteInfo, local: datetime) -> str:
    """A time of day (already in the site's zone) as the site's locale writes it."""
    from babel.dates import format_time

    from desktop.core.money import babel_locale

    return format_time(local, "short", locale=babel_locale(site.locale))


def moment_text(site: SiteInfo, local: datetime) -> str:
    """Date and time (already in the site's zone) in the site's locale."""
    return f"{day_text(site, local.date())} {time_text(site, local)}"


def countdown(seconds: float) -> str:
    """"12:04" for a duration; "-3:10" when overdue; hours when long."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
