"""Round 26: the classes the first reading of the v26 blind notes (nursing and telephone care, older patients with many
illnesses, letters and forms) showed, each in other wordings than the notes': distant disease named as what a
differential holds or what needs excluding, or as what a test is approved for, is no M1; a form's answer with a
bracketed comment after it still answers its row; a ticked box naming a pain's site; a weight lost as fluid; a deficit
left by an old stroke; a chronic symptom said to be her baseline with the illness named elsewhere in the note; and a
constipation that explains a pain explains no weight loss.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm, tumor

HEADER = "69F, R breast IDC 2018, lumpectomy + RT, letrozole 5 y, surveillance.\n"


def _m(note: str) -> str | None:
    return tumor(HEADER + note).get("m")


def _all(note: str) -> set[str]:
    return symptom_codes(HEADER + note) | symptoms_to_confirm(HEADER + note)


# ------------------------------------------------------------------ no M1 from a question
@pytest.mark.parametrize(
    "note",
    [
        "Imp: new confusion after a fall on apixaban - SDH most likely; cerebral metastases also on the differential.",
        "Hip pain 6 wks: trochanteric bursitis likely, bone mets in the ddx given hx.",
        "Liver lesion on US: haemangioma vs metastasis (prior breast ca) needs excluding - MRI liver.",
        "Cough 8 wks: lung metastases need to be ruled out; CXR today.",
        "Plan: CT head to exclude a bleed, including any brain metastasis, given the anticoagulation.",
        "FES PET is approved for use in recurrent or metastatic ER+ breast cancer as an adjunct to biopsy.",
    ],
)
def test_distant_disease_weighed_or_named_in_general_is_no_m1(note: str) -> None:
    assert _m(note) != "M1"


@pytest.mark.parametrize(
    "note",
    [
        "MRI brain: three enhancing brain metastases, largest 9 mm.",
        "PET/CT: multiple FDG-avid bone metastases (T9, L2, pelvis).",
    ],
)
def test_distant_disease_found_is_still_m1(note: str) -> None:
    assert _m(note) == "M1"


# ------------------------------------------------------------------ form rows
@pytest.mark.parametrize(
    "row",
    [
        "Back pain .......... [ ] Yes [x] No (denies, mobile)",
        "Headache ........... [ ] Y [X] N (none since last visit)",
        "Bone pain   [ ] yes  [x] no  (pt says 'just my knees')",
    ],
)
def test_a_comment_after_a_no_answer_does_not_undo_the_answer(row: str) -> None:
    assert not _all("SYMPTOM CHECKLIST\n" + row + "\nNausea ........... [ ] Yes [x] No")


def test_a_yes_answer_with_a_comment_still_stands() -> None:
    assert "bone_pain" in _all("SYMPTOM CHECKLIST\nBone pain .......... [x] Yes [ ] No (R hip, worse at night)")


@pytest.mark.parametrize(("row", "flag"), [("Pain: [x] back - lumbar, worse at night for 2 wks", "back_pain"),
                                          ("Pain site: [X] lower back, waking her", "back_pain")])  # fmt: skip
def test_a_ticked_box_naming_the_pains_site_states_it(row: str, flag: str) -> None:
    assert flag in _all(row)


def test_an_unticked_site_box_states_nothing() -> None:
    assert not _all("Pain: [ ] back  [ ] hip  [x] none")


# ------------------------------------------------------------------ benign causes, each only of its own symptom
@pytest.mark.parametrize(
    "note",
    [
        "Wt 71 kg, was 75 kg - diuresed well after the bumetanide dose was doubled.",
        "Lost 3 kg since her water tablets were increased; eating normally.",
    ],
)
def test_a_weight_lost_as_fluid_is_no_weight_loss(note: str) -> None:
    assert "weight_loss" not in _all(note)


def test_an_unintentional_loss_stays_whatever_the_diuretic() -> None:
    assert "weight_loss" in _all("Unintentional weight loss of 5 kg over 2 months despite furosemide being reduced.")


@pytest.mark.parametrize(
    "note",
    [
        "Lives in a care home since her CVA in 2021; residual L hemiparesis, uses a hoist.",
        "Known dense R-sided weakness post-stroke (2019), unchanged.",
    ],
)
def test_a_deficit_left_by_an_old_stroke_is_no_new_deficit(note: str) -> None:
    assert "neurologic_deficit" not in _all(note)


@pytest.mark.parametrize(
    "note",
    [
        "New L hand weakness since yesterday; prior stroke 2019 (R-sided, resolved).",
        "Progressive R leg weakness over 2 weeks - different from her post-stroke deficit.",
    ],
)
def test_a_new_deficit_in_a_stroke_survivor_stands(note: str) -> None:
    assert "neurologic_deficit" in _all(note)


def test_a_chronic_cough_said_to_be_her_baseline_with_the_illness_named_elsewhere() -> None:
    note = (
        "PMH: bronchiectasis, HFpEF.\nSocial: lives alone.\n"
        "Sx: daily productive cough and DOE at 50 m, her baseline for years."
    )
    assert not _all(note) & {"cough", "dyspnea"}


def test_a_cough_worse_than_her_baseline_stands() -> None:
    note = "PMH: COPD.\nSx: cough much worse than her baseline for 3 weeks, now with haemoptysis."
    assert "cough" in _all(note)


def test_constipation_explains_a_pain_not_a_weight_loss() -> None:
    assert "weight_loss" in _all("She has lost 6 kg since June. The GP thinks it is constipation.")
    assert "abdominal_pain" not in _all("Crampy lower abdominal pain for a week. The GP thinks it is constipation.")


@pytest.mark.parametrize(
    "note",
    [
        "R rib pain 4/10 since Tuesday. Pain began when she slipped on the stairs and hit the banister.",
        "Hip ache. It started after a fall from a ladder at the weekend.",
    ],
)
def test_a_pains_onset_told_as_the_next_sentences_subject_carries_its_cause(note: str) -> None:
    assert "bone_pain" not in _all(note)


def test_a_warned_pain_keeps_its_warning_whatever_the_next_sentence_says() -> None:
    assert "bone_pain" in _all("New R rib pain at night, waking her. Pain began when she slipped on the stairs.")
