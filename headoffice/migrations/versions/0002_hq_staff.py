"""people head office retired from a site (the roster itself is folded from the events)

Revision ID: 0002_hq_staff
Revises: 0001_hq_initial
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_hq_staff"
down_revision: str | None = "0001_hq_initial"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staff_deactivation",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True,
                  nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=64), nullable=False),
        sa.Column("deactivated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "staff_id"),
    )
    op.create_index("ix_staff_deactivation_site_id", "staff_deactivation", ["site_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_staff_deactivation_site_id", table_name="staff_deactivation")
    op.drop_table("staff_deactivation")
