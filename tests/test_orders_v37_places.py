"""Orders v37: a breast imaging centre named around a study is where it is done, not a second, breast study.

"US axilla ... - Breast Imaging Center" had asked between a breast and an axillary ultrasound: the place's "breast"
read as a body region. The vocabulary's place words (``order_vocabulary.yaml``, with the breast clinic) now hold the
breast centre's names; a place alone still names no study.
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("Ultrasound L axilla, limited @ Breast Imaging Centre", "us_axilla"),
        ("STAT axillary US left - Womens Imaging Center", "us_axilla"),
        ("Bone scan whole body (Breast Center referral)", "bone_scan"),
        ("Breast Health Center: CT chest abdomen pelvis w contrast", "ct_cap_contrast"),
    ]
)
def test_a_breast_centre_around_a_study_is_the_place(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("US - Breast Imaging Center", None),  # an ultrasound of what: the place names no region
        ("MRI at the Women's Imaging Center", None),
        ("Breast Imaging Center", None),
        ("US R breast - Breast Center", "us_breast"),  # the study's own region stays
    ]
)
def test_the_place_names_no_study_of_its_own(text: str, pid: str | None) -> None:
    assert study(text) == pid
