"""Value rule families: one clinical phrase in, the core's fact out (or an unparsed note)."""

from __future__ import annotations

from typing import Any

import pytest

from nlp_helpers import facts, tumor
from rightscan.adapters.text import extract


def unparsed_fields(text: str) -> set[str]:
    return {u["field"] for u in extract(text).unparsed}


# ------------------------------------------------------------------ size
@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1.8 x 1.2 cm IDC", 1.8),
        ("18 mm IDC", 1.8),
        ("IDC 22mm G2", 2.2),
        ("2.9 x 2.1 x 2.5 cm mass", 2.9),
        ("mass 25mm x 18mm", 2.5),
        ("infiltrating ductal ca, 2,5 cm", 2.5),
        ("Tumor size: 2.2 cm. Margins negative, closest 3 mm.", 2.2),
        ("two foci measuring 1.4 cm and 0.6 cm", 1.4),
        ("2 lesions, 1.1 cm and 0.7 cm (largest 1.1 cm)", 1.1),
        ("multifocal: 1.2, 0.9 and 0.4 cm foci", 1.2),
        ("4.2 cm L breast mass. Palpable 1.5 cm L axillary node, mobile.", 4.2),
    ],
)
def test_size_is_the_largest_dimension_in_cm(text: str, size: float) -> None:
    assert tumor(text)["size_cm"] == size


@pytest.mark.parametrize(
    "text",
    [
        "Axillary US shows a 9 mm node with normal hilum.",
        "US axilla: 1 node with 4 mm cortex, FNA benign.",
        "New L supraclavicular node, 1.8 cm, FNA positive.",
        "Margins: invasive 2 mm, DCIS 1 mm.",
        "DCIS, high grade, extending 45 mm.",
        "Tumour spans 9 mm in the core.",
        "liver edge 4 cm below costal margin",
        "CT chest 2020 showed a stable 4 mm nodule.",
        "Lost 6 kg in 3 months.",
    ],
)
def test_sizes_of_other_things_are_not_the_tumour_size(text: str) -> None:
    assert "size_cm" not in tumor(text)


def test_two_different_sizes_are_a_conflict_not_a_fact() -> None:
    result = extract("L breast mass 2.7 cm on exam, 2.4 cm on US. IDC.")
    assert "size_cm" not in result.facts.get("tumor", {})
    (conflict,) = result.conflicts
    assert conflict["field"] == "tumor.size_cm"
    assert sorted(v["value"] for v in conflict["values"]) == [2.4, 2.7]
    assert all(v["text"] and v["end"] > v["start"] for v in conflict["values"])


def test_the_same_size_twice_is_not_a_conflict() -> None:
    result = extract("1.8 x 1.2 cm mass on US; core biopsy of the 1.8 cm mass: IDC.")
    assert result.facts["tumor"]["size_cm"] == 1.8 and not result.conflicts


# ------------------------------------------------------------------ TNM
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T1cN0", {"t": "T1c", "n": "N0"}),
        ("cT2 cN1 M0", {"t": "T2", "n": "N1", "m": "M0"}),
        ("T1cN0M0", {"t": "T1c", "n": "N0", "m": "M0"}),
        ("cN1", {"n": "N1"}),
        ("clinically T2 N0", {"t": "T2", "n": "N0"}),
        ("T4b (skin ulceration) IDC", {"t": "T4b"}),
        ("cT2(3.2 cm) cN1", {"t": "T2", "n": "N1", "size_cm": 3.2}),
        ("cN2a", {"n": "N2a"}),
        ("known metastatic breast cancer (M1)", {"m": "M1"}),
    ],
)
def test_clinical_tnm_codes(text: str, expected: dict[str, Any]) -> None:
    got = tumor(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pT2 pN1a", {"t": "pT2", "n": "pN1a"}),
        ("pT1cN0", {"t": "pT1c", "n": "pN0"}),
        ("pT1b(m) pN1mi", {"t": "pT1b", "n": "pN1mi"}),
        ("0/3 SLN: pN0(sn)", {"n": "pN0"}),
    ],
)
def test_pathological_codes_go_to_pathology(text: str, expected: dict[str, str]) -> None:
    assert facts(text)["pathology"] == expected
    assert "t" not in tumor(text) and "n" not in tumor(text)


