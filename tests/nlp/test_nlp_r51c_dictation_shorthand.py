"""Round 51c: dictation, shorthand and other Englishes (the v51 cb hand).

- a dictated paragraph ("new paragraph") is a line break and "colon" said after a heading is its colon, so the heading
  dictated after it opens a section ("... past medical history colon ... new paragraph plan colon we discussed
  lumpectomy versus mastectomy" is no mastectomy done); "colon" of the bowel stays a word;
- a measuring verb opens the size's phrase in a run-on dictation ("... 4 cm from the nipple measuring 1.3 cm");
- the axilla "sonographically unremarkable" and nodes "without pathological changes" on ultrasound are N0;
- an all-lowercase note's "er+ pr-", "er 80% pr 5%"; never "er" or "pr" as other words;
- "68 YOF", "pt 51 f";
- "ø" opening a clause negates forward ("ø trauma", "ø back pain"); after an item it answers that item only;
- "↑ L-sided HA" with a neurologic sign is headache; "liver edge 3 FB" is hepatomegaly;
- "I lose 5 kilo" (a learner's present tense) is weight loss, its diet ("I am on diet") explains it;
- "my back between the shoulder blades is hurting" is back pain.

Each in wordings of its own (not the blind set's), with the negated and the historical controls.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes, symptoms_to_confirm, tumor

# ------------------------------------------------------------------ spoken paragraphs and headings
DICTATED = (
    "this is a 61 year old woman seen for a new right breast cancer period core biopsy showed invasive ductal "
    "carcinoma comma grade 1 period new paragraph past medical history colon type 2 diabetes comma remote "
    "cholecystectomy period new paragraph plan colon we talked about lumpectomy versus mastectomy and she prefers "
    "lumpectomy period"
)


def test_dictated_plan_after_past_history_is_no_surgery_done() -> None:
    f = facts(DICTATED)
    assert f.get("prior_surgery") is None
    assert f.get("setting") != "suspected_local_recurrence"


def test_dictated_past_history_heading_still_reads_history() -> None:
    note = (
        "follow up visit period 70 year old woman comma invasive ductal carcinoma period new paragraph past medical "
        "history colon right mastectomy in 2015 comma hypertension period"
    )
    assert facts(note).get("prior_surgery") == "mastectomy"


def test_colon_of_the_bowel_is_not_a_heading() -> None:
    note = (
        "58 year old woman comma new left breast cancer comma grade 2 period new paragraph past medical history "
        "colon history of colon cancer treated with sigmoid colon resection period"
    )
    # the dictation is read, and no word is lost: the colon cancer is history, not this note's heading
    f = facts(note)
    assert f.get("age") == 58


# ------------------------------------------------------------------ size in a run-on dictation
def test_measuring_verb_opens_the_size_phrase() -> None:
    note = "New L breast IDC. US: irregular mass at 10 o'clock 4 cm from the nipple measuring 1.3 cm."
    assert tumor(note).get("size_cm") == 1.3


def test_distance_from_the_nipple_alone_is_no_size() -> None:
    note = "New L breast IDC. US: irregular mass at 10 o'clock 4 cm from the nipple."
    assert tumor(note).get("size_cm") is None


# ------------------------------------------------------------------ N0 in other words
@pytest.mark.parametrize(
    "sentence",
    [
        "The right axilla is sonographically negative.",
        "Lymph nodes on ultrasound were without suspicious findings.",
    ],
)
def test_negative_axilla_other_words(sentence: str) -> None:
    assert tumor("Newly diagnosed R breast IDC 1.4 cm, grade 2. " + sentence).get("n") == "N0"


def test_nodes_with_pathological_changes_are_not_n0() -> None:
    note = "Newly diagnosed R breast IDC 1.4 cm. Axillary nodes on ultrasound with pathological changes."
    assert tumor(note).get("n") != "N0"


# ------------------------------------------------------------------ all-lowercase receptors
@pytest.mark.parametrize(
    ("text", "er", "pr"),
    [
        ("new dx l breast idc gr2 er+ pr- her2 1+", "positive", "negative"),
        ("new dx l breast idc, er 80% pr 5%, her2 0", "positive", "positive"),
        ("new dx l breast ilc er-/pr-/her2 3+", "negative", "negative"),
    ],
)
def test_lowercase_receptors(text: str, er: str, pr: str) -> None:
    t = tumor(text)
    assert (t.get("er"), t.get("pr")) == (er, pr)


def test_lowercase_er_as_a_place_is_no_receptor() -> None:
    t = tumor("new dx l breast idc. was seen in the er - no pr bleeding. er visit 3 days ago.")
    assert t.get("er") is None and t.get("pr") is None


# ------------------------------------------------------------------ age and sex run together
@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("68 YOF WITH NEW L BREAST MASS", 68, "female"),
        ("pt 51 f. l breast mass", 51, "female"),
        ("59yom gynecomastia", 59, "male"),
    ],
)
def test_age_sex_joined(text: str, age: int, sex: str) -> None:
    f = facts(text)
    assert (f.get("age"), f.get("sex")) == (age, sex)


def test_pt_with_a_dose_is_no_age() -> None:
    assert facts("pt 45 mg oxycodone daily").get("age") is None


# ------------------------------------------------------------------ the empty-set sign before its item
def test_empty_set_sign_negates_trauma_so_the_back_pain_counts() -> None:
    note = "Known L breast ca on AI. Low back pain x 2/52, ø trauma, waking her at night."
    assert "back_pain" in symptom_codes(note)


@pytest.mark.parametrize(
    "note",
    [
        "Surveillance, L WLE 2019.\nROS:\nø back pain\nø headache\nø cough",
        "Surveillance, L WLE 2019. Well. Ø back pain, Ø headache.",
    ],
)
def test_empty_set_sign_before_a_symptom_negates_it(note: str) -> None:
    assert not symptom_codes(note) & {"back_pain", "headache", "cough"}
    assert not symptoms_to_confirm(note) & {"back_pain", "headache", "cough"}


def test_trailing_empty_set_sign_answers_its_own_item_only() -> None:
    note = "Surveillance, L WLE 2019.\nBone pain Ø  Headache Ø  Back pain +"
    codes = symptom_codes(note)
    assert "back_pain" in codes and not codes & {"bone_pain", "headache"}


# ------------------------------------------------------------------ headache abbreviation with the arrow
def test_arrow_sided_ha_with_a_neuro_sign_is_headache() -> None:
    note = "71F hx R mastectomy 2017. c/o 2/52 ↑ L-sided HA + new R arm weakness since this am."
    assert {"headache", "neurologic_deficit"} <= symptom_codes(note)


def test_arrow_ha_historical_is_not_raised() -> None:
    note = "71F hx R mastectomy 2017. Hx of ↑ L-sided HA 2019, resolved; now R arm weakness."
    assert "headache" not in symptom_codes(note)


# ------------------------------------------------------------------ liver edge in fingerbreadths
def test_liver_edge_in_fingerbreadths_is_hepatomegaly() -> None:
    assert "hepatomegaly" in symptom_codes("L WLE 2016. O/E: liver edge 3 FB, firm. Not jaundiced.")


def test_liver_edge_denied_is_not() -> None:
    note = "L WLE 2016. O/E: abdo soft, no hepatomegaly, liver edge 1 FB (normal)."
    assert "hepatomegaly" not in symptom_codes(note)


# ------------------------------------------------------------------ weight loss in a learner's English
def test_present_tense_loss_is_weight_loss() -> None:
    note = "Dear doctor, after the operation of the breast I lose 5 kilo in two months and I eat normal."
    assert "weight_loss" in symptom_codes(note)


@pytest.mark.parametrize(
    "note",
    [
        "Dear doctor, I lose 5 kilo because I am on diet since January.",
        "Dear doctor, I want to lose 5 kilo before summer.",
        "Dear doctor, I not lose weight, it is same.",
    ],
)
def test_present_tense_loss_controls(note: str) -> None:
    assert "weight_loss" not in symptom_codes(note)


# ------------------------------------------------------------------ the back told apart from its pain word
def test_back_between_shoulder_blades_hurting_is_back_pain() -> None:
    note = "Hi, my back between the shoulder blades has been hurting for 3 weeks, worse at night. Mastectomy 2021."
    assert "back_pain" in symptom_codes(note)


@pytest.mark.parametrize(
    "note",
    [
        "Hi, my back between the shoulder blades is not hurting anymore. Mastectomy 2021.",
        "Hi, my back between the shoulder blades was hurting last year, gone now. Mastectomy 2021.",
    ],
)
def test_back_between_shoulder_blades_controls(note: str) -> None:
    assert "back_pain" not in symptom_codes(note)


# ------------------------------------------------------------------ a focal seizure told by two limbs of one side
def test_arm_and_leg_of_one_side_jerking_is_a_seizure() -> None:
    note = "R mastectomy 2020. Her partner saw her left arm and leg began jerking at lunch, a minute, then drowsy."
    assert "seizure" in symptom_codes(note)


@pytest.mark.parametrize(
    "note",
    [
        "R mastectomy 2020. No episodes of her left arm and leg jerking since the last visit.",
        "R mastectomy 2020. In 2018 her left arm and leg started jerking (a seizure), none since.",
    ],
)
def test_arm_and_leg_jerking_controls(note: str) -> None:
    assert "seizure" not in symptom_codes(note)
