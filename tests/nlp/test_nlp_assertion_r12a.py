"""Round 12a: a symptom's assertion where the reader was known to be wrong, by class of meaning.

1. a denied report ("she has never reported bone pain"): the reporting verb ended the negation, the red flag was
   raised; a denial bounded in time ("had not reported bone pain before this month"; "never ... until last week" is
   stated since round 49m) or left open ("has not reported back pain to her GP, although ...": not told) is left to
   confirm;
2. the reason of a study done before that found disease ("a bone scan for new back pain showed lesions"): the
   symptom was dropped as past; it is left to confirm unless the note says it resolved;
3. a doubt whether ("not sure whether this back pain is serious", "unclear if she has headaches"): read as denied
   (by its "not") or hypothetical (by its "if"); it is left to confirm;
4. a relative of a relative ("her sister said her mother had bone pain"): the teller was read as an informant and the
   relative's symptom as the patient's; where the relation may name the patient herself, left to confirm;
5. weight loss as an aim ("plan: work on weight loss", "weight loss programme"): not the symptom.

Own words throughout, positives and controls that must not fire (a red flag is never dropped by these rules).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes

BASE = "58F, new diagnosis of left breast IDC 1.4 cm, grade 1, ER+ PR+ HER2-, clinically N0. "


def _to_confirm(note: str) -> list[str]:
    from rightscan.adapters.text import extract

    return [c["field"] for c in extract(note).to_confirm]


def _left_to_confirm(sentence: str) -> None:
    note = BASE + sentence
    assert not symptom_codes(note), sentence
    assert "symptoms" in _to_confirm(note), sentence
    assert decide_note(note)["systemic_imaging"] == "undetermined", sentence


def _stated_or_left_to_confirm(sentence: str, code: str) -> None:
    note = BASE + sentence
    assert code in symptom_codes(note) or "symptoms" in _to_confirm(note), sentence
    assert decide_note(note)["systemic_imaging"] != "not_recommended", sentence


def _not_a_symptom(sentence: str) -> None:
    note = BASE + sentence
    assert not symptom_codes(note) and "symptoms" not in _to_confirm(note), sentence
    assert decide_note(note)["systemic_imaging"] == "not_recommended", sentence


def _raised(sentence: str, code: str) -> None:
    note = BASE + sentence
    assert code in symptom_codes(note), sentence
    assert decide_note(note)["systemic_imaging"] != "not_recommended", sentence


# ---------------------------------------------------------------- 1. a denied report
@pytest.mark.parametrize(
    "sentence",
    [
        "She has never reported bone pain.",
        "Has not reported any headaches at her visits so far.",
        "She denies having ever reported back pain.",
        "No reported bone pain, headache or weight loss.",
        "Her back pain has never been reported.",
        "She is not complaining of bone pain.",
        "Has never really reported back pain.",
        # the warning after the next symptom is that symptom's: the denial of the bone pain is not left open
        "She reports no bone pain, no breathlessness beyond her usual and no weight loss.",
        # a report that is not itself denied ("reports no ...") is a plain denial, whatever follows
        "She reports no headaches, which is reassuring.",
    ],
)
def test_a_denied_report_denies_the_symptom(sentence: str) -> None:
    _not_a_symptom(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "She had not reported any bone pain before this month.",
        "She never mentioned headaches before.",
        "She did not complain of back pain previously, now reports it nightly.",
        # "not reported" may mean not told: what follows leaves it open
        "She has not reported bone pain, but it began last week and wakes her at night.",
        "She has not reported back pain to her GP, although it has been present for 6 weeks.",
        "She hadn't reported her headaches, which are worse in the mornings.",
        "She did not complain of back pain to her GP, although it has been there for weeks.",
    ],
)
def test_a_denied_report_bounded_in_time_or_left_open_is_left_to_confirm(sentence: str) -> None:
    _left_to_confirm(sentence)


def test_a_denial_until_a_recent_time_is_stated_or_left_to_confirm() -> None:
    # round 49m reads "never ... until <recent time>" as an onset: stated is as safe as left to confirm
    _stated_or_left_to_confirm("She never reported headaches until last week.", "headache")


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("She denies nausea, reports new bone pain in the ribs.", "bone_pain"),
        ("No fever. She reports headaches every morning for a month.", "headache"),
        ("No change in appetite but reports back pain waking her at night.", "back_pain"),
    ],
)
def test_control_a_report_after_another_denial_is_kept(sentence: str, code: str) -> None:
    _raised(sentence, code)


# ---------------------------------------------------------------- 2. the reason of a study done before
@pytest.mark.parametrize(
    "sentence",
    [
        "She had a bone scan for new back pain and it showed lesions.",
        "Bone scan last month for hip pain showed two sclerotic foci.",
        "She had a CT head in March for headaches, which showed a small lesion.",
    ],
)
def test_the_reason_of_a_study_is_never_past(sentence: str) -> None:
    note = BASE + sentence
    assert symptom_codes(note) or "symptoms" in _to_confirm(note), sentence
    assert decide_note(note)["systemic_imaging"] != "not_recommended", sentence


def test_control_the_reason_of_a_study_that_resolved_is_past() -> None:
    _not_a_symptom("Bone scan 2023 for back pain, negative; the pain has since resolved.")


# ---------------------------------------------------------------- 3. a doubt whether
@pytest.mark.parametrize(
    "sentence",
    [
        "Not sure whether this back pain is serious.",
        "Unclear if the headache is anything.",
        "She doesn't know if her cough is related to the cancer.",
        "Not sure whether she has headaches.",  # presence itself in doubt
        "Hard to tell whether the new bone pain is real.",  # a warning word inside the doubt
        "She isn't sure if the back ache means anything.",
        "Not sure this back pain is anything.",  # no link: the doubt's "not" denies nothing
        "It is unclear whether the bone pain is related to her arthritis.",  # the cause is what is in doubt
        "Not sure whether the headaches are new or her usual migraines.",
    ],
)
def test_a_doubt_whether_is_left_to_confirm(sentence: str) -> None:
    _left_to_confirm(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Not sure whether to do a bone scan; no bone pain.",
        "She is not sure about surgery yet; denies headaches.",
        "Unsure whether she wants chemo; no bone pain or headaches.",
        "Back pain from her arthritis, not sure whether surgery helps.",  # the doubt is of the operation
    ],
)
def test_control_a_doubt_about_something_else_denies_nothing_new(sentence: str) -> None:
    _not_a_symptom(sentence)


def test_control_a_symptom_before_the_doubt_is_kept() -> None:
    _raised("Reports new headaches for three weeks, unsure if related to stress.", "headache")


# ---------------------------------------------------------------- 4. a relative of a relative
@pytest.mark.parametrize(
    "sentence",
    [
        "Her sister said her mother had bone pain.",
        "Her husband says his mother has headaches.",
        "Daughter reports that grandma has had new bone pain at night.",
    ],
)
def test_a_relative_of_a_relative_is_family(sentence: str) -> None:
    _not_a_symptom(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Her daughter says her mum has been having headaches.", "Her son says his dad has back pain."],
)
def test_a_relation_that_may_be_the_patient_is_left_to_confirm(sentence: str) -> None:
    _left_to_confirm(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Her daughter says she has been having headaches.", "headache"),
        ("The daughter says mum has had thigh pain for 2 months.", "bone_pain"),
        ("Her sister said her mother had bone pain and she herself has headaches.", "headache"),
        ("Her son tells us her back pain keeps her awake at night.", "back_pain"),
        ("Her husband told us she has had daily headaches for a month.", "headache"),
    ],
)
def test_control_a_relative_telling_of_the_patient(sentence: str, code: str) -> None:
    _raised(sentence, code)


# ---------------------------------------------------------------- 5. weight loss as an aim
@pytest.mark.parametrize(
    "sentence",
    [
        "Goal: weight loss.",
        "Plan: work on weight loss.",
        "Plan: focus on weight loss with the dietitian.",
        "She has started a weight loss programme.",
        "She is on weight loss injections.",
        "Weight loss advice given.",
    ],
)
def test_weight_loss_as_an_aim_is_no_symptom(sentence: str) -> None:
    _not_a_symptom(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Weight loss goal not intended - she has lost 6 kg without trying.",
        "Plan: CT CAP given 8 kg weight loss.",
        "She has weight loss and her diet is poor.",
        "Weight loss, advice given about nutrition.",
        "Unintentional weight loss of 7 kg; plan to work on nutrition.",
    ],
)
def test_control_weight_loss_as_a_symptom_is_kept(sentence: str) -> None:
    _raised(sentence, "weight_loss")
