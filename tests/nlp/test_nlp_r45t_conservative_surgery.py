"""Round 45t (v45 blind bh-019): breast-conserving surgery named as clinicians writing Spanish, Portuguese or Indian
English name it ("treated with conservative surgery", "breast conservative surgery", "conservation surgery") was not
read, so a treated cancer's new axillary node read as a new diagnosis, in other wordings.

1. The operation so named is prior_surgery bct; a treated cancer in follow-up stays surveillance.
2. With a new suspicious axillary node after it, the setting is a suspected local recurrence (the node's size and N are
   the recurrence's, not a new primary's).
Controls: "conservative management" of a benign finding is no operation; the operation still planned for a new cancer
is no prior surgery; a mastectomy stays a mastectomy.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    "note",
    [
        "Follow-up. 58F k/c/o Ca right breast (IDC, ER+) 2018, underwent breast conservative surgery with axillary "
        "clearance followed by RT, on letrozole. No complaints. Mammo due.",
        "History of left breast carcinoma operated by conservative surgery in 2020, then radiotherapy, now on "
        "tamoxifen. Annual control, no new findings.",
        "62F s/p L conservation surgery + SLNB 2017 for ILC, completed anastrozole. Routine follow-up visit, NED.",
    ],
)
def test_conservative_surgery_is_a_bct_and_the_treated_cancer_is_followed(note: str) -> None:
    out = facts(note)
    assert out.get("prior_surgery") == "bct"
    assert out.get("setting") == "surveillance"


@pytest.mark.parametrize(
    "note",
    [
        "Consult: 55F, antecedent of R breast IDC treated with conserving surgery and radiotherapy in 2016. Since 3 "
        "weeks she palpates a hard node in the right axilla. USG axilla: 14 mm node with thickened cortex, BI-RADS 4. "
        "Plan US-guided core of the node.",
        "Consult: 55F, antecedent of R breast IDC treated with conserving surgery and radiotherapy in 2016. New hard "
        "1.4 cm R axillary node. Plan US-guided core.",
    ],
)
def test_a_new_node_after_conservative_surgery_is_a_suspected_local_recurrence(note: str) -> None:
    out = facts(note)
    assert out.get("prior_surgery") == "bct"
    assert out.get("setting") == "suspected_local_recurrence"
    assert "size_cm" not in out.get("tumor", {})


def test_control_conservative_management_is_no_operation() -> None:
    note = "46F with a 2 cm simple cyst of the L breast, conservative management, no surgery. Repeat US in 6 months."
    assert facts(note).get("prior_surgery") is None


def test_control_the_operation_still_planned_is_no_prior_surgery() -> None:
    note = ("52F newly diagnosed R breast IDC 1.8 cm, core bx 10/2025, ER+ PR+ HER2-. Planned for breast conservative "
            "surgery next week with SLNB.")  # fmt: skip
    out = facts(note)
    assert out.get("prior_surgery") is None
    assert out.get("setting") == "new_diagnosis"


def test_control_a_mastectomy_stays_a_mastectomy() -> None:
    note = "Follow-up. 60F s/p R mastectomy 2015 for IDC, conservative treatment of lymphedema with sleeve. NED."
    assert facts(note).get("prior_surgery") == "mastectomy"
