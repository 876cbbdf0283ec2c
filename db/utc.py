"""The one text form of a UTC instant in the local store, without SQLAlchemy.

``db.models`` stores every time this way; the sign-in screen's quick look at the roster
(``desktop.core.early_pins``) reads it back before SQLAlchemy is loaded.
"""

from __future__ import annotations

from datetime import UTC, datetime

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def format_utc(moment: datetime) -> str:
    """The one text form of a UTC instant: fixed width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every time in Amends is timezone-aware")
    # isoformat gives TIME_FORMAT's text (tests compare them) far faster than strftime.
    return moment.astimezone(UTC).isoformat(timespec="microseconds")[:26] + "Z"


def parse_utc(text: str) -> datetime:
    # fromisoformat is C and reads the trailing "Z"; strptime was most of a year's review.
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"not a UTC time: {text!r}")
    return moment.astimezone(UTC)
