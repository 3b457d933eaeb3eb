"""Round 37l (blind v37 aj-050): words of a result's course or of a judgement between a test's name and its value
("chronically raised:", "remains elevated at", "up to") do not stop the value being read. Written for these tests
(none is a blind-set note)."""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    ("note", "group", "code", "value", "uln"),
    [
        ("AST remains elevated at 88 U/L (ref 10-40).", "labs", "ast", 88, 40),
        ("Bilirubin persistently high, now 2.1 mg/dL (0.2-1.2).", "labs", "bilirubin", 2.1, 1.2),
        ("ALT up to 102 (ref 7-35) on the last draw.", "labs", "alt", 102, 35),
        ("CEA has risen to 12.4 ng/mL (ref <5).", "tumor_markers", "cea", 12.4, 5),
        ("Alk phos stable at 310 U/L (ref 40-129) for years, Paget's.", "labs", "alkaline_phosphatase", 310, 129),
        ("ALP mildly raised: 150 U/L (normal 30-130).", "labs", "alkaline_phosphatase", 150, 130),
    ],
)
def test_a_course_word_before_the_value(note: str, group: str, code: str, value: float, uln: float) -> None:
    assert facts(note)[group][code] == {"value": value, "uln": uln}


@pytest.mark.parametrize(
    "note",
    [
        "ALP previously 300, fell after zoledronate; no current value.",  # an earlier value, not the current one
        "Her mother's ALP was high in 2015.",  # a relative's, and no value
        "If ALP rises above 200 we will scan.",  # a hypothetical threshold
    ],
)
def test_control_no_current_alp_is_read(note: str) -> None:
    assert "alkaline_phosphatase" not in facts(note).get("labs", {})
