"""Round 18f: the tumour's size and grade, read as classes in our own words.

- The histologic grade written with a bracketed word between its name and its value ("Grade (on core): 2",
  "Histologic grade (Nottingham): 2 (score 6)") is the tumour's grade; a nuclear or DCIS grade written so is not.
- A day and month in brackets right after a study or a visit ("MRI breast (5/9)", "core bx (7/9)") is a date, not a
  Nottingham score out of nine; a score after the tumour's own words ("IDC (7/9)") still is one.
- A mass measured while no cancer is proven in the note (a suspected-cancer referral, a biopsy planned as the
  outcome, a result awaited in any words) is no tumour to stage: its size is left out. Once anything proves the cancer
  (type, receptors, grade), the size stands.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import tumor

PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------- grade
@pytest.mark.parametrize(
    ("note", "grade"),
    [
        ("Core biopsy L breast: invasive ductal carcinoma. Grade (on core biopsy): 3. ER positive.", 3),
        ("Histologic grade (Nottingham): 1 (score 5). Invasive lobular carcinoma.", 1),
        ("Invasive carcinoma NST. Histological grade (modified Bloom-Richardson): II.", 2),
        ("IDC, overall grade (combined): 3, ER neg.", 3),
        ("Diagnosis: invasive lobular carcinoma. Grade (provisional): 2.", 2),
    ],
)
def test_a_bracketed_word_between_grade_and_its_value_keeps_the_grade(note: str, grade: int) -> None:
    assert tumor(note).get("grade") == grade


@pytest.mark.parametrize(
    "note",
    [
        "Invasive ductal carcinoma. DCIS grade (nuclear): 3.",
        "Invasive ductal carcinoma, ER positive. Grade (nuclear): 3 DCIS component.",
    ],
)
def test_a_nuclear_grade_in_brackets_is_no_tumour_grade(note: str) -> None:
    assert "grade" not in tumor(note)


@pytest.mark.parametrize(
    "note",
    [
        "MRI breast (5/9) - L index lesion 3.3 cm. Path: core - IDC, grade 3.",
        "Mammo/USG (6/9): irregular mass. Core bx (8/9): IDC grade 3, ER neg.",
        "Seen in clinic (4/9). Core: invasive ductal carcinoma, grade 3.",
        "US L breast (7/9): 2 cm mass. Biopsy (9/9): IDC, G3.",
    ],
)
def test_a_date_after_a_study_is_no_nottingham_score(note: str) -> None:
    assert tumor(note).get("grade") == 3


@pytest.mark.parametrize(
    ("note", "grade"),
    [("Core bx: IDC (7/9), ER+ PR+ HER2-.", 2), ("IDC grade 2 (6/9), ER+.", 2), ("ILC, Nottingham 8/9.", 3)],
)
def test_a_score_out_of_nine_after_the_tumour_is_still_read(note: str, grade: int) -> None:
    assert tumor(note).get("grade") == grade


# ---------------------------------------------------------------- a mass measured before any cancer is proven
UNPROVEN = [
    "2WW referral - suspected breast cancer. 47F, firm lump L breast approx 3cm, non tender.",
    "GP letter: 55F with a 2.5 cm lump R breast UOQ; referring to exclude malignancy.",
    "MDT: 61F, 25mm mass L breast 3 o'clock on US, U4. Outcome: US guided core L breast mass.",
    "Day case: USG-guided core bx of 1.7cm L breast mass (BIRADS 5) done today. HPE awaited.",
    "had my biopsy last week, the lump is about 2cm. results in 5 days but nothing yet, do i need an mri?",
    "US: 2.2 cm irregular mass R breast, U5. Plan: for core biopsy and clinic review with results.",
    "Breast clinic: 1.9 cm lump L breast, still waiting for the histopathology report.",
]


@pytest.mark.parametrize("note", UNPROVEN)
def test_a_mass_measured_before_a_cancer_is_proven_has_no_size(note: str) -> None:
    assert "size_cm" not in tumor(note)


@pytest.mark.parametrize(
    "note",
    [
        "2WW referral result: core showed invasive ductal carcinoma, grade 2, ER+. US size 2.5 cm.",
        "MDT: 61F, 25mm mass L breast on US. Core: IDC grade 2, ER positive, HER2 negative.",
        "USG-guided core bx of 1.7cm L breast mass: invasive lobular carcinoma. HER2 FISH awaited.",
    ],
)
def test_a_proven_cancer_keeps_its_size_whatever_else_is_awaited(note: str) -> None:
    assert tumor(note).get("size_cm") in (2.5, 1.7)


@given(
    lead=st.sampled_from(
        [
            "Urgent suspected cancer referral (2WW).",
            "Referred to rule out malignancy.",
            "Histology awaited.",
            "Plan: US guided core biopsy.",
        ]
    ),
    size=st.sampled_from(["1.8 cm", "22 mm", "3cm"]),
)
@PROPERTY
def test_property_unproven_mass_sizes_are_left_out_and_proof_brings_them_back(lead: str, size: str) -> None:
    base = f"{lead} 58F, {size} mass L breast on US."
    assert "size_cm" not in tumor(base)
    assert "size_cm" in tumor(base + " Core biopsy: invasive ductal carcinoma, ER positive.")


# ---------------------------------------------------------------- sizes that are not the current tumour's
def test_a_form_field_after_a_wide_gap_does_not_reject_the_size_before_it() -> None:
    note = "Lump [Y]  Side: R   Size (USG): 2.0 cm   Dist from nipple: 3 cm\nCore: IDC G2 | ER+ PR+ | HER2 2+"
    assert tumor(note).get("size_cm") == 2.0
    tabbed = "Core: IDC G2.\tSize: 1.6 cm\tDistance from nipple: 5 cm"
    assert tumor(tabbed).get("size_cm") == 1.6


def test_a_distance_in_its_own_phrase_still_is_a_distance() -> None:
    # controls: the distance written beside the size, and a distance ending with "FN:" before the mass's dimensions
    assert tumor("Core: IDC G2. Size (USG): 2.0 cm, 3 cm from nipple.").get("size_cm") == 2.0
    assert tumor(" - Dx US R breast 7:00, 5 cm FN: 1.1 x 0.9 x 0.8 cm irregular mass. Core: IDC.").get("size_cm") == 1.1


@pytest.mark.parametrize(
    "sentence",
    [
        "CXR: 1.1 cm nodule L mid zone.",
        "Pre-op CXR incidentally shows 9mm nodule R upper zone.",
        "CXR shows R upper zone nodule 8 mm.",
        "Chest film: 12 mm opacity L lower zone.",
    ],
)
def test_a_lung_nodule_in_a_chest_radiograph_zone_is_no_tumour_size(sentence: str) -> None:
    note = f"72F, newly diagnosed L breast IDC on core, 2.3 cm on US. {sentence} Pls stage."
    assert tumor(note).get("size_cm") == 2.3


def test_a_breast_nodule_keeps_its_size() -> None:
    assert tumor("72F, new L breast IDC on core. US: 1.4 cm nodule L breast UOQ.").get("size_cm") == 1.4


@pytest.mark.parametrize(
    "history",
    [
        "Hx R breast ca 2009, 15mm, WLE+RT, discharged 2019.",
        "PMH: R breast cancer 2011, 2 cm, treated with lumpectomy and radiotherapy.",
        "Previous L breast IDC (1.2 cm) s/p mastectomy, completed tamoxifen.",
    ],
)
def test_an_earlier_treated_cancers_size_gives_way_to_the_new_tumours(history: str) -> None:
    note = f"New L breast ca, core = IDC, US size 42mm, ER pos. {history} Pls stage."
    assert tumor(note).get("size_cm") == 4.2


def test_an_earlier_size_of_the_same_untreated_cancer_stays_a_conflict() -> None:
    note = "58F, R breast cancer dx 2/2025, IDC 2.1 cm, ER+, awaiting surgery. Tumor measures 1.6 cm on correlated US."
    assert "size_cm" not in tumor(note)
    aside = "Invasive ductal ca, grade 3, 2.7 cm (imaging had estimated 1.8 cm - larger than expected). Core proven."
    assert "size_cm" not in tumor(aside)


@pytest.mark.parametrize(
    "discussion",
    [
        "Discussed that for a 2 cm node-negative tumor w/o symptoms a bone scan is usually not needed.",
        "We talked about how a tumour of about 2 cm, node negative, has an excellent prognosis.",
        "Explained that staging scans are not advised for a 2 cm cancer without symptoms.",
    ],
)
def test_the_measured_size_restated_in_round_figures_is_the_same_size(discussion: str) -> None:
    note = f"Core bx: IDC grade 2, ER+. Mammo/US: irregular mass 2.1 cm. {discussion}"
    assert tumor(note).get("size_cm") == 2.1


@pytest.mark.parametrize(
    "other",
    ["MRI: 3 cm enhancing mass.", "Mammogram: 2 cm mass.", "Exam: 2 cm firm mass at 10:00, measured with calipers."],
)
def test_a_second_measurement_in_round_figures_is_not_a_restatement(other: str) -> None:
    sizes = tumor(f"Core bx: IDC grade 2, ER+. US: irregular mass 2.4 cm. {other}").get("size_cm")
    assert sizes in (None, 2.4)  # a conflict, or the examination's size giving way to the measured one
    if other.startswith(("MRI", "Mammogram")):
        assert sizes is None


# ---------------------------------------------------------------- M questioned, HER2 with its clone
@pytest.mark.parametrize("stage", ["cT2 cN0 M0?", "cT2 cN0 cM0?", "cT2 N0 M0 ?", "cT2 cN0 M0??"])
def test_a_questioned_m0_is_not_stated_but_t_and_n_stand(stage: str) -> None:
    t = tumor(f"Impression: {stage} IDC of L breast, grade 2.")
    assert "m" not in t
    assert t.get("t") == "T2" and t.get("n") == "N0"


def test_a_stated_m0_stands_and_a_questioned_m1_is_not_read() -> None:
    assert tumor("Impression: cT2 cN0 M0 IDC grade 2.").get("m") == "M0"
    assert "m" not in tumor("cT2 N1 M1? - CT shows indeterminate liver lesion. IDC.")


@pytest.mark.parametrize(
    ("line", "her2"),
    [
        ("HER2 (4B5): score 2+ (equivocal). Reflex FISH sent to reference lab.", "equivocal"),
        ("HER2 (SP3): 3+.", "positive"),
        ("HER2 (4B5): 0 (negative)", "negative"),
    ],
)
def test_her2_with_its_antibody_clone_in_brackets(line: str, her2: str) -> None:
    assert tumor(f"Core: invasive ductal carcinoma. {line}").get("her2") == her2


def test_the_gene_name_in_brackets_is_no_clone() -> None:
    note = "Core: IDC.\nHER2 (ERBB2) by IHC\n  Result: NEGATIVE (Score 0)"
    assert tumor(note).get("her2") in (None, "negative")


# ---------------------------------------------------------------- mixed histology named by its parts
@pytest.mark.parametrize(
    "line",
    [
        "Invasive carcinoma type: MIXED - invasive carcinoma NST (60%) and invasive lobular carcinoma (40%).",
        "Histologic type: mixed, ductal (70%) and lobular (30%).",
        "Histology: mixed lobular (60%) / ductal (40%).",
    ],
)
def test_a_mixed_type_line_naming_its_parts_is_mixed(line: str) -> None:
    assert tumor(f"{line} Grade 2. ER positive.").get("histology") == "mixed"


def test_mixed_describing_something_else_is_not_a_mixed_type() -> None:
    assert tumor("IDC with mixed cellularity. ER+.").get("histology") == "IDC"
