"""Round 45o (v45 bh-035, bi-015): the staging CT written "CT scan chest, abdomen and pelvis", or with the belly.

"Plan: CT scan chest, abdomen and pelvis with contrast" and a patient asking for "a CT scan of chest, belly and pelvis"
named no study: the note reader's phrases for the chest-abdomen-pelvis CT wanted "of" after "scan", and the abdomen in
its clinical words only. ``targets.yaml`` (procedures.extra_phrases.ct_cap_contrast) now holds both; the order
resolver still reads the contrast words after it. Controls: a CT of the chest alone, a CT of two regions, a
non-contrast request, and a CT done and reported are read as before. Wordings of our own, not the v45 notes'.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "59F, new R breast IDC 4 cm, cN1. Plan: CT scan thorax, abdomen and pelvis with IV contrast for staging.",
            "ct_cap_contrast",
        ),
        ("63F, hx L breast ca 2019, new rib pain. Next: CT scan chest, abdo, pelvis.", "ct_cap_contrast"),
        (
            "58F, hx breast ca 2020, rising CA 15-3. She wants a cat scan of her chest, tummy and pelvis.",
            "ct_cap_contrast",
        ),
        ("61F, hx R breast ca 2018. Requests CT scan of my chest, belly and pelvis.", "ct_cap_contrast"),
        ("66F, stage III L breast ca, eGFR 25. Plan: CT scan chest/abdomen/pelvis without contrast.", "ct_cap_wo"),
    ],
)
def test_the_staging_ct_in_these_wordings_is_the_study_considered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    ("note", "study"),
    [
        ("60F, hx L breast ca 2019, cough. Plan: CT chest with contrast.", "ct_chest_contrast"),
        (
            "57F, hx R breast ca 2017. Plan: CT abdomen and pelvis with contrast for RUQ pain.",
            "ct_abdomen_pelvis_contrast",
        ),
        ("62F, hx L breast ca 2016, NED. CT scan chest, abdomen and pelvis 2/2024: no evidence of disease.", None),
    ],
)
def test_other_cts_and_a_ct_done_read_as_before(note: str, study: str | None) -> None:
    assert order_of(note) == study
