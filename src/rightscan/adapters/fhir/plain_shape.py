"""A fast, conservative pre-check that a FHIR resource is plainly valid, before the full model validation.

Validating one resource against its fhir.resources model costs ~0.15 ms (pydantic plus fhir_core's
Python validators on every nested element), which made validation about half of the CPU of an
order-select call bringing new data. Most resources an EHR sends use a handful of elements of a
handful of data types. :func:`plainly_valid` walks such a resource once, checking each element
against a small table of the R4B elements RightScan sees (types, cardinality, choice elements,
required elements, the primitive types' formats as fhir_core defines them), and answers:

- ``True``: every element is in the table and passes a check at least as strict as the model's, so the
  full validation would accept it too (a differential test mutates resources to hold this);
- ``False``: anything else (an element not in the table, a ``_primitive`` extension, a null, an empty
  list or string, a value it is not sure of). The caller then runs the full validation, which accepts
  the resource or names the failing element exactly as before.

It never refuses anything itself, so error messages and the set of accepted resources are unchanged.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from fhir_core import constraints
from fhir_core.types import Date, DateTime, Decimal

# Primitive formats: the patterns fhir_core validates with, matched in full (fhir_core searches some of
# them, which accepts more); strings must also be non-empty without surrounding whitespace.
_DATE = Date.pattern
_DATETIME = DateTime.pattern
_DECIMAL = Decimal.pattern
_CODE = re.compile(r"[^\s]+(\s[^\s]+)*")
_STRING = re.compile(r"[ \r\n\t\S]+")
_URI = re.compile(r"\S+")
_ID = re.compile(constraints.TYPES_ID_PATTERN)
_ID_MAX = min(64, constraints.TYPES_ID_MAX_LENGTH or 64)
_INT32 = (-2_147_483_648, 2_147_483_647)


def _string(v: Any) -> bool:
    return type(v) is str and v != "" and v == v.strip() and _STRING.fullmatch(v) is not None


def _code(v: Any) -> bool:
    return type(v) is str and _CODE.fullmatch(v) is not None


def _uri(v: Any) -> bool:
    return type(v) is str and _URI.fullmatch(v) is not None


def _id(v: Any) -> bool:
    return type(v) is str and 0 < len(v) <= _ID_MAX and _ID.fullmatch(v) is not None


def _boolean(v: Any) -> bool:
    return type(v) is bool


def _integer(v: Any) -> bool:
    return type(v) is int and _INT32[0] <= v <= _INT32[1]


def _decimal(v: Any) -> bool:
    if type(v) is int:
        return abs(v) < 10**15
    return type(v) is float and math.isfinite(v) and _DECIMAL.fullmatch(str(v)) is not None


def _date(v: Any) -> bool:
    if type(v) is not str or _DATE.fullmatch(v) is None:
        return False
    if len(v) == 10:  # a full date must be a real day
        try:
            date.fromisoformat(v)
        except ValueError:
            return False
    return True


def _datetime(v: Any) -> bool:
    if type(v) is not str or _DATETIME.fullmatch(v) is None:
        return False
    if len(v) < 10:
        return True  # a year or a year and month: the pattern is the whole check
    try:
        parsed = datetime.fromisoformat(v)
    except ValueError:  # an impossible day, a leap second: not sure
        return False
    return "T" not in v or parsed.tzinfo is not None


# The primitive types: a checker each.
_PRIMITIVES = {
    "string": _string,
    "markdown": _string,
    "code": _code,
    "uri": _uri,
    "canonical": _uri,
    "id": _id,
    "boolean": _boolean,
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
    "dateTime": _datetime,
}


# Each data type RightScan reads and its elements, one entry a line (a line that starts with blanks continues
# the entry above): ``name:type``, where the type is a primitive above or another entry, and ``*`` marks a list
# (0..*). The resource types also have the elements every resource has (``_RESOURCE_ELEMENTS``).
_ELEMENTS = """
Coding                    system:uri version:string code:code display:string userSelected:boolean
CodeableConcept           coding:Coding* text:string
Reference                 reference:string type:uri display:string
Identifier                use:code type:CodeableConcept system:uri value:string
Quantity                  value:decimal comparator:code unit:string system:uri code:code
SimpleQuantity            value:decimal unit:string system:uri code:code
Period                    start:dateTime end:dateTime
Range                     low:SimpleQuantity high:SimpleQuantity
Annotation                text:markdown
Meta                      profile:canonical*
Extension                 url:uri valueString:string valueCode:code valueBoolean:boolean valueInteger:integer
                          valueDecimal:decimal valueDate:date valueDateTime:dateTime valueCoding:Coding
                          valueCodeableConcept:CodeableConcept valueQuantity:Quantity valueReference:Reference
ObservationReferenceRange low:SimpleQuantity high:SimpleQuantity type:CodeableConcept text:string
ObservationComponent      code:CodeableConcept valueQuantity:Quantity valueCodeableConcept:CodeableConcept
                          valueString:string interpretation:CodeableConcept*
