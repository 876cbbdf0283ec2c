"""guest language on cases, and hand-offs

``recovery_case.guest_language`` is "" on existing cases (they print in the site's language,
as before); the ``handoff`` table is new and starts empty (no earlier event hands off).

Revision ID: 0005_guest_language_handoffs
Revises: 0004_staff_events
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_guest_language_handoffs"
down_revision: str | None = "0004_staff_events"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("recovery_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guest_language", sa.String(length=8), nullable=False,
                                      server_default=""))
    op.create_table(
        "handoff",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("by_id", sa.String(length=36), nullable=True),
        sa.Column("to_kind", sa.String(length=16), nullable=False),
        sa.Column("to_id", sa.Text(), nullable=False),
        sa.Column("to_name", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=27), nullable=False),
        sa.Column("done_at", sa.String(length=27), nullable=True),
        sa.Column("done_by", sa.String(length=36), nullable=True),
        sa.Column("done_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_handoff_case_id", "handoff", ["case_id"], unique=False)
    op.create_index("ix_handoff_open", "handoff", ["done_at", "to_kind", "to_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_handoff_open", table_name="handoff")
    op.drop_index("ix_handoff_case_id", table_name="handoff")
    op.drop_table("handoff")
    with op.batch_alter_table("recovery_case", schema=None) as batch_op:
        batch_op.drop_column("guest_language")
