"""Integration 48: a resolution told after a contrast and a subject of its own is that subject's
(adapters/text/contrast_resolutions.py).

"She reports back pain but the rash has cleared" dropped the back pain as past: the resolution cue reached back across
the contrast. The rash, not the back pain, has cleared.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Complains of low back pain for 3 weeks but the itchy rash on her arms has now cleared.", "back_pain"),
        ("Cough x 4 weeks, though the fever has resolved.", "cough"),
        ("New pain in the L hip at night, whereas her old neck ache has settled.", "bone_pain"),
        ("Back pain since August but the headache has resolved.", "back_pain"),
    ],
)
def test_a_resolution_of_another_subject_leaves_the_symptom_current(note: str, code: str) -> None:
    assert code in symptom_codes(note), note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Back pain in May, but it has resolved.", "back_pain"),
        ("Headache last month but the pain has now resolved.", "headache"),
        ("Had a cough in the spring but the cough has gone.", "cough"),
        ("Back pain and the headache have both resolved.", "back_pain"),
        ("h/o back pain but the rash has cleared", "back_pain"),
    ],
)
def test_a_resolution_that_points_back_at_the_symptom_keeps_it_past(note: str, code: str) -> None:
    """Controls: a pronoun, a word pointing back ("the pain"), the same symptom again, "and" (which joins), and a
    symptom past for another reason keep their reading."""
    assert code not in symptom_codes(note), note
