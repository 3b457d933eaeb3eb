"""Sixteenth security pass, laboratory findings (F4, F5, F12), fixed as classes in other words, with controls.

- F4: a liver test given as a multiple of its ULN ("AST 5x ULN") was not read; only ALP had a ratio rule. Each test
  named is now read (value = multiple, uln = 1); a name that does not say which test ("LFTs"), or a bound ("> 3x"),
  is asked. A single test called raised without a number ("AST elevated") is asked, and a value after the word
  ("ALT raised at 120 (ref 7-35)") is read (the word statements no longer hide it).
- F5: a slash-packed panel pairs its names and values in order; one whose order is not stated is asked, never
  guessed. "Alk. phos." with its full stop, ASAT / ALAT and GOT / GPT are read; "AP" (two meanings) is asked.
- F12: a test called normal whose own number belies the word ("ALP normal (410)") is asked.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts

NEW = "61F, newly diagnosed 2.1 cm IDC right breast, grade 2, ER+ PR- HER2-, cN0, M0. CT CAP and bone scan proposed.\n"


def labs(text: str) -> dict:
    return facts(text).get("labs", {})


def to_confirm(text: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {c["field"] for c in extract(text).to_confirm}


def answer(text: str) -> str:
    return decide_note(text)["systemic_imaging"]


# ---------------------------------------------------------------- F4: a multiple of the ULN
@pytest.mark.parametrize(
    ("line", "code", "multiple"),
    [
        ("Bloods: ALT 4 x ULN.", "alt", 4),
        ("Bloods today - SGOT 6X ULN", "ast", 6),
        ("Bilirubin 2 times the upper limit of normal.", "bilirubin", 2),
        ("Labs notable for ALT raised at 3.5x ULN.", "alt", 3.5),
        ("AST markedly elevated (7x the ULN).", "ast", 7),
        ("Her ALT is now x4 ULN.", "alt", 4),
    ],
)
def test_a_liver_test_as_a_multiple_of_its_uln_is_read_and_is_a_red_flag(line: str, code: str, multiple: float) -> None:
    note = NEW + line + "\n"
    assert labs(note)[code] == {"value": multiple, "uln": 1.0}
    assert answer(note) != "not_recommended"


@pytest.mark.parametrize("line", ["Aminotransferases 3 times ULN.", "AST and ALT both 2.5x ULN."])
def test_both_transaminases_named_together_are_read(line: str) -> None:
    found = labs(NEW + line + "\n")
    assert found["ast"]["value"] == found["alt"]["value"] > 1


@pytest.mark.parametrize(
    "line",
    ["Liver enzymes 4x ULN.", "Liver function tests about 3 times the upper limit of normal.", "ALT > 2 x ULN."],
)
def test_a_multiple_that_names_no_single_test_or_is_a_bound_is_asked_never_read(line: str) -> None:
    note = NEW + line + "\n"
    assert not labs(note)
    assert to_confirm(note) & {"labs.ast", "labs.alt", "labs.bilirubin"}
    assert answer(note) == "undetermined"


@pytest.mark.parametrize("line", ["Bloods: SGPT high.", "Raised bilirubin on the last bloods.", "AST up, rest fine."])
def test_a_single_liver_test_called_raised_without_its_number_is_asked(line: str) -> None:
    note = NEW + line + "\n"
    assert answer(note) == "undetermined"


@pytest.mark.parametrize(
    ("line", "code"),
    [("AST elevated at 96 U/L (ref 10-40).", "ast"), ("Bilirubin raised at 2.8 mg/dL (0.2-1.2).", "bilirubin")],
)
def test_a_value_after_the_word_raised_is_read(line: str, code: str) -> None:
    note = NEW + line + "\n"
    assert labs(note)[code]["value"] > labs(note)[code]["uln"]
    assert answer(note) != "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "No LFT derangement; ALT 1x ULN last year in pregnancy.",  # at the ULN: not above it
        "Her sister's ALT was 5x ULN (hepatitis).",  # a relative's
        "If the ALT rises above 3x ULN, stop the drug.",  # a hypothetical
        "CA 15-3 2x ULN.",  # another test
    ],
)
def test_controls_for_the_multiple_give_no_red_flag(line: str) -> None:
    note = NEW + line + "\n"
    assert answer(note) == "not_recommended" or not (labs(note).get("ast") or labs(note).get("alt"))
    assert all(v["value"] <= v["uln"] for v in labs(note).values())


# ---------------------------------------------------------------- F5: panels and other spellings
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("LFT (bili/ALT/ALP): 0.6/210/95 with ULN 1.2/40/129", None),  # the brackets before: order stated
        ("AST/ALP/ALT 30/300/25 (ULN 40/129/45)", {"ast": 30, "alkaline_phosphatase": 300, "alt": 25}),
        ("ALP/GGT/ALT 95/20/210 (ref 129/40/45) U/L", {"alkaline_phosphatase": 95, "alt": 210}),
    ],
)
def test_a_slash_packed_panel_pairs_names_and_values_in_their_order(line: str, expected: dict | None) -> None:
    note = NEW + line + "\n"
    found = labs(note)
    for code, value in (expected or {}).items():
        assert found[code]["value"] == value
    assert answer(note) != "not_recommended"  # a raised test in each


@pytest.mark.parametrize(
    "line",
    ["LFTs: 35/28/410.", "Liver enzymes 210/30 U/L", "Transaminases 250/310."],
)
def test_a_panel_whose_order_is_not_stated_is_asked_never_guessed(line: str) -> None:
    note = NEW + line + "\n"
    assert not labs(note)
    assert to_confirm(note) & {"labs.ast", "labs.alt", "labs.alkaline_phosphatase"}
    assert answer(note) == "undetermined"


def test_a_panel_whose_names_and_values_do_not_pair_is_asked() -> None:
    note = NEW + "AST/ALT/ALP 35/28 (ULN 40/45)\n"
    assert not labs(note)
    assert answer(note) == "undetermined"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Alkaline phos. 380 U/L (ref 40-129)", "alkaline_phosphatase"),
        ("Alk.Phos.: 380 (40-129)", "alkaline_phosphatase"),
        ("ASAT 190 U/L (ref < 35)", "ast"),
        ("GOT 190 U/l, GPT 240 U/l (ref < 35)", "alt"),
        ("ALAT: 240 (ref 10-35)", "alt"),
    ],
)
def test_other_spellings_of_the_tests_are_read(line: str, code: str) -> None:
    note = NEW + "Labs: " + line + "\n"
    assert labs(note)[code]["value"] > labs(note)[code]["uln"]
    assert answer(note) != "not_recommended"


@pytest.mark.parametrize("line", ["Labor: GGT 40 U/l, AP 320 U/l.", "AP 320 U/L (ref 40-130)", "AP: 2.9 ukat/L"])
def test_ap_with_a_laboratory_unit_or_beside_liver_tests_is_asked_never_read(line: str) -> None:
    note = NEW + line + "\n"
    assert "alkaline_phosphatase" not in labs(note)
    assert "labs.alkaline_phosphatase" in to_confirm(note)


@pytest.mark.parametrize(
    "line",
    [
        "CXR AP 2 views: clear.",  # a radiograph's projection
        "SHE GOT 4 CYCLES OF AC IN 2019.",  # the English word in capitals
        "LFTs 12/03/2025: normal.",  # a date after the panel's name
        "LFTs 10/20 normal.",  # a month and day
        "ER/PR 90/80 %.",  # not a laboratory panel
    ],
)
def test_controls_for_panels_and_spellings_ask_nothing(line: str) -> None:
    note = NEW + line + "\n"
    assert not labs(note)
    assert not to_confirm(note) & {"labs.ast", "labs.alt", "labs.alkaline_phosphatase", "labs.bilirubin"}
    assert answer(note) == "not_recommended"


def test_control_ap_within_its_range_changes_nothing() -> None:
    note = NEW + "AP 85 U/L (ref 40-130).\n"
    assert not labs(note)
    assert answer(note) == "not_recommended"


# ---------------------------------------------------------------- F12: a word the value belies
@pytest.mark.parametrize(
    "line",
    [
        "AST within normal range at 180 U/L (ref 10-40).",
        "Bilirubin normal: 3.4 mg/dL (0.2-1.2)",
        "ALT is normal (340).",
        "ALP 390 U/L, normal.",
    ],
)
def test_a_test_called_normal_whose_value_belies_the_word_is_asked(line: str) -> None:
    note = NEW + "Labs: " + line + "\n"
    assert to_confirm(note) & {"labs.ast", "labs.alt", "labs.alkaline_phosphatase", "labs.bilirubin"}
    assert answer(note) == "undetermined"


@pytest.mark.parametrize(
    "line",
    [
        "AST within normal limits at 28 (ref 10-40).",  # the value agrees with the word
        "ALP normal (112).",  # a number some laboratory calls normal
        "ALT 22, normal.",
        "Bilirubin normal at 14 umol/L.",
    ],
)
def test_controls_a_test_called_normal_with_a_value_that_agrees_asks_nothing(line: str) -> None:
    note = NEW + "Labs: " + line + "\n"
    assert answer(note) == "not_recommended"
