"""Round 31 (lead): the calcifications a number measures are no tumour size; a calcification named later is.

Round 31c set aside "8 mm area of calcification" (a DCIS's extent, v32 db-013) by the calcification words anywhere in
the 28 characters after the number, which also took a dictated "measures 1.6 centimetres on ultrasound calcifications
span 4 centimetres" (v15 qc-023) from its tumour. Only the calcifications named as what the number measures are set
aside now (values.yaml, size reject_after).
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor

NEW = "57F, newly diagnosed R breast IDC, grade 2, ER+ PR+ HER2-.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Mammogram: 5 cm area of calcification in the upper outer quadrant, biopsy DCIS and IDC.",
        "Segmental 6 cm of microcalcifications, core: IDC with DCIS.",
    ],
)
def test_the_calcifications_extent_is_no_size(line: str) -> None:
    assert tumor(NEW + line + "\n").get("size_cm") is None


@pytest.mark.parametrize(
    ("line", "size"),
    [
        ("the mass measures 1.8 centimetres on ultrasound calcifications span 4 centimetres", 1.8),
        ("US: 2.2 cm irregular mass, associated calcifications on mammo.", 2.2),
    ],
)
def test_a_mass_with_calcifications_named_later_keeps_its_size(line: str, size: float) -> None:
    assert tumor(NEW + line + "\n").get("size_cm") == size
