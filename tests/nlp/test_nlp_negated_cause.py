"""Round 15: a symptom given as the cause of a denied activity is the patient's ("could not sleep due to back pain").

A verb's negation denies the activity it governs, not the reason given after "due to" / "because of"; before this
rule the negation's scope reached the symptom and a real red flag was dropped (an unsafe "not recommended").
Controls: a denied finding with a cause ("no weakness due to cord compression"), a denied symptom before the
connective, and "no" / "denies" lists keep their negation.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

BASE = "66F, core biopsy 1.1 cm IDC left breast, grade 2, ER+ PR+ HER2-, cN0, seen to plan surgery. "


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Has been unable to sleep for a fortnight owing to back pain.", "back_pain"),
        ("She cannot carry the shopping because of the bone pain in her ribs.", "bone_pain"),
        ("Could not finish her shift on account of a headache.", "headache"),
        ("Hasn't been able to climb the stairs due to back pain.", "back_pain"),
        ("Never slept through the night as a result of hip bone pain.", "bone_pain"),
    ],
)
def test_a_symptom_that_stopped_an_activity_is_stated(sentence: str, code: str) -> None:
    assert code in symptom_codes(BASE + sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("No weakness due to cord compression.", "neurologic_deficit"),
        ("Denies back pain due to the fall.", "back_pain"),  # the denied symptom stands before the connective
        ("No back pain or headache.", "back_pain"),
        ("Not sleeping well because of stress; denies bone pain.", "bone_pain"),  # a later denial of its own
        ("She has not had headaches since starting letrozole.", "headache"),  # no connective
    ],
)
def test_a_denied_symptom_stays_denied(sentence: str, code: str) -> None:
    assert code not in symptom_codes(BASE + sentence)
