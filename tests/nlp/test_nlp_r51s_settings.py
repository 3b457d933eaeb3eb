"""Round 51s: the setting when the patient has another cancer or is on treatment, each class in other wordings than the
v51 notes':

- the follow-up of another cancer ("NED", "surveillance") named in its sentence or the sentence just before it, even
  as denied ("no lymphoma relapse; surveillance PET 2024"), is not the breast cancer's: a new breast primary named in
  the note is a new diagnosis, and its size is kept; another cancer also by organ and type or abbreviation ("rectal
  adenocarcinoma", "HGSOC", "NSCLC");
- adjuvant chemotherapy or radiotherapy under way (a fraction count, an on-treatment visit, a cycle told given) and
  neoadjuvant treatment under way or just completed ("neoadjuvant anastrozole since", "on KEYNOTE-522", "neoadjuvant
  TCHP x6 completed", "on chemo ... before my surgery") leave the setting open: neither new diagnosis nor surveillance;
- a weight loss beyond what was meant or going on without effort is unsought (a red flag that stays, a suspected
  distant recurrence after a treated cancer); "bony aching" is bone pain;
- a skin change told by its side of the scar is a new local finding; a routine periodic review is a follow-up visit.
Controls: an ordinary surveillance visit after breast cancer stays surveillance; a breast cancer survivor with a new
contralateral primary is a new diagnosis; "history of lymphoma, in remission" with no new breast cancer named gives no
new diagnosis; adjuvant endocrine therapy for years is surveillance; a red flag during adjuvant treatment still counts;
a planned neoadjuvant course is still a new diagnosis; a weight loss on a diet stays explained.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes, symptoms_to_confirm


def _setting(note: str) -> str | None:
    return facts(note).get("setting")


# ------------------------------------------------------------------ another cancer's follow-up
@pytest.mark.parametrize(
    "note",
    [
        # the follow-up words in the sentence after the other cancer's
        "71 yo woman. PMH: rectal adenocarcinoma 2017, LAR and FOLFOX. NED, surveillance colonoscopy last year clear.\n"
        "Now a R breast mass, US 2.7 cm. Core: IDC grade 3, ER 60%, PR 10%, HER2 IHC 0. cT2 N0. Plan: discuss surgery.",
        # the other cancer by its abbreviation, surveillance in the same sentence
        "Onc hx: NSCLC stage IB 2019, lobectomy, on surveillance with yearly CT.\n"
        "New L breast carcinoma: core bx IDC, grade 2, ER 90%, PR 80%, HER2 1+, 1.6 cm on US, axilla negative on US.",
        # the other cancer denied in the follow-up's own sentence
        "64F. Follicular lymphoma 2015, R-CHOP. No lymphoma relapse; surveillance PET in 2024 negative.\n"
        "Referred with a R breast lump. US 3.1 cm. Core: invasive lobular carcinoma, ER+, PR+, HER2 negative.\n"
        "Assessment: newly diagnosed R breast ILC, cT2 cN0.",
    ],
)
def test_another_cancers_followup_leaves_the_new_breast_cancer_new(note: str) -> None:
    got = facts(note)
    assert got.get("setting") == "new_diagnosis"
    assert got.get("tumor", {}).get("size_cm") is not None


def test_a_new_breast_cancer_in_another_cancers_survivor_is_staged_not_surveillance() -> None:
    note = ("58 yo F. Hx HGSOC stage IIIC 2020 - debulking, carboplatin/paclitaxel, NED since.\n"
            "Now: L breast mass 5.2 cm on US, matted L axillary nodes; core IDC grade 3, ER 0%, PR 0%, HER2 IHC 3+.\n"
            "cT3 cN2a. Plan: staging CT chest/abdomen/pelvis, then neoadjuvant TCHP.")  # fmt: skip
    assert _setting(note) == "new_diagnosis"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


# controls: ordinary surveillance after breast cancer; a new contralateral primary; another cancer's remission alone
def test_an_ordinary_surveillance_visit_after_breast_cancer_stays_surveillance() -> None:
    note = ("Survivorship visit. 66F, L breast IDC 2018 s/p lumpectomy + RT, completed 5 y of letrozole.\n"
            "NED on surveillance. Annual mammogram last month: BI-RADS 2. No complaints.")  # fmt: skip
    assert _setting(note) == "surveillance"


def test_a_survivor_with_a_new_contralateral_primary_is_a_new_diagnosis() -> None:
    note = ("59 yo F, R breast IDC 2016 s/p R lumpectomy + RT + tamoxifen x5y, NED on surveillance since.\n"
            "Screening mammo: new L breast mass 1.4 cm. Core: L breast ILC, grade 2, ER 95%, PR 40%, HER2 negative.\n"
            "Plan: L lumpectomy + SLNB.")  # fmt: skip
    assert _setting(note) == "new_diagnosis"


def test_another_cancer_in_remission_alone_gives_no_new_diagnosis() -> None:
    note = ("52F, history of Hodgkin lymphoma 2004, mantle RT, in remission and followed in survivorship clinic.\n"
            "Seen for high-risk screening: breast MRI annually. No breast complaints.")  # fmt: skip
    assert _setting(note) != "new_diagnosis"


def test_a_breast_cancers_own_followup_after_another_cancers_line_is_read_from_the_treated_breast() -> None:
    # the surveillance word set aside, the treated breast cancer still gives surveillance by inference
    note = ("Hx thyroid carcinoma 2009 s/p thyroidectomy. NED.\n"
            "L breast IDC 2019 s/p mastectomy, on anastrozole. Routine follow-up, no new complaints.")  # fmt: skip
    assert _setting(note) == "surveillance"


# ------------------------------------------------------------------ on treatment: no setting
@pytest.mark.parametrize(
    "note",
    [
        "Rad onc weekly check. 61F, L breast IDC pT1c pN0, s/p L lumpectomy 10/2025. Fraction 12 of 16 today.\n"
        "Mild erythema, no pain. Continue.",
        "OTV - 47 yo woman, R breast IDC pT2 pN1a s/p R mastectomy 9/2025, PMRT in progress. Fatigue mild. Continue.",
        "Chemo day unit note: 55F, R breast IDC pT2 pN1, s/p lumpectomy 11/2025. C3 given today, tolerated well.",
        "Phone call, day 4 after C2 of adjuvant TC (s/p L lumpectomy 12/2025): mild nausea, eating and drinking.",
    ],
)
def test_adjuvant_treatment_under_way_leaves_the_setting_open(note: str) -> None:
    assert _setting(note) is None


@pytest.mark.parametrize(
    "note",
    [
        "72F with L breast ILC, ER 98%, cT2 cN0. Neoadjuvant exemestane for 5 months so far; surgery after month 6.\n"
        "Tolerating. Breast US today to check response.",
        "39F, R breast TNBC, IDC grade 3, cT2 cN1. Currently on KEYNOTE-522, week 9. Mild neuropathy.",
        "44F, L breast HER2+ IDC, cT2 cN1. Neoadjuvant TCHP x6 completed last week; surgery booked next month.",
        "hi its me, im getting the chemo every 3 weeks for my her2 breast cancer before my surgery, had round 3 "
        "friday. my hair is falling out already.",
    ],
)
def test_neoadjuvant_treatment_under_way_leaves_the_setting_open(note: str) -> None:
    assert _setting(note) is None


def test_adjuvant_endocrine_therapy_for_years_stays_surveillance() -> None:
    note = ("Follow-up visit. 63F, R breast IDC 2021 s/p R lumpectomy + RT, on adjuvant letrozole since 2022.\n"
            "No new complaints. Exam NED. Annual mammogram due.")  # fmt: skip
    assert _setting(note) == "surveillance"


def test_a_red_flag_during_adjuvant_treatment_still_counts() -> None:
    note = ("Infusion visit: 58F, L breast IDC pT2 pN1, s/p mastectomy 8/2025, C4 given today.\n"
            "New severe headache for 10 days, worse in the mornings, with vomiting. MRI brain with and without "
            "contrast today.")  # fmt: skip
    assert "headache" in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


def test_a_planned_neoadjuvant_course_is_still_a_new_diagnosis() -> None:
    note = ("46F, new L breast IDC, core bx grade 3, ER 0, PR 0, HER2 3+, 3.2 cm on US, cT2 cN1 (FNA +).\n"
            "Plan: staging CT C/A/P, then neoadjuvant TCHP to start next week.")  # fmt: skip
    assert _setting(note) == "new_diagnosis"


# ------------------------------------------------------------------ weight loss unsought; bony aching
@pytest.mark.parametrize(
    "line",
    [
        "Lost 6 kg since August, more than she wanted - she stopped the diet in the summer but the weight keeps "
        "falling.",
        "Weight loss of 8 kg over 3 months, with no effort on her part since she stopped counting calories.",
        "She says she is not even dieting now and has still lost 5 kg since her last visit.",
    ],
)
def test_a_weight_loss_beyond_what_was_meant_is_a_red_flag(line: str) -> None:
    note = "F/u. 60F, R breast IDC 2022 s/p mastectomy + adjuvant chemo, on tamoxifen.\n" + line
    assert "weight_loss" in symptom_codes(note) | symptoms_to_confirm(note)


def test_a_weight_loss_on_a_diet_stays_explained() -> None:
    note = ("F/u. 60F, R breast IDC 2022 s/p mastectomy, on tamoxifen.\n"
            "Lost 4 kg since she went on a diet for her sugars, as intended; feels well.")  # fmt: skip
    assert "weight_loss" not in symptom_codes(note)


def test_bony_aching_is_bone_pain() -> None:
    note = "66F, L breast IDC 2019 s/p mastectomy. Deep bony aching for 6 weeks, worse at night."
    assert "bone_pain" in symptom_codes(note)


def test_a_skin_change_beside_the_scar_is_a_new_local_finding() -> None:
    note = ("51F, L breast IDC 2021 -> L mastectomy, PMRT, on letrozole.\n"
            "A raised red plaque on the chest wall medial to the scar for 5 weeks, not better with antibiotics.\n"
            "Plan: punch biopsy.")  # fmt: skip
    assert _setting(note) == "suspected_local_recurrence"


def test_a_routine_periodic_review_is_a_follow_up_visit() -> None:
    note = ("Six-monthly review. Mrs Dawson, 68. Hx R breast ILC 2020 - R mastectomy, on letrozole.\n"
            "Tripped on the stairs last week, bruised L knee, walking fine. No other complaints. "
            "Plan: continue AI.")  # fmt: skip
    assert _setting(note) == "surveillance"