@pytest.mark.parametrize(
    "text", ["T2-weighted images show a mass", "T1 pre-contrast unremarkable", "fracture of T12", "H1N1 flu in 2009"]
)
def test_things_that_look_like_tnm_but_are_not(text: str) -> None:
    assert not {"t", "n"} & set(tumor(text))


def test_post_neoadjuvant_and_unassessable_categories_are_unparsed() -> None:
    assert unparsed_fields("ypT2 ypN1a") == {"pathology.t", "pathology.n"}
    result = extract("cTx cN0")
    assert result.facts["tumor"] == {"n": "N0"}
    assert {u["field"] for u in result.unparsed} == {"tumor.t"}


# ------------------------------------------------------------------ nodes in words
@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("node negative", "N0"),
        ("clinically node-negative", "N0"),
        ("no axillary adenopathy", "N0"),
        ("no palpable axillary LAD", "N0"),
        ("axillary US negative", "N0"),
        ("No palpable axillary or supraclavicular adenopathy.", "N0"),
        ("palpable mobile axillary node", "N1"),
        ("1 suspicious R axillary node, bx +", "N1"),
        ("axillary LN biopsy +ve", "N1"),
        ("palpable matted axillary nodes", "N2a"),
        ("fixed axillary nodes", "N2a"),
        ("biopsy-proven internal mammary node, axilla negative", "N2b"),
        ("suspicious axillary node and internal mammary node", "N3b"),
        ("axillary and infraclavicular nodes, FNA positive", "N3a"),
        ("palpable axillary and supraclavicular nodes", "N3c"),
    ],
)
def test_regional_nodes_described_in_words(text: str, n: str) -> None:
    assert tumor(text)["n"] == n


def test_an_explicit_category_outweighs_words() -> None:
    assert tumor("cN1. Axillary US: two abnormal nodes; also infraclavicular node on US.")["n"] == "N1"


def test_node_positive_without_category_is_unparsed() -> None:
    assert "n" not in tumor("IDC 2.5 cm, node +ve") and "tumor.n" in unparsed_fields("IDC 2.5 cm, node +ve")


def test_regional_nodes_in_a_recurrence_note_are_not_the_primary_cn() -> None:
    text = "s/p L mastectomy 2015. Suspected regional recurrence: new palpable supraclavicular node."
    assert "n" not in tumor(text)


# ------------------------------------------------------------------ distant metastasis
@pytest.mark.parametrize(
    ("text", "m"),
    [
        ("no evidence of distant metastases", "M0"),
        ("CT CAP showed no distant metastases.", "M0"),
        ("biopsy-proven liver metastases", "M1"),
        ("known metastatic breast cancer", "M1"),
    ],
)
def test_distant_metastasis_in_words(text: str, m: str) -> None:
    assert tumor(text)["m"] == m


def test_a_suspected_metastasis_is_not_m1() -> None:
    assert "m" not in tumor("Rule out mets. 58F IDC.")
    assert "m" not in tumor("Bone scan to exclude bone metastases.")


def test_a_suspected_metastasis_after_surgery_is_a_suspected_distant_recurrence() -> None:
    got = facts("s/p R mastectomy 2016. Concern for liver metastases. CT abdomen?")
    assert got["setting"] == "suspected_distant_recurrence" and "m" not in got.get("tumor", {})


# ------------------------------------------------------------------ grade
@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("G2", 2),
        ("grade 3", 3),
        ("grade II", 2),
        ("Nottingham grade 2/3.", 2),
        ("Nottingham 6/9", 2),
        ("Nottingham score 8", 3),
        ("SBR grade 1", 1),
        ("(3+2+2 = 7/9)", 2),
        ("gr 2", 2),
    ],
)
def test_nottingham_grade(text: str, grade: int) -> None:
    assert tumor(text)["grade"] == grade


@pytest.mark.parametrize("text", ["G2P2 woman", "47F G3P2 with a mass", "high nuclear grade DCIS", "ER Allred 8/8"])
def test_things_that_are_not_a_histologic_grade(text: str) -> None:
    assert "grade" not in tumor(text)


@pytest.mark.parametrize(
    "text", ["well differentiated IDC", "moderately differentiated", "poorly differentiated", "high-grade IDC"]
)
def test_grade_in_words_is_unparsed_with_the_reason(text: str) -> None:
    result = extract(text)
    assert "grade" not in result.facts.get("tumor", {})
    (note,) = [u for u in result.unparsed if u["field"] == "tumor.grade"]
    assert "Nottingham" in note["reason"]


