"""Duplicate keys in a JSON object: refused, since "the last one wins" hides what the sender meant.

orjson keeps the last of repeated keys silently. The check costs little on ordinary bodies: every key
in the text is a string followed by a colon, so if the parsed value holds as many keys as the text
has ``"`` + ``:`` pairs, no key was repeated (for compact text, the parsed value is written back with
orjson and the pairs counted in both, all in C). Only when the counts differ (a repeated key, or a
string that itself contains ``":``) is the text parsed again, with the standard library's
``object_pairs_hook``, to find the first repeated key and its place.

Places are named without the sender's text: a key is written out only when it looks like a field
name (a short ASCII identifier); otherwise by its position, ``{key 3}``. Values are never quoted.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

_KEY_END = re.compile(rb'"\s*:')
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")


def _count_keys(value: Any) -> int:
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            total += len(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return total


class _Pairs(list):  # type: ignore[type-arg]
    """An object as the ordered list of its (key, value) pairs."""


def _place(parent: str, key: str, index: int) -> str:
    name = key if _FIELD_NAME.match(key) else f"{{key {index + 1}}}"
    return f"{parent}.{name}" if parent else name


def _find(value: Any, where: str) -> str | None:
    if isinstance(value, _Pairs):
        seen: set[str] = set()
        for index, (key, item) in enumerate(value):
            if key in seen:
                return _place(where, key, index)
            seen.add(key)
            found = _find(item, _place(where, key, index))
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _find(item, f"{where}[{index}]")
            if found:
                return found
    return None


def duplicate_key(text: bytes, parsed: Any) -> str | None:
    """The place of the first repeated key in the JSON ``text`` (already parsed as ``parsed``), or None."""
    if not isinstance(parsed, dict | list):
        return None
    if b"\\u" not in text:
        # Without white space, each key of the text ends in ``":``; orjson writes each kept key once that
        # way and strings with the same escapes (no backslash-u in the text), so the text has at least as
        # many ``":`` as orjson's output, and exactly as many only if no key (and value) was dropped.
        try:
            if text.translate(None, b" \t\r\n").count(b'":') == orjson.dumps(parsed).count(b'":'):
                return None
        except orjson.JSONEncodeError:
            pass  # the exact check below decides
    elif len(_KEY_END.findall(text)) == _count_keys(parsed):
        return None
    pairs = json.loads(text, object_pairs_hook=_Pairs)
    return _find(pairs, "")


def parse_strict(data: str | bytes) -> Any:
    """Parse JSON text, refusing a repeated key: ``InputError`` naming its place (never its value).

    Syntax errors are reported as by :func:`rightscan.adapters.input_json.parse_json`."""
    from rightscan.adapters.input_json import parse_json
    from rightscan.domain.model import InputError

    parsed = parse_json(data)
    repeated = duplicate_key(data.encode() if isinstance(data, str) else data, parsed)
    if repeated:
        raise InputError(repeated, f"the key at {repeated} appears twice in the same JSON object")
    return parsed
