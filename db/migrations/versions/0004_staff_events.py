"""staff as events: a reset PIN waits for a new one; which desk added each person; grants by
person and time (one shift allowance across desks)

The roster is folded from ``staff.*`` events from now on. The two new columns are read model;
the desk turns the rows it already holds into events when it next opens
(``desktop.core.staff_upgrade``), so nothing here needs the rules.

Revision ID: 0004_staff_events
Revises: 0003_quarantine
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_staff_events"
down_revision: str | None = "0003_quarantine"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("must_set_pin", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("added_by_device", sa.String(length=36), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("changed_at", sa.String(length=27), nullable=True))
    # The roster is rebuilt from its events when another desk's arrive out of order.
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index("ix_event_kind", ["kind"], unique=False)
    # A person's shift spend counts their grants at every desk: by person and time.
    with op.batch_alter_table("gesture_grant", schema=None) as batch_op:
        batch_op.create_index("ix_grant_staff", ["staff_id", "granted_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index("ix_event_kind")
    with op.batch_alter_table("gesture_grant", schema=None) as batch_op:
        batch_op.drop_index("ix_grant_staff")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("changed_at")
        batch_op.drop_column("added_by_device")
        batch_op.drop_column("must_set_pin")
