"""Round 34c: setting, prior surgery and order classes of the v34 blind notes (after treatment, recurrences).

Class 1 (cc-043): a margin told free of tumour beside the operation ("s/p L lumpectomy (margins neg, closest 3 mm)")
says the operation was done: its "neg" denies no operation (context_rules.json, PSEUDO "margins negative"). The
operation read, an earlier year's cancer followed up with nothing new is surveillance, not a new diagnosis.
Class 2 (ca-045): a nodule of the chest wall, its skin or the scar after a treated cancer ("chest wall skin nodule",
"nodule on the right chest wall", "metastatic carcinoma in the dermis") is a new local finding: never surveillance
(values.yaml clue.chest_wall_nodule).
Class 3 (cc-010): a breast cancer of an earlier year told "treated" ("hx breast ca 2016, treated") is a treated
cancer, also in an Indication / Reason line, whose heading proposes the study and not the history (values.yaml
clue.cancer_year_treated; context.yaml request heading spares treatment).
Class 4 (cc-042): the purpose told before the study ("For restaging CT CAP w/ contrast ...") proposes it.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of

# ---------------------------------------------------------------- class 1: margins negative


@pytest.mark.parametrize(
    "history",
    [
        "hx R IDC 2017, s/p R WLE (margins clear) + RT, completed tamoxifen",
        "hx L breast IDC 2016 s/p lumpectomy, margins negative, then RT",
        "R DCIS 2019, s/p partial mastectomy with margins free (closest 2 mm), RT",
    ],
)
def test_an_operation_with_clear_margins_was_done(history: str) -> None:
    note = f"Annual f/u. 60F, {history}. No complaints. Exam: no masses, no LAD. RTC 1 yr."
    got = facts(note)
    assert got.get("prior_surgery") == "bct"
    assert got.get("setting") == "surveillance"


@pytest.mark.parametrize(
    "history",
    [
        "hx L IDC 2018, no surgery (margins would have been involved), primary endocrine therapy",  # no operation
        "mother had a lumpectomy (margins neg) in 2005",  # a relative's
        "if she has a lumpectomy, margins negative would allow RT only",  # hypothetical
    ],
)
def test_margins_do_not_make_an_operation(history: str) -> None:
    note = f"Onc note. 60F, {history}. No complaints."
    assert facts(note).get("prior_surgery") is None


# ---------------------------------------------------------------- class 2: chest wall nodule after treatment


@pytest.mark.parametrize(
    "finding",
    [
        "Noticed a small firm nodule on the right chest wall 3 wks ago, 6 mm, near the incision.",
        "Exam: 8 mm chest wall skin nodule lateral to the scar. Punch bx planned.",
        "Punch bx of a scar nodule: metastatic carcinoma in the dermis, c/w breast primary.",
    ],
)
def test_a_chest_wall_nodule_after_mastectomy_is_a_suspected_local_recurrence(finding: str) -> None:
    note = "Onc f/u. 64F, R breast IDC 2019, s/p R mastectomy + ALND, adj chemo, tamoxifen.\n" + finding
    assert facts(note).get("setting") == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "exam",
    [
        "Exam: chest wall flat, well healed, no chest wall nodules. No LAD.",  # denied
        "Her sister had a chest wall nodule after her mastectomy. Exam: NED.",  # a relative's
        "Call if you notice a lump on the chest wall. Exam: NED.",  # hypothetical
    ],
)
def test_no_chest_wall_nodule_keeps_surveillance(exam: str) -> None:
    note = "Onc f/u. 64F, R breast IDC 2019, s/p R mastectomy + ALND, adj chemo, tamoxifen. Feels well.\n" + exam
    assert facts(note).get("setting") == "surveillance"


# ---------------------------------------------------------------- class 3: "treated" after a year, in an indication


@pytest.mark.parametrize(
    "indication",
    [
        "Indication: 68F, breast cancer (2014) - treated, off therapy. New low back pain x 6 wks, worse at night.",
        "Reason for exam: 70F, hx L breast ca 2015, treated. R hip pain x 2 mo, wakes her at night.",
        "Clinical indication: 66F, IDC 2012, fully treated. New rib pain, no trauma. Eval mets.",
    ],
)
def test_a_cancer_of_an_earlier_year_told_treated_with_a_red_flag(indication: str) -> None:
    note = "MRI SPINE W/WO\n" + indication
    assert facts(note).get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "indication",
    [
        "Indication: 52F, L breast IDC dx 10/2025, not yet treated, surgery consult next week.",  # untreated, new
        "Indication: 58F, L breast IDC 2025, to be treated with surgery next month.",  # to come
    ],
)
def test_untreated_cancer_is_no_treated_cancer(indication: str) -> None:
    assert facts("CT CAP W CONTRAST\n" + indication).get("setting") not in (
        "surveillance",
        "suspected_distant_recurrence",
        "suspected_local_recurrence",
    )


def test_a_treated_cancer_with_nothing_new_is_surveillance() -> None:
    note = "Reason: 68F, hx breast ca 2016, treated, no current tx. Routine follow-up, feels well, no complaints."
    assert facts(note).get("setting") == "surveillance"


# ---------------------------------------------------------------- class 4: the purpose before the study


@pytest.mark.parametrize(
    ("sentence", "study"),
    [
        ("For restaging CT CAP w/ contrast prior to tx planning.", "ct_cap_contrast"),
        ("For restaging CT chest w/ contrast before systemic therapy.", "ct_chest_contrast"),
        ("For restaging PET/CT, then tumour board.", "pet_ct"),
    ],
)
def test_a_study_after_its_staging_purpose_is_proposed(sentence: str, study: str) -> None:
    note = (
        "Onc note: 3 new skin nodules on R chest wall after R mastectomy 2021; punch bx: metastatic carcinoma. "
        + sentence
    )
    assert order_of(note) == study


@pytest.mark.parametrize(
    "sentence",
    [
        "For restaging CT CAP was done 09/2024 and was negative.",  # done
        "For staging she declined the bone scan.",  # declined
    ],
)
def test_a_study_done_or_declined_after_the_purpose_is_no_order(sentence: str) -> None:
    note = "Onc note: R breast IDC 2019 s/p mastectomy. " + sentence
    assert order_of(note) is None
