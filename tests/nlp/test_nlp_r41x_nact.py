"""Round 41x (v41 blind: UK/Indian/Commonwealth discharge summaries): neoadjuvant treatment named by its abbreviation
(NACT, NAST, NAET) as under way or completed, in other words than the blind note (v41 ax-037): staging belonged to the
diagnosis, so no new-diagnosis setting is inferred, as for "on neoadjuvant chemotherapy".

Controls: NACT only planned keeps the new diagnosis; a real metastasis and a real red-flag symptom are still read; the
written-out words behave as before; "NAC" (the nipple-areolar complex) is not the treatment.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

NEW = "48F, Ca R breast cT3 N1 M0, IDC grade 3, ER+ PR+ HER2-. "


@pytest.mark.parametrize(
    "note",
    [
        NEW + "Currently on NACT, C3 AC given 02/10. Admitted with vomiting, settled.",
        NEW + "NACT ongoing, C4 due 12/10. Seen for a PICC line review.",
        NEW + "Cycle 4 of NACT deferred for neutropenia.",
        NEW + "NAET started 08/2025 (letrozole), tolerating well.",
    ],
)
def test_neoadjuvant_abbreviation_under_way_leaves_setting_open(note: str) -> None:
    assert facts(note).get("setting") is None


@pytest.mark.parametrize(
    "note",
    [
        "48F newly diagnosed R breast IDC cT3 N1, ER+ HER2-. Plan NACT then surgery; staging CT TAP requested.",
        "48F newly diagnosed R breast IDC cT2 N0, NAC preserved at surgery planned, ER+ HER2-. Staging not indicated.",
    ],
)
def test_planned_nact_or_nac_keeps_new_diagnosis(note: str) -> None:
    assert facts(note).get("setting") == "new_diagnosis"


def test_written_out_neoadjuvant_unchanged() -> None:
    assert facts(NEW + "On neoadjuvant chemotherapy, cycle 2 given.").get("setting") is None


def test_real_metastasis_and_symptom_still_read_on_nact() -> None:
    note = "48F, Ca R breast cT3 N1, IDC grade 3, ER+ PR+ HER2-. On NACT, C2 given. New severe back pain waking her at "
    f = facts(note + "night; CT shows multiple liver metastases.")
    assert f["tumor"].get("m") == "M1"
    assert "back_pain" in f["symptoms"]
