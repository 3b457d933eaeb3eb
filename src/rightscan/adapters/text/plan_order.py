"""Round 14v-a: a treatment named as the time of a step still to come is the plan's, not treatment given.

A tumour board or a consult lays out the order of the first treatment ("Surgery after chemo.", "post-chemo MRI to
assess response"): "after chemo" there dates a step of the plan, while "s/p chemo" or "after chemo in 2019" tells
treatment given. Read as given, it made an untreated cancer an earlier treated one, and a new finding of its staging a
suspected recurrence. ``step_to_come`` says whether a treatment clue lies inside the words of values.yaml
``clue.step_after_treatment`` in a sentence that is neither dated (a year) nor told in the past, so that
``note_setting`` sets it aside; the setting is then read from the rest of the note (a cancer proven by tissue and being
worked up is a new diagnosis). Only ever takes a treatment clue away from the setting's reading.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.model import Mention

STEP = "clue.step_after_treatment"  # values.yaml (round 14v-a)
_TOLD_DONE = frozenset({"past", "historical", "negated", "hypothetical", "family"})
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def step_to_come(treatment: Mention, mentions: list[Mention]) -> bool:
    """Whether the treatment clue names the time of a step of a plan, not treatment given."""
    if treatment.effects & _TOLD_DONE or _YEAR.search(treatment.sentence):
        return False
    return any(
        m.rule == STEP
        and m.sentence == treatment.sentence
        and not m.effects & _TOLD_DONE
        and m.start <= treatment.start
        and treatment.end <= m.end
        for m in mentions
    )
