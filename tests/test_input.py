"""Bad input gets a clear error naming the field, and never echoes patient text."""

from __future__ import annotations

import pytest

from conftest import patient
from rightscan.api import InputError, evaluate, evaluate_json
from rightscan.domain.orders import UnknownOrder


def error_of(payload: object, order: str | None = None) -> InputError:
    with pytest.raises(InputError) as info:
        evaluate(payload, order)  # type: ignore[arg-type]
    return info.value


@pytest.mark.parametrize(
    ("payload", "field", "words"),
    [
        (patient({"size_cm": 40}), "tumor.size_cm", "at most 30"),
        (patient({"size_cm": 0}), "tumor.size_cm", "above 0"),
        (patient({"size_cm": -1.5}), "tumor.size_cm", "above 0"),
        (patient({"size_cm": "big"}), "tumor.size_cm", "number"),
        (patient({"size_cm": True}), "tumor.size_cm", "number"),
        (patient({"t": "T5"}), "tumor.t", "must be one of"),
        (patient({"t": "pT2", "size_cm": None}), "tumor.t", "pathology.t"),
        (patient({"n": "N4"}), "tumor.n", "must be one of"),
        (patient({"m": "MX"}), "tumor.m", "must be one of"),
        (patient({"grade": 4}), "tumor.grade", "<= 3"),
        (patient({"grade": "2"}), "tumor.grade", "whole number"),
        (patient({"er": "weak"}), "tumor.er", "positive"),
        (patient({"histology": "sarcoma"}), "tumor.histology", "IDC"),
        (patient({"inflammatory": "yes"}), "tumor.inflammatory", "true or false"),
        (patient(age=-1), "age", ">= 18"),
        (patient(age=130), "age", "<= 120"),
        (patient(age=58.5), "age", "whole number"),
        (patient(setting="screening"), "setting", "new_diagnosis"),
        # an unknown key the sender chose is named by its place (13th key, 11th of tumor), never by its text ...
        (patient(foo=1), "{key 13}", "unknown field"),
        (patient({"colour": "red"}), "tumor.{key 11}", "unknown field"),
        (patient(labs={"janedoe_mrn4711": {"value": "x"}}), "labs.{key 1}.value", "number"),
        # ... unless it is a word of the contract itself, in the wrong place
        (patient({"age": 58}), "tumor.age", "unknown field"),
        (patient(symptoms=["itchy_elbow"]), "symptoms.0", "unknown symptom"),
        # an unknown lab key is named by its position, never by its text (it could be anything; issue 10)
        (patient(labs={"ldh": {"value": 1, "uln": 2}}), "labs.{key 1}", "unknown code"),
        (patient(labs={"alkaline_phosphatase": {"value": -5, "uln": 120}}), "labs.alkaline_phosphatase.value", ">= 0"),
        (patient(labs={"alkaline_phosphatase": {"value": 5, "uln": 0}}), "labs.alkaline_phosphatase.uln", "> 0"),
        (
            patient(labs={"alkaline_phosphatase": {"value": 50000, "uln": 120}}),
            "labs.alkaline_phosphatase.value",
            "implausible",
        ),
        (patient(labs={"alkaline_phosphatase": {"value": 5}}), "labs.alkaline_phosphatase.uln", "required"),
        (patient(pathology={"t": "ypT2", "n": None}), "pathology.t", "post-neoadjuvant"),
        (patient(pathology={"t": None, "n": "pN9"}), "pathology.n", "must be one of"),
        # "not assessed" is a missing fact: the message says to leave the field out, it is not silently dropped
        (patient(pathology={"t": None, "n": "pNX"}), "pathology.n", "leave pathology.n out"),
        (patient({"n": "cNX"}), "tumor.n", "leave tumor.n out"),
        (patient({"t": "TX", "size_cm": None}), "tumor.t", "leave tumor.t out"),
        (patient(purpose="systemic"), "purpose", "locoregional"),
        (patient({"t": "T2"}), "tumor.t", "disagrees with tumor.size_cm"),
        (patient({"t": "T0"}), "tumor.size_cm", "contradicts T0"),
        (patient({"inflammatory": True, "t": "T2", "size_cm": None}), "tumor.inflammatory", "T4d"),
        (patient({"histology": "DCIS", "t": "T2", "size_cm": None}), "tumor.t", "DCIS"),
        ([1, 2], "(input)", "JSON object"),
    ],
)
def test_invalid_input_names_the_field(payload: object, field: str, words: str) -> None:
    err = error_of(payload)
    assert err.field == field
    assert words in str(err)
    assert str(err).startswith(f"{field}: ")


def test_unknown_order_is_an_error_with_close_matches_not_a_guess() -> None:
    # issue 8: a limited bone scan is not the whole-body study the catalogue rates; it is offered, not picked
    with pytest.raises(UnknownOrder) as info:
        evaluate(patient(order="NM bone scan limited"))
    assert info.value.field == "order"
    assert "Bone Scan Whole Body" in info.value.suggestions
    with pytest.raises(UnknownOrder) as info:
        evaluate(patient(order="mammogram"))  # screening or diagnostic? the resolver asks
    assert {"Mammography Diagnostic", "Mammography Screening"} <= set(info.value.suggestions)
    with pytest.raises(UnknownOrder):
        evaluate(patient(order="99999"))


def test_a_typo_in_a_vocabulary_word_is_read_not_refused() -> None:
    # issue 8 changed this: "bone scna" used to be refused; one-letter typos are corrected word by word
    assert evaluate(patient(order="bone scna"))["order"]["procedure_id"] == "bone_scan"


def test_order_given_twice_and_differently_is_refused() -> None:
    err = error_of(patient(order="PET/CT"), order="bone scan")
    assert err.field == "order"
    # the same order twice is fine
    assert evaluate(patient(order="PET/CT"), "PET/CT")["order"]["procedure"].startswith("FDG-PET/CT")


def test_t4d_with_inflammatory_false_is_a_contradiction() -> None:
    assert error_of(patient({"t": "T4d", "size_cm": None})).field == "tumor.inflammatory"


def test_malformed_json_is_an_input_error_without_echo() -> None:
    with pytest.raises(InputError) as info:
        evaluate_json(b'{"age": 58, "note": "Jane Doe has bone pain"')
    assert "Jane" not in str(info.value)
    assert "invalid JSON" in str(info.value)


def test_error_messages_never_echo_the_offending_value() -> None:
    secret = "Mrs Example Patient"
    for payload in (patient(setting=secret), patient({"t": secret[:8]}), patient(symptoms=[secret])):
        assert "Example" not in str(error_of(payload))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("cT1c", "cT1c"), ("T1C", "cT1c"), ("t1mi", "cT1mi"), ("cTis", "cTis"), ("T4D", "cT4d")],
)
def test_t_spellings_are_normalised(raw: str, expected: str) -> None:
    tumor = {"t": raw, "size_cm": None, "histology": "IDC", "inflammatory": None}
    d = evaluate(patient(tumor))
    assert d["stage"]["t"] == expected


def test_order_spellings_and_codes_meet_the_same_procedure() -> None:
    names = {
        evaluate(patient(order=o))["order"]["procedure"]
        for o in ("PET/CT", "pet-ct", "PET CT", "78815", "CPT 78815", "fdg-pet/ct skull base to mid-thigh")
    }
    assert names == {"FDG-PET/CT Skull Base to Mid-Thigh"}
