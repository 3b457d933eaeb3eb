"""Order-name classes found by the v29 blind order list (structured order entry: order-set pick lists,
ask-at-order-entry answers, radio buttons and check boxes, smart-phrase residue, defaulted fields, modified and
reordered orders), in our own words, never the list's lines.

1. Radio buttons and check boxes: only the chosen option is a word of the order; no option chosen, or two that
   contradict each other, and the order asks (never picks); an unfilled smart-phrase pick list is a choice not made.
   A field whose value is a plain word ("Contrast: Without") keeps working.
2. A modified, replaced or reordered order: the new study is the order, the old one is not.
3. A field the system filled in by default that the typed words contradict: never the default; the order asks.
Each class with the wordings that must still resolve or still ask.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain import tick_marks
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ 1. radio buttons, check boxes, pick lists
@case(
    [
        ("MRI L-spine - IV contrast: ( ) With ( ) Without and with (•) Without", "mri_spine_wo"),
        ("CT chest   Contrast: [x] Without  [ ] With", "ct_chest_wo"),
        ("Mammogram - Purpose: ( ) Screening (◉) Diagnostic", "mammo_diagnostic"),
        ("Mammo screening bilat - Tomosynthesis: [x] Yes [ ] No", "dbt_screening"),
        ("Mammo dx R - Tomosynthesis: [ ] Yes [X] No", "mammo_diagnostic"),
        ("PET/CT - Field: (●) Skull base to mid-thigh ( ) Whole body", "pet_ct"),
        ("CT A/P ☑ with IV contrast ☐ without contrast", "ct_abdomen_pelvis_contrast"),
        ("MRI brain - Gadolinium: (x) Without and with ( ) Without", "mri_head_wwo"),
        ("Staging order set:  [ ] CBC  [x] Bone scan whole body  [ ] Echo", "bone_scan"),
        # a ticked "no" answers the contrast question before it (round 31o; before, the checkbox was not read)
        ("CT CAP contrast [ ] yes [x] no", "ct_cap_wo"),
        # a choice field whose value is a plain word keeps working
        ("MRI brain - Contrast: Without", "mri_head_wo"),
        ("CT chest - Contrast: With", "ct_chest_contrast"),
        ("MRI C-spine - Contrast: without and with", "mri_spine_wwo"),
        # a to-do list, where a tick is a task done: the study still to do, as round 18o reads it
        ("[x] CT CAP done 2/2  [ ] bone scan -> still need bone scan", "bone_scan"),
        # no option chosen, two radio buttons, contradicting boxes, an unfilled pick list: the order asks
        ("CT chest - Contrast: ( ) Without ( ) With", None),
        ("MRI brain - Contrast: (•) Without (•) Without and with", None),
        ("CT A/P  [x] without contrast  [x] with IV contrast", None),
        ("CT CAP contrast [x] yes [x] no", None),
        ("Mammogram - Purpose: ( ) Screening ( ) Diagnostic", None),
        ("MRI L-spine, contrast {yes/no}", None),
        ("CT chest {with contrast/without contrast}", None),
        ("MRI brain - Contrast: {with/without:30412}", None),
    ]
)
def test_only_the_chosen_option_is_the_order(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_choice_not_made_offers_the_studies_of_its_options() -> None:
    reading = interpret(KB, "CT chest - Contrast: ( ) Without ( ) With")
    assert reading.status == "ambiguous" and reading.missing == ("choice",)
    assert {p.id for p in reading.choices} == {"ct_chest_wo", "ct_chest_contrast"}


def test_a_choice_that_changes_no_study_is_not_asked() -> None:
    reading = interpret(KB, "Bone scan whole body - Sedation: ( ) Yes ( ) No")
    assert reading.status == "resolved" and reading.study is not None and reading.study.id == "bone_scan"
    assert any("choice left open" in a for a in reading.assumed)


def test_every_mark_the_note_reader_ticks_is_a_tick_here() -> None:
    """The order reader shares the note reader's notion of a tick (domain/tick_marks.py)."""
    layout = yaml.safe_load((ROOT / "src/rightscan/knowledge/nlp/context.yaml").read_text(encoding="utf-8"))["layout"]
    assert set(layout["checked"]) <= tick_marks.TICKS
    assert set(layout["round_checked"]) <= tick_marks.TICKS
    for box in ("[x]", "[X]", "[✓]", "(x)", "(•)", "(●)", "☑", "◉"):
        found = tick_marks.BOX.search(f"{box} With")
        assert found is not None and tick_marks.ticked(found), box
    for box in ("[ ]", "( )", "☐", "○"):
        found = tick_marks.BOX.search(f"{box} With")
        assert found is not None and not tick_marks.ticked(found), box


