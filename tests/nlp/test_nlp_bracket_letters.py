"""Round 15: a checklist's bracketed letter answers its item ("(N) Bone pain", "(Y) Back pain").

Eligibility, triage and intake checklists write the answer as a letter in brackets before (or after) each item.
Before this rule "(N) Bone pain" raised the red flag it denies (the unsafe class of issue 8's first report, a red
flag from a ticked "N"), and "(N) Inflammatory breast cancer" in a trial's exclusion list made the cancer
inflammatory. The letters are now signs, as "(-)" and "(+)" are (context.yaml ``negative_signs``/``positive_signs``).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, symptom_codes

BASE = "60F, core biopsy 1.7 cm IDC right breast, grade 2, ER+ PR- HER2-, cN0, seen before surgery.\n"
ITEMS = {"Bone pain": "bone_pain", "Headache": "headache", "Persistent cough": "cough", "Back pain": "back_pain"}


def test_a_bracketed_n_denies_and_a_bracketed_y_states() -> None:
    note = BASE + "Triage checklist\n (N) Bone pain\n (Y) Back pain\n (N) Headache\n"
    assert symptom_codes(note) == {"back_pain"}


def test_an_exclusion_checklist_answered_n_is_no_tumour_fact() -> None:
    note = BASE + "Exclusion criteria\n (N) Inflammatory breast cancer\n (N) Prior CDK4/6 inhibitor\n"
    assert "inflammatory" not in facts(note).get("tumor", {})


def test_an_answer_after_its_item_reads_the_same() -> None:
    assert symptom_codes(BASE + "Bone pain (N), headache (Y)") == {"headache"}


ROW = st.tuples(st.sampled_from(sorted(ITEMS)), st.booleans())  # (item, answered yes)
ROWS = st.lists(ROW, min_size=1, max_size=4, unique_by=lambda t: t[0])


@settings(max_examples=25, deadline=None)
@given(ROWS)
def test_each_item_reads_as_its_letter(rows: list[tuple[str, bool]]) -> None:
    lines = "".join(f" ({'Y' if yes else 'N'}) {item}\n" for item, yes in rows)
    expected = {ITEMS[item] for item, yes in rows if yes}
    assert symptom_codes(BASE + "Symptom screen\n" + lines) == expected
