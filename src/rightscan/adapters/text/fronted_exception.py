"""Round 24: an exception told before the denial it limits ("Except for new right hip bone pain, ROS negative").

A review of systems often names what is positive first and denies the rest after it: "Apart from a cough, review of
systems negative", "Other than the headaches, she denies other complaints". The denial there looks back (ConText's
BACKWARD "negative", "denied") and reaches the whole sentence before it, so the exception's own items were denied,
and a stated red flag was lost. ConText's TERMINATE words ("except", "apart from") end only a reach that passes
over them, not one that comes from behind. A symptom is the stated exception when an opener (``exception_openers``
in context.yaml) stands before it in its sentence, no denial cue stands between the opener and it, and every cue
that denies it comes after it: its negation is lifted. A denial before the symptom ("Except for a cough, she denies
headache") or between the opener and it ("Except for fatigue, no headache") still denies it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rightscan.adapters.text.pass_words import longest_phrase, norm, starts_with
from rightscan.adapters.text.rule_pass import SYMPTOM_OR_UNSURE, NoteMentions


class FrontedException:
    """Lifts a denial that looks back from a symptom an exception opener names before it."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.openers = norm(words.get("exception_openers", ()))
        self.longest = longest_phrase(self.openers)

    def apply(self, note: NoteMentions) -> None:
        if not self.openers:
            return
        doc = note.doc
        negators = note.cues_by_target("negated")
        denial_starts = sorted({s for s, _ in note.cues("negated")})
        for _, span, _, e in note.mentions(SYMPTOM_OR_UNSURE, having={"negated"}):
            sentence = note.sents.of(span.start)
            if any(sentence.start <= s < span.end for s in denial_starts):
                continue  # a cue before the symptom denies it ("Except for fatigue, no headache"), or one on it
            if not any(span.end <= s < sentence.end for s in denial_starts):
                continue  # the denial came from elsewhere than a cue after it in its sentence
            if any(_adjacent(note, span.end, start) for start, _ in negators.get((span.start, span.end), ())):
                continue  # a cue right after the symptom ("headache negative") is its own denial
            found = self._opener_before(note, sentence.start, span.start)
            if found is None:
                continue
            opener, opener_end = found
            between = [doc[k].text for k in range(opener_end, span.start)]
            if any(t in _CLAUSE_ENDS or "\n" in t for t in between) or any(
                "\n" in doc[k].whitespace_ for k in range(opener, span.start)
            ):
                continue  # the exception ended before the symptom
            e.discard("negated")
            if any(t in _LIST_MARKS for t in between):
                e.add("uncertain")  # "Except for a cough, headache, ROS negative": a second exception, or not

    def _opener_before(self, note: NoteMentions, first: int, symptom: int) -> tuple[int, int] | None:
        """The first token and the end of the last exception opener between the sentence's start and the symptom."""
        for k in range(symptom - 1, first - 1, -1):
            end = starts_with(note.doc, k, self.openers, self.longest)
            if end is not None and end <= symptom:
                return k, end
        return None


_CLAUSE_ENDS = frozenset({";", ".", "?", "!"})  # what ends an exception before the symptom
_LIST_MARKS = frozenset({",", "/", "-", "–", "—", ":"})  # what may end it or carry its list on: to confirm
_ADJACENT_FILLERS = frozenset({":", "-", "=", "is", "was", "are", "were"})  # "headache: negative", "headache is neg"


def _adjacent(note: NoteMentions, end: int, cue: int) -> bool:
    """Only blanks and a linking mark or verb stand between the symptom's end and the cue: the symptom's own denial."""
    return all(note.doc[k].is_space or note.doc[k].lower_ in _ADJACENT_FILLERS for k in range(end, cue))