# ------------------------------------------------------------------ receptors
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ER+/PR−/HER2−", ("positive", "negative", "negative")),
        ("ER+/PR+/HER2-", ("positive", "positive", "negative")),
        ("ER+PR+HER2-", ("positive", "positive", "negative")),
        ("ER/PR positive, HER2 negative", ("positive", "positive", "negative")),
        ("ER-neg PR-neg HER2-neg", ("negative", "negative", "negative")),
        ("ER 95%, PR 0%, HER2 IHC 0.", ("positive", "negative", "negative")),
        ("ER 5% (low positive), PR <1%, HER2 1+", ("positive", "negative", "negative")),
        ("ER Allred 8/8, PR Allred 2/8, HER2 3+", ("positive", "negative", "positive")),
        (
            "oestrogen receptor positive, progesterone receptor negative, HER2/neu negative",
            ("positive", "negative", "negative"),
        ),
        ("triple negative", ("negative", "negative", "negative")),
        ("TNBC", ("negative", "negative", "negative")),
        ("HR-negative, HER2-negative", ("negative", "negative", "negative")),
    ],
)
def test_receptor_status(text: str, expected: tuple[str, str, str]) -> None:
    got = tumor(text)
    assert (got.get("er"), got.get("pr"), got.get("her2")) == expected


@pytest.mark.parametrize(
    ("text", "her2"),
    [
        ("HER2 2+ FISH non-amplified", "negative"),
        ("HER2 (IHC 2+, ISH non-amplified)", "negative"),
        ("HER2 2+ FISH amplified", "positive"),
        ("HER2 IHC 2+ / ISH amplified (ratio 2.6)", "positive"),
        ("HER2 3+", "positive"),
        ("HER2 amplified (FISH ratio 5.1)", "positive"),
        ("HER2 2+ equivocal, FISH pending", "equivocal"),
        ("HER2 equivocal (2+), FISH not amplified", "negative"),
        ("HER2-low (IHC 1+)", "negative"),
        ("HER2 FISH: HER2/CEP17 ratio 1.3, copy number 2.9/cell: NOT AMPLIFIED.", "negative"),
    ],
)
def test_her2_from_ihc_and_ish(text: str, her2: str) -> None:
    assert tumor(text)["her2"] == her2


def test_hr_positive_leaves_er_and_pr_unknown_with_a_note() -> None:
    result = extract("HR+/HER2- IDC")
    assert result.facts["tumor"] == {"histology": "IDC", "her2": "negative"}
    assert {u["field"] for u in result.unparsed} == {"tumor.er", "tumor.pr"}


def test_pending_results_are_unknown_and_noted() -> None:
    result = extract("HER2 pending. ER/PR/HER2 pending.")
    assert "tumor" not in result.facts
    assert {u["field"] for u in result.unparsed} == {"tumor.er", "tumor.pr", "tumor.her2"}


def test_contradictory_receptor_results_are_a_conflict() -> None:
    result = extract("ER positive on core biopsy; ER negative on the excision specimen.")
    assert "er" not in result.facts.get("tumor", {})
    assert [c["field"] for c in result.conflicts] == ["tumor.er"]


def test_a_final_her2_result_outweighs_an_equivocal_one() -> None:
    assert tumor("HER2 2+ (equivocal). FISH amplified.")["her2"] == "positive"


# ------------------------------------------------------------------ histology and inflammatory
@pytest.mark.parametrize(
    ("text", "histology"),
    [
        ("invasive ductal carcinoma", "IDC"),
        ("infiltrating ductal ca", "IDC"),
        ("invasive carcinoma of no special type", "IDC"),
        ("invasive carcinoma, NST (ductal)", "IDC"),
        ("invasive lobular carcinoma", "ILC"),
        ("mixed ductal and lobular carcinoma", "mixed"),
        ("invasive mammary carcinoma with mixed ductal and lobular features", "mixed"),
        ("invasive carcinoma, NOS", "NOS"),
        ("ductal carcinoma in situ, no invasion", "DCIS"),
        ("IDC with associated DCIS", "IDC"),
        ("mucinous carcinoma", "other"),
    ],
)
def test_histology(text: str, histology: str) -> None:
    assert tumor(text)["histology"] == histology


def test_lcis_is_not_a_histology() -> None:
    assert "histology" not in tumor("lobular carcinoma in situ")


