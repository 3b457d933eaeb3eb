"""Round 44a: pathology writes a tumour's largest measure as "2.4 cm in greatest extent"; the word "extent" after a
size had been read as the extent of calcifications or of several foci, and the size was lost. The phrase now describes
the measured tumour itself. Controls: an extent whose subject is named before it (calcifications, DCIS) is still no
tumour size. Also (v42 ba-050): a pathology accession number ("Path #S25-0411") is no fracture.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, tumor

NEW = "Newly diagnosed L breast cancer, 58F. Core biopsy: "


@pytest.mark.parametrize(
    ("finding", "size"),
    [
        ("IDC, 2.4 cm in greatest extent, grade 2, ER+ PR+ HER2-.", 2.4),
        ("invasive lobular carcinoma measuring 1.7 cm in maximum extent on US, ER 95%.", 1.7),
        ("invasive ductal ca grade 3, 31 mm in greatest extent, triple negative.", 3.1),
    ],
)
def test_a_size_in_greatest_extent_is_the_tumours(finding: str, size: float) -> None:
    assert tumor(NEW + finding + " Axilla clinically negative.").get("size_cm") == size


@pytest.mark.parametrize(
    "finding",
    [
        "pleomorphic calcifications spanning 6 cm in greatest extent; core of the calcs: IDC grade 3.",
        "DCIS, intermediate grade, 5.5 cm in greatest extent, with a 0.4 cm focus of invasive ductal carcinoma.",
    ],
)
def test_an_extent_of_calcifications_or_dcis_is_no_tumour_size(finding: str) -> None:
    assert tumor(NEW + finding).get("size_cm") not in {6.0, 5.5}


# Round 44a (v42 ba-050): "Path #S25-0411" (a pathology accession number) had been read as a pathological fracture
# ("#" is the British shorthand for a fracture). The shorthand now counts only after the whole word.
@pytest.mark.parametrize(
    "line",
    [
        "Outside records (scanned, OSH Path #S25-0411): IDC grade 3, ER+ HER2-.",
        "Path # 24-11873 reviewed at our institution: IDC, grade 2.",
    ],
)
def test_a_pathology_accession_number_is_no_fracture(line: str) -> None:
    assert "pathologic_fracture" not in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    ["XR L femur: lytic lesion with pathological # of the neck, ortho consulted.",
     "Imaging: path fx R humerus through a lytic met."],
)  # fmt: skip
def test_a_pathological_fracture_in_shorthand_still_counts(line: str) -> None:
    assert "pathologic_fracture" in symptom_codes(NEW + line)
