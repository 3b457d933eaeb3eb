"""Round 52e: symptoms another illness explains, and those a change keeps counting (v52 blind, cd hand and its kin).

Each class in other wordings than the set's, with controls that keep their reading:

1. A symptom told unchanged for years: the change denied over a span of years ("hasn't changed in decades") and the
   span of "for N years" with its bound ("for more than 3 years"). Controls: a short span ("hasn't changed in 2
   weeks"), a change stated ("has changed in the last month"), a warning in the sentence.
2. The patient's usual told "like always". Control: a warning beside it ("worse than ever").
3. A cold caught from children kept off school or work with the same (a cough only). Controls: no one ill with it;
   a breathlessness beside it.
4. A symptom's name denied as her word for it ("nothing he would describe as back pain"). Control: the plain symptom.
5. A night warning denied with a word between ("not there at night", "absent at night") leaves an explained pain
   explained. Control: the warning itself ("present at night") keeps it counting.
6. A finding said to go beyond the known illness's baseline warns ("well beyond his usual", "exceeds her known
   baseline"). Control: "at her baseline" still explains.
7. Jaundice told as a yellow tinge where it shows or a man's eyes gone yellow. Control: a yellow tinge denied.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW = "64F, new L breast IDC 1.6 cm, cN0, ER+/HER2-. "
SURV = "Surveillance visit. 66F, R lumpectomy + RT 2019 for IDC, on letrozole. "


def _stated(line: str, lead: str = NEW) -> set[str]:
    return symptom_codes(lead + line)


def _any(line: str, lead: str = NEW) -> set[str]:
    return symptom_codes(lead + line) | symptoms_to_confirm(lead + line)


# ------------------------------------------------------------------ 1. unchanged for years
@pytest.mark.parametrize("line", [
    "Ex-smoker with a rattly cough every morning, which has not changed in years.",
    "Breathless on a steep hill; her husband says that has been the same for more than 3 years.",
    "Winded after two flights, unchanged for well over 5 years.",
])
def test_symptom_unchanged_for_years_is_explained(line: str) -> None:
    assert not _any(line) & {"cough", "dyspnea"}


@pytest.mark.parametrize("line, code", [
    ("Dry cough that hasn't changed in 2 weeks.", "cough"),
    ("New breathlessness on one flight, which has changed in the last month.", "dyspnea"),
    ("Cough, the same for more than 3 years, but now worse and bringing up blood.", "cough"),
])
def test_short_span_change_or_warning_keeps_counting(line: str, code: str) -> None:
    assert code in _any(line)


# ------------------------------------------------------------------ 2. like always
def test_like_always_explains_the_usual() -> None:
    assert "neurologic_deficit" not in _any("Longstanding B12 neuropathy. Toes tingle, like always. Power 5/5.")


def test_like_always_with_a_warning_counts() -> None:
    line = "Migraines since her teens; this headache is worse than ever, like always on the left but now with vomiting."
    assert "headache" in _any(line)


# ------------------------------------------------------------------ 3. a cold caught from children kept home
@pytest.mark.parametrize("line", [
    "Chesty cough for 5 days with a blocked nose - the twins are home from nursery with the same.",
    "Tickly cough since Monday, her son is off work with the same cold.",
])
def test_cough_of_a_cold_caught_at_home_is_explained(line: str) -> None:
    assert "cough" not in _any(line)


def test_cough_with_no_one_ill_counts() -> None:
    assert "cough" in _any("Dry cough for 5 weeks; the twins are home from nursery for half term.")


# ------------------------------------------------------------------ 4. a symptom's name denied
def test_name_denied_as_her_word_is_negated() -> None:
    assert "back_pain" not in _any("Stiff all over in the mornings from the anastrozole; nothing he would describe as "
                                   "back pain.")


def test_plain_symptom_control() -> None:
    assert "back_pain" in _stated("Stiff in the mornings; back pain for 4 weeks.")


# ------------------------------------------------------------------ 5. a night warning denied with a word between
@pytest.mark.parametrize("line", [
    "Lower back pain x 10 days since lifting a suitcase; eases with ibuprofen, not there at night.",
    "Lower back pain x 10 days since lifting a suitcase; absent at night, no leg symptoms.",
])
def test_denied_night_warning_keeps_explained(line: str) -> None:
    assert "back_pain" not in _any(line)


def test_night_warning_control_counts() -> None:
    assert "back_pain" in _any("Lower back pain x 10 days since lifting a suitcase; present at night, wakes her.")


# ------------------------------------------------------------------ 6. beyond the known illness's baseline
def test_beyond_baseline_warns() -> None:
    note = (SURV + "Known Gilbert's with bilirubin usually 25-30. Now scleral icterus and bilirubin 64, well beyond "
            "her usual Gilbert's baseline.")
    assert "jaundice" in _any(note, "")


def test_at_baseline_still_explains() -> None:
    note = SURV + "COPD: exertional breathlessness at her baseline, no change."
    assert "dyspnea" not in _any(note, "")


# ------------------------------------------------------------------ 7. jaundice in lay words
@pytest.mark.parametrize("line", [
    "His wife says the whites of his eyes have turned yellowish since the weekend.",
    "Daughter noticed a yellow tint to her skin 3 days ago.",
])
def test_yellow_in_lay_words_is_jaundice(line: str) -> None:
    assert "jaundice" in _stated(line, SURV)


def test_yellow_tint_denied() -> None:
    assert "jaundice" not in _any("No yellow tint to the skin or eyes.", SURV)


# ------------------------------------------------------------------ decisions
def test_decision_usual_cough_for_decades_is_not_a_red_flag() -> None:
    d = decide_note(NEW + "Smoker's cough in the mornings which hasn't changed in decades. No weight loss.")
    assert "cough" not in str(d.get("red_flags", "")) or d.get("systemic_imaging") != "recommended"


# ------------------------------------------------------------------ 8. a bare clause after a semicolon (warning_after)
@pytest.mark.parametrize("line", [
    "Mid-back ache for 2 weeks after moving house; now waking her most nights.",
    "Right hip pain since a long hike last month; worse at night.",
])
def test_subjectless_warning_clause_keeps_the_symptom(line: str) -> None:
    assert _any(line) & {"back_pain", "bone_pain"}


def test_warning_clause_of_another_finding_is_not_carried() -> None:
    assert "back_pain" not in _any("Mid-back ache for 2 weeks after moving house; new cough at night.")
