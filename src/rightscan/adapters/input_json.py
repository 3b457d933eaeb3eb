"""The JSON input contract -> domain ``Facts``.

Pydantic checks types, ranges and vocabulary at the boundary (unknown fields are rejected): the
contract's closed word lists come from ``domain.vocabulary``, the clinical vocabularies (T/N/M, symptom,
lab and marker codes) from the knowledge base. Every
rejection is an ``InputError`` whose message names the field and never echoes the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import Facts, InputError, LabValue, Tumor
from rightscan.domain.vocabulary import (
    GRADES,
    HER2_VALUES,
    HISTOLOGIES,
    LAB_GROUPS,
    PATHOLOGY_FIELDS,
    PATIENT_PREFERENCES,
    PRIOR_SURGERY,
    PURPOSES,
    RECEPTOR_VALUES,
    SETTINGS,
    SEXES,
    TOP_FIELDS,
    TUMOR_FIELDS,
)

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]  # int accepted, bool and text refused
MAX_LAB_RATIO = 100.0  # a value above 100x its ULN is taken as a unit error, not a finding


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabInput(_Model):
    value: Number = Field(ge=0)
    uln: Number = Field(gt=0, description="the laboratory's upper limit of normal, same unit as value")


class TumorInput(_Model):
    histology: Literal[HISTOLOGIES] | None = None  # type: ignore[valid-type]
    size_cm: Number | None = Field(default=None, description="largest invasive focus, cm")
    t: str | None = Field(default=None, max_length=8)
    n: str | None = Field(default=None, max_length=8)
    m: str | None = Field(default=None, max_length=8)
    grade: Annotated[int, Field(strict=True, ge=min(GRADES), le=max(GRADES))] | None = None
    er: Literal[RECEPTOR_VALUES] | None = None  # type: ignore[valid-type]
    pr: Literal[RECEPTOR_VALUES] | None = None  # type: ignore[valid-type]
    her2: Literal[HER2_VALUES] | None = None  # type: ignore[valid-type]
    inflammatory: Annotated[bool, Field(strict=True)] | None = None


class PathologyInput(_Model):
    t: str | None = Field(default=None, max_length=10)
    n: str | None = Field(default=None, max_length=14)


class PatientInput(_Model):
    age: Annotated[int, Field(strict=True, ge=18, le=120)] | None = None
    sex: Literal[SEXES] | None = None  # type: ignore[valid-type]
    setting: Literal[SETTINGS] | None = None  # type: ignore[valid-type]
    prior_surgery: Literal[PRIOR_SURGERY] | None = None  # type: ignore[valid-type]
    tumor: TumorInput = TumorInput()
    symptoms: list[Annotated[str, Field(max_length=40)]] = Field(default_factory=list, max_length=50)
    labs: dict[str, LabInput] = Field(default_factory=dict)
    tumor_markers: dict[str, LabInput] = Field(default_factory=dict)
    pathology: PathologyInput = PathologyInput()
    patient_preference: Literal[PATIENT_PREFERENCES] | None = None  # type: ignore[valid-type]
    order: str | None = Field(default=None, min_length=1, max_length=200)
    purpose: Literal[PURPOSES] | None = None  # type: ignore[valid-type]


_MESSAGES = {
    "extra_forbidden": "unknown field",
    "missing": "required",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "list_type": "must be a list",
    "string_type": "must be a string",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
}


_FREE_KEYED = LAB_GROUPS  # objects whose keys the sender chooses (checked against the knowledge)
_KNOWN_KEYS = {"labs": "lab_names", "tumor_markers": "tumor_marker_names"}  # Knowledge attribute per group
_CONTRACT_NAMES = frozenset({*TOP_FIELDS, *TUMOR_FIELDS, *PATHOLOGY_FIELDS, *LabInput.model_fields})


def safe_location(loc: Sequence[Any], body: Any = None, unknown_key: bool = False, kb: Knowledge | None = None) -> str:
    """A pydantic error location as ``a.b.c``, naming the sender's own keys by position, never by text.

    A key the sender chose (an unknown field, a lab or marker name) could carry a patient's name or
    record number. It is written out only when it is a word of the contract: one of the contract's own
    field names (for an unknown field, ``unknown_key``: the last part), or a lab or marker code of the
    knowledge base ``kb``. Any other becomes ``{key N}``, its position in the object (when the body is
    known), or ``{key}``.
    """
    parts: list[str] = []
    node = body
    for depth, part in enumerate(loc):
        if isinstance(part, str):
            parent = loc[depth - 1] if depth else None
            if parent in _FREE_KEYED:
                shown = kb is not None and part in getattr(kb, _KNOWN_KEYS[parent])
            elif unknown_key and depth == len(loc) - 1:
                shown = part in _CONTRACT_NAMES
            else:
                shown = True  # a field of the model: the contract's own word
            if shown:
                parts.append(part)
            else:
                position = list(node).index(part) + 1 if isinstance(node, dict) and part in node else None
                parts.append(f"{{key {position}}}" if position else "{key}")
            node = node.get(part) if isinstance(node, dict) else None
        else:
            parts.append(str(part))
            node = node[part] if isinstance(node, list) and isinstance(part, int) and part < len(node) else None
    return ".".join(parts)


def _validation_message(exc: ValidationError, body: Any = None, kb: Knowledge | None = None) -> InputError:
    err = exc.errors(include_input=False, include_url=False)[0]
    where = safe_location(err["loc"], body, err["type"] == "extra_forbidden", kb) or "(input)"
    return InputError(where, describe_error(err))


def describe_error(err: Any) -> str:
    """A pydantic error entry -> a short message that names the rule and never the input value."""
    kind = err["type"]
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = err.get("ctx", {})
        bound = {"greater_than_equal": ">=", "less_than_equal": "<=", "greater_than": ">", "less_than": "<"}[kind]
        limit = next(iter(ctx.values()), "?")
        message = f"must be {bound} {limit}"
    elif kind in ("string_too_long", "too_long"):
        message = "is too long"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind == "value_error":
        message = err["msg"].removeprefix("Value error, ")
    elif kind == "literal_error":
        expected = err.get("ctx", {}).get("expected")
        message = f"must be {expected}" if expected else "value not allowed"
    else:
        message = _MESSAGES.get(kind, err["msg"])
    return message


def parse_json(data: str | bytes) -> Any:
    """Parse JSON text; a syntax error becomes an ``InputError`` without quoting the text."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise InputError("(input)", f"invalid JSON at character {exc.pos}") from None


