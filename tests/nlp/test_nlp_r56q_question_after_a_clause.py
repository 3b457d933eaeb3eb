"""Round 56q: a question that opens after a clause break in its sentence ("Thanks for the update - any headaches?",
"Good morning, any new back pain?") asks about the symptom; it does not state it. Before this round only a label
(":", ";") or a line break started the question, so the greeting's words made the question look like a statement and
raised a red flag from it (an unsafe answer). The symptom is left to confirm, unless the note answers the question.

Controls: a symptom told before the break keeps its reading ("She has had hip pain for a month, any imaging?" is no
question about the pain); an answered question keeps its answer.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

LEAD = "58F, new dx right breast IDC 1.4 cm, cN0, ER+/PR+/HER2-, no distant staging done.\n"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Navigator: got your voicemail, any headaches or blurred vision since Friday?", "headache"),
        ("Navigator: got your voicemail, any headaches or blurred vision since Friday?", "neurologic_deficit"),
        ("Call back to pt re appt times - any new back pain?", "back_pain"),
        ("Good to hear the incision has healed — any bone pain at all?", "bone_pain"),
    ],
)
def test_a_question_after_a_clause_break_leaves_the_symptom_to_confirm(line: str, code: str) -> None:
    note = LEAD + line + "\nPlan: PET/CT?"
    assert code not in symptom_codes(note)
    assert code in symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] == "undetermined"


def test_an_answered_question_after_a_break_keeps_its_answer() -> None:
    note = LEAD + "Navigator: thanks for calling, any headaches?\nPt: no, none at all.\nPlan: PET/CT?"
    assert "headache" not in symptom_codes(note)
    assert "headache" not in symptoms_to_confirm(note)


def test_a_symptom_told_before_the_break_is_still_stated() -> None:
    note = LEAD + "Reports a new ache in the left hip that wakes her at night, any imaging needed?\nPlan: bone scan."
    assert "bone_pain" in symptom_codes(note) | symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


def test_a_plain_statement_with_a_comma_is_still_stated() -> None:
    note = LEAD + "Since last week, new headaches every morning with vomiting.\nPlan: MRI brain."
    assert "headache" in symptom_codes(note)


# --------------------------------------------------------------------------- round 56q: a metastasis still to be proven
@pytest.mark.parametrize(
    "line",
    [
        "CT 11/28: two hypodense hepatic lesions. Hepatic mets, core bx pending.",
        "Sternal lesion on CT - bone mets; path results awaited.",
        "Lung metastases awaiting US guided biopsy next week.",
    ],
)
def test_a_metastasis_whose_biopsy_is_awaited_is_m_to_confirm_never_m1(line: str) -> None:
    from rightscan.adapters.text import extract

    result = extract(LEAD + line + "\nPlan: PET/CT.")
    assert result.facts.get("tumor", {}).get("m") != "M1"
    assert any(c["field"] == "tumor.m" for c in result.to_confirm)
    assert decide_note(LEAD + line + "\nPlan: PET/CT.")["systemic_imaging"] == "undetermined"


def test_a_proven_metastasis_with_a_further_biopsy_pending_stays_m1() -> None:
    from nlp_helpers import tumor

    note = LEAD + "Liver mets, biopsy-proven 11/20 (ER+). Repeat biopsy of a second lesion pending for HER2.\n"
    assert tumor(note).get("m") == "M1"


# ------------------------------------------------------------- round 56q: a spaced dash before an explanation
def test_a_dash_before_an_explanation_is_no_negative_her2() -> None:
    from nlp_helpers import tumor

    lead = LEAD.replace("ER+/PR+/HER2-", "ER+/PR+")
    t = tumor(lead + "HER2 - referring hospital reported 3+, repeat here 1+, FISH sent.\n")
    assert t.get("her2") != "negative"


@pytest.mark.parametrize(
    ("line", "her2"),
    [
        ("ER+/PR+/HER2 -\n", "negative"),
        ("ER - PR - HER2 - \n", "negative"),
        ("ER 95% PR 60% HER2 - grade 2\n", "negative"),
    ],
)
def test_a_minus_sign_closing_a_receptor_list_still_reads(line: str, her2: str) -> None:
    from nlp_helpers import tumor

    assert tumor("61F new dx left breast IDC 1.2 cm.\n" + line).get("her2") == her2
