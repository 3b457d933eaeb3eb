"""Round 35a (v35 blind set, symptoms): each class in other wordings than the notes that showed it, with controls.

1. A symptom named as what is being managed, treated or counselled about states nothing new: it is read as the note
   read it before (explained, denied ...), or stands as before when that earlier telling stands (ad-025).
2. A breathlessness at its usual level with a named non-malignant cause (heart failure, COPD, pregnancy, anaemia) is
   explained; a warning qualifier (new, worse, at rest) keeps it (ae-026, af-015).
3. A ticked weight-loss box whose comment gives a benign cause (a dental one) or says the weight is coming back is not
   a current weight loss; a worrying comment keeps it (ae-023).
4. A warning told of a pain in a later sentence, past a sentence that tells only the cancer's history, keeps the
   symptom that a chronic illness had explained (af-021).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

SURV = "Survivorship visit. L breast IDC dx 2019, s/p lumpectomy + RT, on letrozole. "
NEW = "New consult. 58F, R breast IDC 1.4 cm, cN0, ER+ PR+ HER2-, grade 2. "


# ---------------------------------------------------------------- 1. a symptom as the object of care
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            SURV + "Dry cough for 5 days after a cold her husband also had, getting better. "
            "Plan: reassured; spent 10 min on cough management with honey and steam.",
            "cough",
        ),
        (
            SURV + "Breathless on the stairs, her usual with the COPD, no change.\n"
            "Nursing: education re dyspnea management and pacing.",
            "dyspnea",
        ),
        (
            SURV + "Low back ache after digging the garden at the weekend, settling.\n"
            "A/P: counselled about her back pain; heat and stretches.",
            "back_pain",
        ),
        (
            SURV + "Headaches only when she skips her morning coffee.\n"
            "Discussed headache control (regular caffeine, fluids).",
            "headache",
        ),
    ],
)
def test_a_symptom_as_the_object_of_care_keeps_its_earlier_reading(text: str, code: str) -> None:
    assert code not in symptom_codes(text)
    assert code not in symptoms_to_confirm(text)


def test_the_object_of_care_after_an_explained_cough_gives_the_surveillance_answer() -> None:
    note = SURV + "Cough x 1 wk with a cold, improving, no fever. Counselled re cough management (fluids, honey)."
    assert decide_note(note)["systemic_imaging"] == "not_applicable"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the earlier telling stands: the object of care does not take it away
        (SURV + "New persistent cough for 6 weeks. Counselled re cough management.", "cough"),
        # no earlier telling: stands as it did before round 35a
        (SURV + "Plan: cough management with honey and fluids.", "cough"),
        # a warning of its own
        (SURV + "Cough with a cold last month, resolved. Now management of her new cough, worse at night.", "cough"),
        # a different symptom managed
        (SURV + "Cough with a cold, improving. Back pain management for new back pain at night.", "back_pain"),
    ],
)
def test_controls_the_managed_symptom_stands(text: str, code: str) -> None:
    assert code in symptom_codes(text) | symptoms_to_confirm(text)


@pytest.mark.parametrize(
    "text",
    [
        # denied, a relative's, hypothetical: unchanged
        SURV + "No cough. Counselled re cough management should she get a cold.",
        SURV + "Her husband has a cough; discussed cough management for him.",
        SURV + "Call if she develops a cough or shortness of breath.",
    ],
)
def test_controls_denied_or_a_relatives_stay_out(text: str) -> None:
    assert "cough" not in symptom_codes(text)


# ---------------------------------------------------------------- 2. breathlessness at its usual level, named cause
@pytest.mark.parametrize(
    "line",
    [
        "Breathless after one flight, same as the past year (HFpEF, NYHA II).",
        "DOE at 2 blocks, same as last year - COPD GOLD 2.",
        "Mild SOB walking uphill, her baseline with the iron deficiency anaemia, no change.",
        "Short of breath on exertion, chronic, due to deconditioning, unchanged.",
    ],
)
def test_a_usual_breathlessness_with_its_cause_is_explained(line: str) -> None:
    assert "dyspnea" not in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "G1 at 27 wks. Mild dyspnoea on stairs c/w pregnancy physiology.",
        "Pregnant, 30w. Some SOB on exertion, typical for 3rd trimester.",
        "24 wks pregnant; breathless climbing stairs, consistent with pregnancy.",
    ],
)
def test_breathlessness_of_pregnancy_is_explained(line: str) -> None:
    assert "dyspnea" not in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        # a warning qualifier wins
        "SOB on 1 flight, worse than the past year (HF, NYHA II).",
        "New SOB at rest, c/w pregnancy physiology per OB.",
        "Breathless at rest, progressive, same as last year's COPD flare.",
        # a cause without any usual level
        "SOB on 2 flights, has HF.",
        # a malignant cause
        "SOB on exertion, consistent with her known pleural metastases.",
    ],
)
def test_controls_the_breathlessness_stays(line: str) -> None:
    assert "dyspnea" in symptom_codes(NEW + line) | symptoms_to_confirm(NEW + line)


def test_the_usual_breathlessness_gives_the_early_stage_answer() -> None:
    note = NEW + "DOE on 2 flights, same as past year (CHF, NYHA II). No bone pain, no HA."
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


# ---------------------------------------------------------------- 3. a ticked weight-loss box and its comment
FORM = "GERIATRIC ASSESSMENT\n81 yo F, R breast IDC 1.6 cm, cN0, ER+ PR+ HER2-.\n"


@pytest.mark.parametrize(
    "row",
    [
        "Weight loss 2 kg [x]Y [ ]N -> poorly fitting dentures, soft diet; weight back up since refit.",
        "Wt loss [x] yes [ ] no   comment: teeth extracted in May, could not chew; gaining weight again.",
        "Weight loss 4 lb  [X] Y  [ ] N  - broken denture in spring, now eating normally, wt up 2 lb.",
        "Wt loss in past 6 mo? [x]Y [ ]N -> some weight loss in the spring, weight back up 2 kg since.",
    ],
)
def test_a_weight_loss_box_explained_or_regained_by_its_comment(row: str) -> None:
    assert "weight_loss" not in symptom_codes(FORM + row + "\nBone pain [ ]Y [x]N\n")


@pytest.mark.parametrize(
    "row",
    [
        # a ticked box without a comment
        "Weight loss 3 kg [x]Y [ ]N\n",
        # a comment that worries
        "Weight loss 3 kg [x]Y [ ]N -> unintentional, still losing, night sweats\n",
        # a warning word ("unplanned") before the regain
        "Unplanned wt loss? [x]Y [ ]N -> lost 3 kg in the spring, still losing\n",
        # a dental word that is no cause
        "Weight loss 3 kg [x]Y [ ]N -> dental review done, teeth fine; cause unclear\n",
    ],
)
def test_controls_the_weight_loss_stays(row: str) -> None:
    assert "weight_loss" in symptom_codes(FORM + row) | symptoms_to_confirm(FORM + row)


def test_a_relatives_weight_loss_stays_out() -> None:
    assert "weight_loss" not in symptom_codes(FORM + "Her sister had weight loss from broken dentures.\n")


# ---------------------------------------------------------------- 4. a warning past a history sentence
@pytest.mark.parametrize(
    "text",
    [
        "Chronic low back pain from lumbar spondylosis, here for a flare. Hx L breast ILC 2020, s/p lumpectomy, on "
        "anastrozole.\nShe says the pain is now different from her usual, waking her at night.",
        "Pt w/ chronic LBP (DDD) seen for flare. Hx R breast IDC, s/p mastectomy 2022, on letrozole.\n"
        "Today reports pain now worse at night and not eased by rest.",
        "Longstanding back ache, OA spine. Breast ca dx 2018, treated with mastectomy and chemo.\n"
        "Pain now progressive, waking her 2-3x/night.",
    ],
)
def test_a_warning_past_a_history_sentence_keeps_the_back_pain(text: str) -> None:
    assert "back_pain" in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # no warning told after
        "Chronic low back pain from lumbar spondylosis, unchanged. Hx L breast ILC 2020, s/p lumpectomy, on "
        "anastrozole.\nPain manageable with paracetamol.",
        # a pronoun after the history sentence may speak of the cancer: nothing carried
        "Chronic LBP from DDD, unchanged for years. Hx R breast IDC 2019, s/p mastectomy.\nIt was new then.",
        # the warning is denied
        "Chronic LBP from DDD, unchanged. Hx R breast IDC 2019, s/p mastectomy.\nPain: no night pain, not worse.",
        # another finding named between: the pointer may speak of it
        "Chronic LBP from OA, stable. Knee pain after a fall last week.\nThe pain is worse at night.",
    ],
)
def test_controls_the_chronic_back_pain_stays_explained(text: str) -> None:
    assert "back_pain" not in symptom_codes(text)
