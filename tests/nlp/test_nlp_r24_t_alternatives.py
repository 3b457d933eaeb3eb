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


# ---- round 24: the patient's request told as the question she put
def _requests(note: str) -> bool:
    return (
        extract("61F, L breast IDC 1.4 cm, cN0, ER+ HER2-.\n" + note).facts.get("patient_preference")
        == "requests_imaging"
    )


@pytest.mark.parametrize(
    "sentence",
    ["She asked if I could order a PET-CT before her surgery.",
     "Pt asking whether she can also get a bone scan like her neighbour did.",
     "Patient asks to be booked for an MRI of her spine.",
     "She is asking why she hasn't been offered a CT scan."],
)  # fmt: skip
def test_a_request_told_as_her_question_is_a_request(sentence: str) -> None:
    assert _requests(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Her daughter asks whether she can have a PET scan.", "The surgeon asks if we can arrange a CT chest.",
     "She asks whether she should have a bone scan."],
)  # fmt: skip
def test_someone_else_asking_or_a_question_of_need_is_no_request(sentence: str) -> None:
    assert not _requests(sentence)
