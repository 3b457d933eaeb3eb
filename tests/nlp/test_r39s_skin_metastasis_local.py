"""Round 39s (v39 blind ar-010): a skin or chest-wall growth asked about as "cutaneous metastatic" cancer at the treated
side is a suspected local recurrence, not a distant one, in other wordings.

The annotation guide: a new finding in the treated breast, chest wall, skin or regional nodes after a treated cancer is
a suspected local recurrence. "Cutaneous metastatic carcinoma vs granuloma" at the mastectomy scar names a skin finding
(the words "skin metastases" already read so); it is no distant metastasis (M1) either.
Controls: a metastasis named in a distant organ ("liver metastatic deposits", "metastatic carcinoma to bone") after a
treated cancer stays a suspected distant recurrence; a nodule read benign on its punch biopsy is no recurrence; a
routine follow-up stays surveillance.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    "note",
    [
        "Derm consult. 58F s/p R mastectomy 2017 for IDC pT2 pN1. Two firm red nodules on R chest wall skin x 1 mo. "
        "Ddx: cutaneous metastatic ca vs keloid. Punch bx today.",
        "Plastic surgery f/u: 60 yo F, L mastectomy + implant 2019 (ILC). New 5 mm papule at the lateral scar, "
        "?dermal metastatic disease vs suture reaction; excision bx booked.",
        "Onc: 66F, R mastectomy 2016 + PMRT for IDC. New nodules along R mastectomy scar x 3 wks. Concern for skin "
        "metastatic breast cancer; punch bx arranged.",
    ],
)
def test_a_skin_metastasis_asked_about_at_the_treated_side_is_a_suspected_local_recurrence(note: str) -> None:
    out = facts(note)
    assert out.get("setting") == "suspected_local_recurrence"
    assert out.get("tumor", {}).get("m") != "M1"


# ------------------------------------------------------------------ controls
@pytest.mark.parametrize(
    "note",
    [
        "CT C/A/P. 62F s/p L mastectomy 2018 for IDC. US: two liver metastatic deposits suspected, ALT 80 (7-35). "
        "Restage.",
        "68F hx R lumpectomy 2015 for IDC. New thoracic back pain x 6 wks, worse at night; ?metastatic carcinoma to "
        "bone. Bone scan ordered.",
    ],
)
def test_control_a_distant_organ_metastasis_stays_a_suspected_distant_recurrence(note: str) -> None:
    assert facts(note).get("setting") == "suspected_distant_recurrence"


def test_control_a_benign_punch_biopsy_is_no_recurrence() -> None:
    note = (
        "Derm f/u. 59F s/p L mastectomy 2018 for IDC. Nodule at the L scar, punch bx: suture granuloma, benign, no "
        "cutaneous metastatic carcinoma. Routine onc f/u, NED."
    )
    assert facts(note).get("setting") != "suspected_local_recurrence"
    assert facts(note).get("setting") != "suspected_distant_recurrence"


def test_control_routine_follow_up_stays_surveillance() -> None:
    note = "Survivorship visit. 64F, R mastectomy 2019 for IDC. Chest wall and skin smooth, no nodules. NED."
    assert facts(note).get("setting") == "surveillance"
