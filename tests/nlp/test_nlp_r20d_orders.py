"""Round 20d: the study a note considers now (`order`, annotation guide 2).

Classes:
- plan and request wordings: a study agreed to, recommended short ("Rec"), named as a question put to the team, asked
  for and not done at the visit, put in place of one asked for ("Instead ...");
- a study timed after a treatment ("post-RT mammogram") is dated by it, not done;
- studies done, declined or cancelled: cancelled past a clause about who ordered it, an order cancelled before another
  is placed, a study given up by agreement, a question about a study answered with reassurance, the studies a staging
  had so far ("restaging incomplete with bone scan only"), studies told done on a date with their result;
- study names the note reader missed though the order resolver reads them (CT thorax, abdomen & pelvis; tomo;
  radiographs of the spine, the hands or feet; abdominal (liver) ultrasound).
A study only said not to be indicated is still the one considered; two studies proposed give no order.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

BASE = "64F, L breast IDC 2019 s/p lumpectomy + RT, ER+ HER2-, on letrozole.\n"
MAMMO_DX = "Mammography Diagnostic"
BONE_SCAN = "Bone Scan Whole Body"
CT_CAP = "CT chest abdomen pelvis with IV contrast"
XRAY_BONE = "Radiography of Symptomatic Bones"


def order(note: str) -> str | None:
    return facts(note).get("order")


# ---- plan and request wordings
def test_a_study_agreed_to_is_considered() -> None:
    note = BASE + "She asks about tomo. Discussed. We agreed to a screening tomosynthesis next month.\n"
    assert order(note) == "Digital Breast Tomosynthesis Screening"


def test_a_study_agreed_to_skip_is_not() -> None:
    note = BASE + "Bone scan discussed; she agreed to skip the bone scan for now.\n"
    assert order(note) is None


def test_a_recommendation_written_short_proposes() -> None:
    assert order(BASE + "Tumour board: Rec bone scan to complete staging.\n") == BONE_SCAN
    # "rec'd" is received, not a recommendation
    assert order(BASE + "Rec'd bone scan report from outside hospital.\n") is None


@given(st.sampled_from(["re: bone scan question.", "re bone scan question;", "about the bone scan question,"]))
@settings(max_examples=10, deadline=None)
def test_a_study_named_as_a_question_to_the_team_is_asked_about(words: str) -> None:
    note = BASE + f"Daughter phoned. Message sent to the oncologist {words} Will call back.\n"
    assert order(note) == BONE_SCAN


def test_a_question_of_a_diagnosis_is_not_the_cue() -> None:
    note = BASE + "Bone scan 2023: question of a rib lesion, resolved on follow-up.\n"
    assert order(note) is None


def test_a_study_requested_and_not_done_at_the_visit_is_considered() -> None:
    note = BASE + "Plan:\n  [x] Diagnostic mammogram - requested (not done today, machine down)\n"
    assert order(note) == MAMMO_DX


def test_a_study_put_in_place_of_one_asked_for_is_the_one() -> None:
    note = (
        BASE + "She asked to have a breast MRI now; explained gadolinium is avoided in pregnancy. "
        "Instead diagnostic mammogram with shielding this month.\n"
    )
    assert order(note) == MAMMO_DX


# ---- a study timed after treatment
@given(st.sampled_from(["post-RT", "post RT", "post-radiation", "post-chemo"]))
@settings(max_examples=10, deadline=None)
def test_a_study_timed_after_treatment_is_not_done(when: str) -> None:
    note = BASE + f"Plan: {when} diagnostic mammogram L breast at 6 mo (order placed).\n"
    assert order(note) == MAMMO_DX


def test_a_study_done_after_treatment_stays_done() -> None:
    note = BASE + "Post-RT diagnostic mammogram 2024 showed post-treatment change only.\n"
    assert order(note) is None


# ---- done, declined, cancelled
def test_a_study_cancelled_past_a_clause_about_who_ordered_it() -> None:
    note = BASE + "The bone scan that the GP ordered when the pain began has been cancelled per Dr. Lim.\n"
    assert order(note) is None


def test_an_order_cancelled_before_another_is_placed_is_not_the_order() -> None:
    note = BASE + "Plan changed today: bone scan order cancelled and diagnostic mammogram ordered instead.\n"
    assert order(note) == MAMMO_DX


def test_a_study_given_up_by_agreement_is_not_considered() -> None:
    note = BASE + "Mammogram due; daughter asks if we can stop - agreed to discontinue screening mammography.\n"
    assert order(note) is None


def test_a_study_question_answered_with_reassurance_is_not_considered() -> None:
    note = BASE + "ED visit for a fall. Reassured re: bone scan question; a staging decision for her breast team.\n"
    assert order(note) is None


def test_a_study_only_not_indicated_is_still_considered() -> None:
    note = BASE + "She asked for a bone scan like last time. Bone scan not indicated per NCCN; will discuss again.\n"
    assert order(note) == BONE_SCAN


def test_a_request_after_a_no_stands() -> None:
    note = BASE + "Imaging to date: mammogram only. No bone scan.\nNew rib pain. Plan: bone scan ordered.\n"
    assert order(note) == BONE_SCAN


def test_studies_a_staging_had_so_far_are_done() -> None:
    note = (
        BASE + "Bone scan 11/05: no osseous mets.\nDiscussion: restaging incomplete with bone scan only.\n"
        "Recommendations:\n1. CT C/A/P w/ contrast.\n"
    )
    assert order(note) == CT_CAP


# ---- study names
@given(st.sampled_from(["CT thorax, abdomen & pelvis", "CT chest, abdomen + pelvis", "CT chest/abd & pelvis"]))
@settings(max_examples=10, deadline=None)
def test_ct_of_three_regions_joined_by_an_ampersand(name: str) -> None:
    assert order(BASE + f"REQUEST: {name} with IV contrast\nClinical details: rising ALP.\n") == CT_CAP


def test_tomosynthesis_written_short() -> None:
    assert order(BASE + "Plan: annual bilateral screening tomo due 03/2027 - order placed.\n") == (
        "Digital Breast Tomosynthesis Screening"
    )


@given(
    st.sampled_from(
        [
            "plain radiographs of the lumbar spine",
            "x-rays of the thoracic spine",
            "radiographs of both hands and feet",
            "bilateral hand x-rays",
        ]
    )
)
@settings(max_examples=10, deadline=None)
def test_radiographs_of_a_spine_segment_or_the_hands_and_feet(name: str) -> None:
    assert order(BASE + f"New aches. As a first step I have requested {name}.\n") == XRAY_BONE


def test_an_abdominal_ultrasound_with_its_organ_in_brackets() -> None:
    note = BASE + "Plan: abdominal (liver) ultrasound ordered, to be done before chemo start.\n"
    assert order(note) == "US Abdomen"


def test_two_studies_proposed_give_no_order() -> None:
    note = BASE + "Plan: abdominal (liver) ultrasound ordered; bone scan ordered.\n"
    assert order(note) is None


def test_joined_studies_told_done_on_a_date_with_their_result() -> None:
    note = BASE + "Plan:\n- MRI brain without contrast - ordered, urgent\n- CXR + abdominal US done 4/6: no mets\n"
    assert order(note) == "MRI Head Without IV Contrast"


def test_a_study_ordered_by_a_clinician_after_its_purpose() -> None:
    note = BASE + "R axillary US for reassessment of the clipped node after chemo ordered by Dr. Singh today.\n"
    assert order(note) == "US Axilla"


def test_a_result_reported_after_who_ordered_it_is_done() -> None:
    note = BASE + "Bone scan 11/05 (ordered by PCP for hip ache): no osseous mets.\n"
    assert order(note) is None


def test_a_study_named_after_who_requested_it() -> None:
    assert order(BASE + "Staging imaging requested by surgeon: bone scan - pending onc review\n") == BONE_SCAN
