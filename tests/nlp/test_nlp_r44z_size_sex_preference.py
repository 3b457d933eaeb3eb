"""Round 44z: tumour size, sex and the patient's own request (annotation guide 2: tumor.size_cm, age / sex,
patient_preference), found on blind v44:

- an examination line naming the side and the breast before a felt size ("Exam: R breast 3-4 cm mass") is felt: it
  gives way to the imaging size instead of making it a conflict;
- a fungating or ulcerated mass's size is the tumour's;
- a group or cluster of calcifications measured is their extent, never the invasive tumour's size;
- a pathological T stated says the operation was done: the pre-operative clinical T no longer chooses the imaging size
  over the specimen's;
- the menopausal status between an age and the sex letter, and the obstetric shorthand (G2P1), tell her sex;
- the request right after her own family history, and her quoted request, are hers.

Controls: a felt size alone stands; a skin ulcer's own size is no tumour size; a mass's size stands beside
calcifications; before any operation the stated T still chooses; a grade "G2" is no sex; a relative's request is not
the patient's.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, tumor


# ---------------------------------------------------------------- a felt size after the side gives way
@pytest.mark.parametrize(
    ("note", "size"),
    [
        ("61F. US: 2.6 cm irregular mass L breast 2:00. Core: IDC G2, ER+.\nExam: L breast 3 cm firm mass at 2:00.\n"
         "A/P: L breast IDC cT2 cN0.", 2.6),
        ("49F. MRI 11/3: 1.8 cm enhancing mass R breast, no other lesions. Bx: ILC.\nPE: right breast 2-3 cm mass, "
         "mobile.\nPlan: surgery.", 1.8),
        ("70 yo woman, mammogram: 2.2 cm spiculated mass L UOQ; core IDC G3.\nO/E: Lt breast ~2 cm hard mass UOQ.\n"
         "Impression: cT2 N0.", 2.2),
    ],
)
def test_a_felt_size_after_the_side_gives_way_to_imaging(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


def test_control_a_felt_size_alone_stands() -> None:
    note = "58F new L breast IDC on core, ER+.\nExam: L breast 3 cm hard mass, no skin change.\nPlan: staging."
    assert tumor(note).get("size_cm") == 3.0


# ---------------------------------------------------------------- a fungating or ulcerated mass's size
@pytest.mark.parametrize(
    ("note", "size"),
    [
        ("84F, neglected L breast cancer. 9 cm ulcerating left breast tumour with bleeding. Core: IDC G2, ER+.", 9.0),
        ("MDT: 76F, 6 x 5 cm fungating mass R breast, present for 2 yrs. Core bx: ILC, ER+ HER2-.", 6.0),
        ("Clinic: 69F presents with an 8 cm large ulcerated breast mass. Bx: IDC G3, triple negative.", 8.0),
    ],
)
def test_an_ulcerated_mass_size_is_the_tumours(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


def test_control_a_skin_ulcer_size_is_no_tumour_size() -> None:
    note = "72F. R breast IDC on core, ER+. 2 cm ulcerated area of skin over the mass. Plan: staging CT."
    assert tumor(note).get("size_cm") is None


# ---------------------------------------------------------------- calcifications' extent
@pytest.mark.parametrize(
    "note",
    [
        "55F. MG: 30 mm cluster of fine linear branching microcalcifications L UOQ. No mass. Core: IDC G1 ER+.",
        "47F. Mammo: 18 mm group of amorphous and pleomorphic calcs R breast. Stereo bx: IDC G2, ER+.",
        "63F. MG: 4 cm grouped fine pleomorphic calcifications L breast. VAB: invasive carcinoma NST, ER+.",
    ],
)
def test_a_group_of_calcifications_is_no_tumour_size(note: str) -> None:
    assert tumor(note).get("size_cm") is None


def test_control_a_mass_beside_calcifications_keeps_its_size() -> None:
    note = "55F. MG: 1.7 cm irregular mass L UOQ with associated calcifications. Core: IDC G2 ER+."
    assert tumor(note).get("size_cm") == 1.7


# ---------------------------------------------------------------- a pathological T: the operation was done
@pytest.mark.parametrize(
    ("note", "size"),
    [
        ("POST-OP REVIEW. 58F. Pre-op US 18 mm, cT1c cN0.\nR mastectomy + SLNB 02/05.\nPath: IDC grade 2, 26 mm. "
         "1/2 SLN positive.\npT2 pN1a.\nPlan: adjuvant chemo.", 2.6),
        ("MDT post-op. 66F. MRI 35 mm (index), cT2 N0.\nL WLE + SLNB 14/03.\nHistology: ILC, 52 mm, margins clear.\n"
         "pT3 pN0(sn). Plan: re-excision.", 5.2),
    ],
)
def test_a_pathological_t_lets_the_specimen_size_stand(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


def test_control_before_surgery_the_stated_t_still_chooses() -> None:
    note = ("52F R breast IDC.\nMammogram: 3.0 cm asymmetry.\nMRI: 5.5 cm non-mass enhancement.\n"
            "Assessment: cT3 cN0 by MRI.\nPlan: neoadjuvant chemo.")
    assert tumor(note).get("size_cm") == 5.5


# ---------------------------------------------------------------- sex
@pytest.mark.parametrize(
    "note",
    [
        "ID: 51 yo postmenopausal F with new R breast IDC, ER+. Plan: surgery.",
        "44 y/o pre-menopausal F, newly diagnosed L breast ILC on core.",
        "Consult: 33 yo G1P0 at 14 wks, new L breast IDC G3.",
        "29 yo, gravida 3 para 2, lactating, R breast mass; core IDC.",
    ],
)
def test_the_note_tells_her_sex(note: str) -> None:
    assert facts(note).get("sex") == "female"


@pytest.mark.parametrize(
    "note",
    [
        "Age 60. L breast IDC G2 PR+ ER+. Plan: surgery.",
        "Pt 55 yo, core: IDC, G3 P1 focus. Plan: staging.",
    ],
)
def test_control_a_grade_tells_no_sex(note: str) -> None:
    assert "sex" not in facts(note)


def test_control_a_male_patient_stays_male() -> None:
    assert facts("67 yo M with R breast mass, core IDC ER+.").get("sex") == "male"


# ---------------------------------------------------------------- patient preference
@pytest.mark.parametrize(
    "note",
    [
        "Comments: 52F, anxious, strong family history, requesting a PET scan for peace of mind.",
        "Note: 48F, FHx of breast ca - wants a CT to be sure.",
        'Consult: 60F, stage I. She asks whether she can "have a bone scan before surgery, just in case".',
    ],
)
def test_her_own_request_is_read(note: str) -> None:
    assert facts(note).get("patient_preference") == "requests_imaging"


@pytest.mark.parametrize(
    "note",
    [
        "Comments: 52F stage I. Family requesting PET scan.",
        "Comments: 52F stage I. Daughter says strong family hx, requesting PET.",
    ],
)
def test_control_a_relatives_request_is_not_hers(note: str) -> None:
    assert "patient_preference" not in facts(note)
