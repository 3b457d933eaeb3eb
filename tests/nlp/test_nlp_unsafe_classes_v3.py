"""Unsafe classes found on the third blind set (first run, 8 unsafe answers), each tested as a class of
clinical meaning with wording of our own, and each with a control that must still raise the finding, so
that no test passes by reading nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, tumor
from nlp_helpers import symptom_codes as _codes
from rightscan.adapters.text import extract

PROPERTY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "61F, R breast IDC 1.8 cm, grade 2, ER+ PR+ HER2-, cN0."
NAMES = {"bone pain": "bone_pain", "headache": "headache", "shortness of breath": "dyspnea",
         "abdominal pain": "abdominal_pain", "cough": "cough", "weight loss": "weight_loss"}  # fmt: skip


# ------------------------------------------------------------------ what to call or come back for
TRIGGERS = ["Call for", "Please call with", "Return/call for", "Seek medical attention for", "ED precautions:",
            "Call us if you notice"]  # fmt: skip
NOT_SYMPTOMS = ["a temperature over 38.5", "wound redness that spreads", "more swelling", "pus from the drain"]


@PROPERTY
@given(trigger=st.sampled_from(TRIGGERS),
       before=st.lists(st.sampled_from(NOT_SYMPTOMS), min_size=1, max_size=4, unique=True),
       items=st.lists(st.sampled_from(sorted(NAMES)), min_size=1, max_size=3, unique=True))  # fmt: skip
def test_discharge_instructions_are_a_hypothetical_list_however_long(trigger: str, before: list[str],
                                                                    items: list[str]) -> None:  # fmt: skip
    # the symptoms stand at the end of a long list of wound problems, past any short cue scope
    note = f"{HEADER} Home today. {trigger} {', '.join([*before, 'new ' + items[0], *items[1:]])}."
    assert not _codes(note) & set(NAMES.values())


def test_a_symptom_reported_beside_discharge_instructions_is_still_raised() -> None:
    note = f"{HEADER} Reports new shortness of breath on stairs since Monday. Call for fever or spreading redness."
    assert "dyspnea" in _codes(note)


# ------------------------------------------------------------------ a relative's symptoms recalled by the patient
@pytest.mark.parametrize("relative", ["Mother", "Her aunt", "Sister"])
def test_a_relatives_symptoms_recalled_by_the_patient_are_the_relatives(relative: str) -> None:
    note = (f"{HEADER} {relative} died of metastatic breast cancer - pt remembers she had severe bone pain and "
            "headaches in her last months. Pt herself is well.")  # fmt: skip
    assert not _codes(note) & {"bone_pain", "headache"}
    control = f"{HEADER} {relative} died of breast cancer. Pt reports bone pain in her right hip for a month."
    assert "bone_pain" in _codes(control)


# ------------------------------------------------------------------ an explanation given in the next sentence
@pytest.mark.parametrize("explanation", ["It was on purpose, I started a diet and joined a gym.",
                                         "She says it was intentional - walking daily and eating less."])  # fmt: skip
def test_weight_lost_on_purpose_explained_in_the_next_sentence_is_not_a_red_flag(explanation: str) -> None:
    note = f"{HEADER} I have lost about 4 kg since spring. {explanation}"
    assert "weight_loss" not in _codes(note)


def test_a_symptom_explained_by_a_benign_event_in_the_next_sentence_is_not_a_red_flag() -> None:
    said = f"{HEADER} Called about the rib pain on the left."
    assert "bone_pain" in _codes(said)
    assert "bone_pain" not in _codes(f"{said} She says the pain began after lifting her grandson last week and is "
                                     "getting better.")  # fmt: skip


@pytest.mark.parametrize("warning", ["it now wakes her at night", "it is getting worse"])
def test_a_warning_in_the_explaining_sentence_keeps_the_symptom(warning: str) -> None:
    note = f"{HEADER} Pain in her left hip for 5 weeks. She says it started after gardening but {warning}."
    assert "bone_pain" in _codes(note)


# ------------------------------------------------------------------ check-box templates
@PROPERTY
@given(ticks=st.lists(st.booleans(), min_size=4, max_size=4))
def test_a_yes_no_item_with_the_option_before_its_box(ticks: list[bool]) -> None:
    names = ["Bone pain", "Headache", "Cough", "Weight loss"]
    rows = [f"  {n:<12} Y [{'x' if t else ' '}]  N [{' ' if t else 'x'}]" for n, t in zip(names, ticks, strict=True)]
    note = HEADER + "\nSymptom review:\n" + "\n".join(rows)
    expected = {NAMES[n.lower()] for n, t in zip(names, ticks, strict=True) if t}
    assert _codes(note) == expected


@PROPERTY
@given(ticks=st.lists(st.booleans(), min_size=4, max_size=4))
def test_a_two_column_yes_no_table_reads_each_row_by_its_header(ticks: list[bool]) -> None:
    names = ["Bone pain", "Headache", "Cough", "Weight loss"]
    rows = [f" {n:<20} [{'x' if t else ' '}]   [{' ' if t else 'x'}]" for n, t in zip(names, ticks, strict=True)]
    note = HEADER + "\nAny of these now?        Yes   No\n" + "\n".join(rows) + "\nExam: unremarkable"
    expected = {NAMES[n.lower()] for n, t in zip(names, ticks, strict=True) if t}
    assert _codes(note) == expected


# ------------------------------------------------------------------ M1, node and size classes
@pytest.mark.parametrize("line", ["Restaging PET/CT given the high risk of occult distant metastases.",
                                  "Node-positive disease raises the chance of distant disease."])  # fmt: skip
def test_a_risk_of_distant_disease_is_not_distant_disease(line: str) -> None:
    assert tumor(f"{HEADER} {line}").get("m") != "M1"


def test_an_examination_manoeuvre_is_not_a_symptom() -> None:
    assert "cough" not in _codes(f"{HEADER} Lungs: a few crackles that clear with cough.")
    assert "cough" in _codes(f"{HEADER} Dry cough for 6 weeks. Lungs: clear.")


@pytest.mark.parametrize("where", ["inferior to", "lateral to", "deep to", "away from"])
def test_a_distance_from_a_landmark_is_not_the_tumour_size(where: str) -> None:
    # the distance is not a second size of the nodule (which would be a conflict, or the wrong size)
    # (a new primary: in a treated cancer's note no size is the current primary's, see test_nlp_meaning_v4)
    note = f"62F, new L breast IDC on core biopsy. US: 7 mm hypoechoic mass 2 cm {where} the biopsy clip."
    assert tumor(note).get("size_cm") == 0.7


# ------------------------------------------------------------------ template fields answered by a ticked box
@pytest.mark.parametrize(("t", "n"), [("T1", "N0"), ("T2", "N1"), ("T3", "N2")])
def test_a_templates_ticked_t_and_n_categories_are_read(t: str, n: str) -> None:
    options_t = "  ".join(f"[{'x' if c == t else ' '}] {c}" for c in ("T1", "T2", "T3", "T4"))
    options_n = "  ".join(f"[{'x' if c == n else ' '}] {c}" for c in ("N0", "N1", "N2", "N3"))
    got = tumor(f"Pt 55F, L breast IDC.\ncT: {options_t}\ncN: {options_n}")
    assert (got.get("t"), got.get("n")) == (t, n)


def test_a_pathologic_size_line_is_not_read_as_a_t_category() -> None:
    assert tumor("Pt 55F, L breast IDC. pT: 1.5 cm invasive carcinoma.").get("t") != "T1"


@pytest.mark.parametrize(("ticked", "status"), [("Pos", "positive"), ("Neg", "negative")])
def test_a_ticked_receptor_answer_is_the_receptor_status(ticked: str, status: str) -> None:
    boxes = "  ".join(f"[{'x' if w == ticked else ' '}] {w}" for w in ("Pos", "Neg"))
    got = tumor(f"Pt 55F, L breast IDC 2 cm.\nER: {boxes}\nPR: {boxes}")
    assert (got.get("er"), got.get("pr")) == (status, status)


def test_a_ticked_negative_axilla_is_n0_and_a_ticked_suspicious_one_is_not() -> None:
    assert tumor("Pt 55F, L breast IDC 2 cm.\nAxilla: [x] US negative  [ ] suspicious").get("n") == "N0"
    assert tumor("Pt 55F, L breast IDC 2 cm.\nAxilla: [ ] US negative  [x] suspicious").get("n") is None


def test_a_distance_in_an_aside_does_not_unseat_the_size_before_it() -> None:
    assert tumor("Pt 55F, L breast IDC.\nSize (US): 2.4 cm   (4 cm from nipple)").get("size_cm") == 2.4


def test_a_lung_nodule_on_staging_ct_is_not_the_tumour_size() -> None:
    note = (
        "L breast IDC cT2 cN1.\nStaging: [x] CT C/A/P 10/02 - negative for metastases; 4 mm subpleural "
        "nodule, likely benign"
    )
    got = tumor(note)
    assert got.get("size_cm") is None and got.get("t") == "T2"  # the nodule's size does not contradict cT2


# ------------------------------------------------------------------ settings the note does not settle
def _setting_assumption(note: str) -> dict[str, object] | None:
    return next((a for a in extract(note).assumptions if a["field"] == "setting"), None)


@pytest.mark.parametrize("course", ["currently on cycle 4 of neoadjuvant AC-T",
                                    "tolerating neoadjuvant chemotherapy well, C3 given last week",
                                    "after neoadjuvant chemotherapy, ypT1a ypN0"])  # fmt: skip
def test_a_cancer_under_or_after_neoadjuvant_treatment_is_not_a_new_diagnosis_to_stage(course: str) -> None:
    note = f"47F, L breast IDC, ER-/PR-/HER2+ (IHC 3+), cT2 cN1, {course}. Seen for nausea."
    assert "setting" not in facts(note)
    said = _setting_assumption(note)
    assert said is not None and said["value"] is None  # the reader says why the setting stays open


def test_a_planned_neoadjuvant_course_is_still_a_new_diagnosis() -> None:
    note = "47F, L breast IDC on core biopsy, ER-/PR-/HER2+ (IHC 3+), cT2 cN1. Plan: neoadjuvant TCHP, C1 next week."
    assert facts(note).get("setting") == "new_diagnosis"


def test_neoadjuvant_treatment_years_ago_with_new_liver_lesions_is_still_a_recurrence() -> None:
    note = ("66F, h/o L breast IDC s/p neoadjuvant AC-T 2016 and mastectomy, then anastrozole. CT: new liver "
            "lesions, largest 3 cm; biopsy: metastatic breast carcinoma.")  # fmt: skip
    assert facts(note).get("setting") == "suspected_distant_recurrence"


def test_just_operated_with_final_pathology_pending_leaves_the_setting_open() -> None:
    note = ("POD1 s/p R mastectomy and SLNB for cT2 cN0 IDC. Final pathology pending. Drain teaching done. "
            "Follow-up in clinic next week.")  # fmt: skip
    assert "setting" not in facts(note)
    said = _setting_assumption(note)
    assert said is not None and said["value"] is None


@pytest.mark.parametrize("history", ["known metastatic ER+ ILC (bone recurrence 2023) on fulvestrant",
                                     "established stage IV breast cancer (liver, bone) on capecitabine"])  # fmt: skip
def test_known_metastatic_disease_is_restaging_not_a_staging_setting(history: str) -> None:
    note = f"70F with {history}. Last CT: new sclerotic foci in the pelvis. Restaging PET/CT requested."
    got = facts(note)
    assert "setting" not in got and got["tumor"]["m"] == "M1"
    said = _setting_assumption(note)
    assert said is not None and said["value"] is None


def test_newly_found_metastases_after_a_treated_cancer_are_still_a_suspected_recurrence() -> None:
    note = ("59F, h/o R breast IDC 2017 s/p mastectomy and tamoxifen. New RUQ pain; CT: multiple liver lesions. "
            "Liver biopsy: metastatic carcinoma c/w breast primary.")  # fmt: skip
    assert facts(note).get("setting") == "suspected_distant_recurrence"


def test_an_old_staging_study_does_not_make_a_treated_cancer_a_new_diagnosis() -> None:
    note = ("CT chest wo contrast. Reason: follow-up of a 4 mm LUL nodule seen on staging CT 6 months ago. 61F, L "
            "breast IDC s/p lumpectomy 2025, on anastrozole. No cough.")  # fmt: skip
    assert facts(note).get("setting") != "new_diagnosis"
    current = "61F, L breast IDC on core biopsy, ER+, cT1c N0. Staging CT requested by the surgeon?"
    assert facts(current).get("setting") == "new_diagnosis"


@pytest.mark.parametrize("lead", ["Board recommends", "Recommendation:", "Recommended:"])
def test_a_study_someone_recommends_is_the_order(lead: str) -> None:
    note = f"{HEADER} New severe headaches x 2 wks with vomiting. {lead} MRI brain without and with contrast."
    assert facts(note).get("order") is not None
    assert facts(f"{HEADER} MRI brain without and with contrast last year was normal.").get("order") is None


def test_a_node_that_looked_abnormal_but_was_benign_on_sampling_is_n0() -> None:
    looked = "59F, R breast IDC 1.6 cm on US. A right axillary node with a thickened cortex"
    assert tumor(f"{looked} was sampled by FNA: benign, reactive.").get("n") == "N0"
    assert tumor(f"{looked}, FNA pending.").get("n") != "N0"  # not sampled yet: no reassurance


def test_an_axilla_negative_on_exam_and_ultrasound_is_n0_and_the_gap_between_foci_is_no_size() -> None:
    note = ("61F, L breast IDC, index mass 2.2 cm with a second 0.8 cm focus 2.5 cm apart. Axilla clinically and "
            "sonographically negative.")  # fmt: skip
    got = tumor(note)
    assert got.get("n") == "N0" and got.get("size_cm") == 2.2


@pytest.mark.parametrize("words", ["TNBC-like biology", "triple-negative-like features"])
def test_a_comparison_with_triple_negative_disease_is_not_a_receptor_result(words: str) -> None:
    note = f"44F, R breast IDC, ER 0%, PR 0%, HER2 IHC 3+ on core. Aggressive, {words}."
    assert tumor(note).get("her2") == "positive"
    assert tumor("44F, R breast IDC, TNBC on core.").get("her2") == "negative"


@pytest.mark.parametrize("line", ["It's been 6 years now since my mastectomy and chemo. Do I need yearly imaging?",
                                  "I have felt great since my lumpectomy and radiation 2 years ago."])  # fmt: skip
def test_a_writer_counting_time_since_her_surgery_is_a_treated_patient(line: str) -> None:
    got = facts(f"Hi doctor, quick question. {line} No lumps. Thanks!")
    assert got.get("prior_surgery") in ("mastectomy", "bct") and got.get("setting") == "surveillance"


def test_a_size_measured_after_the_distance_from_the_nipple_is_the_tumour_size() -> None:
    note = "57F. US: irregular mass at 2:00, 5 cm from the nipple, measuring 2.3 x 1.9 x 1.2 cm. Core: IDC."
    assert tumor(note).get("size_cm") == 2.3
    assert tumor("57F. US: irregular 1.4 cm mass at 2:00; nipple distance 5 cm. Core: IDC.").get("size_cm") == 1.4


def test_surgery_many_months_ago_is_follow_up_and_a_fresh_one_is_not() -> None:
    old = "Hi! Feeling great since my lumpectomy and radiation, 14 months ago now. No lumps, no pain."
    assert facts(old).get("setting") == "surveillance"
    fresh = "Hi! My lumpectomy was 2 weeks ago and the incision looks good. Final pathology still pending."
    assert facts(fresh).get("setting") is None
