"""combustion's findings kept between requests

Revision ID: 0007_hq_findings
Revises: 0006_hq_scale
Create Date: 2026-11-30

``hq_finding`` (the combustion points as last computed, in order) and ``hq_finding_run`` (when,
for which weeks, over how many values, and whether cases arrived since). Both start empty: the
scheduled job or the first reader computes them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_hq_findings"
down_revision: str | None = "0006_hq_scale"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hq_finding",
        sa.Column("rank", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("dimension", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("recent", sa.Integer(), nullable=False),
        sa.Column("own_expected", sa.Float(), nullable=False),
        sa.Column("chain_expected", sa.Float(), nullable=False),
        sa.Column("p_value", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("since", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("rank"),
    )
    op.create_table(
        "hq_finding_run",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_week", sa.String(length=10), nullable=False),
        sa.Column("tested", sa.Integer(), nullable=False),
        sa.Column("stale", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for table in ("hq_finding_run", "hq_finding"):
        op.drop_table(table)