@pytest.mark.parametrize(
    "text",
    [
        "inflammatory breast cancer",
        "peau d'orange over more than a third of the breast",
        "erythema and edema of the entire R breast",
        "overlying erythema and peau d'orange involving about half of the breast",
    ],
)
def test_inflammatory_carcinoma(text: str) -> None:
    assert tumor(text)["inflammatory"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Peau d'orange in a small area near the nipple.",
        "Not inflammatory.",
        "no features of inflammatory breast cancer",
    ],
)
def test_not_inflammatory(text: str) -> None:
    assert "inflammatory" not in tumor(text)


# ------------------------------------------------------------------ labs and markers
@pytest.mark.parametrize(
    ("text", "lab", "value", "uln"),
    [
        ("alk phos 135 (ULN 120)", "alkaline_phosphatase", 135, 120),
        ("ALP 210 U/L (ref 35-105)", "alkaline_phosphatase", 210, 105),
        ("Her ALP is 140 U/L (normal 30-120)", "alkaline_phosphatase", 140, 120),
        ("AST 30 (ref <40)", "ast", 30, 40),
        ("ALT 16 (nl <52)", "alt", 16, 52),
        ("T bili 0.6 (nl 0.2-1.2)", "bilirubin", 0.6, 1.2),
        ("bilirubin 0.6 mg/dL (ULN 1.2)", "bilirubin", 0.6, 1.2),
        ("ALP 2.5x ULN", "alkaline_phosphatase", 2.5, 1),
    ],
)
def test_labs_with_their_upper_limit(text: str, lab: str, value: float, uln: float) -> None:
    assert facts(text)["labs"][lab] == {"value": value, "uln": uln}


def test_a_lab_value_without_uln_is_unparsed_not_invented() -> None:
    result = extract("AST 145")
    assert "labs" not in result.facts
    (note,) = result.unparsed
    assert note["field"] == "labs.ast" and "upper limit" in note["reason"]


def test_labs_reported_normal_are_evidence_not_numbers() -> None:
    result = extract("LFTs/ALP WNL")
    assert result.facts == {}
    notes = {e["field"] for e in result.evidence if e["value"] == "reported normal"}
    assert notes == {"labs.alkaline_phosphatase", "labs.ast", "labs.alt", "labs.bilirubin"}
    assert not any(e["used"] for e in result.evidence)


def test_labs_reported_raised_without_a_number_are_unparsed() -> None:
    assert unparsed_fields("alk phos mildly elevated") == {"labs.alkaline_phosphatase"}


@pytest.mark.parametrize(
    ("text", "marker", "value", "uln"),
    [
        ("CA 15-3 45 (ULN 30)", "ca15_3", 45, 30),
        ("CA 27.29: 62 U/mL (<38)", "ca27_29", 62, 38),
        ("CEA 8.2 ng/mL (ULN 5.0)", "cea", 8.2, 5.0),
    ],
)
def test_tumour_markers(text: str, marker: str, value: float, uln: float) -> None:
    assert facts(text)["tumor_markers"][marker] == {"value": value, "uln": uln}


# ------------------------------------------------------------------ age and sex
@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("58F", 58, "female"),
        ("58M with IDC", 58, "male"),
        ("64 yo woman", 64, "female"),
        ("44 y.o. F", 44, "female"),
        ("a 56-year-old man", 56, "male"),
        ("Mrs B, 63,", 63, "female"),
        ("Age: 58", 58, None),
    ],
)
def test_age_and_sex(text: str, age: int, sex: str | None) -> None:
    got = facts(text)
    assert (got.get("age"), got.get("sex")) == (age, sex)


def test_ages_of_relatives_are_not_the_patients() -> None:
    assert facts("Mother (78F) had breast cancer.") == {}


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Exam: no axillary nodes palpable.", "N0"),
        ("Axillary nodes not palpable.", "N0"),
        ("biopsy-proven ipsilateral infraclavicular nodal disease", "N3a"),
    ],
)
def test_more_node_phrasings(text: str, n: str) -> None:
    assert tumor(text)["n"] == n


def test_receptors_between_metastatic_and_cancer() -> None:
    assert tumor("known metastatic ER+ breast cancer to liver and bone")["m"] == "M1"


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("LN neg on exam.", "N0"),
        ("Axillary US: one node with thickened cortex, FNA positive.", "N1"),
        ("FNA of a matted axillary nodal mass positive.", "N2a"),
    ],
)
def test_node_phrasings_from_the_second_held_out_set(text: str, n: str) -> None:
    assert tumor(text)["n"] == n


