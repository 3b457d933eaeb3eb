"""Round 47m (v47 bp-011): a relative who speaks a line of the patient's interview, and whose words it holds.

A triage call or an interview written as questions and answers names who answers: "A (husband): \"Her eyes have gone
yellow\"", "Daughter: \"she keeps falling\"". The relative is the one speaking, an informant, not a relative with a
history of her own: the speaker labels of context_rules.json (PSEUDO rules whose literals ``speaker_labels`` lists in
context.yaml) keep the relative's cue off the line. What the line holds is then read by whom its words name: a symptom
whose nearest person word before it on the line, its own first word included ("my back has been killing me"), is a
first-person one (``speaker_first_person``) is the speaker's own, a relative's (``family``); a third-person word
("her eyes", "she has had", ``speaker_third_person``) or none leaves it the patient's, as the answer to the
clinician's question about her. A relative the line itself names ("her mother had jaundice") keeps its own cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.pass_words import norm
from rightscan.adapters.text.rule_pass import ANY_FAMILY, ANY_SYMPTOM, NoteMentions

FAMILY = "family"
_SPREAD = frozenset({"metastasis", "distant_finding"})
_OWNERS = frozenset({"pt's", "patient's", "pts", "her", "his", "'s", "’s"})


class SpeakerLines:
    """Gives a relative's effect to the speaker's own symptom on a line a relative speaks."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.labels = norm(words.get("speaker_labels", ()))
        self.first = norm(words.get("speaker_first_person", ()))
        self.third = norm(words.get("speaker_third_person", ()))

    def apply(self, note: NoteMentions) -> None:
        if not self.labels or not self.first:
            return
        doc = note.doc
        spans = [m.modifier_span for m in doc._.context_graph.modifiers
                 if " ".join(m.rule.literal.lower().split()) in self.labels]  # fmt: skip
        # integration (devset hard-017): "Pt's mother: 'ER+ breast cancer, bone mets'" is a family history written as a
        # label and a quotation, not the mother speaking: a label owned by the patient ("pt's", "her") keeps the line
        # the relative's, every mention on it
        owned = [end for start, end in spans if start > 0 and doc[start - 1].lower_ in _OWNERS]
        ends = sorted(end for start, end in spans if end not in owned)
        text = doc_text(doc)
        for end in owned:
            line_end = text.find("\n", doc[end - 1].idx)
            for _, span, _, e in note.mentions(ANY_FAMILY, without={FAMILY}):
                if span.start >= end and (line_end < 0 or span.start_char < line_end):
                    e.add(FAMILY)
        if not ends:
            return
        # a relative speaking on the patient's behalf is an informant, not proof of her metastases: a metastasis on
        # the line is left to confirm (M1 only from what the note states of the patient)
        for _, span, _, e in note.mentions(_SPREAD, without={FAMILY}):
            end = max((t for t in ends if t <= span.start), default=None)
            if end is not None and "\n" not in text[doc[end - 1].idx : span.start_char]:
                e.add("uncertain")
        for _, span, _, e in note.mentions(ANY_SYMPTOM, without={FAMILY}):
            end = max((t for t in ends if t <= span.start), default=None)
            if end is None or "\n" in text[doc[end - 1].idx : span.start_char]:
                continue  # no speaker label before it on its line
            for j in range(span.start, end - 1, -1):
                word = doc[j].lower_
                if word in self.third:
                    break
                if word in self.first:
                    e.add(FAMILY)
                    break
