"""Round 24: the classes the first reading of the v24 blind notes (primary care, faxed records, chat exports)
showed, each in other wordings than the notes': a discharge's return advice written as a heading, a pain told as
starting after an unaccustomed activity, a symptom named as what a diary records, a long line wrapped after a
comma, and a denied list cut by a line break before a warned symptom.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

HEADER = "61F, R breast IDC pT1c pN0, ER+ PR+ HER2-, lumpectomy and RT 2021, on letrozole.\n"


def _symptoms(note: str) -> set[str]:
    return symptom_codes(HEADER + note)


def _to_confirm(note: str) -> set[str]:
    return symptoms_to_confirm(HEADER + note)


@pytest.mark.parametrize("heading", ["Return to ED", "Return to the ED", "Seek care", "Seek help"])
def test_return_advice_under_a_heading_is_not_what_she_has(heading: str) -> None:
    note = f"Discharged home.\n{heading}: fever > 38, shortness of breath, new cough, bone pain."
    assert _symptoms(note) == set()
    assert _to_confirm(note) == set()


@pytest.mark.parametrize("heading", ["Return", "Reattend"])
def test_a_bare_return_heading_leaves_its_list_to_confirm(heading: str) -> None:
    # advice after a discharge, or a return visit's complaint: neither stated nor dropped (eleventh security pass)
    note = f"{heading}: shortness of breath, new cough, new severe bone pain R hip x 3 weeks."
    assert _symptoms(note) == set()
    assert {"dyspnea", "cough", "bone_pain"} <= _to_confirm(note)


@pytest.mark.parametrize("heading", ["Reason for return", "Chief complaint on return", "Seen on return",
                                     "Return to clinic"])  # fmt: skip
def test_a_return_visit_heading_states_her_complaint(heading: str) -> None:
    assert _symptoms(f"{heading}: new severe bone pain right hip x 3 weeks, 7/10.") == {"bone_pain"}


def test_a_symptom_after_the_return_advice_sentence_still_counts() -> None:
    note = "Return: fever, chest pain.\nToday she reports new back pain for 3 weeks, worse at night."
    assert _symptoms(note) == {"back_pain"}


@pytest.mark.parametrize(
    "sentence",
    ["Low back ache after a long weekend of digging the allotment, easing already.",
     "L shoulder and upper arm pain, started after decorating the spare room, better with rest.",
     "Back pain since a heavy day of moving furniture, improving."],
)  # fmt: skip
def test_a_pain_that_began_after_an_unaccustomed_activity_is_explained(sentence: str) -> None:
    assert not _symptoms(sentence) & {"back_pain", "bone_pain"}


def test_a_warning_keeps_a_pain_that_began_after_an_activity() -> None:
    assert "back_pain" in _symptoms("Back pain after a weekend of gardening, now waking her at night for 4 weeks.")


def test_a_diary_of_an_explained_symptom_is_not_a_new_headache() -> None:
    note = ("Tension-type headaches for years, band-like, unchanged, eased by paracetamol.\n"
            "Plan: keep a headache diary, review 4 weeks.")  # fmt: skip
    assert "headache" not in _symptoms(note)


def test_a_diary_does_not_hide_a_headache_the_note_states() -> None:
    note = "New morning headaches for 3 weeks with vomiting.\nPlan: MRI brain; headache diary meanwhile."
    assert "headache" in _symptoms(note)


def test_a_long_line_wrapped_after_a_comma_is_read_as_one_sentence() -> None:
    note = ("Phone call 14:10 - daughter says her mother's right hip pain is the same ache she has had since the\n"
            "hip replacement in 2018,\nunchanged for years, no worse at night.")  # fmt: skip
    assert "bone_pain" not in _symptoms(note)
    wrapped = ("CT abdomen done in ED last month for left flank pain with a ureteric stone (passed,\n"
               "pain resolved), otherwise well.")  # fmt: skip
    assert "abdominal_pain" not in _symptoms(wrapped)


def test_a_warned_symptom_after_a_list_cut_by_a_comma_is_asked_not_denied() -> None:
    note = "Denies fever, cough,\nlow back pain for 5 weeks, worse at night."
    assert "back_pain" not in _symptoms(note) or "back_pain" in _to_confirm(note)
    assert "back_pain" in _symptoms(note) | _to_confirm(note)


def test_a_plain_item_after_a_list_cut_by_a_comma_stays_denied() -> None:
    assert _symptoms("Denies fever, cough,\nback pain, weight loss.") == set()
    assert _to_confirm("Denies fever, cough,\nback pain, weight loss.") == set()


def test_constipation_explains_a_crampy_abdominal_pain_a_clause_away() -> None:
    assert "abdominal_pain" not in _symptoms("Constipated for 4 days on oxycodone with crampy lower abdominal pain.")
    note = "Crampy lower abdominal pain and bloating, no BM for 5 days.\nImpression: opioid induced constipation."
    assert "abdominal_pain" not in _symptoms(note)


def test_constipation_does_not_explain_a_warned_abdominal_pain() -> None:
    assert "abdominal_pain" in _symptoms("Severe abdominal pain worsening over 2 weeks, constipated.")


@pytest.mark.parametrize("death", ["since her husband died", "since her partner passed away in May",
                                   "after she was widowed last spring"])  # fmt: skip
def test_weight_lost_since_a_bereavement_is_explained(death: str) -> None:
    assert "weight_loss" not in _symptoms(f"Poor appetite and 4 kg weight loss {death}.")


def test_a_warned_weight_loss_after_a_bereavement_still_counts() -> None:
    note = "Weight loss of 7 kg since her mother died, unintentional, progressive over the last 2 months."
    assert "weight_loss" in _symptoms(note)


def test_constipation_named_later_as_the_cause_of_the_cramps_explains_them() -> None:
    note = ("HPI: constipated - no BM for 4 days, crampy lower abd pain and bloating.\n"
            "Assessment:\n1. Hip pain, worse on weight bearing.\n"
            "2. Opioid-induced constipation causing the abdominal cramping.")  # fmt: skip
    assert "abdominal_pain" not in _symptoms(note)


@pytest.mark.parametrize(
    "sentence",
    ["Told to ring us with any new back pain, headaches or breathlessness.",
     "She will call the clinic about any new bone pain or cough that does not settle."],
)  # fmt: skip
def test_what_to_call_about_is_not_what_she_has(sentence: str) -> None:
    assert _symptoms(sentence) == set()


def test_a_headache_she_gets_whenever_she_is_tired_is_explained_unless_warned() -> None:
    assert "headache" not in _symptoms("Occasional headaches, she gets them whenever she is tired or stressed.")
    note = "Headaches whenever she is stressed, but this one is the worst of her life and woke her at night."
    assert "headache" in _symptoms(note)


def test_a_shoulder_pain_after_a_weekend_of_overhead_painting_is_explained() -> None:
    assert "bone_pain" not in _symptoms("R shoulder pain, gradual onset after a weekend of overhead painting.")


@pytest.mark.parametrize(
    "sentence",
    ["My oncologist told me to always report bone pain, so I am writing about my knee after the fall.",
     "She has been instructed to report any new headache or vomiting promptly."],
)  # fmt: skip
def test_an_instruction_to_report_a_symptom_is_not_the_symptom(sentence: str) -> None:
    assert not _symptoms(sentence) & {"bone_pain", "headache"}


def test_a_symptom_she_reported_still_counts() -> None:
    assert "bone_pain" in _symptoms("She reported bone pain in the right hip for 3 weeks, worse at night.")


def test_a_symptom_on_the_line_after_a_closed_family_history_line_is_asked() -> None:
    # the tenth pass's open item: a family line that ends its sentence carries no relative onto the next line's
    # complaint; whose it is cannot be told from the layout, so it is asked (as after a blank line, round 9)
    note = "FHx: sister ovarian ca.\nNew severe right hip bone pain x 3 weeks."
    assert "bone_pain" not in _symptoms(note)
    assert "bone_pain" in _to_confirm(note)


@pytest.mark.parametrize(
    "note",
    ["FHx: mother - severe headaches, died of a stroke.",
     "Family history:\n- breast cancer (mother)\n- severe migraines (sister)",
     "FH: father prostate ca; brother with new back pain worse at night."],
)  # fmt: skip
def test_a_relative_named_with_a_warned_symptom_keeps_it_theirs(note: str) -> None:
    assert _symptoms(note) == set()
