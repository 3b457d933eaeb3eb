"""Round 29c: staging facts in radiology and clinic text (blind set v30, its classes in other words).

1. The current primary's size in a breast imaging report: several lesions of one breast measured at their own
   clock positions (T is the largest proven lesion's, AJCC 8), the distance between two lesions, a threshold written
   "<=", a liver lesion on a staging CT, a pre-operative estimate beside the final pathology size.
2. A negative axilla in a report's own words: the axilla and the internal mammary chain denied together, the axilla's
   heading with normal nodes, a translated "did not show sick ganglia".
3. The study being considered (see the order tests below).
4. The setting: a new cancer in the other breast after an old mastectomy (the old cancer's values are not the new
   one's), tamoxifen after an excised LCIS (risk reduction, no treated cancer), the heart's LAD in a radiotherapy plan.

Safety first: never a size, T or N the text does not give for the current tumour; the controls hold the conflicts.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of, tumor

# --------------------------------------------------------------------------- 1. sizes


@pytest.mark.parametrize(
    "note",
    [
        "52F. Core at L 2:00: invasive ductal carcinoma, grade 2.\n"
        "US: L 2:00, 5 cm FN: irregular mass 1.9 x 1.2 x 1.0 cm, biopsy-proven IDC.\n"
        "L 5:00, 3 cm FN: second oval mass 0.7 cm, BI-RADS 4A.\n",
        "MRI BREAST: known malignancy at 11 o'clock, right breast, 2.4 cm.\n"
        "Additional 6 mm enhancing focus at 7 o'clock right breast, indeterminate.\n"
        "Right breast IDC on core, ER+.\n",
        "61F, L breast IDC grade 3 on core.\n"
        "- L 1:00: 2.6 cm mass -> core: carcinoma, grade 3\n"
        "- L 3:00: 0.9 cm mass -> core: carcinoma, grade 2\n",
    ],
)
def test_lesions_at_their_own_clock_positions_stage_by_the_largest_proven(note: str) -> None:
    assert tumor(note).get("size_cm") in (1.9, 2.4, 2.6)


@pytest.mark.parametrize(
    ("note", "size"),
    [
        (
            "58F L breast IDC on core at 10:00. L 10:00 mass 1.6 cm, carcinoma. L 2:00 mass 1.1 cm. Distance between "
            "the two lesions 4 cm.",
            1.6,
        ),
        ("IDC R breast 1.3 cm on US, grade 1. Checklist: age >=50 yes; tumour <=2 cm yes; ER+ yes.", 1.3),
        (
            "55F R breast IDC cT2 (2.8 cm), grade 2. Staging CT last week: 1.2 cm hypodense lesion segment 6, "
            "indeterminate.",
            2.8,
        ),
        (
            "Post-op. FINAL PATHOLOGY: invasive ductal carcinoma, 3.1 cm, grade 2; pT2 pN0. "
            "(Pre-op imaging had estimated 2.2 cm.)",
            3.1,
        ),
    ],
)
def test_what_is_not_the_current_tumour_gives_way(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


@pytest.mark.parametrize(
    "note",
    [
        # the same lesion measured twice with different sizes: a conflict, never the larger
        "L breast IDC on core. US: L 2:00 mass 1.4 cm. MRI: L 2:00 mass 2.3 cm.",
        # the larger lesion not proven (indeterminate): the proven smaller one's size is not overruled
        "L breast IDC on core at 2:00. L 2:00 mass 1.1 cm, biopsy-proven carcinoma. L 8:00 mass 2.5 cm, indeterminate.",
        # two breasts: two primaries, never merged
        "Bilateral IDC on core. R 10:00 mass 1.2 cm, carcinoma. L 2:00 mass 2.2 cm, carcinoma.",
    ],
)
def test_lesions_that_do_not_settle_the_size_leave_it_open(note: str) -> None:
    assert "size_cm" not in tumor(note)


def test_a_benign_larger_lesion_is_not_the_tumour() -> None:
    note = "L breast IDC on core. L 2:00 mass 1.1 cm, carcinoma. L 8:00 3 cm fibroadenoma, probably benign."
    assert tumor(note).get("size_cm") != 3.0


# --------------------------------------------------------------------------- 2. a negative axilla


@pytest.mark.parametrize(
    "note",
    [
        "46F R breast IDC on core, 1.5 cm. MRI: no enlarged axillary or internal mammary lymph nodes.",
        "46F R breast IDC on core, 1.5 cm. Impression: no axillary or internal mammary adenopathy.",
        "46F R breast IDC on core, 1.5 cm.\nR axilla: two normal-appearing nodes, fatty hila.\n",
        "46F R breast IDC on core, 1.5 cm.\nAxilla: BI-RADS 1 axilla.\nBI-RADS 2 left axilla.\n",
        "I have the cancer ductal infiltrating of 1.5 centimeters. The ultrasound of the armpit did not show sick "
        "ganglia.",
    ],
)
def test_a_negative_axilla_in_the_reports_own_words_is_n0(note: str) -> None:
    assert tumor(note).get("n") == "N0"


@pytest.mark.parametrize(
    ("note", "n"),
    [
        # said present, the internal mammary chain with the axilla is N3b; "or" keeps the internal mammary N2b
        ("46F R breast IDC on core, 1.5 cm. MRI: suspicious axillary and internal mammary lymph nodes.", "N3b"),
        ("46F R breast IDC on core, 1.5 cm. MRI: enlarged axillary or internal mammary lymph nodes.", "N2b"),
    ],
)
def test_nodes_said_present_are_never_n0(note: str, n: str) -> None:
    assert tumor(note).get("n") == n


@pytest.mark.parametrize(
    "note",
    [
        # a node with a doubting feature under the heading
        "46F R breast IDC on core, 1.5 cm.\nR axilla: two normal-appearing nodes but one with cortex 4 mm.\n",
        # a relative's scan
        "46F R breast IDC on core, 1.5 cm. Her sister's ultrasound of the armpit did not show sick ganglia.",
    ],
)
def test_controls_a_doubted_or_relatives_axilla_is_not_n0(note: str) -> None:
    assert tumor(note).get("n") != "N0"


# --------------------------------------------------------------------------- 4. settings


@pytest.mark.parametrize(
    "note",
    [
        "Hx: R breast ca 2011 -- R mastectomy, 2.2 cm IDC, 3/12 nodes, AC-T.\n"
        "Now: L breast screen-detected 9 mm mass. Core: invasive lobular carcinoma, grade 1. L axilla US normal.\n"
        "Question: staging CT?",
        "Known to our clinic: L breast cancer 2015 -- L mastectomy, 1.8 cm IDC, 1/3 nodes, tamoxifen.\n"
        "NEW: R breast 3:00 mass on screening, core = invasive lobular carcinoma, 1.0 cm on US. R axilla US negative.",
    ],
)
def test_a_new_cancer_in_the_other_breast_is_a_new_diagnosis_with_its_own_values(note: str) -> None:
    got = facts(note)
    assert got.get("setting") == "new_diagnosis"
    assert got["tumor"].get("histology") == "ILC"
    assert got["tumor"].get("n") == "N0"
    assert "n" not in got.get("pathology", {})  # the old cancer's nodes are not the new one's pN


def test_control_a_new_finding_in_the_treated_breast_is_not_a_new_primary() -> None:
    note = "PMH: L breast ca 2015 -- L lumpectomy, 1.8 cm IDC, 1/3 nodes, RT. Now: new L breast 9 mm mass, BI-RADS 5."
    assert facts(note).get("setting") != "new_diagnosis"


@pytest.mark.parametrize(
    "note",
    [
        "48F, hx R LCIS on excisional biopsy 2020, tamoxifen x 3 y for risk reduction. Screening MRI: new 8 mm "
        "enhancing mass L breast, BI-RADS 4. Plan: second-look US.",
        "High-risk clinic. ADH excised 2019, then tamoxifen for 5 yrs (chemoprevention). New 1 cm mass R breast "
        "on mammo, BI-RADS 4B.",
    ],
)
def test_tamoxifen_after_a_risk_lesion_is_no_treated_cancer(note: str) -> None:
    assert facts(note).get("setting") not in ("suspected_local_recurrence", "suspected_distant_recurrence")


def test_control_tamoxifen_after_a_treated_cancer_still_makes_a_new_finding_a_recurrence() -> None:
    note = "hx R breast IDC 2019, lumpectomy + RT, tamoxifen x 3 y. New 8 mm mass R breast at the scar, BI-RADS 4."
    assert facts(note).get("setting") == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "line",
    ["LAD Dmax < 20 Gy", "LAD mean dose 6 Gy", "Heart/LAD constraints met", "left anterior descending artery 8 Gy"],
)
def test_the_hearts_lad_in_a_radiotherapy_plan_is_no_node(line: str) -> None:
    note = (
        "58F L breast IDC s/p L mastectomy 2025, pT2 pN1a, adjuvant chemo completed. PMRT planning.\n"
        f"Constraints: {line}.\n"
    )
    got = facts(note)
    assert got.get("setting") != "suspected_local_recurrence"


def test_control_lad_as_lymphadenopathy_is_still_read() -> None:
    note = "58F R breast IDC on core, 2 cm, grade 2. Exam: palpable R axillary LAD, mobile."
    assert tumor(note).get("n") == "N1"


# --------------------------------------------------------------------------- 3. the study considered now

_NEW_DX = "61F, new L breast IDC on core, 1.6 cm, grade 2, ER+ PR+ HER2-. "


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # a call or a message asking for the study
        ("Pt phoned the department to ask for a 'bone scan' because her knees ache.", "bone_scan"),
        (_NEW_DX + "She wrote in to ask for a PET/CT before surgery.", "pet_ct"),
        (_NEW_DX + "I'd like a PET scan before the operation, can you order one?", "pet_ct"),
        (_NEW_DX + "I'd really like a bone scan to be sure.", "bone_scan"),
        # the recommendation written after its study
        (_NEW_DX + "Imaging: CT chest/abdomen/pelvis recommended (restaging in one study).", "ct_cap_contrast"),
        # dictation's "cat scan"
        (_NEW_DX + "She asked whether she needs a cat scan of the chest, abdomen and pelvis first.", "ct_cap_contrast"),
        # the question put to the board, after a family history
        (
            _NEW_DX
            + "\nFHx: mother breast ca at 70.\nQuestion for board: bone scan pended by the resident - release it?",
            "bone_scan",
        ),
        # a plan named with whose it is
        (
            "High-risk program. Screening MRI: new 7 mm mass L breast, BI-RADS 4.\n"
            "Plan per breast radiology: second-look US L breast first, then biopsy.",
            "us_breast",
        ),
        # the contrast agent left out, or misheard: the study's contrast, never a negation of the study
        ("Seizure, known breast ca. Recommend MRI brain without contracts given ESRD.", "mri_head_wo"),
        (
            "New headaches, breast ca 2021. No gadolinium per nephrology, so MRI brain without contrast requested.",
            "mri_head_wo",
        ),
    ],
)
def test_the_study_considered_now_is_read(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # a study done last week, asked about with a "?" finding, is not a second study considered
        (
            "Hx R breast IDC 2018, mastectomy. Now: back pain x 6 wk. T-spine films last wk: ? lytic lesion T9. "
            "Discussion: FDG PET/CT recommended.",
            "pet_ct",
        ),
        # a study declined in the same plan is not a second study
        (_NEW_DX + "PET/CT for staging (ordered). Brain MRI: not routinely indicated without symptoms.", "pet_ct"),
        # the earlier study compared with is done, not considered
        (
            "US BREAST RIGHT LIMITED\nReason: 57F s/p R lumpectomy 2019, new lump at the scar.\n"
            "Comment: please correlate with prior mammo",
            "us_breast",
        ),
    ],
)
def test_studies_done_or_declined_leave_the_one_considered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        _NEW_DX + "CT chest/abdomen/pelvis last wk: no distant disease.",
        _NEW_DX + "PET/CT not routinely indicated for her; none ordered.",
        _NEW_DX + "Her mother's bone scan last wk was clear.",
    ],
)
def test_controls_a_study_done_declined_or_a_relatives_is_no_order(note: str) -> None:
    assert order_of(note) is None


def test_control_without_still_negates_a_symptom_after_the_contrast_words() -> None:
    note = "Breast ca 2021, s/p mastectomy. MRI brain without gadolinium requested; without headache or weakness."
    assert "headache" not in facts(note).get("symptoms", [])


# --------------------------------------------------------------------------- the operation dated in its heading


@pytest.mark.parametrize(
    "line",
    ["Procedure (11/21): LEFT total mastectomy with SLNB.", "Procedure (3 wk ago): R lumpectomy + SLNB."],
)
def test_an_operation_dated_in_its_headings_brackets_was_done(line: str) -> None:
    note = f"POST-OP VISIT\n{line}\nFINAL PATHOLOGY: IDC, 3.1 cm, grade 2; pT2 pN0. (Pre-op imaging estimated 2.4 cm.)"
    got = facts(note)
    assert got.get("prior_surgery") in ("mastectomy", "bct")
    assert got["tumor"].get("size_cm") == 3.1


@pytest.mark.parametrize(
    "line",
    [
        "Procedure (planned 12/21): LEFT total mastectomy with SLNB.",
        "Procedure: R lumpectomy + SLNB, to be booked.",
        "MDT outcome (10/10/26): Left wide local excision and sentinel node biopsy.",
    ],
)
def test_control_an_operation_still_to_come_was_not_done(line: str) -> None:
    assert "prior_surgery" not in facts(f"58F, L breast IDC on core, 1.8 cm.\n{line}")
