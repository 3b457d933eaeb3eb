"""Round 26: resolutions and onsets the v25 notes' two remaining unsafe answers showed, each in other wordings: the
findings listed in one bracket after a condition share the resolution told after the bracket; a stop of a drug or of
coffee told as sudden is no sudden onset of the symptom; and a resolution asked with a question mark is not told.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

HEADER = "58F, L breast IDC pT1b pN0, ER+ PR+ HER2-, lumpectomy and RT 2021, on anastrozole.\n"


def _symptoms(note: str) -> set[str]:
    return symptom_codes(HEADER + note)


def _to_confirm(note: str) -> set[str]:
    return symptoms_to_confirm(HEADER + note)


@pytest.mark.parametrize(
    "note",
    [
        "Hx: radiation pneumonitis 03/2022 (dry cough, SOB on exertion) - steroid course, fully resolved by 6/2022.",
        "Radiation pneumonitis 03/2022 (cough, SOB) - steroid taper, fully resolved by 6/2022.",
        "Pneumonia 2023 (cough, fever, breathlessness) - antibiotics, completely resolved.",
    ],
)
def test_findings_in_one_bracket_share_the_resolution_after_it(note: str) -> None:
    assert _symptoms(note) == set()


def test_a_finding_outside_the_bracket_keeps_its_own_reading() -> None:
    # only the bracket's findings are the condition's presentation: a warned finding told after it stays
    note = "Pneumonitis 2022 (cough, SOB) - resolved. New bone pain L hip at night for 3 weeks."
    assert "bone_pain" in _symptoms(note)
    assert not {"cough", "dyspnea"} & _symptoms(note)


def test_a_warned_finding_in_the_bracket_is_not_resolved_away() -> None:
    note = "Admitted with pneumonitis (cough, new bone pain at night) - treated, resolved."
    assert "bone_pain" in _symptoms(note) | _to_confirm(note)


@pytest.mark.parametrize(
    "note",
    [
        "Frontal headache after abruptly stopping her coffee intake; settled with fluids and caffeine.",
        "Headache since suddenly discontinuing venlafaxine last week, now resolved.",
        "Headaches following abrupt cessation of caffeine, gone after 3 days.",
    ],
)
def test_a_sudden_stop_of_a_drug_is_not_a_sudden_onset(note: str) -> None:
    assert "headache" not in _symptoms(note) | _to_confirm(note)


@pytest.mark.parametrize(
    "note",
    [
        "Headache began abruptly yesterday, worst of her life.",
        "Sudden onset severe headache this morning with vomiting.",
        "New headache that came on suddenly 2 days ago.",
    ],
)
def test_a_sudden_onset_still_warns(note: str) -> None:
    assert "headache" in _symptoms(note)


@pytest.mark.parametrize(
    "note",
    [
        "New back pain at night last week, now resolved?",
        "Progressive hip pain over a month - has it settled? resolved?",
    ],
)
def test_a_resolution_asked_is_not_told(note: str) -> None:
    found = _symptoms(note) | _to_confirm(note)
    assert found & {"back_pain", "bone_pain"}


def test_a_resolution_told_still_resolves() -> None:
    assert _symptoms("Back pain after moving house has resolved.") == set()
