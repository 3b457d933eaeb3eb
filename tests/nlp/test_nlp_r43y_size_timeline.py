"""Round 43y: the current tumour's size in multi-study and timeline notes (annotation guide 2, tumor.size_cm; AJCC 8):

- the span of several foci is not a size: the largest focus is staged (values.yaml ``size_link_words.span``, in a
  sentence naming several foci);
- a stated clinical T says which of two imaging sizes the note stages with: the one its AJCC size band allows (only
  before any operation, when exactly one value fits; sizes that all fit, or none, stay a conflict);
- a note saying no tissue diagnosis exists yet, in short words ("no tissue dx yet"), measures a mass, not a cancer.

Controls: a single lesion's extent stays its size; two sizes that both fit the T stay a conflict; a size is never
chosen against the stated T; after an operation the pathology size stands; a proven cancer's size stays.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor


def _size_conflict(note: str) -> bool:
    from rightscan.adapters.text import extract

    return any(c["field"] == "tumor.size_cm" for c in extract(note).conflicts)


# ---------------------------------------------------------------- the span of several foci is no size
@pytest.mark.parametrize(
    ("note", "size"),
    [
        ("52F R breast IDC, core bx proven, ER+ HER2-.\nUS: three masses R UIQ, 2.1 cm, 1.4 cm and 0.9 cm, "
         "spanning 6.2 cm overall.\nPlan: mastectomy + SLNB.", 2.1),
        ("MDT: L breast ILC, biopsy proven.\nMRI: multiple foci of enhancement, 15 mm, 11 mm and 7 mm, over a total "
         "extent of 52 mm.\nNo axillary nodes.", 1.5),
        ("Multicentric R breast IDC, G2, ER+/PR+/HER2-.\nMammo/US: 2 masses, 1.6 cm at 10:00 and 0.8 cm at 11:00, "
         "with an overall extent of 3.9 cm.", 1.6),
    ],
)
def test_the_span_of_several_foci_is_no_size(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


@pytest.mark.parametrize(
    ("note", "size"),
    [
        # a single lesion's extent is its size
        ("L breast ILC, biopsy proven.\nMRI: non-mass enhancement L breast spanning 5.5 cm. Axilla negative.", 5.5),
        # several foci named, but no span word: the largest focus as before
        ("R breast IDC, core proven.\nUS: 3 masses, 1.9 cm, 1.1 cm and 0.7 cm, all R UOQ.", 1.9),
    ],
)
def test_controls_a_lesion_extent_and_foci_without_span(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


# ---------------------------------------------------------------- the stated clinical T names the staged size
@pytest.mark.parametrize(
    ("note", "size", "t"),
    [
        ("70F L breast ILC, core bx proven, ER+ HER2-.\nMammogram: 2.8 cm area of distortion L UOQ.\nBreast MRI: "
         "6.1 cm non-mass enhancement.\nAssessment: cT3 N0 L breast ILC.\nPlan: neoadjuvant letrozole.", 6.1, "T3"),
        ("59F R breast IDC grade 3, biopsy proven, HER2+.\nUS 1.7 cm hypoechoic mass R 10:00.\nMRI 2.6 cm enhancing "
         "mass.\nClinical stage cT2 cN0.\nPlan: neoadjuvant TCHP.", 2.6, "T2"),
        ("New dx L breast IDC, ER+ PR+ HER2-, core biopsy.\nTomo: 0.8 cm spiculated mass.\nUS: 1.3 cm irregular mass."
         "\nStaged cT1c N0 M0, stage IA.", 1.3, "T1c"),
    ],
)
def test_the_stated_t_names_the_staged_size(note: str, size: float, t: str) -> None:
    got = tumor(note)
    assert got.get("size_cm") == size and got.get("t") == t


def test_two_sizes_that_both_fit_the_t_stay_a_conflict() -> None:
    note = ("66F L breast IDC, biopsy proven.\nMammogram 2.3 cm mass.\nUS 2.7 x 2.0 cm mass.\n"
            "Assessment: cT2 cN0 L breast IDC.")
    assert "size_cm" not in tumor(note) and _size_conflict(note)


def test_no_size_fits_the_t_stays_a_conflict_never_chosen() -> None:
    note = "61F R breast IDC, core proven.\nMammo 1.2 cm mass.\nUS 1.6 cm mass.\nImpression: cT3 N0."
    assert tumor(note).get("size_cm") not in (1.2, 1.6)


def test_after_the_operation_the_pathology_size_stands() -> None:
    note = ("Post-op visit. s/p L lumpectomy + SLNB 3 wks ago.\nPre-op US 1.8 cm mass (cT1c).\nFinal pathology: IDC "
            "2.4 cm, margins neg, 0/2 SLN, pT2 pN0.")
    assert tumor(note).get("size_cm") != 1.8


def test_an_examined_size_is_left_as_before() -> None:
    # on neoadjuvant treatment: the examined size and the baseline MRI size stay a conflict, as before this round
    note = ("55F on neoadjuvant chemo for R breast IDC, cT2 cN1.\nR breast mass now ~1.4 cm by exam (3.4 cm on MRI "
            "at baseline).")
    assert tumor(note).get("size_cm") != 1.4


# ---------------------------------------------------------------- no tissue diagnosis yet, in short words
@pytest.mark.parametrize(
    "note",
    [
        "78 yo man, incidental 2.3 cm L retroareolar mass on CT chest. No tissue dx yet; diagnostic mammo booked.",
        "Incidental 1.9 cm R breast mass on chest CT, without a histological diagnosis yet. Refer breast clinic.",
        "Palpable L breast lump, 2.8 cm on exam. No pathological dx yet, US and core to follow.",
    ],
)
def test_no_tissue_diagnosis_yet_measures_a_mass_not_a_cancer(note: str) -> None:
    assert "size_cm" not in tumor(note)


def test_control_a_proven_cancer_keeps_its_size() -> None:
    note = "Core bx: invasive ductal carcinoma, grade 2. US 2.3 cm irregular mass L 2:00. ER+ PR+ HER2-."
    assert tumor(note).get("size_cm") == 2.3