Patient                   identifier:Identifier* active:boolean gender:code birthDate:date deceasedBoolean:boolean
                          deceasedDateTime:dateTime
Condition                 identifier:Identifier* clinicalStatus:CodeableConcept verificationStatus:CodeableConcept
                          category:CodeableConcept* severity:CodeableConcept code:CodeableConcept
                          bodySite:CodeableConcept* subject:Reference onsetDateTime:dateTime onsetPeriod:Period
                          recordedDate:dateTime note:Annotation*
Observation               identifier:Identifier* status:code category:CodeableConcept* code:CodeableConcept
                          subject:Reference focus:Reference* effectiveDateTime:dateTime effectivePeriod:Period
                          valueQuantity:Quantity valueCodeableConcept:CodeableConcept valueString:string
                          valueBoolean:boolean valueInteger:integer interpretation:CodeableConcept* note:Annotation*
                          bodySite:CodeableConcept method:CodeableConcept referenceRange:ObservationReferenceRange*
                          hasMember:Reference* derivedFrom:Reference* component:ObservationComponent*
Procedure                 identifier:Identifier* status:code category:CodeableConcept code:CodeableConcept
                          subject:Reference performedDateTime:dateTime performedPeriod:Period
                          bodySite:CodeableConcept* reasonCode:CodeableConcept* note:Annotation*
ServiceRequest            identifier:Identifier* status:code intent:code category:CodeableConcept* priority:code
                          code:CodeableConcept orderDetail:CodeableConcept* subject:Reference encounter:Reference
                          occurrenceDateTime:dateTime authoredOn:dateTime requester:Reference
                          reasonCode:CodeableConcept* reasonReference:Reference* supportingInfo:Reference*
                          bodySite:CodeableConcept* note:Annotation*
"""
_RESOURCE_ELEMENTS = "id:id meta:Meta extension:Extension*"
_RESOURCE_TYPES = ("Patient", "Condition", "Observation", "Procedure", "ServiceRequest")


def _element_table(text: str) -> dict[str, dict[str, tuple[str, bool]]]:
    """``_ELEMENTS`` as type -> element -> (type name, is a list)."""
    words: dict[str, list[str]] = {}
    type_name = ""
    for line in text.strip("\n").splitlines():
        if line[:1].isspace():  # continues the entry above
            words[type_name] += line.split()
        else:
            type_name, *elements = line.split()
            words[type_name] = [*(_RESOURCE_ELEMENTS.split() if type_name in _RESOURCE_TYPES else ()), *elements]
    table = {
        type_name: {name: (kind.rstrip("*"), kind.endswith("*")) for name, _, kind in (w.partition(":") for w in ws)}
        for type_name, ws in words.items()
    }
    unknown = {kind for elements in table.values() for kind, _ in elements.values()} - {*_PRIMITIVES, *table}
    if unknown:
        raise ValueError(f"plain_shape: element types not tabled: {sorted(unknown)}")
    return table


_COMPLEX = _element_table(_ELEMENTS)

# Elements the model requires (R4B cardinality 1..1), and choice elements (at most one of each group;
# an Extension here must carry exactly one value).
_REQUIRED = {
    "Observation": ("status", "code"),
    "Condition": ("subject",),
    "Procedure": ("status", "subject"),
    "ServiceRequest": ("status", "intent", "subject"),
    "Extension": ("url",),
    "Annotation": ("text",),
    "ObservationComponent": ("code",),
}
_CHOICES = {
    "Patient": ("deceased",),
    "Condition": ("onset",),
    "Observation": ("effective", "value"),
    "ObservationComponent": ("value",),
    "Procedure": ("performed",),
    "Extension": ("value",),
}


def _choice_count(node: dict[str, Any], prefix: str, elements: dict[str, tuple[str, bool]]) -> int:
    return sum(1 for name in node if name.startswith(prefix) and name in elements)


def _node(node: Any, type_name: str) -> bool:
    if type(node) is not dict or not node:
        return False
    elements = _COMPLEX[type_name]
    for name, value in node.items():
        spec = elements.get(name)
        if spec is None:
            return False
        kind, many = spec
        if many:
            if type(value) is not list or not value:
                return False
            items = value
        else:
            if type(value) is list:
                return False
            items = (value,)
        check = _PRIMITIVES.get(kind)
        for item in items:
            if not (check(item) if check is not None else _node(item, kind)):
                return False
    if any(name not in node for name in _REQUIRED.get(type_name, ())):
        return False
    for prefix in _CHOICES.get(type_name, ()):
        count = _choice_count(node, prefix, elements)
        if count > 1 or (type_name == "Extension" and count != 1):
            return False
    return True


def plainly_valid(resource: dict[str, Any]) -> bool:
    """True when ``resource`` uses only the elements tabled here, each plainly valid (the full model
    validation would accept it); False when not sure (the caller validates it in full)."""
    rtype = resource.get("resourceType")
    if rtype not in _RESOURCE_TYPES:
        return False
    body = {k: v for k, v in resource.items() if k != "resourceType"}
    return _node(body, rtype) if body else False
