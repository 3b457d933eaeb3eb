"""Unsafe classes found on the seventh blind set (first run: 13 unsafe answers), each written here in our own
wording as a class of clinical meaning, next to a control where the rule must not fire: a relative's symptom told
with "she" by a writer speaking of her own family (and the clinician's "she", who is the patient), a benign cause
written as an adjective or as a treatment's toxicity (and the warning qualifiers that still win), a symptom whose
treatment failed (and a chronic one unchanged), and words that look like M1 but are no metastasis."""

from __future__ import annotations

from nlp_helpers import decide_note as _decide
from nlp_helpers import facts, tumor
from nlp_helpers import symptom_codes as _codes

NEW_DX = "46F, newly diagnosed R breast IDC 1.4 cm, grade 2, ER+ PR+ HER2-, cN0."
TREATED = "66F, L breast IDC 2020, s/p lumpectomy + RT, on letrozole. Routine visit."


# ------------------------------------------------------------------ a writer's relative, carried on by a pronoun
def test_a_relatives_symptom_told_with_she_in_the_same_sentence_is_the_relatives() -> None:
    note = (
        "Hello, my biopsy came back as DCIS and the surgeon wants a breast MRI. My aunt had breast cancer that "
        "spread to her spine and she had awful back pain before they found it, so I am frightened."
    )
    assert "back_pain" not in _codes(note)


def test_a_relatives_symptom_told_with_he_a_sentence_later_is_the_relatives() -> None:
    note = (
        "I am 52 and was told my lump is cancer. My father died of lung cancer in 2015. "
        "Looking back, he had a dry cough for half a year before anyone scanned him."
    )
    assert "cough" not in _codes(note)


def test_the_writer_coming_back_to_herself_ends_the_relatives_stretch() -> None:
    # control: "I have" after the relative - the symptom is the writer's own, in the same sentence or the next
    same = "My sister had breast cancer at 40 and I have had bone pain in my hip for a month."
    nxt = "My sister had breast cancer at 40. She is well now. My own back pain started in June."
    assert "bone_pain" in _codes(same)
    assert "back_pain" in _codes(nxt)


def test_a_clinicians_she_after_her_mother_is_the_patient() -> None:
    # control: no first-person possessive - "she" is the patient, the red flag stands
    for note in (
        f"{TREATED} Her mother had breast cancer. She has had back pain for 3 weeks.",
        f"{TREATED} Her mother had ovarian cancer and she has had back pain for 3 weeks.",
    ):
        assert "back_pain" in _codes(note)


def test_a_symptom_without_a_pronoun_of_the_relative_stays_the_patients() -> None:
    # control: the relative is named, but the symptom's sentence says nothing of "she"
    note = "My mom had breast cancer in 2009. Back pain for 5 weeks, worse at night."
    assert "back_pain" in _codes(note)


# ------------------------------------------------------------------ a benign cause written as an adjective
def test_an_adjective_of_trauma_after_the_symptom_explains_it() -> None:
    for note in (
        f"{TREATED} R chest wall rib pain traumatic, 2 weeks, tender on palpation.",
        f"{TREATED} Left hip pain, post-traumatic, 10 days.",
    ):
        assert "bone_pain" not in _codes(note)


def test_atraumatic_or_non_traumatic_is_a_warning() -> None:
    # control: the negated adjective is the warning the guide names ("without trauma")
    for note in (
        f"{TREATED} Rib pain, atraumatic, for 3 weeks, since her gym sessions.",
        f"{TREATED} Rib pain for 3 weeks from lifting boxes, non-traumatic per patient.",
    ):
        assert "bone_pain" in _codes(note)


# ------------------------------------------------------------------ a treatment's toxicity
def test_numbness_from_a_neurotoxic_treatment_is_explained() -> None:
    for note in (
        f"{TREATED} Fingertip numbness since cycle 3 paclitaxel, unchanged.",
        f"{TREATED} Numbness in both soles from the taxane, persistent but stable.",
        f"{TREATED} Chemotherapy-induced neuropathy: numbness in her toes.",
    ):
        assert "neurologic_deficit" not in _codes(note)


