"""Round 46s: red flags and metastases a note's own context hides or invents (blind v46 bk-037, bk-050, bl-027,
bm-030, bm-039).

- a statistic about metastases (a rate, yield, detection figure or incidence) is no metastasis in her (bk-050);
- a past habit ("former smoker", "history of smoking") is no past symptom: the cough told with it counts (bl-027);
- a pain the note dates to taking up a sport or exercise is that activity's strain, unless a warning (night or rest
  pain, progressive) keeps it (bk-037);
- a bone named in brackets after the region ("thigh (femur) pain") places the pain in the bone (bm-039);
- the illness a failed course was given for ("not better after antibiotics for bronchitis") explains no breathlessness
  told with it (bm-030).

Controls: a real metastasis, a real night pain with a sport named, a resolved cough, an explained exertion pain.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


def _m(note: str) -> object:
    return (facts(note).get("tumor") or {}).get("m")


def _symptoms(note: str) -> list[str]:
    return list(facts(note).get("symptoms") or [])


@pytest.mark.parametrize(
    "note",
    [
        "Staging not indicated: detection of metastases by PET in stage II is ~3% and false positives are common.",
        "Routine scans not advised, as the detection rate for distant metastases is under 1% in early disease.",
        "Occult distant metastases at presentation are rare in stage I, so no staging CT.",
        "61F, new T1N0 ER+ IDC. Incidence of distant mets in this group is 1-2%, so no systemic imaging.",
    ],
)
def test_a_statistic_about_metastases_is_no_m1(note: str) -> None:
    assert _m(note) != "M1"


@pytest.mark.parametrize(
    "note",
    [
        "CT shows liver mets.",
        "Liver metastases are 40% larger than before.",
        "Bone mets, SUV 8.1, 30% increase since June.",
        "Biopsy-proven liver mets, started on letrozole and palbociclib.",
    ],
)
def test_a_metastasis_found_is_still_m1(note: str) -> None:
    assert _m(note) == "M1"


@pytest.mark.parametrize(
    ("note", "symptom"),
    [
        ("Persistent dry cough 2 months, former heavy smoker 40 pack-years.", "cough"),
        ("Cough for seven weeks now; previous smoker, stopped in 2005.", "cough"),
        ("Breathless on exertion over the last month, former smoker (25 pk-yr).", "dyspnea"),
        ("72F with a hacking cough x 8 wks, ex-smoker, pre-op eval of cough", "cough"),
    ],
)
def test_a_past_habit_is_no_past_symptom(note: str, symptom: str) -> None:
    assert symptom in _symptoms(note)


@pytest.mark.parametrize(
    "note",
    [
        "Former smoker. Cough in 2019 after pneumonia, since resolved.",
        "Former smoker, no cough, no shortness of breath.",
    ],
)
def test_a_resolved_or_denied_cough_with_a_habit_stays_unread(note: str) -> None:
    assert "cough" not in _symptoms(note)


@pytest.mark.parametrize(
    "note",
    [
        "L hip pain for 2 weeks, began when she took up tennis, tender over the greater trochanter, full ROM.",
        "R thigh pain since she started a new spin class, sore after rides, tender quads, no rest pain.",
        "Hip pain since joining a running club last month, worse after runs, tender over the bursa.",
    ],
)
def test_a_pain_dated_to_a_new_sport_is_its_strain(note: str) -> None:
    assert "bone_pain" not in _symptoms(note)


@pytest.mark.parametrize(
    "note",
    [
        "Right hip pain since she started jogging, now waking her at night and present at rest.",
        "Thigh pain since she started playing golf, constant and worse at night.",
        "New rib pain since starting letrozole, worse at night.",
        "Left hip pain x 6 weeks, progressively worse, wakes her at night.",
    ],
)
def test_a_pain_with_a_warning_still_counts(note: str) -> None:
    assert "bone_pain" in _symptoms(note)


@pytest.mark.parametrize(
    "note",
    [
        "c/o R upper arm (humerus) ache for a month, worse at night.",
        "New L hip (femoral neck) pain x 4 wks, worse on weight bearing, keeps her up at night.",
        "Pt reports right shin (tibia) pain for 3 weeks, constant, worse at night.",
    ],
)
def test_a_bone_named_in_brackets_places_the_pain(note: str) -> None:
    assert "bone_pain" in _symptoms(note)


def test_a_bracketed_bone_pain_denied_stays_unread() -> None:
    assert "bone_pain" not in _symptoms("No thigh (femur) pain, no back pain.")


@pytest.mark.parametrize(
    "note",
    [
        "Cough for a month despite amoxicillin for presumed chest infection; now short of breath on exertion.",
        'Failed prednisone for "asthma" - cough x 6 wks and SOB walking up hills.',
        "Dry cough x 6 wks, no better after doxycycline for bronchitis, mild DOE on stairs.",
    ],
)
def test_a_failed_courses_illness_explains_no_breathlessness(note: str) -> None:
    assert "dyspnea" in _symptoms(note)


@pytest.mark.parametrize(
    "note",
    [
        "Cough x 2 wks, treated for bronchitis with z-pak, resolved.",
        "Mild DOE last week with bronchitis, now back to baseline.",
    ],
)
def test_a_treated_resolved_illness_still_explains(note: str) -> None:
    got = _symptoms(note)
    assert "cough" not in got
    assert "dyspnea" not in got
