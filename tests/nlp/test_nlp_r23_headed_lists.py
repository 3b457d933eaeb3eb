"""A denial's heading alone on its line over plain items, one a line, without bullets (headed_lists.py).

"Denies:\\nfever\\nweight loss" raised the weight loss: a line break after a colon starts a sentence, so the
heading's cue reached no item. The list is now read as written across, and it ends at the first line that is not
a list's item: a sentence, a statement's first word, a qualified new item, a blank line or the next heading.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes

HEADINGS = ["Denies:", "Pertinent negatives:", "Patient denies:", "Negative for:", "PERTINENT NEGATIVES:", "Neg:"]
ITEMS = [
    ("bone pain", "bone_pain"),
    ("headache", "headache"),
    ("Headaches", "headache"),
    ("weight loss", "weight_loss"),
    ("Back pain", "back_pain"),
    ("jaundice", "jaundice"),
    ("seizures", "seizure"),
]
FILLERS = ["fever", "chills", "Nausea", "night sweats", "rash"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(HEADINGS),
    st.lists(st.sampled_from(FILLERS), max_size=3),
    st.sampled_from(ITEMS),
    st.lists(st.sampled_from(FILLERS), max_size=3),
)
def test_every_item_of_a_plain_list_under_a_denial_heading_is_denied(heading, before, item, after) -> None:
    phrase, code = item
    text = "\n".join([heading, *before, phrase, *after])
    assert code not in symptom_codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a sentence after the list is its own statement
        ("Denies:\nfever\nweight loss\nReports new back pain for 3 weeks.", "back_pain"),
        ("Denies:\nfever\nShe has had bone pain for 2 weeks", "bone_pain"),
        ("Pertinent negatives:\nFever\nChills\n\nHeadache every morning, worse lying down", "headache"),
        # a qualified item opens a statement of its own, as after a comma
        ("Denies:\nchills\nNew back pain, worse at night", "back_pain"),
        ("Denies:\nfever\nworsening headache", "headache"),
        # the next heading ends the list
        ("Denies:\nfever\nHPI: bone pain in the left hip", "bone_pain"),
    ],
)
def test_what_follows_the_list_keeps_its_own_reading(text: str, code: str) -> None:
    assert code in symptom_codes(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Positive for:\nbone pain\nfatigue", {"bone_pain"}),
        ("Pertinent positives:\nheadache\nweight loss", {"headache", "weight_loss"}),
    ],
)
def test_a_positive_heading_states_its_items(text: str, present: set[str]) -> None:
    assert present <= symptom_codes(text)


def test_a_heading_that_is_no_denial_joins_nothing() -> None:
    # "Plan:" over a list of studies, and a symptom line under an ordinary heading, are read line by line
    assert "bone_pain" in symptom_codes("Symptoms:\nfever\nbone pain")
