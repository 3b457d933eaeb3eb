"""The clinician web form <-> the core input contract.

Form controls are named by their dotted path in the input contract (``tumor.size_cm``,
``labs.alkaline_phosphatase.uln``), so that an error the core reports for a path lands next to the
control of that path. This module only changes the *shape* of the input: text to numbers, empty to
absent, checkboxes to lists. Every clinical rule (ranges, vocabularies, size against T) is checked by
``PatientInput`` and the domain, never here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import ValidationError

from rightscan.adapters.input_json import PatientInput, describe_error, safe_location
from rightscan.adapters.json_strict import parse_strict
from rightscan.domain import orders
from rightscan.domain.knowledge import Knowledge, Procedure
from rightscan.domain.model import InputError
from rightscan.domain.vocabulary import (
    GRADES,
    HER2_VALUES,
    HISTOLOGIES,
    LAB_GROUPS,
    PRIOR_SURGERY,
    PURPOSES,
    RECEPTOR_VALUES,
    SCALAR_FIELDS,
    SETTINGS,
    SEXES,
)

# Single-value controls, in the order of the contract (lab controls are added per knowledge base), and
# the controls whose text becomes a number or a yes/no: read from the input model's own field types.
TEXT_FIELDS = SCALAR_FIELDS


def _field_type(path: str) -> Any:
    """The Python type ``PatientInput`` gives a dotted path: ``int`` for ``tumor.grade``."""
    model: Any = PatientInput
    *heads, last = path.split(".")
    for head in heads:
        model = model.model_fields[head].annotation
    kind = model.model_fields[last].annotation
    if get_origin(kind) in (Union, UnionType):
        kind = next(arg for arg in get_args(kind) if arg is not type(None))
    return get_args(kind)[0] if get_origin(kind) is Annotated else kind


INTEGER_FIELDS = frozenset(f for f in TEXT_FIELDS if _field_type(f) is int)
NUMBER_FIELDS = frozenset(f for f in TEXT_FIELDS if _field_type(f) is float)
BOOLEAN_FIELDS = frozenset(f for f in TEXT_FIELDS if _field_type(f) is bool)  # select: "yes" / "no" / empty

LABELS: dict[str, str] = {
    "setting": "Clinical setting",
    "prior_surgery": "Previous breast surgery",
    "age": "Age (years)",
    "sex": "Sex",
    "tumor.histology": "Histology",
    "tumor.size_cm": "Invasive tumour size (cm)",
    "tumor.t": "Clinical T (cT)",
    "tumor.n": "Clinical N (cN)",
    "tumor.m": "Clinical M (cM)",
    "tumor.grade": "Grade",
    "tumor.er": "ER",
    "tumor.pr": "PR",
    "tumor.her2": "HER2",
    "tumor.inflammatory": "Inflammatory carcinoma",
    "pathology.t": "Pathological T (pT)",
    "pathology.n": "Pathological N (pN)",
    "patient_preference": "The patient asks for a scan",
    "order": "Study being considered",
    "purpose": "Question the study answers",
    "symptoms": "Symptoms and signs",
    "json": "Input JSON",
}


# The words the form shows for the values of the contract's closed vocabularies (domain.vocabulary, which
# holds the values and their order) and for leaving a choice empty. A new value without words here stops
# the form from being built, so it cannot be left off the form silently.
_WORDS: dict[str, dict[str, str]] = {
    "setting": {
        "new_diagnosis": "New diagnosis (initial staging)",
        "surveillance": "Surveillance after treatment",
        "suspected_local_recurrence": "Suspected local recurrence",
        "suspected_distant_recurrence": "Suspected distant recurrence",
    },
    "prior_surgery": {"bct": "Breast-conserving therapy", "mastectomy": "Mastectomy"},
    "tumor.histology": {
        "IDC": "Invasive ductal (IDC / NST)",
        "ILC": "Invasive lobular (ILC)",
        "NOS": "Invasive, NOS",
        "mixed": "Mixed ductal/lobular",
        "DCIS": "DCIS only (no invasion)",
        "other": "Other invasive",
    },
    "purpose": {"locoregional": "Locoregional (breast, axilla)", "distant": "Distant (metastasis)"},
    "sex": {"female": "Female", "male": "Male"},
    "tumor.inflammatory": {"yes": "Yes (cT4d)", "no": "No"},
}
MAX_PROBLEMS = 20  # problems of a pasted JSON named at once
_EMPTY = {"setting": "Choose…", "prior_surgery": "None / not stated", "purpose": "As the study implies"}
_RECEPTORS = {"tumor.er": RECEPTOR_VALUES, "tumor.pr": RECEPTOR_VALUES, "tumor.her2": HER2_VALUES}


def choices(kb: Knowledge) -> dict[str, list[tuple[str, str]]]:
    """The options of each select of the form: the empty choice, then every value of the field's
    vocabulary in its order, in words."""
    values: dict[str, tuple[Any, ...]] = {
        "setting": SETTINGS,
        "prior_surgery": PRIOR_SURGERY,
        "tumor.histology": HISTOLOGIES,
        "purpose": PURPOSES,
        "sex": SEXES,
        "tumor.inflammatory": ("yes", "no"),  # a yes/no control (BOOLEAN_FIELDS)
    }
    out = {f: [("", _EMPTY.get(f, "Not stated")), *((v, _WORDS[f][v]) for v in vs)] for f, vs in values.items()}
    out["tumor.m"] = [("", "Not stated"), *((m, f"c{m}") for m in kb.staging.m_categories)]
    out["tumor.grade"] = [("", "Not stated"), *((str(g), f"Grade {g}") for g in GRADES)]
    for f, vs in _RECEPTORS.items():
        out[f] = [("", "Unknown"), *((v, f"{LABELS[f]} {v}") for v in vs)]
    return out


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One message for one input path (``field``) and the form control that shows it (``control``)."""

    field: str
    message: str
    control: str | None
    label: str


