"""JSON Lines in, one result per line out: the batch path shared by the CLI and the benchmarks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

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


SHARED_LISTS = ("assessments", "considerations", "next_steps", "pitfalls", "red_flags")


class JsonLinesWriter:
    """Serialises decisions one per line. Parts of a decision that are shared, read-only knowledge
    entries (variant tables, guidance items, red-flag rules) are serialised once and reused as
    pre-encoded fragments; the bytes written are identical to serialising the whole decision."""

    def __init__(self) -> None:
        self._fragments: dict[int, Any] = {}  # id of a knowledge-owned entry -> its encoded JSON
        self._keep: list[Any] = []  # keeps those entries alive, so their ids stay theirs

    def dumps(self, result: dict[str, Any]) -> bytes:
        if "error" in result:
            return orjson.dumps(result, option=orjson.OPT_APPEND_NEWLINE)
        out = dict(result)
        fragments = self._fragments
        for key in SHARED_LISTS:
            items = out.get(key)
            if items:
                encoded = []
                for item in items:
                    frag = fragments.get(id(item))
                    if frag is None:
                        frag = fragments[id(item)] = orjson.Fragment(orjson.dumps(item))
                        self._keep.append(item)
                    encoded.append(frag)
                out[key] = encoded
        return orjson.dumps(out, option=orjson.OPT_APPEND_NEWLINE)
