"""Round 18d: settings and regional-node metastasis, read as classes in our own words.

- Metastatic carcinoma found by sampling an ipsilateral regional node (or the chest wall) after breast surgery is a
  regional recurrence: never M1 and never a suspected distant recurrence. A distant organ or the contralateral axilla
  sampled stays M1 (annotation guide: M1 only for distant metastasis; a contralateral axilla is distant).
- After a treated cancer, a regional node told by its size or feel, a lump beside the scar, or a change the patient
  noticed at the scar is a new local finding: suspected local recurrence, not surveillance. So is a recurrence the note
  asks about ("?recurrence", "recurrence vs mastitis") while it considers a breast or axilla study.
- A type given with its pathological category (pT, pN) in a follow-up note is the operated cancer, not a new one.
- A proven, untreated cancer with its operation planned ("Plan WLE", "my surgery is on the 14th") is a new diagnosis;
  an operation for a benign lesion years ago is no breast cancer surgery.
- "I don't know if you remember me" is a greeting: nothing after it is hypothetical.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------- a regional node sampled is not M1
@pytest.mark.parametrize(
    "note",
    [
        "61F. R WLE + RT 2018 for IDC. Now R axillary LN 2 cm, hard, mobile. FNAC: metastatic ca c/w breast primary. "
        "Plan: PET-CT restaging.",
        "Hx L mastectomy 2017 (ILC). New 2 cm firm L axillary node; core biopsy: metastatic breast cancer. CT CAP.",
        "70F, s/p R mastectomy 2020. Biopsy of the R supraclavicular node showed metastatic ca of breast origin.",
        "58F, L mastectomy 2018. Chest wall nodule 1 cm near the scar; punch biopsy: metastatic breast ca. CT CAP.",
    ],
)
def test_metastatic_carcinoma_in_a_regional_node_is_no_m1(note: str) -> None:
    f = facts(note)
    assert f.get("tumor", {}).get("m") != "M1"
    assert f.get("setting") != "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "note",
    [
        "58F, L mastectomy 2018. New 1.5 cm liver lesion. Liver biopsy: metastatic ca c/w breast primary. PET-CT.",
        "58F, L mastectomy 2018. R axillary node enlarged. Core of the liver lesion: metastatic ca. PET-CT.",
        "60F, R lumpectomy 2019. Now contralateral axillary node 2 cm, hard. FNA: metastatic ca c/w breast. PET-CT.",
        "64F, R WLE 2017. She has metastatic breast cancer to bone on letrozole. R axillary LN 2 cm hard.",
    ],
)
def test_a_distant_site_sampled_stays_m1(note: str) -> None:
    assert facts(note).get("tumor", {}).get("m") == "M1"


# ---------------------------------------------------------------- a new local finding after treatment
@pytest.mark.parametrize(
    "finding",
    [
        "New palpable 15mm node R axilla noticed 2 weeks ago, firm. ?recurrence",
        "Today: R axillary LN 1.8 cm, hard. US R axilla requested.",
        "She reports a new pea-sized lump just above her R lumpectomy scar. Booked for US R breast.",
        "She noticed an area of firmness around the lower end of her scar 3 weeks ago which has not settled.",
        "A: ?recurrence (inflammatory pattern) vs mastitis. P: MRI breast with contrast.",
        "Query local recurrence vs fat necrosis. For US R breast.",
    ],
)
def test_a_new_local_finding_after_treatment_is_a_suspected_local_recurrence(finding: str) -> None:
    note = "59F. R WLE + SLNB + RT 2020 for IDC, ER+, on letrozole. " + finding
    assert facts(note).get("setting") == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "finding",
    [
        "Annual review, well. Axillae clear, no nodes. Scar healthy. Mammogram benign.",
        "Annual review. Some firmness at the lumpectomy scar, stable since RT, expected post-treatment change.",
        "Routine follow-up; mammogram to look for recurrence. Well.",
        "Annual review. R axillary LN 2 cm, hard at diagnosis in 2020. No new findings today.",
    ],
)
def test_routine_follow_up_stays_surveillance(finding: str) -> None:
    note = "59F. R WLE + SLNB + RT 2020 for IDC, ER+, on letrozole. " + finding
    assert facts(note).get("setting") == "surveillance"


def test_a_node_found_at_the_operation_is_no_recurrence() -> None:
    note = (
        "DISCHARGE: 52F, Ca L breast (IDC) on core 09/2026. Procedure: L MRM on 03-10-2026. Findings: hard lump UOQ "
        "4 cm, multiple level I/II axillary LN, largest 1.5 cm. Post-op course uneventful. Histology awaited."
    )
    assert facts(note).get("setting") != "suspected_local_recurrence"


def test_a_recurrence_asked_with_a_systemic_study_is_not_called_local() -> None:
    note = "59F. R WLE + RT 2020 for IDC. Tired, ?recurrence. CT CAP requested."
    assert facts(note).get("setting") != "suspected_local_recurrence"


# ---------------------------------------------------------------- follow-up, new diagnosis
def test_a_type_with_its_pathological_category_is_the_operated_cancer() -> None:
    note = (
        "FOLLOW-UP CLINIC. Dx: Ca R breast, IDC, pT2 pN0, ER+/PR+/HER2-. R BCS + SLNB 2018, RT completed, letrozole "
        "since 2018. Well, no new symptoms. Mammogram BIRADS 2. Review 6 months."
    )
    assert facts(note).get("setting") == "surveillance"


def test_a_symptom_counted_from_the_start_of_letrozole_is_no_treatment_underway() -> None:
    note = (
        "Follow-up letter. Diagnosis: L breast cancer 2021, L WLE + SLNB, IDC grade 2, pT1c pN0. RT. Letrozole from "
        "03/22. Routine 3-year review: aching in her hands which began within weeks of starting letrozole, unchanged. "
        "Review in 12 months."
    )
    assert facts(note).get("setting") == "surveillance"


@pytest.mark.parametrize(
    "note",
    [
        "MDT: 71F, R DCIS (calcs 2 cm), ER+ on core. Plan WLE, no SLNB.",
        "Core biopsy: L breast IDC grade 2, ER+, HER2-. Planned for L mastectomy + SLNB.",
        "I got my biopsy result: invasive ductal carcinoma, ER positive. My surgery is on the 20th. Do I need a CT?",
    ],
)
def test_a_proven_cancer_with_its_operation_planned_is_a_new_diagnosis(note: str) -> None:
    assert facts(note).get("setting") == "new_diagnosis"


@pytest.mark.parametrize(
    "history",
    ["She had a right WLE for a benign papilloma in 2011.", "Previous R lumpectomy for fibroadenoma 2005."],
)
def test_an_operation_for_a_benign_lesion_is_no_breast_cancer_surgery(history: str) -> None:
    f = facts("64F. Core: L breast IDC grade 2, ER+. " + history + " Plan: L mastectomy + SLNB.")
    assert "prior_surgery" not in f
    assert f.get("setting") == "new_diagnosis"


def test_an_operation_for_cancer_still_counts() -> None:
    assert facts("64F. R lumpectomy for IDC 2015, annual follow-up. Well.").get("prior_surgery") == "bct"


@pytest.mark.parametrize(
    "words",
    ["they removed my right breast in 2021", "my whole breast was removed in 2019", "they removed the breast in 2020"],
)
def test_the_breast_removed_in_lay_words_is_a_mastectomy(words: str) -> None:
    f = facts(f"Hello doctor, {words} for cancer, then tamoxifen. I am fine, no pain. When is my next check?")
    assert f.get("prior_surgery") == "mastectomy"
    assert f.get("setting") == "surveillance"


def test_a_mastectomy_still_to_come_is_no_prior_surgery() -> None:
    f = facts("I might need to have my breast removed next month, the surgeon says. Biopsy showed IDC.")
    assert "prior_surgery" not in f


# ---------------------------------------------------------------- "if you remember me"
@given(
    opener=st.sampled_from(
        ["I don't know if you remember me,", "Not sure if you remember me but", "I wonder whether you recall me -"]
    )
)
@PROPERTY
def test_asking_whether_the_doctor_remembers_makes_nothing_hypothetical(opener: str) -> None:
    note = (
        f"Dear Dr Lee, {opener} I finished treatment for breast cancer in 2021 (I had a mastectomy and chemo). "
        "My GP says my liver tests are up. Could I have a scan?"
    )
    f = facts(note)
    assert f.get("prior_surgery") == "mastectomy"
    assert f.get("setting") == "suspected_distant_recurrence"


@given(condition=st.sampled_from(["If you ever have a mastectomy", "if she needs a mastectomy"]))
@PROPERTY
def test_a_real_condition_stays_hypothetical(condition: str) -> None:
    f = facts(f"Core: L breast IDC. {condition}, reconstruction can be discussed. Plan: WLE.")
    assert f.get("prior_surgery") is None


def test_an_operation_named_after_treatment_told_finished_was_done() -> None:
    f = facts("hi doc, done w radiation last yr for L breast (lumpectomy), all fine. when is my mammogram?")
    assert f.get("prior_surgery") == "bct"


def test_an_operation_to_come_after_treatment_finished_is_not_done() -> None:
    assert "prior_surgery" not in facts("I am done with chemo, the lumpectomy is next week. Is that normal?")
