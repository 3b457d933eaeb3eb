"""Round 43l (v43 blind, bd hand: consult letters and transfer summaries with dated histories): in a dated history, the
finding that led to the diagnosis ("2/2025 ... cN1 (L axillary node FNA +)", v43 bd-002; "3/2025 mammo BI-RADS 4C",
bd-012; "1/2025 ... R infraclavicular node FNA +", bd-042), dated before the first treatment of the course it belongs to
(the chemotherapy or the operation dated later), is that course's presentation, not a new finding after an earlier
treatment: no suspected local recurrence (annotation guide, setting). Month and year are compared when both are
written; a treatment told without its date keeps the note as it was read.

Controls: a new lump told after an earlier operation ("PMH: 2015 lumpectomy") or after a completed course ("completed
RT 2022; 3/2025 new mass at the scar") stays a suspected local recurrence; a note with no dates reads as before; the
findings themselves (node category, suspicious imaging) are still read.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

RECURRENCE = ("suspected_local_recurrence", "suspected_distant_recurrence")


@pytest.mark.parametrize(
    "note",
    [
        # a timeline whose first entry is the node that proved the cancer, the operation dated months later
        "Oncology transfer summary\n\n52F.\nCourse:\n01/2025 R breast lump 4 cm. Biopsy: IDC G2, ER+ PR+ HER2-. "
        "cT2 cN1, R axillary LN biopsy positive.\n02/2025-06/2025 neoadjuvant ddAC-T\n07/14/2025 R lumpectomy + "
        "ALND: ypT1c ypN1a.\nNow referred for radiotherapy.",
        # the screening study that found it, then the core, then the operation
        "Consultation letter\n\nTimeline:\n 5/2025 diagnostic mammogram: L breast spiculated mass 2.1 cm, BI-RADS 5\n "
        "6/2025 US core: IDC grade 3, ER 0, PR 0, HER2 3+\n 8/22/2025 L mastectomy + SLNB\n   Path: ypT1b ypN0.\n"
        "Seen today to plan adjuvant trastuzumab.",
        # a palpable axillary node told in the diagnosis entry
        "Medical oncology consult\n\n2/2025 - palpable L axillary node 2 cm, FNA positive for carcinoma. L breast "
        "core: ILC grade 2, ER 90%, HER2 neg.\n4/2025 - L mastectomy + ALND, pT2 pN2a.\nReview of pathology today.",
        # month-named dates
        "Breast MDT summary\n\nMarch 2025: R breast mass, mammo BI-RADS 4C, 3.0 cm. Core: IDC G2, ER+, HER2-.\n"
        "June 2025: R wide local excision + SLNB, pT2 pN0.\nFor discussion of adjuvant therapy.",
    ],
)
def test_presentation_dated_before_the_course_is_no_recurrence(note: str) -> None:
    assert facts(note).get("setting") not in RECURRENCE


@pytest.mark.parametrize(
    "note",
    [
        # an operation of an earlier year, then the new lump
        "Breast clinic\n\n63F. PMH: 2015 R lumpectomy + RT for IDC.\n3/2025 new palpable R breast mass at the scar, "
        "1.5 cm. US: suspicious.\nPlan: core biopsy.",
        # a completed course, then the new mass at the scar
        "Follow-up visit\n\n58F, L breast IDC, L lumpectomy 2021, completed RT 2022.\n3/2025 new mass at the L "
        "lumpectomy scar, firm, 1 cm.\nPlan: diagnostic mammogram and US.",
        # no dates at all: read as before
        "Clinic note\n\n60F s/p R mastectomy for IDC. New firm nodule on the R chest wall near the scar, 8 mm. "
        "Plan: US-guided biopsy.",
        # a finding dated after the operation of the same year
        "Surgical follow-up\n\n55F. 02/2025 L lumpectomy for IDC, pT1c pN0.\n09/2025 new L axillary node 1.8 cm, "
        "firm.\nPlan: US and FNA.",
    ],
)
def test_a_new_finding_after_treatment_stays_a_recurrence(note: str) -> None:
    assert facts(note).get("setting") == "suspected_local_recurrence"


def test_an_undated_earlier_treatment_keeps_the_reading() -> None:
    # the earlier course told without its date may precede the dated finding: nothing is changed
    note = (
        "Breast clinic\n\n66F, s/p R lumpectomy + RT for IDC.\n3/2025 new R breast mass 2 cm, BI-RADS 5.\n"
        "6/2025 R mastectomy.\nReview."
    )
    assert facts(note).get("setting") == "suspected_local_recurrence"


def test_the_presentation_is_still_read() -> None:
    f = facts(
        "Oncology transfer summary\n\n52F.\nCourse:\n01/2025 R breast lump 4 cm. Biopsy: IDC G2, ER+ PR+ HER2-. "
        "cT2 cN1, R axillary LN biopsy positive.\n02/2025-06/2025 neoadjuvant ddAC-T\n07/14/2025 R lumpectomy + "
        "ALND: ypT1c ypN1a.\nNow referred for radiotherapy."
    )
    assert f.get("tumor", {}).get("n") == "N1"


def test_the_operation_named_again_undated_is_the_dated_one() -> None:
    # "referred after L mastectomy" names the dated operation again: the mammogram before it is the presentation
    note = (
        "Med onc new patient\n\n61F referred after L mastectomy.\nHistory:\n 1/2025 mammo: L breast mass 3 cm, "
        "BI-RADS 5\n 2/2025 core: IDC grade 2, ER+, HER2-\n 3/12/2025 L total mastectomy + SLNB: pT2 pN1a.\n"
        "Plan: adjuvant chemotherapy."
    )
    assert facts(note).get("setting") not in RECURRENCE


def test_a_treatment_duration_in_the_plan_is_no_time_elapsed() -> None:
    # "to complete 1 yr" of a drug is treatment to come: the note, operated weeks ago, is in its first course
    note = (
        "Tumor board 09/30/2025\n\n50F.\n2/2025 R breast mass, core IDC G3, HER2 3+, cT2 cN1 (axillary node FNA +)."
        "\n3/2025-7/2025 neoadjuvant TCHP\n8/20/2025 R mastectomy + ALND: ypT1a ypN1a.\nPlan: PMRT; continue "
        "trastuzumab to complete 1 yr."
    )
    assert facts(note).get("setting") not in (*RECURRENCE, "surveillance")
