"""Round 44x (v44 be-028, bf-013).

- The upper arm's pain, alone or shared with the shoulder ("R shoulder / upper arm pain x 2 mo"), is mostly a
  muscle's or the cuff's: it is bone pain only with a warning, told in its sentence or in the next one, which may open
  with the onset and leave its subject out ("Started after gardening ..., but now progressive and waking her at night").
  Without a warning (a trip, a bruise, improving) it stays unread.
- The abdomen's tenderness found on examination ("PE: Abd soft, mild epigastric tenderness") is the examiner's sign,
  not the patient's complaint; a complaint of tenderness or pain still counts, and hepatomegaly stays its own finding.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

FU = "Onc f/u. 61F, 3 yrs post R mastectomy for IDC pT2 pN1a, ER+/HER2-, on letrozole.\n"


@pytest.mark.parametrize(
    "story",
    [
        "Reports L shoulder / upper arm pain x 6 wks. Started after lifting boxes, but now constant and waking her at"
        " night.",
        "R upper arm pain for 2 months, progressive, now at night as well.",
        "Complains of left shoulder and upper arm pain x 3 mo. Began after tennis; now worse every week and keeps her"
        " up.",
    ],
)
def test_an_upper_arm_pain_with_a_warning_is_bone_pain(story: str) -> None:
    assert "bone_pain" in symptom_codes(FU + story)


@pytest.mark.parametrize(
    "story",
    [
        "Tripped on the stairs last week: L shoulder and upper arm pain, contusion on exam, improving daily.",
        "R upper arm pain after her flu shot yesterday, settling.",
        "Started anastrozole 2023, now well. Denies bone pain.",
    ],
)
def test_an_upper_arm_pain_without_a_warning_or_an_onset_without_a_symptom_is_none(story: str) -> None:
    assert "bone_pain" not in symptom_codes(FU + story)


@pytest.mark.parametrize(
    "exam",
    [
        "PE: Abd soft, mild epigastric tenderness, no HSM.",
        "Exam: mild RUQ tenderness, Murphy neg. No HSM.",
        "O/E: abdo soft, mild LUQ tenderness, BS normal.",
    ],
)
def test_an_examinations_abdominal_tenderness_is_not_the_patients_pain(exam: str) -> None:
    assert "abdominal_pain" not in symptom_codes(FU + "Feels well.\n" + exam)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("C/o RUQ tenderness and pain x 2 wks, worse at night.", {"abdominal_pain"}),
        ("Pt reports new RUQ pain x 3 wks. Exam: RUQ tenderness, liver edge 3 cm below costal margin.",
         {"abdominal_pain", "hepatomegaly"}),
        ("Pt reports abdominal tenderness since last week, progressive.", {"abdominal_pain"}),
    ],
)  # fmt: skip
def test_a_complaint_of_tenderness_or_pain_still_counts(text: str, codes: set[str]) -> None:
    assert codes <= symptom_codes(FU + text)
