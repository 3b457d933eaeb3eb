"""Round 12b: a negative axilla written in shorthand or in the patient's words is clinical N0 (and a proven node N1).

A class in five independently written sets (blind_v6 m-007, v7 q-044, v9 x-018 / x-025 / y-003, v11 lb-004, v8 u-035):
the note said the axilla was clear on ultrasound in a form the rules did not know ("Ax US neg", "Axilla US NAD", "the
glands under my arm were clear"), N was left open and a stage I cancer's answer was undetermined. Annotation guide 2:
an axilla negative on examination or ultrasound is N0. Own words; controls where N0 must not be read.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, tumor

NEW = (
    "Nurse navigator call. 52F, new left breast IDC 1.3 cm, grade 2, ER+ PR+ HER2 negative (IHC 1+). {axilla} "
    "No symptoms."
)


@pytest.mark.parametrize("axilla", ["Ax US neg.", "Axilla US NAD.", "Axillary USG normal.", "Axill US clear."])
def test_shorthand_negative_axilla_is_n0(axilla: str) -> None:
    note = NEW.format(axilla=axilla)
    assert tumor(note).get("n") == "N0"
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "said",
    [
        "The surgeon said the glands in my armpit were clear and the lump is 1.3 cm, the hormone kind, HER2 negative.",
        "Lymph nodes not involved on exam and ultrasound. Tumour 1.3 cm, ER positive, PR positive, HER2 negative.",
    ],
)
def test_lay_words_for_a_clear_axilla_are_n0(said: str) -> None:
    note = "New invasive ductal carcinoma of the right breast, grade 1, biopsy last week. 47 yo woman. " + said
    assert tumor(note).get("n") == "N0"


@pytest.mark.parametrize(
    "note",
    [
        # the ultrasound found a node: not a negative axilla
        NEW.format(axilla="Ax US: one node with a thick cortex, FNA positive."),
        # a treated cancer's follow-up: the axilla today says nothing of the primary's clinical N
        "Survivorship visit. 63F, 6 years after a right lumpectomy and SLNB for pT1c pN0 IDC, anastrozole. Ax US NAD. "
        "Mammogram benign. Well.",
    ],
)
def test_no_n0_from_a_positive_axilla_or_after_surgery(note: str) -> None:
    assert tumor(note).get("n") != "N0"


@pytest.mark.parametrize("axilla", ["L ax LN FNA + (one mobile node).", "Ax node core bx positive."])
def test_shorthand_biopsy_proven_axillary_node_is_n1(axilla: str) -> None:
    note = NEW.format(axilla=axilla)
    assert tumor(note).get("n") == "N1"


def test_shorthand_node_biopsy_not_yet_back_is_not_n1() -> None:
    note = NEW.format(axilla="Ax LN FNA done today, result awaited.")
    assert tumor(note).get("n") != "N1"
