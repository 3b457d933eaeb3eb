"""A bare study name read alone asks; read for a patient with breast cancer it takes the sourced default, shown.

procedures.yaml ``patient_assume``: a breast MRI for a patient with breast cancer is the dynamic contrast
study (ACR practice parameter for contrast-enhanced breast MRI). The catalogue search and an order-names list
read the name alone, where the contrast is not said, so they offer both studies; a decision, a CDS draft
order and a note read it for the patient in front of them.
"""

from __future__ import annotations

import pytest

from conftest import run
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import UnknownOrder, for_patient, interpret, resolve

KB = load_knowledge()
BOTH = {"mri_breast_wwo", "mri_breast_wo"}


BARE = ["MRI breast", "breast MRI bilat", "MR BREAST LT", "bilat brest MRI", "mri of both breasts"]


@pytest.mark.parametrize("text", BARE)
def test_a_bare_breast_mri_alone_offers_both_and_for_a_patient_is_the_contrast_study(text: str) -> None:
    alone = interpret(KB, text)
    assert alone.status == "ambiguous" and {c.id for c in alone.choices} == BOTH and "contrast" in alone.missing
    mine = for_patient(KB, text)
    assert mine.status == "resolved" and mine.study is not None and mine.study.id == "mri_breast_wwo"
    assert any("breast cancer" in a for a in mine.assumed)  # shown as an assumption, never silent


@pytest.mark.parametrize(
    "text",
    [
        "breast MRI (CKD stage 4)",  # kidney function puts the contrast in question
        "breast MRI, contrast allergy",
        "MRI breast - gadolinium allergy",
        "MRI breast implant",  # the implant protocol is the non-contrast study: never the contrast default
    ],
)
def test_a_patient_never_settles_contrast_the_order_puts_in_question(text: str) -> None:
    reading = for_patient(KB, text)
    assert reading.status != "resolved" or reading.study is None or reading.study.id != "mri_breast_wwo"


@pytest.mark.parametrize("text", ["MRI brain", "MRI spine", "CT chest", "mammogram"])
def test_studies_without_a_patient_default_still_ask(text: str) -> None:
    # only the breast MRI has a default for the topic's patient; a bare brain MRI stays a choice
    assert for_patient(KB, text).status == interpret(KB, text).status == "ambiguous"


def test_stated_contrast_is_read_as_written_either_way() -> None:
    for text, pid in [("MRI breast without contrast", "mri_breast_wo"), ("MRI breast w/wo", "mri_breast_wwo")]:
        assert interpret(KB, text).study.id == for_patient(KB, text).study.id == pid  # type: ignore[union-attr]


def test_choices_of_other_modalities_are_never_settled_by_the_default() -> None:
    # the default settles the contrast of a breast MRI, not which of a mammogram, ultrasound or MRI is meant
    reading = for_patient(KB, "AB-MRI breast")
    assert reading.status == "ambiguous"


def test_a_decision_rates_the_contrast_study_and_says_why() -> None:
    decision = run(order="breast MRI")
    order = decision["order"]
    assert order["procedure_id"] == "mri_breast_wwo"
    assert any("breast cancer" in a for a in order["reading"]["assumed"])
    assert any("taken as routine" in s["step"] and "breast MRI" in s["step"] for s in decision["explanation"])


def test_a_decision_on_a_questioned_contrast_refuses_naming_the_choices() -> None:
    with pytest.raises(UnknownOrder) as refused:
        resolve(KB, "breast MRI (eGFR 22)")
    assert refused.value.ambiguous and "MRI Breast Without IV Contrast" in refused.value.suggestions


def test_a_cds_draft_order_for_a_bare_breast_mri_is_rated_as_the_contrast_study_and_says_so(kb) -> None:  # type: ignore[no-untyped-def]
    # the CDS Hooks path reads the draft order for the patient in the prefetch, as a decision does
    from test_application import _consult, _hook

    hook = _hook()
    order = hook.context.draftOrders["entry"][1]["resource"]
    order["code"] = {"text": "MRI breast"}
    response, store = _consult(kb, hook)
    [record] = store.decisions
    [rating] = record.ratings
    assert rating["procedure_id"] == "mri_breast_wwo", rating
    [card] = response["cards"]
    # the card says what the order left unstated and how it was read (the clinician can change the order)
    assert "Order read as MRI Breast Without and With IV Contrast" in card["detail"]
    assert "patient with breast cancer is the dynamic contrast study" in card["detail"]
