"""Round 53e: red flags raised from mentions a clinician sets aside (v53 blind, cf / cg / ch hands).

Each class in other wordings than the set's, with controls that keep their reading:

1. A pointer that names a pain ("Pain started ...", "The ache ...") carries its warning back only to a pain, never to a
   cough or a breathlessness told before it. Controls: the same pointer after a back pain still warns it; "it" still
   points back to a cough.
2. A cough getting better day by day, and a cough told joined to a cold's other symptoms (runny nose, sore throat,
   coryza). Controls: a warning ("persistent", "worse", a pain at night); a cold's symptom denied; a list with no
   link.
3. A symptom that comes after each injection, dose or infusion (the drug's side effect). Controls: a warning; a back
   pain (not one of the symptoms these words explain).
4. An acute abdominal illness diagnosed and treated with its pain settling ("..., pain much better"). Controls: the
   illness denied; the pain worse; no settling told.
5. A head injury the note names explains its headache. Controls: a warning (worsening, vomiting); an injury of years
   ago; an injury denied. Round 54e: only a headache dated back to the blow ("headache since") is explained; one the
   paragraph tells beside a blow without that tie is left to confirm (a head injury is no benign cause:
   test_nlp_head_injury.py, test_nlp_r36b_named_event.py).
6. A known headache disorder told once as unchanged (migraine, "same pattern for years") is the headache the note names
   elsewhere (a clinic's name, the referral reason). Controls: a warning anywhere; a focal deficit in the note; the
   disorder doubted; the disorder named without a stable word. Round 54e: explained only when the clinician's
   assessment tells it so ("Impression: ... stable"); told only in the history, the headache named elsewhere is left
   to confirm (a restated headache may not be the usual one: test_nlp_unsafe_v14b.py, test_nlp_r28_v28_classes.py).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

SURV = "Surveillance visit. 58F, L lumpectomy + RT 2020 for IDC, on anastrozole.\n"
NEW = "47F, new R breast IDC 1.4 cm, cN0, ER+/PR+/HER2-.\n"


def _stated(line: str, lead: str = SURV) -> set[str]:
    return symptom_codes(lead + line)


def _any(line: str, lead: str = SURV) -> set[str]:
    return symptom_codes(lead + line) | symptoms_to_confirm(lead + line)


# ------------------------------------------------------------------ 1. a pain's pointer is not a cough's
@pytest.mark.parametrize("line", [
    "Bad chest infection last month w/ a lot of coughing; the cough has since settled. Pain began a week later and "
    "now wakes her at night.",
    "Coughed for 10 days with a cold, now settled. Ache came on after that and is worse at night.",
])
def test_a_pain_pointer_carries_no_warning_to_the_cough(line: str) -> None:
    assert "cough" not in _any(line)


@pytest.mark.parametrize("line", [
    "Low back pain since lifting her grandson. Pain started slowly and now wakes her at night.",
    "Lower back ache after gardening. The ache is now constant at night.",
])
def test_control_a_pain_pointer_still_warns_the_pain(line: str) -> None:
    assert "back_pain" in _stated(line)


def test_control_it_still_points_back_to_a_cough() -> None:
    assert "cough" in _stated("Cough since a cold in March. It is getting worse and worse.")


# ------------------------------------------------------------------ 2. a cold's cough
@pytest.mark.parametrize("line", [
    "Picked up a cold, the cough lingers but is a little better each day.",
    "Chesty cough after her grandson's birthday party, improving daily.",
    "Tickly cough x5 days w/ stuffy nose and sore throat.",
    "Mild cough + coryza since the weekend, no fever.",
    "Cough and a scratchy throat for 3 days.",
])
def test_a_colds_cough_is_set_aside(line: str) -> None:
    assert "cough" not in _any(line)


@pytest.mark.parametrize("line", [
    "Persistent cough with a runny nose for 6 weeks.",
    "Cough getting worse, better every day at first but now worse again.",
    "Cough x5 days, no runny nose, no sore throat.",
    "ROS: cough, sore throat.",
])
def test_control_a_warned_or_unlinked_cough_counts(line: str) -> None:
    assert "cough" in _any(line)


def test_control_a_pain_better_every_day_with_a_warning_counts() -> None:
    assert "back_pain" in _stated("Back pain x 3 wks, better every day but now waking her at night.")


# ------------------------------------------------------------------ 3. after each injection
@pytest.mark.parametrize("line", [
    "On tirzepatide; some tummy ache after each weekly shot, gone within a day.",
    "Headache after every infusion of zoledronic acid, lasts a day.",
    "Achy bones following each dose, settles by day 3.",
])
def test_a_symptom_after_each_dose_is_the_drugs(line: str) -> None:
    assert not _stated(line) & {"abdominal_pain", "headache", "bone_pain"}


def test_control_a_warning_keeps_it() -> None:
    assert "abdominal_pain" in _stated("Abdominal pain after each injection, worsening over the last month.")


def test_control_a_back_pain_after_each_injection_counts() -> None:
    assert "back_pain" in _stated("Back pain after each injection.")


# ------------------------------------------------------------------ 4. a treated acute abdominal illness
@pytest.mark.parametrize("line", [
    "Went to urgent care with RLQ pain and vomiting; stomach bug diagnosed, fluids given, pain settling.",
    "ER visit for L flank-to-groin pain; CT: 4 mm obstructing ureteric stone, passed it, pain much less.",
    "Lower abdominal pain with fever last wk; CT - acute diverticulitis, on augmentin, pain improving.",
])
def test_a_treated_abdominal_illness_with_its_pain_settling(line: str) -> None:
    assert "abdominal_pain" not in _any(line)


@pytest.mark.parametrize("line", [
    "LLQ pain x 3 wks; CT shows diverticulosis, no diverticulitis. Pain better.",
    "LLQ pain; CT c/w diverticulitis, on cipro, pain worse despite it.",
    "RLQ pain, CT c/w diverticulitis, started on antibiotics.",
])
def test_control_the_pain_counts_without_its_illness_or_its_settling(line: str) -> None:
    assert "abdominal_pain" in _any(line)


# ------------------------------------------------------------------ 5. a head injury's headache
def test_a_head_injurys_headache_is_set_aside() -> None:
    line = "UC visit: banged her head on the car door frame this morning. Mild headache since, no LOC, neuro intact."
    assert "headache" not in _any(line)


def test_a_head_injurys_headache_not_dated_back_to_it_is_to_confirm() -> None:
    # round 54e: was asserted explained; the older head-injury tests leave a headache after a blow to confirm
    line = "Walked into a low beam, head bump on the R side. Sore head, headache settling with paracetamol."
    assert "headache" not in _stated(line) and "headache" in symptoms_to_confirm(SURV + line)


@pytest.mark.parametrize("line", [
    "Bumped her head on a cupboard 2 days ago. Headache worsening since, vomited twice this morning.",
    "Head injury as a child. Headache x 3 wks.",
    "No head injury. Headache x 3 wks.",
])
def test_control_a_warned_or_unexplained_headache_counts(line: str) -> None:
    assert "headache" in _any(line)


# ------------------------------------------------------------------ 6. a known headache disorder told elsewhere
MIGRAINE = (
    "Neurology clinic letter - headaches\n\n"
    "Tension-type headaches since university, bilateral band-like pressure, a few times a month. Same pattern for "
    "many years.\n\n"
    "She was referred by her GP because she has headaches and was just diagnosed with breast cancer.\n\n"
    "Plan: reassured."
)


def test_a_known_headache_disorder_in_the_history_leaves_the_headaches_named_elsewhere_to_confirm() -> None:
    # round 54e: was asserted explained; a headache restated elsewhere goes to confirmation (test_nlp_unsafe_v14b.py)
    assert "headache" not in _stated(MIGRAINE, NEW) and "headache" in symptoms_to_confirm(NEW + MIGRAINE)


def test_a_known_headache_disorder_the_assessment_calls_stable_explains_the_headaches_named_elsewhere() -> None:
    note = MIGRAINE.replace("Plan: reassured.", "Impression: tension-type headache, stable.")
    assert "headache" not in _any(note, NEW)


@pytest.mark.parametrize("change", [
    ("a few times a month.", "a few times a month, but now waking her at night."),
    ("Plan: reassured.", "Exam: new R pronator drift. Plan: MRI."),
    ("Tension-type headaches since", "?Tension-type headaches since"),
    ("Same pattern for many years.", "Seen by her GP."),
])
def test_control_the_headache_counts(change: tuple[str, str]) -> None:
    assert "headache" in _any(MIGRAINE.replace(*change), NEW)


def test_the_decision_of_a_known_migraine_new_diagnosis() -> None:
    note = NEW + "Headache review requested by oncology.\n\nA/P: lifelong migraine with aura, pattern unchanged."
    assert "headache" not in symptom_codes(note)
    d = decide_note(note)
    assert d["red_flags"] == [] and d["systemic_imaging"] == "not_recommended"


def test_the_decision_of_a_known_migraine_told_in_the_history_only_is_undetermined() -> None:
    # round 54e: was the decision above; the migraine told only in the history leaves the headache to confirm
    note = NEW + "Lifelong migraine with aura, pattern unchanged for years.\n\nHeadache review requested by oncology."
    assert "headache" not in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] == "undetermined"


def test_control_the_decision_of_a_headache_without_its_disorder() -> None:
    assert decide_note(NEW + "Headache x 3 wks.")["systemic_imaging"] == "targeted"
