"""Round 40a (v40 blind set): copied text, an earlier cancer's stage, a grid row's explanation.

1. (safety) Text the note marks as copied from an earlier note or visit (a block under a heading "pasted from progress
   note <date>", "carried forward from last visit", "previous notes (copied ...)", up to its end line or, without
   one, to the next blank line or heading of the current note) tells of that visit: its symptoms are historical, its
   labs and studies are not this visit's (v40 as-001, as-007, as-026). Controls: a symptom of the current visit, a
   copy dated after the visit, a sentence naming the last visit, a copied radiology report.
2. (coverage) In a note about a treated cancer, a clinical T/N category told with the earlier cancer's treatment or
   dated years back is that cancer's stage at diagnosis, never the current tumour's (v40 as-007, as-015, as-026,
   as-041); a recurrence tested again keeps its own receptors and grade over the earlier cancer's (as-035).
   Controls: a new cancer's cT2 cN1, a recurrence staged now, the operated cancer's pT/pN in follow-up.
3. (safety) A grid row answered yes whose comment after the answer (past the row's dot leader) names a chronic
   benign cause, unchanged, with warning features denied, is explained (v40 as-030). Controls: a comment with a
   warning ("new, worse at night", "wakes her at night"), a bare onset ("since March"), a row answered no.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes, tumor

C1 = (
    "Breast survivorship visit 09/17/2024\n"
    "64F, R breast IDC 2018, R lumpectomy + SLNB, RT, letrozole since 2018.\n"
    "Interval: feels well, walking daily. Denies bone pain, headache, cough.\n"
    "Exam: no masses, no LAD.\n"
    "Plan: annual diagnostic mammogram 01/2025. RTC 6 mo.\n"
    "\n"
    "=== pasted from progress note 03/02/2024 ===\n"
    "HPI: new R hip pain x 2 wks, worse at night, no trauma. Also daily headaches.\n"
    "Labs: ALP 98 (40-129).\n"
    "Plan: xray R hip.\n"
    "=== end of pasted note ===\n"
)
C2 = (
    "Follow-up visit 10/02/2024\n"
    "59 yo woman, L breast IDC 2019 s/p L mastectomy, on anastrozole.\n"
    "Carried forward from last visit (04/2024):\n"
    "new low back pain x 1 wk, wakes her at night; dry cough x 4 wks\n"
    "\n"
    "Feels well, no complaints. Exam unremarkable.\n"
    "Plan: continue anastrozole, RTC 6 months.\n"
)
C3 = (
    "ONCOLOGY FOLLOW-UP 05/06/2025\n"
    "70F, hx L breast ILC 2017, L mastectomy, anastrozole completed 2022.\n"
    "Today: doing well. No bone pain, no headaches, no cough or SOB.\n"
    "Labs 05/01/2025: ALP 85 (40-129).\n"
    "Plan: surveillance, no imaging needed.\n"
    "*** Previous notes (copied for reference) ***\n"
    "11/2024: persistent cough x 3 wks and 3 kg weight loss, CXR clear, treated for bronchitis. ALP 150 (40-129).\n"
    "*** end ***\n"
)
K1 = (
    "Breast survivorship visit 09/17/2024\n"
    "64F, R breast IDC 2018, R lumpectomy + SLNB, RT, letrozole since 2018.\n"
    "Interval: new low back pain x 3 wks, progressive, wakes her at night. Denies headache, cough.\n"
    "Exam: no masses, no LAD.\n"
    "Plan: annual diagnostic mammogram 01/2025. RTC 6 mo.\n"
    "\n"
    "=== pasted from progress note 03/02/2024 ===\n"
    "HPI: new R hip pain x 2 wks, worse at night, no trauma. Also daily headaches.\n"
    "Labs: ALP 98 (40-129).\n"
    "Plan: xray R hip.\n"
    "=== end of pasted note ===\n"
)
K2 = (
    "Breast survivorship visit 09/17/2024\n"
    "64F, R breast IDC 2018, R lumpectomy + SLNB, RT, letrozole since 2018.\n"
    "Interval: feels well, walking daily. Denies bone pain, headache, cough.\n"
    "Exam: no masses, no LAD.\n"
    "Plan: annual diagnostic mammogram 01/2025. RTC 6 mo.\n"
    "\n"
    "=== pasted from progress note 11/20/2024 ===\n"
    "HPI: new R hip pain x 2 wks, worse at night, no trauma. Also daily headaches.\n"
    "Labs: ALP 98 (40-129).\n"
    "Plan: xray R hip.\n"
    "=== end of pasted note ===\n"
)
K3 = (
    "Breast survivorship visit 09/17/2024\n"
    "64F, R breast IDC 2018, R lumpectomy + SLNB, RT, letrozole since 2018.\n"
    "Headaches gone since last visit.\n"
    "Now new R hip pain x 4 wks, worse at night, no trauma.\n"
    "Plan: xray R hip.\n"
)
K4 = (
    "Follow-up visit 10/02/2024\n"
    "59 yo woman, L breast IDC 2019 s/p L mastectomy, on anastrozole.\n"
    "Prior visit:\n"
    "mild fatigue\n"
    "Today: new R rib pain x 3 wks, worse at night, no trauma.\n"
    "Plan: bone scan.\n"
)
K5 = (
    "Follow-up visit 10/02/2024\n"
    "59 yo woman, L breast IDC 2019 s/p L mastectomy, on anastrozole. Reports mid back pain.\n"
    "--- copied from MRI T-spine report 09/28/2024 ---\n"
    "Indication: new thoracic back pain, worse at night.\n"
    "Impression: new T9 lesion, suspicious for metastasis.\n"
    "--- end copied text ---\n"
    "Plan: bone biopsy.\n"
)
S4 = (
    "Breast surgery f/u 11/05/2024\n"
    "67 yo woman. Prior: 2014 R breast IDC, stage IIB (cT2 cN1), treated with chemo, R lumpectomy and RT.\n"
    "Current: new 2.4 cm mass R breast 10:00 on dx mammo 10/2024, core bx 10/28/2024: IDC gr 2, ER+ PR+ HER2-. "
    "Axillary US: 1 suspicious node, FNA positive; recurrence staged cT2 cN1.\n"
    "Plan: PET/CT for restaging.\n"
)
N1 = (
    "Breast clinic 04/02/2025\n"
    "52F, new diagnosis: L breast IDC on core bx 03/2025, cT2 cN1 (FNA+ axillary node), ER+/PR+/HER2-, grade 2.\n"
    "Hx: R breast DCIS 2012, R lumpectomy + RT.\n"
    "Plan: staging CT C/A/P and bone scan, neoadjuvant chemo.\n"
)


# ---------------------------------------------------------------- 1. copied from an earlier note or visit


@pytest.mark.parametrize("note", [C1, C2, C3], ids=["pasted-progress-note", "carried-forward-no-end", "previous-notes"])
def test_a_copied_blocks_symptoms_are_history(note: str) -> None:
    assert symptom_codes(note) == set()
    assert facts(note).get("setting") == "surveillance"
    assert decide_note(note)["systemic_imaging"] not in ("targeted", "recommended")


def test_a_copied_blocks_labs_and_studies_are_not_this_visits() -> None:
    assert "alkaline_phosphatase" not in facts(C1).get("labs", {})  # only the copied note gave one
    assert facts(C3)["labs"]["alkaline_phosphatase"] == {"value": 85.0, "uln": 129.0}  # today's, no conflict
    assert facts(C1).get("order") != "Radiography of Symptomatic Bones"  # the copied plan's x-ray


def test_control_a_symptom_of_this_visit_stays() -> None:
    assert symptom_codes(K1) == {"back_pain"}  # the current interval history; the copied hip pain stays history


def test_control_a_copy_dated_after_the_visit_is_no_history() -> None:
    assert {"bone_pain", "headache"} <= symptom_codes(K2)


def test_control_a_sentence_naming_the_last_visit_opens_no_copy() -> None:
    assert "bone_pain" in symptom_codes(K3)


def test_control_a_prior_visit_heading_ends_at_todays() -> None:
    assert "bone_pain" in symptom_codes(K4)


def test_control_a_copied_radiology_report_is_this_visits() -> None:
    assert "back_pain" in symptom_codes(K5)


# ---------------------------------------------------------------- 2. an earlier, treated cancer's stage


def test_a_recurrence_tested_again_keeps_its_own_receptors_and_grade() -> None:
    note = (
        "Onc consult 11/06/2024\n63F. Prior: 2015 R breast IDC, 1.8 cm, gr 2, ER 95% / PR 70% / HER2 1+, pT1c pN0. "
        "R lumpectomy 03/2015, WBRT, letrozole completed 2022.\nNow: new 4 cm R breast mass 9:00 on dx mammo; core "
        "10/24: IDC, gr 3. Receptors on new tumor: ER 5%, PR 0%, HER2 IHC 3+.\nPlan: PET/CT for restaging.\n"
    )
    t = tumor(note)
    assert (t.get("grade"), t.get("pr"), t.get("her2")) == (3, "negative", "positive")


def test_control_a_new_cancers_category_stays() -> None:
    assert (tumor(N1).get("t"), tumor(N1).get("n")) == ("T2", "N1")


def test_control_a_recurrence_staged_now_stays() -> None:
    assert (tumor(S4).get("t"), tumor(S4).get("n")) == ("T2", "N1")


def test_control_the_operated_cancers_pathology_stays_in_follow_up() -> None:
    note = (
        "Survivorship visit 06/11/2024\n62F. L breast IDC dx 02/2019, L partial mastectomy + SLNB 03/2019 -> pT1c "
        "pN0(sn), gr 2. Anastrozole since 07/2019.\nDoing well, denies bone pain. Plan: diagnostic mammogram.\n"
    )
    assert facts(note).get("pathology") == {"t": "pT1c", "n": "pN0"}


# ---------------------------------------------------------------- 3. a grid row's explanation after its answer

ROS = "Survivorship visit 07/22/2024. 68F, L breast IDC 2019 s/p lumpectomy + RT, on anastrozole.\nROS:\n"
NO_COUGH = "\n Cough ........ [ ] Y  [x] N\nPlan: mammogram 09/2024.\n"


@pytest.mark.parametrize(
    "row",
    [
        " Headache ........ [x] Y  [ ] N  -> tension-type, longstanding, unchanged for 10 yrs, no neuro sx",
        " Back pain ........ [x] Y  [ ] N  -> lumbar spinal stenosis on MRI 2018, stable, no night symptoms",
        " Bone pain .......... [x] Y  [ ] N  -> knees, known osteoarthritis, unchanged for years",
    ],
)
def test_a_yes_row_explained_after_its_answer_is_no_red_flag(row: str) -> None:
    note = ROS + row + NO_COUGH
    assert symptom_codes(note) == set()
    assert decide_note(note)["systemic_imaging"] not in ("targeted", "recommended")


@pytest.mark.parametrize(
    ("row", "code"),
    [
        (" Back pain ........ [x] Y  [ ] N  -> new, worse at night", "back_pain"),
        (" Back pain ........ [x] Y  [ ] N  -> since March", "back_pain"),
        (
            " Bone pain ........ [x] Y  [ ] N  -> R hip, started 3 wks ago, wakes her at night, OA on xray 2019",
            "bone_pain",
        ),
    ],
)
def test_control_a_yes_row_with_a_warning_or_an_onset_stays(row: str, code: str) -> None:
    assert code in symptom_codes(ROS + row + NO_COUGH)


def test_control_a_row_answered_no_stays_negated() -> None:
    note = ROS + " Back pain ........ [ ] Y  [x] N  -> none" + NO_COUGH
    assert "back_pain" not in symptom_codes(note)
