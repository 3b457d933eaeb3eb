"""Round 50a: a template's field left filled after its gate question was answered no states nothing.

"Pain: [ ] yes [x] no   location: mid back", "Pain: ☐ Yes ☒ No   Location: lumbar spine", "Pain present? N   Pain
location: lower back". A nursing form's pain row asks first whether there is pain (the gate) and then where, how bad,
since when (its fields). The layout answers the gate no (``layout.normalise_marked`` marks its label "negated"), but
the target phrase that reads a pain row's location as back pain ("Pain: location: mid back", round 49m; "Pain location:
low back", round 23a) reaches past that label, or stands after it on the line, so the mark never covered it and the
back pain was raised from a form whose answer is no. A clinician reads the row as contradicting itself: the box says no
pain, the field names a place. Such a mention is left to confirm (uncertain), never raised and never dropped.

A symptom mention (not already inside the answered label) is read so when, on its own line,

- it runs through a label the layout answered no (it starts before the label's end and ends after its start), or
- it comes after such a label and opens with one of the row's fields (``gate_fields`` in context.yaml layout:
  "location", "site", "severity" ...), either bare or named with a word of the gate's own label ("Pain location"
  after "Pain present?"), with no other question's label between the two ("Cough: [ ] Y [x] N  Pain location:" is
  another row's field only when "pain" is the cough gate's word, which it is not).

A row answered yes ("Pain [x] yes [ ] no location: mid back") carries no negated mark: it reads as before; so does an
examination finding told after a denied pain ("Pain: no. Back: tender at L2 on exam": no field opens it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[a-z]+")
_LABEL = re.compile(r"([A-Za-z][A-Za-z /]*?)\s*[:?]")  # a question's label: words before a colon or a query mark


class GateAnswers:
    """Which symptom mentions are a field of a row whose gate is answered no (module doc)."""

    def __init__(self, fields: Iterable[str]) -> None:
        listed = sorted({" ".join(f.lower().split()) for f in fields if f.strip()}, key=len, reverse=True)
        self._fields = frozenset(listed)
        alts = "|".join(r"\s+".join(re.escape(p) for p in f.split()) for f in listed) or "(?!)"
        # a field label at the start of the mention: an optional word of the gate's label, then the field and its colon
        self._opens = re.compile(rf"\s*(?:([A-Za-z]+)\s+)?(?:{alts})\s*[:\-]", re.IGNORECASE)

    def left_after_no(self, text: str, marks: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
        """Whether the mention at ``start``-``end`` of ``text`` is a field filled after a gate answered no."""
        if not self._fields:
            return False
        line_start = text.rfind("\n", 0, start) + 1
        gates = sorted((s, t) for s, t, effect in marks if effect == "negated" and line_start <= s < end)
        for s, t in reversed(gates):
            if s <= start and end <= t:
                return False  # inside the answered label: the layout's own "no" reads it
            if start < t:
                return True  # the mention runs through the answered row
            if self._field_of(text, s, t, start):
                return True
        return False

    def _field_of(self, text: str, s: int, t: int, start: int) -> bool:
        between = text[t:start]
        if "\n" in between:
            return False
        labels = [" ".join(x.lower().split()) for x in _LABEL.findall(between)]
        if any(x not in self._fields for x in labels):
            return False  # another question's label stands between
        m = self._opens.match(text, start)
        if m is None:
            return False
        named = m.group(1)
        return named is None or named.lower() in set(_WORD.findall(text[s:t].lower()))
