"""Round 41o (v41 blind set): the study an order was changed to.

A note that tells a request was cancelled or replaced and names the study it was changed to considers that study now
("PET/CT cancelled; replaced w/ NM bone scan", "ok to change to CT C/A/P with contrast only", "MRI cancelled, order
changed to CT head"): the cancellation's reach ended at the change words no longer (DECLINED ends at CHANGED_TO), and
the replacement words are change cues (study_changes.py) for studies only (v41 aw-013, aw-014, aw-033).
Controls: a metastasis "replaced" in a report stays M1, a cancelled study with no replacement is no order, a bare
declined study, the first request when nothing changed.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, tumor

_HX = "Hx: 67F, R breast IDC 2018 s/p R mastectomy, anastrozole. New L hip pain x 6 wks, worse at night.\n"


@pytest.mark.parametrize(
    ("change", "study"),
    [
        ("Original request: FDG PET/CT. Insurance denied -- PET cancelled, substituted with whole body bone scan.",
         "bone_scan"),
        ("Requested MRI brain w/wo. Pacemaker is MR-unsafe: MRI cancelled, swapped for CT head with contrast.",
         "ct_head"),
        ("Order rec'd: CT C/A/P without and with contrast. Spoke with ordering NP, agreed to change the order to "
         "CT chest abdomen pelvis with contrast only.", "ct_cap_contrast"),
        ("Bone scan was booked. Radiology called back: okay to switch to PET/CT skull base to mid-thigh.", "pet_ct"),
    ],
)
def test_study_changed_to_is_the_order(change: str, study: str) -> None:
    assert order_of(_HX + change + "\n") == study


def test_marrow_replaced_by_tumour_stays_m1() -> None:
    note = (
        "MRI pelvis 10/02: marrow of L iliac bone replaced by metastatic disease, biopsy proven breast cancer "
        "metastasis.\n" + _HX + "Plan: start denosumab. PET/CT ordered for restaging.\n"
    )
    assert tumor(note).get("m") == "M1"
    assert order_of(note) == "pet_ct"


def test_cancelled_without_replacement_is_no_order() -> None:
    assert order_of(_HX + "PET/CT cancelled by patient; she will call to reschedule.\n") is None


def test_declined_study_still_declined() -> None:
    assert order_of(_HX + "Offered PET/CT, she declined. Plan: bone scan ordered.\n") == "bone_scan"


def test_nothing_changed_keeps_the_first_request() -> None:
    assert order_of(_HX + "Order rec'd: bone scan whole body. Protocolled as routine, no change to the plan.\n") == (
        "bone_scan"
    )
