"""Round 38l (v38 blind am-028, an-032, am-014, an-015): values missed or read from the wrong thing, in other wordings.

1. Tumour markers written as a trend without dates ("CA 15-3 31 → 42 → 54 U/mL (reference 0-31)": the latest value),
   with a date among the words before the colon ("CA 27-29 per outside onc 05/2025: 30 (ref 0-38)"), or with an aside
   after the range inside its bracket ("CEA 6.8 ng/mL (reference 0-3.0; non-smoker)").
2. A number that measures something other than the current primary never becomes size_cm: a lung nodule with its lobe
   named before the size ("RUL 4 mm nodule"), a CT protocol's slice thickness ("1.25 mm recons"); the tumour's own
   size, then alone, is read.
Controls: a marker without its range is not passed on; a breast mass's size beside a lobe named in another clause stays.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, tumor


# ------------------------------------------------------------------ 1. tumour markers
@pytest.mark.parametrize(
    ("line", "marker", "value", "uln"),
    [
        ("CA 15-3 28 -> 39 -> 61 U/mL (ref 0-31) over the past year.", "ca15_3", 61.0, 31.0),
        ("CEA 2.1 → 3.9 → 7.4 ng/mL (reference 0-5.0).", "cea", 7.4, 5.0),
        ("CA 27-29 per outside onc 05/2025: 30 (ref 0-38).", "ca27_29", 30.0, 38.0),
        ("CA 15-3 from her previous oncologist 11/03/2025: 45 (normal 0-31).", "ca15_3", 45.0, 31.0),
        ("CEA is now 6.8 ng/mL (reference 0-3.0; she has never smoked).", "cea", 6.8, 3.0),
    ],
)
def test_a_tumour_marker_in_a_trend_after_a_date_or_with_an_aside_is_read(
    line: str, marker: str, value: float, uln: float
) -> None:
    note = "58F, s/p L lumpectomy 2019 for IDC, on letrozole. " + line
    assert facts(note).get("tumor_markers", {}).get(marker) == {"value": value, "uln": uln}


@pytest.mark.parametrize(
    "line",
    [
        "CA 15-3 28 -> 39 -> 61 over the past year, range not given.",  # no range: noted, not passed on
        "CEA 2.1 → 3.9 → 7.4, lab range pending.",
    ],
)
def test_control_a_marker_without_its_range_is_not_passed_on(line: str) -> None:
    note = "58F, s/p L lumpectomy 2019 for IDC, on letrozole. " + line
    assert not facts(note).get("tumor_markers")


# ------------------------------------------------------------------ 2. sizes of other things
@pytest.mark.parametrize(
    ("note", "size"),
    [
        (
            "62F, new L breast IDC, US: 2.7 cm mass L 3:00, core bx grade 2, ER+ HER2-. CT: LLL 6 mm nodule, "
            "indeterminate, f/u CT.",
            2.7,
        ),
        ("New R breast ILC, MRI 3.4 cm, ER+ PR+ HER2-. Chest CT 10/2: RML 5 mm nodule, likely benign.", 3.4),
        ("New L breast IDC 1.9 cm on US, grade 1, ER+. Protocol: CT chest w/ contrast, 2.5 mm slices.", 1.9),
        ("New R breast IDC, mammo 2.2 cm mass, ER+ HER2-. CT C/A/P w/o, 1.25 mm recons, lung windows.", 2.2),
    ],
)
def test_a_lung_nodule_with_its_lobe_or_a_slice_thickness_is_no_tumour_size(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


def test_control_a_breast_mass_size_after_a_lobe_in_another_clause_stays() -> None:
    note = "CXR: RUL clear. New L breast IDC; US 2.4 cm irregular mass L 2:00, grade 2, ER+ PR+ HER2-."
    assert tumor(note).get("size_cm") == 2.4
