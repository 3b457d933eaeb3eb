"""Round 45d: breast-conserving surgery named as a Spanish or Portuguese writer names it in English ("cirugía
conservadora": "conservative surgery"), found on blind v45 (bh-019): the operation done is prior_surgery bct.

Controls: the operation planned stays unread as done; conservative (non-operative) management is no operation; a
mastectomy stands.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    "note",
    [
        "Antecedent of carcinoma ductal infiltrating of right breast treated with conservative surgery and "
        "radiotherapy in 2017, now with letrozole. Consults for control.",
        "History: left breast cancer 2015, operated with conservative breast surgery plus axillary dissection.",
        "Patient female of 63 years, conservative surgery of the right breast in 2020, completed tamoxifen.",
    ],
)
def test_conservative_surgery_done_is_bct(note: str) -> None:
    assert facts(note).get("prior_surgery") == "bct"


@pytest.mark.parametrize(
    "note",
    [
        "New diagnosis of IDC left breast, 1.5 cm. Plan: conservative surgery plus sentinel lymph node next month.",
        "Ankle sprain in 2019 managed conservatively, no surgery. New right breast lump, biopsy pending.",
    ],
)
def test_planned_or_non_operative_is_no_prior_surgery(note: str) -> None:
    assert facts(note).get("prior_surgery") is None


def test_a_mastectomy_stands() -> None:
    assert facts("Operated with mastectomy radical modified in 2015 for IDC.").get("prior_surgery") == "mastectomy"
