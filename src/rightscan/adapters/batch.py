"""JSON Lines in, one result per line out: the batch path shared by the CLI and the benchmarks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rightscan.adapters.input_json import load_facts_json
from rightscan.domain.decision import decide
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import InputError
from rightscan.domain.orders import UnknownOrder


def error_object(line_no: int | None, exc: InputError) -> dict[str, Any]:
    out: dict[str, Any] = {"error": str(exc), "field": exc.field}
    if line_no is not None:
        out = {"line": line_no, **out}
    if isinstance(exc, UnknownOrder):
        out["suggestions"] = exc.suggestions
    return out


def evaluate_lines(
    kb: Knowledge, lines: Iterable[bytes], order: str | None = None
) -> Iterator[tuple[bool, dict[str, Any]]]:
    """For each input line, (ok, decision dict) or (False, error object). Order is preserved."""
    for line_no, raw in enumerate(lines, 1):
        text = raw.strip()
        try:
            if not text:
                raise InputError("(input)", "empty line: expected one JSON object")
            yield True, decide(kb, load_facts_json(kb, text, order)).to_dict()
        except InputError as exc:
            yield False, error_object(line_no, exc)
