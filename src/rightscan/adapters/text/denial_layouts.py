"""Round 13v-c: denials a template writes without a sentence, and a warning that carries a negation's list.

Three ways a note denies a symptom that ConText, reading words in order, takes for a statement:

- a table drawn with bars whose header names a column for the denials ("| System | Positive | Negative |"): a
  symptom in that column's cell of a row below is denied (``negative_columns`` of context.yaml ``layout``); the
  other columns are left as read;
- a review-of-systems shorthand: "neg" or "negative" right after a label ("Resp: neg cough/SOB") and right before
  a symptom denies it and the symptoms listed after it, joined by a slash, a comma, "or" or "and"
  (``shorthand_denials``); a word between breaks the list ("Bone scan: negative, headache since May" keeps it);
- a warning cue that opens with a negation ("no trauma", "without trauma": a warning for the pain it qualifies)
  takes the place of the shorter negation cue, so the items listed after it ("no trauma/fall/coughing fits") lost
  their denial and took the warning. Whether such an item is denied with the rest or told of afterwards the list's
  joiners alone cannot say for sure: it is left to confirm (uncertain), neither stated nor denied.

And one reading of the explained clause: a warning told as the condition of a return or a call ("return sooner if
not improving, night pain, or leg weakness") is what would change, not what the symptom is now, so it does not keep
the symptom's clause from being explained (``conditional_warnings``, used by ``scopes``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.rule_pass import SYMPTOM, Effects, NoteMentions
from rightscan.adapters.text.rules import Rules

_CELL_SEPARATOR_ROW = re.compile(r"^[\s|:\-–—=+]*$")
# round 22s: tried only where a run of blanks starts (the same leftmost match), so a long run is read once
_LIST_JOIN = re.compile(r"(?<![ \t])[ \t]*+(?:/|,|&|\bor\b|\band\b|\bnor\b)[ \t]*+\Z", re.IGNORECASE)
# tokens that may stand between a negation-headed warning cue and a symptom it carried along (a list's items)
# ("and" also joins clauses: "not getting better and now I get short of breath" is no list)
_JOINERS = frozenset({"/", ",", "or", "nor"})
_LOOK_BACK = 200  # characters: a denial word or a list joiner with the spaces around it, before a symptom
LIST_REACH = 6  # tokens at most between such a cue and the symptom
ITEM_WORDS = 3  # words at most, other than joiners, of the items between them


class DenialLayouts:
    def __init__(self, rules: Rules) -> None:
        spec = rules.layout
        self._categories = rules.categories
        self._conditions = tuple(spec.get("hypothetical_heading_conditions", ()))  # "if", "should" ...
        self._columns = frozenset(" ".join(w.lower().split()) for w in spec.get("negative_columns", ()) if w.strip())
        words = "|".join(re.escape(w) for w in sorted(spec.get("shorthand_denials", ()), key=len, reverse=True))
        # the shorthand opens its clause: after a label's colon, a bracket, a semicolon, a full stop or a line start
        self._shorthand = (
            re.compile(rf"(?:^|[:;(\[]|[.!?][ \t])[ \t]*(?<![\w-])(?:{words})[ \t]+\Z", re.IGNORECASE | re.MULTILINE)
            if words
            else None
        )
        # the single-word negation cues (no, without, denies ...): a warning cue opening with one is negation-headed
        self._negations = frozenset(
            m.literal.lower() for m in rules.modifiers
            if m.pattern is None and " " not in m.literal and rules.categories.get(m.category) == "negated"
        )  # fmt: skip

    def conditional_warnings(self, doc: Doc) -> frozenset[int]:
        """``conditional_warnings`` with this rule set's condition words (for ``scopes``)."""
        return conditional_warnings(doc, self._categories, self._conditions)

    def apply(self, note: NoteMentions) -> None:
        """The three denials of the module docstring, read on the symptom mentions."""
        symptoms = [t.i for t in note.mentions(SYMPTOM)]
        if not symptoms:
            return
        text = doc_text(note.doc)
        self._negative_cells(text, note.spans, symptoms, note.effects)
        self._shorthand_lists(text, note.spans, symptoms, note.effects)
        self._negation_headed_warnings(note, symptoms)

    # ------------------------------------------------------------------ a table's column of denials
    def _negative_cells(self, text: str, spans: Sequence[Span], symptoms: list[int], effects: Effects) -> None:
        if not self._columns or "|" not in text:
            return
        cells: list[tuple[int, int]] = []  # character ranges of the denial column's cells
        column: int | None = None
        in_table = False
        pos = 0
        for line in text.splitlines(keepends=True):
            start, pos = pos, pos + len(line)
            body = line.strip()
            if not body.startswith("|"):
                column, in_table = None, False  # the table ends at the first line without a bar
                continue
            parts = _cells(line, start)
            if not in_table:  # the table's first line is its header
                in_table = True
                names = [" ".join(text[a:b].lower().split()) for a, b in parts]
                column = next((k for k, name in enumerate(names) if name in self._columns), None)
                continue
            if column is None:
                continue
            if _CELL_SEPARATOR_ROW.match(body) or column >= len(parts):
                continue
            cells.append(parts[column])
        for i in symptoms:
            span = spans[i]
            if any(a <= span.start_char and span.end_char <= b for a, b in cells):
                effects[i].add("negated")
                effects[i].discard("warning")

    # ------------------------------------------------------------------ "Resp: neg cough/SOB"
    def _shorthand_lists(self, text: str, spans: Sequence[Span], symptoms: list[int], effects: Effects) -> None:
        if self._shorthand is None:
            return
        denied_ends: set[int] = set()
        for i in sorted(symptoms, key=lambda k: spans[k].start_char):
            span = spans[i]
            # both patterns end where the symptom starts: read back a short stretch of its line, not the whole
            # line (a long line read back from every symptom costs the square of its length)
            line_start = text.rfind("\n", 0, span.start_char) + 1
            start = max(line_start, span.start_char - _LOOK_BACK)
            joined = _LIST_JOIN.search(text, start, span.start_char)
            chained = joined is not None and joined.start() in denied_ends
            if chained or self._shorthand.search(text, start, span.start_char):
                denied_ends.add(span.end_char)
                # nothing stands between it and the denial; a warning told after it is the next item's ("neg cough,
                # new SOB": that one is not in the list, a word stands between)
                effects[i].add("negated")
                effects[i].discard("warning")

    # ------------------------------------------------------------------ "no trauma/fall/coughing fits"
    def _negation_headed_warnings(self, note: NoteMentions, symptoms: list[int]) -> None:
        doc, spans, effects = note.doc, note.spans, note.effects
        warnings = note.cues_by_target("warning")
        cue_tokens = {k for mod in doc._.context_graph.modifiers for k in range(*mod.modifier_span)}
        for i in symptoms:
            span = spans[i]
            if "warning" not in effects[i] or "negated" in effects[i]:
                continue
            # a warning told after the item ("coughing fits, worse lying on that side") may be the list's or the
            # item's: it decides nothing; one told before it, other than the negation-headed cue, is the item's
            before = [cue for cue in warnings.get((span.start, span.end), ()) if cue[1] <= span.start]
            if before and all(self._carried_by(doc, cue, span, cue_tokens) for cue in before):
                effects[i].discard("warning")
                effects[i].add("uncertain")

    def _carried_by(self, doc: Doc, cue: tuple[int, int], span: Span, cue_tokens: set[int]) -> bool:
        """The warning cue opens with a negation and stands before the symptom, joined to it as a list's items: a
        joiner between, a few words of items, no other cue ("not getting better, now short of breath" is no list)."""
        start, end = cue
        if span.start - end > LIST_REACH or doc[start].lower_ not in self._negations:
            return False
        between = doc[end : span.start]
        items = [t for t in between if t.lower_ not in _JOINERS]
        return (
            any(t.lower_ in _JOINERS for t in between)
            and len(items) <= ITEM_WORDS
            and not any(t.i in cue_tokens for t in items)
            and not any(t.is_sent_start for t in doc[end : span.end])
        )


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """The character ranges (in the note) of a barred line's cells, the first cell being the one after the first bar."""
    bars = [k for k, c in enumerate(line) if c == "|"]
    return [(offset + a + 1, offset + b) for a, b in itertools.pairwise(bars)]


def conditional_warnings(doc: Doc, categories: Mapping[str, str | None], conditions: Sequence[str]) -> frozenset[int]:
    """The first tokens of the warning cues that stand in the scope of a hypothetical cue worded as a condition (a
    word of ``conditions``: "return sooner if ... night pain", "call should ... worse"), after it: what would
    bring her back, not what a symptom is now. A hypothetical cue without one ("worse with") sets no condition."""
    words = [" ".join(w.lower().split()) for w in conditions if w.strip()]
    scopes = []
    for mod in doc._.context_graph.modifiers:
        if categories.get(mod.category) != "hypothetical":
            continue
        said = " " + " ".join(t.lower_ for t in doc[mod.modifier_span[0] : mod.modifier_span[1]]) + " "
        if any(f" {w} " in said for w in words):
            scopes.append((mod.modifier_span[0], *mod.scope_span))
    if not scopes:
        return frozenset()
    out = set()
    for mod in doc._.context_graph.modifiers:
        if categories.get(mod.category) != "warning":
            continue
        s = mod.modifier_span[0]
        if any(cue < s and a <= s < b for cue, a, b in scopes):
            out.add(s)
    return frozenset(out)
