"""Round 31 (lead): a hip or shoulder pain worse lying on that side is a pressure pain, not the pain of recumbency.

"Worse lying flat", "worse lying down" and "worse in bed" are warnings (spinal metastasis, raised intracranial
pressure) that keep a pain counted even when a soft-tissue cause is named beside it. "Worse lying on that side" was
read by the same cue, so a lateral hip pain diagnosed as trochanteric bursitis and relieved by an injection stayed a
red flag (v31 zb-013). Pain on lying on the affected side is a feature of greater trochanteric pain syndrome and of
shoulder soft-tissue pain: the cue now frees such a pain from the recumbency warning (context_rules.json, "worse
lying on that side"). It explains nothing by itself: with no cause named, the pain still counts.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes

SURV = "70F, L breast IDC 2015, pT1c N0, ER+ HER2-, lumpectomy, RT, 10 years of AI completed. Annual follow-up.\n"


@pytest.mark.parametrize(
    "line",
    [
        "R lateral hip pain x 2 mo, worse lying on that side, point tender over the greater trochanter; "
        "dx trochanteric bursitis by sports medicine, injected with good relief.",
        "L hip aches, worse when she lies on the left side; ortho: greater trochanteric pain syndrome, PT "
        "started and improving.",
        "R shoulder pain, worse sleeping on the right shoulder; rotator cuff tendinopathy on ultrasound, improving "
        "with physio.",
    ],
)
def test_a_pressure_pain_with_a_named_soft_tissue_cause_is_explained(line: str) -> None:
    note = SURV + line + "\n"
    assert "bone_pain" not in symptom_codes(note)


@pytest.mark.parametrize(
    "line",
    [
        # the same pain with no cause named still counts
        "R lateral hip pain x 2 mo, worse lying on that side.",
        # recumbency keeps its warning beside a soft-tissue cause
        "R hip pain x 2 mo, worse lying flat at night; thought to be trochanteric bursitis.",
        "Low back pain, worse lying down in bed at night, ?muscular strain.",
    ],
)
def test_recumbency_or_no_cause_still_counts(line: str) -> None:
    note = SURV + line + "\n"
    assert symptom_codes(note) & {"bone_pain", "back_pain"}
    assert decide_note(note)["systemic_imaging"] != "not_recommended"
