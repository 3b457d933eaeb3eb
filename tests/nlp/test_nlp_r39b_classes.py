"""Round 39b (v39 blind ar-011, ar-014, ap-032, ar-027, ar-040): four classes of unsafe answers, in other wordings.

1. A relative's story told inside a parenthesis the relative opens, or after a dash followed by a verb with no subject
   of its own: the symptoms and the metastases there are the relative's (relative_tail.py).
2. Metastases as the object of the patient's fear or question ("nervous about bone mets", "questions whether she has
   mets"): no finding, no M1 (context_rules.json, round 39b group).
3. A symptom named again only as the cause of another, after the note called it resolved ("rib pain put down to the
   cough", the cough gone since January), stays historical (named_again.py).
4. The examination's tenderness of an abdominal pain the history explained is that pain (named_again.py); weight lost
   with the treatment's side effects told beside it is explained, a large loss left to confirm (treatment_weight.py).
Each with controls that must not change.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm, tumor

NEW_DX = "44F, newly diagnosed R breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, axilla clinically negative.\n"
TREATED = "63F, R breast IDC 2021 s/p lumpectomy + SLNB, pT1c pN0, ER+ PR+ HER2-, RT done, on letrozole.\n"


# ------------------------------------------------------------------ 1. a relative's story, in brackets or after a dash
@pytest.mark.parametrize(
    ("line", "code"),
    [
        (
            "She keeps thinking of her sister's last year (sister dx at 41, passed at 43 - had terrible back pain from "
            "spinal mets).",
            "back_pain",
        ),
        (
            "Sleep poor since dx, dreams about her aunt (aunt had breast cancer at 50; severe headaches from brain "
            "mets at the end).",
            "headache",
        ),
        ("Her mother died of breast cancer at 58 - suffered bone pain for months.", "bone_pain"),
        ("Her father had prostate ca - developed back pain and weight loss before he died.", "back_pain"),
        ("Her brother had lung ca - w/ severe headaches from brain mets.", "headache"),
    ],
)
def test_a_relatives_story_in_brackets_or_after_a_dash_is_the_relatives(line: str, code: str) -> None:
    note = NEW_DX + line + "\nShe herself feels well.\n"
    assert code not in symptom_codes(note)
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        # her own symptom after the relative's story: present tense, a new subject, a full stop
        ("Her mother died of breast cancer at 52 - has had back pain herself x 3 wks, worse at night.", "back_pain"),
        ("Mother had breast ca at 60. Has had bone pain in her back since May, waking her at night.", "back_pain"),
        ("Visited her mother (in hospice) - has back pain x 3 wks, worse at night.", "back_pain"),
        ("Mother had breast ca. - had back pain x 3 wks, worse at night.", "back_pain"),
    ],
)
def test_controls_her_own_symptom_after_a_relatives_story_stays(line: str, code: str) -> None:
    note = NEW_DX + line
    assert code in symptom_codes(note) | symptoms_to_confirm(note)


def test_controls_a_relatives_metastases_never_stage_her_but_her_own_do() -> None:
    assert tumor(NEW_DX + "Her mother had bone mets.").get("m") != "M1"
    assert tumor(TREATED + "PET 5/2026: multiple bone mets. Mother (breast ca at 50) - had back pain.")["m"] == "M1"


# ------------------------------------------------------------------ 2. metastases as the object of fear or a question
@pytest.mark.parametrize(
    "line",
    [
        "Very nervous about bone mets and wants a scan before surgery.",
        "Pt anxious re: liver mets; requesting CT.",
        "Terrified of mets, asking for a PET.",
        "Frightened about metastatic disease, poor sleep.",
        "Questions whether she has mets already.",
        "Wonders if there are liver mets.",
    ],
)
def test_metastases_she_fears_or_asks_about_are_no_finding(line: str) -> None:
    note = NEW_DX + line
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "Pt anxious about her known liver mets, here to discuss 2nd line.",
        "Distressed over her bone mets.",
        "Very upset about the new liver mets on CT.",
        "Pt anxious; PET 5/1: multiple bone mets.",
    ],
)
def test_controls_metastases_she_is_upset_about_that_are_hers_stay_m1(line: str) -> None:
    assert tumor(TREATED + line)["m"] == "M1"


def test_control_upset_about_a_relatives_metastases_stays_the_relatives() -> None:
    note = NEW_DX + "Very upset about her mother, who had bone pain from spine mets before she died."
    assert tumor(note).get("m") != "M1"
    assert "bone_pain" not in symptom_codes(note)


@pytest.mark.parametrize("line", ["SOB episodes, likely anxiety.", "SOB episodes due to anxiety."])
def test_control_anxiety_named_as_the_cause_still_explains_a_breathlessness(line: str) -> None:
    assert "dyspnea" not in symptom_codes(NEW_DX + line)


def test_control_anxiety_about_a_breathlessness_is_no_cause_of_it() -> None:
    # round 41: "Anxiety re: SOB episodes" tells what she is anxious about, not what causes the breathlessness; the
    # guide explains a symptom away only when the note attributes it (the noun cue of section 2 also reads here)
    assert "dyspnea" in symptom_codes(NEW_DX + "Anxiety re: SOB episodes.")


def test_control_a_clinicians_worry_stays_a_doubt_to_confirm() -> None:
    from rightscan.adapters.text import extract

    result = extract(NEW_DX + "Concerned about bone mets given rising ALP.")
    assert result.facts.get("tumor", {}).get("m") != "M1"
    assert any(c["field"] == "tumor.m" for c in result.to_confirm)


# ------------------------------------------------------------------ 3. a resolved symptom named as another's cause
@pytest.mark.parametrize(
    "lines",
    [
        "R rib pain began in January with a chest cold and hacking cough; the cough settled by February but rib pain "
        "is worse and keeps her up at night.\nA/P: rib pain first put down to cough strain, now progressive -> "
        "bone scan.",
        "Headache since Dec; cough resolved in Jan.\nHeadache initially felt to be from coughing but now worse in the "
        "mornings with vomiting. MRI brain.",
        "Rib pain x 6 wks. Her cough is long gone (resolved 2 months ago).\nRib pain blamed on the earlier cough but "
        "now waking her at night; bone scan.",
    ],
)
def test_a_resolved_symptom_named_as_anothers_cause_stays_historical(lines: str) -> None:
    codes = symptom_codes(TREATED + lines)
    assert "cough" not in codes
    assert codes  # the other symptom, with its warnings, stays


@pytest.mark.parametrize(
    "lines",
    [
        "Cough for 6 weeks, worsening. CXR.",
        "L chest wall pain from persistent coughing x 3 wks, worsening. CT chest.",
        "Rib pain x 4 wks, worse at night, from coughing. Cough ongoing since Jan.",
        "Cough resolved in Jan. Rib pain now, from her worsening cough again.",
    ],
)
def test_controls_a_cough_she_has_stays(lines: str) -> None:
    assert "cough" in symptom_codes(TREATED + lines)


# ------------------------------------------------------------------ 4a. the examination's sign of an explained pain
@pytest.mark.parametrize(
    "lines",
    [
        "Known IBS with lower abdominal cramps for 15 years, same as always, better after BM.\n"
        "Exam: abdomen soft, slight RLQ tenderness, no masses.",
        "Abdominal pain from her gallstones, unchanged since 2020, declined surgery.\nPE: mild RUQ tenderness, no HSM.",
        "Crampy lower abd pain with constipation, chronic, her usual pattern for years.\n"
        "O: soft, minimal LIF tenderness, BS normal.",
    ],
)
def test_tenderness_on_exam_of_an_explained_abdominal_pain_is_that_pain(lines: str) -> None:
    note = TREATED + lines
    assert "abdominal_pain" not in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] == "not_applicable"


@pytest.mark.parametrize(
    "lines",
    [
        "Chronic IBS abd pain, unchanged for years.\nExam: soft, new focal RUQ tenderness.",
        "Denies abdominal pain.\nExam: RUQ tenderness.",
        "Exam: RUQ tenderness, guarding.",
        "New RUQ pain x 3 wks, worse after meals.\nExam: RUQ tenderness.",
    ],
)
def test_controls_tenderness_with_a_warning_a_denial_or_no_history_stays(lines: str) -> None:
    assert "abdominal_pain" in symptom_codes(TREATED + lines)


def test_control_the_spine_tender_to_percussion_is_still_back_pain() -> None:
    note = (
        TREATED
        + "Chronic low back pain from DDD, stable for years.\nExam: point tenderness over the L3 spinous process."
    )
    assert "back_pain" in symptom_codes(note) | symptoms_to_confirm(note)


# ------------------------------------------------------------------ 4b. weight lost with the treatment's side effects
ON_CHEMO = "52F L breast IDC cT2 N1, on neoadjuvant AC cycle 3.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Lost 3 lb this cycle with mucositis, eating soft foods.",
        "Poor oral intake due to chemo nausea; weight down 1.5 kg since cycle 2.",
        "Wt down 2 kg, taste changes from chemotherapy, dietitian seen.",
    ],
)
def test_a_small_loss_told_with_the_treatments_side_effects_is_explained(line: str) -> None:
    note = ON_CHEMO + line
    assert "weight_loss" not in symptom_codes(note)
    assert "weight_loss" not in symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "line",
    [
        "Unintentional 6 kg weight loss over 2 months despite good appetite.",
        "No nausea from chemo; wt down 3 kg since last visit.",
        "Wt down 3 kg since last visit, appetite fine.",
    ],
)
def test_controls_an_unexplained_or_warned_loss_stays(line: str) -> None:
    assert "weight_loss" in symptom_codes(ON_CHEMO + line)


def test_control_a_large_loss_beside_nausea_is_left_to_confirm_never_dropped() -> None:
    note = ON_CHEMO + "Nausea from chemo, wt down 7 kg in 6 wks."
    assert "weight_loss" in symptom_codes(note) | symptoms_to_confirm(note)
