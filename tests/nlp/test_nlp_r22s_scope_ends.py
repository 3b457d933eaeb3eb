"""Round 22s (eighth security pass, findings 2, 3 and 5): where a denial's scope ends, and "not ruled out".

- A sentence end (". ", "! ", "? ") followed by a word ends a denial whatever the letter case of that word: order
  reasons and quick notes are typed in lower case ("no fever. new severe bone pain in the right hip for 3 weeks"
  states the bone pain). Abbreviations ("e.g.", "vs.", "approx.") and decimals are no sentence end.
- An inline bullet or middle dot ends a denial as a line break does ("no headache • new bone pain right hip").
- A comma or slash followed by a warning qualifier ("new", "worsening", "severe", "progressive") opens a statement of
  its own ("no fever, new severe bone pain"); a denied list joined by "or"/"and" ("no fever, chills or new bone
  pain") stays one denied list, as "no new bone pain" is denied.
- "not ruled out", "not excluded" leave the finding uncertain (asked), as "cannot be ruled out" does.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import RULES, facts, symptom_codes

PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _forward_denials() -> list[str]:
    rules = json.loads((RULES / "context_rules.json").read_text(encoding="utf-8"))["context_rules"]
    return sorted(
        r["literal"]
        for r in rules
        if r["category"] == "NEGATED_EXISTENCE" and r.get("direction") == "FORWARD" and not r.get("pattern")
    )


DENIALS = _forward_denials()
OTHER = ["fever", "nausea", "chills", "night sweats", "dizziness", "diarrhea", "chest pain"]
# a red flag told as a statement of its own, in the words a clinician types (lower case), with its code
STATED = [
    ("new severe bone pain in the right hip for 3 weeks", "bone_pain"),
    ("worsening back pain, worse at night", "back_pain"),
    ("new headache with vomiting, worse in the morning", "headache"),
    ("progressive weakness of the left arm", "neurologic_deficit"),
    ("severe right upper quadrant abdominal pain", "abdominal_pain"),
    ("new seizure last week", "seizure"),
    ("new jaundice", "jaundice"),
    ("worsening shortness of breath on exertion", "dyspnea"),
]
ENDS = [". ", "! ", "? ", ".  "]


def test_the_denials_are_read_from_the_cue_file() -> None:
    assert {"no", "denies", "negative for", "without"} <= set(DENIALS)


@PROPERTY
@given(st.sampled_from(DENIALS), st.sampled_from(OTHER), st.sampled_from(ENDS), st.sampled_from(STATED))
def test_a_lower_case_sentence_after_a_denial_is_stated(denial: str, other: str, end: str, stated: tuple) -> None:
    phrase, code = stated
    assert code in symptom_codes(f"{denial} {other}{end}{phrase}")


@PROPERTY
@given(
    st.sampled_from(["no", "denies", "negative for", "without", "denies any"]),
    st.sampled_from(OTHER),
    st.sampled_from(STATED),
)
def test_the_denial_still_denies_its_own_sentence(denial: str, other: str, stated: tuple) -> None:
    phrase, code = stated
    assert code not in symptom_codes(f"{denial} {other} or {phrase}.")


@pytest.mark.parametrize(
    "text",
    [
        "No fever. new severe bone pain in the right hip",
        "denies fever. new severe bone pain in the right hip",
        "no nausea! new severe bone pain in the right hip",
        "no cough? new headache with vomiting, worse in the morning",
        "Negative for chills.  new severe bone pain in the right hip",
    ],
)
def test_the_attacks_sentences_are_stated(text: str) -> None:
    assert symptom_codes(text) & {"bone_pain", "headache"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("no fever, e.g. bone pain", "bone_pain"),
        ("no symptoms vs. bone pain or headache", "headache"),
        ("no approx. 2.5 cm mass or bone pain", "bone_pain"),
        ("no fever. no new bone pain", "bone_pain"),
        ("ROS: 10-pt ROS negative incl. bone pain, cough, headache.", "bone_pain"),
        ("denies symptoms esp. bone pain or headache", "bone_pain"),
    ],
)
def test_an_abbreviation_or_a_decimal_does_not_end_the_denial(text: str, code: str) -> None:
    assert code not in symptom_codes(text)


BULLETS = ["\u2022", "\u00b7", "\u25aa"]
# the qualified statement ends its clause (a join after it makes it one more item of the denied list, below)
QUALIFIED = [s for s in STATED if s[0].split()[0] in {"new", "worsening", "severe", "progressive"} and "," not in s[0]]


@PROPERTY
@given(st.sampled_from(DENIALS), st.sampled_from(OTHER), st.sampled_from(BULLETS), st.sampled_from(STATED))
def test_an_inline_bullet_ends_a_denial(denial: str, other: str, bullet: str, stated: tuple) -> None:
    phrase, code = stated
    assert code in symptom_codes(f"{denial} {other} {bullet} {phrase}")


@PROPERTY
@given(
    st.sampled_from(DENIALS), st.sampled_from(OTHER), st.sampled_from([", ", " / ", ",  "]), st.sampled_from(QUALIFIED)
)
def test_a_qualified_statement_after_a_comma_or_slash_is_stated(
    denial: str, other: str, sep: str, stated: tuple
) -> None:
    phrase, code = stated
    assert code in symptom_codes(f"{denial} {other}{sep}{phrase}")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("no fever, chills or new bone pain", "bone_pain"),
        ("denies fever, nausea and new headache", "headache"),
        ("no new bone pain", "bone_pain"),
        ("no fever, chills, bone pain", "bone_pain"),
        ("no fever / bone pain", "bone_pain"),
        ("no fever, or new back pain", "back_pain"),
        ("ROS: neg for CP, new back pain, wt loss, HA", "back_pain"),
        ("denies chills, severe bone pain or weight loss", "bone_pain"),
    ],
)
def test_a_denied_list_stays_denied(text: str, code: str) -> None:
    assert code not in symptom_codes(text)


def _asked(text: str) -> set[str]:
    from rightscan.adapters.text import extract

    out: set[str] = set()
    for item in extract(text).to_confirm:
        if item["field"] == "symptoms":
            out |= set(item["values"])
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Bone pain: not ruled out",
        "bone pain not excluded",
        "Bone pain: not ruled out at this stage",
        "bone pain has not been excluded",
        "bone pain not fully excluded",
        "Bone pain: cannot be ruled out",
    ],
)
def test_not_ruled_out_is_uncertain(text: str) -> None:
    assert "bone_pain" not in symptom_codes(text)
    assert "bone_pain" in _asked(text)


@pytest.mark.parametrize("text", ["bone pain ruled out", "bone pain excluded", "no bone pain"])
def test_ruled_out_still_denies(text: str) -> None:
    assert "bone_pain" not in symptom_codes(text) and "bone_pain" not in _asked(text)


def test_not_yet_excluded_is_still_the_aim_of_the_work_up() -> None:
    assert "bone_pain" not in facts("distant disease not yet excluded; bone scan").get("symptoms", [])
