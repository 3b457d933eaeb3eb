"""Evaluate a batch: JSON Lines of patient facts, or of clinical notes, one result per input line.

The one loop every batch caller uses (the CLI, the benchmarks). A bad line yields an error object in
its place and the other lines go on; results come back in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from rightscan.adapters.batch import error_object
from rightscan.adapters.input_json import load_facts, load_facts_json
from rightscan.application.core import order_override, with_override
from rightscan.application.notes import evaluate_note
from rightscan.domain.decision import decide
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import Decision, InputError

NOTE_CHUNK = 256  # note lines are read and extracted in chunks of this many


def evaluate_batch(
    kb: Knowledge, lines: Iterable[bytes], order: str | None = None
) -> Iterator[tuple[bool, dict[str, Any]]]:
    """Use case *evaluate a batch*: for each JSON Lines input line, (True, the output contract) or
    (False, an error object naming the line and the field). ``order`` replaces each line's own order,
    and that line's answer says so (``order_override``), exactly as for a single input."""
    for ok, result, override in decide_batch(kb, lines, order):
        if not ok:
            yield False, result  # type: ignore[misc]
        else:
            decision = result.to_dict()  # type: ignore[union-attr]
            yield True, (with_override(override, decision) if override else decision)


def decide_batch(
    kb: Knowledge, lines: Iterable[bytes], order: str | None = None
) -> Iterator[tuple[bool, Decision | dict[str, Any], dict[str, str] | None]]:
    """``evaluate_batch`` before the output contract is rendered: per line, (True, the typed decision,
    the ``order_override`` note or None) or (False, the error object, None). For writers that render
    the decision themselves (``adapters.batch.JsonLinesWriter.encode``)."""
    for line_no, raw in enumerate(lines, 1):
        yield decide_line(kb, line_no, raw.strip(), order)


def decide_line(
    kb: Knowledge, line_no: int, text: bytes, order: str | None = None
) -> tuple[bool, Decision | dict[str, Any], dict[str, str] | None]:
    """One stripped JSON Lines record of ``decide_batch``: (True, the decision, the ``order_override``
    note or None) or (False, the error object naming ``line_no``, None). Its answer depends only on
    ``text`` and ``order`` (and ``line_no`` for an error), which lets a caller reuse it for a repeated line."""
    try:
        if not text:
            raise InputError("(input)", "empty line: expected one JSON object")
        override = None
        if order is not None and b'"order"' in text:  # only such lines need the decoded object
            try:
                obj = orjson.loads(text)
            except orjson.JSONDecodeError:
                obj = None
            override = order_override(obj, order, given_in="given in the input")
        facts = load_facts(kb, obj, order) if override is not None else load_facts_json(kb, text, order)
        return True, decide(kb, facts), override
    except InputError as exc:
        return False, error_object(line_no, exc), None


def _parse_note_line(line_no: int, raw: bytes) -> tuple[Any, str | None, str | None, dict[str, Any] | None]:
    """(id, note, order, error object or None) for one JSON Lines note record."""
    text = raw.strip()
    if not text:
        return None, None, None, {"line": line_no, "error": "(input): empty line: expected one JSON object"}
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None, None, None, {"line": line_no, "error": "(input): invalid JSON", "field": "(input)"}
    if not isinstance(obj, dict):
        return None, None, None, {"line": line_no, "error": "(input): must be a JSON object", "field": "(input)"}
    ident = obj.get("id")
    unknown = sorted(set(obj) - {"id", "note", "order"})
    if unknown:
        name = unknown[0][:40]
        return ident, None, None, {"line": line_no, "error": f"{name}: unknown field", "field": name}
    note, order = obj.get("note"), obj.get("order")
    if not isinstance(note, str):
        return ident, None, None, {"line": line_no, "error": "note: must be text", "field": "note"}
    if order is not None and not isinstance(order, str):
        return ident, None, None, {"line": line_no, "error": "order: must be text", "field": "order"}
    return ident, note, order, None


def invalid_facts_message(exc: Exception) -> str:
    return f"the facts extracted from the note are invalid: {exc} (see the evidence with `rightscan extract`)"


def _chunks(lines: Iterable[bytes]) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for line_no, raw in enumerate(lines, 1):
        chunk.append((line_no, raw))
        if len(chunk) >= NOTE_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def evaluate_note_batch(
    kb: Knowledge, lines: Iterable[bytes], order: str | None = None
) -> Iterator[list[tuple[bool, int, str | None, dict[str, Any]]]]:
    """Use case *evaluate a batch of notes*: JSON Lines of ``{"id": ..., "note": ..., "order": ...}``.
    Yields one list per chunk of lines: (ok, line number, the note or None, result). A result is the
    decision with ``id`` first and the ``extracted`` block last, or an error object. ``order`` (``--order``)
    wins over a record's ``order``, which wins over a study the note names; the answer says which replaced it."""
    from rightscan.adapters.text import MAX_NOTE_CHARS, extract_many

    for chunk in _chunks(lines):
        parsed = [(line_no, *_parse_note_line(line_no, raw)) for line_no, raw in chunk]
        for i, (line_no, ident, note, _order, err) in enumerate(parsed):
            if err is None and note is not None and len(note) > MAX_NOTE_CHARS:
                too_long = {"line": line_no, "error": f"note: longer than {MAX_NOTE_CHARS} characters", "field": "note"}
                parsed[i] = (line_no, ident, None, None, too_long)
        notes = [p[2] for p in parsed if p[4] is None]
        extractions = iter(extract_many(notes))  # type: ignore[arg-type]
        out: list[tuple[bool, int, str | None, dict[str, Any]]] = []
        for line_no, ident, note, line_order, err in parsed:
            if err is not None:
                out.append((False, line_no, note, {"id": ident, **err}))
                continue
            ext = next(extractions)
            if ext.fault:  # the reader failed on this note alone: an error record, and the batch goes on
                out.append(
                    (
                        False,
                        line_no,
                        note,
                        {"id": ident, "line": line_no, "error": f"note: {ext.fault}", "field": "note"},
                    )
                )
                continue
            extracted = ext.to_dict()
            by = "--order" if order is not None else "the record's order"
            try:
                decision = evaluate_note(kb, ext, order if order is not None else line_order, by)
            except InputError as exc:
                error = {"id": ident, "line": line_no, "error": invalid_facts_message(exc), "field": exc.field}
                out.append((False, line_no, note, {**error, "extracted": extracted}))
                continue
            out.append((True, line_no, note, {"id": ident, **decision, "extracted": extracted}))
        yield out
