"""Round 12b: a warning told of a symptom in a later sentence, through a word that points back to it.

Notes often name a symptom in one sentence and describe it in the next ones: "C/o left knee pain for two months. She
puts it down to gardening. Per the patient the pain is new, constant, and now wakes her at night." ConText's warning
cues (new, persistent, at night, different from usual ...) reach only their own sentence, so the symptom looks plain
and a benign cause named later (gardening, "likely OA") explains it away. The annotation guide counts a symptom with
a warning qualifier even when a benign cause is named, and that is the safe reading (the red flag is not dropped).

The reading: a sentence at most ``REACH_SENTENCES`` after the symptom's that opens (within its first ``LEAD`` tokens)
with a pointer back (``carried_explanation.anaphors`` in context.yaml: "the pain", "it", "this" ...) followed by a
warning cue that is not negated gives the symptom that warning. Nothing may name another finding first: a mention of
any kind in the sentences between, or before the warning in its sentence, may be what the pointer speaks of ("CT
done. It shows a new lesion."), and then nothing is carried. The mirror of ``scopes._carry_explanation`` (a pointer
back that explains); both read the same anaphor list, so a word lives in one place.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from rightscan.adapters.text.rule_pass import NoteMentions

REACH_SENTENCES = 2  # the pointer's sentence: the next one, or the one after ("She puts it down to gardening.")
LEAD = 4  # how many tokens may open the sentence before the pointer ("Per pt the pain ...", "And now it ...")
_NOT_PLAIN = frozenset({"warning", "negated", "hypothetical", "family", "historical"})


def warning_told_after(note: NoteMentions, explainable: frozenset[str], anaphors: Sequence[str]) -> None:
    """Give ``warning`` to a symptom (a family in ``explainable``) that a later sentence describes with a warning
    through a pointer back; ``anaphors``: the pointer words, lower case."""
    pointers = [tuple(a.split()) for a in anaphors if a.strip()]
    if not pointers:
        return
    targets = [t.i for t in note.mentions(explainable, without=_NOT_PLAIN)]
    if not targets:
        return
    doc, spans, sents = note.doc, note.spans, note.sents
    negated: set[int] = set()
    warnings: dict[int, list[int]] = {}
    for mod in doc._.context_graph.modifiers:
        effect = note.categories.get(mod.category)
        if effect == "negated":
            negated.add(mod.modifier_span[0])
            negated.add(mod.modifier_span[1])  # a warning right after a negation cue ("no new pain") is denied
        elif effect == "warning":
            warnings.setdefault(sents.index[mod.modifier_span[0]], []).append(mod.modifier_span[0])
    starts = sorted(span.start for span in spans)
    for i in targets:
        k = sents.index[spans[i].start]
        for j in range(k + 1, min(k + 1 + REACH_SENTENCES, len(sents.spans))):
            sent = sents.spans[j]
            standing = sorted(s for s in warnings.get(j, ()) if s not in negated and s - 1 not in negated)
            stop = standing[0] if standing else sent.end
            if any(sent.start <= s < stop for s in starts):
                break  # another finding is named first: the pointer may speak of it
            if standing and _points_back(doc, sent.start, stop, pointers):
                note.effects[i].add("warning")
                break


def _points_back(doc: Doc, start: int, stop: int, pointers: Sequence[tuple[str, ...]]) -> bool:
    """A pointer back begins within the first ``LEAD`` tokens of the sentence and ends before the warning."""
    for s in range(start, min(start + LEAD + 1, stop)):
        for words in pointers:
            end = s + len(words)
            if end <= stop and tuple(t.lower_ for t in doc[s:end]) == words:
                return True
    return False
