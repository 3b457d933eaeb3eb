"""Round 45d: a liver test's value and its reference range said as words in an unedited dictation (annotation guide:
labs), found on blind v45 (bh-010, bh-013, bh-034, bh-036):

- the value said right after the test's name ("alk phos two hundred thirty"), the hundreds said the short way ("one
  forty two" 142, "one oh four" 104), and the reference range said after the value ("reference forty to one twenty
  nine"), the test's letters spelled apart ("A L T", "A S T").

Controls: a number said as words that is no lab value (a date, a count of cycles) stays words; a written lab stands;
a real symptom in the same dictation is still read.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes


@pytest.mark.parametrize(
    ("note", "lab", "value", "uln"),
    [
        ("sixty year old woman period labs this morning alkaline phosphatase two hundred thirty reference range thirty "
         "to one fifteen period plan bone scan", "alkaline_phosphatase", 230.0, 115.0),
        ("follow up dictation period her A S T sixty seven normal range ten to forty two comma A L T fifty period",
         "ast", 67.0, 42.0),
        ("recent bloods comma total bilirubin two point one reference zero point three to one point two comma "
         "otherwise unremarkable period", "bilirubin", 2.1, 1.2),
        ("labs drawn today A L T one nineteen reference seven to fifty six period no jaundice period", "alt", 119.0,
         56.0),
        ("chemistry comma alk phos one oh eight reference thirty eight to one twenty six period",
         "alkaline_phosphatase", 108.0, 126.0),
    ],
)
def test_a_liver_test_said_as_words_is_read(note: str, lab: str, value: float, uln: float) -> None:
    got = facts(note).get("labs", {}).get(lab)
    assert got == {"value": value, "uln": uln}


# ---------------------------------------------------------------- controls
@pytest.mark.parametrize(
    "note",
    [
        "she completed four cycles of A C period then twelve weeks of paclitaxel comma finished in twenty nineteen "
        "period",
        "seen in two thousand twenty one comma returns in six months period",
    ],
)
def test_a_number_said_elsewhere_is_no_lab(note: str) -> None:
    assert not facts(note).get("labs")


def test_a_written_lab_still_stands() -> None:
    assert facts("Labs: ALP 410 (ref 40-129), ALT 30 (7-56).").get("labs", {}).get("alkaline_phosphatase") == {
        "value": 410.0,
        "uln": 129.0,
    }


def test_a_real_symptom_in_the_dictation_is_still_read() -> None:
    note = ("seventy year old woman comma new bone pain in the hip for three weeks period labs alk phos one "
            "sixty reference forty to one twenty nine period plan bone scan")
    assert "bone_pain" in symptom_codes(note)
    assert facts(note)["labs"]["alkaline_phosphatase"] == {"value": 160.0, "uln": 129.0}
