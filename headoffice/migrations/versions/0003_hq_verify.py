"""chain faults found by verifying what head office holds, and shared job leases

Revision ID: 0003_hq_verify
Revises: 0002_hq_identity, 0002_hq_staff (joins the two: identity and the roster)
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_hq_verify"
down_revision: str | tuple[str, ...] | None = ("0002_hq_identity", "0002_hq_staff")
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chain_fault",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["device.id"]),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("device_id"),
    )
    with op.batch_alter_table("chain_fault", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chain_fault_site_id"), ["site_id"], unique=False)
    op.create_table(
        "job_lease",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("holder", sa.String(length=64), nullable=True),
        sa.Column("until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ok", sa.Boolean(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("job_lease")
    op.drop_table("chain_fault")
