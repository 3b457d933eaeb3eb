"""Feedback keeps no free text, and its idempotency key names the accepted suggestions.

The clinician's ``userComment`` is free text that may name the patient: the log keeps only its length
(``comment_chars``); comments stored before are reduced to their length here. An accepted feedback is one
event per (card, outcome, time, suggestions accepted): ``suggestion_ids`` (the sorted ids, blank-separated,
empty for an override) joins the unique key, so feedback naming other suggestions is never taken for a repeat.

Created 2026-12-04.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("comment_chars", sa.Integer))
        batch.add_column(sa.Column("suggestion_ids", sa.String(700), nullable=False, server_default=""))
    op.execute("UPDATE feedback SET comment_chars = length(user_comment) WHERE user_comment IS NOT NULL")
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("user_comment")
        batch.drop_constraint("uq_feedback_event", type_="unique")
        batch.create_unique_constraint(
            "uq_feedback_event", ["card_uuid", "outcome", "outcome_timestamp", "suggestion_ids"]
        )


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.drop_constraint("uq_feedback_event", type_="unique")
        batch.create_unique_constraint("uq_feedback_event", ["card_uuid", "outcome", "outcome_timestamp"])
        batch.drop_column("suggestion_ids")
        batch.drop_column("comment_chars")
        batch.add_column(sa.Column("user_comment", sa.Text))  # the comments themselves are gone
