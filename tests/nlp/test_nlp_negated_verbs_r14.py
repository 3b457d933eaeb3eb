"""Round 14 (safe14): a symptom named as the object of a denied verb ("did not present with", "hasn't mentioned",
"doesn't suffer from") is denied, never raised; a denied report left open is left to confirm.

Own words throughout; controls where a contracted negation denies something else than the symptom.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

LEAD = "Telephone review, 63F, left breast cancer, mastectomy 2022.\n"


def _to_confirm(text: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {v for c in extract(text).to_confirm if c["field"] == "symptoms" for v in c["values"]}


@pytest.mark.parametrize(
    "sentence",
    [
        "She did not present with headaches.",
        "Was not presenting with any back pain on arrival.",
        "She didn't mention back pain at the last review.",
        "She doesn't suffer from bone pain.",
        "She wasn't describing any bone pain.",
        "Has not developed any headaches.",
        "She hasn't endorsed back pain on the questionnaire.",
    ],
)
def test_a_symptom_after_a_denied_verb_is_not_raised(sentence: str) -> None:
    note = LEAD + sentence
    assert symptom_codes(note) == set()
    assert _to_confirm(note) == set()


def test_already_read_forms_keep_their_reading() -> None:
    for sentence in ("Was not complaining of headaches.", "Has not had any bone pain.", "Never mentioned back pain."):
        assert symptom_codes(LEAD + sentence) == set()


def test_a_denied_presentation_bounded_in_time_is_left_to_confirm() -> None:
    note = LEAD + "She had not developed back pain until May."
    assert "back_pain" not in symptom_codes(note)
    assert "back_pain" in _to_confirm(note)


def test_a_denied_mention_of_her_own_symptom_is_left_to_confirm() -> None:
    note = LEAD + "She didn't mention her back pain to the GP, although it keeps her awake."
    assert "back_pain" in _to_confirm(note) | symptom_codes(note)


# --------------------------------------------------------------------------- controls: the symptom still stands
@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Ibuprofen didn't shift her back pain.", "back_pain"),
        ("She didn't sleep well because of her hip bone pain.", "bone_pain"),
        ("She presented with headaches every morning.", "headache"),
        ("Paracetamol hasn't touched the back pain.", "back_pain"),
    ],
)
def test_a_contracted_negation_of_another_verb_leaves_the_symptom(sentence: str, code: str) -> None:
    assert code in symptom_codes(LEAD + sentence)


def test_a_symptom_not_present_with_movement_stays_denied() -> None:
    assert "back_pain" not in symptom_codes(LEAD + "Back pain not present with movement or at rest.")
