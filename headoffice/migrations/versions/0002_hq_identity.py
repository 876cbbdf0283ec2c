"""desk identity keys, re-enrolment codes and challenges, throttled attempts

Revision ID: 0002_hq_identity
Revises: 0001_hq_initial
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_hq_identity"
down_revision: str | None = "0001_hq_initial"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device_public_key", sa.String(length=64), nullable=True))
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device_id", sa.String(length=36), nullable=True))
    op.create_table(
        "enrol_challenge",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("nonce_hash", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nonce_hash"),
    )
    with op.batch_alter_table("enrol_challenge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrol_challenge_created_at"), ["created_at"],
                              unique=False)
    op.create_table(
        "attempt",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.create_index("ix_attempt_scope_client_at", ["scope", "client", "at"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_attempt_at"), ["at"], unique=False)


def downgrade() -> None:
    op.drop_table("attempt")
    op.drop_table("enrol_challenge")
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.drop_column("device_id")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_column("device_public_key")
