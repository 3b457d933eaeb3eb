"""Round 42a (v42 ay-022): a headache the assessment puts down to an infection in the telegraphic "HA" ("HA c/w viral
URI/sinusitis"): the attribution makes the letters a headache, the infection explains it, and with it the same headache
told earlier in plain words. Controls: a warning qualifier keeps the headache a red flag; a bare "HA" with a cause that
is no infection is not read here; a headache never explained stays.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

NEW_DX = "58F, L breast IDC 1.4 cm, grade 2, ER+ PR+ HER2-, cN0 on axillary US, core biopsy last week, untreated.\n"
TOLD = "She reports a headache for 3 days with a blocked nose and sore throat; her son was ill last week.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Impression: HA due to COVID, tested positive yesterday.",
        "Assessment: HA 2/2 flu; fluids and rest.",
        "A/P: HA secondary to sinusitis, start saline rinses.",
        "Plan: HA from a head cold, reassured.",
        "Imp: HA consistent with viral illness.",
    ],
)
def test_headache_put_down_to_an_infection_is_explained(line: str) -> None:
    assert "headache" not in symptom_codes(NEW_DX + TOLD + line)


@pytest.mark.parametrize(
    "line",
    [
        "Impression: new HA due to COVID, worse each morning with vomiting.",
        "A/P: HA 2/2 flu, but now progressive and waking her at night.",
    ],
)
def test_control_a_warning_keeps_the_headache(line: str) -> None:
    assert "headache" in symptom_codes(NEW_DX + TOLD + line)


def test_control_a_headache_never_explained_stays() -> None:
    note = NEW_DX + "She reports a new headache for 3 weeks, worse lying down.\nA/P: HA, MRI brain."
    assert "headache" in symptom_codes(note)


def test_control_ha_that_is_no_complaint_reads_no_headache() -> None:
    assert "headache" not in symptom_codes(NEW_DX + "Derm: HA filler from the clinic last month.")
