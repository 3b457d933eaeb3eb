"""Decisions a clinician would check: the reference patient, every ACR variant, the ways out of
the early-stage scenario, red flags, exceptions and the guidance each fact triggers."""

from __future__ import annotations

import pytest

from conftest import ids, run, variants
from rightscan.api import evaluate

UNA = "Usually Not Appropriate"
UA = "Usually Appropriate"


# ----------------------------------------------------------------------------- reference patient
def test_reference_patient_pet_ct_is_not_recommended_and_rated_usually_not_appropriate() -> None:
    d = run()
    assert d["stage"]["anatomic"] == "IA"
    assert d["stage"]["clinical_prognostic"] == "IA"
    assert d["stage"]["edition"] == "AJCC 8"
    assert d["systemic_imaging"] == "not_recommended"
    assert "not recommended" in d["summary"] and "IA" in d["summary"]
    order = d["order"]
    assert order["procedure"] == "FDG-PET/CT Skull Base to Mid-Thigh"
    assert order["variant"] == 2 and order["purpose"] == "distant"
    assert order["category"] == UNA
    assert order["rrl"] == "☢☢☢☢" and order["adult_dose_msv"] == "10-30"
    assert d["red_flags"] == [] and d["insufficient_data"] == []
    # the reminder that locoregional (axillary) staging is still due
    assert "locoregional_still_needed" in ids(d["considerations"])
    assert any("axillary ultrasound" in s["text"] for s in d["next_steps"])
    # better alternatives are locoregional studies of variant 1: those rated Usually Appropriate, then the
    # axillary US the locoregional consideration names as due (issue 11), with its own category
    alts = order["alternatives"]
    assert alts and all(a["variant"] == 1 for a in alts)
    assert all(a["category"] == UA for a in alts if a["procedure_id"] != "us_axilla")
    assert "US Breast" in [a["procedure"] for a in alts]


def test_reference_patient_assessments_cover_variants_1_and_2_with_every_procedure() -> None:
    d = run()
    assert variants(d, "locoregional") == [1]
    assert variants(d, "distant") == [2]
    v2 = next(a for a in d["assessments"] if a["variant"] == 2)
    assert len(v2["procedures"]) == 12
    assert {p["category"] for p in v2["procedures"]} == {UNA}
    assert v2["topic"] == "Imaging of Invasive Breast Cancer"


@pytest.mark.parametrize(
    ("order", "category", "rrl"),
    [
        ("bone scan", UNA, "☢☢☢"),
        ("CT CAP", UNA, "☢☢☢☢"),
        ("78815", UNA, "☢☢☢☢"),
        ("71260+74177", UNA, "☢☢☢☢"),
        ("FDG-PET/CT Skull Base to Mid-Thigh", UNA, "☢☢☢☢"),
    ],
)
def test_systemic_studies_are_usually_not_appropriate_in_early_disease(order: str, category: str, rrl: str) -> None:
    d = run(order=order)
    assert d["order"]["variant"] == 2
    assert d["order"]["category"] == category
    assert d["order"]["rrl"] == rrl


def test_locoregional_order_is_rated_under_variant_1() -> None:
    d = run(order="axillary ultrasound")
    assert d["order"]["procedure"] == "US Axilla"
    assert d["order"]["purpose"] == "locoregional" and d["order"]["variant"] == 1
    assert d["order"]["category"] == "May Be Appropriate" and d["order"]["median_rating"] == 5
    d = run(order="diagnostic mammogram")
    assert (d["order"]["variant"], d["order"]["category"]) == (1, UA)
    assert d["order"]["alternatives"] == []


def test_explicit_purpose_overrides_the_procedure_default() -> None:
    d = run(order="breast MRI", purpose="distant")
    assert d["order"]["purpose"] == "distant" and d["order"]["purpose_source"] == "order"
    assert (d["order"]["variant"], d["order"]["category"]) == (2, UNA)
    d = run(order="breast MRI")
    assert (d["order"]["variant"], d["order"]["category"]) == (1, UA)


