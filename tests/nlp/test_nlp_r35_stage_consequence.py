"""Round 35 (sixteenth pass, noticed): a stage IV told as the consequence of a finding not yet proven is no M1.

"If bone mets are found she would be stage IV": the stage is what a result would mean, not what she has. The
three-word consequence cue ("would be" and any word) overlapped a stage's own first word ("would be *stage* IV"), and a
cue that overlaps a target reaches none of it; it also cut the scope of the "if" before it. So the stage was read as M1
(unsafe: M1 without distant disease). The three-word cue now never takes a stage's first word, and the forward
"would be" covers the stage. Controls: a stage IV stated as a fact, beside a conditional about something else, stays M1.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, tumor

HEAD = "58F, new dx R breast IDC grade 2, 1.9 cm on US, axilla clinically neg (cN0), ER+ PR+ HER2 neg.\n"


@pytest.mark.parametrize(
    "line",
    [
        "If bone mets are found she would be stage IV.",
        "If the sclerotic focus at L2 is positive she would be stage IV and treated palliatively.",
        "She would be stage IV if the liver lesion turns out to be a met.",
        "Should the lung nodule prove malignant, she would be stage 4.",
        "If confirmed on biopsy, pt would be Stage IV (M1).",
    ],
)
def test_a_stage_iv_told_as_a_consequence_is_no_m1(line: str) -> None:
    note = HEAD + line + "\n"
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


@pytest.mark.parametrize(
    "line",
    [
        "She is stage IV with biopsy-proven bone mets; if pain worsens we would be happy to see her sooner.",
        "Stage IV (liver mets on biopsy). If she would like, we would be glad to discuss trials.",
        "Bone mets confirmed on biopsy of L2, so she is stage IV.",
    ],
)
def test_a_stated_stage_iv_beside_a_conditional_stays_m1(line: str) -> None:
    assert tumor(HEAD + line + "\n").get("m") == "M1"


def test_a_consequence_about_another_finding_still_reads_as_hypothetical() -> None:
    note = HEAD + "New bone pain would be an indication for a bone scan; none today.\n"
    assert decide_note(note)["systemic_imaging"] == "not_recommended"
