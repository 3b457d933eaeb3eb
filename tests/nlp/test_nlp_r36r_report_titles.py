"""Round 36r: the study named in a radiology report's title was done; it is not the order (annotation guide 2).

A report opens with the study performed as its title and goes on with a report's parts (comparison, technique,
findings, impression, a BI-RADS assessment, a dose): that study is not the one considered now. A request or a
reason-for-exam note with the same kind of title, but no findings or impression below it, still names the study asked
for; a study the report itself recommends is a proposal, read by its own words. Wordings of our own, not the v35 notes'.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of

# --- reports: the title's study was done ------------------------------------------------------------------------------

CT_REPORT = (
    "CT THORAX ABDOMEN PELVIS W CONTRAST\n"
    "Clinical information: 58 yo woman, L breast IDC 2020 s/p mastectomy, on letrozole. Routine restaging per onc.\n"
    "Comparison: none available.\n"
    "Findings: No pulmonary nodules. Liver and adrenals unremarkable. No lytic or sclerotic bone lesion.\n"
    "Impression: No CT evidence of metastatic disease.\n"
)
BONE_SCAN_REPORT = (
    "NM WHOLE BODY BONE SCAN\n"
    "History: 66F, R breast ILC 2018, treated; new L rib pain after a fall 3 weeks ago.\n"
    "Technique: 24.8 mCi Tc-99m MDP IV, whole body images at 3 hours.\n"
    "Findings: Focal uptake in the L 7th rib, linear, consistent with the recent fracture. No other focus.\n"
    "Impression: Post-traumatic rib uptake. No scintigraphic evidence of osseous metastasis.\n"
)
ONE_LINE_US_REPORT = (
    "RIGHT BREAST US, LIMITED. 49F, L lumpectomy 2019 for DCIS, tender R breast lump x 2 wk. "
    "Findings: 8 mm simple cyst at 10:00, 3 cm FN, matching the palpable site. BI-RADS 2. Routine screening.\n"
)
EXAM_HEADED_MRI_REPORT = (
    "EXAM: MRI LUMBAR SPINE WITHOUT CONTRAST\n"
    "INDICATION: 61 yo female, breast ca 2017 treated, low back pain for 6 weeks.\n"
    "COMPARISON: Lumbar XR 2 weeks ago.\n"
    "FINDINGS: Degenerative disc disease L4-5 with a small central protrusion. Marrow signal normal.\n"
    "IMPRESSION: Degenerative change only. No marrow replacing lesion.\n"
)


@pytest.mark.parametrize("note", [CT_REPORT, BONE_SCAN_REPORT, ONE_LINE_US_REPORT, EXAM_HEADED_MRI_REPORT])
def test_a_reports_own_study_is_not_the_order(note: str) -> None:
    assert order_of(note) is None


def test_a_study_the_report_recommends_is_the_order() -> None:
    note = (
        "US LEFT AXILLA\n"
        "Clinical: 52F, L breast IDC 2021, BCT. Fullness in the L axilla.\n"
        "Findings: One level I node with cortex 5 mm, hilum effaced.\n"
        "Impression: Suspicious L axillary node, BI-RADS 4. Recommend bilateral breast MRI w/wo contrast.\n"
    )
    assert order_of(note) == "mri_breast_wwo"


def test_a_report_whose_recommended_study_differs_from_the_title_reads_the_recommendation() -> None:
    note = (
        "XR RIGHT FEMUR 2 VIEWS\n"
        "Indication: 70F, breast ca 2016, R thigh pain for 5 weeks, worse at night.\n"
        "Findings: Ill-defined lytic lesion of the proximal femoral diaphysis, no fracture.\n"
        "Impression: Lytic lesion, metastasis not excluded. Suggest whole body bone scan.\n"
    )
    assert order_of(note) == "bone_scan"


def test_a_recommendation_only_supposed_in_a_report_is_no_order() -> None:
    note = (
        "DIAGNOSTIC MAMMOGRAM LEFT\n"
        "History: 57F, new L breast lump.\n"
        "Findings: 14 mm spiculated mass at 2:00.\n"
        "Impression: BI-RADS 5. US-guided biopsy advised. If malignant, staging CT chest/abdomen/pelvis would follow.\n"
    )
    assert order_of(note) is None


# --- requests: the title's study is the one asked for (controls) ------------------------------------------------------


def test_a_request_with_its_reason_still_orders_its_study() -> None:
    note = (
        "CT CHEST/ABD/PELVIS WITH CONTRAST\n"
        "Reason for exam: staging, new R breast IDC 3.1 cm, grade 3, cN1.\n"
        "Clinical question: distant metastases?\n"
    )
    assert order_of(note) == "ct_cap_contrast"


def test_a_request_with_a_comparison_line_but_no_results_still_orders_its_study() -> None:
    note = (
        "BONE SCAN WHOLE BODY\n"
        "Indication: 62F, hx L breast cancer 2015, new R hip pain x 6 wk, night pain.\n"
        "Comparison: none available.\n"
    )
    assert order_of(note) == "bone_scan"


def test_a_protocol_note_with_its_technique_still_orders_its_study() -> None:
    note = (
        "MRI BREAST BILATERAL W/WO\n"
        "Reason: extent of disease, newly diagnosed L ILC 2.2 cm.\n"
        "Technique: standard bilateral breast protocol, gadobutrol weight based.\n"
    )
    assert order_of(note) == "mri_breast_wwo"


def test_a_request_quoting_an_earlier_bi_rads_with_an_impression_line_still_orders_its_study() -> None:
    # one result heading, and the BI-RADS quoted above it belongs to the earlier mammogram: no report
    note = (
        "US LEFT BREAST TARGETED\n"
        "Reason for exam: palpable lump at 2:00, recalled from screening as BI-RADS 0.\n"
        "Impression: ?cyst vs solid mass, please evaluate.\n"
    )
    assert order_of(note) == "us_breast"


def test_a_clinic_note_naming_findings_and_impression_keeps_its_plan() -> None:
    # a clinic note does not open with a study: its planned study stands
    note = (
        "Oncology follow-up\n"
        "56F, R breast IDC 2019, treated. New thoracic back pain x 5 wk waking her at night.\n"
        "Findings: tender T8 spinous process.\n"
        "Impression: possible bone metastasis.\n"
        "Plan: MRI thoracic spine w/wo contrast.\n"
    )
    assert order_of(note) == "mri_spine_wwo"
