"""Round 40s (v40 blind at-014, au-048, au-038, au-046, at-019, at-048): the setting of lay text, letters and
everyday clinic notes, in other wordings.

1. A change of the treated breast's skin in lay words ("skin drawn in beside the scar") or told as not settling on
   antibiotics is a new local finding after a treated cancer: suspected local recurrence.
2. A breast cancer named as a risk ("lifetime breast cancer risk 35%") is no cancer of the patient's: no new diagnosis.
3. A new lump told with its side and no preposition ("new lump R breast") is a new finding: in the treated breast a
   suspected local recurrence, in the other breast the setting left open (a new primary or not is unproven).
4. A cancer told as the patient's in lay words ("the doctor told me it's cancer", "the cancer is 4 cm") with treatment
   still to come is a new diagnosis.
Controls: a denied, resolved, hypothetical or relative's mention changes nothing; a stated new diagnosis stays; a
routine follow-up after treatment stays surveillance.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


def _setting(note: str) -> str | None:
    return facts(note).get("setting")


_TREATED = "62F, hx R breast ca s/p R lumpectomy and RT 2019, on letrozole. "

# ------------------------------------------------------------------ 1. lay skin change of the treated breast


@pytest.mark.parametrize(
    "note",
    [
        _TREATED + "She says the skin is drawn in just beside the scar for 3 weeks. Diagnostic mammogram ordered.",
        _TREATED + "Pt reports skin sucked in near the R lumpectomy scar since August. Dx mammo + US.",
        _TREATED + "R breast redness and swelling has not improved with 2 courses of antibiotics. Diagnostic mammo.",
        _TREATED + "The redness over the R breast did not get better with the cephalexin. Seen today, dx mammogram.",
    ],
)
def test_lay_skin_change_of_treated_breast_is_local(note: str) -> None:
    assert _setting(note) == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "note",
    [
        _TREATED + "Routine 6-month follow-up. R breast cellulitis in May, resolved with antibiotics. No new lumps.",
        _TREATED + "Routine 6-month follow-up. No skin dimpling or pulling in near the scar. Exam benign.",
    ],
)
def test_settled_or_denied_skin_change_stays_surveillance(note: str) -> None:
    assert _setting(note) == "surveillance"


def test_untreated_red_breast_not_settling_is_no_recurrence() -> None:
    note = "48F. L breast redness and swelling not responding to abx x 3 wks. Core bx today, results pending."
    assert _setting(note) not in ("suspected_local_recurrence", "suspected_distant_recurrence", "surveillance")


# ------------------------------------------------------------------ 2. a breast cancer named as a risk


@pytest.mark.parametrize(
    "note",
    [
        "HIGH RISK CLINIC\n38F, PALB2 carrier, no personal hx of cancer. Lifetime breast cancer risk 35%. "
        "Referred for screening. Annual breast MRI ordered.",
        "45F referred by genetics. Tyrer-Cuzick breast ca risk 27%. No breast sx. Plan: screening MRI, RTC 1 yr.",
        "New pt, 50F, strong family hx. Breast carcinoma risk assessment done today; referred for annual MRI.",
    ],
)
def test_cancer_named_as_a_risk_is_no_new_diagnosis(note: str) -> None:
    assert _setting(note) is None


def test_relatives_cancer_gives_no_setting() -> None:
    note = "40F referred by genetics; her sister has breast cancer, being worked up for surgery. Screening MRI ordered."
    assert _setting(note) is None


def test_stated_new_diagnosis_awaiting_surgery_stays() -> None:
    note = "55F newly diagnosed L breast IDC, core bx 10/2, ER+ HER2-. Referred for surgery; lumpectomy planned."
    assert _setting(note) == "new_diagnosis"


# ------------------------------------------------------------------ 3. a new lump with its side, no preposition

_MASTECTOMY = "F/u. 58F, hx L breast IDC s/p L mastectomy 2018, on letrozole. "


def test_new_lump_in_other_breast_leaves_setting_open() -> None:
    assert _setting(_MASTECTOMY + "Reports new firm lump R breast x 3 wks. R diagnostic mammo ordered.") is None


@pytest.mark.parametrize(
    "note",
    [
        _MASTECTOMY + "Reports new lump L chest wall x 2 wks, 8 mm. US ordered.",
        _MASTECTOMY + "Pt found a new hard lump L axilla last week. US axilla ordered.",
    ],
)
def test_new_lump_on_treated_side_is_local(note: str) -> None:
    assert _setting(note) == "suspected_local_recurrence"


def test_no_new_lump_stays_surveillance() -> None:
    assert _setting(_MASTECTOMY + "Routine visit. Denies new lump R breast or L chest wall. Exam benign.") == (
        "surveillance"
    )


# ------------------------------------------------------------------ 4. a cancer told in lay words, treatment to come


@pytest.mark.parametrize(
    "note",
    [
        "Hi, the surgeon phoned today and told me it's cancer. She wants me to see the oncologist and start chemo "
        "before the operation. Do I need a scan first?",
        "Dear Dr. Park, the biopsy came back that it was cancer and you want a bone scan before I start treatment. "
        "Can we do it next week?",
        "I understand the cancer is 4 cm on the ultrasound and you want a CT before surgery is planned. Needed?",
    ],
)
def test_lay_cancer_with_treatment_to_come_is_new_diagnosis(note: str) -> None:
    assert _setting(note) == "new_diagnosis"


@pytest.mark.parametrize(
    "note",
    [
        "Hi, the surgeon phoned today and said it's not cancer, just a fibroadenoma. Do I still need the scan?",
        "My sister's doctor told her it's cancer and she will start chemo soon. Should I have a mammogram too?",
        "If the biopsy shows it's cancer, will I need to start chemo before surgery? Biopsy is on Friday.",
    ],
)
def test_lay_cancer_controls_give_no_new_diagnosis(note: str) -> None:
    assert _setting(note) != "new_diagnosis"


def test_lay_cancer_treated_long_ago_stays_surveillance() -> None:
    note = "Hi, my cancer was 2 cm when they did my lumpectomy in 2019. I finished radiation that year. "
    note += "Routine 6 month check today was fine. Thanks!"
    assert _setting(note) != "new_diagnosis"
