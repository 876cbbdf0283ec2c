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
    # TIME_FORMAT's text (tests compare them), far faster than strftime, and than isoformat.
    utc = moment.astimezone(UTC)
    return _TEXT % (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second,
                    utc.microsecond)


_TEXT = "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ"


def parse_utc(text: str) -> datetime:
    # fromisoformat is C and reads the trailing "Z"; strptime was most of a year's review.
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"not a UTC time: {text!r}")
    return moment.astimezone(UTC)
