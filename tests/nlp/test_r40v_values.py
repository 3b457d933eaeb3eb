"""Round 40v (v40 blind: longitudinal, lay and everyday clinic notes): receptor values and the inflammatory reading,
in other words than the blind notes, each class with controls that must not change.

Classes: a receptor panel named at the end of a line (a planned re-test) whose next line opens with a list bullet
("- ") or a list number ("2. ") is no result: neither the bullet's minus sign nor the number is read as the receptor's
status or HER2 IHC score, so the earlier cancer's stated receptors stand; the inflammatory reading weighed against
another cause in a differential ("cellulitis vs recurrence (inflammatory pattern)", "DDx mastitis versus IBC") is a
doubt: neither the extent of the redness nor the named diagnosis is stated as inflammatory carcinoma (to confirm).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, tumor

HX = "64F, hx L breast IDC 2015, stage IIA, ER 90%, PR 40%, HER2 1+, s/p lumpectomy + RT, anastrozole x 5 y.\n"


# ------------------------------------------------------------------ a planned re-test at the end of a line
@pytest.mark.parametrize(
    "note",
    [
        HX + "New liver lesions on US. Plan:\n - core bx of liver lesion, send for ER/PR/HER2\n - CT CAP w/ contrast\n",
        HX + "Plan:\n * CT chest/abd/pelvis\n * biopsy to re-check ER, PR and HER2\n - oncology review after\n",
        HX + "A/P new pleural effusion.\n1) thoracentesis, cell block for receptors ER/PR/HER2\n- RTC 1 wk\n",
    ],
)
def test_a_bullet_after_a_planned_retest_is_no_negative_result(note: str) -> None:
    t = tumor(note)
    assert t.get("er") == "positive"
    assert t.get("pr") == "positive"
    assert t.get("her2") == "negative"


@pytest.mark.parametrize(
    "note",
    [
        HX + "Plan:\n1. US-guided bx, repeat ER/PR/HER2\n2. CT chest with contrast\n3. RTC 2 wk\n",
        HX + "A/P:\n 1. tap + cytology for ER/PR/HER2\n 2. echo\n",
        HX + "Plan:\n1) bx of bone lesion for HER2\n3) bone scan\n",
    ],
)
def test_a_list_number_after_a_planned_retest_is_no_her2_score(note: str) -> None:
    assert tumor(note).get("her2") == "negative"  # the earlier cancer's IHC 1+, never "2" (equivocal) or "3"


@pytest.mark.parametrize(
    ("note", "field", "value"),
    [
        # a stated sign after the names on the same line keeps its reading
        ("55F, new R breast IDC 2.1 cm, ER/PR/HER2 -/-/-, grade 3.", "her2", "negative"),
        ("55F, new R breast IDC, cT2 cN0. ER 0%, PR 0%, HER2 IHC 0.", "er", "negative"),
        # an IHC score stated on the next line, with its plus sign, is still the score
        ("55F, new R breast IDC, cT2 cN0, ER+ PR+.\nHER2\n2+ (equivocal), FISH pending.", "her2", "equivocal"),
        ("55F, new R breast IDC, cT2 cN0, ER+ PR+, HER2 2+, FISH pending.", "her2", "equivocal"),
        ("55F, new R breast IDC, cT2 cN0, ER+ PR+, HER2: 3+.", "her2", "positive"),
        # a grid's result on the next line alone
        ("55F, new R breast IDC, cT2 cN0.\nER\n+\nPR\n-\nHER2 1+", "pr", "negative"),
    ],
)
def test_receptor_controls_keep_their_reading(note: str, field: str, value: str) -> None:
    assert tumor(note).get(field) == value


# ------------------------------------------------------------------ the inflammatory reading in a differential
@pytest.mark.parametrize(
    "note",
    [
        "70F, R breast IDC 2019 s/p lumpectomy + WBRT. Exam: erythema over more than half of the R breast, peau "
        "d'orange. Impression: radiation change vs recurrence (inflammatory pattern); punch bx.",
        "49F, L breast mass 3 cm, bx IDC ER+ PR+ HER2-. Exam: erythema over half the L breast with skin thickening. "
        "DDx mastitis versus IBC - punch bx booked.",
        "61F, new L breast IDC, ER+ PR- HER2-. Exam: redness and oedema of about two thirds of the L breast. "
        "Assessment: inflammatory breast cancer vs infective cellulitis; abx trial and skin bx.",
    ],
)
def test_an_inflammatory_reading_weighed_in_a_differential_is_not_stated(note: str) -> None:
    assert "inflammatory" not in tumor(note)


def test_the_doubted_reading_is_left_to_confirm_not_recommended_away() -> None:
    note = (
        "58F, R breast IDC 4.5 cm on US, biopsy-proven, ER+ PR+ HER2-. Exam: erythema of more than half the breast "
        "with peau d'orange. Assessment: DDx cellulitis vs inflammatory carcinoma; skin punch biopsy."
    )
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize(
    "note",
    [
        # stated plainly
        "52F, new R breast IDC, ER+ PR+ HER2-. Erythema over two thirds of the breast. Inflammatory breast cancer, "
        "cT4d N1.",
        # stated, and a differential about another finding in the same note
        "52F, new R breast IBC (cT4d N1), ER- PR- HER2+. Liver lesion: cyst vs haemangioma; MRI liver.",
        # the extent alone, no differential: still read
        "52F, new R breast IDC, ER+ PR+ HER2-. Exam: erythema and oedema of more than a third of the breast, peau "
        "d'orange. Clinical T4d.",
    ],
)
def test_inflammatory_controls_stay_stated(note: str) -> None:
    assert tumor(note).get("inflammatory") is True


def test_a_relatives_inflammatory_cancer_is_not_hers() -> None:
    note = "45F, new R breast IDC 1.8 cm, cN0, ER+ PR+ HER2-. Mother had inflammatory breast cancer at 60."
    assert "inflammatory" not in facts(note).get("tumor", {})


# ---------------------------------------------------------- tumour size: a TNM prefix, a distance, a pre-op study
@pytest.mark.parametrize(
    ("note", "size"),
    [
        ("66F, R breast IDC, core bx 6/2024. Primary: 3.4 cm (US). Clinical stage: cT2 cN1 cM? -> IIB.", 3.4),
        ("70F, L breast ILC 2.6 cm on MRI, stage cT2 cN1 cM0, ER+ PR+ HER2-.", 2.6),
        ("52F, new R breast IDC 1.8 cm. TNM: cT1c cN1 cMx; ER+ PR+ HER2-.", 1.8),
    ],
)
def test_a_tnm_m_prefix_is_no_centimetre(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


@pytest.mark.parametrize(
    ("note", "size"),
    [
        ("61F, new R breast IDC: 1.3 cm mass at 9:00 with a 0.4 cm satellite nodule 1.8 cm away, both biopsied.", 1.3),
        ("57F, new L breast IDC 2.2 cm; an additional mass 3.5 cm away, 0.7 cm, also IDC on core.", 2.2),
    ],
)
def test_a_distance_after_another_focus_is_no_size(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


@pytest.mark.parametrize(
    ("note", "size"),
    [
        (
            "60F seen post-op. Hx: L breast mass 2/2025, US 2.9 cm, core IDC ER+ PR+ HER2-. "
            "S/p L mastectomy + SLNB 4/1. FINAL PATHOLOGY: invasive ductal carcinoma, tumor size 3.6 cm, "
            "grade 2, margins negative. pT2 pN0.",
            3.6,
        ),
        (
            "58F post-op consult. Hx: screen-detected R breast mass, US 1.9 cm, core IDC. "
            "Underwent R mastectomy + SLNB. Pathology: tumor size 2.6 cm, grade 2. pT2 pN0.",
            2.6,
        ),
        (
            "55F after R lumpectomy. Background: R breast IDC, mammo 1.6 cm, clinically N0. Surgical pathology: IDC, "
            "2.3 cm, grade 1, 0/2 SLN. pT2 pN0(sn).",
            2.3,
        ),
    ],
)
def test_after_surgery_a_size_told_with_its_imaging_study_gives_way(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


@pytest.mark.parametrize(
    ("note", "size"),
    [
        # a node's size is never the tumour's
        ("59F, new L breast IDC 2.4 cm, cT2, axillary node 1.5 cm, FNA positive.", 2.4),
        # a satellite's own size is still a focus: the largest is staged
        ("63F, new R breast IDC 1.1 cm with a satellite lesion 1.7 cm on MRI.", 1.7),
        # before surgery, both imaging sizes still disagree (no size is chosen)
        ("50F, new L breast IDC, US 2.2 cm, MRI 2.9 cm, cN0, ER+ PR+ HER2-.", None),
    ],
)
def test_size_controls_keep_their_reading(note: str, size: float | None) -> None:
    assert tumor(note).get("size_cm") == size
