"""JSON Lines out: one result per line, and the error object of a bad line. The loop itself is the
application's (``rightscan.application.evaluate_batch``); nothing here decides."""

from __future__ import annotations

import weakref
from typing import Any, NamedTuple

import orjson

from rightscan.domain.model import Decision, InputError
from rightscan.domain.orders import UnknownOrder


def error_object(line_no: int | None, exc: InputError) -> dict[str, Any]:
    out: dict[str, Any] = {"error": str(exc), "field": exc.field}
    if line_no is not None:
        out = {"line": line_no, **out}
    if isinstance(exc, UnknownOrder):
        out["suggestions"] = exc.suggestions
    return out


REPEAT_MEMO_BYTES = 64 * 1024 * 1024  # lines and answers a batch keeps for lines that come again


class RepeatedLines:
    """The JSON Lines answer of each valid input line already answered, by the line's bytes (stripped):
    a line that comes again in a batch is answered with the same bytes, without validating or deciding it
    again. A line's answer is a function of its bytes and the batch's ``--order`` alone (an error is not
    kept: it names its line number). Bounded: once the lines and answers kept reach ``budget`` bytes, no
    more are added (those kept stay). The answers are copied into blocks of one megabyte, so that keeping
    thousands of them does not scatter the heap."""

    BLOCK = 1 << 20

    def __init__(self, budget: int | None = None) -> None:
        self._answers: dict[bytes, memoryview | bytes] = {}
        self._room = REPEAT_MEMO_BYTES if budget is None else budget
        self._block = memoryview(bytearray(0))
        self._used = 0
        self.get = self._answers.get

    def keep(self, line: bytes, answer: bytes) -> None:
        size = len(answer)
        if size + len(line) > self._room:
            return
        self._room -= size + len(line)
        if size > self.BLOCK // 4:
            self._answers[line] = answer
            return
        if self._used + size > len(self._block):
            self._block = memoryview(bytearray(self.BLOCK))
            self._used = 0
        end = self._used + size
        self._block[self._used : end] = answer
        self._answers[line] = self._block[self._used : end].toreadonly()
        self._used = end


SHARED_LISTS = ("assessments", "considerations", "next_steps", "pitfalls", "red_flags")
# the output contract's keys (``Decision.to_dict``) that are the scenario's own, around the shared lists
_HEAD_KEYS = ("knowledge_version", "summary", "stage", "systemic_imaging")
_TAIL_KEYS = ("red_flags", "insufficient_data", "missing", "assumptions", "systemic_staging", "targeted_imaging")


class _Parts(NamedTuple):
    """A scenario's JSON, serialised once: all but the order's text and reading and the per-decision
    explanation steps (the T step before the scenario's steps, the order's step after them). The
    variant tables and the guidance lists are chunks shared by every scenario that shows them."""

    head: tuple[bytes, ...]  # '{"knowledge_version":...,"assessments":[...],"order":'
    order_head: bytes  # the order's rating, note and the key of its reading: ',"procedure":...,"reading":'
    order_tail: bytes  # ',"rating_context":...}'
    tail: tuple[bytes, ...]  # ',"red_flags":...,"pitfalls":[...],"explanation":['
    steps: bytes  # the scenario's explanation steps, comma-separated


class JsonLinesWriter:
    """Serialises decisions one per line. Parts of a decision that are shared, read-only knowledge
    entries (variant tables, guidance items, red-flag rules) are serialised once and reused as
    pre-encoded fragments; the bytes written are identical to serialising the whole decision."""

    def __init__(self) -> None:
        self._fragments: dict[int, Any] = {}  # id of a knowledge-owned entry -> its encoded JSON
        self._keep: list[Any] = []  # keeps those entries alive, so their ids stay theirs
        self._lists: dict[tuple[int, ...], bytes] = {}  # ids of a list's knowledge entries -> its JSON array
        # a decision's shared scenario -> its JSON parts, made on its second sighting (None after the
        # first); forgotten with the scenario
        self._scenarios: weakref.WeakKeyDictionary[Any, _Parts | None] = weakref.WeakKeyDictionary()

    def encode(self, decision: Decision, override: dict[str, str] | None = None) -> bytes:
        """``dumps`` of the decision's output contract, led by the ``order_override`` note when there is
        one; the same bytes, made from its scenario's parts serialised once: per decision, only the
        order's text and reading and the steps that are the decision's own are serialised."""
        if override:
            return b'{"order_override":' + orjson.dumps(override) + b"," + self.encode(decision)[1:]
        scenario = decision.scenario
        if scenario is None:
            return self.dumps(decision.to_dict())
        parts = self._scenarios.get(scenario)
        if parts is None:
            if scenario not in self._scenarios:  # first sighting: most scenarios of a batch are seen once
                self._scenarios[scenario] = None
                return self.dumps(decision.to_dict())
            parts = self._scenarios[scenario] = self._parts(decision)
        explanation = decision.explanation
        order = decision.order
        own_before = len(explanation) - len(scenario.steps) - (order is not None)
        chunks = [*parts.head]
        if order is None:
            chunks.append(b"null")
        else:
            chunks += (
                b'{"requested":',
                orjson.dumps(order.requested),
                parts.order_head,
                orjson.dumps(order.reading_dict()),
                parts.order_tail,
            )
        chunks += parts.tail
        steps = [orjson.dumps(step.rendered) for step in explanation[:own_before]]
        if parts.steps:
            steps.append(parts.steps)
        if order is not None:
            steps.append(orjson.dumps(explanation[-1].rendered))
        chunks += (b",".join(steps), b"]}\n")
        return b"".join(chunks)

    def _parts(self, decision: Decision) -> _Parts:
        whole = decision.to_dict()
        shared = self._shared
        head = (
            orjson.dumps({k: whole[k] for k in _HEAD_KEYS})[:-1] + b',"assessments":',
            shared(decision.assessments),
            b',"order":',
        )
        tail = (
            b"," + orjson.dumps({k: whole[k] for k in _TAIL_KEYS})[1:-1] + b',"considerations":',
            shared(decision.considerations),
            b',"next_steps":',
            shared(decision.next_steps),
            b',"pitfalls":',
            shared(decision.pitfalls),
            b',"explanation":[',
        )
        order_head = order_tail = b""
        if decision.order is not None:
            order = whole["order"]
            rated = {k: v for k, v in order.items() if k not in ("requested", "reading", "rating_context")}
            order_head = b"," + orjson.dumps(rated)[1:-1] + b',"reading":'
            order_tail = b',"rating_context":' + orjson.dumps(order["rating_context"]) + b"}"
        steps = b",".join(orjson.dumps(step.rendered) for step in decision.scenario.steps)
        return _Parts(head, order_head, order_tail, tail, steps)

    def _shared(self, entries: Any) -> bytes:
        """The JSON array of a list of knowledge-owned entries (a selection's variant tables, a guidance
        list), serialised once per list of entries (the entries are the knowledge's own objects: their ids
        stay theirs while kept)."""
        key = tuple(map(id, entries))
        encoded = self._lists.get(key)
        if encoded is None:
            encoded = self._lists[key] = orjson.dumps(list(entries))
            self._keep.append(entries)
        return encoded

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
