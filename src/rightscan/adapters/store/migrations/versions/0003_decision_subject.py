"""The patient a decision is about, as a keyed hash (never the identifier), so that a SMART on FHIR
launch for one patient opens that patient's decisions and no others.

Created 2026-11-30.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("subject", sa.String(64)))
    op.create_index("ix_decisions_subject", "decisions", ["subject"])


def downgrade() -> None:
    op.drop_index("ix_decisions_subject", table_name="decisions")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("subject")
