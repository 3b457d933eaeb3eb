"""Round 18c: a relative writing for the patient names the patient by a relation (blind v18 tc-026 as a class: "I am
Rakesh, son of patient Kamla Devi. My mother is 67 year. ... Now from 3 weeks she has pain in back"; tc-029's "From:
Lucia M. (daughter) / About: my father"). Once the writer has said who she is, her "my mother" (a son's, a daughter's)
is the patient, and what "she" has after it is the patient's; every other relative of the writer stays a relative.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HISTORY = "Her breast cancer operation was done in 2020, then chemo and tablets. "


@pytest.mark.parametrize(
    "opening",
    [
        "Dear doctor, I am Priya, daughter of patient Meena Shah. My mother is 71.",
        "Hello, this is her son. My mum has been unwell.",
        "From: Tom R. (son)\nRe: my mother, Jane R.\nDear Dr Lee,",
    ],
)
def test_the_writers_parent_is_the_patient(opening: str) -> None:
    note = f"{opening} {HISTORY}For 3 weeks she has had pain in her back, worse at night."
    assert "back_pain" in symptom_codes(note)


def test_the_writers_parent_told_directly_is_the_patient() -> None:
    note = f"Hello, this is her son. My mother has had headaches every morning for 2 weeks. {HISTORY}"
    assert "headache" in symptom_codes(note)


@pytest.mark.parametrize(
    "other",
    [
        "My aunt had bone pain from her cancer before she died.",
        "My brother has had back pain for years.",
    ],
)
def test_another_relative_of_the_writer_stays_a_relative(other: str) -> None:
    note = f"Dear doctor, I am Priya, daughter of patient Meena Shah. My mother is 71. {HISTORY}{other}"
    assert not symptom_codes(note) & {"bone_pain", "back_pain"}


def test_the_other_parent_stays_a_relative_once_the_patient_is_named() -> None:
    note = (
        "From: Lucia M. (daughter)\nAbout: my father, Ernesto M., 76 years old.\n"
        "Dear doctor, my dad had his breast removed in 2022. My mother had bone pain from her myeloma. "
        "She died in 2019."
    )
    assert "bone_pain" not in symptom_codes(note)


def test_without_a_declaration_my_mother_stays_a_relative() -> None:
    note = "I had a lumpectomy in 2021. My mom has cancer in her bones. She had back pain for months."
    assert "back_pain" not in symptom_codes(note)
