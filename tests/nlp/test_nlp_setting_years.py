"""The year a diagnosis was made is a clue to earlier breast treatment only when the diagnosis is a breast cancer, and a
neoadjuvant cycle is treatment under way only once it has been given. Found on the eighth blind set (a BRCA carrier's
"dx 2022" made her new, untreated cancer read as a recurrence); written here in our own words with controls."""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note as _decide
from nlp_helpers import facts

NEW_CANCER = (
    "New palpable L breast mass 3.5 cm, US core bx: invasive ductal ca grade 3, ER- PR- HER2 3+. "
    "FNA of an enlarged L axillary node: metastatic carcinoma. Asks about PET/CT."
)


@pytest.mark.parametrize(
    "history",
    [
        "PMH: HTN, type 2 diabetes dx 2015, hypothyroid.",
        "Past history: rheumatoid arthritis diagnosed in 2019, on methotrexate.",
        "Background: papillary thyroid ca dx 2011, s/p thyroidectomy.",
        "Known BRCA2 pathogenic variant (dx 2021 on panel testing after her mother's diagnosis).",
        "Hx: psoriasis - diagnosis: 2008.",
    ],
)
def test_a_year_of_another_diagnosis_does_not_make_a_new_cancer_a_recurrence(history: str) -> None:
    note = f"62F. {history} {NEW_CANCER}"
    setting = facts(note).get("setting")
    assert setting not in ("suspected_local_recurrence", "suspected_distant_recurrence", "surveillance"), note
    # cT2 cN1: stage IIB, whose systemic staging is recommended; never "not applicable"
    assert _decide(note)["systemic_imaging"] in ("recommended", "undetermined"), note


@pytest.mark.parametrize(
    "history",
    [
        "L breast IDC dx 2018, treated with lumpectomy and radiation.",
        "Diagnosed in 2016 with right breast cancer; completed treatment 2017.",
    ],
)
def test_a_breast_cancer_of_earlier_years_with_a_new_finding_is_still_a_suspected_recurrence(history: str) -> None:
    note = f"62F. {history} Now a new palpable lump at the scar, 1.2 cm, biopsy pending."
    assert facts(note).get("setting") == "suspected_local_recurrence", note


def test_a_neoadjuvant_cycle_still_to_come_is_not_treatment_under_way() -> None:
    planned = (
        "41F, R breast IDC 2.4 cm grade 3 ER- PR- HER2 3+, FNA-proven R axillary node. "
        "Oncology plans neoadjuvant THP, cycle 1 on 9/24 (not yet started)."
    )
    assert facts(planned).get("setting") == "new_diagnosis"
    given = (
        "41F, R breast IDC 2.4 cm grade 3 ER- PR- HER2 3+, FNA-proven R axillary node. "
        "Seen today for C3D1 neoadjuvant ddAC, tolerating well."
    )
    # treatment under way: the staging belonged to the diagnosis, so the setting is left open, never guessed new
    assert facts(given).get("setting") != "new_diagnosis"
