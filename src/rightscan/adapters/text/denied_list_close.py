"""Round 34a: a warning qualifier on the item that closes a denied list keeps the list's denial.

The sentence splitter ends a denial's scope at a comma or slash followed by a warning qualifier (round 22s,
``sentence_breaks.denial_ending_qualifiers``): "no fever, new severe bone pain in the right hip" opens a statement of
its own. A review of systems also writes its last denied item with the qualifier it asks about: "Denies HA, cough, SOB,
new bone pain." (v34 cb-012), "negative for fever, chills, worsening headache". There the denial already governs a
list of two items or more before the comma, and the qualified item is bare and closes the sentence: a clinician reads
it as one more denied item, as "no new bone pain" is denied. Such an item takes the denial back. The statement stays
stated whenever any of these fails: a single item before it ("no fever, new jaundice"), a description or a date
after it ("..., new bone pain in the right hip for 3 weeks"), a line break or a clause end inside the list, or a
terminator that cut the denial before the comma.
"""

from __future__ import annotations

from collections.abc import Iterable

from rightscan.adapters.text.rule_pass import SYMPTOM, NoteMentions

# items the denial must already govern before the qualified one (joins counted between the cue and the item's comma)
ITEMS_BEFORE = 2
_ITEM_MARKS = frozenset({",", "/"})  # what ends a qualified item's clause inside the list (the splitter's marks)
_JOINS = frozenset({",", "/", "or", "and", "&"})
_CLAUSE_ENDS = frozenset({".", ";", "!", "?", ":"})
_GONE = frozenset({"negated", "hypothetical", "family", "historical", "explained", "uncertain"})


class DeniedListClose:
    """Gives the denial back to a bare qualified symptom that closes a denied list of two items or more."""

    def __init__(self, qualifiers: Iterable[str]) -> None:
        self.qualifiers = frozenset(w.lower() for w in qualifiers)

    def apply(self, note: NoteMentions) -> None:
        if not self.qualifiers:
            return
        doc = note.doc
        denials = [
            m
            for m in doc._.context_graph.modifiers
            if note.categories.get(m.category) == "negated" and m.direction.upper() == "FORWARD"
        ]
        if not denials:
            return
        for _, span, _, e in note.mentions(SYMPTOM, having={"warning"}, without=_GONE):
            k = span.start - 1
            while k >= 0 and doc[k].lower_ in self.qualifiers:
                k -= 1
            if k == span.start - 1 or k < 0 or doc[k].text not in _ITEM_MARKS:
                continue  # no qualifier right after a comma or slash
            if not self._closes(note, span.start, span.end):
                continue
            sentence = note.sents.of(span.start)
            for cue in denials:
                start, end = cue.modifier_span
                if start < sentence.start or end > k or cue.scope_span[1] != k + 1:
                    continue  # not this sentence's denial cut right at the item
                between = doc[end:k]
                if any("\n" in t.text or "\n" in t.whitespace_ or t.text in _CLAUSE_ENDS for t in between):
                    continue
                joins = sum(1 for t in between if t.lower_ in _JOINS)
                if joins + 1 >= ITEMS_BEFORE and len(between) > joins:
                    e.add("negated")
                    break

    @staticmethod
    def _closes(note: NoteMentions, start: int, end: int) -> bool:
        """The symptom is the last word of its sentence, before its full stop or semicolon or a line break."""
        doc = note.doc
        sentence = note.sents.of(start)
        if end >= sentence.end or "\n" in doc[end - 1].whitespace_:
            return True
        token = doc[end]
        return token.text in {".", ";", "!"} or "\n" in token.text
