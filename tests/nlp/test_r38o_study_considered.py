"""Round 38o (v38 blind, the order field): the study considered now, in other words than the blind notes, each class
with controls that must not change.

Classes: a document titled by its kind with the study asked for (a protocol note, a decision-support override, a
nurse's call before a booked study); a study set for the next hours or weeks ("stat", "expedited", "tomorrow", an
appointment, a plan without its colon); a study already done named by its finding, its place and result
or its month; a study declined by not repeating it or cancelling its booking; and a denied "call for" that is no
advice of what to report.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes

NEW_DX = "61F, newly diagnosed R breast IDC, cT3 cN1, grade 3, ER+ PR- HER2-. "
TREATED = "66F, hx L breast IDC 2019 s/p lumpectomy + RT, on letrozole. "


# ------------------------------------------------------------------ a document titled by its kind and the study
@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "Body imaging protocol note - MRI abdomen w/wo contrast\n"
            + TREATED
            + "ALP 260 (ref 35-105), new RUQ pain.",
            "mri_abdomen_wwo",
        ),
        ("Decision support override: bone scan. " + TREATED + "New L hip pain x 4 wks, worse at night.", "bone_scan"),
        (
            "Pre-scan phone call, PET/CT 1/14 0730. " + NEW_DX + "Fasting 6 h reviewed, glucose check on arrival.",
            "pet_ct",
        ),
        (
            "Pre-MRI safety call - MRI thoracic spine w/ and w/o contrast. "
            + TREATED
            + "New mid back pain, no implants.",
            "mri_spine_wwo",
        ),
    ],
)
def test_titled_request_names_the_study_considered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # the call is about a study already done: its result is given
        "Pre-procedure call - port placement. " + TREATED + "CT chest 11/02 showed no nodules.",
        # the override titled over a study the note then declines
        "CDS override: none. " + TREATED + "No new symptoms; PET/CT not indicated, will not order.",
        # a protocol comment mentioned in passing, no study after it
        "Premedication per protocol, prednisone 50 mg. " + TREATED + "Bone scan 2024 negative.",
    ],
)
def test_titled_controls_keep_no_order(note: str) -> None:
    assert order_of(note) is None


# ------------------------------------------------------------------ a study set for the next hours or weeks
@pytest.mark.parametrize(
    ("note", "study"),
    [
        (TREATED + "Sudden L leg weakness and headache. MRI brain w/wo contrast asap, neuro checks.", "mri_head_wwo"),
        (
            TREATED + "RUQ pain and ALP 300 (ref 40-120). CT chest/abdomen/pelvis with IV contrast tomorrow morning.",
            "ct_cap_contrast",
        ),
        (NEW_DX + "Staging bone scan appt Friday 10:00, pt aware.", "bone_scan"),
        (TREATED + "Stable. Plan bone scan for the new rib pain, reviewed with pt.", "bone_scan"),
    ],
)
def test_study_set_for_a_time_to_come_is_the_order(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # the appointment cancelled: declined
        TREATED + "Bone scan appt cancelled by pt, she prefers to wait.",
        # a study without a cue, only its place: no order
        TREATED + "New back pain. US abdomen now (ED) showed no stones.",
        # a study with its result, set in the past
        TREATED + "CT chest tomorrow? No - CT chest done yesterday showed no nodules.",
    ],
)
def test_time_to_come_controls(note: str) -> None:
    assert order_of(note) is None


# ------------------------------------------------------------------ a study done, named by its finding, place or month
@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            TREATED + "Order: CT chest w/ IV contrast. Reason: 1 cm LLL nodule seen on chest x-ray 10/30.",
            "ct_chest_contrast",
        ),
        (
            TREATED + "Seizure at home. CT head (ER): R parietal edema, ?mass. MRI brain w/wo contrast booked 5/12.",
            "mri_head_wwo",
        ),
        (NEW_DX + "PET/CT ordered for next week; her March mammogram does not replace it.", "pet_ct"),
        (
            "PA request - FDG PET/CT. " + TREATED + "Previous imaging: CT abdomen/pelvis 10/02 - 2 liver lesions, "
            "indeterminate.",
            "pet_ct",
        ),
    ],
)
def test_study_done_is_not_a_second_order(note: str, study: str) -> None:
    assert order_of(note) == study


def test_place_without_a_result_keeps_the_study_considered() -> None:
    # control: the place in brackets without the result's colon is where the study is to be done
    note = TREATED + "New jaundice, ALP 400 (ref 40-150). Plan: US abdomen now (ED) to exclude obstruction."
    assert order_of(note) == "us_abdomen"


def test_study_considered_beside_a_study_done_still_two_when_both_are_considered() -> None:
    # control: both studies considered now (no finding, place or month marks either as done)
    note = TREATED + "New rib pain. Bone scan and CT chest/abdomen/pelvis with contrast requested."
    assert order_of(note) is None


# ------------------------------------------------------------ a study declined: not repeated, or its booking cancelled
@pytest.mark.parametrize(
    "note",
    [
        NEW_DX + "Called to book the PET/CT ordered by Dr. Lee. She had a PET/CT at another hospital last week and "
        "does not wish to repeat it. Routed to Dr. Lee.",
        NEW_DX + "Staging CT chest/abdomen/pelvis w/ contrast booked by the surgeon is not needed at this stage and "
        "she will cancel the booking.",
    ],
)
def test_study_declined_is_not_the_order(note: str) -> None:
    assert order_of(note) is None


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # control: repeating is what she wants
        (NEW_DX + "She had a bone scan elsewhere, images lost; agrees to repeat it. Bone scan ordered.", "bone_scan"),
        # control: the booking moved, not cancelled
        (NEW_DX + "PET/CT ordered; moved to Monday at her request.", "pet_ct"),
    ],
)
def test_declined_controls(note: str, study: str) -> None:
    assert order_of(note) == study


# ------------------------------------------------------------------ a denied "call for": no advice of what to report
@pytest.mark.parametrize(
    "note",
    [
        NEW_DX + "\n1. Tumour size alone does not call for a brain MRI, but the headaches do: MRI brain w/wo ordered.",
        NEW_DX + "\n2. The stage would not call for imaging of the bones, but the rising ALP does: bone scan ordered.",
        NEW_DX + "\n3. Guidelines did not call for restaging, yet the new cough does: CT chest w/ contrast ordered.",
    ],
)
def test_denied_call_for_does_not_make_the_plan_hypothetical(note: str) -> None:
    assert order_of(note) is not None


def test_call_for_advice_stays_hypothetical() -> None:
    # controls: safety-netting told with "call for" still makes what follows hypothetical (never a red flag)
    for note in (
        TREATED + "Return precautions reviewed. Call for: new bone pain, headache, cough.",
        TREATED + "Please call for any of these: bone pain, shortness of breath, jaundice.",
        TREATED + "She knows to call for new back pain or headaches.",
    ):
        assert not symptom_codes(note) & {"bone_pain", "back_pain", "headache", "cough", "dyspnea", "jaundice"}, note
