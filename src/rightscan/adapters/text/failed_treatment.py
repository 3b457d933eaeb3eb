"""A treatment that failed, told in the sentence after a symptom, carries the symptom's warning (split from
``scopes``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.rule_pass import Described, Effects, Sections
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.sentences import Sentences


def failed_treatment_next_sentence(
    rules: Rules,
    doc: Doc,
    spans: list[Span],
    described: Described,
    effects: Effects,
    sents: Sentences,
    sections: Sections,
) -> None:
    """A treatment that failed, told in the next sentence ("Dry cough for 6 weeks after a cold. GP gave
    azithromycin - no change."), is of the symptoms of the sentence before: they carry its warning (a benign
    cause no longer explains them). Only when the failure's own sentence names no symptom of the family before
    it, the failure is not negated, and the two sentences are in one paragraph and section."""
    failures: dict[int, list[int]] = {}
    negated: set[int] = set()
    for mod in doc._.context_graph.modifiers:
        start = mod.modifier_span[0]
        if mod.category == "FAILED_TREATMENT":
            failures.setdefault(sents.index[start], []).append(start)
        elif rules.categories.get(mod.category) == "negated":
            negated.add(mod.modifier_span[1])
    if not failures:
        return
    targets = [i for i, d in enumerate(described) if "explained" in rules.policies[d["family"]].in_clause]
    starts: dict[int, list[int]] = {}
    for i in targets:
        starts.setdefault(sents.index[spans[i].start], []).append(spans[i].start)
    text = doc_text(doc)
    for i in targets:
        k = sents.index[spans[i].start]
        if "warning" in effects[i] or k + 1 not in failures:
            continue
        nxt = sents.spans[k + 1]
        first = min((f for f in failures[k + 1] if f not in negated and f - 1 not in negated), default=None)
        if first is None or any(nxt.start <= s < first for s in starts.get(k + 1, ())):
            continue
        if "\n\n" in text[spans[i].end_char : nxt.start_char] or sections[spans[i].start] != sections[nxt.start]:
            continue
        effects[i].add("warning")
