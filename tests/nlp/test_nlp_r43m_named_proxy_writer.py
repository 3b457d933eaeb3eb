"""Round 43m (v43 bb-003): a relative writing from the patient's portal gives her own name before saying whose child she
is ("this is carmen her daughter", "I'm Ana, his daughter"): the writer is named, so her "my mom" is the patient and
what "she" has is the patient's, not a relative's. Controls: another relative the writer tells of stays a relative; a
denial still holds.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "Hx R breast IDC 2016 s/p mastectomy, on letrozole.\n"


@pytest.mark.parametrize(
    "msg",
    [
        "hi this is rosa her daughter. my mom has a bad headache for a week and it is getting worse every day.",
        "Hello, I'm Ana, his daughter. my dad says his back hurts at night now, new since March.",
        "this is Li - the patient's son. my mother is coughing for 3 weeks, a new cough.",
        "hello it is maria her daughter. my mom eyes look yellow since monday.",
    ],
)
def test_named_writer_makes_her_parent_the_patient(msg: str) -> None:
    assert symptom_codes(HX + msg)


@pytest.mark.parametrize(
    "msg",
    [
        "hi this is rosa her daughter. my aunt has had a headache for weeks, mom is fine.",
        "hello, I'm Ana, his daughter. my dad has no back pain and no headaches.",
    ],
)
def test_control_another_relative_or_a_denial_raises_nothing(msg: str) -> None:
    codes = symptom_codes(HX + msg)
    assert "headache" not in codes and "back_pain" not in codes
