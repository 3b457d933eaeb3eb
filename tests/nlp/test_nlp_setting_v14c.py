"""Round 14v-c: settings read as a suspected distant recurrence or a new diagnosis where the note means something else,
in our own words, each with a control where the rule must not fire.

- metastatic breast cancer already under treatment ("metastatic breast carcinoma ... on anastrozole + palbociclib",
  "on 3rd line eribulin", "taking fulvestrant (2nd line)"): a new symptom or lesion is progression, a restaging
  question - none of the staging settings, so the setting is left open and named; the red flag still stands;
- a de novo metastatic cancer whose systemic treatment was started on a date: no untreated new diagnosis (left open);
- a note written within the first course of treatment (operated weeks ago, the chemotherapy told without a year, no
  earlier time in the note): a raised liver test is no suspected recurrence; the setting is left open."""

from __future__ import annotations

from typing import Any

from nlp_helpers import decide_note, facts


def _setting(text: str) -> Any:
    return facts(text).get("setting")


def _setting_reason(text: str) -> str:
    from rightscan.adapters.text import extract

    return " ".join(a["reason"] for a in extract(text).assumptions if a["field"] == "setting")


# ------------------------------------------------------------------ metastatic disease already under treatment
KNOWN_MBC_ON_DRUG = (
    "CT CHEST W CONTRAST. 58F metastatic breast cancer (liver, on anastrozole + palbociclib), dry cough for 4 weeks, "
    "no fever."
)
KNOWN_MBC_LATER_LINE = (
    "Oncology ward admission. 49 yo woman, L breast IDC 2019 s/p mastectomy and adjuvant chemo. Bone and nodal "
    "metastases, now on 3rd line eribulin, last scans showing progressive bone disease. New headaches every morning "
    "with vomiting."
)
# controls: a metastasis newly proven after a treated cancer is the recurrence being investigated, not a known one
NEW_METASTASIS_AFTER_TREATMENT = (
    "Discharge summary. 66 yo woman, R breast IDC 2016 treated with lumpectomy, RT and 5 years of letrozole. Admitted "
    "with 4 weeks of progressive back pain. MRI spine: lytic T11 lesion. CT-guided biopsy: metastatic carcinoma "
    "consistent with breast primary, ER positive. Bone scan booked."
)
# "metastatic ... on CT" names the study the disease was seen on, not a treatment
METASTATIC_ON_STUDY = (
    "Reason for exam: 61F, s/p L mastectomy 2018 for IDC, tamoxifen x5 yrs. New liver lesions, metastatic breast "
    "cancer on CT until proven otherwise, new RUQ pain. Please biopsy."
)


# a later line of treatment written after the drug, in another sentence than the metastases
KNOWN_MBC_LINE_AFTER_DRUG = (
    "Oncology clinic. 58F, R breast IDC 2015 s/p lumpectomy + RT, tamoxifen x5y. Bone and liver metastases 2021. "
    "Currently taking fulvestrant + palbociclib (2nd line). New dry cough x 3 wks, no fever."
)
# the treatment named after a long parenthesis about the metastasis
KNOWN_MBC_DRUG_FAR_ON = (
    "MRI brain please. 64F metastatic breast carcinoma to bone and liver (biopsy-proven liver lesion, diagnosed 2022), "
    "ER+ HER2-, on fulvestrant + everolimus. New morning headaches with vomiting."
)
# controls: "the second line of" a form is no line of treatment; a first line only planned is no treatment under way
SECOND_LINE_OF_FORM = (
    "Oncology clinic. 58F, R breast IDC 2015 s/p lumpectomy + RT, tamoxifen x5y. Signed on the second line of the "
    "consent form. New dry cough x 3 wks, no fever."
)
FIRST_LINE_PLANNED = (
    "Reason: 62F s/p R mastectomy 2017 and 5 yrs tamoxifen. Bone biopsy 11/20: metastatic breast carcinoma. Plan "
    "first-line letrozole + ribociclib. New L hip pain at night."
)


def test_metastatic_cancer_under_treatment_leaves_the_setting_open() -> None:
    for note in (KNOWN_MBC_ON_DRUG, KNOWN_MBC_LATER_LINE, KNOWN_MBC_LINE_AFTER_DRUG, KNOWN_MBC_DRUG_FAR_ON):
        assert _setting(note) is None, note
        assert "metastatic disease already known" in _setting_reason(note)


def test_known_metastatic_disease_keeps_its_red_flag() -> None:
    # leaving the setting open must not drop the new symptom: the answer stays targeted imaging
    assert facts(KNOWN_MBC_ON_DRUG).get("symptoms") == ["cough"]
    assert decide_note(KNOWN_MBC_ON_DRUG)["systemic_imaging"] == "targeted"
    for note in (KNOWN_MBC_LATER_LINE, KNOWN_MBC_DRUG_FAR_ON):
        assert "headache" in facts(note).get("symptoms", [])
        assert decide_note(note)["systemic_imaging"] == "targeted"


