"""Round 29b: the classes the first reading of the v30 blind notes (radiology; genetics, high-risk and radiation
oncology; text made or broken by machines) showed, each in other wordings than the notes', with controls:

- a pedigree told as list items: an item led by a relative is the relative's to its end, across its sentences, and up
  to where the patient is named again ("* Mother - L breast ca at 41 ... became jaundiced toward the end; died at 46
  (pt was 14)", v30 mb-008; family_rows.py); a lone bullet item led by a relative is a relative's row too;
- a headache the note puts down to lost sleep or another everyday cause with "from" ("from not sleeping, goes away w/
  Tylenol", v30 mc-005): explained, unless a warning of its own qualifies it; "from not sleeping, worse lying down"
  no longer reads the "not" as denying the warning (denied_change.py);
- an acute illness's presenting symptom denied at discharge ("CAP: presented with ... dyspnea ... without dyspnea at
  discharge", v30 mc-018): over (scopes._resolved_since_presentation, context.yaml presentation_over_times);
- distant disease made probable after it ("metastasis most likely given the history", v30 ma-032): to confirm, never
  M1, the proven pathological fracture kept (context_rules.json, round 29b);
- another organ's surveillance or screening is not the breast cancer's setting ("pancreatic surveillance only w/ FH",
  v30 mb-026; values.yaml clue.other_illness_followup), and a bone's ache in the perfect ("her R hip has ached for ~2
  months, gradually worse, now bothers her at night") is bone pain (targets.yaml).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes, symptoms_to_confirm, tumor

NEW = "58F, newly diagnosed L breast IDC 2.1 cm, grade 2, ER+ PR+ HER2-, cN0.\n"


def _confirmed_fields(text: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {c["field"] for c in extract(text).to_confirm}


# --------------------------------------------------------------------------- 1. a pedigree told as list items
@pytest.mark.parametrize(
    ("note", "code"),
    [
        (
            "Genetic counselling, unaffected 31F.\nPedigree:\n"
            " - Maternal aunt: breast ca at 39. Later spread to her bones, terrible bone pain before she died at 44 "
            "(pt was a child).\n - Father: 70, well.\n",
            "bone_pain",
        ),
        (
            "High-risk clinic, 36F, no breast complaints.\n"
            "* Sister (52) - breast ca at 48. Had headaches and vomiting from brain mets; died at 50.\n",
            "headache",
        ),
        (
            "Risk assessment, 40F.\n- Father — prostate ca, d. 71. Severe back pain at the end from spine mets.\n"
            "- Paternal aunt — ovarian ca 60s.\n",
            "back_pain",
        ),
        (
            "Counselling visit, 29F.\nFamily:\n * Mother - ovarian ca at 55. Her belly swelled. Went yellow in the "
            "last weeks, jaundiced, before she died (pt was 20).\n",
            "jaundice",
        ),
    ],
)
def test_a_relatives_list_item_is_hers_across_its_sentences(note: str, code: str) -> None:
    assert code not in symptom_codes(note) | symptoms_to_confirm(note)


def test_the_patient_named_after_the_relatives_story_is_not_the_relatives() -> None:
    # the control: past "pt" the item is no longer surely the mother's; the headache is never dropped
    note = NEW + "* Mother - breast ca at 45, d. 50. Pt has had new headaches for 3 weeks, worse in the mornings.\n"
    assert "headache" in symptom_codes(note) | symptoms_to_confirm(note)


def test_the_patient_after_a_pedigree_keeps_her_own_symptom() -> None:
    pedigree = "Pedigree:\n- Mother: breast ca at 50.\n- Sister: healthy.\n"
    note = NEW + pedigree + "Pt herself reports new back pain x 3 wks, worse at night.\n"
    assert "back_pain" in symptom_codes(note)


def test_an_item_that_names_the_patient_in_its_first_clause_is_not_the_relatives() -> None:
    note = NEW + "* Husband: present; pt reports new headaches x 2 wks, worse in the mornings.\n"
    assert "headache" in symptom_codes(note)


def test_a_negated_symptom_on_a_relatives_item_stays_negated() -> None:
    assert "bone_pain" not in symptom_codes(NEW + "* Mother - breast ca at 45, no bone pain.\n")


# --------------------------------------------------------------------------- 2. a headache from lost sleep
@pytest.mark.parametrize(
    "line",
    [
        "Headaches x 3 days from lack of sleep (night shifts), settle with paracetamol.",
        "Mild frontal headache since Tuesday from too little sleep, gone with ibuprofen.",
        "Reports a headache the past few days from dehydration in the heat, better with fluids.",
        "Occasional headache from sleep deprivation with the new baby, eases with rest.",
    ],
)
def test_a_headache_from_lost_sleep_or_everyday_cause_is_explained(line: str) -> None:
    note = NEW + line + "\n"
    assert "headache" not in symptom_codes(note) | symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "line",
    [
        "Headache x 1 wk from not sleeping, worse lying down.",
        "Headache x 1 wk from not sleeping, worse lying down, goes away w/ Tylenol.",
        "Headache x 10 days from poor sleep, new and progressively worse, with vomiting.",
        "Headache that wakes her from sleep for 2 weeks.",
    ],
)
def test_a_headache_with_a_warning_stays_a_red_flag_whatever_the_cause(line: str) -> None:
    assert "headache" in symptom_codes(NEW + line + "\n")


def test_a_denied_headache_is_still_denied() -> None:
    assert "headache" not in symptom_codes(NEW + "No headache. Poor sleep from stress.\n")


# --------------------------------------------------------------------------- 3. an acute illness over at discharge
DISCHARGE = "DISCHARGE SUMMARY\n72F. Secondary dx: newly diagnosed R breast IDC 1.4 cm, cN0, ER+ PR+ HER2-.\n"


@pytest.mark.parametrize(
    ("course", "code"),
    [
        (
            "Influenza A: presented with 3 days of fever and dyspnea. Oseltamivir, O2 weaned. Walking the ward "
            "without dyspnea on discharge.",
            "dyspnea",
        ),
        (
            "COVID-19 pneumonia: admitted with fever and dyspnea; dexamethasone. Saturating well on room air, no "
            "dyspnea at time of discharge.",
            "dyspnea",
        ),
        (
            "Acute bronchitis: presented with 10 days of cough and low fever. Doxycycline. No cough prior to "
            "discharge.",
            "cough",
        ),
    ],
)
def test_an_acute_illness_presenting_symptom_absent_at_discharge_is_over(course: str, code: str) -> None:
    note = DISCHARGE + "Hospital course:\n1. " + course + "\n"
    assert code not in symptom_codes(note) | symptoms_to_confirm(note)


def test_a_symptom_denied_only_in_part_at_discharge_stays() -> None:
    note = DISCHARGE + "1. CAP: presented with cough, fever and dyspnea. Treated. No dyspnea at rest at discharge.\n"
    assert "dyspnea" in symptom_codes(note)


def test_a_presentation_never_denied_later_stays() -> None:
    note = DISCHARGE + "1. CAP: presented with fever and dyspnea. Treated with ceftriaxone.\n"
    assert "dyspnea" in symptom_codes(note)


def test_a_warned_presentation_absent_at_discharge_is_never_dropped() -> None:
    note = (
        DISCHARGE + "1. Presented with progressive dyspnea over 3 weeks. Pleural tap. Without dyspnea at discharge.\n"
    )
    assert "dyspnea" in symptom_codes(note) | symptoms_to_confirm(note)


# --------------------------------------------------------------------------- 4. distant disease made probable after it
@pytest.mark.parametrize(
    "line",
    [
        "IMPRESSION: Two new hypoattenuating liver lesions; metastases most likely.",
        "Sclerotic focus in the L2 vertebral body, mets probable given the clinical history.",
        "CT chest: several new lung nodules up to 8 mm, metastatic disease most likely.",
        "XR pelvis: R iliac lytic lesion - metastasis presumed.",
    ],
)
def test_distant_disease_made_probable_after_it_is_to_confirm_not_m1(line: str) -> None:
    note = NEW + line + "\n"
    assert tumor(note).get("m") != "M1"
    assert "tumor.m" in _confirmed_fields(note)


def test_a_proven_pathological_fracture_stays_beside_a_probable_metastasis() -> None:
    note = (
        NEW + "IMPRESSION: Pathologic fracture of the R femoral neck through a lytic lesion; metastasis most likely.\n"
    )
    assert "pathologic_fracture" in symptom_codes(note)
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] == "targeted"


@pytest.mark.parametrize(
    "line",
    ["Liver biopsy: metastatic ductal carcinoma, ER+.", "CT: multiple liver metastases, largest 2.4 cm."],
)
def test_proven_distant_disease_is_still_m1(line: str) -> None:
    assert tumor(NEW + line + "\n").get("m") == "M1"


def test_distant_disease_denied_is_not_m1() -> None:
    assert tumor(NEW + "CT CAP: no evidence of metastasis.\n").get("m") != "M1"


# --------------------------------------------------------------------------- 5. another organ's surveillance; an ache
@pytest.mark.parametrize(
    "line",
    [
        "PALB2 PV: pancreatic screening with EUS recommended given her father's pancreatic ca.",
        "Colon cancer screening overdue - colonoscopy referral placed.",
        "Also on liver surveillance for hepatitis B (US every 6 months).",
        "Annual pancreas surveillance MRI/MRCP advised given her CDKN2A variant.",
        "CDH1 carrier: gastric surveillance endoscopy every 3 years.",
    ],
)
def test_another_organs_surveillance_or_screening_is_not_the_setting(line: str) -> None:
    assert facts(NEW + line + "\n").get("setting") == "new_diagnosis"


def test_the_breast_cancers_own_surveillance_is_still_read() -> None:
    note = "63F, s/p L lumpectomy 2019 for IDC, completed RT, on anastrozole; surveillance with annual mammogram.\n"
    assert facts(note).get("setting") == "surveillance"


@pytest.mark.parametrize(
    "line",
    [
        "Her L thigh has ached for 6 weeks, gradually worse, now wakes her at night.",
        "Says her ribs have ached since March, getting worse, keeps her up at night.",
        "R femur aches at night, progressively worse x 1 month.",
    ],
)
def test_a_bones_ache_told_as_a_verb_is_bone_pain(line: str) -> None:
    assert "bone_pain" in symptom_codes(NEW + line + "\n")


def test_a_denied_ache_is_no_bone_pain() -> None:
    assert "bone_pain" not in symptom_codes(NEW + "She denies that her hip aches.\n")


def test_the_ache_of_known_osteoarthritis_unchanged_is_no_bone_pain() -> None:
    note = NEW + "R hip has ached for years with her known osteoarthritis, unchanged.\n"
    assert "bone_pain" not in symptom_codes(note)


# --------------------------------------------------------------------------- a fracture through a lesion seen twice
@pytest.mark.parametrize(
    "line",
    [
        "XR: oblique fx of the L femoral shaft through a lucent or lytic-appearing focus after a minor twist.",
        "CT: fx through a radiolucent area in the R 6th rib.",
        "ED film: fracture through a lucent / lytic-looking lesion of the R humerus, ortho aware.",
    ],
)
def test_a_fracture_through_a_lucent_or_lytic_looking_area_is_pathological(line: str) -> None:
    assert "pathologic_fracture" in symptom_codes(NEW + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "XR wrist: fracture through the distal radial metaphysis after a fall on ice, no lytic lesion.",
        "XR: lytic-appearing area R humerus, no fracture through it.",
    ],
)
def test_a_fracture_through_no_lesion_or_no_fracture_is_not(line: str) -> None:
    assert "pathologic_fracture" not in symptom_codes(NEW + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "TP53 PV: after treatment, Toronto protocol surveillance via the high-risk clinic.",
        "Lynch syndrome surveillance (colonoscopy q1-2y) continues with GI.",
        "Li-Fraumeni surveillance with annual whole-body MRI to be arranged.",
    ],
)
def test_a_predisposition_syndromes_surveillance_is_not_the_setting(line: str) -> None:
    assert facts(NEW + line + "\n").get("setting") == "new_diagnosis"
