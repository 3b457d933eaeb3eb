"""Round 57d (v57 blind, hands cr / cs / ct): demographics, stage fields and the study considered in notes from outside
the usual picture - a transgender patient's gender, a staff member named by a sex word, a chest-masculinization
mastectomy, a node's measured size, diffuse adenopathy of a blood cancer, a chemo-day form's toxicity grades, a
pregnancy count before its gestational age, a referral letter's polite request, an operation dated by "last". New
wordings, not the set's sentences, with controls that must keep their reading."""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of, tumor

# ---------------------------------------------------------------- sex: gender identity, another person


@pytest.mark.parametrize(
    "text",
    [
        "Consult: 58 yo transgender woman on oestradiol since 2010, new R breast IDC 1.2 cm, cN0, ER+/PR+/HER2-.",
        "44 y/o trans man (he/him) on testosterone, found a L chest lump; core: IDC grade 2.",
        "I'm 61, a trans woman on hormones, and I finished radiation for my breast cancer in 2021.",
        "Hi, it's Sam. The navigator lady said my scan is next week, is that right? I had a lumpectomy in 2020.",
    ],
)
def test_no_sex_from_gender_identity_or_another_person(text: str) -> None:
    assert "sex" not in facts(text)


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("Consult: 58 yo woman, new R breast IDC 1.2 cm, cN0, ER+/PR+/HER2-.", "female"),  # control: plainly stated
        ("71 yo man with a retroareolar lump, core IDC grade 2.", "male"),
        ("63F, s/p L lumpectomy 2019, here for annual follow-up.", "female"),
    ],
)
def test_sex_still_read(text: str, sex: str) -> None:
    assert facts(text).get("sex") == sex


# ---------------------------------------------------------------- prior surgery: gender-affirming mastectomy


def test_masculinizing_mastectomy_is_no_cancer_surgery() -> None:
    text = (
        "41 yo, s/p double mastectomy for gender affirmation 2017 (benign path). New 1.2 cm mass in residual L chest "
        "tissue; core IDC grade 1, ER+/PR+/HER2-. Axilla negative on US."
    )
    assert "prior_surgery" not in facts(text)


def test_cancer_mastectomy_still_read() -> None:  # control
    text = "58F, s/p L mastectomy 2018 for IDC, on letrozole. New nodule at the medial end of the scar."
    assert facts(text).get("prior_surgery") == "mastectomy"


@pytest.mark.parametrize(
    ("text", "surgery"),
    [
        ("Her mastectomy was done last year; today she asks about a scan for a new rib ache.", "mastectomy"),
        ("Quick question - my lumpectomy was last March and my scar is itchy, is that normal?", "bct"),
    ],
)
def test_operation_dated_by_last(text: str, surgery: str) -> None:
    assert facts(text).get("prior_surgery") == surgery


def test_operation_to_come_still_not_read() -> None:  # control: planned surgery does not count
    assert "prior_surgery" not in facts("New R IDC 2 cm. Her lumpectomy is next Tuesday; any scans needed before?")


# ---------------------------------------------------------------- tumour size and N: nodes


def test_a_node_measured_is_no_tumour_size() -> None:
    text = (
        "52F, palpable L axillary mass. Core of the node: metastatic carcinoma, GATA3+, ER 90%. Mammogram and US: no "
        "breast lesion.\nExam: 3.1 cm hard, fixed L axillary node; breasts normal."
    )
    assert "size_cm" not in tumor(text)


def test_the_mass_measured_beside_a_node_is_still_read() -> None:  # control
    text = "Core: IDC grade 2, ER+.\nExam: 2.8 cm firm L breast mass and a palpable mobile L axillary node."
    assert tumor(text).get("size_cm") == 2.8


def test_a_size_listed_before_a_node_is_still_the_tumours() -> None:  # control: a list, not the node's size
    text = "Addendum: 57F, R breast IDC 2.9 cm, R axillary LN core+ (cN1), ER-/PR-/HER2+. Neoadjuvant THP planned."
    assert tumor(text).get("size_cm") == 2.9


def test_diffuse_adenopathy_of_a_blood_cancer_is_no_n1() -> None:
    text = (
        "74M with untreated CLL (generalized lymphadenopathy, stable), new R breast IDC 1.6 cm, grade 2, ER+/PR+/HER2-."
    )
    assert "n" not in tumor(text)


def test_axillary_adenopathy_still_n1() -> None:  # control
    text = "New R breast IDC 2.2 cm, grade 2, ER+. Exam: palpable R axillary adenopathy, mobile."
    assert tumor(text).get("n") == "N1"


# ---------------------------------------------------------------- grade: toxicity grades and a pregnancy count


@pytest.mark.parametrize(
    "text",
    [
        "Chemo day C3 docetaxel. Pt 50F, L breast IDC, HER2+.\nOnycholysis: gr 1, nails tender.\nOK to treat.",
        "Capecitabine review. 47F, TNBC, residual disease after neoadjuvant chemo.\nPPE gr 1 soles, emollient.",
        "34F, G1 at 22 weeks, new L breast IDC 2.1 cm, ER-/PR-/HER2+, axilla negative on US.",
    ],
)
def test_no_tumour_grade_from_toxicity_or_gravida(text: str) -> None:
    assert "grade" not in tumor(text)


@pytest.mark.parametrize(
    "text",
    [
        "Core: IDC, grade 1, ER 95%, PR 80%, HER2 0. Plan lumpectomy.",  # control: the tumour's grade
        "Path: IDC G1, ER+/PR+/HER2-, 1.1 cm.",
    ],
)
def test_tumour_grade_still_read(text: str) -> None:
    assert tumor(text).get("grade") == 1


# ---------------------------------------------------------------- the study: a referral letter's polite request


def test_grateful_if_you_could_is_a_request() -> None:
    text = (
        "Dear colleague, Ms Lee, 60, had a L lumpectomy for IDC in 2019. She now has a firm nodule at the scar. "
        "We would be grateful if you could arrange a diagnostic mammogram of the left breast."
    )
    assert order_of(text) == "mammo_diagnostic"


def test_a_true_condition_still_hypothetical() -> None:  # control
    text = (
        "63F, L lumpectomy for IDC 2018, well, no new symptoms, annual mammogram normal. "
        "If she develops bone pain we would get a bone scan."
    )
    assert order_of(text) is None


# ---------------------------------------------------------------- grade: an outside reading our review corrects


def test_outside_grade_corrected_by_review_is_no_conflict() -> None:
    text = (
        "MDT: 62F, L breast IDC 1.9 cm on US. Path review: the outside lab graded it grade 3; on our review mitoses "
        "score 1, total 6, so Nottingham grade 2. ER 70%, PR 40%, HER2 1+."
    )
    assert tumor(text).get("grade") == 2


def test_review_that_confirms_keeps_one_grade() -> None:  # control
    text = "MDT: 62F, L breast IDC 1.9 cm. Outside path said grade 2; our review agrees, grade 2. ER+, HER2-."
    assert tumor(text).get("grade") == 2
