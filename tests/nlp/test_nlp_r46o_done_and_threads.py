"""Round 46o (v46 bl-025, bm-026, bm-046): a done study read as a candidate, and a thread that settles the study.

A study followed by a colon and the finding it showed is a report, even when the writer doubts the finding with a
question mark before it ("CT head (ED): ?hypodensity"): the question is on the finding, not on the study, and the
study the plan proposes is the order (study_reported.py). Options the note asks between ("CT chest, or full CT CAP?")
are settled by a later reply proposing one of them alone (study_changes.chosen_studies). Controls: a question about
the study itself after the colon, options never answered, and the red flags and metastases stay as they were.
Wordings of our own, not the v46 notes'.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of, symptom_codes


@pytest.mark.parametrize(
    ("note", "study"),
    [
        ("52F hx R breast ca 2019 (HER2+). New L arm weakness and headache x 3 days.\nCT brain non-con (OSH 2/3):"
         " ?small R parietal lesion, no bleed.\nPlan: MRI brain w/wo contrast tonight.", "mri_head_wwo"),
        ("47F hx TNBC 2022. Confusion since yesterday. CT head: ?R temporal mass w/ surrounding edema. Pls get MRI"
         " brain w/wo.", "mri_head_wwo"),
        ("66F hx L breast ca 2018. Hip pain. XR L hip: ?lucency femoral neck. Bone scan ordered.", "bone_scan"),
    ],
)
def test_a_study_with_its_doubted_finding_is_done(note: str, study: str) -> None:
    assert order_of(note) == study


def test_the_doubted_finding_keeps_its_red_flags() -> None:
    note = ("52F hx R breast ca 2019 (HER2+). New L arm weakness and headache x 3 days.\nCT brain non-con (OSH 2/3):"
            " ?small R parietal lesion, no bleed.\nPlan: MRI brain w/wo contrast tonight.")
    assert symptom_codes(note) & {"neurologic_deficit", "headache"}
    assert facts(note).get("tumor", {}).get("m") != "M1"  # a doubted lesion never makes M1


def test_a_question_about_the_study_after_the_colon_is_not_a_report() -> None:
    assert order_of("60F hx L breast ca 2017, new headaches x 2 wks. MRI brain w/wo: ?needed now") == "mri_head_wwo"


@pytest.mark.parametrize(
    ("note", "study"),
    [
        ("Nurse 09:10: 69F hx L breast ca 2015, new dyspnea, pleural effusion on exam. Thoracentesis tmrw. Would you"
         " like CT chest w contrast, or CT chest/abd/pelvis w contrast?\nDr M 09:40: CT chest/abd/pelvis w contrast"
         " pls, after the tap.", "ct_cap_contrast"),
        ("Resident: 58F hx R breast ca, rising ALP and back pain. Bone scan or PET/CT?\nAttending reply: PET/CT"
         " please.", "pet_ct"),
    ],
)
def test_a_later_reply_settles_an_either_or(note: str, study: str) -> None:
    assert order_of(note) == study


def test_options_never_answered_stay_no_order() -> None:
    note = "Resident: 58F hx R breast ca, rising ALP and back pain. Bone scan or PET/CT? Will discuss with attending."
    assert order_of(note) is None
