"""ConText cues written as token patterns that are only word lists, read as phrases.

spaCy's token matcher tries every pattern at every token, so each cue written as a pattern costs the whole note;
the phrase matcher looks words up in one table. A cue whose pattern is a sequence of plain word lists (``{"LOWER":
{"IN": [...]}}``, perhaps optional with ``"OP": "?"``; punctuation through ``ORTH``) matches exactly the phrases
its lists spell, so it is added as those phrases instead, with the same category, direction, scope and metadata.
A pattern with anything else (a regex, another operator, a letter through ``ORTH``), one that spells more than
``MAX_PHRASES`` phrases, or a word the tokenizer would not keep as one token stays a pattern.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Iterable
from typing import Any

MAX_PHRASES = 600  # per cue: past this, the pattern stays a pattern
# cues whose matches other readers weigh by position against family mentions (scopes._carry_family): kept as
# patterns, so that the order in which the two matchers report overlapping cues cannot change a note's reading
KEPT_CATEGORIES = frozenset({"SUBJECT", "PSEUDO", "FAMILY"})


def _word_list(spec: dict[str, Any]) -> list[str] | None:
    """The words one token spec accepts ("" for an optional token), or None when it is not a plain word list."""
    keys = set(spec) - {"OP"}
    if len(keys) != 1 or spec.get("OP") not in (None, "?"):
        return None
    (key,) = keys
    value = spec[key]
    if isinstance(value, str):
        words = [value]
    elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        words = list(value["IN"])
    else:
        return None
    if key == "ORTH":
        if any(ch.isalpha() for w in words for ch in w):
            return None  # a letter through ORTH is case-sensitive; the phrase matcher reads lower case
    elif key != "LOWER" or any(w != w.lower() for w in words):
        return None
    return [*words, ""] if spec.get("OP") == "?" else words


def phrases_of(pattern: list[dict[str, Any]], tokenize: Callable[[str], list[str]]) -> list[str] | None:
    """The phrases a plain word-list pattern matches, or None when it must stay a pattern."""
    lists = [_word_list(spec) for spec in pattern]
    if not lists or any(words is None for words in lists):
        return None
    kept: list[list[str]] = []
    for words in lists:
        assert words is not None
        # a word the tokenizer splits ("isn't" -> "is", "n't") never stands as one token: the pattern cannot match it
        kept.append([w for w in dict.fromkeys(words) if w == "" or tokenize(w) == [w]])
    count = 1
    for words in kept:
        count *= len(words)
    if count > MAX_PHRASES:
        return None
    out = []
    for combo in itertools.product(*kept):
        tokens = [w for w in combo if w]
        if not tokens:
            continue
        phrase = " ".join(tokens)
        if tokenize(phrase) != tokens:
            return None  # the phrase would not be read as these tokens: keep the pattern
        out.append(phrase)
    return list(dict.fromkeys(out))


def as_phrases(cues: Iterable[Any], tokenize: Callable[[str], list[str]]) -> list[Any]:
    """``cues`` with each plain word-list pattern replaced by its phrases: copies of the cue (same category,
    direction, scope, terminations and metadata) with the phrase for literal and no pattern."""
    out: list[Any] = []
    for cue in cues:
        plain = isinstance(cue.pattern, list) and cue.category not in KEPT_CATEGORIES
        phrases = phrases_of(cue.pattern, tokenize) if plain else None
        if phrases is None:
            out.append(cue)
            continue
        for phrase in phrases:
            copied = copy.copy(cue)
            copied.literal, copied.pattern = phrase, None
            out.append(copied)
    return out
