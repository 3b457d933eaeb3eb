"""Round 43m (v43 bc-031): the relative who brought the patient in ("brought by son for 1 wk of ... new L leg weakness",
"brought in by her daughter with headaches") is her company, as "accompanied by her son": the complaint that follows is
the patient's, not a relative's. Controls: a relative's own symptom, told as the relative's, stays a relative's; a
denial still holds; an old explained deficit stays explained.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "Hx L breast IDC 2019 s/p lumpectomy, TCH, RT.\n"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("79 yo F brought in by her daughter with 10 days of new daily headaches, worse lying down.", "headache"),
        ("80F driven to the ED by husband for 3 days of new R arm weakness.", "neurologic_deficit"),
        ("Pt brought by son for progressive confusion and new weakness of the left leg.", "neurologic_deficit"),
        ("72F escorted in by her niece with new low back pain, worse at night.", "back_pain"),
    ],
)
def test_complaint_after_the_relative_who_brought_her_is_hers(line: str, code: str) -> None:
    assert code in symptom_codes(HX + line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Brought in by her daughter, who herself has had headaches for a month.", "headache"),
        ("Brought by son. She denies weakness, numbness or headache.", "neurologic_deficit"),
        ("Brought in by husband. Old R arm weakness from a 2015 stroke, unchanged.", "neurologic_deficit"),
    ],
)
def test_control_relative_denial_or_explanation_holds(line: str, code: str) -> None:
    assert code not in symptom_codes(HX + line)
