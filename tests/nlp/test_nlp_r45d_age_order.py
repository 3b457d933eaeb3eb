"""Round 45d: the age in the word order of a writer whose first language is Spanish or Portuguese (annotation guide:
age / sex), found on blind v45 (bh-009, bh-019, bh-029, bh-038): the sex, with or before "patient", then "of N years"
("Paciente femenina de 71 años" written in English).

Controls: years that are a span of treatment or follow-up are no age; a relative's age is not the patient's; an English
age stands.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    ("note", "age", "sex"),
    [
        ("Woman of 62 years, consults for a lump in the right breast.", 62, "female"),
        ("Patient male of 45 years with a retroareolar mass of 2 cm.", 45, "male"),
        ("Lady of 77 years, k/c/o diabetes, presents with left breast lump since 2 months.", 77, "female"),
        ("CONSULT\nFemale patient of 48 years. Antecedents: none. Motive: nodule in left breast.", 48, "female"),
    ],
)
def test_the_sex_then_of_n_years_is_her_age(note: str, age: int, sex: str) -> None:
    got = facts(note)
    assert got.get("age") == age
    assert got.get("sex") == sex


@pytest.mark.parametrize(
    "note",
    [
        "Female patient with 10 years of tamoxifen, no new complaints.",
        "Patient female of 5 years of follow up without recurrence.",
        "Her mother, a woman of 80 years, had breast cancer.",
    ],
)
def test_years_that_are_no_age_stay_unread(note: str) -> None:
    assert facts(note).get("age") is None


def test_an_english_age_stands() -> None:
    assert facts("Her mother, a woman of 80 years, had breast cancer. Patient is a 45 year old woman.")["age"] == 45
