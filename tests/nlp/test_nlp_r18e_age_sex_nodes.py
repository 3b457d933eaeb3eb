"""Round 18e, in our own words: the patient's age and sex as records from many countries write them ("45/F", "F/45",
"58 yrs / F", "(50 yrs, F)", "Female, 65", "aged 61", a masked birth date with the age after it), an age threshold of
a referral criterion that is no age, another person named by a sex word ("the lady said"), and the clinical nodal
status told in words (a negative axilla in a form's field or a clause of its own, nodes the clinician did not feel in
the patient's words, "LN", "Lt/Rt", "Ax node FNAC", matted "LNs", a node asked about with "?").
Controls: what must not be read.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, tumor

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CANCER = " Core biopsy: invasive ductal carcinoma, grade 2, ER positive, PR positive, HER2 negative."


# ------------------------------------------------------------------ age and sex
@pytest.mark.parametrize(
    ("header", "age", "sex"),
    [
        ("Cytology No. 77/C. 45/F. Left breast lump, core x3.", 45, "female"),
        ("MDT list: 61/F, right breast mass, for discussion.", 61, "female"),
        ("F/52 with a lump in the left breast", 52, "female"),
        ("M/71, retroareolar mass", 71, "male"),
        ("Follow-up clinic. 58 yrs / F. Known breast cancer.", 58, "female"),
        ("Met the patient (47 yrs, F) with her sister.", 47, "female"),
        ("Pt: Female, 65   Specimen: left mastectomy", 65, "female"),
        ("Member: male, 68 y", 68, "male"),
        ("Patient: F, 59 yrs   Specimen: core", 59, "female"),
        ("Female 52 years, referred by GP", 52, "female"),
        ("Re: Mrs Ann Byrne, DOB 14/02/19xx (73 years)", 73, "female"),
        ("Name: Mr Joe Daly   DOB: xx/xx/1950 (75)   Sex: Male", 75, "male"),
        ("Mrs Quinn, aged 61, attended with her daughter.", 61, "female"),
        ("A woman aged 70 with a new breast lump.", 70, "female"),
    ],
)
def test_the_age_and_sex_in_shorthand_are_read(header: str, age: int, sex: str) -> None:
    got = facts(header + "\n" + CANCER)
    assert got.get("age") == age
    assert got.get("sex") == sex


def test_a_criterion_age_gives_way_to_the_birth_date_age() -> None:
    note = (
        "URGENT REFERRAL - SUSPECTED BREAST CANCER\nName: Mr Pat Ryan   DOB: xx/xx/1957 (67)   Sex: Male\n"
        "[X] Unexplained breast lump, age 30 and over\n[ ] Nipple discharge, age 50 and over\n"
    )
    assert facts(note).get("age") == 67


@pytest.mark.parametrize(
    "text",
    [
        "[X] Unexplained breast lump, age 30 and over",
        "Criteria: age 50+ with a new lump",
        "Screening invites women aged 50-70.",
        "Screening for women aged 50 and over.",
        "She was diagnosed with DCIS aged 45 and treated.",
        "Her mother died aged 61 of breast cancer.",
        "Follow-up F/U 12 months",
        "Tumour 12/M spacing",
        "She smoked for 20 years, M. Jones noted",
        "male, 55 mm mass",
        "F, 12 Acacia Road",
        "Her sister (F/45) had breast cancer.",
        "Husband 68 yrs, M",
    ],
)
def test_a_number_that_is_not_the_patients_age_is_not_read(text: str) -> None:
    assert "age" not in facts(text + CANCER)


@pytest.mark.parametrize(
    "text",
    [
        "i had the biopsy on tuesday and the lady said results in 3 days. nothing yet??",
        "A man from the clinic rang me yesterday about the scan.",
        "the woman who did my biopsy said it looked ok",
        "The ultrasound lady told me it was 2cm.",
        "I asked the lady at the front desk about my results.",
    ],
)
def test_another_person_named_by_a_sex_word_gives_no_sex(text: str) -> None:
    assert "sex" not in facts(text + CANCER)


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("This lady presents with a breast lump.", "female"),
        ("62 year old lady with a lump", "female"),
        ("A woman on tamoxifen with new bone pain.", "female"),
        ("He had breast cancer (yes, in a man) and a mastectomy.", "male"),
    ],
)
def test_the_patient_named_by_a_sex_word_keeps_the_sex(text: str, sex: str) -> None:
    assert facts(text + CANCER).get("sex") == sex


# ------------------------------------------------------------------ nodal status
@pytest.mark.parametrize(
    "text",
    [
        "There is no mass on ultrasound and the axilla is normal.",
        "No mass was seen and the axilla was clear.",
        "Dr. Lee said it is 1.5cm and she didnt feel any lymph nodes under my arm.",
        "The doctor could not feel any glands in my armpit.",
        "Axillary US: no suspicious LN.",
        "Ax: clinically neg.",
        "Axilla: NP",
        "Axillae: NAD",
        "Axilla - clear",
        "Axillae: nil palpable",
    ],
)
def test_a_negative_axilla_in_words_is_n0(text: str) -> None:
    assert tumor(text + CANCER).get("n") == "N0"


@pytest.mark.parametrize(
    "text",
    [
        "I can't feel any lumps under my arm.",  # her own feeling is no examination
        "Ax: normal",  # "Ax" alone with a bare "normal" may be another heading
        "Axilla is not clear",
        "No mass in the breast and the axilla was not examined.",
        "Plan: US axilla, then decide on SLNB.",
        "Ax LN FNA: pending",
        "Ax node FNAC - benign, reactive",
    ],
)
def test_no_n_category_without_a_negative_axilla(text: str) -> None:
    assert "n" not in tumor(text + CANCER)


def test_a_negative_axilla_after_breast_surgery_is_no_clinical_n() -> None:
    note = "61/F, s/p R WLE + SLNB 2019, RT, on letrozole. Routine follow-up.\nAxilla: NP. No new lumps."
    assert "n" not in tumor(note)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Imaging: one abnormal Lt axillary node (cortex 6 mm).", "N1"),
        ("Ax node FNAC - positive for metastatic carcinoma.", "N1"),
        ("R axilla - matted LNs approx 3 cm conglomerate. L axilla neg.", "N2a"),
        ("Axillary US: 2 enlarged LNs, largest 15 mm.", "N1"),
    ],
)
def test_a_node_in_shorthand_gives_its_category(text: str, n: str) -> None:
    assert tumor(text + CANCER).get("n") == n


@pytest.mark.parametrize(
    "text",
    ["Reason: new L breast ca, ? enlarged LN on dx mammo.", "?palpable node on exam - soft, ?reactive."],
)
def test_a_node_asked_about_is_not_stated(text: str) -> None:
    assert tumor(text + CANCER).get("n") != "N1"


# a denial of a breast finding never reaches past "and the axilla", and a stated positive node still wins over it
@PROPERTY
@given(
    finding=st.sampled_from(["no mass on ultrasound", "no skin change", "no nipple discharge", "no palpable lump"]),
    verb=st.sampled_from(["is", "was"]),
    word=st.sampled_from(["normal", "clear", "negative"]),
)
def test_property_a_denial_before_the_axilla_clause_leaves_it_negative(finding: str, verb: str, word: str) -> None:
    text = f"There is {finding} and the axilla {verb} {word}."
    assert tumor(text + CANCER).get("n") == "N0"
    assert tumor(text + " Second look: palpable mobile L axillary node." + CANCER).get("n") == "N1"
