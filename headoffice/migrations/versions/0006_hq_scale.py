"""aggregates for chain scale: waiting cases, the day × hour grid, combustion dimensions

Revision ID: 0006_hq_scale
Revises: 0005_hq_publishing
Create Date: 2026-11-30

``hq_case.closed_at`` (and a partial index of the cases still waiting for their follow-up, the
dashboard's overdue count), ``hq_day_hour`` and ``hq_chain_day_hour`` (the day × hour grid over
a date range, per site and for the chain), ``hq_slice`` (cases by site × week × hour of the
week, outlet or person, for combustion points), ``hq_window`` and its anchor (combustion's
recent and previous weeks per value, kept as events arrive; counted on first use). The new
counters start empty: ``amends-headoffice aggregates rebuild`` fills them from the stored
events.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_hq_scale"
down_revision: str | None = "0005_hq_publishing"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

WAITING = "done_at IS NULL AND closed_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("hq_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_at", sa.String(length=27), nullable=True))
    # Cases closed before this revision: their close is in the stored events.
    op.execute("UPDATE hq_case SET closed_at = (SELECT min(event.at) FROM event "
               "WHERE event.site_id = hq_case.site_id AND event.case_id = hq_case.case_id "
               "AND event.kind = 'case.closed')")
    op.create_index("ix_hq_case_waiting", "hq_case", ["due_at"],
                    postgresql_where=sa.text(WAITING), sqlite_where=sa.text(WAITING))
    op.create_index("ix_hq_case_opened", "hq_case", ["opened_at"])
    op.create_table(
        "hq_day_hour",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("site_id", "day", "hour"),
    )
    op.create_table(
        "hq_chain_day_hour",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "hour"),
    )
    op.create_table(
        "hq_slice",
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("dimension", sa.String(length=8), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("week", "dimension", "site_id", "value"),
    )
    op.create_table(
        "hq_window",
        sa.Column("dimension", sa.String(length=8), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("recent", sa.Integer(), nullable=False),
        sa.Column("history", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dimension", "site_id", "value"),
    )
    op.create_table(
        "hq_window_anchor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("history_from", sa.String(length=10), nullable=False),
        sa.Column("recent_from", sa.String(length=10), nullable=False),
        sa.Column("last_week", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for table in ("hq_window_anchor", "hq_window", "hq_slice", "hq_chain_day_hour", "hq_day_hour"):
        op.drop_table(table)
    op.drop_index("ix_hq_case_opened", table_name="hq_case")
    op.drop_index("ix_hq_case_waiting", table_name="hq_case")
    with op.batch_alter_table("hq_case", schema=None) as batch_op:
        batch_op.drop_column("closed_at")
