"""Round 42z: numbers in a numbers-heavy note that measure something other than the current primary invasive tumour
(annotation guide 2, tumor.size_cm: never node size, liver or lung nodule size, margins, DCIS extent, core length;
several foci: the largest). Each gives way, so the tumour's own size is read, or the field stays open. Controls: the
tumour's real size, next to the same words, is still read, and a real T / N / M is never lost.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor

NEW_DX = "58F, L breast IDC, grade 2, ER+ PR+ HER2-, core biopsy last week, untreated.\n"


# ---------------------------------------------------------------- core length
@pytest.mark.parametrize(
    "line",
    [
        "Core: carcinoma in 3 of 3 cores, linear extent 11 mm.",
        "Length of involvement up to 0.9 cm in the longest core.",
        "Longest core length with tumour 16 mm.",
        "Tumour length in core 1.2 cm; no LVI.",
    ],
)
def test_core_length_is_no_tumour_size(line: str) -> None:
    note = NEW_DX + "US: 2.4 cm irregular mass L 2:00, cT2 cN0.\n" + line
    assert tumor(note).get("size_cm") == 2.4
    assert tumor(note).get("t") == "T2"


# ---------------------------------------------------------------- another organ's lesion
@pytest.mark.parametrize(
    "line",
    [
        "CT chest: RLL nodule 9 mm, indeterminate.",
        "CT A/P: two hepatic lesions, largest 1.7 cm, 1.1 cm, too small to characterise.",
        "Bone scan/CT: sclerotic vertebral lesion T8 1.3 cm, likely bone island.",
        "MRI brain: 6 mm enhancing lesion, indeterminate.",
    ],
)
def test_another_organs_lesion_is_no_tumour_size(line: str) -> None:
    note = NEW_DX + "Mammo/US: 3.1 cm L 1:00 mass, cT2 cN0.\n" + line
    assert tumor(note).get("size_cm") == 3.1


def test_a_liver_segment_number_is_no_size_list() -> None:
    note = NEW_DX + "US: 2.2 cm L breast mass. CT: 2 liver lesions, 1.3 cm segment 6, 0.8 cm segment 3 - indeterminate."
    assert tumor(note).get("size_cm") == 2.2


def test_control_the_breast_size_after_a_clear_liver_in_one_sentence() -> None:
    note = NEW_DX + "CT: liver clear; L breast mass 2.6 cm at 2:00."
    assert tumor(note).get("size_cm") == 2.6


def test_control_proven_liver_metastasis_keeps_m1() -> None:
    note = (
        NEW_DX + "US: 2.0 cm L breast mass. CT: liver lesion 3.2 cm; biopsy of the liver lesion: metastatic breast "
        "carcinoma. Stage IV."
    )
    found = tumor(note)
    assert found.get("m") == "M1"
    assert found.get("size_cm") == 2.0


# ---------------------------------------------------------------- a node's size
@pytest.mark.parametrize(
    "line",
    [
        "L axilla: matted 2.8 cm nodal conglomerate.",
        "Exam: firm 2 cm node L axilla, mobile.",
        "US axilla: 1.9 cm lymph node with effaced hilum, FNA positive.",
    ],
)
def test_a_nodes_size_is_no_tumour_size(line: str) -> None:
    note = NEW_DX + "MRI: 4.2 cm L breast mass 3:00, cT2.\n" + line
    assert tumor(note).get("size_cm") == 4.2
    assert tumor(note).get("t") == "T2"


def test_control_a_breast_mass_beside_the_node_words_is_kept() -> None:
    note = NEW_DX + "US: 2.7 cm L breast mass, no suspicious nodes."
    assert tumor(note).get("size_cm") == 2.7


# ---------------------------------------------------------------- distance to a named margin
@pytest.mark.parametrize(
    "line",
    [
        "Margins clear; invasive 3 mm (posterior); DCIS 5 mm (superior).",
        "Margins negative, invasive carcinoma 4 mm from the deep margin.",
        "Margin status: negative; closest 0.2 cm (lateral).",
    ],
)
def test_a_margin_distance_is_no_tumour_size(line: str) -> None:
    note = "61F. L breast lumpectomy + SLNB: invasive ductal carcinoma, grade 1, 1.1 cm. pT1c pN0.\n" + line
    found = tumor(note)
    assert found.get("size_cm") == 1.1


def test_control_a_size_in_a_margin_sentence_without_a_side_is_kept() -> None:
    note = "61F. L breast lumpectomy: margins negative, invasive ductal carcinoma 1.8 cm, grade 2. pT1c pN0."
    assert tumor(note).get("size_cm") == 1.8


# ---------------------------------------------------------------- in-situ-only cancer
@pytest.mark.parametrize(
    "line",
    [
        "Mammo: pleomorphic calcifications spanning 6 cm L UOQ. Stereo core: DCIS, high grade; no invasion seen. cTis.",
        "VAB: ductal carcinoma in situ, intermediate grade. MRI: NME 3.8 cm. cTis cN0.",
        "Core: DCIS, solid type, ER+. Calcs measure 2.2 cm on mammogram. Tis.",
    ],
)
def test_a_dcis_only_cancer_has_no_invasive_size(line: str) -> None:
    note = "54F. " + line
    found = tumor(note)
    assert found.get("histology") == "DCIS"
    assert "size_cm" not in found


def test_control_an_invasive_cancer_with_associated_dcis_keeps_its_size() -> None:
    note = "54F. Core: invasive ductal carcinoma, grade 2, with associated DCIS. US: 1.3 cm mass. cT1c cN0."
    found = tumor(note)
    assert found.get("histology") == "IDC"
    assert found.get("size_cm") == 1.3


# ---------------------------------------------------------------- a second, smaller focus
@pytest.mark.parametrize(
    "line",
    [
        "Satellite nodule 0.5 cm, 1 cm from the main mass.",
        "An additional focus of invasive carcinoma measures 0.6 cm.",
        "Separate focus of IDC, 4 mm, in the same quadrant.",
    ],
)
def test_a_smaller_second_focus_gives_way_to_the_largest(line: str) -> None:
    note = "66F. R breast mastectomy + SLNB: invasive ductal carcinoma, 2.3 cm, grade 2.\n" + line + "\npT2(m) pN0."
    assert tumor(note).get("size_cm") == 2.3


def test_control_a_larger_second_focus_is_not_dropped() -> None:
    note = (
        "66F. R breast mastectomy: invasive ductal carcinoma, 1.0 cm, grade 2.\n"
        "Second focus of invasive carcinoma, 2.6 cm, lower inner quadrant.\npT2(m) pN0."
    )
    assert tumor(note).get("size_cm") != 1.0


# ---------------------------------------------------------------- a size felt at the head of an examination line
@pytest.mark.parametrize(
    "line",
    [
        "PE: 4 cm firm L breast mass, mobile.",
        "Physical exam: approx 5 cm mass L UOQ, no skin change.",
        "O/E: 4 cm hard lump L breast at 2:00.",
    ],
)
def test_an_examination_lines_size_gives_way_to_the_imaging_size(line: str) -> None:
    note = NEW_DX + "MRI: L breast mass 4.4 cm at 2:00. cT2 cN0.\n" + line
    assert tumor(note).get("size_cm") == 4.4


def test_control_an_examination_lines_size_stands_alone() -> None:
    note = NEW_DX + "Exam: 3 cm firm L breast mass at 2:00, no nodes. cT2 cN0."
    found = tumor(note)
    assert found.get("size_cm") == 3.0
    assert found.get("t") == "T2"


def test_control_a_size_its_clause_calls_invasive_stays_beside_dcis() -> None:
    note = "59F. Size of invasive carcinoma: 12 mm\nDCIS: present, high grade, 25 mm extent"
    assert tumor(note).get("size_cm") == 1.2


# ---------------------------------------------------------------- round 43z: controls the set-asides above must keep
def test_control_the_tumours_own_nodal_status_is_no_node() -> None:
    # the node set-aside passes over "node-negative" / "LN-positive" after a size: the tumour's status, not a node
    assert tumor("Seen today: 1.6 cm LN-positive ER+ ILC on core, surgery next week.").get("size_cm") == 1.6


def test_control_the_main_size_in_a_focus_sentence_is_no_focus() -> None:
    # only the size the focus word stands before gives way; the main tumour's size in that sentence still stands
    note = ("Post-op. Pre-op US 3.4 cm. S/p mastectomy and SLNB. Pathology: IDC 2.7 cm greatest dimension; a second "
            "focus 0.6 cm. Adjuvant therapy discussed.")  # fmt: skip
    assert tumor(note).get("size_cm") == 2.7


def test_control_an_examination_lines_scar_is_no_size() -> None:
    # the examination line's rule rejects a scar named after its number, as the other size rules do
    assert "size_cm" not in tumor("PE: a 6 cm scar along the L mastectomy site, flat, no nodules. Mammogram R.")
