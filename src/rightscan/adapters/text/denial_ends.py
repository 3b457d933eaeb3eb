"""Round 24: where a denial's reach ends, read after ConText: an exception told before it, a list cut by a line.

An exception told before the denial it limits ("Except for new right hip bone pain, ROS negative").

A review of systems often names what is positive first and denies the rest after it: "Apart from a cough, review of
systems negative", "Other than the headaches, she denies other complaints". The denial there looks back (ConText's
BACKWARD "negative", "denied") and reaches the whole sentence before it, so the exception's own items were denied,
and a stated red flag was lost. ConText's TERMINATE words ("except", "apart from") end only a reach that passes
over them, not one that comes from behind. A symptom is the stated exception when an opener (``exception_openers``
in context.yaml) stands before it in its sentence, no denial cue stands between the opener and it, and every cue
that denies it comes after it: its negation is lifted. A denial before the symptom ("Except for a cough, she denies
headache") or between the opener and it ("Except for fatigue, no headache") still denies it.

A list cut by a line break after a comma ("Denies headache, cough,\nnew bone pain R hip x 3 weeks") may carry the
denial on or end it, and a new statement may start on the new line: a denied symptom there that a warning of its own
line describes, and no denial of its own line reaches, is left to confirm (``negation_across_cut_list``). A plain
item ("Denies fever, cough,\nback pain, weight loss") stays denied.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc

from rightscan.adapters.text.denied_list_close import DeniedListClose
from rightscan.adapters.text.negation_reach import BULLETS
from rightscan.adapters.text.pass_words import longest_phrase, norm, starts_with
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, SYMPTOM, SYMPTOM_OR_UNSURE, NoteMentions


class DenialEnds:
    """Lifts a denial that looks back from a symptom an exception opener names before it; leaves to confirm a warned
    symptom after a list cut by a comma and a line break."""

    def __init__(self, words: Mapping[str, Sequence[str]], qualifiers: Iterable[str] = ()) -> None:
        self.openers = norm(words.get("exception_openers", ()))
        self.longest = longest_phrase(self.openers)
        self._list_close = DeniedListClose(qualifiers)  # round 34a: "Denies HA, cough, SOB, new bone pain."

    def apply(self, note: NoteMentions) -> None:
        self._list_close.apply(note)
        negation_across_cut_list(note)
        bare_item_after_own_denials(note)  # eleventh security pass F4
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


# a list cut by a line break after one of these may carry its denial on, or end it
LIST_CUT = frozenset({",", ";"})


def negation_across_cut_list(note: NoteMentions) -> None:
    """A denied symptom on the line after a list cut by a comma, which a warning of its own line describes and no
    denial of its own line reaches: uncertain, not negated (the list may carry the denial on, or a new statement
    may start on the new line)."""
    doc = note.doc
    # round 26 (twelfth security pass, F6): each map built once, the denials' starts sorted (was quadratic)
    denial_starts = sorted(s for s, _ in note.cues("negated"))
    warnings = note.cues_by_target("warning")
    for _, span, _, e in note.mentions(SYMPTOM, having={"negated"}):
        own = warnings.get((span.start, span.end))
        if not own:
            continue
        line = _line_start(doc, span.start)
        if line == 0 or _any_in(denial_starts, line, span.start):
            continue
        if any(doc[k].is_punct and doc[k].text not in BULLETS for k in range(line, span.start)):
            continue  # the line does not open with the symptom's own words
        before = line - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        if before < 0 or doc[before].text not in LIST_CUT or not _any_in(denial_starts, 0, line):
            continue
        end = _line_end(doc, span.end)
        if not any(line <= s < end for s, _ in own):  # a warning of its own line describes it
            continue
        e.discard("negated")
        e.add("uncertain")


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted start falls in ``lo`` <= start < ``hi``."""
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _line_start(doc: Doc, k: int) -> int:
    """The first token of the line of token ``k``."""
    while k > 0 and "\n" not in doc[k - 1].whitespace_ and "\n" not in doc[k - 1].text:
        k -= 1
    return k


def _line_end(doc: Doc, k: int) -> int:
    """The token after the last one of the line that token ``k - 1`` ends (or the doc's end)."""
    while k < len(doc) and "\n" not in doc[k - 1].whitespace_ and "\n" not in doc[k].text:
        k += 1
    return k


# Eleventh security pass F4: a list whose every item carries its own denial ("no headache, no cough, no shortness of
# breath, bone pain right hip for 3 weeks, constant, worse at night") denies what it names after each "no"; an item
# joined by a bare comma after two or more such items, with no denial of its own and described by a warning, may be a
# new statement as well as an item of the list: neither reading is safe to state, so it is left to confirm. A plain
# item stays denied ("No bone pain, no back pain, HA, cough, SOB or wt loss": the list goes on without its "no").
OWN_DENIALS = 2  # items denied each by its own cue before the bare one


def bare_item_after_own_denials(note: NoteMentions) -> None:
    """A denied symptom with a warning after a comma, denied only by cues that each have a nearer item of their own, in
    a sentence whose items before it are each denied by their own cue: uncertain, not negated."""
    doc = note.doc
    denials = sorted(note.cues("negated"))
    if len(denials) < OWN_DENIALS:
        return
    starts = note.starts(ANY_SYMPTOM)
    for _, span, _, e in note.mentions(SYMPTOM, having={"negated", "warning"}):
        sentence = note.sents.of(span.start)
        before = [(s, t) for s, t in denials if sentence.start <= s and t <= span.start]
        if len(before) < OWN_DENIALS:
            continue
        last_end = before[-1][1]
        objects = [k for k in starts if last_end <= k < span.start]
        if not objects:
            continue  # the last denial names this symptom first: its own
        owned = sum(1 for s, t in before if any(t <= k <= t + 1 for k in starts))
        if owned < OWN_DENIALS:
            continue
        k = span.start - 1
        while k > objects[-1] and (doc[k].is_space or (doc[k].is_alpha and doc[k].lower_ not in _JOINING_WORDS)):
            k -= 1  # the item's own words before it ("new severe"), and a line break
        if doc[k].text != ",":
            continue
        e.discard("negated")
        e.add("uncertain")


_JOINING_WORDS = frozenset({"or", "and", "nor", "no", "not", "without", "any"})
