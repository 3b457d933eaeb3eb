"""Loading the target phrases into medspaCy's target matcher in one key per category.

medspaCy gives every rule its own match key, and spaCy's ``PhraseMatcher.add`` makes a vocabulary
entry (a lexeme, with its shape and number flags) for every key. The target file's phrase syntax
expands to tens of thousands of phrases, so one key per phrase made building the note reader take
seconds. Here each category gets one medspaCy rule (its first phrase); the category's other phrases
are added to the phrase matcher under that rule's key. A match still names its rule, and the rule
its category, which is all the reader uses (``span.label_``); the matches are the same spans.

This reaches two of medspaCy's private attributes (``TargetMatcher.__matcher`` and
``MedspacyMatcher.__phrase_matcher``, medspaCy 1.3.x as pinned); ``add`` fails loudly when they
are not there rather than loading fewer phrases."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any


def add_targets(component: Any, rules: Sequence[Any], tokenize: Callable[[Iterable[str]], Iterable[Any]]) -> int:
    """Add literal ``TargetRule``s to a medspaCy ``TargetMatcher``; returns the number of phrases added.

    ``tokenize`` turns phrases into Docs with the pipeline's own tokenizer (``nlp.tokenizer.pipe``),
    lower-cased as medspaCy does for its ``LOWER`` phrase matcher."""
    first: dict[str, Any] = {}
    rest: dict[str, list[str]] = {}
    for rule in rules:
        if rule.pattern is not None:
            raise ValueError(f"target rule {rule.category!r}: only literal phrases are grouped")
        if rule.category in first:
            rest.setdefault(rule.category, []).append(rule.literal.lower())
        else:
            first[rule.category] = rule
    component.add(list(first.values()))
    try:
        inner = component._TargetMatcher__matcher
        phrases = inner._MedspacyMatcher__phrase_matcher
    except AttributeError as exc:  # a medspaCy whose internals moved: refuse rather than drop phrases
        raise RuntimeError("medspaCy's target matcher changed: the target phrases cannot be grouped") from exc
    for category, texts in rest.items():
        phrases.add(first[category]._rule_id, list(tokenize(texts)))
    return len(first) + sum(map(len, rest.values()))
