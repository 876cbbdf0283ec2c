"""publishing from the browser: who published or deactivated, recovery matrices, staff changes

Revision ID: 0005_hq_publishing
Revises: 0004_hq_analysis
Create Date: 2026-11-30

Policies published before this revision came from the command line (``published_by`` empty).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_hq_publishing"
down_revision: str | None = "0004_hq_analysis"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("policy_version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_by", sa.String(length=240), nullable=True))
    with op.batch_alter_table("staff_deactivation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deactivated_by", sa.String(length=240), nullable=True))
    op.create_table(
        "matrix_version",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(length=240), nullable=True),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "version"),
    )
    op.create_table(
        "staff_change",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=240), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_change_site_id", "staff_change", ["site_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_staff_change_site_id", table_name="staff_change")
    op.drop_table("staff_change")
    op.drop_table("matrix_version")
    with op.batch_alter_table("staff_deactivation", schema=None) as batch_op:
        batch_op.drop_column("deactivated_by")
    with op.batch_alter_table("policy_version", schema=None) as batch_op:
        batch_op.drop_column("published_by")
