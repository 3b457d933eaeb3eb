"""Round 35 (merge of round 34a): an onset word beside a strain told by what was moved leaves the pain to confirm.

Round 34a explains a back pain told with the activity and the thing moved ("lifting a heavy box", "shoveling snow").
That cue is longer than the listed trigger ("after lifting") and took its place, so an onset word as the pain's only
warning ("acute onset low back pain after lifting a heavy box") no longer met a mechanical trigger: the onset word
kept the pain as a red flag. An onset word is what a strain does, and it is also how a fracture starts: neither stated
nor explained, to confirm (context.yaml ``mechanical_trigger_heads``). Controls: the strain alone is explained, and
any other warning keeps the red flag.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

TREATED = "66F, L breast IDC 2016, mastectomy, letrozole completed 2021. Routine follow-up.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Sudden onset low back pain shifting a wardrobe on Sunday.",
        "Acute onset back pain carrying the shopping bags up the stairs.",
        "Abrupt onset of lower back pain hauling a mattress yesterday.",
    ],
)
def test_an_onset_word_beside_a_strain_leaves_the_pain_to_confirm(line: str) -> None:
    note = TREATED + line + "\n"
    assert "back_pain" not in symptom_codes(note)
    assert "back_pain" in symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] == "undetermined"


def test_the_strain_alone_is_explained() -> None:
    note = TREATED + "Low back ache since she was shifting a wardrobe on Sunday, easing with rest.\n"
    assert "back_pain" not in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "undetermined"


@pytest.mark.parametrize(
    "line",
    [
        "Sudden onset back pain carrying boxes, now waking her at night.",
        "Acute onset back pain shifting a wardrobe, getting worse over 4 weeks.",
    ],
)
def test_another_warning_keeps_the_red_flag(line: str) -> None:
    assert "back_pain" in symptom_codes(TREATED + line + "\n")
