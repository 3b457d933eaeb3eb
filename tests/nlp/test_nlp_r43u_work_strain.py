"""Round 43u (v43 bb-036): a back or a hip strained by a day's work told as the time spent on it after "after" or
"since", without a subject ("low back ache since yesterday after spending all day pulling weeds"): explained, as "she
spent the day digging". Controls: a warning (at night, worsening, with leg weakness) keeps the pain; a pain with no
such work stays; the work never explains a headache or a cough.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "77 yo F, hx L breast ca 2019 s/p lumpectomy, on letrozole.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Lower back sore since Sunday after a whole weekend of shovelling snow.",
        "Mid back ache after spending the afternoon moving furniture, eases with rest.",
        "Her R hip aches since spending two days planting bulbs.",
        "Back pain following hours of heavy lifting at the warehouse, no pain at night.",
        "Low back ache after a long day of raking leaves and hauling bags.",
    ],
)
def test_pain_after_time_spent_on_hard_work_is_explained(line: str) -> None:
    assert not {"back_pain", "bone_pain"} & symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Back ache after a whole weekend of shovelling snow, now waking her at night.",
        "Hip pain following hours of heavy lifting, worsening over 6 weeks.",
        "Low back pain since spending the day moving furniture, with new leg weakness.",
        "Low back pain for 2 months, constant, worse lying flat.",
    ],
)
def test_control_a_warned_or_unexplained_pain_stays(line: str) -> None:
    assert {"back_pain", "bone_pain"} & symptom_codes(HX + line)


def test_control_work_explains_no_headache() -> None:
    note = HX + "New headache after spending all day painting the fence, worse each morning."
    assert "headache" in symptom_codes(note)
