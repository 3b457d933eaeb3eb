"""Round 15: a negated activity and the symptom given as its cause ("could not sleep due to back pain").

A verb's negation ("could not sleep", "has not been able to walk", "never slept well") denies the activity it
governs. When a causal connective follows that activity ("due to", "because of", "secondary to"), what comes after
the connective is the reason the activity failed: a symptom there is the patient's, not a denied one. ConText's
negation cue reaches it all the same (its scope runs to the end of the clause), which dropped a real red flag.
The negation is lifted only for such a symptom: a verb negation (``verb_negations`` in context.yaml, never "no" or
"denies", whose object may itself be the denied finding: "no weakness due to cord compression"), at least one word
of the activity between it and the connective, and the connective before the symptom (``cause_connectives``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from rightscan.adapters.text.pass_words import ends_with, longest_phrase, norm, starts_with
from rightscan.adapters.text.rule_pass import SYMPTOM, NoteMentions


class NegatedCause:
    """Lifts a verb negation from a symptom told as the cause of the denied activity."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.negations = norm(words.get("verb_negations", ()))
        self.connectives = norm(words.get("cause_connectives", ()))
        self.longest = longest_phrase(self.negations | self.connectives)

    def apply(self, note: NoteMentions) -> None:
        if not self.negations or not self.connectives:
            return
        doc = note.doc
        negators = note.cues_by_target("negated")
        for _, span, _, e in note.mentions(SYMPTOM, having={"negated"}):
            cues = negators.get((span.start, span.end))
            if cues and all(self._cause_after(doc, cue, span.start) for cue in cues):
                e.discard("negated")

    def _cause_after(self, doc: Doc, cue: tuple[int, int], symptom: int) -> bool:
        """Whether the cue is a verb negation and a connective follows a word of its activity, before the symptom."""
        start, end = cue
        first = ends_with(doc, end, self.negations, self.longest) if end <= symptom else None
        if first is None or first < start:  # the cue's words end with a verb negation ("could not", "n't")
            return False
        for k in range(end + 1, symptom):  # one word of the activity at least ("sleep", "walk", "be able to walk")
            stop = starts_with(doc, k, self.connectives, self.longest)
            if stop is not None and stop <= symptom and any(doc[j].is_alpha for j in range(end, k)):
                return True
        return False
