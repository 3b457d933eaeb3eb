"""Round 14 (safe14): a denial does not reach a symptom told in a new clause about the present.

"No X, and now Y": the denial names X; the joiner and a word that brings the story to now open a new clause whose
symptom is stated. Only the negation ends there: a warning, an explanation or a later negation keep their reach.
Own words throughout; positives in several wordings, controls where nothing may change.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes

LEAD = "Oncology review, 57 yo woman, right breast IDC treated 2021, on letrozole.\n"


# --------------------------------------------------------------------------- the new clause's symptom stands
def test_breathlessness_told_after_a_denied_chest_pain_is_stated() -> None:
    note = LEAD + "Denied any chest pain at her last visit, and today she is short of breath at rest."
    assert "dyspnea" in symptom_codes(note)


def test_bone_pain_told_after_denied_fevers_is_stated() -> None:
    assert "bone_pain" in symptom_codes(
        LEAD + "No fevers or sweats, and now has a dull ache in the hip bones at night."
    )


def test_headaches_told_this_week_after_a_denied_cough_are_stated() -> None:
    assert "headache" in symptom_codes(LEAD + "Negative for cough, then this week new headaches on waking.")


def test_a_denial_bounded_by_until_does_not_reach_the_next_clause() -> None:
    codes = symptom_codes(LEAD + "No visual symptoms until Sunday, now double vision when tired.")
    assert "neurologic_deficit" in codes


def test_an_article_before_the_last_denied_item_keeps_it_in_the_list() -> None:
    # found by the property below: "or a cough" ended the list, and the denial's reach stopped short of the cough
    assert symptom_codes(LEAD + "No bone pain, back pain, double vision or a cough.") == set()
    assert symptom_codes(LEAD + "No bone pain, back pain, double vision or any headaches.") == set()


def test_a_stated_list_joined_by_or_a_stays_stated() -> None:
    assert {"bone_pain", "cough"} <= symptom_codes(LEAD + "Bone pain or a cough for 2 weeks.")


def test_the_denied_symptom_before_the_new_clause_stays_denied() -> None:
    codes = symptom_codes(LEAD + "No headaches or back pain, and now short of breath on the stairs.")
    assert "dyspnea" in codes
    assert not codes & {"headache", "back_pain"}


# --------------------------------------------------------------------------- controls: nothing else changes
def test_a_warning_still_reaches_across_and_now() -> None:
    # the reverted shared terminator cut this warning; the negation-only end must not
    assert "headache" in symptom_codes(LEAD + "Her familiar tension headache has come back and now she is vomiting.")


def test_a_negation_inside_the_new_clause_still_denies() -> None:
    assert "cough" not in symptom_codes(LEAD + "No fever and now no cough either.")


def test_now_qualifying_an_item_of_a_denied_list_ends_nothing() -> None:
    assert symptom_codes(LEAD + "Denies chest pain, fever now, weight loss or bone pain.") == set()


def test_now_after_the_denied_symptom_ends_nothing() -> None:
    assert symptom_codes(LEAD + "No back pain now, no headaches.") == set()


def test_a_new_clause_without_a_symptom_changes_nothing() -> None:
    assert symptom_codes(LEAD + "No headaches and now feels well.") == set()


# --------------------------------------------------------------------------- property: any such list, any joiner
PHRASES = {
    "bone pain": "bone_pain",
    "headaches": "headache",
    "back pain": "back_pain",
    "double vision": "neurologic_deficit",
    "shortness of breath": "dyspnea",
    "a cough": "cough",
    "weight loss": "weight_loss",
}
DENIALS = ["No", "Denies", "Negative for", "She denies any"]
OPENERS = [" and now ", ", and now ", ", now ", " and today ", " and she is now ", ", then this week "]
VERBS = ["", "has ", "with "]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.permutations(sorted(PHRASES)),
    denied_count=st.integers(min_value=1, max_value=4),
    denial=st.sampled_from(DENIALS),
    opener=st.sampled_from(OPENERS),
    verb=st.sampled_from(VERBS),
)
def test_a_denied_list_then_a_new_present_clause(
    order: list[str], denied_count: int, denial: str, opener: str, verb: str
) -> None:
    denied, present = order[:denied_count], order[denied_count]
    listed = denied[0] if len(denied) == 1 else ", ".join(denied[:-1]) + " or " + denied[-1]
    codes = symptom_codes(f"{LEAD}{denial} {listed}{opener}{verb}{present}.")
    assert PHRASES[present] in codes
    assert not codes & {PHRASES[d] for d in denied}
