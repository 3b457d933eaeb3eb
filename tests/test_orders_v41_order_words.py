"""Orders, round 44o (orders v41): words around the study that name no other study.

- "BL" is both sides written without the slash ("BL breast MRI w/ contrast"); a side never changes a CT or a bone scan.
- The full stop of a shortening that only stands inside a sentence ("incl.", "approx.") ends no sentence.
- "then" before a procedure that is no study (a radiotherapy planning CT, a simulation) places the study before it,
  like "before"; "then" before a second study or a contrast keeps its reading.
- What the study is to settle ("to clarify", "to determine") and a value that keeps rising are the question it answers;
  "rpt" (repeat) names no other study.
Controls: two studies still ask, a contrast left open still asks, a planning CT alone is no study.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("BL MRI breasts w/wo contrast", "mri_breast_wwo"),
        ("US BL breasts", "us_breast"),
        ("BL diagnostic mammogram", "mammo_diagnostic"),
        ("BL bone scan", "bone_scan"),
    ]
)
def test_bl_is_both_sides(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("CT chest incl. upper abdomen w contrast", "ct_chest_contrast"),
        ("US L breast, approx. 2 cm mass at 3 o'clock", "us_breast"),
        ("US breast incl. axilla", "us_breast"),
    ]
)
def test_an_abbreviation_stop_ends_no_sentence(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("CT chest w contrast, then CT sim", "ct_chest_contrast"),
        ("Bone scan, then simulation", "bone_scan"),
        ("MRI brain w/wo contrast then radiotherapy planning CT", "mri_head_wwo"),
        ("MRI breast w/o then with contrast", "mri_breast_wwo"),  # "then" between the phases keeps its reading
    ]
)
def test_then_before_a_planning_scan_is_no_second_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("FES PET/CT to clarify receptor status", "fes_pet"),
        ("bone scan to determine whether bone mets", "bone_scan"),
        ("CT CAP w contrast if CEA continues to rise", "ct_cap_contrast"),
        ("PET/CT if CA 15-3 keeps rising", "pet_ct"),
        ("rpt bone scan in 3 months", "bone_scan"),
        ("rpt diagnostic mammo L", "mammo_diagnostic"),
    ]
)
def test_the_question_and_the_repeat_name_no_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("BL CT chest", None),  # the contrast is still unstated
        ("CT chest. Bone scan.", None),  # two sentences, two studies
        ("CT CAP then bone scan", None),  # "then" before a second study: two studies
        ("CT sim", None),  # the planning CT alone is no diagnostic study
        ("rpt CT", None),
        ("CT CAP or bone scan if ALP keeps rising", None),  # one of two
        ("MRI both breasts", None),  # no purpose, no contrast: asks (orders v10, v11, v38 gold none)
        ("clarify with radiology whether CT or PET", None),
    ]
)
def test_controls_still_ask(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
