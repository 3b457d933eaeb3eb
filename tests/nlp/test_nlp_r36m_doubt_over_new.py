"""Round 36 (found beside v36 ag-030): a warning word inside a doubt, before a finding, does not end the doubt.

"Impression: suspicious for new hepatic metastases" was read as M1: the warning word "new" ended the scope of
"suspicious for" (a warning ends a doubt so that "? gastritis, new headache" tells the headache as present), so the
metastasis after it stood as stated, and a new stage I cancer was answered "not applicable". Before a finding that
is no symptom, the warning word now qualifies the finding and the doubt reaches it. Controls: proven metastases stay
M1; a new symptom after a doubt about something else stays a red flag.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, tumor

NEW = "58F newly diagnosed L breast IDC 2.1 cm, cN0, ER+ PR+ HER2-. Staging CT report:\n"


@pytest.mark.parametrize(
    "line",
    [
        "Impression: suspicious for new hepatic metastases.",
        "Findings worrisome for new osseous metastatic disease; bone scan recommended.",
        "Possible new pulmonary metastases vs atelectasis.",
        "IMP: concerning for new multifocal liver metastases, MRI advised.",
        "Likely new sclerotic bone metastases, to correlate with bone scan.",
    ],
)
def test_a_doubt_before_a_new_metastasis_is_never_m1(line: str) -> None:
    note = NEW + line + "\n"
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


@pytest.mark.parametrize(
    "line",
    [
        "Impression: new hepatic metastases, biopsy-proven.",
        "PET/CT shows new FDG-avid liver metastases.",
    ],
)
def test_control_proven_metastases_stay_m1(line: str) -> None:
    assert tumor(NEW + line + "\n").get("m") == "M1"


def test_control_a_new_symptom_after_a_doubt_about_something_else_stays_told() -> None:
    note = NEW + "Epigastric discomfort, ? gastritis, new headache every morning for 2 weeks.\n"
    assert "headache" in symptom_codes(note)
