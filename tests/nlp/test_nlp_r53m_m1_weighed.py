"""Round 53m (v53 cg-003, cg-007, cg-019): M1 needs distant disease stated as this patient's fact.

Three classes had read M1 where the note only weighs distant disease or names something else:

- a metastasis ranked in a differential told after it ("top of ddx", "high on my differential", "heads the ddx"), or
  named as the writer's provisional diagnosis ("Working diagnosis:", "Leading dx -"): suspected, to confirm;
- a metastasis, an aside in brackets, then the differential's "vs": weighed, as "liver mets vs abscess" is;
- metabolic equivalents written before their count ("METs: >4" on a pre-anaesthesia form): no metastasis.

Tested in new wordings, with controls: a stated metastasis stays M1 (biopsy-proven, de novo stage IV, a count of
metastases, a differential of something else told after a known metastasis); "?mets", "r/o mets" and "no distant
mets" are never M1.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, tumor

# stage IIIA (cT3 cN1), due staging imaging: M1 would make it "not applicable"
IIIA = "58F newly diagnosed 5.2 cm IDC left breast, ER+ PR+ HER2-, cN1 on FNA. CT CAP requested.\n"
# stage IA: no staging imaging
IA = "49F newly diagnosed 1.6 cm IDC right breast, ER+ PR+ HER2-, cN0. Bone scan requested.\n"


def _m_to_confirm(note: str) -> bool:
    from rightscan.adapters.text import extract

    return any(c["field"] == "tumor.m" for c in extract(note).to_confirm)


@pytest.mark.parametrize(
    "line",
    [
        "Liver metastases sit high on the ddx given the ALP.",
        "Bone mets are first in the differential, then degenerative change.",
        "Vertebral metastasis - top of the DDx.",
        "Cerebral metastases lead our differential; MRI to follow.",
        "Provisional diagnosis: liver metastases.",
        "Presumptive dx - bone mets, bone scan booked.",
        "Leading impression = brain metastasis.",
    ],
)
def test_a_metastasis_ranked_or_held_provisionally_is_to_confirm(line: str) -> None:
    note = IIIA + line + "\n"
    assert tumor(note).get("m") is None
    assert _m_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


@pytest.mark.parametrize(
    "line",
    [
        "Sclerotic focus T9: osseous metastasis (lobular, on anastrozole) vs bone island.",
        "CXR: lung mets (given prior TNBC) versus atypical infection.",
        "Pulmonary nodules - mets (h/o breast ca (2019)) vs old granulomas.",
    ],
)
def test_a_metastasis_weighed_past_a_bracketed_aside_is_no_m1(line: str) -> None:
    note = IIIA + line + "\n"
    assert tumor(note).get("m") is None
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


@pytest.mark.parametrize(
    "line",
    [
        "Functional status: METs: >4 (gardens daily).",
        "METs >= 4 - climbs two flights without stopping.",
        "Exercise tolerance METs 5-6 per pt.",
        "Cardiac risk: RCRI 1, mets < 4.",
    ],
)
def test_metabolic_equivalents_before_their_count_are_no_metastases(line: str) -> None:
    assert tumor(IIIA + line + "\n").get("m") is None
    assert decide_note(IA + line + "\n")["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "Biopsy-proven liver metastasis, segment 6.",
        "De novo stage IV, bone mets on CT.",
        "Known bone mets on denosumab - top of ddx for the new headache is migraine.",
        "Final diagnosis: pathologic fracture through a bone metastasis.",
        "Brain mets: >10 on MRI, largest 9 mm.",
        "Mets: >5 lesions in the liver on CT.",
        "CT: bone mets (biopsy-proven 2022, T8 and L2) - stable. New liver lesion vs cyst.",
    ],
)
def test_controls_distant_disease_stated_as_her_fact_stays_m1(line: str) -> None:
    assert tumor(IIIA + line + "\n").get("m") == "M1"


@pytest.mark.parametrize(
    "line",
    [
        "?mets - CT CAP to stage.",
        "CT C/A/P to r/o mets.",
        "Staging CT: no distant mets.",
        "Her aunt had metastatic breast cancer in her 60s.",
    ],
)
def test_controls_a_question_a_purpose_a_denial_or_a_relatives_metastasis_is_never_m1(line: str) -> None:
    note = IIIA + line + "\n"
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


def test_the_neurology_consult_wording_reads_suspected_recurrence_not_m1() -> None:
    note = (
        "Neuro consult. 52F, R breast TNBC 2022, lumpectomy + RT, off treatment.\n"
        "3 wks of morning headache, new L arm drift and L grip 4/5.\n"
        "Impression: space-occupying lesion. Cerebral metastasis high on my differential, abscess less likely.\n"
        "Plan: MRI brain w/wo contrast today.\n"
    )
    got = facts(note)
    assert got.get("tumor", {}).get("m") is None
    assert got.get("setting") == "suspected_distant_recurrence"
    assert decide_note(note)["systemic_imaging"] == "targeted"  # a suspected recurrence with a deficit
