"""Round 54x: red flags the reader raised from mentions the note sets aside (v54 blind), in new wordings.

1. A strain told with the outdoor chore that caused it ('strained my back raking the leaves'): explained, as round
   34a's 'moving a couch'. Controls: a warning (at night, getting worse) keeps it; a chore named without its object
   ('back pain when walking') explains nothing.
2. Weight lost during a fast kept by faith or choice (Ramadan, Lent): explained, as a diet. Controls: a warning
   ('unintentional') keeps it; a fasting blood test explains nothing.
3. A headache put down to a 5-HT3 antiemetic or a nitrate, its usual side effect: explained. Controls: a warning
   (new, worst, with vomiting) keeps it; a headache with no cause named counts.
4. A pain told where a blow left its bruise ('hurts right under the bruise'): explained, and a message's subject line
   naming the pain is read with the body's telling. Controls: at night / no injury keep it.
5. A requisition's symptom a correction calls a template's leftover ('"back pain" was carried over from the template'):
   left to confirm (corrections.py), never stated. Control: a correction that restates the symptom keeps nothing back
   from a plain statement elsewhere without a correction.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

SURV = "Follow-up. 61F, L lumpectomy + RT 2021 for IDC, on anastrozole, NED.\n"
NEW = "48F, new R breast IDC 1.4 cm, cN0, grade 2, ER+/PR+/HER2-.\n"


# ------------------------------------------------------------------ 1. a strain told with its outdoor chore
@pytest.mark.parametrize(
    "text",
    [
        SURV + "She strained her lower back raking the leaves at the weekend; easing with ibuprofen.",
        SURV + "Pt says she pulled something in her back shovelling the front steps on Monday, already better.",
        SURV + "Low back ache since Saturday - wrenched my back digging the garden beds, heat helps.",
    ],
)
def test_strain_with_outdoor_chore_is_explained(text: str) -> None:
    assert "back_pain" not in symptom_codes(text)
    assert "back_pain" not in symptoms_to_confirm(text)


@pytest.mark.parametrize(
    "text",
    [
        SURV + "She strained her lower back raking the leaves 5 weeks ago; now worse at night and waking her.",
        SURV + "Pulled my back shoveling the driveway a month ago but it keeps getting worse, now numb down the L leg.",
    ],
)
def test_strain_with_chore_and_warning_counts(text: str) -> None:
    assert "back_pain" in symptom_codes(text) | symptoms_to_confirm(text)


def test_back_pain_without_a_cause_counts() -> None:
    assert "back_pain" in symptom_codes(SURV + "Reports low back pain for 3 weeks, worse when walking.")


# ------------------------------------------------------------------ 2. weight lost during a fast kept by faith
@pytest.mark.parametrize(
    "text",
    [
        NEW + "Weight down 3 kg over Ramadan, which finished last week; appetite back to normal.",
        NEW + "Lost about 2 kg during Lent - she gives up bread and sweets every year.",
        NEW + "Wt 61 kg, lost 3 kg while fasting for Ramadan.",
    ],
)
def test_weight_lost_during_a_fast_is_explained(text: str) -> None:
    assert "weight_loss" not in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        NEW + "Lost 6 kg over 3 months, unintentional; not fasting, eating normally. Fasting glucose 5.0.",
        NEW + "Unintentional weight loss of 5 kg, started before Ramadan and still losing.",
    ],
)
def test_weight_loss_without_a_fast_or_with_a_warning_counts(text: str) -> None:
    assert "weight_loss" in symptom_codes(text) | symptoms_to_confirm(text)


# ------------------------------------------------------------------ 3. a headache put down to an antiemetic
@pytest.mark.parametrize(
    "text",
    [
        "Chemo triage call. 52F on neoadjuvant TC, C3 D3.\nHeadache - yes, dull, from the granisetron patch per pt, as "
        "after C2.\nNo fever.",
        "Day 2 after AC: mild frontal headache since starting ondansetron; settles with paracetamol.",
    ],
)
def test_headache_from_an_antiemetic_is_explained(text: str) -> None:
    assert "headache" not in symptom_codes(text)
    assert "headache" not in symptoms_to_confirm(text)


@pytest.mark.parametrize(
    "text",
    [
        "Day 2 after AC: new severe headache since starting ondansetron, worst ever, vomiting and blurred vision.",
        "Chemo triage call. 52F on TC. Headache - yes, 3 days, constant, no cause she can think of.",
    ],
)
def test_headache_with_warning_or_no_cause_counts(text: str) -> None:
    assert "headache" in symptom_codes(text) | symptoms_to_confirm(text)


# ------------------------------------------------------------------ 4. a pain under a blow's bruise
def test_pain_under_the_bruise_is_explained_with_its_subject_line() -> None:
    text = (
        "Subject: thigh pain\n\nHi, I caught my right thigh on the corner of the kitchen island yesterday and now my "
        "right thigh hurts just under the fresh bruise. Do I need a scan?\n- Mei (mastectomy 2022)"
    )
    assert "bone_pain" not in symptom_codes(text)
    assert "bone_pain" not in symptoms_to_confirm(text)


@pytest.mark.parametrize(
    "text",
    [
        SURV + "My left hip hurts at night and wakes me, for 4 weeks now; I don't remember any injury.",
        SURV + "Her right thigh aches, worse each week, no injury she can recall.",
    ],
)
def test_pain_with_warning_and_no_blow_counts(text: str) -> None:
    assert "bone_pain" in symptom_codes(text) | symptoms_to_confirm(text)


# ------------------------------------------------------------------ 5. a requisition's symptom taken back
def test_template_leftover_in_a_requisition_goes_to_confirm() -> None:
    text = (
        "MRI L-SPINE - protocol review\nOrder comment: \"57F, L IDC 2020, back pain, r/o mets\".\nSpoke with the NP: "
        "\"back pain\" was carried over from the template of another patient; she withdraws the indication."
    )
    assert "back_pain" not in symptom_codes(text)
    assert "back_pain" in symptoms_to_confirm(text)
    assert decide_note(text)["systemic_imaging"] == "undetermined"


def test_plain_requisition_symptom_still_counts() -> None:
    text = "MRI L-SPINE\nOrder comment: 57F, L IDC 2020 s/p lumpectomy, new back pain x 6 wk, worse at night, r/o mets."
    assert "back_pain" in symptom_codes(text)


def test_chore_told_after_but_still_explains_a_told_apart_back() -> None:
    # the chore cue is longer than round 16's 'from shoveling' and prunes it: it must reach every back pain target
    text = SURV + "(My back is a bit sore as well, but that's from shovelling the front walk on Saturday.)"
    assert "back_pain" not in symptom_codes(text)
