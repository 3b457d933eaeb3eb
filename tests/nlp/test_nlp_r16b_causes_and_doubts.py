"""Round 16b: weight lost through a change of habits, and distant disease an imaging impression only suspects.

- weight lost since the patient took up exercise or cut foods out on purpose is explained, as a diet is; only weight
  loss (a pain that began with walking is not explained by these words), never when the change is denied;
- M1 only for proven or clearly stated distant metastasis (annotation guide): an imaging impression "c/w",
  "consistent with", "characteristic of" metastases is suspected, left to confirmation; tissue "consistent with"
  metastatic carcinoma is proof and stays M1;
- a doubt keeps its reach across a slashed shorthand ("concerning for recurrent breast ca w/ bone mets" reads as the
  same sentence with "with" spelled out).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes, tumor

BASE = "Phone note. 72F, R breast IDC 1.2 cm, grade 1, ER+ PR+ HER2-, lumpectomy booked, no prior cancer.\n"
TREATED = "Follow-up. 66F, L breast IDC 2017 s/p mastectomy, letrozole x5 yrs, NED at last visit.\n"


# ------------------------------------------------------------------ weight lost on purpose
def test_weight_lost_since_she_took_up_walking_and_cut_out_sweets_is_explained() -> None:
    note = BASE + (
        "She lost about 3 kg over the last 2 months since she started walking every morning and cutting out sweets "
        "on her GP's advice, appetite good."
    )
    assert "weight_loss" not in symptom_codes(note)


def test_other_words_for_a_deliberate_change_explain_it_too() -> None:
    for cause in ("since joining a gym", "after lifestyle changes for her diabetes", "on a low carb diet",
                  "with portion control and more exercise"):  # fmt: skip
        assert "weight_loss" not in symptom_codes(BASE + f"Down 4 kg in 3 months {cause}."), cause


def test_weight_loss_without_a_cause_stays_a_red_flag() -> None:
    assert "weight_loss" in symptom_codes(BASE + "She has lost 5 kg over the last 2 months, appetite poor.")


def test_a_denied_change_explains_nothing() -> None:
    note = BASE + "Lost 6 kg in 2 months; she has not started exercising or changed her diet."
    assert "weight_loss" in symptom_codes(note)


def test_these_words_explain_only_weight_loss() -> None:
    note = TREATED + "New bone pain in the left hip for 4 weeks, worse at night, since she started walking daily."
    assert "bone_pain" in symptom_codes(note)


# ------------------------------------------------------------------ distant disease suspected on imaging
def test_imaging_consistent_with_metastases_is_not_m1() -> None:
    for hedge in ("c/w", "consistent with", "compatible w/", "characteristic of"):
        note = TREATED + f"MRI brain: 3 enhancing lesions with surrounding edema, largest 1.2 cm - {hedge} metastases."
        assert tumor(note).get("m") != "M1", hedge


def test_tissue_consistent_with_metastasis_stays_m1() -> None:
    note = TREATED + "Liver core biopsy: consistent with metastatic breast cancer, ER positive."
    assert tumor(note).get("m") == "M1"


def test_a_stated_metastasis_stays_m1() -> None:
    assert tumor(TREATED + "PET/CT and liver biopsy: liver metastases.").get("m") == "M1"


def test_a_benign_cause_named_with_c_w_still_explains_a_symptom() -> None:
    note = TREATED + "Back pain c/w mechanical strain after moving furniture, improving."
    assert "back_pain" not in symptom_codes(note)


# ------------------------------------------------------------------ a doubt's reach across a shorthand
def _impression(joiner: str) -> str:
    return TREATED + (
        "Impression: lytic lesion R femur, highly concerning for recurrent breast ca " + joiner + " bone mets in pt "
        "with prior IDC. Bone scan ordered."
    )


def test_the_shorthand_does_not_cut_the_doubt_short() -> None:
    assert tumor(_impression("w/")).get("m") != "M1"


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(["w", "W"]), st.sampled_from(["", "multiple ", "diffuse ", "widespread new "]))
def test_with_or_its_shorthand_reads_the_same(letter: str, words: str) -> None:
    assert tumor(_impression(letter + "/ " + words)).get("m") == tumor(_impression("with " + words)).get("m")


def test_a_doubt_far_before_a_shorthand_does_not_reach_a_stated_metastasis() -> None:
    note = TREATED + "Concerning for recurrence, s/p lumpectomy 2019, now w/ bone mets proven on biopsy of T8."
    assert tumor(note).get("m") == "M1"


# ------------------------------------------------------------------ an assessment's acute benign cause
CALL = (
    "On-call note. 64F, L breast IDC s/p mastectomy 2020, on anastrozole, NED at last visit, routine follow-up.\n"
    "Today crampy lower abdominal pain with 6 loose stools; her husband who ate the same meal has the same.\n"
)


def test_abdominal_pain_the_assessment_puts_down_to_gastroenteritis_is_explained() -> None:
    for assessment in ("Assessment: likely foodborne gastroenteritis, well.", "Impression - viral gastroenteritis.",
                       "A/P: food poisoning. Fluids."):  # fmt: skip
        assert "abdominal_pain" not in symptom_codes(CALL + assessment), assessment


DOUBTED = ["Assessment: ?gastroenteritis.", "Assessment: r/o gastroenteritis.",
           "Impression: gastroenteritis vs liver metastases.", "Assessment: not gastroenteritis.",
           "Plan: fluids, call if worse.", "Assessment: gastroenteritis unlikely? CT abdomen."]  # fmt: skip


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(DOUBTED))
def test_a_doubted_or_absent_assessment_leaves_the_pain(assessment: str) -> None:
    assert "abdominal_pain" in symptom_codes(CALL + assessment)


def test_a_warned_pain_stays_whatever_the_assessment() -> None:
    note = CALL.replace("crampy lower abdominal pain", "RUQ pain for 3 weeks, worse at night, and") + (
        "Assessment: gastroenteritis."
    )
    assert "abdominal_pain" in symptom_codes(note)


def test_gastroenteritis_explains_no_other_symptom() -> None:
    note = CALL + "Also new back pain for 4 weeks.\nAssessment: gastroenteritis."
    assert "back_pain" in symptom_codes(note)


# ------------------------------------------------------------ a pain in a patient's words, a fracture in shorthand
PORTAL = "Portal message. Finished chemo and had my mastectomy 2 yrs ago, all fine since.\n"


def test_an_ache_in_the_middle_of_the_back_is_back_pain() -> None:
    for words in ("theres this ache right in the middle of my back, been 6 weeks",
                  "pain between my shoulder blades for a month, worse at night"):  # fmt: skip
        assert "back_pain" in symptom_codes(PORTAL + words), words


def test_the_back_named_for_another_reason_is_no_pain() -> None:
    assert "back_pain" not in symptom_codes(PORTAL + "i cant lie on my back at night because of my shoulder surgery.")


def test_a_pathologic_fx_is_a_pathologic_fracture_and_a_query_is_not_stated() -> None:
    assert "pathologic_fracture" in symptom_codes(TREATED + "XR: lytic lesion L femur w/ pathologic fx.")
    assert "pathologic_fracture" not in symptom_codes(TREATED + "No fall. ?pathological fx, XR ordered.")
