"""Section titles dictated without their colon ("FAMILY HISTORY Mother had breast cancer"), split from layout.py."""

from __future__ import annotations

import re

from rightscan.adapters.text.rules import Rules

_DICTATED_EFFECTS = frozenset({"family", "historical"})
# round 45z: a study named with its site ("MRI BREAST BILAT WO CONTRAST") is a report's or an order's title, no heading
_NEVER_DICTATED = frozenset({"study_result"})


def dictated_headings(rules: Rules) -> re.Pattern[str] | None:
    """Section titles (context.yaml) as a dictated heading: at the start of a line, followed by a space and the
    text, without the colon the title is written with. Only capitals count (checked by the caller): "Family
    history of breast cancer" in a sentence is no heading. Only the titles of sections that say whose or when
    (family history, past history) or that merely end the section before (HPI, ROS, assessment ...): a
    dictated "PLAN" or "EXAM" reaches to the end of the note, where the order reader's own cues decide."""
    titles = {t[: -len(" :")] for s in rules.sections if s.implies <= _DICTATED_EFFECTS
              and s.category not in _NEVER_DICTATED
              for t in s.titles if t.endswith(" :") and t[:-2].strip()}  # fmt: skip
    words = [r"[ \t]+".join(re.escape(w) for w in t.split()) for t in sorted(titles, key=len, reverse=True)]
    if not words:
        return None
    return re.compile(rf"^[ \t]*(?:{'|'.join(words)})(?P<gap> )(?=[A-Za-z0-9(])", re.IGNORECASE | re.MULTILINE)
