"""Round 36 (v35 ad-010): "largest N mm" after a group of benign findings is that group's size.

A breast MRI report measured the biopsy-proven cancer (2.4 cm) and then "Several small cysts LOQ, largest 9 mm": the
"largest" rule is the strongest size reading, so the cysts' 9 mm outweighed the cancer and a T2 tumour was staged as
T1. A benign finding named before "largest" now keeps the number for itself. Controls: the largest of the cancer's
own foci, and a lone cancer measured with "largest", still give the tumour's size.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor

HEAD = "Breast MRI. 58F, newly diagnosed right breast IDC, ER+ PR+ HER2-.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Multiple simple cysts in both breasts, largest 11 mm.",
        "Scattered benign-appearing calcifications, largest cluster 6 mm.",
        "Two fibroadenomas on the left, largest measuring 1.2 cm, stable.",
        "Oil cysts at the lumpectomy site of the other breast, the largest 14 mm.",
    ],
)
def test_the_largest_of_benign_findings_is_not_the_tumour_size(line: str) -> None:
    note = HEAD + "Index mass at 10:00 measures 2.6 x 2.0 x 1.9 cm, biopsy-proven carcinoma.\n" + line + "\n"
    assert tumor(note).get("size_cm") == 2.6


def test_control_the_largest_focus_of_the_cancer_is_its_size() -> None:
    note = HEAD + "Pathology: invasive ductal carcinoma, two foci, largest focus 2.3 cm.\n"
    assert tumor(note).get("size_cm") == 2.3


def test_control_benign_findings_elsewhere_do_not_hide_the_cancers_largest_dimension() -> None:
    note = HEAD + "Small cyst 4 mm at 6:00.\nThe carcinoma at 10:00: largest dimension 3.1 cm.\n"
    assert tumor(note).get("size_cm") == 3.1
