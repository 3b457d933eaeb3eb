"""Round 14v-a: the classes behind four unsafe answers of the v14 blind set, in our own words, each with controls where
the reading must not change:

- a symptom the note tells as present and later, in another sentence, as over (an interval history carried forward,
  then today's update) is not surely today's: left to confirm, never raised and never dropped (resolved_afterwards.py);
- a symptom told after a relative of the patient's sex and that relative's pronoun ("her sister ... - she had
  headaches") may be the relative's: left to confirm (relative_story.py);
- a treatment named as the time of a step still to come ("Surgery after chemo.") is the plan's order, not treatment
  given: an untreated cancer being staged stays a new diagnosis (plan_order.py, values.yaml
  clue.step_after_treatment);
- distant disease named as what the patient is to be staged or scanned for, in verb forms ("stage for distant
  disease"), is the aim of the tests, never an M1 (context_rules.json, round 14v-a).
"""

from __future__ import annotations

from typing import Any

from nlp_helpers import decide_note as _decide
from nlp_helpers import facts as _facts
from nlp_helpers import symptom_codes as _codes
from rightscan.adapters.text import extract

TREATED = "63F, L breast IDC stage I, s/p lumpectomy and radiation 2020, on letrozole since 2021."
TREATED_MAN = "70M, R breast IDC 2018, s/p mastectomy and chemo, on tamoxifen."
NEW = "51F, newly diagnosed R breast IDC 2.4 cm on US, grade 2, ER+ PR+ HER2-, axilla clinically negative."


def _to_confirm(note: str) -> set[str]:
    return {v for i in extract(note).to_confirm if i["field"] == "symptoms" for v in i["values"]}


def _setting(note: str) -> Any:
    return _facts(note).get("setting")


def _m(note: str) -> Any:
    return _facts(note).get("tumor", {}).get("m")


def _names(decision: dict[str, Any], fieldname: str) -> bool:
    return any(item.startswith(fieldname) for item in decision["insufficient_data"])


# ------------------------------------------------------------------ a symptom told later as over
def test_a_symptom_later_told_as_over_waits_for_confirmation() -> None:
    for note, code in (
        (
            f"{TREATED}\nHistory brought forward from the spring visit: new ache in the right thigh bone for 4 weeks, "
            "no injury.\nToday: the thigh bone pain settled fully with physiotherapy; sports medicine called it a "
            "tendon strain.",
            "bone_pain",
        ),
        (
            f"{TREATED}\nEarlier entry (kept for reference): a fresh headache for 10 days, waking her at night.\n"
            "Update this visit: her headache has resolved after the dental abscess was treated.",
            "headache",
        ),
    ):
        assert code not in _codes(note), note
        assert code in _to_confirm(note), note
        decision = _decide(note)
        assert _names(decision, "symptoms"), note
        # not read as a suspected recurrence on the strength of a symptom that is over
        assert _setting(note) != "suspected_distant_recurrence", note


def test_a_symptom_only_denied_later_in_a_review_of_systems_stays_a_red_flag() -> None:
    note = f"{TREATED}\nHPI: new pain in the lower spine for 3 weeks, worse at night.\nROS: denies headache, back pain."
    assert "back_pain" in _codes(note)


def test_a_symptom_with_no_later_resolution_stays_a_red_flag() -> None:
    note = f"{TREATED}\nHPI: new pain in the lower spine for 3 weeks, worse at night. Her headache resolved."
    assert "back_pain" in _codes(note)
    assert "back_pain" not in _to_confirm(note)


def test_a_later_history_of_the_same_symptom_is_no_resolution() -> None:
    note = (
        f"{TREATED}\nCalls with a headache for 9 days, worse every morning, vomited twice.\n"
        "Past history of migraine headaches as a student; says this one is not like them."
    )
    assert "headache" in _codes(note)
    assert "headache" not in _to_confirm(note)


def test_a_symptom_told_as_over_only_once_is_not_raised() -> None:
    note = f"{TREATED}\nThe headaches she had in the summer have resolved. No other complaints."
    assert "headache" not in _codes(note)


