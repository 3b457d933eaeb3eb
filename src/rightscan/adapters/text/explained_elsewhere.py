"""Round 14v-b: a symptom the note explains in one place and restates plainly after it.

A note may attribute a symptom to a benign cause ("a throbbing headache identical to her usual migraines") and name it
again further down without a qualifier ("ROS: + headache", "Headache 8/10 -> 1/10" after treatment). Mentions before
the explanation are read with it (course_explained.explained_later); a plain mention after it cannot surely be read as a
present red flag (the same headache restated) nor as explained (a second complaint): the note is unclear, so the
symptom is neither stated nor dropped but sent to confirmation. A mention with a warning qualifier (new, different
from usual, at night ...), or named in the plan as the reason of a study to come, is left alone: it stands as a red
flag, whatever the note explained before. Round 42m (v42 ay-047): so does a neurologic deficit found on examination
("Exam now: mild expressive aphasia, R pronator drift"): the examiner's sign, not the complaint told again
(explained_before.exam_neuro_sign).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rightscan.adapters.text.explained_before import exam_neuro_sign

REASON = "restated after the note explains it by a benign cause"
CONFIRM_REASON = "the note explains this symptom by a benign cause and names it again later: confirm whether it is new"
_NOT_AN_EXPLANATION = frozenset({"negated", "hypothetical", "family", "warning"})
# a restatement that stands as written: with a warning qualifier, or named in the plan as the reason of a study to come
# ("CXR before surgery given the persistent cough"): the writer's present concern, whatever was explained before
_STANDS = frozenset({"warning", "proposed"})


def restated_after_explanation(cands: Sequence[Any]) -> list[Any]:
    """The symptom candidates (assemble.Candidate) still used that come after an unused mention of the same symptom
    that the note explains (``explained``, not negated, hypothetical, a relative's or with a warning), and carry no
    warning themselves and are not named in the plan as a study's reason; each is set unused with its reason and
    returned, for the caller to send to confirmation."""
    first: dict[Any, int] = {}
    for c in cands:
        e = c.mention.effects
        if c.field == "symptoms" and not c.used and "explained" in e and not e & _NOT_AN_EXPLANATION:
            first[c.value] = min(first.get(c.value, c.mention.start), c.mention.start)
    out = []
    for c in cands:
        if (
            c.field == "symptoms"
            and c.used
            and c.value in first
            and c.mention.start > first[c.value]
            and not c.mention.effects & _STANDS
            and not _exam_sign(c.mention)
        ):
            c.used, c.reason = False, REASON
            out.append(c)
    return out


def _exam_sign(mention: Any) -> bool:
    """Whether the mention is a neurologic deficit on a line an examination heading opens (round 42m)."""
    sentence = mention.sentence or ""
    offset = mention.start - mention.sentence_start if mention.sentence_start >= 0 else 0
    return exam_neuro_sign(mention.rule, sentence, max(0, min(offset, len(sentence))))
