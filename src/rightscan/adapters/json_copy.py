"""A copy of a JSON-shaped value (dicts, lists, scalars), for the adapters that change a copy of what
they were given (a draft order's resource, a note's facts): cheaper than ``copy.deepcopy``, and
tuples and other values are kept as they are."""

from __future__ import annotations

from typing import Any


def copy_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value
