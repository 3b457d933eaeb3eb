"""Tenth security pass: a review of systems written with (+)/(-) after each item, the positive one first.

"bone pain (+) headache (-)" lost the bone pain: the "(+)" was read as leading the headache (a word followed it at
once), and the headache's "(-)" reached back over the whole line. "headache (-) bone pain (+)" denied the bone pain
and raised the headache. A line that ends with a sign and starts with none answers each item with the sign after
it; a sign's item starts after the sign before it.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

HEADER = "49F, L breast ILC 2.2 cm, grade 2, ER+ PR- HER2-, cN0.\n"


def _symptoms(note: str) -> set[str]:
    return set(facts(HEADER + note).get("symptoms", []))


@pytest.mark.parametrize(("plus", "minus"), [("(+)", "(-)"), ("(pos)", "(neg)"), ("(+ve)", "(-ve)"), ("(Y)", "(N)")])
def test_each_item_takes_the_sign_after_it(plus: str, minus: str) -> None:
    assert _symptoms(f"bone pain {plus} headache {minus}") == {"bone_pain"}
    assert _symptoms(f"headache {minus} bone pain {plus}") == {"bone_pain"}
    assert _symptoms(f"Back pain {plus} Cough {minus} Headache {minus}") == {"back_pain"}


def test_a_line_that_starts_with_signs_leads_with_them() -> None:
    assert _symptoms("(-) cough (-) fever (+) bone pain in the right hip") == {"bone_pain"}
    assert _symptoms("(+) headache (-) cough") == {"headache"}


def test_signs_in_cells_read_as_before() -> None:
    assert _symptoms("bone pain (-)  headache (+)") == {"headache"}
    assert _symptoms("back pain (+), joint pain (-), cough (-)") == {"back_pain"}


def test_advice_on_the_symptoms_of_metastatic_disease_to_report_names_none_she_has() -> None:
    # found by the property test of safety-netting advice (test_nlp_unsafe_classes_v5): the ninth pass's cue
    # "discussed signs of recurrence" also took "metastatic", a target of its own, and was dropped with its reach
    treated = "68F, L breast IDC 2017, s/p lumpectomy + RT, on letrozole until 2022. Routine follow-up. Well today. "
    assert not set(facts(treated + "Reviewed symptoms of metastatic disease to report: a cough or back pain.").get(
        "symptoms", []))  # fmt: skip
    assert not set(facts(treated + "Discussed signs of recurrence such as new bone pain.").get("symptoms", []))
    she_has = treated + "She has new bone pain in the R hip at night. Reviewed symptoms of metastatic disease to report"
    assert "bone_pain" in facts(she_has).get("symptoms", [])
