"""Round 43m (v43 bb-003): an abdominal pain told in the simple present, as a patient or a relative writes it ("her
stomach hurts", "my belly aches"), or as a hurt placed under the right ribs: the same abdominal pain as "stomach pain".
Controls: denied, hypothetical, a relative's own or explained by a benign cause, it is not raised; jaundice beside it
stays.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "62F, hx L breast IDC 2018 s/p mastectomy, on anastrozole.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Her belly aches most evenings since last month.",
        "Says the tummy really hurts after she eats, for 2 weeks now.",
        "My stomach hurts all the time and I have no appetite.",
        "It hurts under her right ribs when she takes a deep breath, for a week.",
        "The abdomen still aches on the right since Friday.",
    ],
)
def test_belly_pain_in_lay_words_is_read(line: str) -> None:
    assert "abdominal_pain" in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Her stomach does not hurt and she is eating well.",
        "Call us if your belly hurts or you notice yellow eyes.",
        "Her sister's stomach hurts since the stomach bug went round the family.",
        "Denies that her tummy aches.",
    ],
)
def test_control_denied_hypothetical_or_relative_is_not_raised(line: str) -> None:
    assert "abdominal_pain" not in symptom_codes(HX + line)


def test_control_jaundice_beside_it_stays() -> None:
    codes = symptom_codes(HX + "Her eyes look yellow since Tuesday. Her stomach hurts on the right side.")
    assert {"jaundice", "abdominal_pain"} <= codes
