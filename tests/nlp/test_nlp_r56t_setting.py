"""Round 56t: the setting by clinical meaning (suspected recurrence told in other words, known metastatic disease
under treatment, a core biopsy still to be done). New wordings, with controls that keep their reading."""

from __future__ import annotations

from nlp_helpers import facts


def setting(text: str) -> str | None:
    return facts(text).get("setting")


# a lesion placed in the liver after the organ's name, after a treated cancer: a suspected distant recurrence
def test_lesion_in_the_liver_after_treated_cancer() -> None:
    note = (
        "71 yo woman, L breast IDC treated with mastectomy and chemotherapy in 2016. Abdominal US for gallstones "
        "found a 2 cm hypoechoic mass in the left lobe of the liver. MRI liver requested."
    )
    assert setting(note) == "suspected_distant_recurrence"


def test_lesion_in_the_liver_explained_stays_surveillance() -> None:  # control: a known benign lesion
    note = (
        "71 yo woman, L breast IDC treated with mastectomy and chemotherapy in 2016, routine follow-up. "
        "Known hemangioma in the left lobe of the liver, stable since 2017. Annual mammogram."
    )
    assert setting(note) != "suspected_distant_recurrence"


def test_lung_lobe_nodule_in_words_after_treated_cancer() -> None:
    note = (
        "Reason for exam: 8 mm left upper lobe nodule on a CT done for a rib fracture. 66F, hx R breast cancer, "
        "s/p lumpectomy and radiation 2018. CT chest without contrast."
    )
    assert setting(note) == "suspected_distant_recurrence"


# a regional node told as absent at the last visit
def test_node_not_present_before_is_local_finding() -> None:
    note = (
        "58F, R breast cancer treated with lumpectomy, radiation and tamoxifen, finished 2022. Today a hard right "
        "supraclavicular node that was not present at her last visit. US neck and FNA."
    )
    assert setting(note) == "suspected_local_recurrence"


def test_routine_visit_without_node_stays_surveillance() -> None:  # control
    note = (
        "58F, R breast cancer treated with lumpectomy, radiation and tamoxifen, finished 2022. Routine follow-up, "
        "no palpable nodes, exam unremarkable. Annual mammogram."
    )
    assert setting(note) == "surveillance"


# known metastatic disease under treatment, the cancer named before its metastasis: no staging setting
def test_cancer_metastatic_to_site_on_treatment_has_no_setting() -> None:
    note = (
        "49F, HER2+ breast carcinoma metastatic to liver and lung, on trastuzumab/pertuzumab. Now 3 days of "
        "severe headache. MRI brain with and without contrast."
    )
    assert setting(note) is None


def test_new_proven_cancer_stays_new_diagnosis() -> None:  # control: a biopsy-proven cancer being worked up
    note = (
        "52F, biopsy-proven L breast IDC, grade 2, ER+/PR+/HER2-, 2.4 cm, seen to discuss lumpectomy. "
        "No systemic symptoms."
    )
    assert setting(note) == "new_diagnosis"


# a core biopsy still to be done: no proven cancer, staging asked is no new diagnosis
def test_core_booked_before_staging_has_no_setting() -> None:
    note = (
        "61F, 4 cm R breast mass, BI-RADS 5, core biopsy booked for next week. Surgeon asks for staging CT "
        "now. No history of cancer."
    )
    assert setting(note) != "new_diagnosis"
