"""Overlong runs without whitespace broken up before the tokenizer (same length, same offsets)."""

from __future__ import annotations

import re

# spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one at a time, searching the
# rest of the run each time: work grows with the square of the run ("((((..." of 20,000 characters took
# 30 s). The longest run in the development sets is 31 characters.
MAX_RUN_CHARS = 100
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")


def break_runs(text: str) -> str:
    """The text with a space written over every ``MAX_RUN_CHARS + 1``-th character of a run without
    whitespace longer than ``MAX_RUN_CHARS`` (same length, so every offset stays that of the note)."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return text
    chars = list(text)
    for m in runs:
        for i in range(m.start() + MAX_RUN_CHARS, m.end(), MAX_RUN_CHARS + 1):
            chars[i] = " "
    return "".join(chars)