def test_a_warning_qualifier_wins_over_the_treatment() -> None:
    # controls: new, progressive (after "now"), different, and weakness stay red flags
    for note in (
        f"{TREATED} New numbness in the left hand since cycle 2 docetaxel.",
        f"{TREATED} Numbness in her feet from paclitaxel, now progressive.",
        f"{TREATED} Numbness since the taxane, different from before, with weakness of the legs.",
        f"{TREATED} Leg weakness since cycle 4 docetaxel.",
    ):
        assert "neurologic_deficit" in _codes(note)


def test_bone_pain_after_a_growth_factor_is_explained_unless_at_night() -> None:
    assert "bone_pain" not in _codes(f"{TREATED} Aching bone pain from pegfilgrastim for 2 days after each cycle.")
    assert "bone_pain" in _codes(f"{TREATED} Bone pain from pegfilgrastim, now waking her at night.")


def test_a_toxicity_grade_is_not_the_tumour_grade() -> None:
    note = (
        f"{NEW_DX.replace('grade 2', 'grade 3')}\nPrior cisplatin for cervical cancer: peripheral neuropathy, "
        "grade 1. Also grade 2 mucositis then."
    )
    found = facts(note)
    assert found["tumor"]["grade"] == 3
    assert not any(c["field"] == "tumor.grade" for c in found.get("conflicts", []))
    # control: a tumour grade in the same line as a symptom is still the tumour's
    assert tumor("Fatigue for months. Core biopsy: IDC, grade 2, ER+.")["grade"] == 2


# ------------------------------------------------------------------ a treatment that failed
def test_a_symptom_whose_treatment_failed_is_not_explained() -> None:
    for note, code in (
        (f"{TREATED} Cough since a chest infection in May, amoxicillin x 7 days - no change.", "cough"),
        (f"{TREATED} Low back pain from a strain, no better with ibuprofen or physio.", "back_pain"),
        (f"{TREATED} Tickly cough after a cold, persisting despite two courses of antibiotics.", "cough"),
    ):
        assert code in _codes(note), note


def test_a_chronic_symptom_unchanged_or_relieved_stays_explained() -> None:
    # controls: "no change" of a chronic symptom, and a treatment that works
    for note in (
        f"{TREATED} Chronic low back pain from disc disease, no change from her last visit.",
        f"{TREATED} Tension headaches, long-standing, relieved by ibuprofen, no change.",
    ):
        assert not _codes(note) & {"back_pain", "headache"}, note


def test_a_treated_patient_with_a_cough_that_outlasted_antibiotics_is_suspected_recurrence() -> None:
    note = (
        "Phone call. History of L mastectomy 2021 for ILC, completed chemotherapy and radiation, now on "
        "letrozole. Cough for 7 weeks, GP prescribed doxycycline - no change. No fever. Chest x-ray requested."
    )
    found = facts(note)
    assert "cough" in found.get("symptoms", [])
    assert found.get("setting") == "suspected_distant_recurrence"


# ------------------------------------------------------------------ M1 from words that are not a metastasis
def test_the_nottingham_components_are_not_a_tnm_stage() -> None:
    for note in (
        "Invasive carcinoma NST, 2.1 cm. Nottingham grade 2 (score 7: T3 N2 M2). pT2 pN0.",
        "Invasive ductal carcinoma. Grade: 2 (score 6: T3 N2 M1). Margins clear. ER 95%.",
    ):
        found = tumor(note)
        assert found.get("m") != "M1" and found.get("n") is None
        assert found.get("grade") == 2
    # control: a stated stage with M1 is still read
    assert tumor("Biopsy-proven IDC, cT2 cN1 M1 (liver biopsy positive).").get("m") == "M1"


def test_a_metastasis_named_as_the_condition_of_a_consequence_is_hypothetical() -> None:
    for phrase in (
        "Finding distant metastases would change her management to palliative intent.",
        "Bone metastasis, if confirmed, would make this stage IV.",
        "Should liver metastases be found, she would be offered palliative chemotherapy.",
        "Evidence of metastatic disease would mean a non-curative approach.",
    ):
        assert tumor(f"{NEW_DX} {phrase}").get("m") is None, phrase
    # control: a proven metastasis that will change the treatment is M1
    assert (
        tumor(f"{NEW_DX} Liver biopsy confirmed metastatic breast cancer; this will change her treatment.").get("m")
        == "M1"
    )


