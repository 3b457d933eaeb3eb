"""Order-name classes found by the v26 blind order list (orders clinicians type themselves: chat messages, free-text
boxes, transcribed verbal orders), in our own words, never the list's lines.

A study the text says is done, cancelled, declined, on hold or not to be repeated is no study to do now: the order
asks, offering that study, and never resolves it; "cancel X, order Y instead" names Y. The request around a study in a
chat message ("put in", "place an order for", "sched"), the patient's room or bed ("rm 12", "bed 7"), the clinical
question written straight after the study with no separator, an earlier study's finding the order is for, the line a
chest radiograph checks, a procedure joined on "if abnormal", and the autocorrect "contest" for contrast. Each class
with the wordings that must still ask.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ a study done, cancelled or not to be repeated
NOT_NOW = [
    ("bone scan completed last month at outside hospital, no need to repeat", "bone_scan", "declined"),
    ("MRI brain w/wo - cancelled, pt has pacemaker", "mri_head_wwo", "declined"),
    ("Discontinued: US L axilla", "us_axilla", "declined"),
    ("bone scan on hold", "bone_scan", "declined"),
    ("CT chest w contrast - on hold per onc", "ct_chest_contrast", "declined"),
    ("CT CAP w contrast - already done at OSH 3/1", "ct_cap_contrast", "done"),
    ("CT CAP w contrast done 2/2; do not repeat", "ct_cap_contrast", "declined"),
    ("Cancel order: diagnostic mammogram right", "mammo_diagnostic", "declined"),
]


@pytest.mark.parametrize(("text", "pid", "status"), NOT_NOW, ids=[t for t, _, _ in NOT_NOW])
def test_a_study_done_or_cancelled_is_offered_never_resolved(text: str, pid: str, status: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved", reading
    assert reading.order_status == status
    assert [p.id for p in reading.choices][:1] == [pid]


@case(
    [
        # the study after "cancel ..., order ... instead" is the one to do now
        ("cancel mammo, order US L breast instead", "us_breast"),
        ("Cancel MRI brain w/wo, order CT head instead - pacemaker", "ct_head"),
        # a request's "done" is what is asked for, not a study done
        ("can I get it done before Friday, screening mammogram", "mammo_screening"),
        ("PET/CT to be done after chemo cycle 3", "pet_ct"),
        # when the last study was done says why this one is due
        ("screening mammo bilat - last one 2024", "mammo_screening"),
        # the patient's history stays the indication
        ("MRI breast w/wo - s/p lumpectomy 2019", "mri_breast_wwo"),
    ]
)
def test_the_study_to_do_now_is_read(text: str, pid: str) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "cancel CT CAP, PET/CT instead",  # no order word opens the study to do now: which one?
        "d/c PET/CT, order bone scan instead",  # "d/c" is discharge as often as discontinue: it asks
        "PET/CT cancelled, bone scan cancelled",  # nothing to do now
        "CANCELLED - CT chest w contrast",
    ],
)
def test_no_study_to_do_now_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ chat and verbal-order wrappers, rooms and beds
@case(
    [
        ("please put in MRI brain w/wo for bed 7", "mri_head_wwo"),
        ("can you put in a screening mammo for Mrs Lopez", "mammo_screening"),
        ("put in CT chest w contrast rm 4B", "ct_chest_contrast"),
        ("pls sched US R breast limited", "us_breast"),
        ("place an order for bone scan, room 12", "bone_scan"),
        ("could you put in CXR for bay 3 thx", "xray_chest"),
        # "RM" with a field strength is still the Spanish MR
        ("RM 3T cerebro con contraste", "mri_head_wwo"),
    ]
)
def test_a_request_and_a_room_state_no_study(text: str, pid: str) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "pls put in mammogram for rm 12",  # screening or diagnostic: still asks
        "can you put in MRI for bed 4",  # MRI of what
        "put in scan for room 3",
    ],
)
def test_a_wrapped_order_that_says_too_little_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ the clinical question straight after the study
@case(
    [
        ("CT abdomen pelvis w contrast LLQ pain", "ct_abdomen_pelvis_contrast"),
        ("MRI abdomen w/wo contrast to characterise adrenal nodule", "mri_abdomen_wwo"),
        ("diagnostic mammo L extent of dz", "mammo_diagnostic"),
        ("MRI L spine w/o contrast back pain radiating", "mri_spine_wo"),
        ("MRI L spine wo contrast low back pain", "mri_spine_wo"),
        ("MRI brain with contests", "mri_head_wwo"),  # autocorrect
        ("CT abd/pelvis with contest", "ct_abdomen_pelvis_contrast"),
    ]
)
def test_the_clinical_question_after_the_study_is_its_indication(text: str, pid: str) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "CT head w/o contrast chest pain",  # a site the study does not image: asks
        "MRI T spine w contrast rib pain",  # the ribs are not the thoracic spine
        "US RLQ",  # a quadrant is no study's region
        "MRI C spine neck pain",  # no contrast stated
    ],
)
def test_a_complaint_site_that_does_not_fit_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ an earlier study's finding, a line check, an add-on
@case(
    [
        ("US L breast for mammo finding 2:00", "us_breast"),
        ("targeted US R breast for CT finding", "us_breast"),
        ("chest xray post PICC placement", "xray_chest"),
        ("CXR port check", "xray_chest"),
        ("portable chest x-ray, NG tube position", "xray_chest"),
        ("US breast L + core biopsy if suspicious", "us_breast"),
        ("US R axilla and FNA if abnormal node", "us_axilla"),
    ]
)
def test_what_the_study_follows_or_checks_is_not_a_second_study(text: str, pid: str) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "US R breast for MRI",  # which study: the MRI is named as such
        "US axilla + FNA",  # no condition: the FNA is ordered too
        "US breast core biopsy if needed",  # the biopsy may be the study itself
        "MG diag R and US if needed",  # a modality joined on: still asks
        "MAMMOGRAM",
    ],
)
def test_an_add_on_or_a_second_study_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)
