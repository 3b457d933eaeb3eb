"""JSON Lines out: one result per line, and the error object of a bad line. The loop itself is the
application's (``rightscan.application.evaluate_batch``); nothing here decides."""

from __future__ import annotations

from typing import Any

import orjson

from rightscan.domain.model import InputError
from rightscan.domain.orders import UnknownOrder


def error_object(line_no: int | None, exc: InputError) -> dict[str, Any]:
    out: dict[str, Any] = {"error": str(exc), "field": exc.field}
    if line_no is not None:
        out = {"line": line_no, **out}
    if isinstance(exc, UnknownOrder):
        out["suggestions"] = exc.suggestions
    return out


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