# ----------------------------------------------------------------------------- late stage, biology split
def test_stage_iii_er_positive_her2_negative_gets_variants_3_and_4() -> None:
    # T2 N2a G2 ER+PR+HER2-: anatomic IIIA, prognostic IIA. cN2 is beyond the early pathway whatever the
    # prognostic stage (issue 9): recommended, late variants only.
    d = run({"size_cm": 3.0, "n": "N2a"})
    assert (d["stage"]["anatomic"], d["stage"]["clinical_prognostic"]) == ("IIIA", "IIA")
    assert d["systemic_imaging"] == "recommended"
    assert variants(d, "locoregional") == [3] and variants(d, "distant") == [4]
    d = run({"size_cm": 3.0, "n": "N2a", "grade": 3, "pr": "negative"})  # D-G3 H-E+P- = IIIB
    assert (d["stage"]["anatomic"], d["stage"]["clinical_prognostic"]) == ("IIIA", "IIIB")
    assert d["systemic_imaging"] == "recommended"
    assert variants(d, "locoregional") == [3] and variants(d, "distant") == [4]
    assert (d["order"]["variant"], d["order"]["category"]) == (4, UA)
    assert "late_stage_systemic" in ids(d["considerations"])
    assert "systemic_staging_now" in ids(d["next_steps"])


@pytest.mark.parametrize(
    "receptors",
    [
        {"er": "negative", "pr": "negative", "her2": "negative"},  # triple negative
        {"er": "positive", "pr": "positive", "her2": "positive"},  # HER2-positive
        {"er": "negative", "pr": "negative", "her2": "positive"},
    ],
)
def test_stage_iii_her2_positive_or_triple_negative_gets_variant_5(receptors: dict[str, str]) -> None:
    d = run({"size_cm": 6.0, "n": "N2a", "grade": 3, **receptors})
    assert d["stage"]["anatomic"] == "IIIA"
    assert d["systemic_imaging"] in ("recommended", "individualize")
    assert 5 in variants(d, "distant") and 4 not in variants(d, "distant")
    v5 = next(a for a in d["assessments"] if a["variant"] == 5)
    assert {p["procedure"]: p["category"] for p in v5["procedures"]}["MRI Head Without and With IV Contrast"] == UNA


def test_er_negative_pr_positive_late_stage_has_no_distant_variant_and_says_so() -> None:
    d = run({"size_cm": 6.0, "n": "N2a", "grade": 3, "er": "negative", "pr": "positive"})
    assert d["systemic_imaging"] == "recommended"
    assert variants(d, "distant") == []
    assert d["order"]["category"] is None and d["order"]["variant"] is None
    assert "biology_without_variant" in ids(d["considerations"])
    assert any("neither variant 4" in e["step"] for e in d["explanation"])


def test_late_stage_with_unknown_receptors_names_the_missing_fact() -> None:
    d = evaluate({"setting": "new_diagnosis", "tumor": {"histology": "IDC", "t": "T3", "n": "N2a", "m": "M0"}})
    assert d["stage"]["anatomic"] == "IIIA"
    assert d["systemic_imaging"] == "recommended"  # only one stage known, and it is IIB-III
    assert variants(d, "locoregional") == [3] and variants(d, "distant") == []
    assert any("tumor.er" in x and "variant" in x for x in d["insufficient_data"])


def test_inflammatory_cancer_is_t4d_and_needs_systemic_staging() -> None:
    d = run({"inflammatory": True, "size_cm": None})
    assert d["stage"]["t"] == "cT4d"
    assert d["stage"]["anatomic"] == "IIIB"
    assert d["systemic_imaging"] == "recommended"
    assert "inflammatory" in ids(d["considerations"])


def test_inflammatory_prognostic_stage_can_be_iiia_and_still_recommended() -> None:
    # T4d N0 G1 HER2+ ER+ PR+ : clinical prognostic group E G1 = IIIA, anatomic IIIB
    d = run({"inflammatory": True, "size_cm": None, "grade": 1, "her2": "positive"})
    assert (d["stage"]["anatomic"], d["stage"]["clinical_prognostic"]) == ("IIIB", "IIIA")
    assert d["systemic_imaging"] == "recommended"


