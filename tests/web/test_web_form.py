"""The form adapter in process: form text <-> the core input contract. No rule is decided here."""

from __future__ import annotations

import pytest

from conftest import patient
from rightscan.adapters import web_form
from rightscan.api import evaluate

from .conftest import REFERENCE_FORM


def test_reference_form_becomes_the_core_contract(kb) -> None:  # type: ignore[no-untyped-def]
    payload = web_form.contract_from_form(kb, REFERENCE_FORM)
    assert payload == {
        "setting": "new_diagnosis",
        "age": 58,
        "sex": "female",
        "tumor": {
            "histology": "IDC",
            "size_cm": 1.8,
            "n": "N0",
            "m": "M0",
            "grade": 2,
            "er": "positive",
            "pr": "positive",
            "her2": "negative",
        },
        "labs": {"alkaline_phosphatase": {"value": 95.0, "uln": 120.0}},
        "order": "PET/CT",
    }
    # Same verdict and rating as the README's reference patient (which also gives the liver tests).
    from_form, reference = evaluate(payload), evaluate(patient())
    assert from_form["summary"] == reference["summary"]
    assert from_form["order"]["category"] == reference["order"]["category"] == "Usually Not Appropriate"


def test_empty_controls_are_absent_never_defaulted(kb) -> None:  # type: ignore[no-untyped-def]
    assert web_form.contract_from_form(kb, {"tumor.size_cm": "", "tumor.grade": " ", "order": ""}) == {}
    assert web_form.contract_from_form(kb, {"tumor.inflammatory": "no"}) == {"tumor": {"inflammatory": False}}


def test_decimal_comma_and_symptoms(kb) -> None:  # type: ignore[no-untyped-def]
    payload = web_form.contract_from_form(kb, {"tumor.size_cm": "1,8"}, ["bone_pain", "bone_pain", "cough"])
    assert payload == {"tumor": {"size_cm": 1.8}, "symptoms": ["bone_pain", "cough"]}


@pytest.mark.parametrize(
    ("form", "field", "control"),
    [
        ({"tumor.size_cm": "big"}, "tumor.size_cm", "tumor.size_cm"),
        ({"age": "58.5"}, "age", "age"),
        ({"labs.ast.value": "22"}, "labs.ast.uln", "labs.ast.uln"),
        ({"labs.ast.uln": "40"}, "labs.ast.value", "labs.ast.value"),
        ({"tumor.inflammatory": "maybe"}, "tumor.inflammatory", "tumor.inflammatory"),
    ],
)
def test_unreadable_text_names_its_field(kb, form, field, control) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(web_form.FormErrors) as info:
        web_form.check_form(kb, form)
    [problem] = info.value.problems
    assert (problem.field, problem.control) == (field, control)


def test_validation_reports_every_field_with_its_label(kb) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(web_form.FormErrors) as info:
        web_form.check_form(kb, {"tumor.size_cm": "x", "age": "12", "tumor.er": "weak"})
    got = {(p.control, p.label) for p in info.value.problems}
    assert got == {("tumor.size_cm", "Invasive tumour size (cm)"), ("age", "Age (years)"), ("tumor.er", "ER")}


@pytest.mark.parametrize(
    ("path", "control"),
    [
        ("symptoms.3", "symptoms"),
        ("labs.ast", "labs.ast.value"),
        ("labs.alkaline_phosphatase.value", "labs.alkaline_phosphatase.value"),
        ("tumor.t", "tumor.t"),
        ("tumor", None),
        ("(input)", None),
    ],
)
def test_error_paths_map_to_form_controls(kb, path, control) -> None:  # type: ignore[no-untyped-def]
    assert web_form.control_for(kb, path) == control


def test_contract_round_trips_through_the_form(kb) -> None:  # type: ignore[no-untyped-def]
    contract = patient(symptoms=["bone_pain"], tumor_markers={"cea": {"value": 2.5, "uln": 5}})
    values, symptoms = web_form.form_from_contract(kb, contract)
    assert values["tumor.size_cm"] == "1.8" and values["labs.bilirubin.uln"] == "1.2" and symptoms == ["bone_pain"]
    again = web_form.contract_from_form(kb, values, symptoms)
    assert evaluate(again) == evaluate(contract)


def test_example_patient_is_the_readme_reference_patient() -> None:
    import json

    from conftest import ROOT

    reference = json.loads((ROOT / "examples" / "reference_patient.json").read_text())

    def strip(value):  # type: ignore[no-untyped-def]
        if isinstance(value, dict):
            kept = {k: strip(v) for k, v in value.items()}
            return {k: v for k, v in kept.items() if v not in (None, {}, [], False)}
        return value

    assert strip(web_form.EXAMPLE_PATIENT) == strip(reference)


def test_every_select_offers_exactly_the_values_the_contract_accepts(kb) -> None:  # type: ignore[no-untyped-def]
    """Each choice the form offers, read back through the form adapter, is accepted by the core; and
    every value of the contract's closed vocabularies is offered (none re-spelled or left off)."""
    from rightscan.domain import vocabulary

    choices = web_form.choices(kb)
    expected = {
        "setting": vocabulary.SETTINGS,
        "prior_surgery": vocabulary.PRIOR_SURGERY,
        "tumor.histology": vocabulary.HISTOLOGIES,
        "purpose": vocabulary.PURPOSES,
        "sex": vocabulary.SEXES,
        "tumor.er": vocabulary.RECEPTOR_VALUES,
        "tumor.pr": vocabulary.RECEPTOR_VALUES,
        "tumor.her2": vocabulary.HER2_VALUES,
        "tumor.grade": tuple(str(g) for g in vocabulary.GRADES),
        "tumor.m": kb.staging.m_categories,
    }
    for name, values in expected.items():
        offered = choices[name]
        assert offered[0][0] == "", f"{name}: the first option leaves the field empty"
        assert tuple(v for v, _ in offered[1:]) == tuple(values), name
        assert all(text.strip() for _, text in offered), name
    for name, offered in choices.items():
        for value, _ in offered[1:]:
            web_form.check_form(kb, {**REFERENCE_FORM, name: value})  # raises FormErrors if the core refuses it
