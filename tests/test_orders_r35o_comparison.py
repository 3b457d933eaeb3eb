"""Orders, round 35o (the v32 blind list's one wrong resolution, as a class, in other words than the list's line).

A study named after "prior", "previous", "comparison", "compare with" or "outside", before the order names a study of
its own, is an earlier study - a comparison or a past result - and no study ordered; so is a study under a heading
that ends with such a word ("Comparison: ..."). An order that says nothing new is ordered ("no new imaging", "for
comparison only") orders nothing. The reader never resolves these to the study named: it asks, showing that study
as done or declined. Controls: the same words after the study ("CT CAP - compare with prior") are the radiologist's
comparison for the study ordered, which still resolves; "prior to" is a timing; "no further imaging if clear" is a
plan after the study's result.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("compare with previous MRI brain of 11/2", None),
        ("prior bone scan 2023", None),
        ("previous PET/CT at St Mary's", None),
        ("outside CT chest abdomen pelvis w contrast for review", None),
        ("compared to prior mammogram", None),
        ("recent whole body bone scan", None),
        ("Comparison: CT CAP w contrast 02/14", None),
        ("Compare with - MRI breast bilateral w/wo 5/5", None),
        ("comparison study CT chest without contrast", None),
    ]
)
def test_a_study_named_as_earlier_or_as_a_comparison_is_no_order(text: str, pid: str | None) -> None:
    reading = interpret(KB, text)
    assert study(text) is None, reading
    assert reading.order_status == "done" and reading.choices, reading  # shown as the earlier study, done


@case(
    [
        ("MRI brain w/wo - no new imaging today", None),
        ("bone scan: nothing ordered, discuss results next visit", None),
        ("CT CAP w contrast - for comparison only", None),
        ("PET/CT, no new scans", None),
    ]
)
def test_an_order_that_says_nothing_new_is_ordered_orders_nothing(text: str, pid: str | None) -> None:
    reading = interpret(KB, text)
    assert study(text) is None, reading
    assert reading.order_status in ("declined", "done"), reading


@case(
    [
        # the radiologist's comparison written after the study ordered: the study is ordered
        ("CT CAP w contrast - compare with prior", "ct_cap_contrast"),
        ("MRI brain with and without contrast, compare to previous 3/4", "mri_head_wwo"),
        ("US breast left - correlate with prior mammogram", "us_breast"),
        ("Bone scan whole body, comparison with outside study", "bone_scan"),
        # "prior to" is a timing, not an earlier study
        ("Axillary US prior to sentinel node biopsy", "us_axilla"),
        # a plan after the study's result does not withdraw the study
        ("bone scan, no further imaging if clear", "bone_scan"),
        # a different study, a negated word and the order word stay as they were
        ("repeat CT head without contrast", "ct_head"),
        ("CT CAP w contrast - no prior contrast reaction", "ct_cap_contrast"),
    ]
)
def test_controls_the_study_ordered_still_resolves(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