# ------------------------------------------------------------------ 2. a modified, replaced or reordered order
@case(
    [
        ("Order revised: MRI brain w/o -> MRI brain w/wo gad", "mri_head_wwo"),
        ("Order edited: US L breast → US L axilla", "us_axilla"),
        ("CT head replaced with MRI brain without contrast", "mri_head_wo"),
        ("Bone scan - on hold; substituted by PET/CT skull base to mid-thigh", "pet_ct"),
        ("PET/CT replaces bone scan per tumour board", "pet_ct"),
        ("MRI brain w/wo supersedes CT head", "mri_head_wwo"),
        ("Reorder of MRI brain w/wo", "mri_head_wwo"),
        ("Re-ordered: CT chest w contrast", "ct_chest_contrast"),
        # another region's study done, written with the new one, is not the new study's status
        ("Order modified: CT CAP -> CT chest w contrast (abdomen done last week)", "ct_chest_contrast"),
        # controls: the study changed from alone, a change with no new study, a change cancelled
        ("changed from MRI brain w/wo", None),
        ("Payer changed PET/CT", None),
        ("Cancelled - payer changed PET/CT to CT CAP w contrast", None),
        ("CT CAP w contrast (chest done 11/20)", None),  # part of this study done: which study now?
    ]
)
def test_the_new_study_of_a_changed_order_is_the_order(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 3. a default the typed words contradict
@case(
    [
        ("CT chest - Contrast: With (default)   Comment: pt on dialysis, no IV contrast", None),
        ("MRI L-spine - Contrast: Without and with (default)   Comment: gad allergy - anaphylaxis", None),
        ("CT A/P - Contrast: Without (default)   Comment: with IV contrast please", None),
        ("Mammo bilat - Purpose: Screening (default)   Comment: diagnostic, new palpable lump", None),
        ("Mammo Dx R   Tomosynthesis: Yes   Comment: no tomo, 2D only", None),
        ("MRI brain - Contrast: Without and with (default)   Comment: no gadolinium", None),
        ("MRI brain w/wo   Comment: no gadolinium", None),  # typed twice, two ways: a conflict as before
        # a default nothing typed contradicts stands; a defaulted side the typed words contradict is dropped
        ("CT chest - Contrast: Without (default)", "ct_chest_wo"),
        ("MRI brain - Contrast: Without and with (default)   Comment: new headaches", "mri_head_wwo"),
        ("US R axilla   Laterality: Left (defaulted)", "us_axilla"),
        ("CT head w/o   Laterality: Right (defaulted)   Reason: L leg weakness", "ct_head"),
    ]
)
def test_a_default_contradicted_by_the_typed_words_is_never_the_answer(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_many_open_choices_ask_without_reading_every_combination() -> None:
    text = "CT chest " + " ".join(f"Q{i}: ( ) Yes ( ) No" for i in range(12))
    assert interpret(KB, text).status != "resolved"
    fields = "   ".join(f"F{i}: Without and with (default)" for i in range(8))
    text = f"MRI brain {fields}   Comment: no gadolinium"
    assert interpret(KB, text).status != "resolved"


def test_a_contradicted_default_says_so() -> None:
    reading = interpret(KB, "CT chest - Contrast: With (default)   Comment: pt on dialysis, no IV contrast")
    assert reading.status == "ambiguous" and reading.missing == ("default",)
    assert {"ct_chest_wo", "ct_chest_contrast"} <= {p.id for p in reading.choices}


@pytest.mark.parametrize("text", ["Mammo Dx L   3D: Yes   Comment: no 3D", "DBT diagnostic R - no tomosynthesis"])
def test_a_technique_stated_and_denied_asks(text: str) -> None:
    assert interpret(KB, text).status != "resolved"


# ------------------------------------------------------------------ 4. the abstentions: fields pasted on one line
@case(
    [
        # each "Label: value" after a wide gap is a question and its answer, not a run of words
        ("US BREAST LIMITED   Side: Left   Reason: palpable mass 10 o'clock   Elastography: No", "us_breast"),
        ("CT CHEST   IV contrast? Yes   Oral contrast? No", "ct_chest_contrast"),
        ("MRI L-SPINE   Contrast: Without   Sedation? No   Reason: back pain, hx breast ca", "mri_spine_wo"),
        ("Ultrasound - Body site: Abdomen   Laterality: N/A   Fasting: Yes", "us_abdomen"),
        # "N/A" states nothing: a contrast answered so is still unstated
        ("CT chest   Contrast: N/A   Reason: cough", None),
        # a status answering another item than the study is that item's ("screening form: done"); the study's own asks
        ("MRI brain w/o   MRI safety questionnaire: completed", "mri_head_wo"),
        ("MRI brain w/o: done", None),
        # "2D digital" is the digital mammogram a screen offers beside "3D tomo"
        ("Breast imaging: Diagnostic   Technique: 2D digital   Side: Right", "mammo_diagnostic"),
        ("Breast imaging: Screening   Technique: 3D tomo", "dbt_screening"),
        ("Breast imaging: Screening", None),  # no modality, no technique: which study?
    ]
)
def test_fields_pasted_on_one_line_are_read_as_questions_and_answers(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 4. the abstentions: a duplicate-order alert
@case(
    [
        ("Duplicate order warning: MRI brain w/wo already ordered 11/28 by Dr ***. Proceed? Yes", "mri_head_wwo"),
        (
            "Possible duplicate: CT CAP w contrast already on order - Action: keep new order, cancel old order",
            "ct_cap_contrast",
        ),
        ("DUPLICATE ORDER ALERT - US L axilla previously ordered 12/01. Continue? [x] Yes [ ] No", "us_axilla"),
        # not continued, the new one cancelled, or no answer: the order asks
        ("Duplicate order alert: MRI brain w/wo already ordered 11/30. Continue? [ ] Yes [x] No", None),
        ("Duplicate order warning: bone scan ordered yesterday. Action: cancel new, keep old", None),
        ("Duplicate order alert: PET/CT already ordered 12/01. Continue? [ ] Yes [ ] No", None),
    ]
)
def test_a_duplicate_order_alert_is_the_study_when_the_new_order_is_kept(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
