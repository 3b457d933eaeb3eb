"""Round 20c: a form's question answered yes, a safety net told without its verb, plural symptom abbreviations.

- A questionnaire prints its questions: the "New" of "New cough   [x]Yes [ ]No" is the form's word, not the writer's
  warning, so the patient's explanation in the answer ("had a cold last week - almost gone") explains the cough.
  A warning the patient writes in the answer ("3 weeks now, getting worse") still keeps it.
- "ED for any weakness, numbness, or incontinence" lists what to go to the ED for, should it happen: hypothetical,
  as "call if you develop". Without "any" ("Pt to ED for new weakness", "seen in ED for back pain") the visit is what
  happened and the symptom stands.
- "HAs" (headaches), "H/As", "SOBOE" (short of breath on exertion) name their symptoms; "has" and "HAS" do not.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

LEAD = "Survivorship visit. 59 year old woman, left breast IDC 2019, mastectomy, on anastrozole.\n"
FORM = "In the past month have you had:\n"


@pytest.mark.parametrize(
    "row",
    [
        '  New cough                [x]Yes [ ]No   "had a cold last week - almost gone"',
        "  Worsening cough          [x] Y  [ ] N   comment: chest cold, nearly better now",
        "  New cough: Yes - had a cold last week, almost gone",
        '  New back pain            [x]Yes [ ]No   "after moving furniture"',
    ],
)
def test_a_warning_printed_in_the_form_question_does_not_keep_the_answer_explanation_away(row: str) -> None:
    assert symptom_codes(LEAD + FORM + row + "\n") == set()


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ('  New cough                [x]Yes [ ]No   "3 weeks now, getting worse, cold long gone"', {"cough"}),
        ("  New cough                [x]Yes [ ]No", {"cough"}),
        ('  New back pain            [x]Yes [ ]No   "wakes me at night"', {"back_pain"}),
    ],
)
def test_a_yes_without_an_explanation_or_with_the_patients_own_warning_stands(row: str, expected: set[str]) -> None:
    assert symptom_codes(LEAD + FORM + row + "\n") == expected


def test_a_warning_written_by_the_clinician_in_prose_still_keeps_a_symptom() -> None:
    assert symptom_codes(LEAD + "New cough x 4 wks, had a cold in Jan.") == {"cough"}


@pytest.mark.parametrize(
    "net",
    [
        "- ED for any weakness, numbness, or incontinence.",
        "- to ED for any new leg weakness, numbness or urinary retention",
        "ER/urgent care for any new headache, vomiting or confusion.",
        "Emergency dept with any new weakness or numbness in the legs.",
        "Advised ED for anything like new weakness, numbness or loss of bladder control.",
    ],
)
def test_a_safety_net_without_its_verb_or_if_is_hypothetical(net: str) -> None:
    note = LEAD + "Mid back pain 3 wks, MRI T-spine ordered.\n" + net
    assert symptom_codes(note) == {"back_pain"}


@pytest.mark.parametrize(
    "visit",
    ["Pt to ED for new leg weakness.", "She went to the ED for new weakness.", "ED visit 2 days ago for new weakness."],
)
def test_an_ed_visit_for_a_symptom_keeps_it(visit: str) -> None:
    assert "neurologic_deficit" in symptom_codes(LEAD + visit)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("New HAs x 3 wks, worse on waking.", {"headache"}),
        ("Morning HAs with nausea since Easter.", {"headache"}),
        ("c/o H/As for 2 wks.", {"headache"}),
        ("SOBOE x 2 wks, now on 1 flight of stairs.", {"dyspnea"}),
        ("Denies HAs, SOBOE or cough.", set()),
        ("Nothing new has happened since. She has no complaints.", set()),
        ("PATIENT HAS NO COMPLAINTS TODAY.", set()),
    ],
)
def test_plural_and_run_together_abbreviations(line: str, expected: set[str]) -> None:
    assert symptom_codes(LEAD + line) == expected
