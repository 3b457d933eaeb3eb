"""Integration 48 (found in review): a resolution told after a contrast and a subject of its own speaks of that subject.

"She reports back pain but the rash has cleared": ConText's resolution cue ("has cleared") looks back across the
sentence and reached the back pain, which was read as past; the red flag was dropped. A contrast word
(``contrast_resolution_joins`` in context.yaml ``red_flag_readings``: "but", "though", "whereas") followed at once by a
word that opens a new subject (``contrast_resolution_subjects``: "the", "her", "this") starts a clause of its own;
a resolution told in it is that subject's ("but the rash has cleared", "though her cough has settled"). A symptom
read as past only by such cues, all told after it, is read without them. A pronoun ("but it has resolved") points
back at the symptom and keeps the resolution; "and" joins rather than contrasts ("back pain and the headache have
both resolved") and keeps it too; so does a symptom in a section of its own (a past history is past anyway).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rightscan.adapters.text.pass_words import norm
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_SET_ASIDE = frozenset({"negated", "hypothetical", "family"})
_STOPS = frozenset({".", ";", "!", "?"})
REFERENT_REACH = 2  # words after the subject's first word where a word pointing back at the symptom may stand


class ContrastResolutions:
    """Reads a symptom without a resolution that speaks of another subject (module doc)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self._joins = norm(words.get("contrast_resolution_joins", ()))
        self._subjects = norm(words.get("contrast_resolution_subjects", ()))
        self._referents = norm(words.get("contrast_resolution_referents", ()))
        self._pronouns = norm(words.get("contrast_resolution_pronouns", ()))

    def apply(self, note: NoteMentions) -> None:
        if not self._joins or not self._subjects:
            return
        resolutions = note.cues("historical")
        if not resolutions:
            return
        doc = note.doc
        rules = {j: m["rule"] for _, sp, m, _e in note.mentions(ANY_SYMPTOM) for j in range(sp.start, sp.end)}
        for _, span, d, e in note.mentions(ANY_SYMPTOM, having=frozenset({"historical"}), without=_SET_ASIDE):
            if note.sections[span.start] is not None:
                continue
            first, last = self._sentence(doc, span.start), self._sentence_end(doc, span.end)
            before = [c for c in resolutions if first <= c[0] < span.start]
            after = [c for c in resolutions if span.end <= c[0] < last]
            if before or not after:
                continue
            if all(self._other_subject(doc, span.end, start, d["rule"], rules) for start, _end in after):
                e.discard("historical")

    @staticmethod
    def _sentence(doc: Any, k: int) -> int:
        """The first token of the part of the sentence the token ``k`` stands in (back to a stop or a line break)."""
        while k > 0 and doc[k - 1].text not in _STOPS and "\n" not in doc[k - 1].text:
            k -= 1
        return k

    @staticmethod
    def _sentence_end(doc: Any, k: int) -> int:
        while k < len(doc) and doc[k].text not in _STOPS and "\n" not in doc[k].text:
            k += 1
        return k

    def _other_subject(self, doc: Any, end: int, cue_start: int, rule: str, rules: Mapping[int, str]) -> bool:
        """Whether a contrast word and a new subject's first word stand between the symptom and the cue, and the
        subject is not the symptom again: a word that points back ("but the pain has now resolved") or a mention of
        the same symptom ("headache last month but the headache has gone") keeps the resolution the symptom's."""
        for k in range(end, cue_start - 1):
            if doc[k].lower_ not in self._joins or doc[k + 1].lower_ not in self._subjects:
                continue
            head = range(k + 2, min(k + 2 + REFERENT_REACH, cue_start))
            for j in head:
                told = rules.get(j)
                if told is not None:  # the subject is a symptom: the same one again, or another one
                    return told != rule
                if doc[j].lower_ in self._referents:
                    return False
            # a pronoun before the resolution points back at the symptom ("but the doctor said ..., and it went away")
            return not any(doc[j].lower_ in self._pronouns for j in range(k + 2, cue_start))
        return False
