"""Round 57n (v57 blind, hands cr / cs / ct): who asks for the study (patient_preference) and the setting in
specialist, nursing and allied-health writing. A clinician's request is not the patient's; her own request told after
an aside, pointing back at a relative's study, or asked politely is hers. A new finding in the treated breast, scar,
chest wall or armpit in a nurse's or a therapist's words is a suspected local recurrence; a breast operation for
another purpose treats no cancer; another cancer's surveillance is not the breast cancer's. New wordings, not the
set's sentences, with controls that must keep their reading."""

from __future__ import annotations

import pytest

from nlp_helpers import facts

# ---------------------------------------------------------------- a clinician's request is not the patient's


@pytest.mark.parametrize(
    "text",
    [
        # the request opening its sentence, the study given with its contrast or protocol
        "72F, R ILC 2016, mastectomy, on letrozole until 2021. New epigastric fullness for a month.\n"
        "Requesting MRI liver with and without gadolinium.",
        "Rad onc: agree with RT. Med onc: stage II. Would like a CT chest w/ IV contrast before starting docetaxel.",
        "Surgeon: extent unclear on mammogram. Wants contrast-enhanced breast MRI before choosing the operation.",
        # or asked for a clinical purpose, after an arrow
        "Sclerotic focus L iliac bone on CT, indeterminate -> requesting bone scan to characterise.",
        "Solitary 8 mm RLL nodule on surveillance CT.\nRequesting PET/CT to evaluate for metastatic disease.",
    ],
)
def test_clinicians_request_is_no_patient_preference(text: str) -> None:
    assert facts(text).get("patient_preference") is None


@pytest.mark.parametrize(
    "text",
    [
        "Dear Dr Ames,\nThank you for seeing Mrs Vale, 61, treated for R IDC in 2018. On exam a firm R axillary node. "
        "I'd like an axillary ultrasound and FNA.\nYours sincerely,",
        "Referral to breast imaging. My exam: no masses, no nodes. Before the operation I would like a breast MRI.",
    ],
)
def test_first_person_in_a_clinicians_letter_is_the_writers(text: str) -> None:
    assert facts(text).get("patient_preference") is None


@pytest.mark.parametrize(
    "text",
    [
        # controls: her own request keeps its reading
        "Pt very anxious about her new diagnosis. Wants a PET scan to be sure it has not spread.",
        "Pt concerns: requests a PET scan before starting chemo.",
        "hi its Rosa, I had my lumpectomy last spring. I want a PET scan, please.",
        # in a clinician's letter, her words quoted or told as hers stay hers
        'Thank you for seeing her. She said "I want a PET scan to be sure" and I promised to ask you.',
    ],
)
def test_patients_own_request_is_kept(text: str) -> None:
    assert facts(text).get("patient_preference") == "requests_imaging"


def test_radiologists_request_is_never_the_patients() -> None:
    # control: a radiologist recommending a study
    assert facts("Radiologist requests breast MRI with contrast for extent.").get("patient_preference") is None


# ---------------------------------------------------------------- her request told in other words


@pytest.mark.parametrize(
    "text",
    [
        "58F with new L IDC. She was tearful and asked us specifically for a bone scan.",
        "Pt has asked (through the interpreter) for a full body scan.",
        "Her cousin had an MRI of both breasts when she was diagnosed and pt wants the same: she is worried.",
        "my surgery was in June and I feel well. Is it possible to get a CT scan just for peace of mind?",
    ],
)
def test_her_request_after_an_aside_is_read(text: str) -> None:
    assert facts(text).get("patient_preference") == "requests_imaging"


def test_his_request_after_an_aside_in_a_mans_note() -> None:
    text = "68-year-old man with a R retroareolar IDC. He is worried and asked me directly for a PET scan."
    assert facts(text).get("patient_preference") == "requests_imaging"


