"""Round 44u: a real bone pain dropped by an aside's answered question (v44 be-045).

- A question answered no inside an aside's brackets ("(fracture? no, only bruised)") answers the aside's item, never the
  symptom the sentence names before the bracket; a question answered no on its own still denies its item,
  and a box answer "(x) No" keeps its label.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

NEW = "79F newly dx L breast IDC on core, ER+ PR- HER2-, grade 3. Staging discussed.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Also R hip pain - thought due to a trip last year (fracture? no, XR then clear), but worse over 2 months.",
        "L thigh pain since a fall (break? no, just bruised) 1 yr ago, but now waking her at night.",
        "Rib pain after coughing fit (cracked? no - per pt), but persisting and worsening x 6 wks.",
    ],
)
def test_a_question_answered_no_in_brackets_does_not_deny_the_pain_before_it(line: str) -> None:
    assert "bone_pain" in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "Hip pain? no, headache? no.",
        "ROS: bone pain? no, cough? no.",
        "Symptoms (bone pain? no, headache? no).",
        "Bone pain: no, back pain: no.",
    ],
)
def test_a_question_answered_no_still_denies_its_own_item(line: str) -> None:
    assert not symptom_codes(NEW + line) & {"bone_pain", "back_pain", "headache"}


def test_a_boxed_no_after_a_bracketed_list_still_denies_the_row() -> None:
    line = "Symptoms suggesting metastasis (bone pain, headache, jaundice): ( ) Yes  (x) No"
    assert not symptom_codes(NEW + line) & {"bone_pain", "headache", "jaundice"}
