"""Round 43m (v43 bc-043): the patient's presentation told after her history in one sentence ("Pt w/ h/o R breast IDC
2015 s/p mastectomy, presented w/ ... 1 mo of diffuse bone pain"): what she presented with is this admission's
complaint, so the history cue before it ends there. Controls: a symptom inside the history itself stays historical; a
presentation later denied (resolved) is not raised; a past illness's own presentation stays historical; a denial holds.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (
            "75F w/ h/o L breast IDC 2014 s/p lumpectomy, presented with 3 wks of low back pain, worse at night.",
            "back_pain",
        ),
        ("Pt with h/o breast ca s/p mastectomy (ER+), now presents w/ new daily headaches.", "headache"),
        ("h/o R breast ILC 2012 s/p mastectomy; presented to the ED with jaundice and dark urine.", "jaundice"),
        ("h/o breast cancer 2017 treated with AC-T, presented w/ 2 mo of rib pain not helped by tylenol.", "bone_pain"),
    ],
)
def test_presentation_after_history_is_today(line: str, code: str) -> None:
    assert code in symptom_codes(line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("h/o back pain and headaches in 2015, resolved with physio.", "back_pain"),
        ("PMH: L1 compression fracture 2018, presented with back pain, treated with kyphoplasty.", "back_pain"),
        ("h/o breast ca 2016 s/p mastectomy, presented with cough, no cough on discharge.", "cough"),
        ("h/o breast ca s/p lumpectomy, presented w/ confusion; denies headache.", "headache"),
    ],
)
def test_control_history_resolution_or_denial_holds(line: str, code: str) -> None:
    assert code not in symptom_codes(line)


def test_control_a_past_illness_presentation_in_its_own_history_stays_historical() -> None:
    assert "dyspnea" not in symptom_codes("h/o PE in 2019 which presented with dyspnea at the time, treated, resolved.")


def test_control_presentation_resolved_without_history_is_not_raised() -> None:
    assert "cough" not in symptom_codes(
        "78F, presented with cough and fever, treated for pneumonia; no cough at discharge."
    )
