"""Round 20c: a symptom graded on a scale, read in other layouts than the set's.

A toxicity grid (CTCAE), a pain score or a severity row answers each item with a grade: grade 0 (none, 0/10) says
the item is absent, a grade of 1 or more (mild, 4/10) that it is there, no grade ticked or several leave it to
confirm (graded_rows.py). The tumour's own grade ("Grade:  [ ] 1  [ ] 2  [x] 3") is left to the value rules.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, symptom_codes
from rightscan.adapters.text import extract

LEAD = "Radiation oncology follow-up. 60 year old woman, right breast IDC, lumpectomy and RT 2024, on letrozole.\n"
PROPERTY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ITEMS = {"Cough": "cough", "Dyspnoea": "dyspnea", "Headache": "headache", "Bone pain": "bone_pain"}
BOX_STYLES = ["[{m}]{g}", "[{m}] {g}", "({m}){g}", "[{m}] G{g}", "{g}[{m}]"]


def _confirmed(text: str) -> set[str]:
    out: set[str] = set()
    for item in extract(text).to_confirm:
        if item["field"] == "symptoms":
            out |= set(item["values"])
    return out


def _row(label: str, style: str, ticked: set[int], top: int = 3) -> str:
    boxes = " ".join(style.format(m="x" if g in ticked else " ", g=g) for g in range(top + 1))
    return f" {label:<34}{boxes}"


@PROPERTY
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(ITEMS)), st.integers(0, 3)), min_size=1, max_size=4, unique_by=lambda x: x[0]
    ),
    st.sampled_from(BOX_STYLES),
)
def test_a_boxed_grade_row_states_what_its_ticked_grade_says(rows: list[tuple[str, int]], style: str) -> None:
    grid = "Toxicity (CTCAE v5)                Grade\n" + "\n".join(_row(label, style, {g}) for label, g in rows)
    expected = {ITEMS[label] for label, g in rows if g > 0}
    assert symptom_codes(LEAD + grid) == expected


def test_a_grade_0_row_naming_several_symptoms_denies_them_all() -> None:
    note = LEAD + " Lung toxicity (cough, SOB)        [x]0  [ ]1  [ ]2  [ ]3\n Headache       [ ]0 [x]1 [ ]2\n"
    assert symptom_codes(note) == {"headache"}


@pytest.mark.parametrize("ticked", [set(), {0, 2}])
def test_a_row_with_no_grade_ticked_or_two_is_confirmed(ticked: set[int]) -> None:
    note = LEAD + _row("Bone pain", "[{m}] {g}", ticked) + "\n"
    assert "bone_pain" not in symptom_codes(note)
    assert "bone_pain" in _confirmed(note)


def test_severity_words_in_boxes() -> None:
    assert symptom_codes(LEAD + "Headache   [x] none  [ ] mild  [ ] moderate  [ ] severe\n") == set()
    assert symptom_codes(LEAD + "Headache   [ ] none  [ ] mild  [x] moderate  [ ] severe\n") == {"headache"}


@pytest.mark.parametrize(
    "line",
    [
        "Cough: grade 0",
        "Dyspnoea - CTCAE grade 0",
        "Shortness of breath: Gr 0; fatigue: Gr 1",
        "Pneumonitis (cough, dyspnoea): G0",
        "cough (grade 0), SOB (grade 0)",
        "Bone pain 0/10",
        "Pain score (bone pain): 0/10",
        "Toxicities: G0 cough, G1 fatigue",
        "Headache ........ G0",
    ],
)
def test_a_grade_0_written_beside_its_item_denies_it(line: str) -> None:
    assert symptom_codes(LEAD + line) == set()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Cough: grade 1", {"cough"}),
        ("Cough G0, dyspnoea G2", {"dyspnea"}),
        ("Bone pain 4/10", {"bone_pain"}),
        ("Back pain 0/10 at rest, 6/10 when walking", {"back_pain"}),  # no cell end after the 0: read as words
        ("Back pain 6/10, 0/10 after oxycodone", {"back_pain"}),
    ],
)
def test_a_grade_of_one_or_more_keeps_its_item(line: str, expected: set[str]) -> None:
    assert symptom_codes(LEAD + line) == expected


def test_two_scores_of_one_item_leave_it_to_confirm() -> None:
    note = LEAD + "Back pain 0/10, 6/10 with activity"
    assert "back_pain" not in symptom_codes(note)
    assert "back_pain" in _confirmed(note)


def test_the_tumour_grade_in_boxes_is_left_to_the_value_rules() -> None:
    note = "New patient. 44F, L breast IDC on core biopsy.\nGrade:  [ ] 1  [ ] 2  [x] 3\nER: 0%  PR: 0%  HER2: IHC 0\n"
    assert facts(note)["tumor"]["grade"] == 3


def test_a_score_row_with_a_grade_ticked_keeps_the_tumour_grade() -> None:
    note = "New patient. 58F, R breast IDC on core biopsy.\nNottingham score  [ ] G1  [x] G2  [ ] G3\n"
    assert facts(note)["tumor"]["grade"] == 2
