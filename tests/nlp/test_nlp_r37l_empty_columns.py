"""Round 37l fix: a results table whose header does not tell its columns apart keeps the single-column reading.

A column may be empty for some rows (its blanks squeezed, the row has fewer cells than the header has columns), a
header may have no dates (bare month names) or name only some of its columns ("earlier ... latest"). Such a row keeps
the value beside its range, as the results-table rules read it, unless the header says that value is an older date's
(its latest date is not its last column) or its dates cannot be ordered; then the test is asked. Written for these
tests (none is a blind-set note).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts


def asked_fields(note: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {c["field"] for c in extract(note).to_confirm}


@pytest.mark.parametrize(
    ("note", "group", "code", "value", "uln"),
    [
        (  # bare month names (no dates), an empty column, the range last
            "Labs      Feb      Apr      Jun\nAST       -        22       41 H    10-35 U/L\n",
            "labs",
            "ast",
            41,
            35,
        ),
        (  # a header naming two columns over three results
            "           previous   current   range\nBilirubin  0.8   1.1   2.6 H   0.2-1.2 mg/dL\n",
            "labs",
            "bilirubin",
            2.6,
            1.2,
        ),
        (  # oldest first, the middle column blank for this row
            "             01/2024   06/2024   12/2024   Ref\nALT          28                  96 H      7-35\n",
            "labs",
            "alt",
            96,
            35,
        ),
        (  # a marker row with an empty earlier column, header in words
            "            earlier   latest   normal\nCA 15-3     -         44 H     <31\n",
            "tumor_markers",
            "ca15_3",
            44,
            31,
        ),
        (  # no header line at all, a dash for a missing draw
            "Tumour markers (trend)\nCEA   -   3.0   6.8 H   <5.0 ng/mL\n",
            "tumor_markers",
            "cea",
            6.8,
            5.0,
        ),
    ],
)
def test_a_row_the_header_does_not_order_keeps_the_value_beside_its_range(
    note: str, group: str, code: str, value: float, uln: float
) -> None:
    assert facts(note)[group][code] == {"value": value, "uln": uln}


def test_a_raised_alp_beside_the_range_of_a_partly_named_table_counts_for_the_decision() -> None:
    note = (
        "Follow-up. 59F, R breast IDC 2020 pT2 pN1a, mastectomy + ALND, on anastrozole.\n"
        "             prior      today      ref\n"
        "Alk phos     88    102    355 H    35-105 U/L\n"
        "Denies bone pain.\n"
    )
    assert facts(note)["labs"]["alkaline_phosphatase"] == {"value": 355, "uln": 105}
    assert decide_note(note)["systemic_imaging"] not in ("not_applicable", "not_recommended")


# ------------------------------------------------------------------ controls
@pytest.mark.parametrize(
    ("note", "field"),
    [
        # newest first, a column blank for this row: the value beside the range is an older draw's
        ("LABS   11/02/25   05/01/25   12/12/24   Ref\nAST   19   88 H   10-40\n", "labs.ast"),
        # newest first by name, three results under two names
        ("Chem   Current   Prior   Ref\nALP   96   210   310 H   40-129\n", "labs.alkaline_phosphatase"),
        # the column beside the range is empty
        ("Marker   Sep   Nov   Ref\nCEA   2.1   -   <5.0\n", "tumor_markers.cea"),
    ],
)
def test_control_a_value_that_may_be_an_older_draws_is_asked_not_read(note: str, field: str) -> None:
    group, code = field.split(".")
    assert code not in facts(note).get(group, {})
    assert field in asked_fields(note)


def test_control_a_single_column_row_and_an_aligned_dated_row_are_read_as_before() -> None:
    note = "LFTs          03/2025     09/2024     Ref\nAST           61 H        20          10-40\nALT   29   7-35\n"
    got = facts(note)["labs"]
    assert got["ast"] == {"value": 61, "uln": 40}
    assert got["alt"] == {"value": 29, "uln": 35}


def test_control_a_relatives_results_are_not_the_patients() -> None:
    note = (
        "Her sister's liver tests last year: ALP 410 U/L (ref 40-129).\n"
        "Own labs      prior    now\nALP  90  95  40-129\n"
    )
    assert facts(note)["labs"]["alkaline_phosphatase"] == {"value": 95, "uln": 129}
