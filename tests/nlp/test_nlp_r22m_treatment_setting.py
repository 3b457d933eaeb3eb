"""Round 22m: endocrine treatment going on, told with "receiving" or "currently", is a treated cancer's clue.

"receiving letrozole", "currently taking anastrozole", "on adjuvant abemaciclib with letrozole" say the cancer was
treated, as "on letrozole" does. A CDK4/6 inhibitor without "adjuvant", neoadjuvant treatment, and a metastatic
cancer receiving its treatment are no follow-up of a treated cancer.
"""

from __future__ import annotations

import pytest

from rightscan.adapters.text import extract

HEAD = "FOLLOW-UP\n64 yo woman with L breast IDC, ER+/PR+/HER2-.\n"


def _setting(text: str, head: str = HEAD) -> str | None:
    return extract(head + text).facts.get("setting")


@pytest.mark.parametrize(
    "line",
    [
        "Receiving anastrozole, tolerating well. Exam NED.",
        "Currently receiving exemestane; no new complaints.",
        "Maintained on tamoxifen. Feels well.",
        "Currently taking letrozole, mild arthralgia.",
        "Remains on adjuvant ribociclib with letrozole, counts fine.",
        "Receiving adjuvant abemaciclib + anastrozole, diarrhoea settled.",
    ],
)
def test_endocrine_treatment_going_on_is_a_treated_cancer(line: str) -> None:
    assert _setting(line) == "surveillance"


@pytest.mark.parametrize(
    "line",
    [
        "Receiving palbociclib with letrozole. Feels well.",
        "Biopsy-proven 3 weeks ago; receiving neoadjuvant letrozole before surgery.",
        "Post mastectomy, residual disease; now on adjuvant capecitabine, cycle 3.",
    ],
)
def test_no_follow_up_without_a_treated_cancer(line: str) -> None:
    assert _setting(line) != "surveillance"


def test_a_metastatic_cancer_receiving_its_treatment_is_no_recurrence() -> None:
    text = "Stage IV breast ca, bone only, receiving fulvestrant + abemaciclib since 2024. New hip pain."
    assert _setting(text, "NOTE\n66 yo F.\n") not in ("surveillance", "suspected_distant_recurrence")