# ----------------------------------------------------------------------------- split stage
def test_t2n0_grade3_triple_negative_is_split_and_individualised() -> None:
    d = run({"size_cm": 3.0, "grade": 3, "er": "negative", "pr": "negative", "her2": "negative"})
    assert (d["stage"]["anatomic"], d["stage"]["clinical_prognostic"]) == ("IIA", "IIB")
    assert d["systemic_imaging"] == "individualize"
    assert "split_stage" in ids(d["considerations"])
    assert "aggressive_biology_iia" in ids(d["considerations"])
    # the PET/CT is rated under both the early and the late variant, with no single verdict
    ratings = {r["variant"]: r["category"] for r in d["order"]["ratings"]}
    assert ratings == {2: UNA, 5: UA}
    assert d["order"]["category"] is None


def test_her2_positive_grade3_stage_iia_flags_case_by_case_discussion() -> None:
    d = run({"size_cm": 3.0, "grade": 3, "er": "negative", "pr": "negative", "her2": "positive"})
    assert (d["stage"]["anatomic"], d["stage"]["clinical_prognostic"]) == ("IIA", "IIA")
    assert d["systemic_imaging"] == "not_recommended"
    assert "aggressive_biology_iia" in ids(d["considerations"])
    assert "therapy_her2_positive" in ids(d["next_steps"])


# ----------------------------------------------------------------------------- out of scope
def test_dcis_only_is_not_applicable() -> None:
    d = run({"histology": "DCIS", "size_cm": 2.5, "grade": None})
    assert d["stage"]["t"] == "cTis" and d["stage"]["anatomic"] == "0"
    assert d["systemic_imaging"] == "not_applicable"
    assert "dcis_only" in ids(d["considerations"])
    assert d["assessments"] == []
    assert d["order"]["category"] is None


def test_known_metastatic_disease_is_not_applicable() -> None:
    d = run({"m": "M1"})
    assert d["stage"]["anatomic"] == "IV" and d["stage"]["clinical_prognostic"] == "IV"
    assert d["systemic_imaging"] == "not_applicable"
    assert "known_metastatic" in ids(d["considerations"])


# ----------------------------------------------------------------------------- red flags
@pytest.mark.parametrize(
    ("symptoms", "finding", "first_study"),
    [
        (["bone_pain"], "bone_pain", "Bone Scan Whole Body"),
        (["back_pain"], "back_pain", "Bone Scan Whole Body"),
        (["back_pain", "neurologic_deficit"], "back_pain", "MRI Spine Without and With IV Contrast"),
        (["neurologic_deficit"], "neurologic_deficit", "MRI Head Without and With IV Contrast"),
        (["headache"], "headache", "MRI Head Without and With IV Contrast"),
        (["cough"], "cough", "CT Chest With IV Contrast"),
        (["dyspnea"], "dyspnea", "CT Chest With IV Contrast"),
        (["abdominal_pain"], "abdominal_pain", "CT Abdomen Pelvis With IV Contrast"),
        (["jaundice"], "jaundice", "CT Abdomen Pelvis With IV Contrast"),
        (["weight_loss"], "weight_loss", "CT chest abdomen pelvis with IV contrast"),
    ],
)
def test_each_symptom_red_flag_points_to_its_targeted_study(
    symptoms: list[str], finding: str, first_study: str
) -> None:
    d = run(symptoms=symptoms)
    assert d["systemic_imaging"] == "targeted"
    flag = next(f for f in d["red_flags"] if f["finding"] == finding)
    assert flag["suggested"][0] == first_study
    assert flag["source"]
    assert "red_flag_targeted" in ids(d["considerations"])


def test_cord_compression_is_urgent_and_does_not_also_send_to_brain_mri() -> None:
    d = run(symptoms=["back_pain", "neurologic_deficit"])
    assert [f["rule"] for f in d["red_flags"]] == ["back_pain_with_neurologic_signs"]
    assert d["red_flags"][0]["urgent"] is True


