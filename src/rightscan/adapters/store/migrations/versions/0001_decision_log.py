"""Decision log: decisions, cards returned, feedback.

Created 2026-11-25.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("hook", sa.String(32)),
        sa.Column("hook_instance", sa.String(64)),
        sa.Column("service_id", sa.String(64)),
        sa.Column("tenant", sa.String(128)),
        sa.Column("knowledge_version", sa.String(128), nullable=False),
        sa.Column("input_digest", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(24)),
        sa.Column("facts", sa.JSON, nullable=False),
        sa.Column("ratings", sa.JSON, nullable=False),
        sa.Column("cards", sa.JSON, nullable=False),
        sa.Column("output", sa.JSON, nullable=False),
    )
    op.create_index("ix_decisions_created_at", "decisions", ["created_at"])
    op.create_index("ix_decisions_hook_instance", "decisions", ["hook_instance"])
    op.create_table(
        "cards",
        sa.Column("uuid", sa.String(64), primary_key=True),
        sa.Column("decision_id", sa.String(36), sa.ForeignKey("decisions.id"), nullable=False),
        sa.Column("order_ref", sa.String(128)),
        sa.Column("indicator", sa.String(16), nullable=False),
    )
    op.create_index("ix_cards_decision_id", "cards", ["decision_id"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("card_uuid", sa.String(64), nullable=False),
        sa.Column("decision_id", sa.String(36)),
        sa.Column("service_id", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("accepted_suggestions", sa.JSON),
        sa.Column("override_system", sa.String(255)),
        sa.Column("override_code", sa.String(64)),
        sa.Column("override_display", sa.String(255)),
        sa.Column("user_comment", sa.Text),
        sa.Column("outcome_timestamp", sa.String(40), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("card_uuid", "outcome", "outcome_timestamp", name="uq_feedback_event"),
    )
    op.create_index("ix_feedback_decision_id", "feedback", ["decision_id"])


def downgrade() -> None:
    op.drop_table("feedback")
    op.drop_table("cards")
    op.drop_table("decisions")
