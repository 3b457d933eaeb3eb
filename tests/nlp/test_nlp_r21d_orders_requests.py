"""Round 21d: the study considered now (`order`) and the patient's own request (`patient_preference`), as classes.

Orders:
- a payer's request title names the study asked for, its dash ending no request ("PA REQUEST - ...", "Prior auth -
  ...", "Utilization review: ..."); a title without a payer's word proposes nothing;
- a study written radiology-style stops at the verb that orders it ("MRI L-spine w/wo ordered, pt to go tonight");
- a study named with its tracer ("PET/CT w/ fluoroestradiol") is that tracer's study; contrast words change nothing;
- "+/-" ends no request ("axillary US +/- FNA requested"); the clinician who orders it after a dash ("- Dr. X ordering
  today", only where the order ends its clause).
Requests:
- her question asked pointedly ("asks directly whether she should have a PET scan"), through an interpreter; never
  with a relative asking beside her, and a plain "whether she should" stays a question;
- her request quoted after "asked" ("asked "can we just do the scans now?""), not a clinician's;
- her own words choosing a study ("Can I just do the MRI?", "I'd rather have the scan");
- a clinician's request further back in the clause ("Surgeon (Dr. X) concerned ... - requests MRI") is not hers.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLINIC = "58F, newly diagnosed R breast IDC 2.1 cm, grade 2, ER+ PR+ HER2-neg, cN0.\n"
SURV = "66F, L breast IDC 2018 s/p lumpectomy + RT, ER+ HER2-, on letrozole.\n"
MRI_BREAST = "MRI Breast Without and With IV Contrast"
MRI_HEAD = "MRI Head Without and With IV Contrast"
MRI_SPINE = "MRI Spine Without and With IV Contrast"
FES = "FES-PET/CT"
PET = "FDG-PET/CT Skull Base to Mid-Thigh"
BONE_SCAN = "Bone Scan Whole Body"


def order(note: str) -> str | None:
    return facts(note).get("order")


def asks(note: str) -> bool:
    return facts(note).get("patient_preference") == "requests_imaging"


# ---- a payer's request title
@given(
    st.sampled_from(
        [
            "PA REQUEST -",
            "Prior auth -",
            "Prior authorization request:",
            "Utilization Review -",
            "UR request -",
            "Precert request:",
            "PA review -",
        ]
    ),
    st.sampled_from(
        [
            ("MRI BRAIN W/O & W CONTRAST (CPT 70553)", MRI_HEAD),
            ("Breast MRI bilat w/o & w contrast (77049)", MRI_BREAST),
        ]
    ),
)
@PROPERTY
def test_a_payers_title_names_the_study_asked_for(title: str, study: tuple[str, str]) -> None:
    words, name = study
    note = f"{title} {words}\nMember: 52 yo female. Hx L breast IDC s/p lumpectomy 2019.\nCriteria met. Approved.\n"
    assert order(note) == name


def test_a_title_without_a_payers_word_proposes_nothing() -> None:
    note = "Radiology report - MRI BRAIN W/O & W CONTRAST\n61 yo female. Hx L breast IDC 2019.\nNo enhancing lesion.\n"
    assert order(note) is None


# ---- the verb that orders a radiology-style study
@given(
    st.sampled_from(["ordered", "requested", "ordered today"]),
    st.sampled_from([", pt to go tonight.", ", pt aware.", ", family updated."]),
)
@PROPERTY
def test_a_radiology_style_study_stops_at_its_order_verb(verb: str, tail: str) -> None:
    note = SURV + "Low back pain 4 wks, worse lying down.\n"
    note += "MD notified - MRI T-spine w/wo contrast " + verb + tail + "\n"
    assert order(note) == MRI_SPINE


def test_a_radiology_style_study_done_stays_done() -> None:
    note = SURV + "Low back pain 4 wks.\nMRI T-spine w/wo contrast 3/2/2024 showed degenerative change only.\n"
    assert order(note) is None


# ---- a study named with its tracer
@given(st.sampled_from(["PET/CT w/ fluoroestradiol", "PET/CT with FES", "PET/CT using FES", "PET-CT with FES"]))
@PROPERTY
def test_a_study_named_with_its_tracer_is_that_tracers_study(words: str) -> None:
    note = SURV + "Equivocal iliac focus on bone scan.\nPlan: " + words + " to characterise the bone lesion.\n"
    assert order(note) == FES


@given(st.sampled_from(["PET/CT with FDG", "PET/CT with contrast", "PET/CT w/ IV contrast"]))
@PROPERTY
def test_fdg_or_contrast_words_keep_the_usual_pet(words: str) -> None:
    note = CLINIC.replace("cN0", "cN2") + "Plan: " + words + " for staging.\n"
    assert order(note) == PET


# ---- cues the dashes cut off
def test_with_or_without_ends_no_request() -> None:
    note = CLINIC + "Dr. Lee felt a firm L axillary node on exam; "
    note += "axillary ultrasound +/- FNA requested - I booked it.\n"
    assert order(note) == "US Axilla"


@given(st.sampled_from(["Dr. Ambrose ordering today", "Dr Lee to order today", "Dr. Patel will order"]))
@PROPERTY
def test_the_clinician_who_orders_after_a_dash(words: str) -> None:
    note = SURV + "New dry cough on abemaciclib.\nRecommendations discussed in person 14:05:\n - HOLD abemaciclib.\n"
    note += f" - CT chest without contrast - {words}.\n"
    assert order(note) == "CT Chest Without IV Contrast"


def test_a_clinician_reviewing_a_study_after_a_dash_orders_nothing() -> None:
    assert order(SURV + "No complaints.\nCT chest 3/2 - Dr. Lee to review the results.\n") is None


def test_a_clinician_ordering_a_study_named_after_the_verb_is_read_forward() -> None:
    note = CLINIC + "Dense breasts (C) -- Dr. Imbert ordering bilat breast MRI w/wo contrast pre-op; pt booked 11/18.\n"
    assert order(note) == MRI_BREAST


# ---- the patient's own request
@given(
    st.sampled_from(
        [
            "Pt (through interpreter) asks directly",
            "She specifically asked",
            "Pt asked us explicitly",
            "Patient (via video interpreter) asked directly",
        ]
    ),
    st.sampled_from(["a PET scan", "a bone scan", "a CT scan"]),
)
@PROPERTY
def test_her_pointed_question_asks_for_the_study(who: str, study: str) -> None:
    assert asks(CLINIC + f"{who} whether she should have {study} before surgery. Explained not needed.\n")


def test_a_plain_question_or_one_asked_with_a_relative_is_no_request() -> None:
    assert not asks(CLINIC + "She asked whether she should have a bone scan before surgery. Explained not needed.\n")
    assert not asks(CLINIC + "Pt (and daughter) asked directly whether she should have a PET scan. Explained.\n")
    assert not asks(CLINIC + "Husband asked directly whether she should have a PET scan. Explained.\n")


@given(
    st.sampled_from(
        [
            'asked "can we just do the scans now',
            'asked: "could I get the MRI sooner',
            'asks, "can we please do the bone scan first',
        ]
    )
)
@PROPERTY
def test_her_request_quoted_after_asked(words: str) -> None:
    assert asks(CLINIC + f'Pt very anxious, {words}?" - told her it depends on the pathology.\n')


def test_a_clinicians_quoted_question_is_not_hers() -> None:
    assert not asks(CLINIC + 'Dr. Lee asked "can we do the scans now?" at the tumor board.\n')


@given(
    st.sampled_from(
        [
            "Can I just do the MRI?",
            "Could I have the scan instead?",
            "I'd rather have the MRI.",
            "I would rather get a scan than a needle.",
        ]
    )
)
@PROPERTY
def test_her_own_words_choosing_a_study(words: str) -> None:
    note = "Hi, I saw my mammogram says BI-RADS 4 and they want a biopsy. I really don't want a needle. " + words
    assert asks(note + " Thanks.\n")


def test_a_clinicians_request_further_back_in_the_clause_is_not_hers() -> None:
    note = CLINIC + "Pt prefers lumpectomy. Surgeon (Dr. Abernathy) concerned about extent - requests bilateral breast "
    note += "MRI w/o and w/ contrast before deciding.\n"
    assert not asks(note)
    assert order(note) == MRI_BREAST
    # her own request in the same words stays hers
    assert asks(CLINIC + "Seen with her surgeon's letter. She is anxious and requests a PET scan before surgery.\n")


# ---- a study set aside for another, or weighed against another; a symptom's condition stays the symptom's
def test_a_symptom_felt_only_at_times_is_still_present() -> None:
    # and a symptom named as the condition of a study to come stays hypothetical ("bone scan only if new bone pain")
    plan = CLINIC + "Plan: - Dr. Ahmadi requests staging CT chest/abdomen/pelvis with contrast; bone scan only if ALP "
    assert "bone_pain" not in facts(plan + "rises or new bone pain\n").get("symptoms", [])
    note = SURV + "She has pain in her R hip only if she walks far, new x 3 wks, wakes her at night.\n"
    assert "bone_pain" in facts(note).get("symptoms", [])


@given(st.sampled_from(["chosen over", "preferred over", "favoured over", "selected instead of"]))
@PROPERTY
def test_the_studies_set_aside_for_the_one_chosen(words: str) -> None:
    note = CLINIC.replace("cN0", "cN2") + f"Recommendation: FDG PET/CT for staging ({words} separate CT + bone scan "
    note += "given the travel), then chemo.\n"
    assert order(note) == PET


@given(st.sampled_from(["decide between", "choose between"]))
@PROPERTY
def test_two_studies_weighed_give_no_order(words: str) -> None:
    note = CLINIC.replace("cN0", "pN1a") + f"Follow-up: Dr. Varga to {words} CT C/A/P (needs premed) and PET/CT.\n"
    assert order(note) is None
