"""Round 17b: breathlessness and cough that the assessment puts down to a heart or lung flare, and a neck-vein height.

- a patient admitted with a heart-failure decompensation, a COPD exacerbation or a pneumonia, whose assessment names
  that illness as the problem (also when the heading stands alone and the problem is its first numbered item), has
  her breathlessness and cough explained (annotation guide: a symptom explained by a benign cause, with no warning
  qualifier, does not count);
- a warning on the symptom (new, worsening, at rest, different from usual) keeps it counted, and so does an assessment
  that only doubts the cause, names it in a later item (another problem), or names a cancer;
- the jugular venous pressure measured in centimetres on examination is no tumour size.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes, tumor

BASE = "Admission H&P. 74F with a new R breast IDC on core biopsy last week, grade 2, ER+ PR+ HER2-, 1.6 cm on US.\n"


def _flare(history: str, assessment: str) -> str:
    return BASE + history + "\nExam: bibasal crackles, ankle oedema.\n" + assessment + "\n"


# ------------------------------------------------------------------ explained by the flare
def test_heart_failure_flare_in_the_first_numbered_item_explains_breathlessness_and_cough() -> None:
    note = _flare(
        "Presents with 4 days of breathlessness on exertion and orthopnoea after stopping her diuretic. Dry cough too.",
        "A/P:\n1. Decompensated heart failure, missed furosemide: IV diuresis.\n2. Breast cancer: onc follow-up.",
    )
    codes = symptom_codes(note)
    assert "dyspnea" not in codes and "cough" not in codes


def test_other_flares_named_by_the_assessment_explain_them_too() -> None:
    for cause in ("COPD exacerbation", "community-acquired pneumonia", "acute on chronic HFrEF", "AECOPD"):
        note = _flare("SOB and a productive cough for 3 days.", f"Impression: {cause}, treat and review.")
        codes = symptom_codes(note)
        assert "dyspnea" not in codes and "cough" not in codes, cause


# ------------------------------------------------------------------ controls that must still count
def test_a_warning_on_the_breathlessness_keeps_it() -> None:
    note = _flare("New breathlessness at rest, worsening over 2 weeks.", "Assessment: heart failure exacerbation.")
    assert "dyspnea" in symptom_codes(note)


def test_breathlessness_different_from_her_usual_keeps_it() -> None:
    note = _flare("SOB, different from her usual COPD breathlessness.", "Impression: COPD exacerbation.")
    assert "dyspnea" in symptom_codes(note)


def test_a_doubted_flare_explains_nothing() -> None:
    note = _flare("Breathless for 3 weeks.", "Assessment: ?pneumonia vs lung metastases, CT chest requested.")
    assert "dyspnea" in symptom_codes(note)


def test_a_flare_named_only_in_a_later_item_is_another_problem() -> None:
    note = _flare(
        "Breathless on stairs for 3 weeks, dry cough.",
        "A/P:\n1. Breast cancer, workup of breathlessness.\n2. Pneumonia last year, resolved.",
    )
    assert "dyspnea" in symptom_codes(note)


def test_an_assessment_naming_the_cancer_explains_nothing() -> None:
    note = _flare("Breathless for 3 weeks, dry cough.", "A/P:\n1. Suspected lung metastases: CT chest.")
    codes = symptom_codes(note)
    assert "dyspnea" in codes and "cough" in codes


@settings(max_examples=25, deadline=None)
@given(
    warning=st.sampled_from(["new", "worsening", "progressive", "at rest, new"]),
    cause=st.sampled_from(
        ["heart failure exacerbation", "COPD exacerbation", "pneumonia", "decompensated heart failure"]
    ),
)
def test_any_warning_outweighs_any_flare(warning: str, cause: str) -> None:
    note = _flare(f"Breathlessness, {warning}, for 10 days.", f"Assessment: {cause}.")
    assert "dyspnea" in symptom_codes(note)


# ------------------------------------------------------------------ the neck veins are not the tumour
def test_jvp_in_centimetres_is_no_tumour_size() -> None:
    for exam in ("JVP 10 cm", "JVP elevated to 8 cm", "jugular venous pressure 9 cm above the sternal angle"):
        note = BASE.replace("1.6 cm on US", "size not yet measured") + f"Exam: {exam}, bibasal crackles."
        assert tumor(note).get("size_cm") is None, exam


def test_the_tumour_size_beside_a_jvp_is_kept() -> None:
    note = BASE + "Exam: JVP 10 cm, bibasal crackles."
    assert tumor(note).get("size_cm") == 1.6