_VALIDATE_JSON = PatientInput.__pydantic_validator__.validate_json  # model_validate_json without its wrapper


def validate_json(data: str | bytes, kb: Knowledge | None = None) -> PatientInput:
    """JSON text straight to the validated model (parsed by pydantic-core; no intermediate dict). ``kb``
    lets an error name a known lab or marker code; the text is parsed again only to name a key's place."""
    try:
        return _VALIDATE_JSON(data)  # type: ignore[no-any-return]
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        if first["type"] == "json_invalid":
            raise InputError("(input)", "invalid JSON") from None
        if first["type"] == "model_type" and not first["loc"]:
            raise InputError("(input)", "must be a JSON object") from None
        try:
            body = orjson.loads(data)
        except orjson.JSONDecodeError:
            body = None
        raise _validation_message(exc, body, kb) from None


def validate(payload: Any, kb: Knowledge | None = None) -> PatientInput:
    """A decoded JSON value -> the validated model. ``kb`` lets an error name a known lab or marker code."""
    if not isinstance(payload, dict):
        raise InputError("(input)", "must be a JSON object")
    try:
        return PatientInput.model_validate(payload)
    except ValidationError as exc:
        raise _validation_message(exc, payload, kb) from None


def _refuse_unassessed(low: str, field_path: str) -> None:
    """TX / NX say the tumour or the nodes were not assessed: a missing fact, given by leaving the field out, not a
    category to stage with (an error says so rather than a silent drop; MX is no AJCC 8 category at all)."""
    if low in ("tx", "nx"):
        raise InputError(field_path, f"{low.upper()} means not assessed: leave {field_path} out instead")


def _category(raw: str | None, allowed: tuple[str, ...], field_path: str, axis: str) -> str | None:
    """'cT1c' / 'T1C' / 't1c' -> 'T1c'. A pathological prefix is refused in a clinical field."""
    if raw is None:
        return None
    if raw in allowed:
        return raw
    low = raw.strip().lower()
    _refuse_unassessed(low.removeprefix("c"), field_path)
    if low.startswith(("p", "yp", "yc", "r")) and axis != "m":
        raise InputError(field_path, "clinical category expected; put pathological pT/pN in pathology.t / pathology.n")
    if low.startswith("c"):
        low = low[1:]
    if axis == "m" and low in ("m0(i+)", "m0 (i+)"):
        low = "m0"  # M0(i+) is staged as M0 (AJCC 8)
    for cat in allowed:
        if cat.lower() == low:
            return cat
    raise InputError(field_path, f"must be one of {', '.join(allowed)} (a 'c' prefix is accepted)")


