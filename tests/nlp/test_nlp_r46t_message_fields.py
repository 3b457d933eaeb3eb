"""Round 46t: fields of short messages and vignettes found on blind v46.

- The age in a message addressed with an arrow ("pager -> Dr. X: 55F ...", v46 bm-045): the arrow is no comparison sign;
  an arrow before a number (a temperature going up) still is.
- The age with a bare small "y" after the patient's title and name ("re Mrs. Alvarez 58y rm 4112", v46 bm-004).
- The size named the primary tumour's ("primary 6.5cm") after a node in the same sentence (v46 bm-045).
- A tumour's size followed by a second measurement that carries the distance from the nipple ("IDC 1.4cm @ 2:00 6cm FN",
  v46 bm-001): the "FN" is the second number's.

Controls: a fever's value is no age; a span of years is no age; a node's or another organ's size is not the tumour's; a
distance from the nipple written alone stays refused.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    ("note", "age", "sex"),
    [
        ("page -> Dr. Osei: 61F new R breast ILC 2.1 cm, pls call", 61, "female"),
        ("msg => onc fellow: 47F w/ new L breast IDC, staging?", 47, "female"),
        ("From triage -> breast team: 72F, hx R breast ca 2016, new hip pain", 72, "female"),
    ],
)
def test_an_arrow_addressing_a_message_leaves_the_age(note: str, age: int, sex: str) -> None:
    got = facts(note)
    assert got.get("age") == age
    assert got.get("sex") == sex


@pytest.mark.parametrize(
    ("note", "age"),
    [
        ("PAGE re Ms. Okafor 61y bed 12 - hx R breast ca s/p mastectomy", 61),
        ("call re Mrs Lindqvist 49y, new L breast lump", 49),
        ("Mrs. Tan 70y rm 3 - hx L breast ca 2018, new back pain", 70),
    ],
)
def test_a_bare_y_after_the_name_is_her_age(note: str, age: int) -> None:
    assert facts(note).get("age") == age


@pytest.mark.parametrize(
    "note",
    [
        "fever 100.2 -> 101F overnight, no rigors",
        "Mrs Jones 10y ago had R breast ca, no new sx",
        "Mrs Jones 3y post-op, well",
    ],
)
def test_controls_no_age(note: str) -> None:
    assert "age" not in facts(note)


@pytest.mark.parametrize(
    ("note", "size"),
    [
        ("62F new R breast IDC w/ matted axillary nodes (FNA +), primary 4.2cm, gr 2", 4.2),
        ("new L breast ILC, palpable axillary node 2.5 cm, primary tumour 32 mm, gr 2", 3.2),
        ("58F new R IDC 2.3 cm @ 10:00 5 cm FN, cN0, ER+", 2.3),
        ("new L breast IDC 12 mm at 3 o'clock 4cm FN on US, cN0", 1.2),
    ],
)
def test_the_primary_tumours_size_is_read(note: str, size: float) -> None:
    assert facts(note).get("tumor", {}).get("size_cm") == size


@pytest.mark.parametrize(
    "note",
    [
        "new R breast IDC, axillary node 2.5 cm on US",
        "hx colon ca; lung primary 2 cm suspected on CT",
        "new L breast IDC, mass 3 cm from the nipple",
        "new R breast IDC, 2.1 cm x 1.4 cm axillary node",
    ],
)
def test_controls_no_tumour_size(note: str) -> None:
    assert "size_cm" not in facts(note).get("tumor", {})