# ------------------------------------------------------------------ a relative's story in the same sentence
def test_a_symptom_after_a_same_sex_relatives_pronoun_waits_for_confirmation() -> None:
    for note, code in (
        (
            f'{NEW} Worries: her mother died of ovarian cancer last year - "she had unbearable bone pain before the '
            'end."',
            "bone_pain",
        ),
        (
            f"{TREATED_MAN} Social: his brother is in palliative care with prostate cancer - \u201che had severe bone "
            "pain for months before they found it\u201d.",
            "bone_pain",
        ),
    ):
        assert code not in _codes(note), note
        assert code in _to_confirm(note), note
        assert _names(_decide(note), "symptoms"), note


def test_the_patient_named_after_the_relative_keeps_the_red_flag() -> None:
    for note in (
        f"{TREATED} Her sister came with her today; the patient says she has had new headaches for two weeks.",
        # outside a quote, a same-sex pronoun after a relative is read as the patient's
        f"{TREATED} Sister drove her in - she has had new headaches for two weeks.",
        # a quote in the first person is the patient's own words
        f'{TREATED} Her sister is with her; "I have had new headaches for two weeks, she says I look pale".',
    ):
        assert "headache" in _codes(note), note


def test_a_relative_far_back_in_a_dictated_run_on_does_not_touch_the_patients_symptom() -> None:
    note = (
        f"{NEW} social history she works in a bakery and lives with her daughter who helps with the shopping never "
        "smoked rarely drinks on review she is tired and she has had a dry cough for six weeks without fever"
    )
    assert "cough" in _codes(note)


def test_a_relative_in_another_sentence_does_not_touch_the_patients_symptom() -> None:
    note = (
        f"{TREATED} Her sister had breast cancer at 40. She reports new headaches for two weeks, worse in the morning."
    )
    assert "headache" in _codes(note)


# ------------------------------------------------------------------ a plan's order of steps
BOARD = (
    "Breast MDT: 49F, R breast IDC on core biopsy, grade 3, ER- PR- HER2-. US 3.1 cm, one abnormal axillary node, FNA "
    "positive. Clinical stage cT2 cN1 M0, stage IIB. CT CAP: incidental 5 mm RUL nodule, too small to characterise."
)


def test_a_step_after_chemo_in_a_plan_is_no_earlier_treatment() -> None:
    for plan in (
        "Plan: neoadjuvant chemotherapy. Surgery after chemo.",
        "Plan: neoadjuvant chemo first; MRI after completion of chemotherapy to judge response.",
    ):
        note = f"{BOARD} {plan}"
        assert _setting(note) == "new_diagnosis", note
        assert _decide(note)["systemic_imaging"] not in ("not_applicable", "not_recommended"), note


def test_a_step_after_chemo_told_as_done_keeps_the_treated_cancer() -> None:
    note = (
        "55F, L breast IDC 2019, surgery after chemo in 2019, then radiation. Now a new 9 mm LLL nodule on CT, "
        "growing since last year."
    )
    assert _setting(note) == "suspected_distant_recurrence"


def test_a_step_after_chemo_told_in_the_past_without_a_year_keeps_the_treated_cancer() -> None:
    for told in ("She had surgery after chemo.", "She underwent surgery after chemo."):
        note = f"62F, R breast IDC. {told} Now a new 1.2 cm liver lesion on CT."
        assert _setting(note) == "suspected_distant_recurrence", note


def test_treatment_told_with_status_post_is_still_treatment_given() -> None:
    note = "60F, R breast IDC, s/p chemotherapy and mastectomy. Now a new 1.2 cm liver lesion on CT."
    assert _setting(note) == "suspected_distant_recurrence"


# ------------------------------------------------------------------ distant disease as what tests look for
def test_distant_disease_as_what_to_stage_for_is_no_m1() -> None:
    for aim in (
        "Node positive disease - stage for distant disease.",
        "High risk: please scan her for distant metastatic disease before surgery.",
    ):
        note = f"{NEW} FNA of an axillary node positive, cN1. {aim}"
        assert _m(note) != "M1", note
        decision = _decide(note)
        assert decision["stage"]["m"] != "cM1", note
        assert decision["systemic_imaging"] not in ("not_applicable", "not_recommended"), note


def test_distant_disease_found_stays_m1() -> None:
    note = f"{NEW} PET/CT showed distant metastatic disease in the liver and spine."
    assert _m(note) == "M1"
