"""Round 36b: a symptom dated back to an event the note named a few sentences before it.

``RedFlagReadings.dated_from_trigger`` explains a symptom dated back to a mechanical event ("since", "since then") told
in its sentence or the one before. A pointer back that names the event ("since the fall", "since her injury",
``red_flag_readings.dating_back_named`` in context.yaml) points at the event wherever the note told it; so the event may
stand a few sentences earlier (``NAMED_SENTENCES``): "slipped on wet floor and struck R side of head on kitchen
counter. No LOC. Mild frontal headache since the fall." (v36 ai-024) is a headache the fall explains, as the annotation
guide reads a benign cause.

Only when nothing warns: the event's cue must be one told for this symptom (a blow to the head for a headache, a fall
for a back pain: its ``allowed_types`` name it; a bare "tripped" or "slipped" is not enough this far back), and no
sentence from the event's to the one after the symptom may hold a warning cue that is not denied (worsening, vomiting,
different from usual ...), a warning sign of a head injury (``named_event_warnings``: vomited, confused, drowsy ...) or
another symptom stated as present (a weakness): then the headache may be the injury's warning sign, and it stands.

Plain functions over the note's mentions and cues; the words are in context.yaml.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc, Span

from rightscan.adapters.text.pass_words import starts_with, words_at
from rightscan.adapters.text.rule_pass import SYMPTOM, NoteMentions

NAMED_SENTENCES = 3  # how many sentences before the symptom's an event a named pointer points at may stand
POINTER_GAP = 4  # tokens after the symptom where its pointer back may start ("headache [mild] since the fall")
# what keeps another symptom from being stated as present (it then warns of nothing)
_NOT_PRESENT = frozenset({"negated", "hypothetical", "family", "historical", "explained", "uncertain"})
_DENYING = frozenset(
    {"negated", "hypothetical"}
)  # the cue effects (context.yaml) under which a warning warns of nothing


class NamedEvent:
    """The named pointers back of ``red_flag_readings.dating_back_named``, compiled once per rule set."""

    def __init__(self, words: Mapping[str, Sequence[str]], mechanical: Callable[[str], bool]) -> None:
        self.named = frozenset(" ".join(w.lower().split()) for w in words.get("dating_back_named", ()) if w.strip())
        self._longest = max((len(w.split()) for w in self.named), default=1)
        self._mechanical = mechanical
        # the warning signs of a head injury that are no red-flag symptom of their own ("Vomited twice", "confused")
        self.warning_words = frozenset(w.lower() for w in words.get("named_event_warnings", ()) if w.strip())
        # the first words of a blow told in the cue's own words ("struck R side of head": context_rules.json)
        self.blow_heads = frozenset(w.lower() for w in words.get("named_event_heads", ()) if w.strip())

    def _event(self, words: str) -> bool:
        """Whether an explaining cue's words tell a mechanical event: a listed trigger, or a blow (``blow_heads``)."""
        return self._mechanical(words) or words.split(" ", 1)[0] in self.blow_heads

    def _points_back(self, doc: Doc, span: Span, sent_end: int) -> bool:
        """Whether a pointer back naming the event follows the symptom and ends its clause."""
        for j in range(span.end, min(span.end + POINTER_GAP, sent_end)):
            end = starts_with(doc, j, self.named, self._longest)
            if end is not None and (end >= sent_end or doc[end].is_punct):
                return True
        return False

    def explains(self, note: NoteMentions, span: Span, sent: Span) -> bool:
        """Whether the symptom ``span`` (its sentence ``sent`` holding no warning) is dated back by a named pointer
        to a mechanical event told up to ``NAMED_SENTENCES`` sentences before, with nothing warning between."""
        if not self.named or not self._points_back(note.doc, span, sent.end):
            return False
        k = note.sents.index[sent.start]
        doc = note.doc
        mods = list(doc._.context_graph.modifiers)
        others = _relatives(note)  # an event a relative had ("Her sister fell and hit her head") explains nothing
        quiet = self.quiet(note, span)
        if k + 1 < len(note.sents.spans) and not quiet(note.sents.spans[k + 1]):
            return False  # the sentence after warns ("Vomited twice since.")
        first = sent.start
        for back in range(1, NAMED_SENTENCES + 1):
            if k - back < 0 or not quiet(note.sents.spans[k - back]):
                break
            first = note.sents.spans[k - back].start
        for mod in mods:
            start, end = mod.modifier_span
            if (
                first <= start < span.start
                and note.categories.get(mod.category) == "explained"
                and span.label_.upper()
                in (mod.allowed_types or ())  # a cue told for this symptom (medspaCy: upper case)
                and self._event(words_at(doc, start, end))
                and not any(a <= start < b for a, b in others)
            ):
                return True
        return False

    def quiet(self, note: NoteMentions, span: Span) -> Callable[[Span], bool]:
        """The test of a sentence that warns of nothing about the symptom ``span``: no warning cue not denied, no
        warning sign of a head injury (``named_event_warnings``) not denied, no other symptom stated as present (round
        54e: shared with ``named_causes.py``'s head injury told elsewhere in the paragraph)."""
        doc = note.doc
        mods = list(doc._.context_graph.modifiers)
        # a warning a negation or a condition covers warns of nothing ("No vomiting", "return if worsening")
        denied = [m.scope_span for m in mods if note.categories.get(m.category) in _DENYING]
        warnings = [s for s, _ in note.cues("warning") if not any(a <= s < b for a, b in denied)]
        present = [sp.start for _, sp, _, _ in note.mentions(SYMPTOM, without=_NOT_PRESENT) if sp.start != span.start]

        def quiet(s: Span) -> bool:
            if any(s.start <= w < s.end for w in warnings) or any(s.start <= p < s.end for p in present):
                return False
            return not any(
                doc[i].lower_ in self.warning_words and not any(a <= i < b for a, b in denied)
                for i in range(s.start, s.end)
            )

        return quiet


def _relatives(note: NoteMentions) -> list[tuple[int, int]]:
    """The token scopes of the family cues: what a relative had or did."""
    mods = note.doc._.context_graph.modifiers
    return [m.scope_span for m in mods if note.categories.get(m.category) == "family"]


def relative_at(note: NoteMentions, token: int) -> bool:
    """Round 54e: whether the token stands in a relative's cue's scope ("Her sister fell and hit her head")."""
    return any(a <= token < b for a, b in _relatives(note))