@pytest.mark.parametrize(
    "text",
    [
        # controls: someone else asking alongside her, a study for another patient, a man in a woman's note
        "Her daughter (a nurse) asked for a PET scan for her mother.",
        "Is it possible to get a CT scan for her before clinic?",
        "62F with new R IDC. Her husband is anxious and asked me for a PET scan.",
    ],
)
def test_someone_elses_request_is_not_hers(text: str) -> None:
    assert facts(text).get("patient_preference") is None


# ---------------------------------------------------------------- a new local finding in nursing / therapist wording


@pytest.mark.parametrize(
    "text",
    [
        # a size with a decimal point between the verb and the lump
        "Physio note. 59F, R mastectomy + ALND 2019. During scar massage felt a hard ~2.5 cm lump R axilla, "
        "fixed. Not there last month.",
        # a pimple or sore on the chest wall
        "61 yo F, L mastectomy 2017 for IDC, no reconstruction. Has a sore that won't heal on the L chest wall "
        "near the scar x 2 months.",
        # a firm area felt at the scar
        "Navigator call: 57F, R lumpectomy + RT 2020 for IDC, on anastrozole. She has felt a hard area along her "
        "scar for 3 weeks.",
        # a question opening the next sentence
        "US L breast - 52F, felt a lump at 2:00, 1 yr after L lumpectomy + RT. ?recurrence vs seroma.",
    ],
)
def test_new_finding_in_treated_breast_is_local_recurrence(text: str) -> None:
    assert facts(text).get("setting") == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "text",
    [
        # controls: routine annual follow-up stays surveillance; a firm area called stable is no new finding
        "Annual survivorship visit. 66F, R lumpectomy + RT 2018 for IDC, on letrozole. No complaints. Exam normal.",
        "Annual follow-up. 60F, L lumpectomy 2019 for IDC. She has felt a firm area at the scar since surgery, "
        "stable and unchanged.",
    ],
)
def test_routine_follow_up_stays_surveillance(text: str) -> None:
    assert facts(text).get("setting") == "surveillance"


# ---------------------------------------------------------------- new diagnosis outside the usual picture


def test_cancer_after_gender_affirming_mastectomy_is_new_diagnosis() -> None:
    text = (
        "41 yo trans man, testosterone since 2012, s/p top surgery 2018. Now a 1.2 cm mass under the R chest scar.\n"
        "Core: IDC grade 1, ER 90%, PR 40%, HER2 0. Plan: excision + SLNB."
    )
    f = facts(text)
    assert f.get("setting") == "new_diagnosis"
    assert f.get("prior_surgery") is None


def test_therapeutic_mastectomy_still_counts() -> None:
    # control: a mastectomy for a breast cancer is the treated cancer's operation
    text = "64F, L mastectomy for IDC 2016, tamoxifen x5y. Annual follow-up, well, no new findings."
    f = facts(text)
    assert f.get("prior_surgery") == "mastectomy"
    assert f.get("setting") == "surveillance"


def test_other_cancers_surveillance_is_not_the_breasts() -> None:
    text = (
        "60F, colon adenocarcinoma 2019 treated with hemicolectomy. New L breast IDC 2.1 cm on core, grade 2, "
        "ER+ PR+ HER2-. Her GI-onc surveillance CT is due next week. Plan lumpectomy + SLNB."
    )
    assert facts(text).get("setting") == "new_diagnosis"


def test_biopsy_proven_untreated_cancer_stays_new_diagnosis() -> None:
    # control
    text = "Core biopsy R breast: IDC grade 2, ER+ PR+ HER2-. Seen to discuss surgery; neoadjuvant not needed."
    assert facts(text).get("setting") == "new_diagnosis"


def test_study_before_first_neoadjuvant_cycle_is_new_diagnosis() -> None:
    text = (
        "Tumour board. 49F, L breast IDC grade 3, ER 0, PR 0, HER2 3+, cT2 cN1. Plan neoadjuvant TCHP.\n"
        "Med onc wants a baseline CT chest/abdomen/pelvis before cycle 1 of neoadjuvant therapy."
    )
    assert facts(text).get("setting") == "new_diagnosis"
