"""Unsafe classes found on the fourth blind set (first run: 11 unsafe answers, 24 red flags from mentions that
do not count, 4 false M categories), each tested as a class of clinical meaning in wording of our own. Every
class has a control that must still raise the finding (a present, new symptom in the same layout, or a warning
qualifier), so that no test passes by reading nothing; the layouts and lists are property tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import decide_note as _decide
from nlp_helpers import symptom_codes as _codes
from nlp_helpers import tumor
from rightscan.adapters.text import extract

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "57F, L breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, cN0."
# the symptom as a template or a clinician writes it -> its code
WORDS = {"Bone pain": "bone_pain", "Back pain": "back_pain", "Headache": "headache", "Cough": "cough",
         "Shortness of breath": "dyspnea", "Abdominal pain": "abdominal_pain", "Jaundice": "jaundice",
         "Weight loss": "weight_loss", "Seizure": "seizure"}  # fmt: skip
SHORT = {"bone pain": "bone_pain", "back pain": "back_pain", "headache": "headache", "cough": "cough",
         "SOB": "dyspnea", "abd pain": "abdominal_pain", "jaundice": "jaundice", "wt loss": "weight_loss"}  # fmt: skip


# ------------------------------------------------------------------ a Yes/No grid with more columns than Y and N
@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(WORDS)), st.booleans(), min_size=2, max_size=6),
       extra=st.sampled_from(["Comment", "Notes", "Details / onset", "Since when"]))  # fmt: skip
def test_a_review_of_systems_grid_with_a_comment_column_reads_each_row(answers: dict[str, bool], extra: str) -> None:
    boxes = {True: "[x]  [ ]", False: "[ ]  [x]"}
    rows = "\n".join(f"{name:<24} {boxes[yes]}" for name, yes in answers.items())
    note = f"{HEADER}\n\nSYMPTOM CHECKLIST          Y    N    {extra}\n{rows}\n"
    # the control is in the same grid: every row ticked Yes (a present symptom, no comment) is raised
    assert _codes(note) == {WORDS[name] for name, yes in answers.items() if yes}


def test_a_row_label_longer_than_a_cue_scope_is_still_answered_by_its_box() -> None:
    no = f"{HEADER}\nCough / chest infection lately?          Yes [ ]  No [x]\n"
    yes = f"{HEADER}\nCough / chest infection lately?          Yes [x]  No [ ]\n"
    assert "cough" not in _codes(no)
    assert "cough" in _codes(yes)


def test_a_row_with_both_boxes_ticked_abstains_and_names_the_symptom() -> None:
    note = "66F, newly diagnosed 1.1 cm IDC, grade 1, ER+ PR+ HER2-, cN0, cM0.\nBone pain    Y [x]  N [x]\n"
    out = _decide(note)
    assert out["systemic_imaging"] == "undetermined"
    assert any(item.startswith("symptoms:") and "bone_pain" in item for item in out["insufficient_data"])
    # control: the same row answered Yes alone is a red flag
    assert _decide(note.replace("N [x]", "N [ ]"))["systemic_imaging"] == "targeted"


# ------------------------------------------------------------------ answer letters written after the item
@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(SHORT)), st.booleans(), min_size=2, max_size=5))
def test_inline_review_of_systems_answers_read_each_item(answers: dict[str, bool]) -> None:
    line = ", ".join(f"{name} {'Y' if yes else 'N'}" for name, yes in answers.items())
    note = f"{HEADER}\nROS (Y/N):\nSystemic - fatigue Y, {line}, fever N\n"
    assert _codes(note) == {SHORT[name] for name, yes in answers.items() if yes}


@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(WORDS)), st.booleans(), min_size=2, max_size=5))
def test_a_symptom_table_with_a_yes_no_column_reads_each_row(answers: dict[str, bool]) -> None:
    rows = "\n".join(f" {name:<30}{'Y' if yes else 'N'}     {'2' if yes else '-'}" for name, yes in answers.items())
    note = f"{HEADER}\nToxicity check (CTCAE)          Y/N   Grade\n{rows}\n"
    assert _codes(note) == {WORDS[name] for name, yes in answers.items() if yes}


def test_a_receptor_answered_after_a_colon_keeps_its_status() -> None:
    assert tumor("60F IDC 1.2 cm. ER: positive. PR: negative. HER2: 1+.") == {
        **tumor("60F IDC 1.2 cm. ER: positive. PR: negative. HER2: 1+."),
        "er": "positive",
        "pr": "negative",
    }
    assert tumor("60F IDC. PR: negative, Allred 2.").get("pr") == "negative"


# ------------------------------------------------------------------ what to watch for, however the list runs
WATCH = ["If you notice", "Should she develop", "If he develops", "If you start to have"]
OTHER = ["a temperature over 38", "trouble speaking", "redness around the port", "calf swelling",
         "bleeding from the wound"]  # fmt: skip
LISTED = {"headache": "headache", "a seizure": "seizure", "shortness of breath": "dyspnea", "bone pain": "bone_pain",
          "persistent cough": "cough", "weakness in an arm": "neurologic_deficit"}  # fmt: skip


@PROPERTY
@given(opening=st.sampled_from(WATCH), first=st.sampled_from(sorted(LISTED)),
       middle=st.lists(st.sampled_from(OTHER), min_size=1, max_size=3, unique=True),
       last=st.lists(st.sampled_from(sorted(LISTED)), min_size=1, max_size=2, unique=True))  # fmt: skip
def test_a_hypothetical_list_stays_hypothetical_past_a_nested_cue(opening: str, first: str, middle: list[str],
                                                                  last: list[str]) -> None:  # fmt: skip
    items = [first, *middle, *last]
    note = f"{HEADER} {opening} {', '.join(items[:-1])} or {items[-1]} before the scan, please go to the ER."
    assert not _codes(note) & set(LISTED.values())
    # control: the same instruction after a symptom she has now
    present = f"{HEADER} She describes a new headache every morning for 2 weeks. {opening} {', '.join(items)}, call."
    assert "headache" in _codes(present)


TRIGGERS = ["Phone the unit or attend the ED with:", "Call the office or go to the ED for:",
            "Contact the on-call team or your GP if:", "Go to the ED for:"]  # fmt: skip
WOUND = ["fever > 38.3 C", "spreading redness", "drain output > 100 mL in 4 h", "calf swelling",
         "bleeding through the dressing"]  # fmt: skip


@PROPERTY
@given(trigger=st.sampled_from(TRIGGERS), wound=st.lists(st.sampled_from(WOUND), min_size=2, max_size=5, unique=True),
       listed=st.lists(st.sampled_from(sorted(LISTED)), min_size=1, max_size=3, unique=True),
       at=st.integers(min_value=0, max_value=5))  # fmt: skip
def test_return_precautions_after_a_long_list_of_wound_problems_are_not_symptoms(
    trigger: str, wound: list[str], listed: list[str], at: int
) -> None:
    items = list(wound)
    for k, item in enumerate(listed):
        items.insert(min(at + k, len(items)), item)
    note = f"{HEADER} Discharged home after mastectomy.\nInstructions:\n - {trigger} {', '.join(items)}\n"
    assert not _codes(note) & set(LISTED.values())


def test_a_symptom_reported_before_the_return_precautions_is_still_raised() -> None:
    note = (f"{HEADER} Discharged home after mastectomy. Complains of a new dry cough since Tuesday.\n"
            " - Call the office or go to the ED for: fever, spreading redness, shortness of breath\n")  # fmt: skip
    assert _codes(note) == {"cough"}


# ------------------------------------------------------------------ a symptom of a passing illness
@pytest.mark.parametrize("illness", ["following a viral fever, now improving", "following a chest cold, now improving",
                                     "after a bout of flu, improving"])  # fmt: skip
def test_a_cough_that_followed_a_viral_illness_and_is_improving_is_explained(illness: str) -> None:
    assert "cough" not in _codes(f"{HEADER} C/o cough x 2 wks {illness}. No breathlessness.")


def test_a_cough_after_a_cold_that_is_getting_worse_is_still_raised() -> None:
    assert "cough" in _codes(f"{HEADER} C/o cough x 4 wks following a viral fever, getting worse.")


@pytest.mark.parametrize("doubt", ["I thought it was only a cold but it is not going away",
                                   "I put it down to a cold but it keeps coming back",
                                   "we assumed a cold but it is not getting better"])  # fmt: skip
def test_a_benign_cause_the_patient_doubts_does_not_explain_the_symptom(doubt: str) -> None:
    note = f"Hi - I have had this cough for about 6 weeks now. {doubt}. I had my lumpectomy in 2022."
    assert "cough" in _codes(note)


def test_a_cold_the_patient_calls_better_still_explains_the_cough() -> None:
    # the control of the class above: the same message with a resolving cold raises nothing
    note = "Hi - I have had a cough for about a week. It was just a cold and it is improving. Lumpectomy in 2022."
    assert "cough" not in _codes(note)


@pytest.mark.parametrize("verb", ["get", "feel"])
def test_getting_winded_on_stairs_is_dyspnoea(verb: str) -> None:
    assert "dyspnea" in _codes(f"{HEADER} Lately I {verb} winded climbing the stairs.")


# ------------------------------------------------------------------ resolved: later in the clause, or the next sentence
def test_a_symptom_whose_resolution_closes_a_long_clause_is_historical() -> None:
    note = (f"{HEADER} The hip pain she had when the relapse was found, for which she received radiotherapy to the "
            "pelvis in 2022, has completely resolved.")  # fmt: skip
    assert "bone_pain" not in _codes(note)
    # controls: a resolution that is denied, and a symptom followed by another one that resolved
    assert "bone_pain" in _codes(note.replace("has completely resolved", "has not resolved"))
    assert "bone_pain" in _codes(f"{HEADER} New hip pain since March, and the headache she had in May has resolved.")


def test_a_resolution_sentence_without_a_subject_resolves_the_last_symptoms_before_it() -> None:
    course = (f"{HEADER}\nCourse: Admitted with 3 days of fever, productive cough and dyspnoea (influenza A). "
              "Treated with oseltamivir and IV fluids. Back to baseline by day 4.")  # fmt: skip
    assert not _codes(course) & {"cough", "dyspnea"}
    # controls: a new symptom after the resolution, and a resolution that is only asked about
    assert "bone_pain" in _codes(course + " Reports new right hip pain at night since Monday.")
    assert "dyspnea" in _codes(course.replace("Back to baseline by day 4.", "Back to baseline?"))


def test_a_resolution_sentence_does_not_resolve_a_symptom_with_a_warning() -> None:
    # the resolution is the infection's, named between: the new night pain stays a red flag
    note = f"{HEADER}\nNew R hip pain at night for 3 weeks. Treated for a UTI with nitrofurantoin. Back to baseline."
    assert "bone_pain" in _codes(note)


def test_a_resolved_symptom_beside_a_new_one_is_resolved_and_the_new_one_raised() -> None:
    got = _codes(f"{HEADER} Back pain which resolved last year; now a new headache every morning.")
    assert got == {"headache"}


def test_a_resolution_never_reaches_past_a_blank_line() -> None:
    note = f"{HEADER}\nHPI: New low back pain for 5 weeks, waking her at night.\n\nResolved with antibiotics."
    assert "back_pain" in _codes(note)


# ------------------------------------------------------------------ dictated: headings without their colon
def test_a_dictated_family_history_heading_keeps_the_relatives_symptoms_apart() -> None:
    note = (f"{HEADER}\nHISTORY OF PRESENT ILLNESS she feels well and denies pain\n"
            "FAMILY HISTORY her father had prostate cancer and he had severe bone pain and weight loss at the end\n"
            "SOCIAL HISTORY retired teacher")  # fmt: skip
    assert not _codes(note) & {"bone_pain", "weight_loss"}
    # control: the same dictation with the patient's own symptom in the history of present illness
    control = note.replace("she feels well and denies pain", "she reports new bone pain in the left hip for 3 weeks")
    assert "bone_pain" in _codes(control)


def test_a_dictated_past_history_heading_reaches_only_to_the_next_heading() -> None:
    past = f"{HEADER}\nPAST MEDICAL HISTORY hypertension, pulmonary embolism 2016 with shortness of breath\n"
    assert "dyspnea" not in _codes(past)
    # control: the shortness of breath of the history of present illness, dictated after it, is current
    assert "dyspnea" in _codes(past + "HISTORY OF PRESENT ILLNESS new shortness of breath on one flight of stairs")


# ------------------------------------------------------------------ who noticed it
@pytest.mark.parametrize("witness", ["Her husband noticed", "Daughter has noticed", "Her partner observed"])
def test_a_relative_who_noticed_the_symptom_is_a_witness_not_the_patient(witness: str) -> None:
    assert "neurologic_deficit" in _codes(f"{HEADER} {witness} slurred speech over the last 4 days.")
    # control: the relative's own history
    assert "neurologic_deficit" not in _codes(f"{HEADER} Her husband had a stroke with slurred speech in 2019.")


# ------------------------------------------------------------------ metastasis: suspected, or only planned
@pytest.mark.parametrize("hedge", ["Appearances most consistent with metastases",
                                   "Findings highly suggestive of osseous metastases",
                                   "In keeping with metastatic disease"])  # fmt: skip
def test_an_imaging_impression_hedged_is_a_suspected_metastasis_not_m1(hedge: str) -> None:
    result = extract(f"{HEADER} MRI spine: T9 and L1 lesions. {hedge}. Biopsy of L1 pending.")
    assert "m" not in result.facts.get("tumor", {})
    assert any(c["field"] == "tumor.m" for c in result.to_confirm)


def test_a_metastasis_named_only_in_the_plan_is_not_m1() -> None:
    note = f"{HEADER} Bone biopsy pending.\nPlan:\n1. Repeat ER/PR/HER2 on the metastasis once histology is back"
    assert "m" not in tumor(note)
    # control: distant disease proven by tissue
    assert tumor(f"{HEADER} Biopsy-proven liver metastases.").get("m") == "M1"


def test_negated_metastases_of_lymph_nodes_say_nothing_of_distant_disease() -> None:
    note = (f"{HEADER}\nAxillary nodes: carcinoma in 1 of 12; two further nodes with fibrosis and no residual tumour "
            "(treated metastases).")  # fmt: skip
    assert "m" not in tumor(note)
    # control: distant disease ruled out by staging is M0
    assert tumor(f"{HEADER} Staging CT chest/abdomen/pelvis: no distant metastases.").get("m") == "M0"


# ------------------------------------------------------------------ dictated run-on text
def test_a_benign_item_far_along_a_dictated_run_on_does_not_explain_a_symptom() -> None:
    note = ("HISTORY OF PRESENT ILLNESS this is a 63 year old woman with newly diagnosed right breast cancer she has "
            "lost about 6 kg over the last 2 months without trying she has no fever she has been seen by her "
            "dentist twice this year her past medical history is notable for hypothyroidism and reflux and an old "
            "knee injury from skiing")  # fmt: skip
    assert "weight_loss" in _codes(note)
    # control: the explanation within the symptom's own clause still explains it
    assert "weight_loss" not in _codes(f"{HEADER} Lost 3 kg since June, on purpose - dieting, feels well.")


# ------------------------------------------------------------------ more templated answers and reviews
@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(WORDS)), st.booleans(), min_size=2, max_size=5),
       form=st.sampled_from(["{name} - {a}", "{name}? {a}  ", "- {name}: {a}", "{name} = {a}"]),
       no=st.sampled_from(["no", "N", "denies", "absent"]))  # fmt: skip
def test_an_item_answered_after_a_dash_a_question_mark_or_a_colon(answers: dict[str, bool], form: str, no: str) -> None:
    lines = "\n".join(form.format(name=name, a="yes" if yes else no) for name, yes in answers.items())
    assert _codes(f"{HEADER}\nRed-flag screen:\n{lines}\n") == {WORDS[name] for name, yes in answers.items() if yes}


@pytest.mark.parametrize("review", ["Symptoms reviewed - none of the following:", "12-point ROS negative including"])
def test_a_templated_negative_review_covers_its_whole_list(review: str) -> None:
    listed = "bone pain, headaches, cough, shortness of breath, unintentional weight loss, jaundice, seizures"
    assert _codes(f"{HEADER} {review} {listed}.") == set()
    # control: a symptom reported after the review is raised
    assert _codes(f"{HEADER} {review} {listed}. Today reports new back pain at night.") == {"back_pain"}


@pytest.mark.parametrize("teaching", ["Educated on signs of recurrence to report:", "Counselled about warning signs:",
                                      "Symptoms to watch for:"])  # fmt: skip
def test_what_a_patient_is_taught_to_report_is_not_a_symptom(teaching: str) -> None:
    assert _codes(f"{HEADER} {teaching} new bone pain, persistent cough, headaches, weight loss.") == set()


@pytest.mark.parametrize("teller", ["Wife reports he", "Her daughter says she", "His partner states that he"])
def test_a_relative_telling_of_the_patient_speaks_of_the_patient(teller: str) -> None:
    assert "cough" in _codes(f"{HEADER} {teller} has had a cough for 6 weeks.")
    # control: a relative's own symptom stays the relative's
    assert "cough" not in _codes(f"{HEADER} Her daughter has had a cough for 6 weeks.")


# ------------------------------------------------------------------ the reason for a test, and "not like her usual"
@pytest.mark.parametrize("reason", ["as cause of", "as the source of", "given the"])
def test_the_symptom_a_test_is_for_is_not_what_the_test_rules_out(reason: str) -> None:
    assert "headache" in _codes(f"{HEADER} MRI brain to exclude metastases {reason} her headache.")
    # control: what is to be excluded is still the aim, not a finding
    assert "m" not in tumor(f"{HEADER} MRI brain to exclude metastases {reason} her headache.")


@pytest.mark.parametrize("unusual", ["not like her usual", "unlike her usual", "different from her usual"])
def test_a_symptom_unlike_the_usual_one_carries_a_warning(unusual: str) -> None:
    assert "headache" in _codes(f"{HEADER} Headaches every morning for 3 weeks, {unusual} migraines.")
    # control: like her usual migraines, it is explained
    assert "headache" not in _codes(f"{HEADER} Headaches twice a month, like her usual migraines.")


def test_a_symptom_over_long_ago_with_none_since_is_historical() -> None:
    assert "back_pain" not in _codes(f"{HEADER} She had back pain during her pregnancy in 2010, none since.")
    assert "back_pain" in _codes(f"{HEADER} She had back pain during her pregnancy in 2010; new back pain since May.")


def test_items_on_one_line_answered_after_colons_are_read_one_by_one() -> None:
    assert _codes(f"{HEADER}\nBone pain: Y (L hip, 3 wks)  Headache: N  Cough: N") == {"bone_pain"}


def test_an_interjection_is_not_a_headache_and_the_written_abbreviation_is() -> None:
    # "HA" is left unread: a patient's "Ha," would raise a red flag (an unsafe answer) for a gain in coverage
    assert "headache" not in _codes(f"{HEADER} Ha, she said, the scan will be fine.")
    assert "headache" in _codes(f"{HEADER} Pt reports h/a x 2 wks, worse in the mornings.")
