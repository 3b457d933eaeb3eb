"""Round 41x (v41 blind: non-US clinic letters, MDT forms, speech-recognition dictations): a dictation's spoken
receptor scores, grade and T/N categories, and the UK/Commonwealth shorthand of the histologic type, in other words
than the blind notes, each class with controls that must not change.

1. (coverage) A receptor's spelled letters before its Allred score ("E R 7 out of 8", "P R five out of eight") read
   as the receptor (v41 ax-026). Controls: a score of 0 stays negative; "P R" before other words stays words.
2. (coverage) "grade to"/"grade too" right before the tumour's words is grade 2 (v41 ax-020). Controls: "grade to
   follow" and "upgrade to" give no grade.
3. (coverage) The clinical T and N said apart in lower case ("t 3 n 0") read as T3 N0 (v41 ax-016). Controls: a
   vertebra "t 10" or "t 2" alone gives no T; a spoken "m 1" never gives M1.
4. (coverage) "G2 NST", "B5b NST", "NST grade 3" is the no-special-type (ductal) carcinoma, IDC (v41 ax-009); the
   type alone in brackets after the cancer ("breast ca (lobular, ER+)") is ILC (v41 aw-049). Controls: a lone "NST"
   (a non-stress test), "(lobular carcinoma in situ)", "mixed ductal (NST) and lobular features".
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes, tumor

D = "dictated 49 year old female newly diagnosed right breast invasive ductal carcinoma grade 3 "


# ------------------------------------------------------------------ 1. receptor letters before an Allred score
@pytest.mark.parametrize(
    ("note", "er", "pr"),
    [
        (D + "E R 7 out of 8 P R 5 out of 8 her 2 negative plan surgery", "positive", "positive"),
        (D + "E R six out of eight P R three out of eight her to negative", "positive", "positive"),
        (D + "E R 8/8 P R 0/8 her 2 negative", "positive", "negative"),
        (D + "E R 0 out of 8 P R 0 out of 8 her to positive", "negative", "negative"),
    ],
)
def test_spelled_receptor_before_its_allred_score(note: str, er: str, pr: str) -> None:
    t = tumor(note)
    assert t.get("er") == er
    assert t.get("pr") == pr


def test_spelled_pr_before_other_words_stays_words() -> None:
    # a "P R" that is no receptor (per rectum, a public relations note) before words that are no score
    t = tumor("dictated 66 year old female P R exam normal no blood breast cancer follow up")
    assert "pr" not in t


# ------------------------------------------------------------------ 2. "grade to" before the tumour's words
@pytest.mark.parametrize(
    "note",
    [
        "dictated 58 year old woman with a grade to invasive ductal carcinoma of the left breast 2 centimetres",
        "re mrs jones 70 years she had a grade too IDC in 2018 treated with lumpectomy she is well",
        "newly diagnosed left breast cancer Nottingham grade to ductal carcinoma E R positive",
        "speech recognition letter she has a grade to E R positive breast cancer",
    ],
)
def test_grade_misheard_as_to_before_the_tumour(note: str) -> None:
    assert tumor(note).get("grade") == 2


@pytest.mark.parametrize(
    "note",
    [
        "dictated 58 year old woman newly diagnosed invasive ductal carcinoma grade to follow on excision",
        "core biopsy shows DCIS which may upgrade to invasive carcinoma at surgery, 57 year old female",
        "newly diagnosed breast cancer IDC she would like to grade to a lower dose of tamoxifen later",
    ],
)
def test_grade_to_elsewhere_gives_no_grade(note: str) -> None:
    assert "grade" not in tumor(note)


def test_written_grade_3_is_unchanged() -> None:
    assert tumor("58F new R breast IDC grade 3, ER+ PR- HER2-").get("grade") == 3


# ------------------------------------------------------------------ 3. T and N said apart
@pytest.mark.parametrize(
    ("note", "t", "n"),
    [
        ("indication 66 year old woman newly diagnosed left breast cancer t 3 n 0 for staging", "T3", "N0"),
        ("dictated newly diagnosed right breast carcinoma clinically t 1 n 1 plan neoadjuvant", "T1", "N1"),
        ("new left breast IDC stage 3 a clinical t 4 n 2 ER positive", "T4", "N2"),
    ],
)
def test_t_and_n_said_apart(note: str, t: str, n: str) -> None:
    got = tumor(note)
    assert got.get("t") == t
    assert got.get("n") == n


@pytest.mark.parametrize(
    "note",
    [
        "new breast IDC, she is tender over the t 10 spinous process and t 2 n at night",
        "new breast IDC, MRI shows a lesion at t 2 and l 1, bone pain",
    ],
)
def test_a_vertebra_is_no_t_category(note: str) -> None:
    t = tumor(note)
    assert "t" not in t
    assert "n" not in t


def test_spoken_m_is_never_m1() -> None:
    t = tumor("indication 66 year old woman newly diagnosed left breast cancer t 2 n 1 m 1 question mark")
    assert t.get("t") == "T2"
    assert t.get("m") != "M1"


def test_bone_pain_still_read_beside_spoken_stage() -> None:
    note = "indication 74 year old female newly diagnosed left breast cancer t 2 n 1 now has new hip pain for 2 months"
    assert "bone_pain" in symptom_codes(note)


# ------------------------------------------------------------------ 4. UK shorthand of the histologic type
@pytest.mark.parametrize(
    "note",
    [
        "Clinical details: 62F, new L breast ca, B5b, G2 NST, ER pos, HER2 neg. Staging please.",
        "MDT: R breast 10 o'clock U5 B5b NST G1 ER 8/8 HER2 neg, for WLE + SNB.",
        "New L breast cancer: NST grade 3, 25 mm on US, triple negative.",
        "Core: B5 NST, grade II, ER 6/8, HER2 1+. 55F.",
    ],
)
def test_no_special_type_shorthand_is_idc(note: str) -> None:
    assert tumor(note).get("histology") == "IDC"


@pytest.mark.parametrize(
    "note",
    [
        "CT chest: 58F, hx R breast ca (lobular, ER+/HER2-) 2017 s/p mastectomy, new cough.",
        "Bone scan: 70F known L breast cancer (lobular) 2020, on letrozole, new hip pain.",
        "Hx breast carcinoma (lobular, HR+), lumpectomy 2016. Now 4 wk back pain.",
    ],
)
def test_lobular_in_brackets_after_the_cancer_is_ilc(note: str) -> None:
    assert tumor(note).get("histology") == "ILC"


@pytest.mark.parametrize(
    ("note", "histology"),
    [
        ("32F, 30 weeks pregnant, NST reactive, new breast lump, US pending.", None),
        ("Core: invasive carcinoma showing mixed ductal (NST) and lobular features, grade 2.", "mixed"),
        ("Excision: benign, incidental finding (lobular carcinoma in situ), no invasive carcinoma.", None),
    ],
)
def test_histology_controls(note: str, histology: str | None) -> None:
    assert tumor(note).get("histology") == histology


def test_real_metastasis_still_read_with_the_shorthand() -> None:
    f = facts("Clinical details: 67F, R breast ca, B5b G3 NST, CT: multiple liver metastases, biopsy-proven.")
    assert f["tumor"].get("histology") == "IDC"
    assert f["tumor"].get("m") == "M1"