class FormErrors(Exception):
    """Every problem found in a form submission, each tied to its field."""

    def __init__(self, problems: list[FieldProblem], partial: dict[str, Any] | None = None) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems
        self.partial = partial  # the part of the form that could be read, when some of it could not


def lab_label(kb: Knowledge, group: str, name: str) -> str:
    """'alkaline phosphatase (LOINC 6768-6)' -> 'Alkaline phosphatase'."""
    names = kb.lab_names if group == "labs" else kb.tumor_marker_names
    text = names.get(name, name).split(" (", 1)[0]
    return text[:1].upper() + text[1:]


def controls(kb: Knowledge) -> list[str]:
    """Every form control name, in page order."""
    out = [*TEXT_FIELDS, "symptoms"]
    for group in LAB_GROUPS:
        for name in kb.lab_names if group == "labs" else kb.tumor_marker_names:
            out += [f"{group}.{name}.value", f"{group}.{name}.uln"]
    return out


def label_of(kb: Knowledge, path: str) -> str:
    if path in LABELS:
        return LABELS[path]
    parts = path.split(".")
    if len(parts) >= 2 and parts[0] in LAB_GROUPS:
        name = lab_label(kb, parts[0], parts[1])
        if len(parts) == 3:
            return f"{name} {'upper limit of normal' if parts[2] == 'uln' else 'value'}"
        return name
    return path


def control_for(kb: Knowledge, path: str) -> str | None:
    """The form control that shows an error reported for ``path`` (its closest enclosing control)."""
    known = set(controls(kb))
    parts = path.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
        if len(parts) == 2 and parts[0] in LAB_GROUPS:  # labs.ast (both fields) -> the value control
            value = f"{candidate}.value"
            if value in known:
                return value
        parts.pop()
    return None


def problem(kb: Knowledge, field: str, message: str) -> FieldProblem:
    control = control_for(kb, field)
    return FieldProblem(field, message, control, label_of(kb, control or field))


