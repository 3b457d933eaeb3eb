"""Round 9a: whose symptom, and whether it is there at all (blind set v9's scope and subject classes).

Written in our own words, each class with differently worded positives and a control where the rule must not
fire. A red flag raised from a list of what to call about, from a relative's row, or from a dictated "denies"
that speech recognition wrote as other words is the unsafe answer the brief names first; the controls check that
the patient's own symptom next to such a layout still stands."""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes

EARLY = "61F, new R breast IDC 1.3 cm, grade 1, ER+ PR+ HER2-, cN0 on US, untreated; seen to plan surgery.\n\n"

# --- 1. A heading of what to report should it happen covers every item of its list ---------------------------

CALL_LISTS = [
    # a phone number between the action and its condition, items with their own warning words
    "RING THE BREAST UNIT ON 0161 555 0199 SHOULD YOU GET:\n"
    "- Aching in your bones that is new and keeps going\n"
    "- Headaches which get steadily worse or wake you\n"
    "- A cough or breathlessness lasting beyond a month\n",
    # a heading without a colon, numbered items
    "When to get help urgently\n"
    "1) new pain in the back or ribs that is there at night\n"
    "2) a headache unlike your usual ones\n"
    "3) yellow skin or eyes\n",
    # a blank line between the heading and a bulleted list, a heading ending on "for"
    "Head to your nearest emergency department straight away for:\n\n"
    "* weakness or numbness in the legs\n"
    "* severe new back pain\n"
    "* shortness of breath at rest\n",
    # warning signs named together with what to do, boxes for the items
    "Danger signs (phone the chemo hotline):\n[ ] bone pain that is worsening\n[ ] persistent cough\n",
    # lettered items under a heading ending with a dash
    "Please contact us sooner in the event of any of the following -\n"
    "  a) worsening cough\n  b) losing weight without trying\n  c) confusion\n",
    # an inline list after the heading's colon, items split by semicolons
    "Let us know if you notice: new bone pain; a headache that lasts; a cough that will not settle.\n",
]


@pytest.mark.parametrize("block", CALL_LISTS)
def test_every_item_under_a_call_us_heading_is_hypothetical(block: str) -> None:
    note = EARLY + block
    assert symptom_codes(note) == set()
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


def test_the_list_ends_where_the_patient_is_spoken_of_again() -> None:
    note = EARLY + "Call us if you have any of these:\n- bone pain\n- headaches\nShe reports a new cough for a month.\n"
    assert symptom_codes(note) == {"cough"}
    plain = EARLY + "Call us if you have:\nbone pain\nheadaches\n\nToday she describes new hip pain at night.\n"
    assert symptom_codes(plain) == {"bone_pain"}


def test_a_blank_line_ends_the_list_and_a_present_symptom_after_it_stands() -> None:
    note = EARLY + "Seek care right away if:\n- new bone pain\n- cough\n\nInterval: persistent headache for 3 weeks.\n"
    assert symptom_codes(note) == {"headache"}
    assert decide_note(note)["systemic_imaging"] == "targeted"


def test_a_scheduling_condition_heads_no_list() -> None:
    # "sooner if needed" is the follow-up's timing, not what to report: the bullets below are her problems
    note = EARLY + "Return to clinic in 3 months, sooner if needed.\n- New low back pain x 4 wks, worse at night\n"
    assert symptom_codes(note) == {"back_pain"}


def test_a_questionnaire_ticked_by_the_patient_is_answered_not_hypothetical() -> None:
    note = EARLY + "Please tell us if you have any of these now (tick all that apply):\n[x] bone pain\n[ ] headache\n"
    assert symptom_codes(note) == {"bone_pain"}


def test_a_ticked_box_under_a_call_us_heading_is_confirmed() -> None:
    # ticked as hers, or ticked by the nurse as one to watch for: the answer waits and names it
    note = EARLY + "Phone us if you get:\n[x] bone pain\n[ ] headache\n"
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    assert "bone_pain" in " ".join(decision["insufficient_data"])


def test_a_scheduling_condition_with_a_colon_heads_no_list_either() -> None:
    note = EARLY + "Will call her sooner if needed:\n- new low back pain for 4 weeks, worse at night\n"
    assert symptom_codes(note) == {"back_pain"}
    report = EARLY + "Outside report if available:\n- new low back pain for 4 weeks, worse at night\n"
    assert symptom_codes(report) == {"back_pain"}  # "report" as a noun sends no one to care


def test_a_list_of_found_warning_signs_stays_present() -> None:
    # a clinician's own "red flags" heading without an action may list the ones found
    note = EARLY + "Red flags:\n- new thoracic back pain, waking her at night\n"
    assert symptom_codes(note) == {"back_pain"}


# --- 2. A relative's row in a family history is the relative's; the patient's line after it is hers -----------

FAMILY_ROWS = [
    # a heading with a remark, a row whose words name someone again ("her own doctor")
    "Family history (pedigree scanned to media):\n- Maternal aunt: ovarian ca at 58\n"
    "- Mother, 74: under investigation by her own doctor for hip pain and weight loss\n",
    # rows without a heading, an age in brackets, a dash after the relative
    "Sister (49): persistent cough, CT pending\nBrother - headaches for months, MRI booked\n",
    # the relatives on the title's line
    "Family hx: Mum - breast ca dx 52, bone pain before she died. Dad - HTN.\n",
    # a table with a column of relatives
    "| Relation | Age | Health |\n| Father | 77 | back pain, losing weight |\n| Sister | 50 | well |\n",
]


