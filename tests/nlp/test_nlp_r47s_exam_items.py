"""Round 47s: an examination finding told after a list of denied symptoms is not denied with them.

"No bowel or bladder symptoms, decreased rectal tone on DRE" and "Denies back pain, absent anal tone on exam" were read
as one denied list, so a sign of cord compression was lost (closing note of 2026-12-04, issue 8). A patient denies
her history; what the examiner finds is not hers to deny. After a subjective denial ("denies") an examination sign is
stated; after "no", which an examiner also writes, a sign named by what is missing or abnormal is left to confirm.

Controls: a normal examination written as a denied list stays denied; a symptom the patient denies with a reduction
word ("decreased sensation") stays denied; an item joined by "or" stays in the list; a sign the cue names itself
("no decreased tone") stays denied.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW_DX = "59F, newly diagnosed L breast IDC 1.6 cm, cN0, ER+/PR+/HER2-, grade 2, planned for lumpectomy. "


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Pt denies any back pain, diminished sphincter tone on rectal exam today.", "neurologic_deficit"),
        ("She denies leg weakness, 3/5 hip flexion on the right on testing.", "neurologic_deficit"),
        ("Denies RUQ pain or jaundice, liver edge palpable 4 fingerbreadths below the costal margin.", "hepatomegaly"),
        ("Patient denies headaches, sustained clonus at the left ankle on exam.", "neurologic_deficit"),
    ],
)
def test_a_sign_the_examiner_found_after_a_subjective_denial_is_stated(note: str, code: str) -> None:
    assert code in symptom_codes(note), note


@pytest.mark.parametrize(
    "note",
    [
        "No urinary or bowel complaints, reduced anal tone on DRE.",
        "No neck pain, 4-/5 power in the left hand.",
        "No headache, upgoing plantar on the right.",
        "Denies weakness, diminished grip strength in the right hand.",
    ],
)
def test_a_sign_that_reads_both_ways_is_left_to_confirm(note: str) -> None:
    assert "neurologic_deficit" not in symptom_codes(note), note
    assert "neurologic_deficit" in symptoms_to_confirm(note), note


def test_the_decision_waits_for_the_sign_instead_of_saying_not_recommended() -> None:
    for tail in ("No bowel or bladder complaints, decreased rectal tone on DRE.",
                 "Denies back pain, absent anal tone on exam."):
        d = decide_note(NEW_DX + tail + " Bone scan requested.")
        assert d["systemic_imaging"] != "not_recommended", tail


@pytest.mark.parametrize(
    "note",
    [
        "No lymphadenopathy, hepatomegaly, or spinal tenderness on exam.",
        "Reflexes 2+ and symmetric, no clonus, downgoing plantars.",
        "Denies weakness, numbness, decreased sensation.",
        "Denies numbness or decreased grip strength on the left.",
        "No decreased rectal tone.",
        "No jaundice or hepatomegaly on exam.",
    ],
)
def test_a_denied_or_normal_list_stays_denied(note: str) -> None:
    assert not symptom_codes(note) & {"neurologic_deficit", "hepatomegaly", "back_pain"}, note
    assert not symptoms_to_confirm(note), note
