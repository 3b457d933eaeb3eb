"""Round 22b (merger): "mammary" written for "breast" in the no-special-type name is ductal (IDC), as WHO's
"invasive breast carcinoma of no special type" already was; other mammary carcinomas stay not otherwise specified."""

from __future__ import annotations

import pytest

from nlp_helpers import tumor


@pytest.mark.parametrize(
    "text",
    [
        "Core biopsy: invasive mammary carcinoma, NST, grade 2.",
        "Diagnosis: infiltrating mammary carcinoma of no special type.",
        "Left breast 10 o'clock, US-guided core: Invasive mammary carcinoma NST (ductal), Nottingham 2.",
    ],
)
def test_mammary_carcinoma_of_no_special_type_is_ductal(text: str) -> None:
    assert tumor(text).get("histology") == "IDC"


@pytest.mark.parametrize(
    "text",
    [
        "Core biopsy: invasive mammary carcinoma with lobular features.",
        "Invasive mammary carcinoma, type to follow on the excision.",
    ],
)
def test_other_mammary_carcinomas_are_not_called_ductal(text: str) -> None:
    assert tumor(text).get("histology") != "IDC"
