"""Round 37l (blind v37 al-007, al-037): a results table with several dated columns.

The value read is the one under the header row's latest date, whichever side it stands on, with the range before or
after the results; when the dates cannot be ordered (no dates, two yearless dates, a cell missing under the latest
date) the test is asked, never read by its column's place. Written for these tests (none is a blind-set note).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts

_NEWEST_FIRST = (
    "Interval labs\nLABS   02/14/25   08/30/24   Ref\n"
    "  Alk phos   388 H   92   40-129 U/L\n  CA 15-3   61 H   20   <31\n"
)


def extracted(note: str):
    from rightscan.adapters.text import extract

    return extract(note)


def asked_fields(note: str) -> set[str]:
    return {c["field"] for c in extracted(note).to_confirm}


@pytest.mark.parametrize(
    ("note", "group", "code", "value", "uln"),
    [
        (  # range before the results, oldest first, month/year
            "Hepatic panel\n             Ref      03/2024   09/2024   01/2025\nAST (U/L)   8-33   19   41 H   97 H\n",
            "labs",
            "ast",
            97,
            33,
        ),
        (  # newest first, day/month/year, range after with its unit
            "Bloods     21/01/2025   14/10/2024   Normal\nALT     140 H   30   0-45 U/L\n",
            "labs",
            "alt",
            140,
            45,
        ),
        (  # ISO dates, newest first, range first
            "Component   Ref range   2025-02-11   2024-11-02   2024-08-20\n"
            "Bilirubin, total  0.2-1.2  2.3 H  0.9  0.6\n",
            "labs",
            "bilirubin",
            2.3,
            1.2,
        ),
        (  # a tumour marker, months by name, oldest first
            "Marker        Jan 2024   Jul 2024   Jan 2025   Ref\nCEA (ng/mL)  1.9   4.2 H   7.8 H   <3.0\n",
            "tumor_markers",
            "cea",
            7.8,
            3.0,
        ),
        (  # newest first: the older, normal column must not hide the raised one
            _NEWEST_FIRST,
            "labs",
            "alkaline_phosphatase",
            388,
            129,
        ),
    ],
)
def test_the_value_of_the_latest_date_is_read(note: str, group: str, code: str, value: float, uln: float) -> None:
    assert facts(note)[group][code] == {"value": value, "uln": uln}


@pytest.mark.parametrize(
    ("note", "code", "value", "uln"),
    [
        ("Test   Result   Flag   Ref range   Prior (08/2024)\nALT   140   H   0-45 U/L   30\n", "alt", 140, 45),
        ("LFTs   Previous   Current   Ref\nAST   22   131 H   10-35\n", "ast", 131, 35),
        ("Chem   Current   Prior   Ref\nALP   96   310 H   40-129\n", "alkaline_phosphatase", 96, 129),
    ],
)
def test_columns_named_current_and_prior_read_the_current(note: str, code: str, value: float, uln: float) -> None:
    assert facts(note)["labs"][code] == {"value": value, "uln": uln}


def test_a_marker_row_of_a_newest_first_table() -> None:
    note = _NEWEST_FIRST
    assert facts(note)["tumor_markers"]["ca15_3"] == {"value": 61, "uln": 31}


def test_a_raised_alp_in_the_latest_column_is_a_red_flag_for_the_decision() -> None:
    note = (
        "Surveillance visit. 66F, L breast IDC 2019 pT2 pN1, lumpectomy + RT, on letrozole.\n"
        "Chemistry          Ref        05/2024    11/2024    05/2025\n"
        "Alk phos (U/L)     35-105     80         140 H      290 H\n"
        "AST (U/L)          10-35      20         22         25\n"
        "Denies bone pain. Plan: discuss at clinic.\n"
    )
    assert facts(note)["labs"]["alkaline_phosphatase"] == {"value": 290, "uln": 105}
    assert decide_note(note)["systemic_imaging"] not in ("not_applicable", "not_recommended")


# ------------------------------------------------------------------ controls
@pytest.mark.parametrize(
    ("note", "code", "value", "uln"),
    [
        ("Test  Result  Ref\nALP  95  40-129 U/L\n", "alkaline_phosphatase", 95, 129),
        ("Chemistry\nAST (U/L)   52   10-40\n", "ast", 52, 40),
        ("LFTs 12/03/2025\nALT   31   7-35 U/L\n", "alt", 31, 35),
    ],
)
def test_control_a_single_column_table_is_read_as_before(note: str, code: str, value: float, uln: float) -> None:
    assert facts(note)["labs"][code] == {"value": value, "uln": uln}


def test_control_a_vital_sign_block_is_no_lab_and_does_not_lend_its_dates() -> None:
    note = (
        "VITALS   04/02/25  10/01/24\nWt (kg)  58.1  64.0\nBP  122/76  130/80\nHR  88  72\n\n"
        "LABS   04/02/25  10/01/24  Ref\nALP  99  101  40-129\n"
    )
    got = facts(note)
    assert got["labs"] == {"alkaline_phosphatase": {"value": 99, "uln": 129}}
    assert "tumor_markers" not in got


@pytest.mark.parametrize(
    ("note", "field"),
    [
        # a header without dates nor words for its columns, two result columns, the range first (the single-column
        # rules read nothing there either)
        ("Chemistry\nTest   Ref\nALP   40-129   96   310 H\n", "labs.alkaline_phosphatase"),
        # two columns both named current, the range first
        ("Test   Ref   Result   Today\nALP   40-129   96   310 H\n", "labs.alkaline_phosphatase"),
        # no header at all, the range first
        ("Chemistry trend\nAST   (15-37)   12 L   95 H\n", "labs.ast"),
        # two yearless dates: March 25th or March 2025?
        ("      03/25   10/24   Ref\nAST   30   95 H   0-40\n", "labs.ast"),
        # the latest column empty for this test
        ("       06/2024  12/2024  Ref\nALP   310 H   -   40-129\n", "labs.alkaline_phosphatase"),
        # the header's dates do not pair with the row's results
        ("        01/2025   Ref\nCEA   4.1   9.6 H   <5.0\n", "tumor_markers.cea"),
    ],
)
def test_control_columns_that_cannot_be_ordered_are_asked(note: str, field: str) -> None:
    group, code = field.split(".")
    assert code not in facts(note).get(group, {})
    assert field in asked_fields(note)


def test_control_an_unorderable_table_is_asked_with_its_highest_column() -> None:
    note = "Test   Ref\nALP   40-129   96   310 H\n"
    [item] = [c for c in extracted(note).to_confirm if c["field"] == "labs.alkaline_phosphatase"]
    assert item["values"] == [{"value": 310, "uln": 129}]
