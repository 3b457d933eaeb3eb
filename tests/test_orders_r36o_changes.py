"""Orders, round 36o (v33's changed orders, as a class, in other words than the list's lines).

A changed order names the study now wanted: after "change ... to", "switch ... to", "convert ... to", "modify ... ->",
or "replace X with Y" (the one "with" whose words name a study). A change that states only the new contrast keeps the
study changed from with that contrast. The new study is read only when it is fully stated: a new study's contrast is
never carried from the old one, and a change with two possible new studies, or with more than a contrast left unsaid,
asks. Controls: the same study words without a change, a study not changed, a "with" that is a contrast's.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("switch bone scan to FDG PET/CT skull base to mid-thigh", "pet_ct"),
        ("Please change CT A/P w/o to CT abdomen pelvis with IV contrast", "ct_abdomen_pelvis_contrast"),
        ("modify: MRI brain w/o -> MRI brain w/wo gadolinium", "mri_head_wwo"),
        ("replace the PET-CT with a CT chest abdomen pelvis w contrast, per insurer", "ct_cap_contrast"),
        ("convert order to CXR PA and lateral", "xray_chest"),
    ]
)
def test_a_changed_order_is_the_new_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("CT chest with contrast changed to non-contrast, creatinine 2.1", "ct_chest_wo"),
        ("convert CT C/A/P w/o to with IV contrast", "ct_cap_contrast"),
        ("MRI brain without contrast modified to with and without", "mri_head_wwo"),
    ]
)
def test_a_change_of_contrast_only_keeps_the_study_changed_from(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("change CT chest with contrast to CT abdomen", None),  # the new CT's contrast is not carried
        ("switch MRI breast w/wo to US", None),  # which ultrasound: not stated
        ("replace CT with contrast with MRI", None),  # two "with"s name a study: which is the new one?
        ("CT chest w contrast changed to without contrast, left side only", None),  # more than the contrast changed
        ("Order change: MRI brain changed to", None),  # nothing after the change
    ]
)
def test_a_new_study_not_fully_stated_asks(text: str, pid: str | None) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        ("CT chest with IV contrast", "ct_chest_contrast"),  # no change: the "with" is the contrast's
        ("bone scan whole body - no change to plan", "bone_scan"),
        ("CT abdomen pelvis w contrast - compare with prior", "ct_abdomen_pelvis_contrast"),
    ]
)
def test_controls_without_a_change(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
