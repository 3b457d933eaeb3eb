"""Export one table of the decision log (CSV or Parquet)."""

from __future__ import annotations

from pathlib import Path


def export_log(database_url: str, table: str, fmt: str, output: Path) -> int:
    """Use case *export*: migrate the log if needed, write ``table`` to ``output``; the number of rows.
    Raises ``StoreError`` when the log cannot be read."""
    from rightscan.adapters.store.db import DecisionStore
    from rightscan.adapters.store.export import export_table

    store = DecisionStore(database_url)
    try:
        store.migrate()
        return export_table(store, table, fmt, output)
    finally:
        store.close()
