"""Unsafe classes found on the seventh blind set (first run: 13 unsafe answers), each written here in our own
wording as a class of clinical meaning, next to a control where the rule must not fire: a relative's symptom told
with "she" by a writer speaking of her own family (and the clinician's "she", who is the patient), a benign cause
written as an adjective or as a treatment's toxicity (and the warning qualifiers that still win), a symptom whose
treatment failed (and a chronic one unchanged), and words that look like M1 but are no metastasis."""

from __future__ import annotations

from nlp_helpers import decide_note as _decide
from nlp_helpers import facts, tumor
from nlp_helpers import symptom_codes as _codes

NEW_DX = "46F, newly diagnosed R breast IDC 1.4 cm, grade 2, ER+ PR+ HER2-, cN0."
TREATED = "66F, L breast IDC 2020, s/p lumpectomy + RT, on letrozole. Routine visit."


# ------------------------------------------------------------------ a writer's relative, carried on by a pronoun
def test_a_relatives_symptom_told_with_she_in_the_same_sentence_is_the_relatives() -> None:
    note = ("Hello, my biopsy came back as DCIS and the surgeon wants a breast MRI. My aunt had breast cancer that "
            "spread to her spine and she had awful back pain before they found it, so I am frightened.")
    assert "back_pain" not in _codes(note)


def test_a_relatives_symptom_told_with_he_a_sentence_later_is_the_relatives() -> None:
    note = ("I am 52 and was told my lump is cancer. My father died of lung cancer in 2015. "
            "Looking back, he had a dry cough for half a year before anyone scanned him.")
    assert "cough" not in _codes(note)


def test_the_writer_coming_back_to_herself_ends_the_relatives_stretch() -> None:
    # control: "I have" after the relative - the symptom is the writer's own, in the same sentence or the next
    same = "My sister had breast cancer at 40 and I have had bone pain in my hip for a month."
    nxt = "My sister had breast cancer at 40. She is well now. My own back pain started in June."
    assert "bone_pain" in _codes(same)
    assert "back_pain" in _codes(nxt)


def test_a_clinicians_she_after_her_mother_is_the_patient() -> None:
    # control: no first-person possessive - "she" is the patient, the red flag stands
    for note in (f"{TREATED} Her mother had breast cancer. She has had back pain for 3 weeks.",
                 f"{TREATED} Her mother had ovarian cancer and she has had back pain for 3 weeks."):
        assert "back_pain" in _codes(note)


def test_a_symptom_without_a_pronoun_of_the_relative_stays_the_patients() -> None:
    # control: the relative is named, but the symptom's sentence says nothing of "she"
    note = "My mom had breast cancer in 2009. Back pain for 5 weeks, worse at night."
    assert "back_pain" in _codes(note)
