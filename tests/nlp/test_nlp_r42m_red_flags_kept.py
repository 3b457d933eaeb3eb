"""Round 42m (v42 blind): red flags the reader dropped.

1. "HA" told as a complaint in the same sentence as a focal neurologic sign or a seizure is a headache, stated
   (symptom.headache_abbreviation_with_neuro_sign); the bare "HA", or one whose sign is denied, stays to confirm.
2. A trip or a slip never explains the heavy, numb or weak leg that makes her trip (context_rules.json "tripped",
   "slipped"); it still explains a pain it caused.
3. A neurologic deficit found on examination is the examiner's sign: the benign cause the history gave the complaint
   does not reach it (explained_before.exam_neuro_sign).
Controls: denied, a relative's and explained symptoms stay unread; a pain after a trip stays explained.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

HX = "57F hx L breast IDC 2019 s/p lumpectomy + RT, on letrozole.\n"


@pytest.mark.parametrize(
    "line",
    [
        "New HA x 10 days and R facial droop since this morning.",
        "HA for 2 weeks, getting worse, now with L leg weakness and unsteady gait.",
        "Severe HA, woke her at night, then R arm numbness for 20 min.",
        "Progressive HA over 3 wks and a first seizure at home today.",
        "HA since Monday, vomiting, new diplopia.",
    ],
)
def test_ha_with_a_neurologic_sign_is_a_headache(line: str) -> None:
    codes = symptom_codes(HX + line)
    assert "headache" in codes


@pytest.mark.parametrize(
    "line",
    [
        "HA x 5 days, no weakness or numbness.",
        "No HA, no focal deficits.",
        "Her sister has new HA x 2 wks with R arm weakness.",
    ],
)
def test_ha_without_a_told_sign_is_not_stated(line: str) -> None:
    assert "headache" not in symptom_codes(HX + line)


def test_bare_ha_still_to_confirm() -> None:
    note = HX + "HA x 5 days, worse in the mornings."
    assert "headache" not in symptom_codes(note)
    assert "headache" in symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "line",
    [
        "For 1 wk her right leg feels weak and numb, tripped on the curb twice.",
        "Both legs weak and heavy since Friday, slipped in the shower.",
        "L leg weakness x 4 days, tripped over a rug yesterday.",
    ],
)
def test_a_trip_does_not_explain_a_weak_leg(line: str) -> None:
    assert "neurologic_deficit" in symptom_codes(HX + line)


def test_a_trip_still_explains_the_pain_it_caused() -> None:
    assert "bone_pain" not in symptom_codes(HX + "R wrist pain since she tripped and fell on ice 2 days ago.")


@pytest.mark.parametrize(
    "history, exam",
    [
        (
            'Some "word-finding trouble" lately, which she blames on stress.',
            "Exam: expressive aphasia, R pronator drift.",
        ),
        ("Hand clumsiness, she thinks from arthritis.", "O/E: L hand weakness 4/5, L pronator drift."),
        ("Legs feel weak, she puts it down to tiredness.", "Exam today: hip flexors 4/5 bilaterally."),
    ],
)
def test_an_exam_deficit_is_not_explained_by_the_history(history: str, exam: str) -> None:
    assert "neurologic_deficit" in symptom_codes(HX + history + "\n" + exam)


def test_an_explained_complaint_alone_stays_explained() -> None:
    note = HX + "Numbness in both feet, attributed to paclitaxel neuropathy, stable."
    assert "neurologic_deficit" not in symptom_codes(note)
