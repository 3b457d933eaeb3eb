"""Classes of clinical meaning behind the seventh blind set's setting and stage-field misses, each in wording of
our own, with a control for the neighbouring reading, so that no test passes by reading nothing:

- the treated cancer named in a dated diagnosis heading ("Diagnosis (2018): ... IDC") or in a follow-up sentence
  is not a new primary: a treated cancer in follow-up is surveillance (a cancer found after the treatment's years
  is still a new one);
- years elapsed written in words or with a hyphen ("twelve years after", "3-year review") date the operation named
  beside them: follow-up of a treated cancer, and the operation was done;
- "staging" named after the breast operation, with no adjuvant treatment said to come, is post-operative staging:
  the setting is left open with the reason (with adjuvant treatment said to come next it stays a new diagnosis);
- "adjuvant" treatment named in a plan is not treatment given: a new lump in an untreated cancer is not a
  recurrence (the same words dated in the past are);
- a note written on a post-operative day: an operation it names without a plan word was done.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts


def _extract(text: str):  # type: ignore[no-untyped-def]
    from rightscan.adapters.text import extract

    return extract(text)


def _setting_reason(text: str) -> str:
    return " ".join(str(a.get("reason")) for a in _extract(text).assumptions if a["field"] == "setting")


# ------------------------------------------------------------------ the treated cancer is not a new primary
DATED_HEADINGS = [
    ("Diagnosis (2018): right breast invasive ductal carcinoma, 22 mm, grade 2, ER positive, HER2 negative. "
     "Lumpectomy and sentinel node biopsy 04/2018, breast radiotherapy, anastrozole 2018-2023, finished. "
     "Seen today in clinic; she is well and her mammogram in June was normal."),
    ("Breast history - Dx: L breast invasive lobular carcinoma 2016, G2, ER+ PR+ HER2-. Treated with L mastectomy "
     "+ ALND 09/2016 then tamoxifen. Annual review today, no complaints, exam unremarkable."),
]  # fmt: skip


@pytest.mark.parametrize("note", DATED_HEADINGS)
def test_a_cancer_dated_no_later_than_its_treatment_is_the_treated_one(note: str) -> None:
    assert facts(note).get("setting") == "surveillance"


def test_control_a_cancer_proven_after_the_earlier_treatment_is_a_new_primary() -> None:
    # the treatment's years do not date a cancer whose own sentence names none
    note = ("Right breast IDC 2014, lumpectomy 05/2014 and radiotherapy, discharged from follow-up. "
            "Now a new left breast mass: left breast core biopsy last week shows invasive ductal carcinoma, grade 1, "
            "ER+, HER2 negative; referred to discuss surgery.")  # fmt: skip
    assert facts(note).get("setting") == "new_diagnosis"


@pytest.mark.parametrize(
    "note",
    [
        ("Seen for her 4-year follow-up after right mastectomy and sentinel node biopsy for a grade 1 ER-positive "
         "invasive ductal carcinoma. She takes letrozole without trouble. Chest wall and axillae clear."),
        ("Review at three years of follow up following lumpectomy and SLNB for invasive lobular carcinoma, node "
         "negative. Remains on tamoxifen. No new symptoms; examination normal."),
    ],
)  # fmt: skip
def test_the_cancer_named_in_a_follow_up_sentence_is_the_treated_one(note: str) -> None:
    got = facts(note)
    assert got.get("setting") == "surveillance", got


# ------------------------------------------------------------------ years elapsed in words or with a hyphen
@pytest.mark.parametrize(
    "note",
    [
        ("Letter from the breast clinic: reviewed twelve years after her left wide local excision and radiotherapy "
         "for a grade 2 ER-positive cancer. Well, no symptoms, mammogram clear. Discharged to her GP."),
        ("Portal message: my annual mammogram came back normal, this is my 5-year check since my lumpectomy. "
         "Is there anything else I need?"),
    ],
)  # fmt: skip
def test_years_elapsed_in_words_date_the_operation_and_make_follow_up(note: str) -> None:
    got = facts(note)
    assert got.get("setting") == "surveillance", got
    assert got.get("prior_surgery") == "bct"


def test_an_operation_next_to_years_elapsed_was_done() -> None:
    got = facts("Hi, quick question. My mammogram last week after my lumpectomy (4 yrs ago now) was normal. "
                "Do I need anything else?")  # fmt: skip
    assert got.get("prior_surgery") == "bct"


def test_control_an_age_is_not_years_elapsed() -> None:
    got = facts("54-year-old woman, biopsy-proven right breast IDC 1.4 cm, ER+, HER2-, clinically node negative. "
                "Lumpectomy booked next week.")  # fmt: skip
    assert "prior_surgery" not in got
    assert got.get("setting") == "new_diagnosis"


# ------------------------------------------------------------------ staging named after the operation
POST_OP_STAGING = [
    ("Discharge summary. Procedure 09/14: right total mastectomy and SLNB. Final pathology: IDC 3.1 cm, grade 3, "
     "3/4 nodes positive, pT2 pN1a, ER 80%, PR 40%, HER2 negative. Medical oncology to decide about systemic staging "
     "and further treatment."),
    ("Radiotherapy consult. s/p left mastectomy + ALND 03/2025, pT2 pN2a IDC, ER+ HER2-. Staging after surgery: CT "
     "chest abdomen pelvis and bone scan negative. Now on anastrozole. Plan chest wall and nodal RT."),
]  # fmt: skip


@pytest.mark.parametrize("note", POST_OP_STAGING)
def test_staging_named_after_the_operation_leaves_the_setting_open(note: str) -> None:
    ext = _extract(note)
    assert "setting" not in ext.facts
    assert "after the breast operation" in _setting_reason(note)
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    assert any(str(i).startswith("setting") for i in decision["insufficient_data"])


def test_control_staging_before_adjuvant_treatment_to_come_is_a_new_diagnosis() -> None:
    note = ("MDT post-op: s/p right mastectomy + ALND 2 weeks ago. Final path IDC 3.6 cm, grade 3, 6/12 nodes, "
            "pT2 pN2a, ER 90%, PR 50%, HER2 1+. Recommend systemic staging first. Then ddAC-T, PMRT and endocrine "
            "therapy.")  # fmt: skip
    assert facts(note).get("setting") == "new_diagnosis"


# ------------------------------------------------------------------ adjuvant treatment in a plan is not given
@pytest.mark.parametrize(
    "plan",
    [
        "I will refer her to oncology for adjuvant endocrine therapy afterwards.",
        "She will then be seen by Dr Rao to consider adjuvant chemotherapy once the final pathology is known.",
    ],
)  # fmt: skip
def test_adjuvant_treatment_in_a_plan_does_not_make_a_lump_a_recurrence(plan: str) -> None:
    note = ("New patient letter. She found a hard lump in the left breast a month ago. Exam: 2.2 cm mass, no "
            "palpable axillary nodes. Core biopsy: invasive ductal carcinoma grade 2, ER 95%, PR 60%, HER2 negative. "
            f"Left lumpectomy and sentinel node biopsy booked. {plan}")  # fmt: skip
    got = facts(note)
    assert got.get("setting") == "new_diagnosis", got


def test_control_adjuvant_treatment_dated_in_the_past_was_given() -> None:
    note = ("Left breast IDC treated with lumpectomy, adjuvant chemotherapy 2019 and radiotherapy. She has noticed "
            "a new lump near the scar over the last month.")  # fmt: skip
    assert facts(note).get("setting") == "suspected_local_recurrence"


# ------------------------------------------------------------------ a note written on a post-operative day
def test_an_operation_named_in_a_note_of_a_post_operative_day_was_done() -> None:
    note = ("Discharge summary. Admitted 06/02 for left total mastectomy and sentinel node biopsy. Discharged "
            "POD1 06/03. Final pathology: DCIS, high grade, 4 cm, no invasion, margins clear, pTis pN0.")  # fmt: skip
    assert facts(note).get("prior_surgery") == "mastectomy"


def test_control_an_operation_that_may_be_needed_is_not_done() -> None:
    note = ("Post-op check POD2 after right lumpectomy. Margins close; a mastectomy may be needed if the re-excision "
            "is involved.")  # fmt: skip
    assert facts(note).get("prior_surgery") == "bct"
