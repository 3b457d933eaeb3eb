"""Round 54p: an order that names its own modality as ruled out ("MRI brain w/wo - MRI contraindicated") is not to be
done as written: it asks, never resolves to the study it rules out. A ruled-out modality other than the study's
("CEM - MRI contraindicated", "CT head - can't have MRI") leaves the study as it is.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("MRI L-spine w/o contrast - MRI contraindicated (pacemaker)", None),
        ("MR breast bilateral w/wo, pacer: MRI contraindicated", None),
        ("MRI abdomen w/wo - MRI not possible, claustrophobic", None),
        ("CT head w/o contrast - MRI contraindicated", "ct_head"),  # control: another modality ruled out
        ("Contrast mammogram - MRI not possible (ICD)", "mammo_contrast"),  # control
        ("MRI brain w/wo contrast", "mri_head_wwo"),  # control: nothing ruled out
    ]
)
def test_a_study_whose_own_modality_is_ruled_out_asks(text: str, pid: str | None) -> None:
    assert study(text) == pid, text


def test_the_ruled_out_study_is_read_as_not_to_be_done() -> None:
    reading = interpret(KB, "MRI L-spine w/o contrast - MRI contraindicated (pacemaker)")
    assert reading.study is None and reading.order_status == "declined"
