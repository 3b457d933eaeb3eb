"""Laboratory and marker values in two more layouts (round 20f).

- a results row with the unit in brackets after the name and a single value column ("AST (U/L)   88   10-40");
  with several value columns their order is not guessed (a header may list the newest date first);
- the range told in the patient's own words inside brackets ("45 (it says normal is 0-38)").
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rightscan.adapters.text import extract

LEAD = "Follow-up. 58 yo woman, R breast IDC 2019 s/p lumpectomy, RT, on letrozole.\n"


@given(
    row=st.sampled_from(
        [
            ("AST", "U/L", "ast"),
            ("ALT", "IU/L", "alt"),
            ("ALP", "U/L", "alkaline_phosphatase"),
            ("T bili", "mg/dL", "bilirubin"),
        ]
    ),
    value=st.integers(5, 300),
    uln=st.integers(30, 150),
)
@settings(max_examples=30, deadline=None)
def test_a_row_with_its_unit_in_brackets(row: tuple[str, str, str], value: int, uln: int) -> None:
    name, unit, code = row
    note = LEAD + f"Labs 11/02:\n {name} ({unit})      {value}     0-{uln}\n"
    assert extract(note).facts.get("labs", {}).get(code) == {"value": float(value), "uln": float(uln)}


def test_a_marker_row_with_its_unit_in_brackets() -> None:
    note = LEAD + "Markers:\nCA 27-29 (U/mL)   52   0-38\nCEA (ng/mL)   2.1   0.0-4.7\n"
    markers = extract(note).facts.get("tumor_markers", {})
    assert markers.get("ca27_29") == {"value": 52.0, "uln": 38.0}
    assert markers.get("cea") == {"value": 2.1, "uln": 4.7}


def test_several_columns_with_a_unit_in_brackets_are_not_guessed() -> None:
    note = LEAD + "LABS        11/11/25   05/13/25   11/12/24   Ref\nALP (U/L)     162     131     98     35-104\n"
    assert extract(note).facts.get("labs", {}).get("alkaline_phosphatase", {}).get("value") != 98.0


def test_the_range_in_the_patients_words() -> None:
    for text in ("My CA 27-29 is 45 (it says normal is 0-38).", "my CA 27-29 was 45 (the portal says normal 0-38)"):
        markers = extract(LEAD + text).facts.get("tumor_markers", {})
        assert markers.get("ca27_29") == {"value": 45.0, "uln": 38.0}, text
    # without a range the value is not passed on
    assert "tumor_markers" not in extract(LEAD + "My CA 27-29 is 45 (it says high).").facts
