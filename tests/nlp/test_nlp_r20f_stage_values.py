"""Stage fields read from the current tumour's own words (round 20f).

- a BI-RADS category before a size's comma is no first size ("BI-RADS 5, 2.4 cm mass");
- a core biopsy's longest continuous focus is the length of tumour in the core, not the tumour's size;
- a grade named by its scheme alone ("Nottingham 3", "NHG 2") is the grade; components summed ("3+2+2 = 7",
  "glandular 2, nuclear 2, mitotic 1 = score 5") are the score; gravida ("G1, 18+2 wks") and breast ptosis
  ("grade 1 ptosis") are no tumour grade;
- HER2: the clone in brackets after the method, an ISH line with its ratio before the result, and a result told as a
  branch of a plan while the test is awaited (a condition, never the result);
- a second primary: the values written with the earlier cancer's operation, dated years back, are that cancer's.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rightscan.adapters.text import extract


def tumor(note: str) -> dict:
    return extract(note).facts.get("tumor", {})


NEW = "New consult. 58 yo woman, R breast lump.\n"


# ---------------------------------------------------------------- sizes
@given(
    label=st.sampled_from(["BI-RADS 5", "BI-RADS 4C", "BIRADS 5", "BI-RADS: 5", "category 5", "U5"]),
    size=st.sampled_from(["2.4", "1.8", "3.1"]),
)
@settings(max_examples=25, deadline=None)
def test_a_category_before_the_comma_is_no_size(label: str, size: str) -> None:
    note = NEW + f"Dx US 3/1: {label}, {size} cm irregular mass R 10:00. Core bx: IDC, grade 2."
    assert tumor(note).get("size_cm") == float(size)


def test_a_list_of_sizes_still_reads_the_largest() -> None:
    note = NEW + "US: two masses, 1.2 and 2.1 cm, R 10:00. Core bx: IDC, grade 2."
    assert tumor(note).get("size_cm") == 2.1


def test_a_core_length_is_no_tumour_size() -> None:
    note = NEW + "Core bx R 2:00: invasive ductal carcinoma, grade 3; 3 of 3 cores, longest continuous length 1.1 cm."
    assert "size_cm" not in tumor(note)
    note = NEW + "Core bx R 2:00: invasive ductal carcinoma, grade 3, measuring 9 mm in longest continuous focus."
    assert "size_cm" not in tumor(note)
    # the tumour's size given elsewhere still counts
    note = NEW + "US: 2.2 cm mass. Core: IDC, grade 3, longest continuous focus 1.1 cm."
    assert tumor(note).get("size_cm") == 2.2


# ---------------------------------------------------------------- grade
def test_a_scheme_named_alone_gives_the_grade() -> None:
    assert tumor(NEW + "Core bx: IDC, Nottingham 3, ER 0%, PR 0%, HER2 0.").get("grade") == 3
    assert tumor(NEW + "Core bx: IDC NHG 2, ER 90%.").get("grade") == 2
    # a score is still a score
    assert tumor(NEW + "Core bx: IDC, Nottingham score 7, ER 90%.").get("grade") == 2
    assert tumor(NEW + "Core bx: IDC, Nottingham 8/9, ER 90%.").get("grade") == 3


@given(
    parts=st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3)),
    form=st.sampled_from(
        [
            "Nottingham {a}+{b}+{c} = {s}",
            "tubules {a}, pleomorphism {b}, mitoses {c} = score {s}",
            "glandular {a}, nuclear {b}, mitotic {c}, total {s}",
        ]
    ),
)
@settings(max_examples=30, deadline=None)
def test_summed_components_give_the_grade_of_their_sum(parts: tuple[int, int, int], form: str) -> None:
    a, b, c = parts
    s = a + b + c
    grade = 1 if s <= 5 else 2 if s <= 7 else 3
    note = NEW + "Core bx R breast: invasive ductal carcinoma, " + form.format(a=a, b=b, c=c, s=s) + ". ER 90%."
    assert tumor(note).get("grade") == grade


def test_gravida_and_ptosis_are_no_grade() -> None:
    assert "grade" not in tumor("34 yo woman, G1, 20+3 wks by dating US. R breast mass, core: IDC. ER 90%.")
    assert "grade" not in tumor("34 yo woman, G2, 31 weeks pregnant. R breast mass, core: IDC. ER 90%.")
    assert "grade" not in tumor(NEW + "Core: IDC. O/E: D cup, grade 2 ptosis.")
    # a tumour's G2 still reads
    assert tumor(NEW + "Core bx: IDC G2, ER 90%.").get("grade") == 2


# ---------------------------------------------------------------- HER2
def test_her2_clone_in_brackets_and_an_ish_line() -> None:
    note = NEW + "Core: IDC.\nHER2 IHC (4B5): 1+ (negative)\n"
    assert tumor(note).get("her2") == "negative"
    note = NEW + "Core: IDC.\nHER2 IHC (4B5): 2+ (equivocal)\nHER2 ISH: ratio 2.6; mean copy number 6.4 - AMPLIFIED\n"
    assert tumor(note).get("her2") == "positive"
    note = NEW + "Core: IDC.\nHER2 IHC: 2+\nFISH (dual probe): HER2/CEP17 ratio 1.2; copy number 2.9 - not amplified\n"
    assert tumor(note).get("her2") == "negative"


def test_a_result_awaited_told_as_a_branch_is_no_result() -> None:
    lead = NEW + "Core: IDC, grade 3, ER 5%, PR 0%, HER2 IHC 2+, ISH pending.\n"
    for plan in (
        "Plan: await ISH: amplified -> TCHP; otherwise ddAC-T.",
        "Plan: ISH pending - amplified would mean trastuzumab, otherwise AC-T.",
        "Awaiting FISH: if amplified add HP.",
    ):
        assert tumor(lead + plan).get("her2") == "equivocal", plan
    # a result given stays
    assert tumor(lead + "Addendum: FISH amplified, ratio 3.1.").get("her2") == "positive"


# ---------------------------------------------------------------- second primary
def test_the_earlier_operated_cancers_values_are_not_the_new_primarys() -> None:
    note = (
        "Breast surgery consult - 68 yo woman\n"
        "Hx: R breast IDC 1.4 cm, node neg, 2011 -> R lumpectomy, RT, anastrozole x5y.\n"
        "Now: L breast mass on screening mammo 06/2025. Core bx L 2:00: invasive lobular carcinoma, grade 2, ER 95%.\n"
        "Imp: new L breast ILC (second primary). Axillary US to do."
    )
    t = tumor(note)
    assert t.get("histology") == "ILC"
    assert "n" not in t and "size_cm" not in t


def test_an_operation_years_back_makes_the_proven_cancer_a_second_primary() -> None:
    note = (
        "BREAST CONSULT\n72 yo woman.\nHx: R breast IDC 2008 - R mastectomy, tamoxifen x 5 y.\n"
        "Now: L breast screening mammo 09/2025 -> 1.4 cm mass. US-guided core: invasive ductal carcinoma, grade 2, "
        "ER 90%, PR 50%, HER2 0.\nAxillary US: normal nodes.\nAssessment: L breast IDC, clinically node negative."
    )
    assert tumor(note).get("n") == "N0"
    # an operation of this cancer, the same year: the axilla is read from pathology, not as a clinical N0
    note = (
        "Post-op visit. 61 yo woman.\nL lumpectomy + SLNB 03/2025: IDC 1.6 cm, grade 2, pT1c pN1a.\n"
        "Pre-op axillary US 02/2025: normal nodes.\nPlan: adjuvant chemo, RT."
    )
    assert tumor(note).get("n") != "N0"


# ---------------------------------------------------------------- N and M described in words
@given(side=st.sampled_from(["L ", "R ", "left ", ""]), feel=st.sampled_from(["palpable", "enlarged", "hard"]))
@settings(max_examples=15, deadline=None)
def test_a_described_clavicular_node_is_its_category(side: str, feel: str) -> None:
    lead = "61 yo woman, new dx L breast cancer. Core bx: IDC, grade 2, ER 90%.\n"
    assert tumor(lead + f"Exam: {feel} {side}infraclavicular node; FNA: metastatic carcinoma.").get("n") == "N3a"
    assert tumor(lead + f"Exam: {feel} {side}supraclavicular node; FNA: metastatic carcinoma.").get("n") == "N3c"


def test_a_denied_or_treated_clavicular_node_is_no_category() -> None:
    assert "n" not in tumor("61 yo woman, new dx L breast cancer. Core: IDC. Exam: no palpable supraclavicular nodes.")
    note = "Hx L breast IDC 2015 s/p lumpectomy, RT. Now palpable L supraclavicular node."
    assert "n" not in tumor(note)


def test_a_distant_metastasis_stated_with_its_proof_is_m1() -> None:
    lead = "67 yo woman. Hx L breast IDC 2015 s/p L mastectomy, anastrozole x5y.\n"
    for line in (
        "Dx: metastatic breast carcinoma to bone, biopsy-proven (new).",
        "Now biopsy-proven metastatic breast cancer to the liver.",
        "Metastatic carcinoma to the lung, confirmed on biopsy.",
    ):
        assert tumor(lead + line).get("m") == "M1", line
    for line in (
        "?Metastatic breast cancer to bone - biopsy planned.",
        "If metastatic breast cancer to the liver is proven, start CDK4/6.",
    ):
        assert "m" not in tumor(lead + line), line


def test_a_tumour_grade_before_a_duration_stays() -> None:
    note = "53F ER+/PR+/HER2- IDC 2.2 cm G2 cN0 - c/o new L hip pain x 3 weeks, no trauma; PET/CT vs bone scan?"
    assert tumor(note).get("grade") == 2