@pytest.mark.parametrize(
    ("text", "marker", "value", "uln"),
    [
        ("CA 27.29 rechecked by her GP: 61 U/mL (ref 0-38).", "ca27_29", 61.0, 38.0),
        ("CEA measured today 9.4 ng/mL (ref <5).", "cea", 9.4, 5.0),
    ],
)
def test_a_marker_value_after_a_few_words(text: str, marker: str, value: float, uln: float) -> None:
    got = facts(text)["tumor_markers"][marker]
    assert (got["value"], got["uln"]) == (value, uln)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a synoptic report: one field a line; the next line's field name says nothing about this line's number
        ("Invasive tumour size: 21 mm\nDCIS: present, 30 mm extent", {"size_cm": 2.1}),
        ("Tumor size: 9 mm\nLymphovascular invasion: not identified", {"size_cm": 0.9}),
        # a field name governs its whole line ("Margins: ...; others > 5 mm" is a margin)
        ("Tumour size: 14 mm\nMargins: 1 mm to deep margin; all others > 10 mm", {"size_cm": 1.4}),
        # extra foci are not the tumour
        ("IDC measuring 31 mm (largest focus); a second satellite focus of 6 mm.", {"size_cm": 3.1}),
        # HER2 written with a field label or an antibody clone before the score
        ("HER2: IHC 3+ (positive)", {"her2": "positive"}),
        ("HER2 (IHC, 4B5): 0 (negative)", {"her2": "negative"}),
    ],
)
def test_synoptic_report_lines(text: str, expected: dict[str, Any]) -> None:
    got = tumor(text)
    assert {k: got.get(k) for k in expected} == expected


def test_a_field_answered_not_identified_is_negated() -> None:
    # CAP wording: "DCIS: Not identified" says there is no DCIS
    assert tumor("Histologic type: invasive carcinoma NST\nDCIS: Not identified").get("histology") == "IDC"
    assert "histology" not in tumor("DCIS: Not identified")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracketed sign after a receptor's name is its status, not a review-of-systems item
        ("ER (+) PR (-) HER2 (-)", {"er": "positive", "pr": "negative", "her2": "negative"}),
        ("ER(+), PR(+), HER2(+)", {"er": "positive", "pr": "positive", "her2": "positive"}),
        # a percentage given as a lower bound
        ("ER >90%, PR greater than 50%", {"er": "positive", "pr": "positive"}),
        # HER2 gene amplification named without the ISH method
        ("HER2/neu: not amplified (ratio 1.1)", {"her2": "negative"}),
        ("HER2 amplified (ratio 4.0)", {"her2": "positive"}),
    ],
)
def test_receptor_forms(text: str, expected: dict[str, Any]) -> None:
    got = tumor(text)
    assert {k: got.get(k) for k in expected} == expected


def test_a_lower_bound_under_one_percent_is_not_read() -> None:
    assert "er" not in tumor("ER > 0%")


def test_review_of_systems_signs_still_read_as_signs() -> None:
    # the receptor reading must not change a (+)/(-) list of symptoms
    assert "bone_pain" not in facts("ROS: (+) fatigue (-) bone pain (-) cough").get("symptoms", [])


@pytest.mark.parametrize(
    ("text", "pn"),
    [
        # positive nodes counted after surgery give the pathological N (AJCC 8: 1-3 pN1a, 4-9 pN2a, >= 10 pN3a)
        ("Sentinel nodes: 0/2 positive.", "pN0"),
        ("3/12 LN positive, ENE absent.", "pN1a"),
        ("ALND: 5 of 14 positive", "pN2a"),
        ("11/20 axillary nodes +", "pN3a"),
    ],
)
def test_a_count_of_positive_nodes_gives_the_pathological_n(text: str, pn: str) -> None:
    assert facts(text).get("pathology", {}).get("n") == pn


@pytest.mark.parametrize(
    "text",
    [
        "CK5/6 positive, p63 positive.",  # a stain, not a node count
        "Cores: 2/3 positive for carcinoma.",  # cores, not nodes
        "1/3 SLN with micrometastases only.",  # micrometastases are pN1mi: not read from the count
        "Follow-up on 4/11 in clinic.",  # a date
    ],
)
def test_counts_that_are_not_positive_nodes_give_no_n(text: str) -> None:
    assert "n" not in facts(text).get("pathology", {})
