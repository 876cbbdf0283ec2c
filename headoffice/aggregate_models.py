"""The read aggregates of head office's analysis pages, kept up to date as events arrive
(``headoffice.aggregates``), and the findings kept between requests. Tables of
``headoffice.models``' base; import them from either module.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from headoffice.model_base import Base, UTCDateTime


class CaseFact(Base):
    """One case as the analysis sees it, folded from its events as they arrive."""

    __tablename__ = "hq_case"
    __table_args__ = (Index("ix_hq_case_site_week_category", "site_id", "week", "category"),
                      Index("ix_hq_case_dow_hour_opened", "dow", "hour", "opened_at"),
                      # Chain-wide drill-downs (a gesture, an outlet) list the newest first.
                      Index("ix_hq_case_opened", "opened_at"),
                      # Only the cases still waiting for their follow-up: the dashboard's count.
                      Index("ix_hq_case_waiting", "due_at",
                            postgresql_where=text("done_at IS NULL AND closed_at IS NULL"),
                            sqlite_where=text("done_at IS NULL AND closed_at IS NULL")))

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    opened_at: Mapped[str | None] = mapped_column(String(27), nullable=True)
    week: Mapped[str | None] = mapped_column(String(10), nullable=True)  # local Monday
    dow: Mapped[int | None] = mapped_column(Integer, nullable=True)  # local, Monday 0
    hour: Mapped[int | None] = mapped_column(Integer, nullable=True)  # local
    category: Mapped[str] = mapped_column(String(64), default="")
    outlet: Mapped[str] = mapped_column(String(64), default="")
    opened_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    gestures: Mapped[int] = mapped_column(Integer, default=0)
    gesture_type: Mapped[str] = mapped_column(String(64), default="")  # the first one's
    spend_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    due_at: Mapped[str | None] = mapped_column(String(27), nullable=True)
    done_at: Mapped[str | None] = mapped_column(String(27), nullable=True)
    done_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    outcome: Mapped[str] = mapped_column(String(64), default="")
    closed_at: Mapped[str | None] = mapped_column(String(27), nullable=True)


class WeekCount(Base):
    """Cases of a category at a site in a local week, and how they went."""

    __tablename__ = "hq_week"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    week: Mapped[str] = mapped_column(String(10), primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)
    recovered: Mapped[int] = mapped_column(Integer, default=0)
    spend_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    due: Mapped[int] = mapped_column(Integer, default=0)
    on_time: Mapped[int] = mapped_column(Integer, default=0)


class HourCount(Base):
    """Cases opened at a site on a local day of the week and hour, all time."""

    __tablename__ = "hq_hour"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dow: Mapped[int] = mapped_column(Integer, primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class GestureCount(Base):
    """Cases of a category at a site by the gesture first granted ("none": no gesture)."""

    __tablename__ = "hq_gesture"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)
    gesture_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)
    recovered: Mapped[int] = mapped_column(Integer, default=0)
    spend_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    followed_up: Mapped[int] = mapped_column(Integer, default=0)
    recovered_followed_up: Mapped[int] = mapped_column(Integer, default=0)


class PersonCount(Base):
    """Follow-ups a person owed at a site (who did it, else who opened the case)."""

    __tablename__ = "hq_person"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person: Mapped[str] = mapped_column(String(64), primary_key=True)
    due: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    on_time: Mapped[int] = mapped_column(Integer, default=0)


class DayHourCount(Base):
    """Cases opened at a site on a local day in a local hour (the grid over a date range)."""

    __tablename__ = "hq_day_hour"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # local date
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class ChainDayHourCount(Base):
    """Cases opened in the whole chain on a (site's local) day in a local hour."""

    __tablename__ = "hq_chain_day_hour"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class SliceCount(Base):
    """Cases at a site in a local week by one more dimension (the hour of the week, the outlet,
    the person who opened them): what combustion points test beyond the category."""

    __tablename__ = "hq_slice"

    week: Mapped[str] = mapped_column(String(10), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(8), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class WindowCount(Base):
    """A value's cases at a site in combustion's recent weeks and in the weeks before them,
    kept as events arrive for the weeks ``WindowAnchor`` names (``headoffice.windows``)."""

    __tablename__ = "hq_window"

    dimension: Mapped[str] = mapped_column(String(8), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    recent: Mapped[int] = mapped_column(Integer, default=0)
    history: Mapped[int] = mapped_column(Integer, default=0)


class WindowAnchor(Base):
    """The weeks ``hq_window`` counts (one row, id 1; none: not counted yet)."""

    __tablename__ = "hq_window_anchor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    history_from: Mapped[str] = mapped_column(String(10))
    recent_from: Mapped[str] = mapped_column(String(10))
    last_week: Mapped[str] = mapped_column(String(10))


class Finding(Base):
    """A combustion point as last computed (``headoffice.findings``), most surprising first
    (``rank``); the page reads these instead of testing every value at each request."""

    __tablename__ = "hq_finding"

    rank: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    site_id: Mapped[str] = mapped_column(String(36))
    dimension: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    recent: Mapped[int] = mapped_column(Integer)
    own_expected: Mapped[float] = mapped_column(Float)
    chain_expected: Mapped[float] = mapped_column(Float)
    p_value: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    since: Mapped[str] = mapped_column(String(10))


class FindingRun(Base):
    """When the stored findings were computed, for which weeks, over how many values; ``stale``
    once cases in those weeks arrived since (one row, id 1; none: never computed)."""

    __tablename__ = "hq_finding_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_week: Mapped[str] = mapped_column(String(10))
    tested: Mapped[int] = mapped_column(Integer)
    stale: Mapped[bool] = mapped_column(Boolean())
