"""Integration of rounds 51 and 52: a warning cue kept to some symptoms warns only those across a semicolon.

Round 52e lets a bare clause after a semicolon carry its warning back to the symptom before it ("back ache since
lifting a box; present at night"). A cue the rules keep to other symptoms (context_rules.json ``allowed_types``:
"dexamethasone" warns of a headache or a neurologic sign, the treatment of brain metastases) must not reach a
breathlessness an acute illness explains ("admitted with fever and dyspnea; dexamethasone"): round 29b's reading.
"""

from __future__ import annotations

from nlp_helpers import symptom_codes, symptoms_to_confirm

DISCHARGE = "DISCHARGE SUMMARY\n68F. Secondary dx: newly diagnosed L breast IDC 1.1 cm, cN0, ER+ PR+ HER2-.\n"


def test_a_cue_kept_to_headaches_gives_a_pneumonia_dyspnea_no_warning() -> None:
    note = DISCHARGE + (
        "Hospital course:\n1. Viral pneumonia: came in with fever and dyspnea; dexamethasone and oxygen. "
        "Off oxygen, no dyspnea by discharge.\n"
    )
    assert "dyspnea" not in symptom_codes(note) | symptoms_to_confirm(note)


def test_the_same_cue_still_warns_of_a_headache() -> None:
    note = "64F, new R breast IDC 1.8 cm, cN0. Headache x 2 wk, better on dexamethasone.\n"
    assert "headache" in symptom_codes(note)


def test_a_bare_clause_with_a_warning_of_its_own_still_reaches_back() -> None:
    note = "61F, new R breast IDC 1.3 cm, cN0. Low back ache since lifting a box; worse at night, wakes her.\n"
    assert "back_pain" in symptom_codes(note) | symptoms_to_confirm(note)


def test_a_return_condition_after_a_semicolon_tells_no_warning() -> None:
    # test_nlp_unsafe_v13c's reading, in other words: the warning is what to call back for, not what she has
    note = "59F, new L breast IDC 1.2 cm, cN0. Low back ache after moving furniture, settling; ring us if it wakes her."
    assert "back_pain" not in symptom_codes(note)
