"""Round 43a (v42 ba-048): a symptom that labels its line in a review of systems ("☑ Back pain — <comment>") heads a
comment that is all about it; when the comment ends by saying the symptom is over ("..., pain resolved w/ kyphoplasty,
none now"), the resolution is read across the whole comment, however long the history between. Controls: a labelled
line whose comment has no resolution, or a warning before it, stays a current symptom; a resolution of another symptom
named on the line is that symptom's; an unlabelled run-on keeps the ordinary clause reach.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HEAD = (
    "Follow-up, 66F, R breast IDC 2019 s/p lumpectomy + RT, on anastrozole, NED.\nROS:\n ☐ Jaundice  ☐ Cough  ☐ SOB\n"
)


@pytest.mark.parametrize(
    "line",
    [
        " ☑ Back pain — seen by ortho 03/2021 for this, L-spine films and bloods at that time (reviewed by Dr Khan"
        " then, no lytic or blastic lesion, ALP normal), pain resolved w/ PT, none now",
        " [x] Headache: two months of daily headaches in spring 2019, seen in the neurology clinic 06/2019 (MRI"
        " brain with contrast then: normal, no lesion), gone by autumn, none currently",
        " ✓ Bone pain - R hip pain for several weeks in 2020, reviewed in clinic 09/2020 (hip films then: normal,"
        " bone scan negative, no lesion seen), completely resolved by Christmas",
        " • Back pain: mid back ache 2021 lasting about 2 months, checked by the GP 08/2021 (thoracic spine films"
        " then: no collapse, no marrow lesion), settled on its own, none since",
    ],
)
def test_a_labelled_line_whose_comment_ends_resolved_is_not_today(line: str) -> None:
    codes = symptom_codes(HEAD + line + "\nA/P: NED, continue AI, annual mammogram.\n")
    assert not codes & {"back_pain", "headache", "bone_pain"}


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (
            " ☑ Back pain — started 3 weeks ago in the mid back, constant, now waking her at night, not eased by"
            " ibuprofen or heat, cannot sit through a film",
            "back_pain",
        ),
        (
            " ☑ Headache: every morning for 2 weeks with nausea, worse lying down and on coughing, never had"
            " headaches like this before",
            "headache",
        ),
        (
            " ☑ Bone pain - R hip for a month, no injury, worse at night and when walking, using a cane since last"
            " week, no longer sleeping through",
            "bone_pain",
        ),
    ],
)
def test_control_a_labelled_line_with_an_ongoing_symptom_stays(line: str, code: str) -> None:
    assert code in symptom_codes(HEAD + line + "\nA/P: see plan.\n")


def test_control_a_new_episode_after_the_resolution_on_the_same_line_stays() -> None:
    line = (
        " ☑ Back pain — the sciatica of 2019 (MRI then: disc, no marrow lesion, seen by the spinal team) resolved"
        " w/ PT; new mid-back pain for 3 weeks now, waking her at night"
    )
    assert "back_pain" in symptom_codes(HEAD + line + "\n")


def test_control_the_resolution_of_another_symptom_on_the_line_is_its_own() -> None:
    line = (
        " ☑ Back pain — 3 wks, constant, severe, worse at night and with coughing and straining, no relief with"
        " NSAIDs; the headache she had last month has resolved"
    )
    assert "back_pain" in symptom_codes(HEAD + line + "\n")
