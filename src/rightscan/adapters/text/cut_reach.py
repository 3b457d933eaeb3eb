"""Round 14v-b: a cue whose reach a cut in an overlong sentence ended.

The sentence splitter (components.SentenceBreaks) cuts a sentence longer than its limit, at a list separator or, in a
dictation run together without any punctuation, at the limit itself. The cut may fall between a cue and what it
governs ("... no shortness of breath no cough no | abdominal pain"): the symptom after the cut is then read without
the negation, the condition or the relative that stood right before it, and would be stated. Such a symptom cannot
surely be read as present: it gets the effect ``cut_short`` (its family's policy sends it to confirmation), never a
fact and never dropped. Only a cue that looks forward, whose scope ran up to the cut, and only the mentions within
what would have been its reach, before any other cue of the piece after the cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from rightscan.adapters.text.sentences import Sentences

EFFECT = "cut_short"
# what a cue before the cut would have done to a symptom after it: any reading that keeps it from being stated
_SUPPRESSING = frozenset({"negated", "hypothetical", "family", "historical", "explained", "uncertain", "purpose"})
_UNBOUNDED_REACH = 8  # tokens after the cut read for a cue with no max_scope of its own (ConText: the sentence)
_NATURAL_ENDS = (".", "!", "?")


def _forced_cut(doc: Doc, start: int) -> bool:
    """The sentence starting at token ``start`` was cut out of a longer one: not after a line break or a full stop."""
    if start == 0:
        return False
    before = doc[start - 1]
    return not (before.is_space or "\n" in before.whitespace_ or before.text.endswith(_NATURAL_ENDS))


def cue_cut_short(
    doc: Doc,
    spans: Sequence[Span],
    described: Sequence[Mapping[str, Any]],
    effects: list[set[str]],
    sents: Sentences,
    categories: Mapping[str, str | None],
    policies: Mapping[str, Any],
) -> None:
    """Give ``cut_short`` to a plain mention (of a family whose policy reads it) that a forced cut kept from the
    forward cue right before it."""
    targets = [i for i, d in enumerate(described) if EFFECT in policies[d["family"]].to_unparsed]
    if not targets:
        return
    cue_starts = sorted(mod.modifier_span[0] for mod in doc._.context_graph.modifiers)
    for mod in doc._.context_graph.modifiers:
        if categories.get(mod.category) not in _SUPPRESSING or mod.direction.upper() not in (
            "FORWARD",
            "BIDIRECTIONAL",
        ):
            continue
        k = sents.index[mod.modifier_span[0]]
        if k + 1 >= len(sents.spans):
            continue
        sent, after = sents.spans[k], sents.spans[k + 1]
        if not _forced_cut(doc, after.start) or mod.scope_span[1] < sent.end:
            continue  # a real sentence end, or the cue's scope stopped before the cut (a terminator, its max_scope)
        used = sent.end - mod.modifier_span[1]
        reach = (mod.max_scope if mod.max_scope is not None else _UNBOUNDED_REACH + used) - used
        if reach <= 0:
            continue
        stop = after.start + reach
        stop = min([stop, after.end, *(s for s in cue_starts if after.start <= s < stop)])
        for i in targets:
            span = spans[i]
            if (
                after.start <= span.start < stop
                and mod.allows(span.label_)
                and not effects[i] & (_SUPPRESSING | {"warning"})
            ):
                effects[i].add(EFFECT)
