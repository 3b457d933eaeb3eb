"""Order-name classes found by the v23 blind order list (order names retold outside radiology), in our own words.

Patient-facing names (the "magnet scan", the dye or an injection into a vein for contrast, a radioactive tracer for
a nuclear-medicine scan, an X-ray of the lungs), what a portal list or a reminder writes around the study (the
reminder, the booking, the preparation, the day, what to bring), premedication and contrast hives, and the treated
or operated breast. Each class with the wordings that must still ask.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.order_typos import _contrast_words, _joining_words
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ patients' names of the study and of contrast
@case(
    [
        ("Magnet scan of the right breast with dye", "mri_breast_wwo"),
        ("Your appointment: magnetic scan of both breasts with an injection of contrast dye", "mri_breast_wwo"),
        ("CT of your belly and pelvis with dye injected into your vein", "ct_abdomen_pelvis_contrast"),
        ("CT scan of the stomach and pelvis with an iodine dye injection", "ct_abdomen_pelvis_contrast"),
        ("CT chest with an injection of contrast", "ct_chest_contrast"),
        ("Mammogram with iodine dye (contrast mammogram)", "mammo_contrast"),
        ("Mammogram with an injection of dye, both breasts", "mammo_contrast"),
        ("CT-TAP injected", "ct_cap_contrast"),  # "injected" is the contrast-enhanced study, as before
        ("A scan where a radioactive tracer is injected to look at your bones", "bone_scan"),
        ("Radioactive tracer scan of the whole skeleton", "bone_scan"),
        ("Bone scan: a small amount of radioactive tracer is injected into a vein", "bone_scan"),
        ("Bone scan - injection into a vein, returns 3 hours later", "bone_scan"),  # the tracer's injection
        ("PET scan with a radioactive tracer injected into a vein, nothing to eat for 6 hours", "pet_ct"),
        ("X-ray of your lungs", "xray_chest"),
        ("Chest X-ray (lungs) - walk in, no appointment necessary", "xray_chest"),
    ]
)
def test_patient_words_name_the_study_and_its_contrast(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Magnet scan of both breasts",  # the contrast not stated: it decides the breast MRI
        "Magnet scan of both breasts - with or without dye",  # a choice
        "Your upcoming test: CT scan of your chest with or without dye",
        "MRI of your brain - you will have an injection into a vein in your arm",  # which injection: not read
        "CT of your chest - you will be given an injection",  # which injection: unread as contrast
        "Radioactive iodine scan",  # the thyroid's, not a bone scan
        "Radioactive tracer scan of your bones and a CT of your chest",  # two studies
        "X-ray of the lungs and ribs",  # the chest and a bone: two studies
        "US breast - injection",  # a procedure
        "US-guided injection into the vein",
        "CT body with contrast",  # "body" names no region
        "CT body staging",
    ],
)
def test_patient_words_still_ask_where_the_order_leaves_it_open(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ reminders, bookings and preparation
@case(
    [
        ("Reminder: Diagnostic mammogram of the left breast is due in 6 months - book online", "mammo_diagnostic"),
        ("Reminder - your annual screening mammogram (both breasts) is due. Book online.", "mammo_screening"),
        ("Upcoming appointment: Breast ultrasound, left - Mon 9:15 am - no preparation required", "us_breast"),
        ("Upcoming: CT chest with IV contrast - Wed 2:30 pm, nothing to eat, bring medicines", "ct_chest_contrast"),
        ("Screening mammogram - Thurs 10am, no deodorant or talc", "mammo_screening"),
        ("Mammogram with dye injection - bring a list of your medicines", "mammo_contrast"),
        ("US left breast Fri 8:00 - no prep needed", "us_breast"),
        ("Your upcoming test: bone scan - walk-in, no booking needed", "bone_scan"),
    ]
)
def test_what_a_portal_or_a_reminder_writes_around_the_study_is_not_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: mammogram is due - book online",  # screening or diagnostic: the reminder does not say
        "Your upcoming tests: mammogram and ultrasound of the left breast",  # two studies
        "Upcoming: CT chest - Tues 9 am, nothing to eat for 4 hours before",  # the contrast not stated
        "Your upcoming test: MRI breast - no preparation needed",
    ],
)
def test_a_reminder_never_settles_what_the_order_leaves_open(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        ("Reminder: MRI breasts with contrast new lump", "mri_breast_wwo"),
        ("Your upcoming test: CT chest with contrast known breast cancer", "ct_chest_contrast"),
        ("Appointment reminder: MRI of both breasts with contrast on Friday at 8:30 am", "mri_breast_wwo"),
        ("Upcoming - bone scan on Monday", "bone_scan"),
    ]
)
def test_a_label_that_states_nothing_is_not_the_study_part(text: str, pid: str | None) -> None:
    """A leading label of filler words alone ("Reminder:") is set aside like a leading indication, so a clinical word
    in the study's own segment is still read as the study's indication."""
    assert study(text) == pid, interpret(KB, text)


def test_a_leading_status_is_no_label() -> None:
    """A leading "Declined:" states the order's status: it is still read."""
    assert interpret(KB, "Declined: MRI breast with contrast").order_status == "declined"
    assert interpret(KB, "Reminder: declined MRI breast with contrast").order_status == "declined"


