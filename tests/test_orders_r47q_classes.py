"""Order-name classes of the v44 blind order list (round 47q), in other wordings than the list's, with their controls.

1. A name cut short by an ellipsis right after a contrast timing, or after its first letters ("W...", "wit..."), says
   neither with, without nor with-and-without: the order asks. A statement closed before the cut keeps its reading.
2. A booked study the patient did not come to ("no-show", "did not attend") and that is not rebooked is no study to do
   now, like a cancelled one; rebooked or rescheduled, it is the study again.
3. An after-visit summary's lay words: a scan of her bones (the bone scan), dye-free (without contrast), the lymph
   nodes under her right or left arm (that axilla), the lump she felt and a closer look (a diagnostic mammogram), where
   it hurts or is sore (the complaint).
4. A breast MRI that plans a biopsy (or the surgery) is the contrast-enhanced study, shown as an assumption; a stated or
   questioned contrast keeps its own, and the MRI-guided biopsy itself is no catalogue study.
5. A protocoling exchange: the order quoted back ("order reads ...") names the study, and the reply after its label
   ("Reply:", "Answer:") answers the question: yes is the timing asked about, another timing is that timing, no asks.
6. What a study is to settle ("to confirm", "to establish", "to clarify") opens what it is for: a part named after it
   is the site, not the field ("FES PET to confirm ..."). A research protocol and the patient's consent name no study.
7. A study done, with its result (stable, equivocal, indeterminate, a BI-RADS category, an uptake), followed by the one
   ordered now ("please order ...", "f/u <study>", "callback for <study>"): the one ordered now. The done study alone
   stays unresolved, offered with its status; a result word after a reason ("for equivocal lesions") is the purpose.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("MRI BRAIN W...", None),
        ("CT ABD/PELVIS WO...", None),
        ("CT C/A/P WITH\u2026", None),  # a routine contrast is never assumed behind a cut
        ("CT THORAX W/O...", None),  # "w/o" may go on "& w contrast"
        ("CT CHEST W/...", None),
        ("MRI L-SPINE W/ AND...", None),
        ("CT NECK WIT...", None),
        ("MR BREAST BILAT WITHO... (staging)", None),
        ("MRI BRAIN W/ & W/O...", "mri_head_wwo"),  # both phases stated before the cut
        ("CT CHEST W CONTRAST...", "ct_chest_contrast"),  # the noun closes the statement
        ("CT HEAD NON-CON...", "ct_head"),
        ("CT CHEST W CONTRAST", "ct_chest_contrast"),  # controls without a cut: as before
        ("CT Chest w", "ct_chest_contrast"),  # the Playbook's short name
        ("US BREAST LEFT...", "us_breast"),  # a cut after another word changes nothing
    ]
)
def test_a_cut_after_a_contrast_word_is_no_contrast_choice(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_the_cut_contrast_asks_between_the_contrast_studies() -> None:
    reading = interpret(KB, "CT CHEST W...")
    assert reading.status == "ambiguous" and reading.missing == ("contrast",)
    assert {p.id for p in reading.choices} == {"ct_chest_contrast", "ct_chest_wo"}


@case(
    [
        ("US L axilla - pt did not attend, not rebooked", None),
        ("CT CAP w contrast: no-show x2, will not be rescheduled", None),
        ("MRI brain w/wo - patient failed to attend", None),  # not rebooked: not to be done now
        ("Bone scan - DNA'd", None),
        ("NM bone scan whole body - no show 2/11, rebooked 2/18", "bone_scan"),  # rebooked: the study again
        ("Diagnostic mammo R - missed appointment, rescheduled to next Tues", "mammo_diagnostic"),
        ("CT chest w/o - pt no-show, please reschedule", "ct_chest_wo"),
        ("Bone scan rescheduled to Friday", "bone_scan"),  # a study moved, nothing missed: as before
        ("PET/CT - pt wants to move it to next week", "pet_ct"),
    ]
)
def test_a_missed_study_not_rebooked_is_not_ordered(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_missed_study_is_offered_with_its_status() -> None:
    reading = interpret(KB, "Bone scan - pt did not attend, not rescheduled")
    assert reading.status == "ambiguous" and reading.order_status == "declined"
    assert [p.id for p in reading.choices] == ["bone_scan"]


@case(
    [
        ("We have booked a scan of all of your bones next week.", "bone_scan"),
        ("Your doctor ordered scans of your bones because of your back pain.", "bone_scan"),
        ("A scan of the bones of your left hand", None),  # one part's bones: not the whole-body scan
        ("A bone density scan of your hip", None),
        ("Your care team wants a dye-free CT of your chest.", "ct_chest_wo"),
        ("An MRI of your belly, dye-free", None),  # the abdomen MRI is a with-and-without study only
        ("You are booked for a dye free breast MRI.", "mri_breast_wo"),
        ("Your next test is an ultrasound under your left arm.", "us_axilla"),
        ("An ultrasound of the glands under her right arm", None),  # "glands" unread: asks
        ("A mammogram of your right breast to look more closely at the lump she felt", "mammo_diagnostic"),
        ("A 3D mammogram because of the lump I found", "dbt_diagnostic"),
        ("Your yearly mammogram - no closer look needed", None),  # denied: never the diagnostic one
        ("Your yearly mammogram, a closer look is not needed", None),
        ("Screening mammogram and a closer look at the lump you felt", None),  # two intents: asks
        ("A mammogram", None),  # control: no sign, no intent
        ("An x-ray of your left knee where it is sore", "xray_bone"),
        ("An X-ray of your shoulder that hurts", "xray_bone"),
        ("An X-ray where it hurts", None),  # no part named
    ]
)
def test_after_visit_words_name_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MRI R breast for biopsy planning", "mri_breast_wwo"),
        ("Breast MR - bx planning protocol, 11 o'clock NME", "mri_breast_wwo"),
        ("MRI both breasts - surgical planning, new ILC", "mri_breast_wwo"),
        ("MRI breast biopsy planning without contrast", "mri_breast_wo"),  # a stated contrast keeps its own
        ("MRI breast bx planning, eGFR 24", None),  # a questioned contrast asks
        ("MRI-guided breast biopsy L", None),  # the procedure itself
        ("MR BREAST BIOPSY LEFT", None),
        ("US R breast - biopsy planning", "us_breast"),  # no contrast axis: the ultrasound
        ("CT chest biopsy planning", None),  # the CT's contrast is still unstated
        ("MRI breast", None),  # control: no purpose, no contrast
    ]
)
def test_a_breast_mri_that_plans_a_biopsy_is_the_contrast_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_the_biopsy_planning_contrast_is_shown_as_an_assumption() -> None:
    reading = interpret(KB, "MRI L breast for biopsy planning")
    assert any("biopsy_planning" in note for note in reading.assumed), reading.assumed


@case(
    [
        (
            "Protocoling: the order reads 'CT abd/pelvis' - OK to protocol with IV contrast? Answer: yes",
            "ct_abdomen_pelvis_contrast",
        ),
        ("Protocol question: order says MRI L-spine. OK to do pre and post gad? Reply: yes", "mri_spine_wwo"),
        ("MRI L-spine - OK to do pre and post gad? Reply: no", None),  # the question left open: asks
        ("MRI brain, mets - OK to protocol w/wo gad? Reply: non-con only", "mri_head_wo"),  # the reply's own timing
        ("MRI brain - OK to protocol w/wo gad? Radiologist: w/o only", "mri_head_wo"),
        ("MRI brain - OK to protocol w/wo gad? Dr Lee: no", None),  # a name before the answer: not read as a reply
        ("MRI brain - OK to protocol as pre and post gad? Reply: per neuro-rad, non-con only", "mri_head_wo"),
        ("MRI brain - OK to protocol w/wo gad? Reply: let me check", None),
        ("MRI brain w/wo ? mets", "mri_head_wwo"),  # the study's own timing before a query: as before
        ("order reads 'MRI brain'", None),  # the contrast is still unstated
        ("CT chest - Contrast: w/o", "ct_chest_wo"),  # a field answered with a timing written with a slash
    ]
)
def test_a_protocoling_reply_settles_the_question(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("FES PET/CT to establish ER status of the bone lesions", "fes_pet"),
        ("Fluoroestradiol PET to confirm ER positivity of the lung nodules", "fes_pet"),
        ("PET/CT to determine the extent of liver metastases", "pet_ct"),
        ("MRI brain w/wo to confirm the cerebellar lesion", "mri_head_wwo"),
        ("Bone scan 9:00 Tuesday - reply Y to confirm", "bone_scan"),  # a letter's reply: as before
        ("PSMA PET to confirm nodal disease", None),  # another tracer: still none
        ("US to confirm the liver lesion", None),  # the liver is the site; the ultrasound names no part
    ]
)
def test_what_a_study_is_to_settle_opens_its_purpose(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("FDG PET/MR - research protocol, informed consent obtained", "pet_mri"),
        ("PET-MR whole body; pt consented for research scan", "pet_mri"),
        ("Breast MRI w/wo - consent signed", "mri_breast_wwo"),
        ("PET/MR with research tracer, consent signed", None),  # an investigational tracer still asks
        ("MRI breast, research protocol", None),  # the contrast is still unstated
    ]
)
def test_a_research_protocol_and_consent_name_no_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MRI brain 5/2025 stable; please book repeat MRI brain w/wo in 3 months", "mri_head_wwo"),
        ("Bone scan indeterminate L4 - f/u MRI L-spine w/wo", "mri_spine_wwo"),
        ("CT chest 4/2025 indeterminate nodule - follow-up CT chest w/o in 3 months", "ct_chest_wo"),
        ("Screening mammogram 1/2026 BI-RADS 0. Recall for diagnostic mammogram R", "mammo_diagnostic"),
        ("Bone scan 3/2026 focal uptake R 5th rib; order XR R ribs", "xray_bone"),
        ("CT CAP 11/2025 stable", None),  # the done study alone
        ("Bone scan equivocal at L2", None),
        ("Screening mammo 1/2026 BI-RADS 0", None),
        ("FES PET for equivocal bone lesions", "fes_pet"),  # a reason's result word: what the study is for
        ("diagnostic mammo left, f/u BI-RADS 3", "mammo_diagnostic"),
        ("CT chest w/o - f/u stable nodule", "ct_chest_wo"),
        ("US R breast - f/u mammo asymmetry", "us_breast"),  # the earlier study named after f/u: as before
        ("Bone scan equivocal at T8 - f/u MRI or CT", None),  # two studies still offered
        ("CT CAP stable; bone scan equivocal - f/u PET/CT", "pet_ct"),
    ]
)
def test_a_done_study_then_the_one_ordered_now(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
