"""Round 43u (v43 bb-027): a pain told in the sentence after the mechanical event that began it ("fell onto her side.
Now severe hip pain"), the note then naming the event again as what it works up ("x-ray - concern for fracture after
a mechanical fall"): the story of one injury, explained. Without the note's restatement the pain is left to confirm,
as in one sentence ("fell ..., now hip pain"). Controls: a denied fall, a warning (no trauma, at night, out of
proportion, worsening), a pain that no onset word ties to the event, a blank line between, and a real bone pain in a
note with no fall stay red flags.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

HX = "71 yo F, hx R breast ca 2016 s/p lumpectomy + RT, finished anastrozole 2021.\n"


@pytest.mark.parametrize(
    "story",
    [
        "Slipped on the wet kitchen floor last evening and landed on her L side. Now L hip pain, limping.\n"
        "Sent for pelvis x-ray: possible fracture after a fall.",
        "Missed the bottom step this morning and fell onto her back. Now low back pain, moving stiffly.\n"
        "Lumbar x-rays ordered to exclude a compression fracture after mechanical fall.",
        "Tripped on the garden hose at 1400, fell on outstretched L hand. Now wrist and forearm pain.\n"
        "Plan: x-ray L wrist, ?distal radius fracture after fall.",
        "Her husband says she fell down the last two stairs. Now R knee and shin pain.\n"
        "Knee films requested - query fracture after a fall.",
    ],
)
def test_pain_after_the_event_the_note_restates_is_explained(story: str) -> None:
    note = HX + story
    assert not {"bone_pain", "back_pain"} & (symptom_codes(note) | symptoms_to_confirm(note))


@pytest.mark.parametrize(
    "story",
    [
        "Slipped on the ice yesterday and landed on her back. Now low back pain.",
        "Tripped over a rug, fell onto her L side. Now L hip ache.",
    ],
)
def test_pain_after_the_event_without_restatement_is_left_to_confirm(story: str) -> None:
    note = HX + story
    assert not {"bone_pain", "back_pain"} & symptom_codes(note)
    assert {"bone_pain", "back_pain"} & symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "story",
    [
        "No fall or injury. Now severe R hip pain.\nX-ray hip.",
        "Denies any fall. Now R hip pain.\nX-ray hip.",
        "Minor fall last week. Now hip pain out of proportion, worsening.\nX-ray after the fall.",
        "Tripped on the stairs. Now new hip pain at night.\nX-ray for fracture after a fall.",
        "Tripped on the stairs last month.\n\nNow R hip pain for 3 weeks.",
        "Walked the dog this morning. Now R hip pain for 3 weeks.",
        "Deep aching pain in the R femur for 6 weeks, no injury.",
    ],
)
def test_control_a_pain_without_the_story_stays(story: str) -> None:
    note = HX + story
    assert {"bone_pain", "back_pain"} & (symptom_codes(note) | symptoms_to_confirm(note))
    if "\n\n" not in story and "Walked" not in story:
        assert {"bone_pain", "back_pain"} & symptom_codes(note)