# ------------------------------------------------------------------ premedication and contrast hives
@case(
    [
        ("CT chest abdomen pelvis with contrast - needs steroid premedication (previous reaction)", "ct_cap_contrast"),
        ("CT chest abdomen pelvis with contrast - hives to iodine dye last year", "ct_cap_contrast"),
        ("CT CAP w IV contrast, premed per protocol", "ct_cap_contrast"),
    ]
)
def test_a_stated_contrast_stands_beside_premedication(text: str, pid: str | None) -> None:
    reading = interpret(KB, text)
    assert study(text) == pid, reading
    assert reading.contrast_question, reading  # the reaction is still shown


@pytest.mark.parametrize(
    "text",
    [
        "CT chest abdomen pelvis - premedicate, prior contrast hives",
        "MRI breast bilateral - premedication for gadolinium hives",
        "CT chest - urticaria after contrast",
    ],
)
def test_premedication_never_lets_a_contrast_be_assumed(text: str) -> None:
    reading = interpret(KB, text)
    assert study(text) is None, reading
    assert reading.contrast_question, reading


# ------------------------------------------------------------------ the treated or operated breast
@case(
    [
        ("Follow-up diagnostic mammogram of the treated (left) breast in 6 months", "mammo_diagnostic"),
        ("Diagnostic mammogram of the operated right breast in 12 months", "mammo_diagnostic"),
        ("Ultrasound of the treated (right) breast", "us_breast"),
    ]
)
def test_the_treated_breast_is_the_breast_its_side_names(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Follow-up mammogram of the operated (right) breast in 12 months",  # screening or diagnostic?
        "Mammogram of the treated breast",
        "Follow-up diagnostic mammogram of the treated (left) breast and ultrasound in 6 months",  # two studies
        "Follow-up mammogram or ultrasound of the treated (left) breast in 6 months",  # a choice
    ],
)
def test_the_treated_breast_never_settles_the_intent(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ the vocabulary's run-together words
def test_the_new_forms_make_no_joining_or_contrast_word_of_a_short_word() -> None:
    """A form with "a" or "is" between two longer words would make it a joining word ("avoid" = "a" + "void"), and
    a single-word "is" or a contrast form with "of" a contrast word run on ("tomosynthisis")."""
    vocab = KB.vocabulary
    assert not {"a", "is"} & _joining_words(vocab)
    assert not {"a", "is", "of"} & _contrast_words(vocab)
    assert study("tomosynthisis diag R breast URGENT") == "dbt_diagnostic"
    assert study("PET scan. Do not eat for 6 hours; avoid exercise the day before.") == "pet_ct"
