"""Round 22c: the surgical path and recurrence versus a new primary, read as classes in our own words.

- an anaesthetist's or a ward's sheet before the operation ("Anaesthesia pre-op assessment", "Pre-procedure checklist")
  names the operation to come in its "Procedure:" label: no prior surgery, and the proven cancer is a new diagnosis;
  a pathology report with pathological categories keeps its label as the operation done;
- an option the patient leans toward ("leaning towards mastectomy") is not an operation done;
- the treated side is read only from a sentence naming the breast, its cancer or its operation: a hip or shoulder
  pain with its side ("R hip pain in pt on AI") does not make a left-sided cancer a new primary in the other breast;
- a note that calls the cancer a new primary, not a recurrence, is not made a suspected local recurrence by a
  recurrence asked in its title;
- treatment told finished by its drug ("finished the herceptin last year") and the year of endocrine treatment she is
  in ("in her fifth year of tamoxifen") are treatment given;
- a new lump written with its side and place and no preposition ("new lump R axilla") after a treated cancer is a
  suspected local recurrence;
- a pathology report's "Specimens:" list names operations done.
Controls keep what must still count.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(
    title=st.sampled_from([
        "ANAESTHESIA PRE-OP ASSESSMENT", "Anesthesia preoperative evaluation", "PRE-PROCEDURE CHECKLIST",
        "Pre-operative nursing checklist",
    ]),
    operation=st.sampled_from(["L total mastectomy + SLNB", "R wide local excision", "Bilateral mastectomy"]),
)  # fmt: skip
@PROPERTY
def test_a_pre_operative_sheet_names_the_operation_to_come(title: str, operation: str) -> None:
    note = (
        f"{title}\n58 y/o female\nProcedure: {operation}\n"
        "Dx: invasive ductal carcinoma, grade 2, ER positive, PR positive, HER2 negative.\n"
        "Fasted from midnight. Consent signed."
    )
    got = facts(note)
    assert "prior_surgery" not in got
    assert got.get("setting") != "suspected_distant_recurrence"


def test_control_a_pathology_report_label_is_the_operation_done() -> None:
    note = (
        "SURGICAL PATHOLOGY REPORT\nProcedure: left total mastectomy\n"
        "Invasive ductal carcinoma, 2.2 cm, grade 2. pT2 pN0."
    )
    assert facts(note).get("prior_surgery") == "mastectomy"


def test_an_option_leaned_toward_is_not_an_operation_done() -> None:
    note = (
        "Navigator call. 52 yo woman, new R breast IDC on core biopsy 11/02, ER+ PR+ HER2-. "
        "Seen by surgery 11/09; she is leaning towards mastectomy and will decide next week."
    )
    assert facts(note).get("prior_surgery") != "mastectomy"


def test_a_limb_pain_with_its_side_is_no_new_primary_in_the_other_breast() -> None:
    note = (
        "Follow-up visit. 66 yo F. Dx: R breast IDC, pT1c pN0, ER+/PR+/HER2-, 2019. "
        "Treatment: mastectomy, adjuvant anastrozole (year 5).\n"
        "Assessment: new L shoulder pain waking her at night, on AI - r/o bone met vs rotator cuff.\n"
        "Plan: bone scan."
    )
    assert facts(note).get("setting") == "suspected_distant_recurrence"


def test_a_new_primary_named_as_such_is_a_new_diagnosis() -> None:
    note = (
        "?RECURRENCE CLINIC\n61 yo F. Hx R breast IDC 2016 -> R lumpectomy + RT, letrozole x5y.\n"
        "Now: L breast mass on screening mammogram, US 1.2 cm; US core: invasive ductal carcinoma, grade 1, ER+.\n"
        "Opinion: opposite breast, a second primary and not a recurrence of the R cancer.\n"
        "Plan: L axillary US before surgery."
    )
    assert facts(note).get("setting") == "new_diagnosis"


def test_control_a_recurrence_asked_with_a_breast_study_stays_a_local_question() -> None:
    note = (
        "Follow-up. 61 yo F, R lumpectomy + RT 2016 for IDC, letrozole completed. "
        "R breast thickening at the scar, ?recurrence. Plan: R diagnostic mammogram."
    )
    assert facts(note).get("setting") == "suspected_local_recurrence"


@given(
    told=st.sampled_from([
        "I finished the herceptin last year after my surgery",
        "she completed her trastuzumab in 2023",
        "I'm now in my fifth year of tamoxifen",
        "she is in year 3 of letrozole",
    ]),
)  # fmt: skip
@PROPERTY
def test_treatment_told_finished_or_under_way_is_a_treated_cancer(told: str) -> None:
    note = (
        f"Portal message: I had breast cancer, {told}. For the past 3 weeks I have had new headaches every "
        "morning and I vomited today. Could I have a brain MRI?"
    )
    assert facts(note).get("setting") == "suspected_distant_recurrence"


@given(place=st.sampled_from(["R axilla", "L armpit", "rt chest wall", "L underarm"]))
@PROPERTY
def test_a_new_lump_with_side_and_place_is_a_local_finding(place: str) -> None:
    note = f"Phone note: s/p mastectomy 2020 for IDC, on tamoxifen. Called about a new lump {place} x 2 wks."
    assert facts(note).get("setting") == "suspected_local_recurrence"


def test_control_no_new_lump_stays_surveillance() -> None:
    note = "Phone note: s/p mastectomy 2020 for IDC, on tamoxifen. Routine call, no new lumps, feels well."
    assert facts(note).get("setting") == "surveillance"


def test_a_specimens_list_names_the_operation_done() -> None:
    note = (
        "SURGICAL PATHOLOGY - FINAL\nSpecimens: A. Right breast, total mastectomy. B. Right sentinel nodes.\n"
        "DIAGNOSIS: A. Invasive lobular carcinoma, 3.1 cm. B. 0/3 nodes. pT2 pN0(sn)."
    )
    assert facts(note).get("prior_surgery") == "mastectomy"
