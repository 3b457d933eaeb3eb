"""Round 31 (lead): a question about the family asks about relatives, whatever its answer.

The fifteenth security pass noticed that "Does anyone in your family have bone pain or bone metastases?" with Yes
ticked gave the patient bone pain, while "Any relatives with bone pain?" was read as the relatives'. The question's
"anyone in your family" and "family members with" now name relatives (context_rules.json, FAMILY).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes

NEW = "58F, newly diagnosed L breast IDC 2.1 cm, grade 2, ER+ PR+ HER2-, cN0. PET/CT requested.\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "Is there anybody in your immediate family with bone metastases or bone pain?\n[x] Yes   [ ] No",
        "Has anyone in her family had seizures? Yes (brother)",
        "Any family members with cancer that spread to the bones or brain?  (x) Yes  ( ) No",
    ],
)
def test_a_question_about_the_family_is_the_relatives(line: str) -> None:
    note = NEW + line + "\n"
    assert not symptom_codes(note) & {"bone_pain", "seizure", "headache"}
    assert (facts(note).get("tumor") or {}).get("m") is None
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "Lives in the family home with her husband. Back pain x 3 weeks, waking her at night.",
        "Family members present for the visit. New right hip bone pain for 3 weeks, constant.",
    ],
)
def test_the_family_named_otherwise_leaves_the_patients_symptom(line: str) -> None:
    assert symptom_codes(NEW + line + "\n") & {"back_pain", "bone_pain"}
