"""Round 24: a bare T category offered as the alternative of a clinical T ("T1c vs T2", "cT2 or T3") conflicts with it:
the T is asked, never the first alone (v24 blind, a faxed consult whose sizes disagreed). "T1 vs T2 weighted" stays an
MRI sequence.
"""

from __future__ import annotations

import pytest

from rightscan.adapters.text import extract


def _t(note: str) -> tuple[object, set[str]]:
    r = extract(note)
    asked = {v for c in r.to_confirm if c["field"] == "tumor.t" for v in (c.get("values") or [])}
    return r.facts.get("tumor", {}).get("t"), asked


@pytest.mark.parametrize(
    ("note", "asked"),
    [("R breast IDC, cN0; US and mammogram disagree on size, so T1c vs T2.", {"T1c", "T2"}),
     ("L breast ILC, clinically cT2 or T3 on exam, cN1.", {"T2", "T3"}),
     ("IDC, staging cT3 versus T4b (skin dimpling only), N1.", {"T3", "T4b"})],
)  # fmt: skip
def test_an_alternative_t_is_asked_not_dropped(note: str, asked: set[str]) -> None:
    assert _t(note) == (None, asked)


@pytest.mark.parametrize(
    "note",
    ["Breast MRI: mass hypointense on T1 vs T2 weighted images.", "MRI cT1c vs T2-weighted signal, no change."],
)
def test_mri_sequences_are_no_alternative_t(note: str) -> None:
    t, asked = _t(note)
    assert asked == set() and t in (None, "T1c")
