"""Round 43r (orders v39 second pass): an order line's implication is not read into a note's prose.

Round 42r read a study done once a year ("yearly", "annual", "every year") as the screening study where the order line
names nothing it is for ("my yearly mammogram"). An order line's few words are all it says; a note's other sentences say
what the study is for: after a treated breast cancer the yearly mammogram is its surveillance. Read into notes, the rule
turned survivors' "annual mammogram" into a screening order and made "annual diagnostic mammogram" ask (36 notes of
earlier blind sets changed, among them v18 ta-008, ta-018, v23 yc-009, yc-016, v35 ad-038, af-034, v40 au-011,
au-048). The note reader now reads studies with the knowledge marked as prose (orders.in_prose): the yearly rule holds
on order lines only.
Controls: an order line still reads the yearly mammogram as screening; a screening or a diagnostic mammogram a note
names is read; a real symptom and a real study in the same note are still read.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes
from order_helpers import study

_HX = "58F, R breast IDC 2018 (pT1b N0, ER+), R lumpectomy + RT, finished tamoxifen 2023.\n"


@pytest.mark.parametrize(
    "plan",
    [
        "Plan: she stays on yearly mammography through the GP recall system.\n",
        "Surveillance: mammogram every year, last one clear (BI-RADS 1).\n",
        "A/P: NED. Continue annual bilateral mammograms. See in 12 months.\n",
        "Follow-up: clinical review 6-monthly, mammo yearly, no routine scans.\n",
    ],
)
def test_a_survivors_yearly_mammogram_is_no_screening_order(plan: str) -> None:
    note = _HX + "Feels well, no new lumps, no bone pain.\n" + plan
    assert order_of(note) != "mammo_screening"


@pytest.mark.parametrize(
    "plan",
    [
        "Plan: yearly bilateral diagnostic mammogram requested for next month.\n",
        "Orders: diagnostic mammogram both breasts (annual) - placed today.\n",
        "Plan: booked her annual diagnostic mammography, due in May.\n",
    ],
)
def test_a_yearly_diagnostic_mammogram_stays_diagnostic(plan: str) -> None:
    note = _HX + "No complaints. Exam: no masses, no nodes.\n" + plan
    assert order_of(note) == "mammo_diagnostic"


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("my yearly mammogram", "mammo_screening"),
        ("the mammogram I get every year", "mammo_screening"),
        ("annual mammo please", "mammo_screening"),
    ],
)
def test_control_an_order_line_still_reads_the_yearly_mammogram_as_screening(text: str, pid: str) -> None:
    assert study(text) == pid


def test_control_a_named_screening_mammogram_in_a_note_is_read() -> None:
    note = "49F, no personal history of cancer, mother had breast ca at 62.\nPlan: screening mammogram ordered.\n"
    assert order_of(note) == "mammo_screening"


def test_control_a_real_symptom_and_study_beside_a_yearly_mammogram_are_read() -> None:
    note = (
        "58F, R breast IDC 2018 (pT1b N0, ER+), R lumpectomy + RT, on annual mammography since.\n"
        "New pain in the lower back for 5 weeks, waking her at night, worse lying down.\n"
        "Plan: MRI lumbar spine with and without contrast ordered.\n"
    )
    assert "back_pain" in symptom_codes(note)
    assert order_of(note) == "mri_spine_wwo"
