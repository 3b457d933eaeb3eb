"""Decision log -> CSV or Parquet, streamed in batches (JSON columns written as JSON text)."""

from __future__ import annotations

import csv
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from rightscan.adapters.store.db import DecisionStore
from rightscan.adapters.store.schema import metadata


def _flat(value: Any) -> Any:
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def export_table(store: DecisionStore, table: str, fmt: str, output: Path) -> int:
    columns = [c.name for c in metadata.tables[table].columns]
    rows = ({k: _flat(v) for k, v in row.items()} for row in store.iter_rows(table))
    if fmt == "csv":
        return _csv(rows, columns, output)
    return _parquet(rows, columns, output)


FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs a cell starting with these
# ... also behind blanks or invisible characters that an import trims, and in their full-width forms
# (which some spreadsheets read as the ASCII sign)
_FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_INVISIBLE = " \t\r\n\x0b\x0c\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u3000"


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet will show, never evaluate: formula-leading text gets a leading quote
    (OWASP's advice for CSV injection). Numbers are left as they are."""
    if isinstance(value, str) and (value.startswith(FORMULA_LEADS) or value.lstrip(_INVISIBLE)[:1] in _FORMULA_SIGNS):
        return "'" + value
    return value


def _private(output: Path, mode: str) -> Any:
    """Open ``output`` for writing, readable by its owner only (0600; an existing file is narrowed too)."""
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, mode, newline="", encoding="utf-8") if "b" not in mode else os.fdopen(fd, mode)


def _csv(rows: Any, columns: list[str], output: Path) -> int:
    count = 0
    fh = sys.stdout if str(output) == "-" else _private(output, "w")
    try:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
            count += 1
    finally:
        if fh is not sys.stdout:
            fh.close()
    return count


def _parquet(rows: Any, columns: list[str], output: Path, batch: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if str(output) == "-":
        raise ValueError("Parquet needs a file path")
    schema = pa.schema([(c, pa.string()) for c in columns])  # text columns: JSON stays JSON text
    count = 0
    _private(output, "wb").close()  # created 0600 before pyarrow writes into it
    with pq.ParquetWriter(str(output), schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append({c: None if row[c] is None else str(row[c]) for c in columns})
            if len(chunk) >= batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                count += len(chunk)
                chunk = []
        if chunk:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count
