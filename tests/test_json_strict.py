"""Repeated JSON keys: the fast count agrees with an exact parse on generated documents."""

from __future__ import annotations

import json
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from rightscan.adapters.json_strict import duplicate_key

KEYS = st.text(alphabet='ab":\\ \u00e9', min_size=0, max_size=4)
SCALARS = st.none() | st.booleans() | st.integers(-10, 10) | st.text(alphabet='ab":\\ \n\u0022', max_size=5)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.lists(st.tuples(KEYS, inner), max_size=4), max_leaves=12
)


def _write(value: Any, style: dict[str, Any]) -> str:
    """JSON text for ``value``, where a list of (key, value) pairs is an object that may repeat keys."""
    if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
        items = [f"{json.dumps(k, **style)}{style['separators'][1]}{_write(v, style)}" for k, v in value]
        return "{" + style["separators"][0].join(items) + "}"
    if isinstance(value, list):
        return "[" + style["separators"][0].join(_write(v, style) for v in value) + "]"
    return json.dumps(value, **style)


def _repeats(value: Any) -> bool:
    if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
        keys = [k for k, _ in value]
        return len(keys) != len(set(keys)) or any(_repeats(v) for _, v in value)
    if isinstance(value, list):
        return any(_repeats(v) for v in value)
    return False


@settings(max_examples=400, deadline=None)
@given(VALUES, st.sampled_from([(",", ":"), (", ", ": "), (" ,\n", " :\t")]), st.booleans())
def test_fast_check_matches_an_exact_parse(value: Any, separators: tuple[str, str], ascii_only: bool) -> None:
    text = _write(value, {"separators": separators, "ensure_ascii": ascii_only}).encode()
    found = duplicate_key(text, orjson.loads(text))
    assert (found is not None) == _repeats(value)


def test_place_is_named_without_the_senders_text() -> None:
    text = b'{"tumor": {"a": 1}, "labs": {"Jane Doe": {}, "Jane Doe": {}}}'
    assert duplicate_key(text, orjson.loads(text)) == "labs.{key 2}"
    text = b'[{"x": 1}, {"y": [{"z": 1, "z": 2}]}]'
    assert duplicate_key(text, orjson.loads(text)) == "[1].y[0].z"
