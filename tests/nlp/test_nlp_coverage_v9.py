"""Round 9d (issue 8): coverage classes behind the v9 blind set's missed facts.

Laboratory layouts (ranges in square brackets, flowsheet columns with H/L flags, a flag before "ref", a range in a
clause of its own, a result restated as a multiple of the ULN), header forms of the patient's age, the study a note
considers in layouts and words not read before, and the patient's own request. Each class has two differently
worded positives and a control where the rule must not fire. The sentences are written for these tests (none is a
blind-set note).
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of
from rightscan.adapters.knowledge_files import load_knowledge

KB = load_knowledge()


def labs(note: str) -> dict[str, dict[str, float]]:
    return facts(note).get("labs", {})


# ------------------------------------------------------------------ laboratory layouts
@pytest.mark.parametrize(
    ("note", "lab", "value", "uln"),
    [
        ("Bloods 12/3: alk phos 97 [35-120], ALT 14 [5-45].", "alkaline_phosphatase", 97, 120),
        ("LFTs today - AST 52 U/L [8-33] and bilirubin 0.9 mg/dL [0.1-1.1].", "ast", 52, 33),
        ("LFTs today - AST 52 U/L [8-33] and bilirubin 0.9 mg/dL [0.1-1.1].", "bilirubin", 0.9, 1.1),
    ],
)
def test_a_range_in_square_brackets_gives_the_uln(note: str, lab: str, value: float, uln: float) -> None:
    assert labs(note)[lab] == {"value": value, "uln": uln}


@pytest.mark.parametrize(
    ("table", "lab", "value", "uln"),
    [
        (
            "Results:\n            01/10     02/11     03/12    Range\n"
            "Alk phos    140 H     152 H     149 H    [30-115]\nALT         30        29        33       [0-40]\n",
            "alkaline_phosphatase",
            149,
            115,
        ),
        (
            "Chemistry trend\nAST        12 L     18      (15-37)\nbilirubin  1.9 H    2.4 HH  (0.2-1.0)\n",
            "bilirubin",
            2.4,
            1.0,
        ),
    ],
)
def test_a_flowsheet_row_with_flags_gives_the_value_beside_the_range(
    table: str, lab: str, value: float, uln: float
) -> None:
    assert labs(table)[lab] == {"value": value, "uln": uln}


@pytest.mark.parametrize(
    ("note", "lab", "value", "uln"),
    [
        ("Chem panel:\n  ALT 88 (H)  ref 0-45\n", "alt", 88, 45),
        ("Alk phos 61 L  reference range 70-140 U/L", "alkaline_phosphatase", 61, 140),
    ],
)
def test_a_flag_before_the_range_word_keeps_the_range(note: str, lab: str, value: float, uln: float) -> None:
    assert labs(note)[lab] == {"value": value, "uln": uln}


def test_a_range_in_its_own_clause_is_the_markers_range() -> None:
    note = "The portal says my CEA was 9.1 and the reference range is 0-5, is that bad?"
    assert facts(note)["tumor_markers"]["cea"] == {"value": 9.1, "uln": 5}


@pytest.mark.parametrize("note", ["ALP 240 H on the last draw.", "Alk phos 300 (H). No range printed."])
def test_control_a_flag_without_a_range_is_never_completed(note: str) -> None:
    # the annotation guide: a value without the laboratory's ULN is never given a default range
    assert "alkaline_phosphatase" not in labs(note)


@pytest.mark.parametrize(
    "note",
    [
        "Labs: ALP 205 (35-140), AST 20 (0-40). Impression: bone pain with ALP about 1.5x ULN.",
        "Alk phos 330 U/L [ULN 110]; ALT normal at 22 (0-40). ALP 3 x ULN, so imaging is due.",
    ],
)
def test_a_result_restated_as_a_multiple_is_one_result(note: str) -> None:
    got = facts(note)
    assert "labs.alkaline_phosphatase" not in {c["field"] for c in got.get("conflicts", [])}
    assert got["labs"]["alkaline_phosphatase"]["uln"] != 1


def test_control_a_multiple_that_disagrees_is_still_a_conflict() -> None:
    from rightscan.adapters.text import extract

    result = extract("ALP 160 (40-150) in June. ALP 2.8x ULN on the admission bloods.")
    assert "alkaline_phosphatase" not in result.facts.get("labs", {})
    assert any(c["field"] == "labs.alkaline_phosphatase" for c in result.conflicts)


# ------------------------------------------------------------------ age in headers and letters
@pytest.mark.parametrize(
    ("note", "age"),
    [
        ("Re: Mrs Orla KEANE (63)\nThank you for referring her.", 63),
        ("Patient: Ms Dana Whitfield   MRN 55123   71 yrs\nNew R breast lump.", 71),
        ("Name: Mrs. T. Okafor, 44 years, hosp no 81-22", 44),
        ("Referral for Mrs Moreau   D.O.B. 02.06.1970 (55 y)   NHS 4411", 55),
        ("Age/Gender: 66 yrs / F   OP no 2231", 66),
        ("I met Mrs Adair, now 58, with her son.", 58),
        ("I'm just 41 and scared about what comes next.", 41),
    ],
)
def test_the_age_a_header_prints_by_the_name_or_birth_date(note: str, age: int) -> None:
    assert facts(note)["age"] == age


@pytest.mark.parametrize(
    "note",
    [
        "Mrs Adair took tamoxifen for 20 years.",
        "Mrs Lowe (22 Harbour Road) rang the clinic.",
        "Menarche age 13, first pregnancy at age 29, menopause age 50.",
        "Ms Ruiz was treated 25 years ago for Hodgkin lymphoma.",
    ],
)
def test_control_numbers_by_a_name_or_an_age_at_an_event_are_not_her_age(note: str) -> None:
    assert "age" not in facts(note)


def test_an_age_at_an_event_does_not_conflict_with_her_age() -> None:
    got = facts("A 61-year-old woman. Migraines since age 19; LMP age 52.")
    assert got["age"] == 61


# ------------------------------------------------------------------ the study a note considers
@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "RADIOLOGY VETTING\nIndication: 58F, L breast IDC, T2 N1. Staging.\nProtocol: CT chest, abdomen and pelvis "
            "with IV contrast, portal venous phase.",
            "ct_cap_contrast",
        ),
        (
            "Clinical details: rising ALT, prior R breast cancer.\nProtocoled as: MRI abdomen without and with "
            "contrast, hepatobiliary phase.",
            "mri_abdomen_wwo",
        ),
    ],
)
def test_a_protocol_line_names_the_study_to_be_done(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "Inpatient course uneventful. New R breast IDC, grade 3, cT3 N1.\n\nDischarge plan:\n- Bone scan before "
            "the oncology clinic.\n- Follow up with surgery.",
            "bone_scan",
        ),
        (
            "Breast MDM, case 2. R breast IDC 2.4 cm on US, cN0.\nPlan / consensus:\n1. Contrast-enhanced mammography "
            "for extent.\n2. Surgery after.",
            "mammo_contrast",
        ),
        (
            "OPD review. Known case of L breast ca, MRM 2020. Breathless on exertion for a month.\nAdv: HRCT chest. "
            "Review with report.",
            "ct_chest_wo",
        ),
    ],
)
def test_a_plan_heading_in_other_words_proposes_its_studies(note: str, study: str) -> None:
    assert order_of(note) == study


def test_control_a_result_heading_is_not_a_plan() -> None:
    note = "Prior imaging:\nBone scan 2024: no uptake.\nHistory: L breast IDC 2019, lumpectomy, letrozole."
    assert order_of(note) is None


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "Spoke with the on-call oncologist: MRI brain w/wo contrast this week as an outpatient, then clinic. "
            "Known metastatic breast cancer, new headaches.",
            "mri_head_wwo",
        ),
        (
            "Surveillance visit, L lumpectomy 2021. Next bilateral diagnostic mammogram - order placed for the spring.",
            "mammo_diagnostic",
        ),
        ("Neoadjuvant AC-T under way.\n- Axillary ultrasound after cycle 4 to re-check the clipped node.", "us_axilla"),
    ],
)
def test_a_study_set_for_a_time_to_come_is_considered_now(note: str, study: str) -> None:
    assert order_of(note) == study


def test_control_a_repeat_study_already_reported_is_not_an_order() -> None:
    assert order_of("Repeat chest X-ray 3/4 showed clearing of the left lower lobe opacity.") is None


@pytest.mark.parametrize(
    "note",
    [
        "Re: Appeal of denial for FDG PET/CT (CPT 78815). The patient has new nocturnal hip pain and ALP 2.4x ULN.",
        "Dear reviewer, I am requesting authorization for a whole-body PET/CT for this patient with cT3 N2 disease.",
    ],
)
def test_a_payer_letter_names_the_study_it_asks_for(note: str) -> None:
    assert order_of(note) == "pet_ct"


@pytest.mark.parametrize(
    "note",
    [
        "Plan: node-positive IIB disease, so I will order a PET/CT to complete staging (better than a bone scan "
        "after pelvic radiotherapy).",
        "Plan: PET/CT for staging rather than CT CAP, given the borderline renal function.",
    ],
)
def test_a_study_named_as_the_comparison_is_not_a_second_order(note: str) -> None:
    assert order_of(note) == "pet_ct"


@pytest.mark.parametrize(
    "note",
    [
        "She asked last month about a PET scan; after discussion she no longer wants it.",
        "Fellow suggested PET/CT. Attending: I would not use PET/CT at this stage.",
    ],
)
def test_a_study_turned_down_later_is_not_the_order(note: str) -> None:
    assert order_of(note) is None


@pytest.mark.parametrize(
    ("note", "study"),
    [
        ("Brain MRI pre + post gad. 61F, metastatic breast cancer, new diplopia.", "mri_head_wwo"),
        ("A/P: knee pain waking her at night. Will obtain plain films of the R knee first.", "xray_bone"),
        ("Plan: MRI thoracic + lumbar spine w/ and w/o contrast today.", "mri_spine_wwo"),
    ],
)
def test_study_names_in_other_words(note: str, study: str) -> None:
    assert order_of(note) == study


def test_control_a_spine_mri_without_contrast_words_is_no_single_study() -> None:
    # which contrast is not said: the resolver offers choices and never guesses
    assert order_of("Plan: MRI thoracic + lumbar spine.") is None


# ------------------------------------------------------------------ the patient's own request
@pytest.mark.parametrize(
    "note",
    [
        "Hello doctor, may I please have a PET scan before the operation? I cannot stop worrying.",
        "I'd really like a scan of my bones, just to know.",
        "The main point of today's visit: she would like a whole-body scan before surgery.",
    ],
)
def test_the_patient_asks_for_a_scan(note: str) -> None:
    assert facts(note).get("patient_preference") == "requests_imaging"


@pytest.mark.parametrize(
    "note",
    [
        "Dr. Okafor wants a staging CT before the clinic visit.",
        "Mr Abiodun (breast surgeon) requests a bone scan given the palpable node.",
        "She wants to know whether she needs a scan at all.",
    ],
)
def test_control_a_clinician_wanting_a_study_is_not_the_patients_request(note: str) -> None:
    assert "patient_preference" not in facts(note)


# ------------------------------------------------------------------ the size the note stages with
@pytest.mark.parametrize(
    ("note", "size"),
    [
        (
            "Mammogram: 2.4 cm mass. US: 2.0 cm. MRI: 2.9 cm mass; MRI size accepted as the clinical size at MDT. "
            "IDC grade 2, ER+.",
            2.9,
        ),
        (
            "Dx mammo: 1.1 cm mass. US: 1.4 x 1.0 cm hypoechoic mass.\nImpression: 62F, L breast IDC 1.4 cm, grade 1, "
            "ER+/PR+/HER2-, cN0.",
            1.4,
        ),
    ],
)
def test_the_size_the_note_stages_with_outranks_other_imaging_sizes(note: str, size: float) -> None:
    assert facts(note)["tumor"]["size_cm"] == size


def test_control_two_sizes_each_called_current_stay_a_conflict() -> None:
    from rightscan.adapters.text import extract

    note = (
        "Mammo: 2.3 cm mass. US: 1.9 cm mass.\nSize for staging purposes: 2.3 cm.\nAssessment: 70F, R breast IDC "
        "1.9 cm, ER+."
    )
    result = extract(note)
    assert "size_cm" not in result.facts.get("tumor", {})
    assert any(c["field"] == "tumor.size_cm" for c in result.conflicts)


# ------------------------------------------------------------------ a study booked for a later year
@pytest.mark.parametrize(
    "note",
    [
        "Follow-up 10/2026. R lumpectomy 2023, RT, on anastrozole. NED.\nPlan: next diagnostic mammogram 03/2027 - "
        "order placed.",
        "Seen 14/09/2026; treated 2021 with mastectomy.\nPlan: I have booked her yearly diagnostic mammogram for 2027.",
    ],
)
def test_a_study_booked_for_a_later_year_is_the_order(note: str) -> None:
    assert order_of(note) == "mammo_diagnostic"


def test_control_a_study_dated_before_the_notes_latest_year_was_done() -> None:
    note = "Seen 14/09/2026; treated 2021 with mastectomy.\nPlan: diagnostic mammogram 2024 for comparison, reviewed."
    assert order_of(note) is None


# ------------------------------------------------------------------ a study named again, a study said to be current
@pytest.mark.parametrize(
    "note",
    [
        "Eligibility: baseline brain MRI with and without contrast - ordered for next week.\nStill pending: brain MRI.",
        "Plan: MRI head w/wo contrast requested.\nShe is anxious about the head MRI and will bring her husband.",
    ],
)
def test_a_bare_name_written_again_is_the_same_study(note: str) -> None:
    assert order_of(note) == "mri_head_wwo"


def test_control_a_bare_name_of_another_study_is_still_a_second_study() -> None:
    # the bare name cannot be the study already named in full: two studies, no single order
    assert order_of("Plan: MRI head w/wo contrast requested. Also a breast MRI?") is None


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "Plan:\n- CT chest/abdomen/pelvis with contrast ordered for restaging.\n- Screening mammogram up to date "
            "(2025).",
            "ct_cap_contrast",
        ),
        ("A/P: bone scan requested for the new hip pain. Her mammogram is up to date.", "bone_scan"),
    ],
)
def test_a_study_said_to_be_up_to_date_is_not_a_second_order(note: str, study: str) -> None:
    assert order_of(note) == study


def test_control_a_bare_modality_beside_another_study_is_still_a_choice() -> None:
    # "CT" alone could be a CT of any kind, not the PET/CT: the note weighs two studies
    assert order_of("60F, new L breast IDC, cT2 N0, ER+. Asymptomatic. Is staging with CT or PET needed?") is None


def test_control_a_threshold_in_an_agreed_plan_is_not_the_size() -> None:
    from rightscan.adapters.text import extract

    note = (
        "Mammo: 1.6 cm mass. US: 1.6 cm mass, 7 cm FN.\nMDT outcome: tumour <2 cm and node negative, so surgery "
        "first agreed. IDC grade 2, ER+."
    )
    sizes = [e["value"] for e in extract(note).evidence if e["field"] == "tumor.size_cm" and e["used"]]
    assert 2.0 not in sizes
