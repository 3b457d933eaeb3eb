"""Round 42o (v41 blind set): in unpunctuated dictation a denial of the examination runs on into the plan's study.

Speech recognition without punctuation writes the examination and the plan as one sentence ("... no nodules plan m r
i of the brain ...", "... no jaundice i've requested an ultrasound of the abdomen ..."): the denial's reach covered
the study, the study was read as negated and the order was lost (v41 ax-010, ax-039). The plan word, or the writer's
own "I have requested / ordered / arranged", opens a new clause: the study after it is the plan's.
Controls: a plan that is itself denied ("no plan for", "no further imaging plan"), a denial after the opener ("plan no
MRI"), a conditional future ("if ... I will arrange"), and the denied symptoms and the metastasis reading unchanged.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes, tumor

_HX = (
    "dictation for mrs jane doe she is a 61 year old woman seen in follow up for left breast cancer she had a left "
    "lumpectomy in 2021 for a grade 2 invasive ductal carcinoma er positive she is on letrozole "
)


@pytest.mark.parametrize(
    ("tail", "study"),
    [
        (
            "she reports new hip pain worse at night for six weeks on examination no tenderness no swelling plan whole "
            "body bone scan and review with the result",
            "bone_scan",
        ),
        (
            "she reports a cough for two months that is getting worse chest is clear no clubbing i have ordered a ct "
            "chest abdomen pelvis with contrast and will see her after",
            "ct_cap_contrast",
        ),
        (
            "she has new right upper quadrant pain for three weeks no jaundice no hepatomegaly we have arranged an "
            "ultrasound of the abdomen this week",
            "us_abdomen",
        ),
        (
            "she describes new morning headaches with vomiting neurological examination no focal deficit i've "
            "requested an mri brain with and without contrast",
            "mri_head_wwo",
        ),
    ],
)
def test_plan_after_a_dictated_denial_is_the_order(tail: str, study: str) -> None:
    assert order_of(_HX + tail) == study


def test_a_plan_itself_denied_stays_denied() -> None:
    note = _HX + "she is well no new symptoms no plan for a bone scan at this stage review in six months"
    assert order_of(note) is None


def test_a_denial_after_the_plan_word_still_negates() -> None:
    note = _HX + "she is well examination normal no nodules plan no pet ct needed review in six months"
    assert order_of(note) is None


def test_a_conditional_future_stays_hypothetical() -> None:
    note = _HX + "she is well no bone pain if she develops bone pain i will arrange a bone scan review in a year"
    assert order_of(note) is None


def test_denied_symptoms_stay_denied_and_stated_ones_read() -> None:
    note = _HX + (
        "she reports new back pain worse at night no headache no weight loss plan mri of the spine with and without "
        "contrast"
    )
    codes = symptom_codes(note)
    assert "headache" not in codes and "weight_loss" not in codes
    assert any("back" in c for c in codes)


def test_a_real_metastasis_still_read() -> None:
    note = _HX + (
        "ct last week shows multiple liver metastases biopsy proven no jaundice plan i've requested an mri abdomen"
    )
    assert tumor(note).get("m") == "M1"
