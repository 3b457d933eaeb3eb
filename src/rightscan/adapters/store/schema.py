"""Table definitions (SQLAlchemy Core). Alembic migrations under ``migrations/`` create them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

decisions = Table(
    "decisions",
    metadata,
    Column("id", String(36), primary_key=True),  # UUID; also the PAMA consult id (urn:uuid:<id>)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("channel", String(16), nullable=False),  # cds-hooks | api | web
    Column("hook", String(32)),
    Column("hook_instance", String(64)),
    Column("service_id", String(64)),
    Column("tenant", String(1024)),  # the caller's organisation: "<issuer>|<tenant>", or the issuer
    # the patient, as a keyed hash of (organisation, FHIR patient id): never the id itself (migration 0003)
    Column("subject", String(64)),
    Column("knowledge_version", String(128), nullable=False),
    Column("input_digest", String(64), nullable=False),  # sha256 of the canonical coded input
    Column("verdict", String(24)),
    Column("facts", JSON, nullable=False),  # coded facts only: never names or free text
    Column("ratings", JSON, nullable=False),  # one entry per rated order
    Column("cards", JSON, nullable=False),  # what was returned to the EHR (empty for the plain API)
    Column("output", JSON, nullable=False),  # the decision(s) as returned, for the explanation page
    Index("ix_decisions_created_at", "created_at"),
    Index("ix_decisions_hook_instance", "hook_instance"),
    Index("ix_decisions_subject", "subject"),
)

cards = Table(
    "cards",
    metadata,
    Column("uuid", String(64), primary_key=True),
    Column("decision_id", String(36), ForeignKey("decisions.id"), nullable=False),
    Column("order_ref", String(128)),
    Column("indicator", String(16), nullable=False),
    Index("ix_cards_decision_id", "decision_id"),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("card_uuid", String(64), nullable=False),
    Column("decision_id", String(36)),  # null when the card is unknown to this log
    Column("service_id", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),  # accepted | overridden
    Column("accepted_suggestions", JSON),
    Column("override_system", String(255)),
    Column("override_code", String(64)),
    Column("override_display", String(255)),
    # the clinician's comment is free text (it may name the patient): only its length is kept (migration 0004)
    Column("comment_chars", Integer),
    Column("outcome_timestamp", String(40), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    # the accepted suggestions' ids, sorted and blank-separated ("" for an override): part of the event's key
    Column("suggestion_ids", String(700), nullable=False, server_default=""),
    UniqueConstraint("card_uuid", "outcome", "outcome_timestamp", "suggestion_ids", name="uq_feedback_event"),
    Index("ix_feedback_decision_id", "decision_id"),
)

# Shared by every worker and instance on this store (migration 0002).
seen_tokens = Table(
    "seen_tokens",
    metadata,
    Column("iss", String(512), primary_key=True),
    Column("jti", String(512), primary_key=True),
    Column("expires_at", BigInteger, nullable=False),  # epoch seconds after which the row may be purged
    Index("ix_seen_tokens_expires_at", "expires_at"),
)

service_state = Table(
    "service_state",
    metadata,
    Column("name", String(64), primary_key=True),  # link_secret | readiness
    Column("value", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
