"""Round 23d: the study considered now (`order`) and the patient's own request (`patient_preference`), as classes.

Orders:
- the contrast of a study set off after its name by a comma, a bracket or a dash is its own ("MRI L-spine,
  non-contrast", "MRI of the thoracic spine (without contrast)", "CT chest/abdomen/pelvis - non-contrast"), never the
  name of the next study;
- "CECT chest, abdomen & pelvis"; "Advice on discharge:" is a plan; a request form's title set off by a dash.
Requests:
- the patient named as the one asking, her verb after her or after what is said of her and "and": a relative the
  sentence tells of does not make it the relative's; a relative or clinician as the subject still does;
- her own words asking to request a study or to come in for one, or pointing back at it; a question before the
  request ends the clause its asker is looked for in.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

PROPERTY = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SURV = "63F, R breast IDC 2017 s/p lumpectomy + RT, ER+ HER2-, completed anastrozole.\n"
CLINIC = "51F, newly diagnosed L breast IDC 2.4 cm, grade 2, ER+ PR+ HER2-neg, cN0.\n"
MRI_SPINE_WO = "MRI Spine Without IV Contrast"
MRI_SPINE_WWO = "MRI Spine Without and With IV Contrast"
CT_CAP = "CT chest abdomen pelvis with IV contrast"
CT_CAP_WO = "CT chest abdomen pelvis without IV contrast"


def order(note: str) -> str | None:
    return facts(note).get("order")


def asks(note: str) -> bool:
    return facts(note).get("patient_preference") == "requests_imaging"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["MRI thoracic spine", "MRI T-spine", "MRI of the thoracic spine", "MRI of her lumbar spine"]),
    st.sampled_from([", non-contrast", " (non-contrast)", " - unenhanced", ", without contrast", " (plain)"]),
)
def test_contrast_set_off_after_the_name_is_its_own(name: str, contrast: str) -> None:
    note = SURV + f"New mid-back pain x 4 wk, waking her at night.\nPlan: {name}{contrast}, to assess for mets.\n"
    assert order(note) == MRI_SPINE_WO


def test_contrast_set_off_with_contrast_and_never_the_next_study() -> None:
    assert order(SURV + "New back pain.\nPlan: MRI lumbar spine (with and without contrast).\n") == MRI_SPINE_WWO
    # the next study's name after the comma is not the first one's contrast: two studies, no single order
    assert order(SURV + "New back pain.\nPlan: MRI lumbar spine, contrast CT chest.\n") is None


def test_ct_non_contrast_after_a_dash() -> None:
    note = CLINIC + "Plan: staging CT chest/abdomen/pelvis - non-contrast given eGFR 29.\n"
    assert order(note) == CT_CAP_WO


def test_cect_with_ampersand_under_discharge_advice() -> None:
    note = CLINIC + "Advice on discharge:\n- Tab paracetamol\n- CECT thorax, abdomen & pelvis before next cycle\n"
    assert order(note) == CT_CAP


def test_request_title_set_off_by_a_dash() -> None:
    assert order("IMAGING REQUEST - CT chest, abdomen and pelvis with contrast\n" + CLINIC) == CT_CAP


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["Pt", "Patient", "She"]),
    st.sampled_from(["is asking for", "requested", "has asked for"]),
    st.sampled_from(["as her aunt had one", "because her friend had one last year", "like her neighbour got"]),
)
def test_named_asker_keeps_her_request_past_a_relative(who: str, verb: str, tail: str) -> None:
    assert asks(SURV + f"{who} {verb} a PET scan {tail}.\n")


def test_named_asker_after_what_is_said_of_her() -> None:
    note = SURV + "Pt is very anxious (mother died of ovarian ca) and asks for a CT scan before her next visit.\n"
    assert asks(note)
    note = SURV + "She was tearful today and asked whether she should have a bone scan to be on the safe side.\n"
    assert asks(note)


def test_relative_or_clinician_asking_is_not_her() -> None:
    assert not asks(SURV + "Her daughter is anxious and asks for a PET scan.\n")
    assert not asks(SURV + "Dr Reyes asked whether she should have a CT to be sure.\n")
    # the bare question whether she needs one stays a question (round 16e)
    assert not asks(SURV + "Pt asks whether she should have a bone scan.\n")


def test_own_words_request_or_come_in() -> None:
    assert asks("Hi doctor, my hip has been aching. Could I request an x-ray of it please?")
    assert asks("My armpit feels lumpy again. Can I come in for an ultrasound this week?")
    assert asks("I keep worrying about my chest. Should I get a chest x-ray? I would feel better if I did.")


def test_question_before_ends_the_askers_clause() -> None:
    note = "My friend gets scans all the time. Why don't I? Could you order me a bone scan before my checkup?"
    assert asks(note)
