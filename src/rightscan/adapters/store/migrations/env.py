"""Alembic environment: RightScan passes an open connection in ``config.attributes['connection']``."""

from __future__ import annotations

from alembic import context

from rightscan.adapters.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI directly
    raise RuntimeError("run migrations through rightscan (DecisionStore.migrate), not the alembic CLI")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
