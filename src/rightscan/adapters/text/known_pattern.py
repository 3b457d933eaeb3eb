"""Round 53e: a symptom the note has told, once, as the usual of a known benign illness is that illness's everywhere.

"HEADACHE CLINIC - expedited new pt. 36 yo woman, migraine with visual aura since age 15 ... Pattern unchanged for years
- no change in frequency, character or aura ... Her oncologist suggested she see us since she gets headaches ...
Impression: typical episodic migraine w/ aura, stable ... explained her headache pattern doesn't point to brain
involvement" (v53 cg-031). ``chronic_baseline.py`` explains a headache told with the illness and a stable word in its
own sentence; here the clinic's name, the referral's "she gets headaches" and the plan's "her headache pattern" stand
sentences or paragraphs away from the migraine, so each was raised as a red flag. A clinician reads the note as one
story: the patient's headaches are the migraine the note has described as unchanged for years.

For an illness of ``chronic_baseline.conditions`` marked ``note_wide`` (a primary headache disorder), a plain mention of
a symptom it explains (not denied, past, a relative's, asked, already explained or warned, and not told with a recent
onset: ``status_onset``'s "x 3 wks") is explained anywhere in the note when

- a sentence of the note names the illness, not doubted around it (``NamedCauses.affirmed``: "?migraine", "r/o",
  "migraine vs mass" name nothing), with a stable word (``chronic_baseline.stable_words``: "pattern unchanged for
  years", "same pattern", "stable") in that sentence or the next one of its paragraph;
- no warning cue (not negated: "none waking her" is reassurance) stands in those sentences, nor on any mention of the
  symptom in the note (new, worse, different from usual, at night: the guide's warning qualifiers);
- no mention of ``note_wide_blockers`` stands in the note (a focal neurologic deficit or a seizure: a headache with
  neurologic signs counts whatever its cause).

Round 54e: the mentions are explained only when that sentence is the clinician's conclusion, on an assessment line
(``NamedCauses.assessed``: "Impression: typical episodic migraine w/ aura, stable"); told only in the history ("migraine
since age 15 ... Pattern unchanged"), the illness leaves the headache named elsewhere to confirm: a headache restated
as a current complaint (a ROS's "+ headache", a checklist's row without its pointer, a pain score after treatment) may
not be the usual one (test_nlp_unsafe_v14b.py, test_nlp_r28_v28_classes.py).

Plain pass over one note's mentions (``rule_pass.NoteMentions``); every word is data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.named_causes import NamedCauses
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

# round 57u (v57 cr-043): a question no longer blocks: "She asked 'what about my headaches?'" beside "migraine since her
# teens - same pattern" asks about the usual headaches, so it is read as any plain mention (to confirm or explained)
_BLOCKING = frozenset({"explained", "negated", "hypothetical", "family", "historical", "warning"})
_NOT_THE_PATIENTS = frozenset({"negated", "hypothetical", "family"})
_STANDS_NOT = frozenset({"negated", "hypothetical", "family", "historical", "explained"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class KnownPattern:
    """The ``note_wide`` illnesses of ``chronic_baseline`` (module doc), compiled once per rule set."""

    def __init__(
        self,
        conditions: Mapping[str, re.Pattern[str]],
        stable: re.Pattern[str] | None,
        blockers: Sequence[str],
    ) -> None:
        self.conditions = dict(conditions)
        self.stable = stable
        self.blockers = frozenset(blockers)

    def apply(
        self, note: NoteMentions, families: frozenset[str], recent: AbstractSet[int], warned: Any, named: NamedCauses
    ) -> None:
        """Explain the plain mentions of a code whose illness the note tells as unchanged (``warned``: lo, hi, label ->
        whether a warning cue not negated stands there for that rule; ``named``: its test of a cause told, not doubted
        nor denied)."""
        if not self.conditions or self.stable is None:
            return
        standing = set()
        warned_codes = set()
        for _, _span, d, e in note.mentions(ANY_SYMPTOM, without=_NOT_THE_PATIENTS):
            if "warning" in e:
                warned_codes |= _codes(d)
            if not e & _STANDS_NOT:
                standing |= _codes(d)
        if standing & self.blockers:
            return
        text = doc_text(note.doc)
        for code, pattern in self.conditions.items():
            if code in warned_codes:
                continue
            mentions = [t for t in note.mentions(families, without=_BLOCKING) if code in _codes(t.d)]
            if not mentions:
                continue
            told = self._told_unchanged(note, text, pattern, mentions[0].span.label_, warned, named)
            if told is None:
                continue
            for i, _span, _d, e in mentions:
                if i not in recent:
                    e.add(told)

    def _told_unchanged(
        self, note: NoteMentions, text: str, pattern: re.Pattern[str], label: str, warned: Any, named: NamedCauses
    ) -> str | None:
        """A sentence names the illness, affirmed, with a stable word in it or in the next sentence of its paragraph,
        and no warning there: "explained" when an assessment line tells it so (round 54e: the clinician's own
        conclusion, "Impression: typical episodic migraine w/ aura, stable"), else "uncertain" (the history's "migraine
        since age 15, pattern unchanged" leaves the headache the note restates elsewhere, a ROS's "+ headache", a
        checklist's row, a pain score, to confirm: test_nlp_unsafe_v14b.py, test_nlp_r28_v28_classes.py); None when no
        sentence tells it unchanged."""
        assert self.stable is not None
        assessed = named.assessed(text)
        told = None
        spans = [s for s in note.sents.spans if text[s.start_char : s.end_char].strip()]
        for j, sent in enumerate(spans):
            lo, hi = sent.start_char, sent.end_char
            if not any(named.affirmed(text, m, lo, dated=True) for m in pattern.finditer(text, lo, hi)):
                continue
            nxt = spans[j + 1] if j + 1 < len(spans) else None
            joined = nxt is not None and not _BLANK_LINE.search(text, hi, nxt.start_char + 1)
            hi2 = nxt.end_char if joined and nxt is not None else hi  # the next sentence of its paragraph
            if self.stable.search(text, lo, hi2) is None or warned(lo, hi2, label.upper()):
                continue
            if any(a <= lo < b for a, b in assessed):
                return "explained"
            told = "uncertain"
        return told


def _codes(d: Mapping[str, Any]) -> set[str]:
    """The symptom codes a mention states or leaves possible ("HA", an abbreviation to confirm)."""
    out = {f.value for f in d["findings"] if f.field == "symptoms" and isinstance(f.value, str)}
    return out | {v for v in d.get("confirm_values") or () if isinstance(v, str)}
