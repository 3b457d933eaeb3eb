"""Round 44o (v44 bf-005): a heading of the orders a nurse or a clinician took names the studies ordered.

"Orders received:", "New orders:", "Orders obtained:", "MD orders:" list what was ordered, as "Orders:" and "Orders
placed:" do: a study in the list is the one considered (two studies: no single order). Controls: a study done, a list
with two studies, and a heading with no study stay as they were. Wordings of our own, not the v44 note's.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of

HISTORY = "52F, R breast IDC cT2 N1 on neoadjuvant paclitaxel, C3D8.\n"


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (HISTORY + "New orders: CBC, blood cultures x2, chest x-ray, IV fluids.", "xray_chest"),
        (HISTORY + "Orders received: CT head without contrast, neuro checks q2h.", "ct_head"),
        (HISTORY + "Orders obtained: CBC, CMP, MRI brain w/wo contrast.", "mri_head_wwo"),
        (HISTORY + "MD orders: bone scan, ALP, calcium.", "bone_scan"),
    ],
)
def test_a_heading_of_orders_names_the_study_ordered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        HISTORY + "New orders: CBC, CMP, ondansetron PRN.",  # no study
        HISTORY + "New orders: CT chest w contrast, bone scan.",  # two studies: no single order
        HISTORY + "Bone scan 3/2 negative. New orders: loperamide PRN.",  # a study done
    ],
)
def test_controls_no_single_study(note: str) -> None:
    assert order_of(note) is None
