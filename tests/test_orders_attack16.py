"""Order-name classes of the sixteenth security pass (F9-F11), in other words than the report's.

F9: an enteric contrast said to be left out ("without oral contrast", "w/o PO") states nothing about the IV contrast:
the order asks, never the study without IV contrast. An IV route stated beside it keeps the IV study.
F10: a contrast allergy denied ("no contrast allergy", "no prior contrast reaction") is no "no contrast": the order
asks whether contrast is given, as with the allergy stated; it never resolves to the study without contrast.
F11: a minus sign on the contrast noun ("-gad", "dye-", "(-) contrast") may be the contrast's or a dash between two
fields: the order asks, never the study with contrast. A plus sign stays "and" ("plain + contrast", "+/- contrast").
"""

from __future__ import annotations

import pytest

from order_helpers import study as _study


@pytest.mark.parametrize(
    "text",
    [
        "CT chest/abdomen/pelvis without PO contrast",
        "CT abd/pelvis w/o oral dye",
        "ct abdomen and pelvis wo oral",
        "CT C/A/P - without oral",
        "CT A/P no PO contrast please",
    ],
)
def test_an_enteric_contrast_left_out_asks_about_iv(text: str) -> None:
    assert _study(text) is None


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("CT C/A/P with IV contrast, without oral contrast", "ct_cap_contrast"),
        ("CT abdomen pelvis w/ IV, w/o PO", "ct_abdomen_pelvis_contrast"),
        ("CT chest abdomen pelvis without IV or oral contrast", "ct_cap_wo"),
        ("CT A/P without contrast", "ct_abdomen_pelvis_wo"),  # control: the plain negation
    ],
)
def test_a_stated_iv_contrast_still_decides(text: str, gold: str) -> None:
    assert _study(text) == gold


@pytest.mark.parametrize(
    "text",
    [
        "CT chest abd pelvis, no contrast allergies",
        "CT chest abd pelvis, no contrast reactions",
        "CT chest abdo pelvis; no known contrast allergy",
        "CT chest abd pelvis, no allergy to contrast",
        "CT abd/pelvis - no prior contrast reaction",
        "MRI brain, no gadolinium allergy",
    ],
)
def test_a_denied_contrast_allergy_is_no_study_without_contrast(text: str) -> None:
    study = _study(text)
    assert study is None or not study.endswith("_wo"), study


@pytest.mark.parametrize(
    "text", ["MRI head -gadolinium", "MRI brain -dye", "MRI brain [-] contrast", "CT chest (-) contrast"]
)
def test_a_minus_sign_on_the_contrast_asks(text: str) -> None:
    study = _study(text)
    assert study is None, study


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("MRI brain plain + contrast", "mri_head_wwo"),
        ("breast MRI +/- contrast", "mri_breast_wwo"),
        ("CT chest -C", "ct_chest_wo"),
        ("MRI brain no gad", "mri_head_wo"),
    ],
)
def test_signs_written_as_abbreviations_keep_their_reading(text: str, gold: str) -> None:
    assert _study(text) == gold
