"""Round 55n (v55 blind, the payer's side): a prior authorisation, a utilisation review, a peer-to-peer call, an appeal
or a letter of medical necessity is about one study, named in its title or first field. That study is the one
considered, whether approved, denied or judged not indicated (annotation guide 2, order); a study withdrawn or done
stays not the order, and two studies named together stay two. A study told done with its result (a quoted report
after its date, "no <finding>" after its colon) is no second study beside it."""

from __future__ import annotations

import pytest

from nlp_helpers import order_of

CASE = "61-year-old woman, newly diagnosed R breast IDC 1.6 cm, ER+/PR+/HER2-, axilla negative on US. No bone pain. "


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # a payer's title naming the study, then the case, denied as not indicated
        (
            "PRECERTIFICATION REVIEW - NM BONE SCAN WHOLE BODY\n" + CASE + "Determination: not medically necessary.",
            "bone_scan",
        ),
        # the study in the first field under a reviewer's heading
        (
            "Utilization review - physician reviewer J. Okafor, MD\n"
            "Service under review: PET/CT skull base to mid-thigh\n" + CASE + "Outcome: denied.",
            "pet_ct",
        ),
        # a member letter naming the request in its first sentence
        (
            "Dear Member,\nWe reviewed the request your doctor sent for an MRI of the brain with and without contrast. "
            + CASE
            + "The request is not approved.",
            "mri_head_wwo",
        ),
        # an appeal's title, the study approved in the end
        (
            "Appeal - CT chest with contrast (71260)\n" + CASE + "On appeal the denial was overturned.",
            "ct_chest_contrast",
        ),
        # a short authorisation line, a code after the name
        ("Auth request: US axilla left (76882). 55F, palpable L axillary node 1.8 cm, mobile.", "us_axilla"),
    ],
)
def test_the_study_a_payer_document_is_about_is_the_order(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # two studies named together in the title: two, no order
        "Prior auth request - CT chest/abdomen/pelvis w contrast + whole-body bone scan\n" + CASE,
        # the title's study withdrawn: not the order
        "P2P call 11/04 - reviewer and Dr. Ruiz\nOriginal request: FDG PET/CT. "
        + CASE
        + "PET/CT request withdrawn by the oncologist after the call.",
    ],
)
def test_two_or_withdrawn_studies_in_a_payer_document_leave_the_order_out(note: str) -> None:
    assert order_of(note) is None


def test_a_done_study_named_first_in_a_payer_document_stays_done() -> None:
    note = (
        "UM review 10/02\nCT chest/abdomen/pelvis 9/14: no distant metastases. "
        + CASE
        + "\nRequested: breast MRI bilateral w/wo contrast for extent."
    )
    assert order_of(note) == "mri_breast_wwo"


def test_an_ordinary_note_is_not_read_as_a_payer_document() -> None:
    # a clinic note whose history names a study first: the history is not a request
    note = "Family member drove her in. Bone scan 2023 negative. " + CASE + "Plan: surgery; no staging imaging."
    assert order_of(note) is None


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # a quoted report after a dated study: done, its question mark on the finding
        (
            "Prior auth: CT chest wo contrast (71250). 70F, hx R breast ca 2017. "
            'Chest film 10/30 "possible RLL nodule?". '
            "Creatinine 2.9.",
            "ct_chest_wo",
        ),
        # "no <finding>" after the study's colon: a report, though a question mark follows
        (
            "Expedited request: MRI brain w/wo contrast. 50F, new seizure. "
            'Outside CT head: no bleed, "?L parietal edema".',
            "mri_head_wwo",
        ),
    ],
)
def test_a_study_reported_with_its_result_is_no_second_study(note: str, study: str) -> None:
    assert order_of(note) == study


def test_a_study_whose_colon_names_its_preparation_stays_asked() -> None:
    # "no contrast" is how the study will be done, not what it found
    assert (
        order_of("68F, L breast ca 2019, new headache with vomiting. Plan: CT head: no contrast, tonight.") == "ct_head"
    )


def test_a_study_told_of_further_into_a_payer_call_is_not_its_subject() -> None:
    # no request on file; a study a friend mentioned, told of in the call's account, is no study asked for
    note = (
        "UM nurse call 11/02. Member phoned about coverage after her new diagnosis. " + CASE + "No request is on file. "
        "Her neighbour told her she should have a bone scan; advised her to discuss with her surgeon."
    )
    assert order_of(note) is None
