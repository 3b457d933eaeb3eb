"""Round 31 (lead): a back the patient says she injured is her back pain, and "I" with that verb is her telling.

A portal message headed "Subject: back pain - do I need a scan?" told in its body how the writer "pulled something
in my lower back" helping her son move a couch, getting better, no pain at night (v31 zc-042). The body's injury was
no mention at all, so the subject line's bare "back pain" counted alone. Now the injury words name the back pain
(targets.yaml, symptom.back_pain: "pulled something in my lower back", "strained my back", "threw her back out"), and
"I pulled", "I strained", "I hurt" end a relative's telling as "I have" does (context_rules.json, "i have").
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes

SURV = "Six years after lumpectomy and radiotherapy for a stage I breast cancer, doing well.\n"


@pytest.mark.parametrize(
    "line",
    [
        "I strained my lower back carrying boxes up to the attic; it wakes me at night now and is getting worse.",
        "Threw her back out gardening two months ago, never settled, now constant and waking her at night.",
        "I helped my daughter move flats and I tweaked something in my back, and now my left leg feels weak.",
    ],
)
def test_an_injured_back_with_a_warning_counts(line: str) -> None:
    note = SURV + line + "\n"
    assert "back_pain" in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


def test_the_relative_named_first_does_not_take_the_writers_injury() -> None:
    note = SURV + "I helped my son move a couch and I pulled something in my lower back; it wakes me at night.\n"
    assert "back_pain" in symptom_codes(note)


def test_the_relatives_own_injury_stays_theirs() -> None:
    note = SURV + "My son threw his back out lifting a sofa last week.\n"
    assert "back_pain" not in symptom_codes(note)


def test_a_subject_line_meets_the_bodys_explained_strain() -> None:
    note = (
        "Subject: back pain - do I need a scan?\n\n"
        + SURV
        + "On Saturday I pulled something in my lower back lifting a couch with my son. It is getting better every "
        "day with heat and ibuprofen, no pain at night, no numbness.\n"
    )
    assert "back_pain" not in symptom_codes(note)


@pytest.mark.parametrize(
    "line",
    [
        'She tweaked her low back carrying her grandson last week but says it\'s "completely fine now."',
        "Strained my lower back digging the garden at Easter; it is all fine now.",
        "Pulled a muscle in her back at the gym in March, that's okay again.",
    ],
)
def test_an_injured_back_the_patient_says_is_over_does_not_count(line: str) -> None:
    assert "back_pain" not in symptom_codes(SURV + line + "\n")


def test_fine_now_about_the_patient_leaves_the_pain() -> None:
    note = SURV + "Back pain x 3 weeks, waking her at night; otherwise feels fine now.\n"
    assert "back_pain" in symptom_codes(note)
