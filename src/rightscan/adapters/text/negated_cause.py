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

from rightscan.adapters.text.rule_pass import SYMPTOM, NoteMentions


def _phrases(words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(w.lower().split()) for w in words if w.strip()}, key=len, reverse=True))


class NegatedCause:
    """Lifts a verb negation from a symptom told as the cause of the denied activity."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.negations = _phrases(words.get("verb_negations", ()))
        self.connectives = _phrases(words.get("cause_connectives", ()))

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
        if end > symptom or not _ends(doc, start, end, self.negations):
            return False
        for k in range(end + 1, symptom):  # one word of the activity at least ("sleep", "walk", "be able to walk")
            if _spells(doc, k, symptom, self.connectives) and any(doc[j].is_alpha for j in range(end, k)):
                return True
        return False


def _ends(doc: Doc, start: int, end: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the cue's words end with one of ``phrases`` ("could not", "unable to", "n't")."""
    words = [doc[k].lower_ for k in range(start, end)]
    return any(len(p) <= len(words) and tuple(words[len(words) - len(p) :]) == p for p in phrases)


def _spells(doc: Doc, k: int, end: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(k + len(p) <= end and all(doc[k + m].lower_ == w for m, w in enumerate(p)) for p in phrases)
