"""Order-name classes found by the v24 blind order list (orders as interfaces and standards hand them over), in our
own words.

An HL7 v2 OBR segment or OBR-4 field (its text components; escape sequences decoded), a FHIR ServiceRequest given as
JSON text (its codes, code.text and coding displays, with the body site), LOINC long common names of a hybrid
("PT+CT"), another national catalogue's item number beside its descriptor ("MBS", "OHIP"), a cancer's TNM category
after the study, and dictation's mishearings. Each class with the wordings that must still ask.
"""

from __future__ import annotations

import json
import time

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.order_wrappers import names, unescape
from rightscan.domain.orders import interpret

KB = load_knowledge()


def _service_request(code: dict[str, object], **more: object) -> str:
    return json.dumps({"resourceType": "ServiceRequest", "status": "draft", "code": code, **more})


# ------------------------------------------------------------------ HL7 v2: OBR-4 and escape sequences
@case(
    [
        ("OBR|1|PL1234^HIS|FL9876^RIS|CT445^CT ABD\\T\\PELVIS WITH CONTRAST^L", "ct_abdomen_pelvis_contrast"),
        ("OBR|1|||MR88^MR BRAIN W\\T\\WO CONTRAST^99LOCAL|||20261201", "mri_head_wwo"),
        ("OBR|1|A1^X|B2^Y|US3^US BREAST RIGHT^L^^^|||", "us_breast"),
        ("OBR|1|||^^^NM100^NM BONE SCAN WHOLE BODY^L", "bone_scan"),  # the alternate text when the text is empty
        ("OBR|1|||77067^SCREENING MAMMOGRAPHY BILAT^CPT4", "mammo_screening"),  # a CPT identifier read with its text
        ("MG551^MAMMO SCREEN BILAT W\\S\\ CAD^L", "mammo_screening"),  # the OBR-4 field alone
        ("CT CHEST\\T\\ABDOMEN\\T\\PELVIS W IV CONTRAST", "ct_cap_contrast"),  # an escaped text component alone
        ("XR CHEST 2 VIEWS PA\\T\\LATERAL\\H\\\\N\\", "xray_chest"),  # highlighting states nothing
    ]
)
def test_an_obr_segment_is_read_by_the_text_of_its_universal_service_identifier(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "OBR|1|ORD1^EPIC||IMG1^MAMMOGRAM^L",  # a bare mammogram still asks
        "OBR|1|||MG77^MAMMO DIAG LT^L~US9^US BREAST LT^L",  # a repeated field: two studies, never the first
        "OBR|1|||MG12^MG DIAG RT\\R\\US BREAST RT^L",  # an escaped repetition: two studies
        "OBR|1|||77067^DX MAMMO LEFT^CPT4",  # the code says screening, the text diagnostic
        "OBR|1|||MR5^MRI BREAST^L",  # the contrast left open
        "OBR|1",  # no OBR-4
        "CT\\T\\MRI head",  # two modalities
    ],
)
def test_an_obr_segment_still_asks_where_its_text_does(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_the_local_coding_system_is_no_side_and_escapes_decode() -> None:
    # "^L" is the local coding system, not the left side: a chest radiograph is no breast study of a side
    assert interpret(KB, "OBR|1|||XR9^XR CHEST PA\\T\\LAT^L").attributes["laterality"] is None
    assert unescape("A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F\\.br\\G") == "A|B^C&D~E\\F G"
    assert names(KB.vocabulary, "CT head") == ("CT head",)


# ------------------------------------------------------------------ FHIR ServiceRequest as JSON text
@case(
    [
        (_service_request({"text": "CT thorax with IV contrast"}), "ct_chest_contrast"),
        (_service_request({"concept": {"text": "US left breast"}}), "us_breast"),  # R5: a CodeableReference
        (
            _service_request(
                {"coding": [{"system": "http://snomed.info/sct", "display": "Bone scintigraphy whole body"}]}
            ),
            "bone_scan",
        ),
        (
            _service_request(
                {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "77067"}], "text": "Mammo"}
            ),
            "mammo_screening",
        ),
        (
            _service_request({"text": "Ultrasound scan"}, bodySite=[{"coding": [{"display": "Left axilla"}]}]),
            "us_axilla",
        ),
        (
            _service_request(
                {"text": "Screening mammogram", "coding": [{"display": "Screening mammography of both breasts"}]}
            ),
            "mammo_screening",
        ),
    ]
)
def test_a_fhir_service_request_is_read_by_its_code(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        _service_request({"text": "Mammogram"}),  # still a bare mammogram
        _service_request(
            {"text": "MRI breast without contrast", "coding": [{"display": "MRI of breast with contrast"}]}
        ),
        _service_request({"text": "Breast imaging"}),
        _service_request({"coding": []}),
        '{"resourceType": "ServiceRequest", "code": ' + "[" * 50_000,  # no JSON: read as text, names nothing
    ],
)
def test_a_fhir_service_request_still_asks_where_its_names_do(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_a_wrapper_is_read_in_bounded_time() -> None:
    hostile = ["\\T\\" * 20_000, "MBS" + " " * 20_000 + "1", "OBR" + "|" * 50_000, "1^" * 30_000 + "L"]
    start = time.thread_time()
    for text in hostile:
        assert names(KB.vocabulary, text)
    assert time.thread_time() - start < 2.0


# ------------------------------------------------------------------ LOINC long common names of a hybrid
@case(
    [
        ("PT+CT Skull base to mid-thigh", "pet_ct"),
        ("PT+CT Whole body W 18F-FDG IV", "pet_ct_whole_body"),
        ("PT+MR Whole body W 18F-FDG IV", "pet_mri"),
        ("PT+CT Skull base to mid-thigh W 18F-FES IV", "fes_pet"),
    ]
)
def test_loinc_hybrid_names_are_one_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize("text", ["PT+CT Whole body and skull base to mid-thigh", "PT and CT chest"])
def test_loinc_hybrid_names_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ another catalogue's item number
@case(
    [
        ("MBS item 55076 - Breast ultrasound, left", "us_breast"),
        ("CT of the brain without contrast (Medicare item 56001)", "ct_head"),
        ("OHIP X126 CT head", "ct_head"),
        ("Mammography of one breast, symptoms of malignancy found on examination (MBS 59303)", "mammo_diagnostic"),
    ]
)
def test_another_catalogues_item_number_is_no_cpt_code(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "MBS 77067",  # the number is the schedule's, not CPT 77067
        "Mammography of both breasts (MBS 59300)",  # screening or diagnostic: not said
        "Screening mammogram - suspected malignancy",  # a contradiction
        "Mammogram, no symptoms of malignancy",  # a sign denied makes no intent
    ],
)
def test_another_catalogues_item_number_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_a_cpt_code_is_still_read() -> None:
    assert study("CPT 77067") == "mammo_screening"


