"""Round 23c: stage fields, histology and receptors, as classes in our own words.

HER2's IHC score read when a dash separates the name from it or the sign comes first; a bone lesion's or a limb's
measure is no tumour size; a node count after isolated tumour cells, a micrometastasis or a ypN category is no pN; an
addendum's correction settles the pathological N; a toxicity form's G1 is no tumour grade; distant disease with its
histological proof after the site is M1; a node biopsy's UK category before its result is N1; an extent of two thirds
of the breast is inflammatory; a doubted inflammatory reading leaves the extent to confirm, never a stated T4d.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, tumor

PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NEW = "51 yo woman, core biopsy L breast: invasive ductal carcinoma, grade 2. "
HISTORY = "66 yo woman, hx R breast IDC 2018 s/p lumpectomy + SLNB and RT, on letrozole. "


# ---- HER2 score after a dash, or with its sign first --------------------------------------------------------------
@given(
    name=st.sampled_from(["HER2", "HER2/neu", "Her-2", "HER2 neu"]),
    dash=st.sampled_from([" - ", " -- ", " – ", "- "]),
    score=st.sampled_from([("Score 2+", "equivocal"), ("score 3+", "positive"), ("IHC 1+", "negative"),
                           ("2+ (equivocal)", "equivocal"), ("IHC 3+", "positive")]),
)  # fmt: skip
@PROPERTY
def test_her2_score_after_a_dash_is_the_score(name: str, dash: str, score: tuple[str, str]) -> None:
    text, status = score
    assert tumor(f"{NEW}ER positive, PR positive. {name}{dash}{text}. Ki67 20%.").get("her2") == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("ER (+), PR (-), HER2 (+3).", "positive"),
        ("ER 90%, PR 10%, HER2 +3 on IHC.", "positive"),
        ("ER neg, PR neg, HER2 (+2), ISH sent.", "equivocal"),
        ("ER pos; HER2 +1.", "negative"),
    ],
)
def test_her2_sign_before_the_score(line: str, status: str) -> None:
    assert tumor(NEW + line).get("her2") == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("ER +, PR +, HER2 -", "negative"),  # a minus sign at the end still reads negative
        ("ER/PR/HER2: +/+/-", "negative"),
        ("HER2 - negative (IHC 1+)", "negative"),
        ("ER+ PR+ HER2+ 2 cm mass", "positive"),
    ],
)
def test_her2_signs_still_read(line: str, status: str) -> None:
    assert tumor(NEW + line).get("her2") == status


# ---- a bone lesion's or a limb's measure is no tumour size ------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "X-ray R femur: 2.2 cm lucent lesion in the proximal shaft.",
        "CT: fracture of the L 8th rib through a 1.8 cm lucency.",
        "Pelvis film: 3 cm osteolytic focus in the iliac wing.",
    ],
)
def test_bone_lesion_size_is_not_the_tumour(line: str) -> None:
    assert "size_cm" not in tumor(HISTORY + line)


@pytest.mark.parametrize(
    "line",
    [
        "Lymphoedema clinic: R arm circumference +2 cm vs L at 10 cm above the elbow.",
        "Forearm girth 1.5 cm more on the operated side.",
    ],
)
def test_limb_girth_is_not_the_tumour(line: str) -> None:
    assert "size_cm" not in tumor(NEW + line)


def test_tumour_size_still_read_beside() -> None:
    assert tumor(NEW + "US: 2.4 cm irregular mass at 2:00.").get("size_cm") == 2.4


# ---- node counts that are no macrometastasis count -------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Sentinel nodes: isolated tumour cells in 1 of 3 nodes.",
        "SLNB: micrometastasis in 1/2 sentinel nodes.",
        "After NACT: ypT2 ypN1a (2/15 LN).",
    ],
)
def test_count_after_itc_micromet_or_yp_is_no_pn(line: str) -> None:
    pathology = facts("Final pathology (L lumpectomy + SLNB): IDC 2.1 cm, grade 2. " + line).get("pathology", {})
    assert pathology.get("n") not in ("pN1a", "pN2a")


def test_macrometastasis_count_still_reads() -> None:
    note = "Final pathology (L lumpectomy + SLNB): IDC 2.1 cm, grade 2, 2/3 sentinel nodes positive."
    assert facts(note).get("pathology", {}).get("n") == "pN1a"


# ---- an addendum's correction settles the pathological N ---------------------------------------------------------
def test_correction_settles_pn() -> None:
    note = (
        "Follow-up letter. Diagnosis: L breast IDC 2020, pT1b pN0, ER+ HER2-. WLE + SLNB, RT, anastrozole.\n"
        "She is well. No bone pain.\n"
        "Addendum: correction to the diagnosis above - the sentinel node showed a micrometastasis, i.e. pN1mi."
    )
    assert facts(note).get("pathology", {}).get("n") == "pN1mi"


# ---- a toxicity form's G1 is no tumour grade ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "row",
    [
        "Breast edema:   [ ] G0 [x] G1 [ ] G2",
        "Radiation dermatitis:  [x] G2",
        "Fatigue: G1",
        "Skin reaction   G1",
    ],
)
def test_toxicity_row_grade_is_not_the_tumour_grade(row: str) -> None:
    note = "RT follow-up. Dx: L breast DCIS, ER+, s/p lumpectomy 2024, WBRT done.\nToxicity (CTCAE):\n" + row + "\n"
    assert "grade" not in tumor(note)


def test_tumour_g_grade_still_read() -> None:
    assert tumor("Core bx R breast: IDC G2, ER+, PR+, HER2-.").get("grade") == 2


# ---- distant disease with its histological proof after the site ---------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Problem: metastatic breast carcinoma to bone (histologically confirmed).",
        "Metastatic breast cancer to the liver, cytologically confirmed on FNA.",
    ],
)
def test_metastasis_with_histological_proof_is_m1(line: str) -> None:
    assert tumor(HISTORY + line).get("m") == "M1"


@pytest.mark.parametrize(
    "line",
    [
        "Metastatic breast carcinoma to bone to be histologically confirmed.",
        "?metastatic breast carcinoma to bone - biopsy awaited.",
        "No metastatic breast carcinoma to bone (histologically confirmed benign).",
    ],
)
def test_metastasis_unproven_is_not_m1(line: str) -> None:
    assert tumor(HISTORY + line).get("m") != "M1"


# ---- a node biopsy's UK category before its result ----------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "US-guided core biopsy of left axillary node: B5b - metastatic carcinoma.",
        "FNA of the R axillary node (C5) - malignant.",
    ],
)
def test_node_biopsy_category_then_result_is_n1(line: str) -> None:
    assert tumor(NEW + line).get("n") == "N1"


def test_node_biopsy_benign_still_n0() -> None:
    assert tumor(NEW + "Axillary node FNA: benign, reactive lymphoid tissue.").get("n") != "N1"


# ---- inflammatory extent as a fraction, and a doubted reading -----------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Erythema and oedema over about two thirds of the breast with peau d'orange.",
        "Peau d'orange involving ~3/4 of the R breast.",
    ],
)
def test_two_thirds_of_the_breast_is_inflammatory(line: str) -> None:
    assert tumor(NEW + line).get("inflammatory") is True


@pytest.mark.parametrize(
    "impression",
    [
        "Impression: ?inflammatory-type recurrence vs radiation fibrosis.",
        "Impression: possible inflammatory breast cancer recurrence vs mastitis - biopsy today.",
        "Assessment: ?IBC recurrence, ?cellulitis.",
    ],
)
def test_doubted_inflammatory_reading_goes_to_confirmation(impression: str) -> None:
    from rightscan.adapters.text import extract

    note = HISTORY + "Exam: erythema and oedema with peau d'orange over about half of the R breast. " + impression
    result = extract(note)
    assert "inflammatory" not in result.facts.get("tumor", {})
    assert any(c["field"] == "tumor.inflammatory" and True in c["values"] for c in result.to_confirm)


def test_inflammatory_stated_without_doubt_stands() -> None:
    note = NEW + (
        "Erythema and oedema with peau d'orange over more than half of the breast. "
        "Impression: inflammatory breast cancer, cT4d N1. Not cellulitis."
    )
    assert tumor(note).get("inflammatory") is True