def _pathological(raw: str | None, allowed: dict[str, str] | tuple[str, ...], field_path: str) -> str | None:
    if raw is None:
        return None
    low = raw.strip().lower()
    if low.startswith("yp"):
        raise InputError(
            field_path, "post-neoadjuvant (yp) categories have no prognostic stage; give the clinical stage"
        )
    low = low.removeprefix("p")
    _refuse_unassessed(low, field_path)
    for suffix in ("(sn)", "(f)", "(m)"):
        low = low.removesuffix(suffix)
    names = allowed if isinstance(allowed, tuple) else tuple(allowed)
    for name in names:
        if name.lower() == low:
            return allowed[name] if isinstance(allowed, dict) else name
    raise InputError(field_path, f"must be one of {', '.join('p' + n for n in names)}")


def to_facts(kb: Knowledge, data: PatientInput, order_override: str | None = None) -> Facts:
    tables = kb.staging
    tu = data.tumor
    her2 = tu.her2
    # positional, in the fields' order (the hot path of every line: keywords cost more)
    tumor = Tumor(
        tu.histology,
        tu.size_cm,
        None if tu.t is None else _category(tu.t, tables.t_categories, "tumor.t", "t"),
        None if tu.n is None else _category(tu.n, tables.n_categories, "tumor.n", "n"),
        None if tu.m is None else _category(tu.m, tables.m_categories, "tumor.m", "m"),
        tu.grade,
        tu.er,
        tu.pr,
        "negative" if her2 == "equivocal" else her2,
        her2 == "equivocal",
        tu.inflammatory,
    )
    symptoms = data.symptoms
    if symptoms:
        known = kb.symptoms
        for i, code in enumerate(symptoms):
            if code not in known:
                raise InputError(f"symptoms.{i}", f"unknown symptom code; use one of {', '.join(known)}")
    labs = _labs(data.labs, kb.lab_names, "labs") if data.labs else {}
    markers = _labs(data.tumor_markers, kb.tumor_marker_names, "tumor_markers") if data.tumor_markers else {}
    if order_override is not None and data.order is not None and order_override.strip() != data.order.strip():
        raise InputError("order", "given both in the input and with --order, and they differ")
    order = order_override if order_override is not None else data.order
    if order is not None:
        order = order.strip()
        if not order:
            raise InputError("order", "must not be empty")
    pathology = data.pathology
    return Facts(
        data.age,
        data.sex,
        data.setting,
        data.prior_surgery,
        tumor,
        frozenset(symptoms),
        labs,
        markers,
        None if pathology.t is None else _pathological(pathology.t, tables.t_categories, "pathology.t"),
        None if pathology.n is None else _pathological(pathology.n, tables.pn_aliases, "pathology.n"),
        data.patient_preference,
        order,
        data.purpose,
    )


def _labs(values: dict[str, LabInput], known: dict[str, str], prefix: str) -> dict[str, LabValue]:
    out = {}
    for position, (name, lab) in enumerate(values.items(), start=1):
        if name not in known:  # the key's text is not repeated: it could be anything, a name included
            raise InputError(f"{prefix}.{{key {position}}}", f"unknown code; use one of {', '.join(known)}")
        value, uln = lab.value, lab.uln
        if value > MAX_LAB_RATIO * uln:  # NaN and infinity are refused by the schema
            raise InputError(
                f"{prefix}.{name}.value", f"implausible: more than {MAX_LAB_RATIO:g}x the ULN; check the unit"
            )
        out[name] = LabValue(float(value), float(uln))
    return out


def load_facts(kb: Knowledge, payload: Any, order_override: str | None = None) -> Facts:
    """A decoded JSON value -> Facts, or ``InputError``."""
    return to_facts(kb, validate(payload, kb), order_override)


def load_facts_json(kb: Knowledge, data: str | bytes, order_override: str | None = None) -> Facts:
    """JSON text -> Facts, or ``InputError``."""
    return to_facts(kb, validate_json(data, kb), order_override)