def test_bone_pain_makes_pet_ct_a_non_targeted_order_with_bone_scan_instead() -> None:
    d = run(symptoms=["bone_pain"])
    assert d["systemic_imaging"] == "targeted"
    assert variants(d, "distant") == []  # symptomatic new diagnosis is not a variant of topic 310
    assert variants(d, "locoregional") == [1]  # locoregional staging still follows the stage
    assert d["order"]["category"] is None
    assert next(a["procedure"] for a in d["order"]["alternatives"]) == "Bone Scan Whole Body"


def test_bone_scan_ordered_for_bone_pain_is_indicated() -> None:
    d = run(symptoms=["bone_pain"], order="bone scan")
    assert d["order"]["indicated_by_red_flags"] == ["bone_pain"]
    assert d["order"]["alternatives"] == []
    assert "indicated" in d["order"]["note"]


def test_red_flag_in_late_stage_keeps_the_stage_variants() -> None:
    d = run({"size_cm": 6.0, "n": "N2a", "grade": 3, "pr": "negative"}, symptoms=["headache"])
    assert d["systemic_imaging"] == "targeted"
    assert variants(d, "distant") == [4]
    assert d["red_flags"][0]["suggested"] == ["MRI Head Without and With IV Contrast"]


# ----------------------------------------------------------------------------- labs
def test_mildly_raised_isolated_alp_is_not_a_red_flag_and_suggests_fractionation() -> None:
    d = run(
        labs={
            "alkaline_phosphatase": {"value": 200, "uln": 120},
            "ast": {"value": 25, "uln": 40},
            "alt": {"value": 20, "uln": 40},
            "bilirubin": {"value": 0.8, "uln": 1.2},
        }
    )
    assert d["systemic_imaging"] == "not_recommended"
    assert d["red_flags"] == []
    assert "alp_mildly_raised" in ids(d["considerations"])
    assert "fractionate_alp" in ids(d["next_steps"])


def test_alp_just_above_twice_uln_is_a_red_flag_for_bone_and_liver() -> None:
    d = run(labs={"alkaline_phosphatase": {"value": 241, "uln": 120}, "ast": {"value": 25, "uln": 40}})
    assert d["systemic_imaging"] == "targeted"
    flag = d["red_flags"][0]
    assert flag["finding"] == "alkaline_phosphatase"
    assert "Bone Scan Whole Body" in flag["suggested"] and "CT Abdomen Pelvis With IV Contrast" in flag["suggested"]


def test_alp_exactly_twice_uln_is_still_mild() -> None:
    d = run(labs={"alkaline_phosphatase": {"value": 240, "uln": 120}, "alt": {"value": 25, "uln": 40}})
    assert d["systemic_imaging"] == "not_recommended"


def test_mild_alp_with_abnormal_liver_tests_is_a_red_flag() -> None:
    d = run(labs={"alkaline_phosphatase": {"value": 150, "uln": 120}, "ast": {"value": 90, "uln": 40}})
    assert d["systemic_imaging"] == "targeted"
    assert {f["finding"] for f in d["red_flags"]} == {"alkaline_phosphatase", "liver_tests"}


def test_mild_alp_without_liver_tests_is_undetermined_and_asks_for_them() -> None:
    d = run(labs={"alkaline_phosphatase": {"value": 150, "uln": 120}})
    assert d["systemic_imaging"] == "undetermined"
    assert any(x.startswith("labs.ast / labs.alt") for x in d["insufficient_data"])


def test_abnormal_transaminase_alone_points_to_abdominal_imaging() -> None:
    d = run(labs={"alt": {"value": 145, "uln": 40}})
    assert d["red_flags"][0]["finding"] == "liver_tests"
    assert d["red_flags"][0]["suggested"][0] == "CT Abdomen Pelvis With IV Contrast"


def test_raised_tumour_markers_are_not_a_reason_to_image() -> None:
    d = run(tumor_markers={"ca15_3": {"value": 60, "uln": 30}})
    assert d["systemic_imaging"] == "not_recommended"
    assert d["red_flags"] == []
    assert "markers_not_reason" in ids(d["pitfalls"])
    assert "markers_not_reason" not in ids(run()["pitfalls"])


