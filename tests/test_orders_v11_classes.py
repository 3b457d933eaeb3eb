"""Order-name classes found by the v11 blind order list (tests/fixtures/orders/PROVENANCE.md), in our own words.

Two contrast timings offered as alternatives ("with and without, or without, as the radiologist
prefers") leave the contrast to the radiologist: the resolver offers both studies and never picks one.
"""

from __future__ import annotations

import pytest

from order_helpers import study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("MR breast bilat w+wo or wo, radiologist to decide", {"mri_breast_wwo", "mri_breast_wo"}),
        ("MRI head with contrast or without if eGFR poor", {"mri_head_wwo", "mri_head_wo"}),
        ("MRI L-spine without or with and without gad", {"mri_spine_wo", "mri_spine_wwo"}),
        ("CT chest w/ IV contrast or w/o", {"ct_chest_contrast", "ct_chest_wo"}),
    ],
)
def test_two_contrast_timings_offered_as_alternatives_are_a_choice(text: str, offered: set[str]) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved", (text, reading.study)
    assert offered <= {c.id for c in reading.choices}, [c.id for c in reading.choices]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MRI breast with and without contrast", "mri_breast_wwo"),  # "and" joins the two phases of one study
        ("MRI brain w and w/o", "mri_head_wwo"),
        ("CT chest non-contrast, or low-dose without contrast", "ct_chest_wo"),  # the same timing either way
    ],
)
def test_one_timing_or_both_phases_joined_by_and_still_resolve(text: str, expected: str) -> None:
    assert study(text) == expected
