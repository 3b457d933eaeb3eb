"""Round 19b: a short cough that came with a cold, put down by the writer to a virus, read as a class in our own words.

A cough of a few days that came with the symptoms of a cold (runny nose, sore throat, a low temperature), often with
others at home ill with the same, that the writer concludes is a cold, a virus, the flu or COVID without a colon
("Told likely viral URI; fluids, rest", "Prob URTI.", "Sounds like a cold.") is explained: no red flag, no suspected
recurrence. The controls still count: a cough of 3 weeks or more, one not improving, with blood coughed up or
breathlessness, one that began with a cold weeks ago and never went away, and a doubted conclusion.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

TREATED = "58F, R breast IDC 2021, lumpectomy + RT, on anastrozole, routine follow-up NED. "
PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _flagged(text: str) -> tuple[set[str], object]:
    f = facts(text)
    return set(f.get("symptoms", ())), f.get("setting")


@pytest.mark.parametrize(
    "sentence",
    [
        "Called re a cough. Began 4 days ago along w/ a runny nose and a scratchy throat, temp 99.6, her husband "
        "has the same. Denies SOB. Told likely viral URI; rest and fluids.",
        "Cough for 3 days with a blocked nose and sore throat. Likely viral.",
        "Dry cough since the weekend, sore throat, both grandkids off school with colds. Prob URTI.",
        "Cough x 5 days along with a runny nose. Sounds like a cold.",
        "Worried about her cough, 2 days, with a stuffy nose. Told her it sounds like a cold, fluids and rest.",
        "Cough since Tuesday with a runny nose and aches. Told probably flu.",
    ],
)
def test_a_short_cough_put_down_to_a_cold_is_explained(sentence: str) -> None:
    symptoms, setting = _flagged(TREATED + sentence)
    assert "cough" not in symptoms
    assert setting != "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "sentence",
    [
        "Cough for 4 weeks with a runny nose. Told likely viral URI.",
        "Worried about a cough. It has lasted 3 wks now. Told likely viral.",
        "Cough with a runny nose, not improving. Told likely viral.",
        "Cough, coughing up blood, runny nose. Told likely viral.",
        "Cough and breathless on the stairs, runny nose. Prob URTI.",
        "Cough started with a cold 6 weeks ago and never went away. Told likely viral.",
        "Worried about a cough. Started with a cold 6 weeks ago and never went away. Likely viral.",
        "Cough for 5 days. Told ?viral vs recurrence, CXR ordered.",
        "Cough for 5 days. Likely metastatic disease rather than flu.",
    ],
)
def test_a_warned_or_doubted_cough_still_counts(sentence: str) -> None:
    symptoms, setting = _flagged(TREATED + sentence)
    assert "cough" in symptoms
    assert setting == "suspected_distant_recurrence"


def test_the_viral_conclusion_explains_no_other_symptom() -> None:
    symptoms, _ = _flagged(TREATED + "Back pain for 5 days and a runny nose. Told likely viral.")
    assert "back_pain" in symptoms


@PROPERTY
@given(days=st.integers(min_value=1, max_value=10), weeks=st.integers(min_value=3, max_value=12))
def test_the_duration_decides(days: int, weeks: int) -> None:
    short, _ = _flagged(TREATED + f"Cough for {days} days with a runny nose. Told likely viral.")
    long, _ = _flagged(TREATED + f"Cough for {weeks} weeks with a runny nose. Told likely viral.")
    assert "cough" not in short
    assert "cough" in long
