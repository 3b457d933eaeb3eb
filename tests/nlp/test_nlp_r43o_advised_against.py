"""Round 43o (v43 blind, bb-002): a study the patient herself asks for, which the writer then advises against, is
still the study considered now (annotation guide 2, order: "bone scan requested; bone scan not indicated per NCCN" is
the order). A study the patient refuses, or one the writer cancels, is not. Other wordings than the blind note."""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of

NEW_DX = "52F, newly diagnosed R breast IDC 1.2 cm, grade 1, ER+ PR+ HER2-, cN0, stage IA, surgery planned. "


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (NEW_DX + "Patient message: I want a bone scan before my operation, can you order one?\n"
         "Reply: we recommend not doing a bone scan for stage IA cancer without symptoms.", "bone_scan"),
        (NEW_DX + "She would like a PET scan to be sure. Guidelines advise not doing a PET for early-stage disease; "
         "discussed at length.", "pet_ct"),
    ],
)
def test_a_request_advised_against_is_still_the_study_considered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # the patient refuses the study after she asked for it: not the order
        NEW_DX + "She would like a PET scan. Later called back: not doing the PET, she declined it.",
        # the writer cancels a study ordered elsewhere, no request of hers: not the order (unchanged)
        NEW_DX + "PET/CT ordered by PCP -- will cancel, not indicated.",
        # advice against a study nobody asked for: still no order
        NEW_DX + "We recommend not doing a bone scan at this stage.",
    ],
)
def test_refusals_and_advice_without_a_request_are_not_the_order(note: str) -> None:
    assert order_of(note) is None


def test_a_real_study_proposed_is_still_read() -> None:
    note = NEW_DX + "New L hip pain at night x 3 wks. Plan: whole body bone scan ordered."
    assert order_of(note) == "bone_scan"
    assert "bone_pain" in facts(note).get("symptoms", [])
