"""review by day: site-local days on cases and grants, repeat-guest links, per-day totals

The new columns and the ``review_day`` table are read model, derived from what is already
folded. Rather than a second copy of those rules in this migration, it leaves a note and the
desk fills them when it next opens (``Desk._backfill_if_upgraded``: local days, repeat links,
per-day totals).

Revision ID: 0002_review_by_day
Revises: 0001_initial
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_review_by_day"
down_revision: str | None = "0001_initial"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("recovery_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opened_day", sa.String(length=10), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("opened_weekday", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("opened_hour", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.create_index("ix_case_opened_day", ["opened_day"], unique=False)
    with op.batch_alter_table("gesture_grant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("local_day", sa.String(length=10), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("repeat_of", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("repeat_gap", sa.Integer(), nullable=True))
        batch_op.create_index("ix_grant_day", ["local_day", "granted_at"], unique=False)
        batch_op.create_index("ix_grant_repeat", ["local_day"], unique=False,
                              sqlite_where=sa.text("repeat_of IS NOT NULL"))
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.create_index("ix_approval_decided", ["decided_at"], unique=False)
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.create_index("ix_shift_started", ["started_at"], unique=False)
    with op.batch_alter_table("voucher", schema=None) as batch_op:
        batch_op.create_index("ix_voucher_issued", ["issued_at"], unique=False)
    op.create_table(
        "review_day",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("dim", sa.String(length=12), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("spend", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "dim", "key"),
    )
    # Only a store with cases needs the backfill; a new one is empty.
    op.execute("INSERT INTO setting (key, value) SELECT 'review_backfill', '1' "
               "WHERE EXISTS (SELECT 1 FROM recovery_case)")


def downgrade() -> None:
    op.drop_table("review_day")
    with op.batch_alter_table("voucher", schema=None) as batch_op:
        batch_op.drop_index("ix_voucher_issued")
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.drop_index("ix_shift_started")
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_index("ix_approval_decided")
    with op.batch_alter_table("gesture_grant", schema=None) as batch_op:
        batch_op.drop_index("ix_grant_repeat")
        batch_op.drop_index("ix_grant_day")
        batch_op.drop_column("repeat_gap")
        batch_op.drop_column("repeat_of")
        batch_op.drop_column("local_day")
    with op.batch_alter_table("recovery_case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_opened_day")
        batch_op.drop_column("opened_hour")
        batch_op.drop_column("opened_weekday")
        batch_op.drop_column("opened_day")
