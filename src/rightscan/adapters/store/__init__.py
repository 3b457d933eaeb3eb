"""The decision log: every consultation and the feedback on it (SQLite by default, PostgreSQL optional)."""

from rightscan.adapters.store.db import DecisionStore, StoreError

__all__ = ["DecisionStore", "StoreError"]
