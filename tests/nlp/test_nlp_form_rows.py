"""Form rows in layouts the layout reader does not know (a Markdown table, "Present / Absent" columns, a
cross or tick after the item): their symptoms are never raised and never dropped; the answer waits and
names them to confirm. Rows the layout does read keep their reading (controls), and other facts on a
form-like row (a synoptic "Grade      2") are read as before."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import decide_note, symptom_codes, tumor

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "58F, new L breast IDC 1.5 cm, grade 2, ER+ PR+ HER2-, cN0, untreated. PET/CT requested.\n"
ITEMS = {"Bone pain": "bone_pain", "Headache": "headache", "Cough": "cough", "Jaundice": "jaundice"}
CROSS = st.sampled_from(["X", "x", "✗", "✓", "●"])


def _markdown(answers: dict[str, bool], mark: str) -> str:
    rows = [f"| {item} | {mark if yes else ''} | {'' if yes else mark} |" for item, yes in answers.items()]
    return "| Symptom | Yes | No |\n|---|---|---|\n" + "\n".join(rows) + "\n"


def _columns(answers: dict[str, bool], mark: str) -> str:
    rows = [f"{item:<14}{mark if yes else ' ':<10}{'' if yes else mark}" for item, yes in answers.items()]
    return "Symptom       Present   Absent\n" + "\n".join(rows) + "\n"


@PROPERTY
@given(
    answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=1, max_size=4),
    mark=CROSS,
    layout=st.sampled_from([_markdown, _columns]),
)
def test_an_unknown_form_layout_never_raises_a_red_flag_and_names_each_to_confirm(
    answers: dict[str, bool], mark: str, layout: object
) -> None:
    note = HEADER + layout(answers, mark)  # type: ignore[operator]
    assert symptom_codes(note) == set()  # neither raised (it may say "no") nor silently dropped
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    named = " ".join(decision["insufficient_data"])
    assert all(code in named for code in (ITEMS[item] for item in answers)), named


def test_a_cross_or_tick_ending_the_row_is_confirmed_too() -> None:
    # round 22n: a column of crosses alone, or of ticks alone, cannot be told (the cross may be the tick); a column
    # that ticks its yes answers denies with its crosses (test_nlp_r22n_shorthand_negation.py)
    for rows in ("Bone pain ✗\nHeadache ✗\nFatigue ✗\n", "Bone pain ✓\nFatigue ✓\n", "Bone pain x\nFatigue x\n"):
        decision = decide_note(HEADER + "ROS\n" + rows)
        assert decision["systemic_imaging"] == "undetermined"
        assert "bone_pain" in " ".join(decision["insufficient_data"])


def test_rows_the_layout_reads_keep_their_reading() -> None:
    assert symptom_codes(HEADER + "ROS:\n[x] Bone pain\n[ ] Headache\n") == {"bone_pain"}
    assert symptom_codes(HEADER + "Bone pain [ ] Y [x] N\nHeadache [ ] Y [x] N\n") == set()
    assert decide_note(HEADER + "Bone pain [ ] Y [x] N\n")["systemic_imaging"] == "not_recommended"


def test_prose_and_other_facts_on_a_form_like_row_read_as_before() -> None:
    assert symptom_codes(HEADER + "New bone pain in the right hip for 3 weeks, worse at night.\n") == {"bone_pain"}
    synoptic = "Histologic type      Invasive ductal carcinoma\nGrade      2\nTumour size      15 mm\n"
    got = tumor(synoptic)
    assert got.get("grade") == 2 and got.get("size_cm") == 1.5
