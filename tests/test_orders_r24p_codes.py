"""Round 24p: a code whose words name another kind of study, and the order wrappers' loose ends.

A CPT code beside words that state another modality or body region asks, listing the code's study and the words'
(whether or not the words alone settle contrast or intent); words that only add detail the code's study has still
resolve, and so does a bare code. The same through the wrappers (a ServiceRequest's code with its text or display,
an OBR's CPT-coded identifier) and through the CDS draft orders, which compare a code with the draft's own texts
the way the text path compares a code with its words. Several OBR segments ask as repetitions do; HL7 escapes are
decoded once; a joined repetition is held to MAX_NAME.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from order_helpers import KB
from rightscan.adapters.fhir.draft_orders import read_draft_orders
from rightscan.domain import order_wrappers, orders
from rightscan.domain.order_wrappers import names
from rightscan.domain.orders import OrderReading, for_patient, interpret

CPT = "http://www.ama-assn.org/go/cpt"


def _ids(reading: OrderReading) -> list[str]:
    return [p.id for p in reading.choices]


# ------------------------------------------------------------------ a code and words naming another study
# (text, the code's study, a study the words name): the words alone leave a choice open, so the code used to win
ELSEWHERE = [
    ("CPT 77067 - breast MRI", "mammo_screening", "mri_breast_wwo"),  # another modality, same region
    ("72148 MRI HEAD", "mri_spine_wo", "mri_head_wo"),  # same modality, another region
    ("70450 CT chest", "ct_head", "ct_chest_wo"),
    ("78816 CT abdomen", "pet_ct_whole_body", "ct_abdomen_pelvis_contrast"),  # a PET's partner alone is not the PET
    ("78306 MRI whole spine", "bone_scan", "mri_spine_wwo"),
    ("77046 mammogram", "mri_breast_wo", "mammo_diagnostic"),
    ("Ordered: 78815, breast MRI", "pet_ct", "mri_breast_wwo"),
    ("72148^MRI HEAD^CPT4", "mri_spine_wo", "mri_head_wo"),  # an OBR-4 field, its CPT identifier read with its text
]


@pytest.mark.parametrize(("text", "code_study", "word_study"), ELSEWHERE, ids=[t for t, _, _ in ELSEWHERE])
def test_a_code_beside_words_of_another_modality_or_region_asks_listing_both(
    text: str, code_study: str, word_study: str
) -> None:
    reading = for_patient(KB, text)
    assert reading.status == "ambiguous", (text, reading.status, reading.study)
    assert code_study in _ids(reading) and word_study in _ids(reading)
    with pytest.raises(orders.UnknownOrder):
        orders.resolve(KB, text)


@pytest.mark.parametrize("text", [t for t, _, _ in ELSEWHERE[:6]])
def test_the_words_alone_leave_a_choice_so_the_new_rule_is_what_asks(text: str) -> None:
    _codes, words = orders.extract_codes(text)
    assert interpret(KB, words).status != "resolved"


COMPATIBLE = [
    ("77067 screening mammogram both breasts", "mammo_screening"),
    ("74177 CT abd/pelvis w contrast", "ct_abdomen_pelvis_contrast"),
    ("78816 PET/CT whole body", "pet_ct_whole_body"),
    ("76642 US left breast 2 o'clock", "us_breast"),
    ("76641 US breast and axilla", "us_breast"),  # CPT 76641 includes the axilla when performed
    ("70553 MRI brain mets protocol", "mri_head_wwo"),
    ("72146 MRI CHEST SPINE W/O DYE", "mri_spine_wo"),  # a CMS short descriptor: the thoracic spine
    ("72141^MRI NECK SPINE W/O DYE^CPT4", "mri_spine_wo"),
    ("76705 ECHO EXAM OF ABDOMEN", "us_abdomen"),
    ("78815 (PET/CT) - restaging", "pet_ct"),
    ("78815 PET/CT breast cancer staging", "pet_ct"),  # the breast: the cancer's site, not a field
    ("PA: 78815 + A9591 (fluoroestradiol F18) - approved", "fes_pet"),  # 'PA' a prior authorisation, not a view
    ("71260 Computed tomography, thorax, diagnostic; with contrast material(s)", "ct_chest_contrast"),
    (
        "78815 Positron emission tomography (PET) with concurrently acquired computed tomography (CT);"
        " skull base to mid-thigh",
        "pet_ct",
    ),
]


@pytest.mark.parametrize(("text", "pid"), COMPATIBLE, ids=[t for t, _ in COMPATIBLE])
def test_words_that_only_add_detail_the_code_has_still_resolve(text: str, pid: str) -> None:
    reading = for_patient(KB, text)
    assert (reading.status, reading.study.id if reading.study else None) == ("resolved", pid)


@pytest.mark.parametrize(
    ("code", "pid"),
    [("78815", "pet_ct"), ("77066", "mammo_diagnostic"), ("78306", "bone_scan"), ("71260", "ct_chest_contrast")],
)
def test_a_bare_code_still_resolves(code: str, pid: str) -> None:
    reading = for_patient(KB, code)
    assert reading.status == "resolved" and reading.study is not None and reading.study.id == pid


# ------------------------------------------------------------------ wrappers
def _sr(cpt: str, display: str | None = None, text: str | None = None) -> str:
    """A ServiceRequest as JSON text: one CPT coding (with its display), and the code's text."""
    coding = {"system": CPT, "code": cpt} | ({"display": display} if display else {})
    code: dict[str, Any] = {"coding": [coding]} | ({"text": text} if text else {})
    return json.dumps({"resourceType": "ServiceRequest", "status": "draft", "code": code})


