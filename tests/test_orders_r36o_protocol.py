"""Orders, round 36o (v33's protocol wording, in other words than the list's line): an enhanced MRI series named on a
protocol ticket ("post-gad series", "contrast series") is the study's contrast, never a radiograph's "series".
Controls: a radiograph series stays a radiograph; an unenhanced series alone is the study without contrast."""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("MRI breast bilateral: pre contrast and post gadolinium series", "mri_breast_wwo"),
        ("Protocol - MR liver, dynamic pre/post gad series", "mri_abdomen_wwo"),
        ("MRI brain pre/post gadolinium series", "mri_head_wwo"),
        ("MRI C-spine, no contrast series", None),  # not the enhanced series: asks or reads without, never with
    ]
)
def test_an_enhanced_mri_series_is_the_contrast(text: str, pid: str | None) -> None:
    got = study(text)
    if pid is None:
        assert got in (None, "mri_spine_wo"), interpret(KB, text)
    else:
        assert got == pid, interpret(KB, text)


@case([("XR chest 2 view series", "xray_chest"), ("lumbar spine radiograph series", "xray_bone")])
def test_controls_a_radiograph_series(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
