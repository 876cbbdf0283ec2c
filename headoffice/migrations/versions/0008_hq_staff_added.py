"""people an admin adds at head office

Revision ID: 0008_hq_staff_added
Revises: 0007_hq_findings
Create Date: 2026-11-30

``staff_change.name``: the name of someone an admin added (change kind ``staff.added``); empty
for role changes and PIN resets, which name nobody new.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_hq_staff_added"
down_revision: str | None = "0007_hq_findings"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff_change") as batch:
        batch.add_column(sa.Column("name", sa.String(length=240), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff_change") as batch:
        batch.drop_column("name")
