"""Order-name classes found by the v28 blind order list (the order as written about outside the order screen: plans,
tumour-board outcomes, appointment letters and text reminders, leaflets, translated names, navigators' notes), in our
own words, never the list's lines.

Scheduling and messaging chatter around a clear study name (the month, the weekday, the next visit, a reply to confirm,
the place, the van, the family doctor, the prior authorisation done) states nothing about the study. A result or a
reason after the name is the indication; a study the text says is done, declined or cancelled is still offered with its
status and never resolved (round 26o). Patients' and navigators' lay words for regions, contrast and studies; the
mammogram's 3D, 2D, contrast and recall wordings; Spanish names with their intravenous route and "con tomosintesis";
"Plan:" before the study; "pt" before what the patient is getting is the patient. Each class with the wordings that
must still ask: two studies named, a study outside the catalogue, a supply code alone, a change with no new study.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ 1. scheduling and messaging chatter
@case(
    [
        (
            "Text reminder: MRI L-spine without contrast on Thursday at 10:40 AM, Main Imaging. Reply Y to confirm.",
            "mri_spine_wo",
        ),
        ("MRI brain w/o on Friday - reply C to confirm or X to cancel", "mri_head_wo"),
        ("bone scan next Wednesday, arrive early, reply 1 to confirm", "bone_scan"),
        ("3D screening mammogram in October on the mobile van - will send reminder", "dbt_screening"),
        ("Continue yearly screening mammography every year with your family doctor", "mammo_screening"),
        ("pt having a CT of the chest with the dye on Monday, prior auth done", "ct_chest_contrast"),
        ("CT head without contrast set for Tues morning, imaging centre", "ct_head"),
        ("PET/CT for restaging, no food 6 hours before, glucose checked on arrival", "pet_ct"),
        ("Plan: bone scan prior to next clinic visit", "bone_scan"),
        ("Order: MRI brain w wo", "mri_head_wwo"),
        # two studies, a study outside the catalogue, a supply code alone, a change with no study after it: still ask
        ("Reminder: CT chest w contrast and MRI brain on Mon. Reply C to confirm.", None),
        ("Plan: MRI breast and CT chest next visit", None),
        ("Reminder: DEXA scan on Mon. Reply C to confirm.", None),
        ("Reminder: breast biopsy on Thursday at 9 AM, Main Imaging", None),
        ("A9585 next Tuesday", None),
        ("changed from PET/CT, next Tuesday", None),
        ("pt getting bone scan and CT CAP next week", None),
    ]
)
def test_scheduling_and_messaging_words_state_nothing_about_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("pt wants to cancel MRI brain w/o", None),
        ("MRI brain w/o - pt needs to cancel", None),
        ("MRI brain w/o done, prior auth done", None),
        ("Plan: cancel the bone scan", None),
        ("Declined: MRI breast w/wo", None),
    ]
)
def test_a_cancellation_or_a_study_done_beside_the_chatter_still_asks(text: str, pid: str | None) -> None:
    reading = interpret(KB, text)
    assert study(text) == pid
    assert reading.order_status in ("done", "declined")
    assert reading.missing == ("status",) and len(reading.choices) == 1


def test_a_prior_authorisation_done_is_not_the_study_done() -> None:
    reading = interpret(KB, "MRI brain w/o, prior auth done")
    assert reading.status == "resolved" and reading.order_status == "proposed"


# ------------------------------------------------------------------ 2. a result or a reason after the name
@case(
    [
        ("CT chest abdomen pelvis with contrast given prior anaphylaxis to iodinated contrast", "ct_cap_contrast"),
        ("MRI brain without contrast given her kidneys", "mri_head_wo"),
        ("CT abdomen and pelvis, no dye because of his kidneys", "ct_abdomen_pelvis_wo"),
        ("Tumor board recommended MRI breast with gadolinium", "mri_breast_wwo"),
        ("contrast-enhanced mammography as an alternative, MRI contraindicated (defibrillator)", "mammo_contrast"),
        ("bone scan prior to surgery", "bone_scan"),
        # a study declined beside the one ordered: the ordered one
        ("CT head without contrast ordered, pt declined MRI", "ct_head"),
        # kidneys named as the reason leave the contrast to ask; two studies recommended ask
        ("CT abdomen and pelvis because of her kidneys", None),
        ("Tumour board recommended MRI and PET", None),
        ("CT C/A/P given prior anaphylaxis to contrast", None),
    ]
)
def test_a_reason_after_the_study_is_its_indication(text: str, pid: str | None) -> None:
    assert study(text) == pid


@pytest.mark.parametrize(
    "text",
    [
        "bone scan done 3/4 - negative for metastases",
        "PET/CT completed last week - FDG avid right axillary node",
        "Cancelled: breast MRI with contrast (pacemaker)",
        "pt declined the CT of her belly with the dye",
    ],
)
def test_a_study_done_declined_or_cancelled_with_its_result_is_offered_not_resolved(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert reading.order_status in ("done", "declined")


# ------------------------------------------------------------------ 3. lay words
@case(
    [
        ("ultrasound of the lump in her armpit next Monday", "us_axilla"),
        ("ultrasound under your arm", "us_axilla"),
        ("US of the lump under his arm", "us_axilla"),
        ("x-ray of the lower back", "xray_bone"),
        ("MRI of the lower back without contrast", "mri_spine_wo"),
        ("CT of his chest with the dye next Tuesday", "ct_chest_contrast"),
        ("MRI breast with the dye", "mri_breast_wwo"),
        ("a tracer is injected and pictures of your whole skeleton are taken 3 hours later", "bone_scan"),
        ("tracer injected 9 am, pictures of the whole skeleton at noon", "bone_scan"),
        ("PET body scan on Friday", "pet_ct"),
        # a complaint of the lower back is no region imaged; two regions, the heart's tracer study: ask
        ("MRI for lower back pain", None),
        ("US of the lump under her arm and the breast", None),
        ("a tracer is injected, then pictures of your heart", None),
        ("US of the kidneys", None),
        ("CT chest with the CAD", None),
    ]
)
def test_patients_and_navigators_lay_words(text: str, pid: str | None) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ 4. the mammogram's 3D, 2D, contrast and recall
@case(
    [
        ("annual screening 3D mammogram in September", "dbt_screening"),
        ("screening mammogram 2D only, will send reminder", "mammo_screening"),
        ("pt overdue for her 2D screening mammogram", "mammo_screening"),
        ("contrast-enhanced mammography booked for next Tuesday", "mammo_contrast"),
        ("pt recalled from screening, dx mammo R breast next Friday", "mammo_diagnostic"),
        ("recalled from screening, diagnostic mammogram with tomosynthesis (3D) left", "dbt_diagnostic"),
        # no intent stated; 2D and 3D both named: ask
        ("3D mammogram in October at the mobile van", None),
        ("mammogram 2D and 3D next Monday", None),
    ]
)
def test_mammogram_wordings(text: str, pid: str | None) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ 5. Spanish (and French) names
@case(
    [
        ("RM de cráneo con contraste endovenoso", "mri_head_wwo"),
        ("TC de tórax con contraste intravenoso", "ct_chest_contrast"),
        ("Mamografía de cribado con tomosíntesis", "dbt_screening"),
        ("Mamografía diagnóstica con tomosíntesis, mama izquierda", "dbt_diagnostic"),
        ("TDM thoracique avec injection intraveineuse", "ct_chest_contrast"),
        # "con" before a contrast noun is still the contrast; no intent stated asks
        ("Mamografía bilateral con contraste", "mammo_contrast"),
        ("Mamografía con tomosíntesis", None),
        ("TC de abdomen y pelvis, contraste intravenoso o sin contraste", None),
    ]
)
def test_spanish_routes_and_tomosynthesis(text: str, pid: str | None) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ 6. the study ordered in other words
@case(
    [
        ("Plan: annual screening breast MRI with gadolinium", "mri_breast_wwo"),
        ("Continue annual screening MRI of the breasts with gadolinium every year", "mri_breast_wwo"),
        ("pt getting the CT of her chest, belly and pelvis with the dye on Thursday", "ct_cap_contrast"),
        ("MRI head w/o - no injection needed", "mri_head_wo"),
        ("CT head without contrast, no IV needed", "ct_head"),
        ("Appointment letter: MRI brain without contrast - no preparation", "mri_head_wo"),
        ("will get a bone scan prior to next appointment", "bone_scan"),
        ("pt scheduled for the body PET next Wednesday", "pet_ct"),
        ("PT skull base to mid thigh", "pet_ct"),
        # an MRI with no region, a breast MRI with no contrast, an answered-no contrast: ask
        ("pt getting an MRI next week", None),
        ("Plan: breast MRI next visit", None),
        ("MRI brain, contrast: no", "mri_head_wo"),
        ("CT chest, IV contrast? [ ] yes [x] no", "ct_chest_wo"),  # round 31o: the ticked box is read
    ]
)
def test_the_study_in_plans_letters_and_navigators_words(text: str, pid: str | None) -> None:
    assert study(text) == pid