# ----------------------------------------------------------------------------- exceptions and guidance
def test_lobular_histology_same_answer_with_fdg_caveat() -> None:
    d = run({"histology": "ILC"})
    assert d["systemic_imaging"] == "not_recommended"
    assert "lobular_fdg" in ids(d["considerations"])
    assert "lobular_fdg" not in ids(run()["considerations"])


def test_patient_request_for_full_body_scan_brings_shared_decision_points() -> None:
    d = run(patient_preference="requests_imaging")
    assert d["systemic_imaging"] == "not_recommended"
    assert "patient_requests_scan" in ids(d["considerations"])
    assert "patient_requests_scan" not in ids(run()["considerations"])


def test_guidance_is_triggered_not_printed_for_everyone() -> None:
    late = run({"size_cm": 6.0, "n": "N2a", "grade": 3, "pr": "negative"})
    early = run()
    assert "low_pretest_probability" in ids(early["considerations"])
    assert "low_pretest_probability" not in ids(late["considerations"])
    assert "late_stage_systemic" not in ids(early["considerations"])
    assert all(
        item["source"] for d in (late, early) for k in ("considerations", "next_steps", "pitfalls") for item in d[k]
    )


def test_her2_equivocal_is_staged_as_negative() -> None:
    equivocal = run({"her2": "equivocal", "size_cm": 3.0, "grade": 3, "er": "negative", "pr": "negative"})
    negative = run({"her2": "negative", "size_cm": 3.0, "grade": 3, "er": "negative", "pr": "negative"})
    assert equivocal["stage"] == negative["stage"]
    assert any("equivocal" in e["step"] for e in equivocal["explanation"])


def test_m0_i_plus_is_staged_as_m0() -> None:
    assert run({"m": "M0(i+)"})["stage"]["anatomic"] == "IA"


# ----------------------------------------------------------------------------- pathologic upstaging
def test_pathologic_upstaging_makes_post_operative_systemic_staging_appropriate() -> None:
    d = run({"grade": 2, "er": "negative", "pr": "negative"}, pathology={"t": "pT3", "n": "pN1a"})
    assert d["stage"]["clinical_prognostic"] == "IB"  # clinically early
    assert d["stage"]["pathological"]["anatomic"] == "IIIA"
    assert d["systemic_imaging"] == "recommended"
    assert "post_op_staging" in ids(d["next_steps"])
    assert "upstaging" in d["summary"]


def test_pathology_confirming_early_stage_keeps_not_recommended() -> None:
    d = run(pathology={"t": "pT1c", "n": "pN0"})
    assert d["systemic_imaging"] == "not_recommended"


# ----------------------------------------------------------------------------- follow-up variants
@pytest.mark.parametrize(
    ("setting", "surgery", "order", "locoregional", "distant", "category"),
    [
        ("surveillance", "bct", "diagnostic mammogram", [6], [10], UA),
        ("surveillance", "mastectomy", "breast MRI", [7], [10], "May Be Appropriate"),
        ("surveillance", "bct", "PET/CT", [6], [10], UNA),
        ("suspected_local_recurrence", "bct", "breast ultrasound", [8], [], UA),
        ("suspected_local_recurrence", "mastectomy", "diagnostic mammogram", [9], [], UNA),
        ("suspected_distant_recurrence", None, "brain MRI w/wo", [], [11], UA),
        ("suspected_distant_recurrence", "bct", "PET/CT", [], [11], UA),
    ],
)
def test_follow_up_settings_use_their_own_variants(
    setting: str, surgery: str | None, order: str, locoregional: list[int], distant: list[int], category: str
) -> None:
    d = run(setting=setting, prior_surgery=surgery, order=order)
    assert d["systemic_imaging"] == "not_applicable"
    assert variants(d, "locoregional") == locoregional
    assert variants(d, "distant") == distant
    assert d["order"]["category"] == category


def test_surveillance_without_surgery_type_asks_for_it() -> None:
    d = run(setting="surveillance", order="diagnostic mammogram")
    assert variants(d, "locoregional") == []
    assert any(x.startswith("prior_surgery") for x in d["insufficient_data"])
    assert "no ACR variant" in d["order"]["note"]