# ------------------------------------------------------------------------------------------ form -> contract
def _get(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return None
    return value


def _set(payload: dict[str, Any], path: str, value: Any) -> None:
    *heads, last = path.split(".")
    target = payload
    for head in heads:
        target = target.setdefault(head, {})
    target[last] = value


def contract_from_form(kb: Knowledge, form: Mapping[str, Any], symptoms: Iterable[str] = ()) -> dict[str, Any]:
    """Form fields (all text) -> a dict in the core input contract. Empty controls are left out.

    Raises ``FormErrors`` for text that is not a number where a number is asked, and for a lab value
    given without its upper limit of normal (or the reverse).
    """
    payload: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for name in TEXT_FIELDS:
        text = _get(form, name)
        if not text:
            continue
        if name in INTEGER_FIELDS:
            number = _number(text)
            if number is None or not number.is_integer():
                problems.append(problem(kb, name, "must be a whole number"))
                continue
            _set(payload, name, int(number))
        elif name in NUMBER_FIELDS:
            number = _number(text)
            if number is None:
                problems.append(problem(kb, name, "must be a number (for example 1.8)"))
                continue
            _set(payload, name, number)
        elif name in BOOLEAN_FIELDS:
            if text not in ("yes", "no"):
                problems.append(problem(kb, name, "must be yes, no or not stated"))
                continue
            _set(payload, name, text == "yes")
        else:
            _set(payload, name, text)
    chosen = [s.strip() for s in symptoms if s and s.strip()]
    if chosen:
        payload["symptoms"] = list(dict.fromkeys(chosen))
    for group in LAB_GROUPS:
        for name in kb.lab_names if group == "labs" else kb.tumor_marker_names:
            value_text, uln_text = _get(form, f"{group}.{name}.value"), _get(form, f"{group}.{name}.uln")
            if not value_text and not uln_text:
                continue
            entry: dict[str, float] = {}
            for part, text in (("value", value_text), ("uln", uln_text)):
                path = f"{group}.{name}.{part}"
                if not text:
                    message = (
                        "enter the laboratory's upper limit of normal (ULN) with the value"
                        if part == "uln"
                        else "enter the value with its upper limit of normal"
                    )
                    problems.append(problem(kb, path, message))
                    continue
                number = _number(text)
                if number is None:
                    problems.append(problem(kb, path, "must be a number"))
                    continue
                entry[part] = number
            if len(entry) == 2:
                payload.setdefault(group, {})[name] = entry
    if problems:
        raise FormErrors(problems, payload)
    return payload


def check_form(kb: Knowledge, form: Mapping[str, Any], symptoms: Iterable[str] = ()) -> PatientInput:
    """Form fields -> validated ``PatientInput``. Every problem is reported at once: text that is not a
    number, and what ``PatientInput`` refuses among the other fields."""
    try:
        return validate(kb, contract_from_form(kb, form, symptoms))
    except FormErrors as exc:
        if exc.partial is None:
            raise
        problems, partial = list(exc.problems), exc.partial
    try:
        validate(kb, partial)
    except FormErrors as more:
        seen = {p.field for p in problems}
        problems += [p for p in more.problems if p.field not in seen]
    raise FormErrors(problems)


def contract_from_json(kb: Knowledge, text: str) -> dict[str, Any]:
    """The pasted core input JSON -> a dict (syntax checked only; ``validate`` checks the rest)."""
    if not text.strip():
        raise FormErrors([FieldProblem("json", "paste the input JSON first", "json", LABELS["json"])])
    try:
        payload = parse_strict(text)  # a repeated key is refused, naming its place
    except InputError as exc:
        raise FormErrors([FieldProblem("json", exc.message, "json", LABELS["json"])]) from None
    if not isinstance(payload, dict):
        raise FormErrors([FieldProblem("json", "must be a JSON object", "json", LABELS["json"])])
    return payload


def validate(kb: Knowledge, payload: dict[str, Any]) -> PatientInput:
    """The contract dict -> ``PatientInput``; every validation error is reported, each on its field."""
    try:
        return PatientInput.model_validate(payload)
    except ValidationError as exc:
        problems = []
        errors = exc.errors(include_input=False, include_url=False)
        # bounded work: naming a sender's key costs a search of its object, so 20,000 unknown keys cost
        # seconds; the first problems are named, and the rest counted
        for err in errors[:MAX_PROBLEMS]:
            where = safe_location(err["loc"], payload, err["type"] == "extra_forbidden", kb) or "(input)"
            problems.append(problem(kb, where, describe_error(err)))
        if len(errors) > MAX_PROBLEMS:
            more = f"{len(errors) - MAX_PROBLEMS} more problems not listed; fix these first"
            problems.append(FieldProblem("(input)", more, "json", LABELS["json"]))
        raise FormErrors(problems) from None


# ------------------------------------------------------------------------------------------ contract -> form
def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else str(value)
    return "" if value is None else str(value)


def form_from_contract(kb: Knowledge, payload: Mapping[str, Any]) -> tuple[dict[str, str], list[str]]:
    """A contract dict (e.g. a logged decision's facts) -> form values and the checked symptoms.

    Values the form cannot show (unknown keys) are left out: the form never invents facts.
    """
    values: dict[str, str] = {}
    for name in TEXT_FIELDS:
        target: Any = payload
        for part in name.split("."):
            target = target.get(part) if isinstance(target, Mapping) else None
        if target is not None:
            values[name] = _text(target)
    for group in LAB_GROUPS:
        labs = payload.get(group) or {}
        if isinstance(labs, Mapping):
            for name, lab in labs.items():
                if isinstance(lab, Mapping):
                    values[f"{group}.{name}.value"] = _text(lab.get("value"))
                    values[f"{group}.{name}.uln"] = _text(lab.get("uln"))
    symptoms = [s for s in payload.get("symptoms") or [] if isinstance(s, str)]
    return values, symptoms


# ------------------------------------------------------------------------------------------ study search
@dataclass(frozen=True, slots=True)
class ProcedureMatch:
    """A catalogue study the search text matched, and the name, synonym or code it matched."""

    procedure: Procedure
    matched: str

    def to_dict(self) -> dict[str, Any]:
        """The search answer's entry (``interfaces.http.schemas.ProcedureMatch``)."""
        p = self.procedure
        return {
            "id": p.id,
            "name": p.name,
            "cpt": list(p.cpt),
            "synonyms": list(p.synonyms),
            "matched": self.matched,
            "purpose": p.purpose,
            "rrl": p.rrl,
            "adult_dose_msv": p.adult_dose_msv,
        }


def search_procedures(kb: Knowledge, text: str, limit: int = 8) -> list[ProcedureMatch]:
    """Catalogue entries for the study field, best first.

    Ranking: the study the order resolver reads the text as, then the resolver's own choices when the
    text is ambiguous or unknown (the same "did you mean" an evaluation gets), then names, synonyms and
    codes that start with the text, then those that contain it (autocomplete while typing).
    """
    text = text[:200]
    key = orders.normalise(text)
    if key.startswith("cpt "):
        key = key[4:]
    if not key:
        return []
    ranked: dict[str, tuple[int, str]] = {}  # procedure id -> (rank, matched text)
    reading = orders.interpret(kb, text)
    if reading.study is not None:
        ranked[reading.study.id] = (0, text.strip())
    for n, choice in enumerate(reading.choices):
        ranked.setdefault(choice.id, (1 + n, choice.name))
    base = 1 + len(reading.choices)
    for proc in kb.procedures.values():
        for term in (proc.name, *proc.synonyms, *proc.cpt):
            norm = orders.normalise(term)
            rank = base if norm.startswith(key) else (base + 1 if key in norm else None)
            if rank is not None and (proc.id not in ranked or rank < ranked[proc.id][0]):
                ranked[proc.id] = (rank, term)
    order = list(kb.procedures)
    best = sorted(ranked.items(), key=lambda kv: (kv[1][0], order.index(kv[0])))[:limit]
    return [ProcedureMatch(kb.procedures[pid], matched) for pid, (_, matched) in best]


# The reference patient of the README (58F, 1.8 cm grade 2 IDC, ER+/PR+/HER2-, PET/CT), as form values.
EXAMPLE_PATIENT: dict[str, Any] = {
    "age": 58,
    "sex": "female",
    "setting": "new_diagnosis",
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
    "labs": {
        "alkaline_phosphatase": {"value": 95, "uln": 120},
        "ast": {"value": 22, "uln": 40},
        "alt": {"value": 19, "uln": 40},
        "bilirubin": {"value": 0.6, "uln": 1.2},
    },
    "order": "PET/CT",
}
