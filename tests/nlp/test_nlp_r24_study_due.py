"""Round 24: a study that falls due is the one to be done now ("Annual diagnostic mammogram is due (last 3/2024)",
"she is due for her surveillance MRI"), and a plan item's status in brackets at its end marks the item's study however
far back it is named ("- CT chest/abd/pelvis w/ contrast before that visit to complete restaging (ordered)"). Never
"is due to" (a cause), never an operation told before it.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

HEADER = "58F, L breast IDC 2020, lumpectomy + RT, on anastrozole, surveillance visit.\n"


@pytest.mark.parametrize(
    ("line", "study"),
    [("- Bilateral diagnostic mammogram is due, last one 11/2024.", "Mammography Diagnostic"),
     ("Surveillance breast MRI w/wo contrast now overdue - will book.", "MRI Breast Without and With IV Contrast"),
     ("She is due for her annual diagnostic mammogram in March.", "Mammography Diagnostic"),
     ("- Bone scan, whole body, to look at the new rib pain early next week (requested)", "Bone Scan Whole Body")],
)  # fmt: skip
def test_a_study_due_or_marked_ordered_is_the_order(line: str, study: str) -> None:
    assert facts(HEADER + line).get("order") == study


def test_is_due_to_is_a_cause_not_a_study_falling_due() -> None:
    got = facts(HEADER + "Breathless on hills, which is due to her known COPD; stable for years.")
    assert "dyspnea" not in got.get("symptoms", [])


def test_an_operation_before_a_study_falling_due_stays_done() -> None:
    got = facts("I had my mastectomy in 2022 and my mammogram of the other breast is due next month.")
    assert got.get("prior_surgery") == "mastectomy"


def test_a_bare_mammogram_named_again_after_the_diagnostic_one_is_the_same_study() -> None:
    note = (
        HEADER
        + "- Bilateral diagnostic mammogram is due (last 3/2024); order placed today.\nNext contact: after mammogram."
    )
    assert facts(note).get("order") == "Mammography Diagnostic"


def test_a_bare_mammogram_beside_another_kind_of_study_still_conflicts() -> None:
    note = HEADER + "Plan: breast MRI with contrast requested (mammogram and MRI staggered 6 months apart)."
    assert "order" not in facts(note)
