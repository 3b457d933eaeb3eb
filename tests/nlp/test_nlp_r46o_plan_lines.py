"""Round 46o (v46 bm-023, bm-030, bm-039, bm-012, bk-046, bm-009): a plan line in short clinician-to-clinician text.

A study asked for with a bare imperative ("get ...", "grab ..."), with the time it is to happen ending its clause
("... this wk."), or with its purpose alone ("... to eval.") is the study considered, though no "order",
"plan" or "recommend" word names it; a conditional next step after it ("if neg -> bone scan") is no second study. The
pelvis named before the films and the breast with the chest wall before an ultrasound are studies recognised
(annotation guide 2, order). Controls: a study said done, a study with its result after the time word, two studies
proposed together and a study declined keep their reading; a red-flag symptom in the same notes is still read.
Wordings of our own, not the v46 notes'. (At the merge the cues "today." and "today, <next step>" were dropped: a
two-word match holding "today" pruned the one-word "today" cue that keeps a relative's visit apart from the patient's
own complaint, so "Daughter came with her today; she has new back pain" lost its red flag, test_nlp_unsafe_v13a.)
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes


@pytest.mark.parametrize(
    ("note", "study"),
    [
        ("61F hx L breast ca 2019 s/p BCT. New firm L axillary node on exam. Reply from Dr K: pls get L axilla"
         " ultrasound, bx if suspicious.", "us_axilla"),
        ("58F hx R breast IDC 2018. Progressive cough x 6 wks, no fever. Discussed w/ attending: chest xray"
         " tonight, call w/ result.", "xray_chest"),
        ("67F hx L breast ca 2017 on AI. New L thigh pain x 4 wks, worse at night.\nR: grab an x-ray of the L femur;"
         " recheck ALP. if x-ray unremarkable -> bone scan", "xray_bone"),
        ("70F hx R breast ca 2016 s/p lumpectomy. R groin/hip ache x 5 wks, waking her.\nPelvis x-rays this week,"
         " CBC, see back in 10 days.", "xray_bone"),
        ("63F hx L breast ca 2020. Thoracic back ache for 2 months, not positional.\nThoracic spine radiographs"
         " to evaluate.", "xray_bone"),
        ("59F s/p L mastectomy 2021. New 6 mm nodule along the L mastectomy scar.\nR: L breast / chest wall"
         " ultrasound, pls advise", "us_breast"),
    ],
)
def test_a_plan_line_without_a_plan_word_names_the_study(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # a study said done today, or its result after the time word, is no order
        "60F hx R breast ca 2018. Mild cough, no fever. CXR done today. Lungs clear on exam.",
        "60F hx R breast ca 2018. Mild cough, no fever. CXR today, clear lungs, no effusion.",
        # two studies genuinely proposed together: no single order
        "64F hx L breast ca 2019. Rising CA 27-29.\nPls get CT chest/abd/pelvis w contrast and bone scan this week.",
        # a study only declined stays no order
        "57F hx L breast ca 2020, NED. Declined PET scan after discussion; will not get one.",
    ],
)
def test_controls_keep_their_reading(note: str) -> None:
    assert order_of(note) is None


def test_the_red_flag_in_a_plan_line_note_is_still_read() -> None:
    note = ("67F hx L breast ca 2017 on AI. New L thigh bone pain x 4 wks, worse at night.\n"
            "R: get radiographs of the L femur, add LFTs.")
    assert order_of(note) == "xray_bone"
    assert "bone_pain" in symptom_codes(note)
