"""Round 12v: the classes behind the blind v12 set's unsafe answers, in our own words.

Each class has differently worded positives and a control where it must not fire:

- a warning word the note denies about a symptom ("without any new features", "nothing new or different about
  it") is reassurance: it no longer blocks the note's explanation, and a symptom said unchanged with nothing that
  explains it is left to confirm (undetermined naming the symptoms), never stated as a red flag;
- a denial after a symptom that negates nothing else ("..., none otherwise.") limits it to what was told before:
  left to confirm;
- a presenting symptom with a warning, later in its paragraph said to have resolved, is left to confirm;
- a symptom dated to a procedure, with no warning in its sentence ("since the biopsy ..."), is left to confirm;
- distant disease the writer is worried about, or that is "not yet excluded", is no M1.
"""

from __future__ import annotations

from nlp_helpers import decide_note, facts, symptom_codes


def facts_to_confirm(note: str) -> list[dict]:
    from rightscan.adapters.text import extract

    return list(extract(note).to_confirm)


NEW_CANCER = (
    "New patient: 61F, left breast IDC 1.4 cm on ultrasound, core biopsy grade 2, ER positive, PR positive, "
    "HER2 negative, axillary ultrasound normal, clinically node negative. "
)


def _left_to_confirm(note: str) -> dict:
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    assert any(item.startswith("symptoms") for item in decision["insufficient_data"])
    return decision


# --- a denied warning ---------------------------------------------------------------------------------------------


def test_usual_headaches_without_new_features_are_no_red_flag() -> None:
    note = NEW_CANCER + "Her headaches are her long-standing migraines without any new features."
    assert "headache" not in symptom_codes(note)


def test_a_symptom_said_unchanged_without_a_cause_is_left_to_confirm() -> None:
    note = NEW_CANCER + "She mentions a headache now and then, nothing new or different about it."
    assert "headache" not in symptom_codes(note)
    _left_to_confirm(note)


def test_a_second_wording_of_a_denied_change() -> None:
    note = NEW_CANCER + "Ache in the lower back on and off, not worse, not different from before."
    assert "back_pain" not in symptom_codes(note)
    _left_to_confirm(note)


def test_control_a_denied_new_medicine_says_nothing_of_the_symptom() -> None:
    note = NEW_CANCER + "She reports a headache every morning for two weeks; no new medicines."
    assert "headache" in symptom_codes(note)


def test_control_a_warning_not_denied_keeps_the_red_flag() -> None:
    note = NEW_CANCER + "Headaches, which she puts down to migraine, are worse every morning now, no new triggers."
    assert "headache" in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


# --- a denial that limits the symptom -----------------------------------------------------------------------------


def test_a_headache_only_with_a_trigger_is_left_to_confirm() -> None:
    note = NEW_CANCER + "Gets a headache if she skips lunch, none otherwise."
    assert "headache" not in symptom_codes(note)
    _left_to_confirm(note)


def test_control_a_denial_of_something_else_keeps_the_symptom() -> None:
    note = NEW_CANCER + "Headache every morning for three weeks, none of the painkillers help."
    assert "headache" in symptom_codes(note)


# --- a symptom dated to a procedure -------------------------------------------------------------------------------

AWAITING = "Portal message. They took a biopsy of my left breast on Monday and think it may be cancer. "


def test_rib_pain_since_the_biopsy_is_left_to_confirm() -> None:
    note = AWAITING + "Since my biopsy on Monday I have had pain in my ribs on the left side. Should I worry?"
    assert "bone_pain" not in symptom_codes(note)
    assert any(item["field"] == "symptoms" for item in facts_to_confirm(note))


def test_rib_pain_after_a_core_biopsy_is_left_to_confirm() -> None:
    note = NEW_CANCER + "Pain in her ribs on the left after the core biopsy on Tuesday, no other complaints."
    assert "bone_pain" not in symptom_codes(note)
    _left_to_confirm(note)


def test_control_a_warning_keeps_pain_dated_to_a_procedure() -> None:
    note = AWAITING + "Since my lumpectomy last year I get pain in my left hip, it is worse at night and wakes me up."
    assert "bone_pain" in symptom_codes(note)


def test_control_a_procedure_that_dates_something_else_leaves_the_symptom() -> None:
    note = (
        "hello doctor, my chemo ended in March after my mastectomy. since about ten days I get headaches most "
        "mornings that I never used to have."
    )
    assert "headache" in symptom_codes(note)


# --- a warned presentation that settled ---------------------------------------------------------------------------


def test_a_presentation_that_settled_is_left_to_confirm() -> None:
    note = (
        "Inpatient summary. 66F with metastatic breast cancer to bone, on letrozole and palbociclib.\n"
        "Course: came in with a fortnight of increasing breathlessness; a pleural effusion was drained. "
        "Breathlessness resolved after the drain; walking on room air.\n"
    )
    assert "dyspnea" not in symptom_codes(note)


def test_control_a_presentation_that_persists_stays() -> None:
    note = (
        "Inpatient summary. 66F with metastatic breast cancer to bone, on letrozole and palbociclib.\n"
        "Course: came in with a fortnight of increasing breathlessness; a pleural effusion was drained. "
        "Still breathless on discharge.\n"
    )
    assert "dyspnea" in symptom_codes(note)


# --- distant disease suspected or still to be excluded ------------------------------------------------------------

TREATED = "Right mastectomy 2019 for IDC, adjuvant chemotherapy, on tamoxifen since. "


def test_worry_about_brain_metastases_is_no_m1() -> None:
    note = TREATED + "Two weeks of new headaches and a weak left hand. I am worried about brain metastases."
    read = facts(note)
    assert read.get("tumor", {}).get("m") != "M1"
    assert read.get("setting") == "suspected_distant_recurrence"


def test_concern_that_it_has_spread_to_the_liver_is_no_m1() -> None:
    note = TREATED + "Raised liver tests on routine bloods; concerned that this is liver metastases, MRI to follow."
    assert facts(note).get("tumor", {}).get("m") != "M1"


def test_distant_spread_yet_to_be_ruled_out_is_no_m1() -> None:
    note = TREATED + "FNA of a new axillary node: carcinoma. Distant disease yet to be ruled out; PET booked."
    assert facts(note).get("tumor", {}).get("m") != "M1"


def test_control_proven_liver_metastases_are_m1_whatever_else_worries_us() -> None:
    note = "Biopsy-proven liver metastases from breast IDC. We are worried about her low mood."
    assert facts(note).get("tumor", {}).get("m") == "M1"


def test_control_distant_disease_excluded_is_no_m1() -> None:
    note = TREATED + "Distant disease was excluded on PET."
    assert facts(note).get("tumor", {}).get("m") != "M1"
