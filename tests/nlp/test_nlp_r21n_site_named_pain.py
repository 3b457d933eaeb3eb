"""Round 21n: a pain named by its skeletal site ("lumbar pain", "thoracic spine ache", "R hip ache", "rib aches",
"sternal ache", "pain in her pelvis bones").

The lumbar and lumbosacral regions are the back, and a named bone's ache is its pain: the same red flag as "back
pain" and "hip pain", read only as far as those are (the annotation guide: present, new or persistent, not denied,
watched for, historical, a relative's, nor explained by a benign cause with nothing worrying about it). An aromatase
inhibitor's joint aches that the note calls stable or expected, or a known arthritis, explain them; a warning keeps
them. "Thoracic pain" alone is left out (the chest's as often as the spine's).
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes

TREATED = "66F, R breast ILC 2016, lumpectomy + RT, on letrozole since 2017, annual survivorship visit. "


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Lumbar pain x 4 weeks, no trauma, waking her at night.", "back_pain"),
        ("New lumbosacral ache for 3 weeks.", "back_pain"),
        ("Thoracic spine ache for a month, constant.", "back_pain"),
        ("Reports pain in the lumbar region for 6 weeks, not settling.", "back_pain"),
        ("R hip ache for 5 weeks, no injury.", "bone_pain"),
        ("Rib aches, new, worse at night.", "bone_pain"),
        ("Complains of pain in her pelvis bones for a month, getting worse.", "bone_pain"),
        ("New sternal ache x 3 wks.", "bone_pain"),
        ("Hip ache on letrozole, but now waking her at night and worsening.", "bone_pain"),
    ],
)
def test_a_pain_named_by_its_skeletal_site_counts(sentence: str, code: str) -> None:
    f = facts(TREATED + sentence)
    assert code in set(f.get("symptoms", ()))
    assert f.get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "sentence",
    [
        "No lumbar pain. No hip ache.",
        "Chronic lumbar pain from L4/5 OA, unchanged for 10 years.",
        "Occasional L hip ache after long walks which settles with rest - OA on xray 2023.",
        "Arthralgias on anastrozole: hip and shoulder aches, stable, managing with exercise.",
        "AI-related arthralgia - shoulder ache and hand stiffness, stable, continue letrozole.",
        "Mild hip and shoulder aches since starting letrozole, unchanged, no night pain.",
        "Generalised joint and hip aches on exemestane, as expected, tolerable.",
        "Call if you develop lumbar pain or hip ache.",
        "Lumbar pain in 2019 after a fall, resolved.",
        "Sister has lumbar pain from myeloma.",
        "Lumbar puncture in 2015. Lumbar spine MRI 2022 normal.",
    ],
)
def test_a_site_named_pain_denied_watched_for_past_or_explained_is_no_flag(sentence: str) -> None:
    f = facts(TREATED + sentence)
    assert not set(f.get("symptoms", ())) & {"back_pain", "bone_pain"}
    assert f.get("setting") != "suspected_distant_recurrence"


def test_thoracic_pain_alone_is_not_read_as_the_spine() -> None:
    assert "back_pain" not in symptom_codes(TREATED + "Thoracic pain since a chest infection, pleuritic.")
