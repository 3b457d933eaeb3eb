"""Round 16 (lead): a relative writing or calling for the patient ("this is her daughter writing for my mom", "calling
about my mother") names who the message is about: what follows is the patient's, not the relative's (v16 rc-023 lost
a new morning headache, her age and her cancer to the daughter's context). A relative's own symptom told after the
patient is named stays the relative's.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

SETTING = "Biopsy showed invasive ductal carcinoma of the left breast; surgery is booked for next month. "


@pytest.mark.parametrize(
    "opening",
    [
        "Hi, this is her daughter writing for my mom.",
        "This is her son messaging on behalf of my mother.",
        "Hello, her husband here, calling about my wife.",
    ],
)
def test_a_relative_writing_for_the_patient_tells_the_patients_symptoms(opening: str) -> None:
    note = f"{opening} {SETTING}She has had headaches every morning this week, which she never had before."
    assert "headache" in symptom_codes(note)


def test_the_relatives_own_symptom_stays_the_relatives() -> None:
    note = f"Hi, this is her daughter writing for my mom. {SETTING}My aunt had bone pain from her cancer years ago."
    assert "bone_pain" not in symptom_codes(note)
