"""Round 38a (v38 blind set, safety): M1 only from a statement that this patient has distant disease; a planned
treatment is no treatment received.

1. A statement about a disease, a test or a drug in general (how such disease behaves, a licensed use, guideline
   text, patients in general) is no finding of this patient (an-023).
2. What a study is to exclude ('exclusion of distant disease') is a purpose; a regional node sampled in a recurrence
   note is N, and a distant site named only as what is to be excluded does not make it distant; a cervical node is
   distant (an-038).
3. Distant disease abbreviated as a doubt ('c/f', 'poss', 'susp', 'q mets') is to confirm, never M1 (ao-003).
4. A treatment favoured or leant towards is a plan: a stated new diagnosis stays new (am-020).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, tumor

BACK = "70F hx R breast IDC s/p mastectomy 2017, on anastrozole. New low back pain x 4 wks, worse at night. "


@pytest.mark.parametrize(
    "line",
    [
        "Sclerotic bone metastases are often PET-negative, so MRI L-spine is requested.",
        "Elacestrant is indicated for ESR1-mutated advanced or metastatic breast cancer; MRI L-spine first.",
        "FES PET is FDA-approved as a diagnostic aid in recurrent or metastatic breast cancer. MRI L-spine first.",
        "Guidelines recommend bone imaging for suspected osseous metastases. MRI L-spine requested.",
    ],
)
def test_a_general_statement_is_no_m1(line: str) -> None:
    note = BACK + line + "\n"
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


@pytest.mark.parametrize(
    "line",
    [
        "Bone scan shows multiple bone metastases.",
        "Liver biopsy: biopsy-proven liver metastases.",
        "PET: multiple hepatic mets.",
    ],
)
def test_controls_her_own_distant_disease_stays_m1(line: str) -> None:
    assert tumor(BACK + line + "\n").get("m") == "M1"


REC = "Pt 55F, L breast IDC 2018: L mastectomy + ALND, then letrozole. "


@pytest.mark.parametrize(
    "line",
    [
        "New 2 cm L supraclavicular node; FNA metastatic breast ca. Exclusion of distant metastases is essential.",
        "New L supraclav LN, bx: metastatic carcinoma. Restaging to rule out distant mets.",
        "New L infraclavicular adenopathy, core bx positive for metastatic breast cancer. PET/CT for ruling out "
        "distant disease.",
        "New L internal mammary node 12 mm; FNA metastatic breast carcinoma. PET to confirm the absence of distant "
        "metastases.",
    ],
)
def test_a_regional_node_and_the_distant_disease_to_exclude_are_no_m1(line: str) -> None:
    note = REC + line + "\n"
    assert tumor(note).get("m") != "M1"
    assert facts(note).get("setting") == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "line",
    [
        "New R (contralateral) axillary node; FNA: metastatic breast ca.",
        "Contralateral axillary node metastasis on FNA.",
        "New L cervical node, FNA: metastatic breast ca.",
    ],
)
def test_controls_a_distant_node_stays_m1(line: str) -> None:
    assert tumor(REC + line + "\n").get("m") == "M1"


SPINE = "68F hx R breast ca s/p R mastectomy 2019, on anastrozole. New mid-back pain x 3 wks, worse at night. "


@pytest.mark.parametrize(
    "line",
    [
        "A/P: c/f vertebral metastasis, MRI T-spine.",
        "Imp: poss bone mets. MRI spine ordered.",
        "Susp osseous mets, MRI spine.",
        "Assessment: q mets vs compression fx.",
        # a question mark after the finding stays a question beside the abbreviated doubts (the merge found 'poss'
        # listing '?' had displaced it: 'Please assess liver -- mets?' read as M1)
        "Please image the spine -- mets?",
        "Pain and raised ALP: metastatic disease? MRI spine.",
    ],
)
def test_an_abbreviated_doubt_is_no_m1(line: str) -> None:
    note = SPINE + line + "\n"
    assert tumor(note).get("m") != "M1"
    assert facts(note).get("setting") == "suspected_distant_recurrence"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


def test_control_a_stated_metastasis_stays_m1() -> None:
    assert tumor(SPINE + "MRI: T9 metastasis with cord compression.\n").get("m") == "M1"


NEW = (
    "70 yo woman with newly diagnosed R breast cancer. US: 3.2 cm mass R 10:00, one abnormal R axillary node 1.8 cm, "
    "FNA positive. Core: IDC gr 2, ER 90%, PR 20%, HER2 0. cT2 cN1, stage IIB. "
)


@pytest.mark.parametrize(
    "line",
    [
        "Favour neoadjuvant anastrozole x 6 months, then reassess for surgery.",
        "Recommend letrozole for 4-6 mo before surgery.",
        "Plan to start tamoxifen x 6 mo then surgery.",
        "Leaning toward primary endocrine therapy with letrozole x 6 mo.",
    ],
)
def test_a_planned_treatment_keeps_a_new_diagnosis(line: str) -> None:
    note = NEW + line + "\n"
    assert facts(note).get("setting") == "new_diagnosis"
    assert decide_note(note)["systemic_imaging"] not in ("not_applicable", "not_recommended")


def test_controls_a_treatment_received_or_a_past_mastectomy() -> None:
    note = "60F, s/p R mastectomy 2018 for IDC, completed letrozole 2023. New 1 cm nodule at the R chest wall scar.\n"
    assert facts(note).get("setting") == "suspected_local_recurrence"
    done = (
        "52F with R breast IDC, cT2 cN1, ER-/PR-/HER2+. Completed 4 cycles of neoadjuvant AC, now on weekly "
        "paclitaxel. New 1.5 cm R chest wall nodule.\n"
    )
    assert facts(done).get("setting") != "new_diagnosis"
