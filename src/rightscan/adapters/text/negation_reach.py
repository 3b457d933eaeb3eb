"""Round 11b: a negation that reaches a described symptom across a clause is not trusted (nor one "until" ends).

A negation cue without a word limit ("never had", "denies", "no history of") covers its whole sentence in ConText.
Run-on histories chain clauses with commas ("no prior cancer, never had a mammogram, presented with 3 weeks of back
pain, constant, worse at night"), so such a cue can reach a symptom that a later clause states. A symptom that is
really denied is seldom described further; one that also carries a warning told after it (constant, at night,
progressive) and stands a clause or more after the negation is read both ways at once. Only a warning told after
the symptom counts: it describes this symptom, while a warning word earlier in a list of denials ("denies night
sweats, weight loss") describes another. Neither reading is safe to state: the red flag is left uncertain, so the
answer waits for it to be confirmed (``confirm``). A negation next to the symptom ("no headaches worse in the
morning", "denies new back pain") is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span

Described = list[dict[str, Any]]
Effects = list[set[str]]

# how many tokens at least between the end of a negation cue and a symptom it reaches across a comma (the cue's
# own object and one clause: "never had a screening mammogram, presented ... with")
FAR = 8
CLAUSE_MARKS = frozenset({","})


def negation_across_clause(
    doc: Doc, spans: Sequence[Span], described: Described, effects: Effects, categories: Mapping[str, str | None]
) -> None:
    """A symptom with a warning, negated only by cues a clause or more before it: uncertain, not negated."""
    negators: dict[tuple[int, int], list[tuple[int, int]]] = {}
    described_after: set[tuple[int, int]] = set()  # symptoms with a warning cue told after them
    for target, mod in doc._.context_graph.edges:
        effect = categories.get(mod.category)
        if effect == "negated":
            negators.setdefault((target.start, target.end), []).append(mod.modifier_span)
        elif effect == "warning" and mod.modifier_span[0] >= target.end:
            described_after.add((target.start, target.end))
    for i, (span, d) in enumerate(zip(spans, described, strict=True)):
        if d["family"] != "symptom" or not {"negated", "warning"} <= effects[i]:
            continue
        cues = negators.get((span.start, span.end))
        if cues and (span.start, span.end) in described_after and all(_far_before(doc, cue, span) for cue in cues):
            effects[i].discard("negated")
            effects[i].add("uncertain")


def _far_before(doc: Doc, cue: tuple[int, int], span: Span) -> bool:
    end = cue[1]
    if end > span.start or span.start - end < FAR:
        return False
    return any(doc[k].text in CLAUSE_MARKS for k in range(end, span.start))


# A denial that "until" ends dates an onset ("she had never had headaches until this week"): the symptom began then.
# Whether it is present now or was over by an earlier time ("no headaches until her last visit") the words after
# "until" tell, which the rules do not read, so neither denial nor assertion is safe.
UNTIL = frozenset({"until", "till", "til"})
UNTIL_REACH = 3  # tokens after the symptom, within its clause


def negation_ended_by_until(doc: Doc, spans: Sequence[Span], described: Described, effects: Effects) -> None:
    """A negated symptom followed in its clause by "until": uncertain, not negated."""
    for i, (span, d) in enumerate(zip(spans, described, strict=True)):
        if d["family"] != "symptom" or "negated" not in effects[i]:
            continue
        for k in range(span.end, min(span.end + UNTIL_REACH, len(doc))):
            token = doc[k]
            if token.is_punct or token.is_sent_start:
                break
            if token.lower_ in UNTIL:
                effects[i].discard("negated")
                effects[i].add("uncertain")
                break
