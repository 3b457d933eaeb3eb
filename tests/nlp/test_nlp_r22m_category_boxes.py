"""Round 22m: a T, N or M field answered by ticking one of its categories' boxes.

The ticked box gives the category, whichever side of its category the box is drawn ("cN: [ ] 0 [x] 1",
"N stage: 0( ) 1(X) 2( )"); an unticked box never does; two ticked are the conflict the note holds (to confirm).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightscan.adapters.text import extract

HEAD = "ONCOLOGY CONSULT\n58 yo F with newly diagnosed R breast IDC on core biopsy, ER+/PR+/HER2-.\n"
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(text: str) -> tuple[dict, dict[str, list]]:
    r = extract(HEAD + text).to_dict()
    return r["facts"].get("tumor") or {}, {c["field"]: list(c.get("values") or ()) for c in r["to_confirm"]}


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Clinical N: [ ] 0  [X] 1  [ ] 2  [ ] 3", "n", "N1"),
        ("cN ( ) N0 (x) N1 ( ) N2", "n", "N1"),
        ("N category: 0 [ ] 1 [ ] 2 [X] 3 [ ]", "n", "N2"),
        ("Nodal stage: N0( ) N1(X) N2( )", "n", "N1"),
        ("cT: T1 [ ] T2 [x] T3 [ ]", "t", "T2"),
        ("T stage: 1( ) 2(X) 3( ) 4( )", "t", "T2"),
        ("cM: [x] 0 [ ] 1", "m", "M0"),
    ],
)
def test_the_ticked_category_is_read(line: str, field: str, value: str) -> None:
    assert _read(line)[0].get(field) == value


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("cN: [ ] 0 [ ] 1 [ ] 2", "n"),
        ("N stage: 0( ) 1( ) 2( )", "n"),
        ("cM: [ ] 0 [ ] 1", "m"),
        ("T: 1 [ ] 2 [ ] 3 [ ]", "t"),
    ],
)
def test_no_tick_states_no_category(line: str, field: str) -> None:
    assert field not in _read(line)[0]


def test_an_unticked_m1_box_is_no_metastasis() -> None:
    tumor, confirm = _read("Clinical M  ☒M0 ☐M1")
    assert tumor.get("m") == "M0" and "tumor.m" not in confirm


def test_a_ticked_m1_box_is_never_ignored() -> None:
    tumor, confirm = _read("cM: [ ] 0 [x] 1")
    assert tumor.get("m") == "M1" or "M1" in confirm.get("tumor.m", [])


@pytest.mark.parametrize("line", ["cN: [x] 0 [x] 1 [ ] 2", "N stage: 0(X) 1(X) 2( )", "Clinical N  ☒N0 ☒N1"])
def test_two_ticked_categories_are_confirmed(line: str) -> None:
    tumor, confirm = _read(line)
    assert "n" not in tumor and set(confirm.get("tumor.n", [])) == {"N0", "N1"}


def test_two_ticked_t_categories_state_no_t() -> None:
    assert "t" not in _read("cT: [x] 1 [x] 2 [ ] 3")[0]


def test_words_after_a_labelled_digit_are_no_category() -> None:
    assert "n" not in _read("N: 1 of 3 nodes positive on FNA review")[0]
    assert "m" not in _read("M: 1 cm nodule, indeterminate")[0]


@PROPERTY
@given(
    pick=st.integers(min_value=0, max_value=3),
    boxes_after=st.booleans(),
    lettered=st.booleans(),
    label=st.sampled_from(["cN:", "N:", "Clinical N:", "N stage:"]),
    tick=st.sampled_from(["x", "X"]),
)
def test_a_row_of_n_boxes_reads_its_single_tick(
    pick: int, boxes_after: bool, lettered: bool, label: str, tick: str
) -> None:
    cats = ["0", "1", "2", "3"]
    parts = []
    for i, c in enumerate(cats):
        box = f"[{tick}]" if i == pick else "[ ]"
        name = f"N{c}" if lettered else c
        parts.append(f"{name} {box}" if boxes_after else f"{box} {name}")
    assert _read(f"{label} {' '.join(parts)}")[0].get("n") == f"N{cats[pick]}"
