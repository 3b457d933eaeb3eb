"""Round 44m (v44 be-003): a statement about metastases in general, written without its verb.

"lobular mets often sclerotic / subtle on bone scan" describes what such disease is like, no finding of this patient:
never M1. A metastasis of the patient stated in the same note keeps its M1.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor

TREATED = (
    "68F, hx R breast ILC 2017 pT2 pN1a, mastectomy + ANC, letrozole completed. "
    "New low back pain x 5 wks, worse at night.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Radiology: ILC metastases typically FDG-poor, so MRI spine preferred over PET.",
        "Comment: lobular deposits and bone mets frequently occult on CT; MRI spine w/wo requested.",
        "Note lobular metastases tend to be sclerotic and subtle; MRI whole spine planned.",
        "Sclerotic mets commonly missed on plain film - MRI spine ordered.",
    ],
)
def test_a_general_statement_about_metastases_is_no_m1(line: str) -> None:
    assert tumor(TREATED + line).get("m") != "M1"


@pytest.mark.parametrize(
    "line",
    [
        "MRI spine 2 wks ago: multiple bone mets, biopsy-proven ER+ ILC at L3. Restaging CT CAP requested.",
        "Biopsy-proven liver metastases (core 3/2). Often tired. CT CAP for restaging.",
        "Known stage IV disease with bone mets; mets often painful at night per pt. CT CAP requested.",
    ],
)
def test_a_proven_metastasis_keeps_m1(line: str) -> None:
    assert tumor(TREATED + line).get("m") == "M1"