@pytest.mark.parametrize("block", FAMILY_ROWS)
def test_a_relatives_row_never_raises_the_patients_red_flag(block: str) -> None:
    note = EARLY + block + "\nShe herself feels well.\n"
    assert symptom_codes(note) == set()
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


def test_the_patients_own_line_after_a_family_history_stands() -> None:
    note = EARLY + "FHx: mother with breast cancer at 48.\nPt describes new low back pain for 4 weeks, worse at night."
    assert symptom_codes(note) == {"back_pain"}
    assert decide_note(note)["systemic_imaging"] == "targeted"


def test_an_unattributed_line_after_a_family_history_is_confirmed_not_dropped() -> None:
    note = EARLY + "Family history: father prostate cancer.\n\nNew headaches over 3 weeks, worse on waking.\n"
    assert symptom_codes(note) == set()  # whose it is cannot be told from the layout alone
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    assert "headache" in " ".join(decision["insufficient_data"])


def test_an_informant_on_a_relatives_row_is_confirmed_not_dropped() -> None:
    # the daughter speaks of her mother, the patient: not the daughter's own back pain
    note = EARLY + "Daughter: says mum has had back pain for six weeks, keeping her up at night.\n"
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    assert "back_pain" in " ".join(decision["insufficient_data"])
    own = EARLY + "Daughter: breast cancer at 39, back pain since her own treatment.\n"  # control: her own row
    assert decide_note(own)["systemic_imaging"] == "not_recommended"


# --- 3. A dictated negation the recogniser wrote as other words is still a negation ----------------------------

DICTATED = (
    "dictated not proofread 57 year old woman new left breast cancer 1.2 centimeters grade 1 er positive "
    "her 2 negative clinically node negative "
)


@pytest.mark.parametrize(
    "said",
    [
        "she the nice any bone pain she the nice headaches",  # "she denies ... she denies ..."
        "patient Dennis cough or back pain",  # "patient denies"
        "he the night any headache there is know bone pain",  # "he denied ... there is no ..."
        "review of systems negative four bone pain headache cough",  # "negative for"
        "she does knot have any back pain",  # "does not have"
        "exam today know evidence of bone pain or headache",  # "no evidence of"
    ],
)
def test_a_misheard_denial_still_denies(said: str) -> None:
    note = DICTATED + said + " plan surgery first"
    assert symptom_codes(note) == set()
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "said",
    [
        "her headaches come during the nights and wake her",  # "the nights" not after a subject
        "i know she has had bone pain in the right hip for six weeks",  # a real "know"
        "i know focal weakness worries her and she has had bone pain in the hip for a month",
        "she found a knot in the breast and has had a headache every morning for a month",  # a real "knot"
    ],
)
def test_the_same_words_in_a_real_sentence_keep_their_reading(said: str) -> None:
    assert symptom_codes(DICTATED + said) & {"headache", "bone_pain"}


# --- 4. A resolution told later in the clause, opened by "now", is a resolution, not a new onset ---------------


@pytest.mark.parametrize(
    "said",
    [
        "She had a dry cough through October, seen twice by her GP; this has now fully resolved.",
        "Pain in the left hip over the summer, reviewed by orthopaedics; it has now completely resolved.",
    ],
)
def test_a_symptom_that_has_now_resolved_is_historical(said: str) -> None:
    note = EARLY + said + "\n"
    assert symptom_codes(note) == set()
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


def test_a_new_complaint_after_now_is_not_resolved() -> None:
    note = EARLY + "Back pain in the summer that settled with physiotherapy; now a new headache every morning.\n"
    assert symptom_codes(note) == {"headache"}


def test_a_condition_before_the_action_heads_a_list_too() -> None:
    note = EARLY + (
        "If you notice any of these, ring the ward or go to A&E:\n"
        "- breathlessness that is new\n- severe pain in your back\n- a headache with vomiting\n"
    )
    assert symptom_codes(note) == set()


def test_pedigree_shorthand_leads_a_relatives_row() -> None:
    note = EARLY + "Family history:\n- MGM: breast ca in her 60s, bone pain at the end\n- PGF - lung ca, cough\n"
    assert symptom_codes(note) == set()


def test_a_misheard_entry_longer_than_what_was_heard_is_refused() -> None:
    from rightscan.adapters.text.dictation import compile_misheard
    from rightscan.adapters.text.rule_files import RulesError

    with pytest.raises(RulesError, match="longer than a heard form"):
        compile_misheard(["[she] (the nice|denys) => denies"])  # would move the note's offsets
    assert compile_misheard([]) is None


# --- 5. Red flags in other words (blind v9's misses as classes; value rules in values.yaml) --------------------


@pytest.mark.parametrize(
    "said",
    ["Her trousers are loose: she has lost nearly 5 kilograms since spring.", "Noted loss of weight over the winter."],
)
def test_weight_lost_in_other_words_is_a_red_flag(said: str) -> None:
    assert "weight_loss" in symptom_codes(EARLY + said)


def test_a_fracture_through_a_bone_lesion_is_pathologic() -> None:
    assert "pathologic_fracture" in symptom_codes(EARLY + "Radiograph: humeral shaft fracture through a lytic lesion.")


def test_denied_or_traumatic_stays_out() -> None:
    assert symptom_codes(EARLY + "No loss of weight, appetite good.") == set()
    assert "pathologic_fracture" not in symptom_codes(EARLY + "Ankle fracture after a skiing accident in 2019.")
