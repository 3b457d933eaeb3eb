"""Round 50w: neurologic red flags told as what was seen or what she can no longer do (lay and witness words).

1. A dysarthria told with a verb ("keeps slurring", "slurs his words") is a neurologic deficit.
2. A focal weakness told by function: one named leg giving way, a dragged leg, tripping over one foot, things falling
   from one hand, an arm she cannot lift to comb her hair, handwriting gone messy.
3. A generalized seizure told by what was seen (limbs jerking together, stiffening then shaking, a bitten tongue); a
   shaking only ("shaking all over") may be a fever's rigors and is sent to confirmation, never stated.
4. Confusion a relative witnessed ("daughter found him disoriented") is the existing CNS symptom, kept to confirm.
Controls: a tremor of years, caffeine's or anxiety's shakiness, a knee's giving way, a relative's own slurring, a
seizure history on medication, negated slurring and shaking.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

NEW = "71F, new L breast IDC 2.2 cm, cN0, ER+/HER2-. "


@pytest.mark.parametrize(
    "line",
    [
        "Daughter says mum keeps slurring since Sunday.",
        "He slurs his words when tired, new this week.",
        "Her L leg gave way twice walking to the car.",
        "Since Friday she has been dragging the right leg.",
        "Keeps tripping over her left foot this week.",
        "Things keep slipping out of her R hand.",
        "Can't lift her right arm to comb her hair since yesterday.",
        "Her handwriting has gone messy over the last fortnight.",
    ],
)
def test_lay_focal_deficits_are_read(line: str) -> None:
    assert "neurologic_deficit" in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "Her arms and legs were jerking for about two minutes, then she slept.",
        "Partner says she went stiff and then started shaking, bit her tongue.",
        "Brief episode of rhythmic jerking, drowsy afterwards.",
        "Jerking of all four limbs witnessed by the carer.",
    ],
)
def test_generalized_seizure_told_by_what_was_seen(line: str) -> None:
    assert "seizure" in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "Husband watched her shaking all over on the kitchen floor.",
        "Her arms and legs were shaking for a minute or so.",
        "Febrile 38.8 with rigors, shaking all over for 20 minutes.",
    ],
)
def test_a_shaking_only_is_left_to_confirm(line: str) -> None:
    assert "seizure" not in symptom_codes(NEW + line)
    assert "seizure" in symptoms_to_confirm(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "Daughter found him disoriented at breakfast.",
        "Her husband noticed her confused on waking.",
    ],
)
def test_witnessed_confusion_is_left_to_confirm(line: str) -> None:
    assert "neurologic_deficit" not in symptom_codes(NEW + line)
    assert "neurologic_deficit" in symptoms_to_confirm(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "Shaking all over from the flu last week.",
        "Shaking chills overnight with a temperature of 39.",
        "Essential tremor of both hands for many years, unchanged.",
        "Hands shaky after four coffees.",
        "Feels shaky and jittery when anxious before appointments.",
        "R knee gives way - old ACL tear.",
        "Her brother slurred his words after his stroke last year.",
        "Seizure-free for 8 years on levetiracetam.",
        "No slurring of speech, no limb weakness.",
        "Denies any episodes of shaking or tongue biting.",
    ],
)
def test_controls_keep_no_red_flag(line: str) -> None:
    codes = symptom_codes(NEW + line)
    assert "seizure" not in codes
    assert "neurologic_deficit" not in codes