def test_a_newly_proven_metastasis_after_treatment_stays_a_suspected_recurrence() -> None:
    for note in (NEW_METASTASIS_AFTER_TREATMENT, METASTATIC_ON_STUDY, SECOND_LINE_OF_FORM, FIRST_LINE_PLANNED):
        assert _setting(note) == "suspected_distant_recurrence", note


# ------------------------------------------------------------------ within the first course of treatment
IN_COURSE_TRIAL_SCREEN = (
    "Trial eligibility review 09/12/2025\n"
    "52 yo woman, R breast IDC grade 2, s/p R mastectomy + SLNB 21/10/2025, pT2 pN1a, ER 95%, HER2 negative.\n"
    "Finished adjuvant chemotherapy (TC x4, last cycle 28/11).\n"
    "Liver tests: ALT 61 U/L (ref 7-35), AST 30 U/L (ref 10-35), put down to the chemotherapy, recheck next week.\n"
    "Eligible pending sign-off."
)
IN_COURSE_POSTOP_LETTER = (
    "Breast clinic letter, 03/03/2026. Mrs Q had a left WLE and sentinel node biopsy on 02/02/2026 for IDC grade 3, "
    "triple negative, pT1c pN0.\nShe completed her adjuvant chemotherapy (EC x4) last week.\n"
    "Bloods: ALT 80 (0-40), bilirubin 9 (0-21). Mild transaminitis, probably drug related; will repeat."
)
# control: the same raised liver test after a cancer treated years earlier is a suspected distant recurrence
YEARS_LATER_RAISED_LFT = (
    "Survivorship review 09/12/2025\n"
    "52 yo woman, R breast IDC 2019, s/p R mastectomy + SLNB 21/10/2019, adjuvant chemo finished.\n"
    "Liver tests: ALT 61 U/L (ref 7-35), AST 70 U/L (ref 10-35), new since last year. For liver ultrasound."
)


def test_a_raised_liver_test_within_the_first_course_is_no_suspected_recurrence() -> None:
    for note in (IN_COURSE_TRIAL_SCREEN, IN_COURSE_POSTOP_LETTER):
        assert _setting(note) is None, note
        assert "first course" in _setting_reason(note)
        # the raised liver test is still a red flag: targeted imaging, not "not recommended"
        assert decide_note(note)["systemic_imaging"] == "targeted"


def test_a_raised_liver_test_years_after_treatment_stays_a_suspected_recurrence() -> None:
    assert _setting(YEARS_LATER_RAISED_LFT) == "suspected_distant_recurrence"


# ------------------------------------------------------------------ de novo metastatic cancer under treatment
DE_NOVO_STARTED = (
    "Medical oncology review. 52F with de novo metastatic R breast IDC, grade 2, ER 95%, PR 40%, HER2 1+; liver "
    "lesions on CT, segment 6 core biopsy: metastatic carcinoma consistent with breast primary.\n"
    "Began anastrozole + palbociclib 02/2026 with monthly zoledronic acid. Tolerating well, neutrophils 1.3."
)
DE_NOVO_COMMENCED_MONTH = (
    "Second opinion letter. 45 yo woman, L breast ILC grade 2, ER+ PR+ HER2-, biopsy-proven bone metastases "
    "(T9, sacrum): stage IV at presentation.\nCommenced letrozole and ribociclib in March 2025; restaging stable."
)
# controls: the same cancer with the treatment only planned, and a dose of an analgesic that is no date
DE_NOVO_PLANNED = (
    "Medical oncology review. 52F with de novo metastatic R breast IDC, grade 2, ER 95%, PR 40%, HER2 1+; liver "
    "lesions on CT, segment 6 core biopsy: metastatic carcinoma consistent with breast primary.\n"
    "Plan to start anastrozole + palbociclib 02/2026 with monthly zoledronic acid; baseline bone scan first."
)
DE_NOVO_ANALGESIC = (
    "Medical oncology review. 52F with de novo metastatic R breast IDC, grade 2, ER 95%, PR 40%, HER2 1+; liver "
    "lesions on CT, segment 6 core biopsy: metastatic carcinoma consistent with breast primary.\n"
    "Started oxycodone 10 mg for liver capsule pain. Baseline bone scan first."
)


def test_a_de_novo_metastatic_cancer_under_treatment_is_no_new_diagnosis() -> None:
    for note in (DE_NOVO_STARTED, DE_NOVO_COMMENCED_MONTH):
        assert facts(note).get("tumor", {}).get("m") == "M1", note
        assert _setting(note) is None, note
        assert "under systemic treatment" in _setting_reason(note)


def test_a_de_novo_metastatic_cancer_not_yet_treated_stays_a_new_diagnosis() -> None:
    for note in (DE_NOVO_PLANNED, DE_NOVO_ANALGESIC):
        assert _setting(note) == "new_diagnosis", note
