"""read aggregates of the analysis pages (cases, weeks, hours, gestures, people)

Revision ID: 0004_hq_analysis
Revises: 0003_hq_verify
Create Date: 2026-11-30

Events stored before this revision are counted by ``amends-headoffice aggregates rebuild``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_hq_analysis"
down_revision: str | None = "0003_hq_verify"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def _counts(*names: str, big: tuple[str, ...] = ()) -> list[sa.Column]:  # type: ignore[type-arg]
    return [sa.Column(name, sa.BigInteger() if name in big else sa.Integer(), nullable=False)
            for name in names]


def upgrade() -> None:
    op.create_table(
        "hq_case",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.String(length=27), nullable=True),
        sa.Column("week", sa.String(length=10), nullable=True),
        sa.Column("dow", sa.Integer(), nullable=True),
        sa.Column("hour", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("outlet", sa.String(length=64), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=True),
        sa.Column("gestures", sa.Integer(), nullable=False),
        sa.Column("gesture_type", sa.String(length=64), nullable=False),
        sa.Column("spend_minor", sa.BigInteger(), nullable=False),
        sa.Column("due_at", sa.String(length=27), nullable=True),
        sa.Column("done_at", sa.String(length=27), nullable=True),
        sa.Column("done_by", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("site_id", "case_id"),
    )
    with op.batch_alter_table("hq_case", schema=None) as batch_op:
        batch_op.create_index("ix_hq_case_site_week_category", ["site_id", "week", "category"],
                              unique=False)
        batch_op.create_index("ix_hq_case_dow_hour_opened", ["dow", "hour", "opened_at"],
                              unique=False)
    op.create_table(
        "hq_gesture",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("gesture_type", sa.String(length=64), nullable=False),
        *_counts("cases", "recovered", "spend_minor", "followed_up", "recovered_followed_up",
                 big=("spend_minor",)),
        sa.PrimaryKeyConstraint("site_id", "category", "gesture_type"),
    )
    op.create_table(
        "hq_hour",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("dow", sa.Integer(), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        *_counts("cases"),
        sa.PrimaryKeyConstraint("site_id", "dow", "hour"),
    )
    op.create_table(
        "hq_person",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("person", sa.String(length=64), nullable=False),
        *_counts("due", "done", "on_time"),
        sa.PrimaryKeyConstraint("site_id", "person"),
    )
    op.create_table(
        "hq_week",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        *_counts("cases", "recovered", "spend_minor", "due", "on_time", big=("spend_minor",)),
        sa.PrimaryKeyConstraint("site_id", "week", "category"),
    )


def downgrade() -> None:
    for table in ("hq_week", "hq_person", "hq_hour", "hq_gesture", "hq_case"):
        op.drop_table(table)
