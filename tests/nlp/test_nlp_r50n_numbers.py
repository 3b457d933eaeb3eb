"""Round 50n: numbers in notes - labs and weights - and what a chronic, named benign cause makes of them.

- what a finding "can mean" in general is no metastasis of this patient; "could / may mean" is suspected, never M1;
- Paget's disease of bone explains its own chronic ache (never the nipple's Paget's disease);
- a back ache called ordinary for the stage of a pregnancy, or an injury told with "it" or from lifting a child, is
  explained; a warning keeps it;
- labs in more layouts: two tests each with its value and one bracket of limits, a trend told newest first (and
  µkat/L), a portal's described flag, "TB" for bilirubin with its range;
- a weight drop told as two weights months apart is weight loss; a gain, a small swing or a stated diet is not;
- a mildly raised bilirubin put down to Gilbert's, and liver tests called chronic with their cause, keep routine
  follow-up surveillance.

Each in wordings of its own (not the blind set's), with controls that keep their reading.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes, symptoms_to_confirm, tumor

FOLLOW_UP = "Follow-up visit, breast oncology\n66F, s/p R lumpectomy 2018 for IDC pT1c pN0, ER+, on letrozole.\n"


# ------------------------------------------------------------------ M1 only from a metastasis stated for her
@pytest.mark.parametrize(
    "note",
    [
        FOLLOW_UP + "Her neighbour told her a raised alk phos can be a sign of liver metastases; she wants a scan.",
        FOLLOW_UP + "Pt read that back pain can signal spinal mets. No back pain herself.",
    ],
)
def test_what_a_finding_can_mean_in_general_is_no_m1(note: str) -> None:
    assert tumor(note).get("m") != "M1", note


def test_what_her_own_finding_could_mean_is_suspected_not_m1() -> None:
    note = FOLLOW_UP + "ALP 410 (40-129), up from 90; this could mean bone metastases. Bone scan."
    assert tumor(note).get("m") != "M1"


def test_control_stated_metastases_stay_m1() -> None:
    note = "58F with ER+ breast ca, biopsy-proven liver metastases 2025, on fulvestrant. CT for restaging."
    assert tumor(note).get("m") == "M1"


# ------------------------------------------------------------------ a chronic ache of Paget's disease of bone
def test_a_chronic_paget_ache_is_explained() -> None:
    note = FOLLOW_UP + "L thigh ache is her old Paget's ache, unchanged for 8 years, no night pain."
    assert "bone_pain" not in symptom_codes(note)
    assert "bone_pain" not in symptoms_to_confirm(note)


def test_control_a_paget_ache_worse_at_night_counts() -> None:
    note = FOLLOW_UP + "Known Paget's of the pelvis; pelvic bone pain now worse and waking her at night."
    assert "bone_pain" in symptom_codes(note) | symptoms_to_confirm(note)


def test_control_the_nipples_paget_disease_explains_no_bone_ache() -> None:
    from rightscan.adapters.text.chronic_baseline import word_pattern

    pattern = word_pattern(["paget's", "paget's disease"], ["of the nipple", "nipple"])
    assert pattern is not None
    assert not pattern.search("Paget's disease of the nipple")
    assert not pattern.search("nipple Paget's")
    assert pattern.search("her Paget's ache")


# ------------------------------------------------------------------ back ache of pregnancy; an injury told with "it"
@pytest.mark.parametrize(
    "note",
    [
        "29 wk pregnant, new L IDC 1.9 cm. Low back ache in the evenings - midwife says typical for this far along.",
        "33 weeks gestation; back aches after standing, her OB said it's normal at this point. CT not advised.",
    ],
)
def test_a_back_ache_called_ordinary_for_the_stage_of_pregnancy_is_explained(note: str) -> None:
    assert "back_pain" not in symptom_codes(note), note


def test_control_a_pregnancy_back_ache_waking_her_counts() -> None:
    note = "30 weeks pregnant. Back pain waking her at night for 3 weeks; OB says normal at this stage."
    assert "back_pain" in symptom_codes(note) | symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "note",
    [
        "MSK: back pain - Y (tweaked it carrying groceries Friday)",
        "Back pain: yes - strained it picking up my grandson",
        "Low back sore since she threw it out shovelling last week.",
        "back ache from lifting her 18 month old, easing.",
    ],
)
def test_an_injury_told_with_it_or_lifting_a_child_explains_back_pain(note: str) -> None:
    assert "back_pain" not in symptom_codes(note), note


def test_control_an_injury_with_night_pain_still_counts() -> None:
    note = "Back pain - pulled it a month ago, now worse and waking her at night."
    assert "back_pain" in symptom_codes(note) | symptoms_to_confirm(note)


def test_control_back_pain_without_a_cause_counts() -> None:
    assert "back_pain" in symptom_codes("Back pain: YES - 3 weeks, constant.")


# ------------------------------------------------------------------ labs in more layouts
def _labs(note: str) -> dict[str, dict[str, float]]:
    return facts(note).get("labs", {})


def test_two_tests_each_with_its_value_and_one_bracket_of_limits() -> None:
    labs = _labs("LFTs: ALT 92 H, AST 66 H (ULN 40 / 35).")
    assert labs["alt"] == {"value": 92.0, "uln": 40.0}
    assert labs["ast"] == {"value": 66.0, "uln": 35.0}


def test_a_trend_told_newest_first_reads_the_first_value() -> None:
    assert _labs("Alk phos 3.1 µkat/L <- 1.7 (May) (ref 0.5-1.9)")["alkaline_phosphatase"] == {"value": 3.1, "uln": 1.9}
    assert _labs("AST 77 <- 41 <- 30 (10-40)")["ast"] == {"value": 77.0, "uln": 40.0}


def test_a_portal_flag_in_words_and_says() -> None:
    labs = _labs("my ALT says 95 with a little H beside it and the range is 7-56")
    assert labs["alt"] == {"value": 95.0, "uln": 56.0}


def test_tb_with_its_range_is_bilirubin() -> None:
    assert _labs("CMP: TB 2.4 H (0.2-1.2), albumin 3.9")["bilirubin"] == {"value": 2.4, "uln": 1.2}


def test_control_tb_without_a_range_is_no_bilirubin() -> None:
    assert "bilirubin" not in _labs("Discussed at TB 4/12; plan CT.")


def test_control_a_normal_alp_stays_normal() -> None:
    labs = _labs("ALP in the recent labs - 88 (40-129)")
    assert labs["alkaline_phosphatase"] == {"value": 88.0, "uln": 129.0}


def test_control_a_lab_without_a_range_is_no_value() -> None:
    assert "alkaline_phosphatase" not in _labs("ALP 212 <- 98, rechecking.")


# ------------------------------------------------------------------ weight as two numbers months apart
@pytest.mark.parametrize(
    "note",
    [
        "Wt 81.0 kg at her March visit, 75.2 kg today. Appetite ok.",
        "Weighed 150 lb (2/2025) and 139 lb today; not trying to lose.",
        "I weighed 61 kg at my annual physical and this morning I was 56.",
    ],
)
def test_an_unexplained_drop_between_two_weights_is_weight_loss(note: str) -> None:
    assert "weight_loss" in symptom_codes(note) | symptoms_to_confirm(note), note


@pytest.mark.parametrize(
    "note",
    [
        "Wt 70.1 kg at her June visit, 71.4 kg today.",
        "Weight 66 kg at her last visit, 65.6 kg today.",
        "Weight 84 kg at her January visit, 77 kg today after a strict keto diet.",
    ],
)
def test_control_a_gain_a_swing_or_a_diet_is_no_weight_loss(note: str) -> None:
    assert "weight_loss" not in symptom_codes(note), note


# ------------------------------------------------------------------ a chronic lab with its benign cause
def test_a_mild_bilirubin_of_gilberts_keeps_surveillance() -> None:
    note = FOLLOW_UP + "T bili 1.9 H (0.2-1.2), her known Gilbert syndrome. Feels well. RTC 6 mo."
    assert facts(note).get("setting") == "surveillance"


def test_liver_tests_called_chronic_with_their_cause_keep_surveillance() -> None:
    note = FOLLOW_UP + "ALT 61 H (0-40) chronic; fatty liver on US. Feels well. RTC 1 yr."
    assert facts(note).get("setting") == "surveillance"


@pytest.mark.parametrize(
    "tail",
    [
        "T bili 1.9 H (0.2-1.2); ? Gilbert's vs liver mets.",
        "T bili 3.4 H (0.2-1.2), known Gilbert syndrome.",
        "ALT 61 H (0-40). Feels well.",
    ],
)
def test_control_a_doubted_or_large_or_unexplained_rise_is_not_surveillance(tail: str) -> None:
    assert facts(FOLLOW_UP + tail).get("setting") != "surveillance", tail
