"""Round 41x (v41 blind: speech-recognition dictations and UK letters): liver tests told with their upper limit in
words, in other words than the blind notes, with controls that must not change.

1. (coverage) The upper limit in a clause of its own without brackets: "with normal being up to 130", "upper limit
   45", "ULN 35", "normal up to 120" (v41 ax-029).
2. (coverage) The tests' abbreviations written in lower case or spelled apart by the recogniser ("alp 210 normal
   range 40 to 130", "a l t 66 upper limit 40") before their value (v41 ax-039).
Controls: a range's lower end is never the limit ("normal is 30 to 110"), a time is no limit ("normal 2 years
ago"), a trend's second value is no limit ("120 up to 185"), "last 3" is no AST, and the bracketed range still reads.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

HX = "62F hx L breast IDC 2017 s/p mastectomy, new RUQ pain and 4 kg weight loss. "


def labs(note: str) -> dict:
    return facts(note).get("labs") or {}


@pytest.mark.parametrize(
    ("note", "lab", "value", "uln"),
    [
        (HX + "Her alkaline phosphatase was 340 with normal being up to 130.", "alkaline_phosphatase", 340.0, 130.0),
        (HX + "ALT 88 upper limit 45, otherwise well.", "alt", 88.0, 45.0),
        (HX + "AST 70, ULN 35.", "ast", 70.0, 35.0),
        (HX + "ALP 260, normal up to 120.", "alkaline_phosphatase", 260.0, 120.0),
        (HX + "Bilirubin 31 upper limit of normal 21.", "bilirubin", 31.0, 21.0),
    ],
)
def test_upper_limit_told_in_words(note: str, lab: str, value: float, uln: float) -> None:
    assert labs(note).get(lab) == {"value": value, "uln": uln}


@pytest.mark.parametrize(
    ("note", "lab", "value", "uln"),
    [
        ("dictated 62 year old woman hx breast cancer bloods today alp 210 normal range 40 to 130 thanks",
         "alkaline_phosphatase", 210.0, 130.0),
        ("dictated 62 year old woman hx breast cancer her a l t is 66 upper limit 40", "alt", 66.0, 40.0),
        ("dictated hx breast cancer liver tests ast 52 normal range 0 to 40 and she is well", "ast", 52.0, 40.0),
    ],
)
def test_lower_case_and_spelled_apart_liver_tests(note: str, lab: str, value: float, uln: float) -> None:
    assert labs(note).get(lab) == {"value": value, "uln": uln}


@pytest.mark.parametrize(
    "note",
    [
        HX + "ALP 185 normal is 30 to 110.",
        HX + "ALP 95 normal 2 years ago.",
        HX + "ALP 120 up to 185 now.",
    ],
)
def test_no_limit_from_a_lower_end_a_time_or_a_trend(note: str) -> None:
    assert "alkaline_phosphatase" not in labs(note)


def test_last_is_no_ast_and_bracketed_range_unchanged() -> None:
    got = labs(HX + "Over the last 3 months she has lost weight. ALP 185 (30-110).")
    assert "ast" not in got
    assert got.get("alkaline_phosphatase") == {"value": 185.0, "uln": 110.0}


def test_symptoms_still_read_beside_the_labs() -> None:
    f = facts(HX + "Her alkaline phosphatase was 340 with normal being up to 130. New back pain waking her at night.")
    assert "back_pain" in f["symptoms"]
    assert "abdominal_pain" in f["symptoms"]
