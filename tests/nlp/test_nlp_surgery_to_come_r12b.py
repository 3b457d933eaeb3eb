"""Round 12b: an operation that the note says is still to come is not prior surgery.

The class recurs in five independently written sets (blind_v6 m-002, v7 q-013, v8 s-034 / u-029, v11 lb-014 /
lc-023, and v4 e-027): a pre-operative visit's "Procedure:" line, or a meeting's dated outcome, was read as an
operation done, so an untreated cancer lost its new-diagnosis setting and its clinical N, and the answer was left
undetermined. Written in my own words, with controls where the operation was done.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts

PLANNED = [
    # a pre-anaesthesia assessment: the labelled operation is the one it prepares
    "PRE-ANAESTHESIA ASSESSMENT   Date of surgery: 03/02\n"
    "Procedure: left wide local excision + sentinel node biopsy\n"
    "Diagnosis: left breast invasive ductal carcinoma 14 mm, grade 2, ER positive, PR positive, "
    "HER2 negative (IHC 1+), clinically node negative. 61 yo woman. No bone pain, no cough, no headaches.\n"
    "Plan: GA, continue inhalers on the morning of surgery.",
    # a nurse's call after the meeting: its date is the meeting's, the operation its recommendation
    "Breast care nurse call 09/05. 58F. Dx: R breast invasive ductal carcinoma 11 mm, grade 1, ER+ PR+ HER2 negative "
    "(IHC 0), axillary US normal, clinically node negative. MDT 07/05: lumpectomy + SLNB, no staging scans needed. "
    "Feels well, no symptoms. Next: pre-admission clinic 20/05.",
    # the meeting's dated outcome, the operation booked later
    "MDT outcome (02/03/2026): right mastectomy and sentinel lymph node biopsy. 66 year old woman with a right breast "
    "invasive lobular carcinoma 16 mm, grade 2, ER positive, PR positive, HER2 negative, axilla clinically and on "
    "ultrasound negative. She is booked for surgery on 20/03/2026. She has no symptoms.",
]


@pytest.mark.parametrize("note", PLANNED)
def test_an_operation_still_to_come_is_not_prior_surgery(note: str) -> None:
    read = facts(note)
    assert "prior_surgery" not in read
    assert read.get("setting") == "new_diagnosis"
    assert read["tumor"].get("n") == "N0"  # the clinical N of the untreated primary is read again
    assert decide_note(note)["systemic_imaging"] == "not_recommended"  # stage I, no symptoms


DONE = [
    # a day-surgery discharge letter: the day of surgery is behind it
    (
        "DAY SURGERY DISCHARGE LETTER\nDate of surgery / discharge: 01/03/2026\n"
        "Procedure: left wide local excision + sentinel node biopsy\n"
        "Indication: left breast IDC 13 mm, grade 2, ER+ PR+ HER2 negative, clinically node negative.\n"
        "Post-op: recovered well, pain controlled. Histology awaited.",
        "bct",
    ),
    # a treated cancer whose new operation is booked: the first one was done
    (
        "Breast clinic. 70F. Right lumpectomy 2019 for a pT1c pN0 IDC, adjuvant radiotherapy and tamoxifen. New "
        "biopsy-proven invasive carcinoma in the right breast. Booked for surgery on 12/04 for a completion "
        "mastectomy.",
        "bct",
    ),
    # the resection's pathological categories: the labelled operation was done
    (
        "Date of surgery: 02/02/2026. Procedure: left total mastectomy with sentinel node biopsy. Final pathology: "
        "invasive ductal carcinoma 2.4 cm, grade 3, pT2 pN1a, ER negative, PR negative, HER2 positive.",
        "mastectomy",
    ),
]


@pytest.mark.parametrize(("note", "done"), DONE)
def test_an_operation_done_stays_prior_surgery(note: str, done: str) -> None:
    assert facts(note).get("prior_surgery") == done
