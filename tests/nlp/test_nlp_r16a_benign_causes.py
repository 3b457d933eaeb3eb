"""Round 16a: four v16 unsafe answers, read as classes in our own words.

- a back or bone pain whose cause is told as the strain she spent her time on ("sore - I spent the whole day digging"),
  not only with a connective ("after lifting");
- a cough told as the one going round the household ("same as the kids who all have colds", "both kids home sick w/
  same", "the whole family has had the same bug"): a cold caught at home;
- a checked symptom row whose comment line under it gives her usual primary headache ("headache [x]Y" over
  "comment: lifelong migraines, same pattern, no change").

Each is explained only without a warning qualifier (new, worsening, at night, different from usual, not settling),
and only for the symptom the cause gives: the weakness ticked on the same row, a breathlessness, a headache beside a
back strain still count.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes

BASE = "58F, right breast IDC 1.8 cm, grade 2, ER+ PR+ HER2-, clinically node negative, surgery planned. "
FOLLOW = "Lumpectomy and radiotherapy 2021, on letrozole, last mammogram clear. "
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "sentence",
    [
        "Since Saturday my lower back is sore - I spent the whole day digging the vegetable beds.",
        "Her low back has ached since Sunday; she had spent all weekend lifting boxes for her son's move.",
        "Back ache after digging the allotment on Saturday, settling with rest.",
        "Lower back pain for two days, from weeding the borders.",
    ],
)
def test_a_back_strained_by_what_she_did_is_explained(sentence: str) -> None:
    assert "back_pain" not in symptom_codes(FOLLOW + sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Back pain for 3 weeks, waking her at night - she spent the day gardening last month.", "back_pain"),
        ("Back pain after digging, getting worse every day.", "back_pain"),
        ("She has new back pain for 6 weeks. She spent the whole weekend at her daughter's house.", "back_pain"),
        ("Headache since Saturday - I spent the whole day digging in the sun.", "headache"),  # not a strain's pain
        ("Short of breath since the weekend; she spent all day gardening.", "dyspnea"),
    ],
)
def test_a_warned_or_other_symptom_beside_a_strain_still_counts(sentence: str, code: str) -> None:
    assert code in symptom_codes(FOLLOW + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "She also has a dry cough for a week, same as the kids who all have colds - chest clear.",
        "Cough x 2 days + runny nose + sore throat, both kids home sick w/ same. Afebrile.",
        "Tickly cough for 10 days, like her husband who had the flu.",
        "Cough for a week; the whole family has had the same bug.",
        "Chesty cough since Monday, grandchildren all down with the same virus.",
    ],
)
def test_a_cough_caught_from_the_household_is_explained(sentence: str) -> None:
    assert "cough" not in symptom_codes(BASE + sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Cough for 6 weeks, worsening, same as the kids at first but not settling.", "cough"),
        ("Persistent cough for 2 months with blood in the sputum; the kids had colds in the spring.", "cough"),
        ("Cough for 3 weeks. Her kids are the same age as the neighbours'.", "cough"),
        ("New cough for 4 weeks, no sick contacts at home.", "cough"),
        ("Short of breath on stairs for a month, same as her husband.", "dyspnea"),
        ("Back pain for a week, same as the kids who all have colds.", "back_pain"),
    ],
)
def test_a_warned_unexplained_or_other_symptom_still_counts(sentence: str, code: str) -> None:
    assert code in symptom_codes(BASE + sentence)


INTAKE = "BREAST ONCOLOGY NEW PATIENT INTAKE\nAge: 62  Sex: F\nDiagnosis: R breast invasive carcinoma, grade 2, ER+\n"


def _row(items: dict[str, bool]) -> str:
    return "Neuro: " + "   ".join(f"{k} [x]Y [ ]N" if v else f"{k} [ ]Y [x]N" for k, v in items.items())


@pytest.mark.parametrize(
    "comment",
    [
        "comment: lifelong migraines since her 20s, same pattern, no change in frequency, takes sumatriptan",
        "Comments - known migraine, as usual",
        "notes: tension headaches for years, unchanged",
    ],
)
def test_a_checked_headache_its_comment_gives_as_her_usual_migraine_is_explained(comment: str) -> None:
    note = INTAKE + _row({"headache": True, "focal weakness": False}) + "\n   " + comment + "\nPlan: surgery consult."
    assert "headache" not in symptom_codes(note)


@pytest.mark.parametrize(
    "comment",
    [
        "comment: known migraines but this one is different, worse in the mornings",
        "comment: new headaches for 3 weeks, not her usual migraine",
        "comment: migraines since her 20s, now more frequent",
        "comment: headaches for 3 weeks, no change with paracetamol",  # unchanged, but no primary headache named
    ],
)
def test_a_checked_headache_with_a_warning_or_no_benign_cause_still_counts(comment: str) -> None:
    note = INTAKE + _row({"headache": True, "seizure": False}) + "\n   " + comment + "\nPlan: surgery consult."
    assert "headache" in symptom_codes(note)


@given(
    weakness=st.booleans(),
    seizure=st.booleans(),
    lead=st.sampled_from(["comment:", "Comment -", "notes:", "details:"]),
    stable=st.sampled_from(["same pattern", "no change in frequency", "unchanged", "as usual"]),
)
@PROPERTY
def test_a_migraine_comment_explains_the_headache_only(weakness: bool, seizure: bool, lead: str, stable: str) -> None:
    """Whatever else the row ticks, the migraine comment takes away the headache and nothing else: a ticked weakness or
    seizure stays a red flag (the comment's "same pattern" speaks of the migraine), an unticked one stays denied."""
    row = _row({"headache": True, "focal weakness": weakness, "seizure": seizure})
    codes = set(symptom_codes(INTAKE + row + f"\n   {lead} lifelong migraines, {stable}\nPlan: surgery consult."))
    assert "headache" not in codes
    assert ("neurologic_deficit" in codes) == weakness
    assert ("seizure" in codes) == seizure