@pytest.mark.parametrize(
    ("text", "code_study", "word_study"),
    [
        (
            _sr("70450", display="CT thorax"),
            "ct_head",
            "ct_chest_wo",
        ),
        (
            _sr("77067", text="MRI of breasts"),
            "mammo_screening",
            "mri_breast_wwo",
        ),
        ("OBR|1|ORD1^EHR||IMG9^MRI HEAD^L^72148^^C4|||202612030915", "mri_spine_wo", "mri_head_wo"),
    ],
    ids=["sr-display", "sr-text", "obr-alternate-cpt"],
)
def test_a_wrapper_whose_code_and_text_disagree_asks(text: str, code_study: str, word_study: str) -> None:
    reading = for_patient(KB, text)
    assert reading.status == "ambiguous"
    assert code_study in _ids(reading) and word_study in _ids(reading)


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        (
            _sr("70450", display="CT HEAD W/O CONTRAST"),
            "ct_head",
        ),
        (_sr("77066", text="mammogram"), "mammo_diagnostic"),
        ("OBR|1|||IMG9^MRI LUMBAR SPINE^L^72148^^C4", "mri_spine_wo"),
    ],
    ids=["sr-display", "sr-text", "obr-alternate-cpt"],
)
def test_a_wrapper_whose_text_agrees_with_its_code_resolves(text: str, pid: str) -> None:
    reading = for_patient(KB, text)
    assert reading.status == "resolved" and reading.study is not None and reading.study.id == pid


# ------------------------------------------------------------------ the CDS draft orders read as the text path does
def _draft(code: dict[str, Any]) -> dict[str, Any]:
    resource = {
        "resourceType": "ServiceRequest",
        "id": "d1",
        "status": "draft",
        "intent": "order",
        "subject": {"reference": "Patient/p1"},
        "code": code,
    }
    return {"resourceType": "Bundle", "entry": [{"resource": resource}]}


PAIRS = [
    ("70450", "CT thorax"),
    ("77067", "MRI of breasts"),
    ("78306", "whole spine MRI"),
    ("78815", "Mammogram diagnostic bilateral"),  # the words name a study of their own
    ("77066", "diagnostic mammogram bilateral"),
    ("74177", "CT abd/pelvis w contrast"),
    ("78815", "PET/CT skull base to mid-thigh"),
]


@pytest.mark.parametrize(("cpt", "words"), PAIRS, ids=[f"{c} {w}" for c, w in PAIRS])
@pytest.mark.parametrize("where", ["text", "display"])
def test_the_cds_draft_and_the_text_path_give_the_same_answer(cpt: str, words: str, where: str) -> None:
    coding: dict[str, str] = {"system": CPT, "code": cpt}
    code: dict[str, Any] = {"coding": [coding]}
    if where == "text":
        code["text"] = words
    else:
        coding["display"] = words
    [draft] = read_draft_orders(_draft(code), kb=KB)
    assert draft.order_text is not None
    cds, text = for_patient(KB, draft.order_text), for_patient(KB, f"{cpt} {words}")
    assert (cds.status, cds.study) == (text.status, text.study)
    assert set(_ids(cds)) == set(_ids(text))
    if cds.status == "ambiguous":
        assert interpret(KB, cpt).study in cds.choices  # the code's study is one of the choices, never the answer


def test_a_cds_draft_with_a_bare_code_is_read_as_the_code() -> None:
    [draft] = read_draft_orders(_draft({"coding": [{"system": CPT, "code": "78815"}]}), kb=KB)
    assert draft.order_text == "78815"


# ------------------------------------------------------------------ several OBR segments; escapes; the join
def test_a_second_obr_segment_makes_the_order_ask_never_the_first_alone() -> None:
    two = "OBR|1|||IMG1^US BREAST LEFT^L\rOBR|2|||IMG2^CT HEAD WO CONTRAST^L"
    assert for_patient(KB, two).status != "resolved"
    assert names(KB.vocabulary, two) == ("US BREAST LEFT and CT HEAD WO CONTRAST",)
    same = "OBR|1|||IMG1^US BREAST LEFT^L\nOBR|2|||IMG1^US BREAST LEFT^L"  # the same study twice is that study
    assert for_patient(KB, same).study is not None
    one = "OBR|1|||IMG1^US BREAST LEFT^L\rOBX|1|TX|||left 2 o'clock"  # one OBR with its results: read as before
    assert names(KB.vocabulary, one) == ("US BREAST LEFT",)


def test_hl7_escapes_are_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = order_wrappers.names

    def spy(vocab: Any, text: str) -> tuple[str, ...]:
        calls.append(text)
        return real(vocab, text)

    monkeypatch.setattr(orders, "names", spy)
    text = "CT HEAD\\E\\T\\E\\NECK W/O CONTRAST (r24p)"  # HL7 for the literal text 'CT HEAD\T\NECK ...'
    interpret(KB, text)
    assert calls == [text]  # the decoded name is read as it stands, not unwrapped (and decoded) again
    assert names(KB.vocabulary, text) == ("CT HEAD\\T\\NECK W/O CONTRAST (r24p)",)


def test_the_join_of_repetitions_is_held_to_max_name() -> None:
    many = "OBR|1|||" + "^a~" * 64
    assert order_wrappers._hl7(many) == []  # too long to join: not one name (as a too-long name is not)
    assert all(" and " not in n for n in names(KB.vocabulary, many))
    short = "OBR|1|||IMG1^MAMMO DIAG BILAT^L~IMG2^US BREAST BILAT^L"
    assert order_wrappers._hl7(short) == ["MAMMO DIAG BILAT and US BREAST BILAT"]
    assert for_patient(KB, short).status != "resolved"