def test_symptoms_in_surveillance_switch_distant_evaluation_to_variant_11() -> None:
    d = run(setting="surveillance", prior_surgery="mastectomy", symptoms=["bone_pain"], order="bone scan")
    assert d["systemic_imaging"] == "targeted"
    assert variants(d, "distant") == [11]
    assert (d["order"]["variant"], d["order"]["category"]) == (11, UA)
    assert d["order"]["indicated_by_red_flags"] == ["bone_pain"]


def test_every_variant_of_the_topic_is_reachable(kb) -> None:  # type: ignore[no-untyped-def]
    reached: set[int] = set()
    cases = [
        run(),
        run({"size_cm": 6.0, "n": "N2a", "grade": 3, "pr": "negative"}),
        run({"size_cm": 6.0, "n": "N2a", "grade": 3, "er": "negative", "pr": "negative"}),
        *(
            run(setting=s, prior_surgery=p)
            for s in ("surveillance", "suspected_local_recurrence")
            for p in ("bct", "mastectomy")
        ),
        run(setting="suspected_distant_recurrence"),
    ]
    for d in cases:
        reached.update(variants(d))
    assert reached == {v.number for v in kb.variants} == set(range(1, 12))


# ----------------------------------------------------------------------------- insufficient data
def test_unknown_nodal_status_is_undetermined_and_names_the_fact() -> None:
    d = run({"n": None})
    assert d["systemic_imaging"] == "undetermined"
    assert d["stage"]["anatomic"] is None
    assert any(x.startswith("tumor.n") for x in d["insufficient_data"])
    assert "obtain_missing" in ids(d["next_steps"])


def test_missing_grade_that_could_cross_iia_iib_is_reported() -> None:
    d = run({"size_cm": 3.0, "grade": None, "er": "negative", "pr": "negative"})  # T2N0 TN: IIA..IIIB possible
    assert d["stage"]["anatomic"] == "IIA" and d["stage"]["clinical_prognostic"] is None
    # G1 would give prognostic IIA (not recommended), G2/G3 IIB (individualize): the unknown grade flips
    # the answer, so RightScan abstains and names it (safety before coverage).
    assert d["systemic_imaging"] == "undetermined"
    assert any("tumor.grade" in x and "IIB" in x for x in d["insufficient_data"])


def test_missing_m_is_staged_cm0_but_said_so() -> None:
    # issue 9: cM0 by rule is an assumption, stated as such, not a missing fact
    d = run({"m": None})
    assert d["stage"]["m_source"] == "not stated"
    assert [a["field"] for a in d["assumptions"]] == ["tumor.m"] and d["assumptions"][0]["assumed"] == "cM0"
    assert not any(x.startswith("tumor.m") for x in d["insufficient_data"])
    assert d["systemic_imaging"] == "not_recommended"


def test_missing_setting_is_undetermined() -> None:
    d = run(setting=None)
    assert d["systemic_imaging"] == "undetermined"
    assert any(x.startswith("setting") for x in d["insufficient_data"])


def test_unknown_t_with_n3_still_stages_iiic() -> None:
    d = evaluate({"setting": "new_diagnosis", "tumor": {"histology": "IDC", "n": "N3c", "m": "M0"}})
    assert d["stage"]["anatomic"] == "IIIC"
    assert d["systemic_imaging"] == "recommended"


def test_axillary_ultrasound_is_offered_when_locoregional_staging_is_due() -> None:
    """Issue 11: the alternatives to a PET/CT in early disease include axillary US, which the locoregional
    consideration names as due, with the category variant 1 gives it (May Be Appropriate), not an invented one."""
    d = run(order="PET/CT")
    alternatives = {a["procedure_id"]: a for a in d["order"]["alternatives"]}
    assert "us_axilla" in alternatives and "us_breast" in alternatives
    assert alternatives["us_axilla"]["category"] == "May Be Appropriate" and alternatives["us_axilla"]["variant"] == 1
    assert "locoregional_still_needed" in ids(d["considerations"])
    # an axillary US ordered itself is not offered as its own alternative
    assert all(a["procedure_id"] != "us_axilla" for a in run(order="US Axilla")["order"]["alternatives"])
