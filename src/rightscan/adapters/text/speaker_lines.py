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
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

FAMILY = "family"


class SpeakerLines:
    """Gives a relative's effect to the speaker's own symptom on a line a relative speaks."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.labels = frozenset(" ".join(w.lower().split()) for w in words.get("speaker_labels", ()))
        self.first = norm(words.get("speaker_first_person", ()))
        self.third = norm(words.get("speaker_third_person", ()))

    def apply(self, note: NoteMentions) -> None:
        if not self.labels or not self.first:
            return
        doc = note.doc
        ends = sorted(m.modifier_span[1] for m in doc._.context_graph.modifiers
                      if " ".join(m.rule.literal.lower().split()) in self.labels)  # fmt: skip
        if not ends:
            return
        text = doc_text(doc)
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
