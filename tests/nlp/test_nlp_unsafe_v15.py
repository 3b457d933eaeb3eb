"""The class behind the v15 blind set's one unsafe answer, in our own words: a cough or breathlessness that began
with the symptoms of a cold is explained by that infection (as one dated "after a chest infection" already is),
unless a warning qualifier says otherwise. Controls: other symptoms, other causes and warned coughs still count.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

BASE = "61F, core biopsy: 1.3 cm IDC right breast, grade 1, ER+ PR+ HER2-, clinically node negative. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Dry cough for a week, began with a scratchy throat and a streaming nose.",
        "Cough x 10 days - started with a head cold, afebrile now.",
        "Bit short of breath on hills since last week; it came on with a cold.",
    ],
)
def test_a_cough_that_began_with_a_cold_is_not_a_red_flag(sentence: str) -> None:
    assert not {"cough", "dyspnea"} & set(symptom_codes(BASE + sentence))


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Cough for 5 weeks; it started with a cold but is getting worse.", "cough"),  # a warning qualifier
        ("Persistent cough, started with a cold 7 weeks ago and never settled.", "cough"),
        ("Low back pain started with a sore throat last month.", "back_pain"),  # not a respiratory symptom
        ("Cough started with the second cycle of chemotherapy.", "cough"),  # not an infection
        ("Cough started three weeks ago.", "cough"),  # no cause at all
    ],
)
def test_a_warned_or_unexplained_symptom_still_counts(sentence: str, code: str) -> None:
    assert code in symptom_codes(BASE + sentence)
