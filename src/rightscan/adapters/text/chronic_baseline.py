"""Round 10a: a symptom the note gives as the patient's usual with a named chronic illness is explained.

Notes of older patients carry the symptoms of their other illnesses: "DOE at 20 m, same as the last three visits"
under a heart-failure problem, "baseline mild DOE from HFpEF", "SOB 4 = her usual with COPD", "back ache from her
lumbar spondylosis, unchanged for years". A symptom is explained (``explained``) when the words around it say both

- that it is unchanged: a stable word (``chronic_baseline.stable_words`` in context.yaml: baseline, usual,
  unchanged, same as last, chronic, stable ...), in its own sentence on its own line; and
- what it comes from: a chronic illness whose usual course gives that symptom (``chronic_baseline.conditions``: a
  heart or lung illness for breathlessness and cough, a joint or spine illness for back and bone pain), named in
  the same sentence on its line, or heading its line as a problem ("2. COPD - chronic productive cough ...").

Never when a warning cue stands in that sentence on its line (new, worse, progressive, at rest, different from
usual; a negated one, "no new symptoms", is reassurance), nor for a symptom already denied, hypothetical, past,
explained or a relative's. One without the other explains nothing: "SOB, has COPD" may be a new breathlessness,
and "DOE unchanged" may be unchanged from last week's new symptom.

An illness that flares and settles (``exacerbations: true``: heart failure, COPD) also ends its flare: a symptom an
admission presented with ("presented w/ orthopnea, worsening DOE"), whatever its warning, is over when later in the
same paragraph the same symptom is said resolved to the patient's usual (a resolution with a stable word: "Dyspnea
resolved to baseline by day 4") and the paragraph names the illness: ``historical``. Never for pain: new night
pain "back to baseline" on analgesia is still a red flag.

A form row's comment line (round 16a): a checked symptom row ("Neuro: headache [x]Y [ ]N ...") is often followed by a
line that comments on it ("   comment: lifelong migraines since her 20s, same pattern, no change in frequency"), led by
a comment word (``chronic_baseline.comment_leads``), perhaps in brackets (round 17a: "(MA clarif: ...)"). That line
is read as the symptom's own: the illness and the
stable word both in it explain the symptom the illness gives (migraine a headache, not the weakness or seizure of the
same row), unless a warning cue stands in the symptom's line or the comment ("but this one is different").

Passes over one note's mentions (``rule_pass.NoteMentions``); every word is data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.known_pattern import KnownPattern
from rightscan.adapters.text.rule_pass import NoteMentions
from rightscan.adapters.text.rules import RulesError

# How far into its line (characters after any numbering) an illness heading the line may start ("1. HFpEF - ...",
# "#COPD: ...", "Heart failure (HFrEF) - ...")
HEAD_CHARS = 24
# How far (characters) a stable word may stand after the symptom ("DOE at ~20 m, same as last 3 visits") or before it
# ("baseline mild DOE"), and how far after the stable word a study or value makes it theirs ("stable disease on CT")
STABLE_AFTER = 60
POINTER_LINES = 12  # round 28: how far below a row pointing to it its comment line may stand
COMMENT_LEAD_MAX = 40  # the longest comment lead a comment line right after the row may have
STABLE_BEFORE = 24
SUBJECT_AFTER = 16
HEADING_CHARS = 60  # the longest line above the symptom's that may head it as a problem
_NUMBERING = re.compile(r"[ \t]*(?:#[ \t]*|\d{1,2}[.)][ \t]*|[-*•][ \t]+)?")
_BLOCKING = frozenset({"explained", "negated", "hypothetical", "family", "historical", "warning"})


def word_pattern(words: Iterable[str], unless_after: Iterable[str] = ()) -> re.Pattern[str] | None:
    """Whole words, case-insensitive; none of them followed (one word may stand between) by one of ``unless_after``,
    nor right after one of its single words (round 50n: "Paget's" is a bone disease, "Paget's disease of the nipple"
    and "nipple Paget's" a breast cancer)."""
    listed = sorted({" ".join(w.lower().split()) for w in words if w.strip()}, key=len, reverse=True)
    if not listed:
        return None
    alts = "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in listed)
    others = sorted({" ".join(w.lower().split()) for w in unless_after if w.strip()}, key=len, reverse=True)
    guard = ""
    if others:
        named = "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in others)
        guard = rf"(?![ \t]+(?:[\w'-]+[ \t]+)?(?:{named})\b)"
    # one of those words right before it ("nipple Paget's") names the other disease as well
    lead = "".join(rf"(?<!\b{re.escape(w)} )" for w in others if " " not in w)
    return re.compile(rf"{lead}(?<![\w/-])(?:{alts})(?![\w/-]){guard}", re.IGNORECASE)


def _heads(pattern: re.Pattern[str], text: str, line_start: int, before: int) -> bool:
    """Whether the illness heads the line starting at ``line_start`` (within ``HEAD_CHARS`` of its first word after
    any numbering), before the character ``before``."""
    head = _NUMBERING.match(text, line_start).end()  # type: ignore[union-attr]
    m = pattern.search(text, head, before)
    return m is not None and m.start() - head <= HEAD_CHARS


def _headed(pattern: re.Pattern[str], text: str, at: int) -> bool:
    """Whether the illness heads the line of the character ``at`` ("2. COPD - chronic cough, no change"), or the short
    heading line right above it ("# HFpEF (EF 55%)" over "- DOE at one block, unchanged")."""
    line_start = text.rfind("\n", 0, at) + 1
    if _heads(pattern, text, line_start, at):
        return True
    if line_start == 0:
        return False
    above = text.rfind("\n", 0, line_start - 1) + 1
    heading = text[above : line_start - 1]
    return bool(heading.strip()) and len(heading) <= HEADING_CHARS and _heads(pattern, text, above, line_start - 1)


class ChronicBaseline:
    """``chronic_baseline`` of context.yaml, compiled once per rule set."""

    def __init__(
        self,
        spec: Mapping[str, Any],
        symptom_codes: frozenset[str],
        status: Mapping[str, Sequence[str]],
    ) -> None:
        self._stable = word_pattern(spec.get("stable_words", ()))
        # what a stable word may speak of instead of the symptom: a study, a test or a value (carried_explanation's
        # status_subjects and status_subject_families: "baseline CT for DOE", "SOB; mets stable on CT")
        self._subjects = word_pattern(status.get("subjects", ()))
        self._subject_families = frozenset(status.get("families", ()))
        by_symptom: dict[str, list[str]] = {}
        flaring: dict[str, list[str]] = {}
        for cond in spec.get("conditions", ()):
            for code in cond["explains"]:
                if symptom_codes and code not in symptom_codes:
                    raise RulesError(f"context.yaml: chronic_baseline: {code!r} is not a symptom code")
                by_symptom.setdefault(code, []).extend(cond["words"])
                if cond.get("exacerbations"):
                    flaring.setdefault(code, []).extend(cond["words"])
        others = spec.get("other_disease_after", ())
        self._conditions = {
            code: p for code, words in by_symptom.items() if (p := word_pattern(words, others)) is not None
        }
        leads = word_pattern(spec.get("comment_leads", ()))
        # possessive blanks (fourteenth pass F1): "[ \t]*\(?[ \t]*" split a blank-led line every way, in quadratic time
        self._comment = (
            re.compile(rf"[ \t]*+\(?[ \t]*+(?:{leads.pattern})[ \t]*+[:\-–]", re.IGNORECASE) if leads else None
        )
        self._flaring = {code: p for code, words in flaring.items() if (p := word_pattern(words)) is not None}
        self._pointer = word_pattern(spec.get("comment_pointers", ()))  # round 28: "Headache [X] Y  -> see comment"
        # round 53e (known_pattern.py): an illness told unchanged once explains its symptom anywhere in the note
        wide: dict[str, list[str]] = {}
        for cond in spec.get("conditions", ()):
            if cond.get("note_wide"):
                for code in cond["explains"]:
                    wide.setdefault(code, []).extend(cond["words"])
        self._known = KnownPattern(
            {code: p for code, words in wide.items() if (p := word_pattern(words, others)) is not None},
            self._stable,
            spec.get("note_wide_blockers", ()),
        )

    def note_wide(self, note: NoteMentions, families: frozenset[str], recent: AbstractSet[int], named: Any) -> None:
        """Round 53e (known_pattern.py): a symptom the note told once as the usual of a ``note_wide`` illness."""
        mods = self._warnings_and_negations(note)
        self._known.apply(note, families, recent, lambda lo, hi, label: self._warned(mods, label, lo, hi), named)

    def _symptoms(self, d: Mapping[str, Any]) -> set[str]:
        """The symptom codes a mention states or leaves possible."""
        out = {f.value for f in d["findings"] if f.field == "symptoms" and isinstance(f.value, str)}
        return out | {v for v in d.get("confirm_values") or () if isinstance(v, str)}

    def apply(self, note: NoteMentions, families: frozenset[str], recent: AbstractSet[int] = frozenset()) -> None:
        """Add ``explained`` to each symptom mention (of ``families``) the note gives as usual with its illness; not to
        those of ``recent`` (round 48u, status_onset.py: a recent onset told with a bare status word, "back pain x 3
        wks, stable": unchanged since it began, not from its illness's usual course)."""
        if self._stable is None or not self._conditions:
            return
        text = doc_text(note.doc)
        mods = None
        subject_starts: list[int] | None = None
        for i, span, d, e in note.mentions(families, without=_BLOCKING):
            conditions = [self._conditions[c] for c in self._symptoms(d) if c in self._conditions]
            if not conditions or i in recent:
                continue
            lo, hi = self._window(text, span, note)
            if subject_starts is None:
                subject_starts = [t.span.start_char for t in note.mentions(self._subject_families)]
            comment = self._comment_line(text, span)
            unchanged = self._said_unchanged(text, span, lo, hi, subject_starts)
            # round 26 (v26 blind): the illness named elsewhere in the note ("PMH: COPD GOLD 3 on LTOT" above
            # "breathless on dressing and productive morning cough - both her baseline for 2-3 yrs")
            if unchanged and any(p.search(text, lo, hi) or _headed(p, text, span.start_char) or p.search(text)
                                 for p in conditions):  # fmt: skip
                hi_warn = hi
            elif comment is not None and self._comment_explains(text, comment, conditions, subject_starts):
                hi_warn = comment[1]
            else:
                continue
            if mods is None:
                mods = self._warnings_and_negations(note)
            # a comment pointed to further down: the rows between are other items, their words are not this one's
            line_end = text.find("\n", span.end_char)
            if hi_warn != hi and comment is not None and comment[0] > line_end + 1 + COMMENT_LEAD_MAX:
                if self._warned(mods, span.label_.upper(), lo, line_end) or self._warned(
                    mods, span.label_.upper(), comment[0], comment[1]
                ):
                    continue
            elif self._warned(mods, span.label_.upper(), lo, hi_warn):
                continue
            e.add("explained")
        self._comment_warnings(note, families, text)

    def _comment_warnings(self, note: NoteMentions, families: frozenset[str], text: str) -> None:
        """A symptom explained (by any cue) whose comment line carries a warning cue that may act on it ("headache
        [x]Y" over "comment: migraines since her 20s, now more frequent"): the warning told of it qualifies it, as it
        would in its own sentence; it is no longer explained."""
        if self._comment is None:
            return
        mods = None
        for _, span, _d, e in note.mentions(families, having={"explained"}, without=_BLOCKING - {"explained"}):
            comment = self._comment_line(text, span)
            if comment is None:
                continue
            if mods is None:
                mods = self._warnings_and_negations(note)
            if self._warned(mods, span.label_.upper(), comment[0], comment[1]):
                e.discard("explained")
                e.add("warning")
            elif self._of_another(note, span, comment, _d, text):
                e.discard("explained")
        # round 22n: a mention told inside such a comment line ("(MA clarif: tension HAs no change, new pattern)") is
        # the row's symptom told again: a warning of the line qualifies it as it qualifies the row's, so its "no
        # change" no longer explains the row away (course_explained.explained_later)
        for _, span, _d, e in note.mentions(families, having={"explained"}, without=_BLOCKING - {"explained"}):
            line = self._within_comment(text, span)
            if line is None:
                continue
            if mods is None:
                mods = self._warnings_and_negations(note)
            if self._warned(mods, span.label_.upper(), *line):
                e.discard("explained")
                e.add("warning")

    def _within_comment(self, text: str, span: Any) -> tuple[int, int] | None:
        """The comment line (its text after the lead) that holds the mention, else None."""
        assert self._comment is not None
        start = text.rfind("\n", 0, span.start_char) + 1
        m = self._comment.match(text, start)
        if m is None or m.end() > span.start_char:
            return None
        end = text.find("\n", span.end_char)
        return m.end(), len(text) if end < 0 else end

    def _of_another(
        self, note: NoteMentions, span: Any, comment: tuple[int, int], d: Mapping[str, Any], text: str
    ) -> bool:
        """Whether a row's symptom is explained only by cues of its comment line while that line names the illness
        of another symptom and none of its own ("headache [x]Y ... seizure [x]Y" over "comment: lifelong migraines,
        same pattern"): the comment speaks of the headache, and the seizure stays as ticked."""
        lo, hi = comment
        mine = [self._conditions[c] for c in self._symptoms(d) if c in self._conditions]
        if any(p.search(text, lo, hi) for p in mine):
            return False
        if not any(p.search(text, lo, hi) for c, p in self._conditions.items() if c not in self._symptoms(d)):
            return False
        doc = note.doc
        here = (span.start, span.end)
        cues = [m.modifier_span for t, m in doc._.context_graph.edges
                if (t.start, t.end) == here and note.categories.get(m.category) == "explained"]  # fmt: skip
        return bool(cues) and all(lo <= doc[s].idx < hi for s, _t in cues)

    def _comment_line(self, text: str, span: Any) -> tuple[int, int] | None:
        """The line right after the symptom's, when a comment word leads it ("   comment: lifelong migraines ...")
        (character offsets of its text after the lead), else None."""
        if self._comment is None:
            return None
        nl = text.find("\n", span.end_char)
        if nl < 0:
            return None
        m = self._comment.match(text, nl + 1)
        if m is None and self._pointer is not None and self._pointer.search(text, span.end_char, nl):
            m = self._pointed(text, nl + 1)  # round 28: the row points to a comment further down the form
        if m is None:
            return None
        end = text.find("\n", m.end())
        return m.end(), len(text) if end < 0 else end

    def _pointed(self, text: str, start: int) -> re.Match[str] | None:
        """The first comment line in the lines after a row that points to it ("-> see comment"), up to a blank line
        or POINTER_LINES lines."""
        assert self._comment is not None
        for _ in range(POINTER_LINES):
            if start >= len(text) or text[start] == "\n":
                return None
            m = self._comment.match(text, start)
            if m is not None:
                return m
            nl = text.find("\n", start)
            if nl < 0:
                return None
            start = nl + 1
        return None

    def _comment_explains(
        self, text: str, comment: tuple[int, int], conditions: Sequence[re.Pattern[str]], subject_starts: Sequence[int]
    ) -> bool:
        """Whether a comment line names both an illness that gives the symptom and a stable word not speaking of a
        study, test or value ("lifelong migraines, same pattern, no change in frequency")."""
        assert self._stable is not None
        lo, hi = comment
        if not any(p.search(text, lo, hi) for p in conditions):
            return False
        for m in self._stable.finditer(text, lo, hi):
            if not self._names_subject(text, m.start(), min(hi, m.end() + SUBJECT_AFTER), subject_starts):
                return True
        return False

    def _said_unchanged(self, text: str, span: Any, lo: int, hi: int, subject_starts: Sequence[int]) -> bool:
        """Whether a stable word in the window speaks of the symptom: close after it in its clause ("DOE at 20 m, same
        as last visit"; no ";" between) or just before it ("baseline mild DOE"), with no study, test or value named
        between the two or right after the stable word ("baseline CT for SOB"; "SOB, mets stable on CT")."""
        assert self._stable is not None
        for m in self._stable.finditer(text, lo, hi):
            if m.start() >= span.end_char:
                a, b, reach = span.end_char, m.start(), STABLE_AFTER
            elif m.end() <= span.start_char:
                a, b, reach = m.end(), span.start_char, STABLE_BEFORE
            else:
                a, b, reach = span.start_char, span.start_char, 0
            if b - a > reach or ";" in text[a:b] or self._names_subject(text, a, b, subject_starts):
                continue
            if self._names_subject(text, m.end(), min(hi, m.end() + SUBJECT_AFTER), subject_starts):
                continue
            return True
        return False

    def _names_subject(self, text: str, a: int, b: int, subject_starts: Sequence[int]) -> bool:
        if any(a <= s < b for s in subject_starts):
            return True
        return self._subjects is not None and self._subjects.search(text, a, b) is not None

    @staticmethod
    def _window(text: str, span: Any, note: NoteMentions) -> tuple[int, int]:
        """The symptom's sentence, cut to its line (character offsets)."""
        sent = note.sents.of(span.start)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        nl = text.find("\n", span.end_char)
        return max(sent.start_char, line_start), min(sent.end_char, len(text) if nl < 0 else nl)

    def flare_resolved(self, note: NoteMentions, families: frozenset[str]) -> None:
        """A flare's presenting symptom resolved to baseline later in its paragraph, the flaring illness named there
        (module docstring): historical. Run by resolved_later.py (round 12a), with the other resolution read later."""
        if self._stable is None or not self._flaring:
            return
        text = doc_text(note.doc)
        for i, span, d, e in note.mentions(families, without=_BLOCKING - {"warning"}):
            codes = {c for c in self._symptoms(d) if c in self._flaring}
            if not codes:
                continue
            start = span.start_char
            para = text.rfind("\n\n", 0, start) + 1
            for later in note.mentions(families, having={"historical"}, without=_BLOCKING - {"historical"}):
                if later.i == i or later.span.start_char <= start:
                    continue
                same = codes & self._symptoms(later.d)
                if not same:
                    continue
                if "\n\n" in text[start : later.span.start_char]:
                    break
                lo, hi = self._window(text, later.span, note)
                if self._stable.search(text, lo, hi) and any(self._flaring[c].search(text, para, hi) for c in same):
                    e.add("historical")
                    break

    @staticmethod
    def _warnings_and_negations(note: NoteMentions) -> tuple[list[tuple[int, int, Any]], set[int]]:
        """The note's warning cues (first character, last token, modifier) and the tokens negation cues end on."""
        doc = note.doc
        warnings, negated_end = [], set()
        for mod in doc._.context_graph.modifiers:
            effect = note.categories.get(mod.category)
            s, t = mod.modifier_span
            if effect == "warning":
                warnings.append((doc[s].idx, s, mod))
            elif effect == "negated":
                negated_end.add(t)
        return warnings, negated_end

    @staticmethod
    def _warned(mods: tuple[list[tuple[int, int, Any]], set[int]], label: str, lo: int, hi: int) -> bool:
        """A warning cue (not negated: "no new symptoms") in the text from ``lo`` to ``hi`` that may act on the
        symptom (its rule's allowed and excluded types)."""
        warnings, negated_end = mods
        return any(lo <= c < hi and s not in negated_end and s - 1 not in negated_end and mod.allows(label)
                   for c, s, mod in warnings)  # fmt: skip
