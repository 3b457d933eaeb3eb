"""Shared state for several workers and instances: token ids seen (replay refusal), service state;
the decision's organisation (issuer and tenant) gets room for both.

Created 2026-11-29.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    # The organisation a decision belongs to is its issuer and tenant together (up to 256 + the issuer).
    with op.batch_alter_table("decisions") as batch:
        batch.alter_column("tenant", type_=sa.String(1024), existing_type=sa.String(128))
    op.create_table(
        "seen_tokens",
        sa.Column("iss", sa.String(512), primary_key=True),
        sa.Column("jti", sa.String(512), primary_key=True),
        sa.Column("expires_at", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_seen_tokens_expires_at", "seen_tokens", ["expires_at"])
    op.create_table(
        "service_state",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.alter_column("tenant", type_=sa.String(128), existing_type=sa.String(1024))
    op.drop_table("service_state")
    op.drop_table("seen_tokens")
