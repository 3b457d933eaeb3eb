"""Sixteenth security pass, F8: complaints of the past, copied forward or dated years ago, raise no red flag.

Tested in other wordings than the report's, with controls: a complaint told now beside an old one stays current, a
dated list whose line for today names a complaint (or says something else) is left as it was.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

NEW = "57F newly diagnosed 1.6 cm IDC right breast, ER+ PR+ HER2-, cN0. Bone scan requested.\n"


@pytest.mark.parametrize(
    ("block", "code"),
    [
        (
            "Past complaints\n  03/2018: low back pain\n  2020: weight loss 5 kg\n  Currently: asymptomatic\n",
            "weight_loss",
        ),
        ("Symptom log:\n2017: rib pain\n2019: cough\nToday: nil\n", "bone_pain"),
        ("History\n- 2016: headache\n  Now: no complaints\n", "headache"),
    ],
)
def test_a_dated_list_closed_by_none_today_is_historical(block: str, code: str) -> None:
    assert code not in symptom_codes(NEW + block)


@pytest.mark.parametrize(
    ("block", "code"),
    [
        ("Symptom log:\n2017: rib pain\nNow: rib pain again, worse at night\n", "bone_pain"),  # today names it
        ("Symptom log:\n2026: new hip pain\nNow: awaiting bone scan\n", "bone_pain"),  # today says nothing of it
        ("Symptom log:\n2017: cough\nNow: none\nNew headaches for 3 weeks, waking her at night.\n", "headache"),
    ],
)
def test_controls_a_complaint_told_now_or_not_closed_stays_current(block: str, code: str) -> None:
    assert code in symptom_codes(NEW + block)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Copied from prior note: right hip pain x 3 weeks.", "bone_pain"),
        ("Carried forward from 2019: daily headaches.", "headache"),
        ("Pasted from 06/2021 visit: dry cough.", "cough"),
    ],
)
def test_text_copied_forward_from_a_dated_or_earlier_note_is_historical(line: str, code: str) -> None:
    assert code not in symptom_codes(NEW + line + "\n")


def test_control_a_complaint_told_after_the_copied_text_stays_current() -> None:
    note = NEW + "Copied from 2019 note: daily headaches.\nNew right hip pain for 4 weeks, worse at night.\n"
    assert "bone_pain" in symptom_codes(note)
    assert "headache" not in symptom_codes(note)


def test_control_copied_from_todays_referral_stays_current() -> None:
    assert "bone_pain" in symptom_codes(NEW + "Copied from the referral letter: right hip pain x 3 weeks.\n")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Perinatal jaundice (phototherapy).", "jaundice"),
        ("Childhood weight loss with coeliac disease.", "weight_loss"),
    ],
)
def test_a_complaint_of_birth_or_childhood_is_historical(line: str, code: str) -> None:
    assert code not in symptom_codes(NEW + line + "\n")


def test_control_a_jaundice_of_today_stays_current() -> None:
    assert "jaundice" in symptom_codes(NEW + "New jaundice noted by her daughter this week.\n")
