"""The radiology LOINC table (``knowledge/order_loinc_playbook.csv``), read on the first code lookup.

Each row is a LOINC code and its LOINC name; the order resolver reads the name with the order
vocabulary, exactly as it reads typed order text. Reading ~5,000 rows takes a few milliseconds, but
most processes never see a LOINC code, so the file is opened only when one is asked for. It is
validated when read (header, schema, unique codes, LOINC check digits, non-empty names); a broken
file raises the knowledge loader's error (``KnowledgeError``, passed in by the loader so that this
module does not import it back) naming the file and the line, as the other knowledge files do.
"""

from __future__ import annotations

import csv
import re
import threading
from pathlib import Path

SCHEMA = "rightscan.order-loinc/1"
FILE_NAME = "order_loinc_playbook.csv"
_CODE = re.compile(r"^(\d{1,7})-(\d)$")
_HEADER_KEYS = ("schema", "version", "loinc_version", "source", "notice")


def check_digit_ok(code: str) -> bool:
    """LOINC's mod-10 check digit over the number part."""
    match = _CODE.match(code)
    if not match:
        return False
    total = 0
    for i, ch in enumerate(reversed(match.group(1))):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10 == int(match.group(2))


class LoincTable:
    """LOINC code -> LOINC name, loaded once on first use (thread-safe)."""

    def __init__(self, path: Path, error: type[Exception] = ValueError) -> None:
        self.path = path
        self.error = error
        self._names: dict[str, str] | None = None
        self._header: dict[str, str] = {}
        self._lock = threading.Lock()

    def name(self, code: str) -> str | None:
        return self._load().get(code)

    @property
    def header(self) -> dict[str, str]:
        self._load()
        return dict(self._header)

    @property
    def version(self) -> str:
        return self.header["version"]

    def __len__(self) -> int:
        return len(self._load())

    def _load(self) -> dict[str, str]:
        names = self._names
        if names is not None:
            return names
        with self._lock:
            if self._names is None:
                self._header, self._names = read_table(self.path, self.error)
            return self._names


def read_table(path: Path, error: type[Exception] = ValueError) -> tuple[dict[str, str], dict[str, str]]:
    """Header fields and rows of the LOINC table, validated (``error`` is raised on a broken file)."""
    where = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"{where}: cannot read: {exc}") from None
    header: dict[str, str] = {}
    lines = text.splitlines()
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        key, sep, value = lines[n][1:].partition(":")
        if sep:
            header.setdefault(key.strip(), value.strip())
        n += 1
    missing = [k for k in _HEADER_KEYS if not header.get(k)]
    if missing:
        raise error(f"{where}: header: missing {', '.join(missing)}")
    if header["schema"] != SCHEMA:
        raise error(f"{where}: header: schema must be {SCHEMA!r}")
    reader = csv.reader(lines[n:])
    if next(reader, None) != ["code", "name"]:
        raise error(f"{where}: line {n + 1}: the column row must be 'code,name'")
    names: dict[str, str] = {}
    for offset, row in enumerate(reader, start=n + 2):
        if len(row) != 2:
            raise error(f"{where}: line {offset}: expected 2 columns, got {len(row)}")
        code, name = row[0].strip(), row[1].strip()
        if not check_digit_ok(code):
            raise error(f"{where}: line {offset}: {code!r} is not a LOINC code (format or check digit)")
        if not name:
            raise error(f"{where}: line {offset}: {code} has no name")
        if code in names:
            raise error(f"{where}: line {offset}: {code} is listed twice")
        names[code] = name
    if not names:
        raise error(f"{where}: no rows")
    declared = header.get("rows")
    if declared is not None and declared != str(len(names)):
        raise error(f"{where}: header says {declared} rows, the file has {len(names)}")
    return header, names
