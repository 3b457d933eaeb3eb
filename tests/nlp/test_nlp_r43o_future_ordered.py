"""Round 43o (v43 blind, bc-030): a study written with a date later than every other date of the note and "ordered"
is booked, not done: it is the study considered now (annotation guide 2, order). A study dated earlier, or dated
without a word looking forward, stays done."""

from __future__ import annotations

import pytest

from nlp_helpers import order_of

TREATED = "68F, L breast IDC 2021 s/p lumpectomy + RT, on letrozole since 9/2021. Labs 10/2026 normal. NED. "


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (TREATED + "Plan:\n- L breast ultrasound 03/2027 ordered", "us_breast"),
        (TREATED + "- Bilateral diagnostic mammo 6/2027 has been ordered.", "mammo_diagnostic"),
    ],
)
def test_a_study_ordered_for_a_later_date_is_considered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # dated before the note's other dates: done, whatever the word
        TREATED + "Bilateral diagnostic mammogram 2/2020 ordered by outside MD, benign.",
        # a later year with no word looking forward: left as read
        TREATED + "Bone scan 2027 negative.",
    ],
)
def test_a_study_dated_in_the_past_is_not_considered(note: str) -> None:
    assert order_of(note) is None
