"""Notes v33's unsafe answers (first measured at dbc4b2d), fixed as classes in other words, with controls.

- A list the test is to rule out reaches its last item ("r/o cord compression / cauda equina / mets", bb-034): the
  "rule out" cue reaches 10 tokens (was 5), never M1 from its last item.
- A study chosen to tell a benign finding from metastasis ("MRI ... to separate hemangioma from mets", bb-018): the
  aim of the test, never M1.
- A chronic illness "stable on inhalers, no change" (ba-049) is stable, not a treatment that failed.
- An interval-history label "New since last:" (ba-041) is no warning "new" on the symptom it heads.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, tumor

NEW = "58F, L breast IDC 1.4 cm, grade 2, ER+ PR+ HER2-, cN0, diagnosed 3 weeks ago, not yet treated.\n"
SURV = "66F, R breast IDC pT2 pN0 2018, mastectomy, 5 years of tamoxifen completed. Annual review.\n"


@pytest.mark.parametrize(
    "line",
    [
        "New low back pain radiating down the leg; rule out disc prolapse, cauda equina or metastases. MRI L-spine.",
        "To r/o fracture / osteoporotic collapse / mets: MRI T-spine.",
        "Liver MRI to distinguish a simple cyst from metastasis.",
        "MRI abdomen, better than CT to differentiate haemangioma from mets.",
    ],
)
def test_metastasis_named_as_what_a_test_is_to_rule_out_or_tell_apart_is_no_m1(line: str) -> None:
    assert tumor(NEW + line + "\n").get("m") is None


@pytest.mark.parametrize(
    "line",
    [
        "Staging CT: multiple liver metastases, biopsy-proven.",
        "Bone scan and MRI confirm bone mets at T9 and L2; MRI to tell the extent of epidural disease.",
    ],
)
def test_proven_metastasis_stays_m1(line: str) -> None:
    assert tumor(NEW + line + "\n").get("m") == "M1"


def test_a_chronic_illness_stable_on_its_treatment_explains_its_symptom() -> None:
    note = SURV + "Her breathlessness on exertion is from long-standing COPD, stable on her inhalers, no change.\n"
    assert "dyspnea" not in symptom_codes(note)


@pytest.mark.parametrize(
    "line",
    [
        "Cough for 6 weeks, on inhalers, no change.",
        "Breathless on exertion for a month despite inhalers - no change.",
    ],
)
def test_a_treatment_that_changed_nothing_keeps_the_symptom(line: str) -> None:
    note = SURV + line + "\n"
    assert symptom_codes(note) & {"cough", "dyspnea"}
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


def test_an_interval_history_label_is_no_warning() -> None:
    note = SURV + "New since last visit: sore low back for a week after moving furniture, improving with heat.\n"
    assert "back_pain" not in symptom_codes(note)


def test_a_new_symptom_under_the_label_keeps_its_warning() -> None:
    note = SURV + "New since last visit: new back pain for 3 weeks after lifting, now waking her at night.\n"
    assert "back_pain" in symptom_codes(note)
