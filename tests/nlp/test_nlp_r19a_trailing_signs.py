"""Review-of-systems templates that answer each item with a bare sign after it (round 19a).

"ROS: fevers-/wt loss-/cough-/SOB-/bone pain-/HA-/abd pain-" denies every item, and "cough+" states one: the sign
after the item is its answer (layout.py ``_trailing_signs``). A dash that is punctuation before a description ("back
pain - worse at night"), inside a word ("T-spine", "x-ray") or a receptor's status ("ER+/PR+/HER2-") is not an answer.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes
from rightscan.adapters.text import extract

LEAD = "Follow-up visit. 61 year old woman, left breast cancer treated 2019, ER+/PR+/HER2-, on anastrozole.\n"

# the item as a template writes it, and the red flag it names
RED_FLAGS = {
    "bone pain": "bone_pain",
    "wt loss": "weight_loss",
    "cough": "cough",
    "SOB": "dyspnea",
    "headaches": "headache",
    "abd pain": "abdominal_pain",
}


def test_a_template_of_minus_signs_denies_every_item() -> None:
    assert symptom_codes(LEAD + "ROS (template): fevers-/wt loss-/cough-/SOB-/bone pain-/HA-/abd pain-") == set()


def test_a_plus_states_its_item_alone() -> None:
    note = LEAD + "ROS: fever-/chills-/wt loss-/HA-/cough+/SOB-/bone pain-/abd pain-"
    assert symptom_codes(note) == {"cough"}


def test_spaced_signs_with_commas_and_one_item_a_line() -> None:
    assert symptom_codes(LEAD + "ROS: fever -, cough -, bone pain +, headache -") == {"bone_pain"}
    assert symptom_codes(LEAD + "Headache -\nCough -\nBone pain +") == {"bone_pain"}


def test_a_plus_alone_states_the_item() -> None:
    assert symptom_codes(LEAD + "ROS: cough+") == {"cough"}
    assert symptom_codes(LEAD + "She reports bone pain +") == {"bone_pain"}


def test_a_dash_before_a_description_is_punctuation() -> None:
    assert symptom_codes(LEAD + "back pain - worse at night") == {"back_pain"}
    assert symptom_codes(LEAD + "Bone pain -\nworse at night, wakes her") == {"bone_pain"}


def test_receptors_and_hyphenated_words_keep_their_reading() -> None:
    assert symptom_codes(LEAD + "ROS: HA-/cough-\nT-spine MRI and x-ray of hip ordered.") == set()
    assert symptom_codes(LEAD + "ER+/PR+/HER2- IDC. ROS: HA-/cough-") == set()
    facts = extract("62F new dx R breast IDC 2.1 cm, ER+/PR-/HER2-. ROS: bone pain-/HA-").to_dict()["facts"]
    assert facts["tumor"]["er"] == "positive"
    assert facts["tumor"]["pr"] == "negative"
    assert facts["tumor"]["her2"] == "negative"
    assert "symptoms" not in facts or facts["symptoms"] == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(sorted(RED_FLAGS)), st.data())
def test_property_minus_items_raise_none_and_one_plus_raises_exactly_it(items: list[str], data: st.DataObject) -> None:
    joiner = data.draw(st.sampled_from(["/", ", ", " | ", "/ "]))
    assert symptom_codes(LEAD + "ROS: " + joiner.join(f"{i}-" for i in items)) == set()
    flipped = data.draw(st.sampled_from(items))
    line = joiner.join(f"{i}{'+' if i == flipped else '-'}" for i in items)
    assert symptom_codes(LEAD + "ROS: " + line) == {RED_FLAGS[flipped]}