def test_a_measured_nodal_deposit_is_not_a_distant_metastasis() -> None:
    note = (
        "L mastectomy + SLNB. Invasive carcinoma NST 18 mm, grade 2.\nSentinel nodes: 1/2 positive. "
        "Largest metastasis 4 mm, no extranodal extension.\npT1c pN1a"
    )
    assert tumor(note).get("m") is None


def test_a_relatives_pain_does_not_send_a_new_patient_to_targeted_imaging() -> None:
    note = (
        f"{NEW_DX} Patient message: my brother had prostate cancer in his spine and he had bone pain for a "
        "year before anyone looked. I feel fine myself. Is a PET scan needed?"
    )
    assert _decide(note)["systemic_imaging"] != "targeted"
    # control: the same message with the writer's own pain
    own = note.replace("I feel fine myself.", "I have had bone pain in my hip for 6 weeks.")
    assert _decide(own)["systemic_imaging"] == "targeted"


# ------------------------------------------------------------------ a presentation the same paragraph says is over
def test_a_symptom_of_the_admission_later_denied_has_resolved() -> None:
    for note in (
        f"{NEW_DX}\nCourse: admitted with fever and breathlessness, CXR LLL pneumonia. IV antibiotics, then oral; "
        "on discharge walking the ward without breathlessness.",
        f"{NEW_DX}\nShe presented to the ED with a cough and rigors; influenza A positive. Oseltamivir. "
        "Reviewed day 5: no cough, no fever.",
    ):
        assert not _codes(note) & {"dyspnea", "cough"}, note


def test_a_presentation_denied_only_in_part_or_still_present_stays() -> None:
    # controls: a partial denial ("at rest"), a symptom said to persist before the denial, and no denial at all
    for note, code in (
        (f"{NEW_DX}\nAdmitted with breathlessness. Sats 95 %, no breathlessness at rest.", "dyspnea"),
        (f"{NEW_DX}\nPresented with headache. Headache persists on day 3. No headache this morning.", "headache"),
        (f"{NEW_DX}\nAdmitted with back pain and fever; treated for a UTI.", "back_pain"),
    ):
        assert code in _codes(note), note


# ------------------------------------------------------------------ another finding's warning earlier in the sentence
def test_a_warning_about_another_finding_before_the_symptom_does_not_block_its_explanation() -> None:
    note = (
        f"{NEW_DX} c/o breast lump gradually increasing in size over 3 months, also c/o low back ache for 6 weeks, "
        "x-ray showed lumbar spondylosis"
    )
    assert "back_pain" not in _codes(note)
    # control: a warning after the symptom, in its clause, still wins over the cause
    warned = note + ", ache increasing over the last week"
    assert "back_pain" in _codes(warned)


def test_a_treatment_that_failed_told_in_the_next_sentence_still_counts() -> None:
    for note, code in (
        (f"{TREATED} Tickly cough for 7 weeks after a cold. A course of clarithromycin did not help.", "cough"),
        (f"{TREATED} Mid back pain from a strain at the gym. Naproxen x 2 weeks - no relief.", "back_pain"),
    ):
        assert code in _codes(note), note
    # control: a treatment that helped, told the same way
    assert "back_pain" not in _codes(f"{TREATED} Mid back pain from a strain at the gym. Naproxen helped.")


# ------------------------------------------------------------------ a symptom misspelt in a patient's own message
def test_a_misspelt_headache_in_a_message_is_still_read() -> None:
    msg = "hi, done with my radiation last month. i get hedaches every morning for 2 weeks now, never had them before"
    assert "headache" in _codes(msg)
    # control: the same word denied
    assert "headache" not in _codes("hi, done with my radiation last month. no headach, no cough, all good")


# ------------------------------------------------------------------ a symptom named in other words
def test_pain_in_both_hips_an_ache_in_the_back_and_a_weight_that_came_down() -> None:
    assert "bone_pain" in _codes(f"{TREATED} Pain in both hips for a month.")
    assert "back_pain" in _codes(f"{TREATED} Since Sunday a dull ache in her upper thoracic back.")
    assert "weight_loss" in _codes(f"{TREATED} Weight today 58 kg, down from 63 kg in spring.")
    # controls: the same words denied, and a weight that went up
    assert not _codes(f"{TREATED} No pain in both hips, no ache in her back. Weight 58 kg, up from 55 kg.")