# ------------------------------------------------------------------ a TNM category is what the study is for
@case(
    [
        ("MRI breast w/wo - ypT1cN0 R breast", "mri_breast_wwo"),
        ("Bone scan, pT2N1M0 left breast", "bone_scan"),
        ("CT C/A/P with contrast - restaging, cT4bN2 right breast", "ct_cap_contrast"),
    ]
)
def test_a_tnm_category_is_the_indication(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize("text", ["MRI breast - cT3N1 L breast", "MRI brain T1 T2 - cT2N0", "Mammogram - pT1N0"])
def test_a_tnm_category_states_no_study(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ dictation's mishearings
@case(
    [
        ("mammogram die agnostic right breast", "mammo_diagnostic"),
        ("ultrasound write axilla", "us_axilla"),
        ("axle area ultrasound right", "us_axilla"),
        ("pet seat tea whole body", "pet_ct_whole_body"),
        ("diagnostic mammogram left breast three month follow up", "mammo_diagnostic"),
        ("breast ultrasound left two o'clock", "us_breast"),
    ]
)
def test_dictation_mishearings_are_read_as_heard(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "mammogram write breast",  # screening or diagnostic: not said
        "axle area ultrasound and breast ultrasound",  # two studies
        "seat tea chest",  # the contrast left open
        "pet seat tea and bone scan",  # two studies
    ],
)
def test_dictation_mishearings_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)
