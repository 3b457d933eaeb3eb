"""FHIR R4 data (mCODE STU3 style) -> RightScan patient facts.

Two entry points, both pure (no I/O, no logging):

* ``read_draft_orders(draft_orders)`` reads CDS Hooks ``context.draftOrders``: a Bundle that often has
  no ``type``; every ``ServiceRequest`` entry is validated with the FHIR R4B model (wire-compatible
  with R4 for this resource) and becomes a ``DraftOrder``; other resources are skipped.
* ``facts_from_fhir(prefetch, order)`` reads the prefetch data (keys of ``PREFETCH_TEMPLATES``) and
  the selected order into a payload for the core input contract (``rightscan.api.evaluate``).

Principles: only what the data states goes into the payload (no defaults, no guesses); a code that is
not in ``fhir_codes.yaml`` is reported in ``ignored``; disagreeing values at the same time leave the
field out and are reported; free text is passed on in ``texts`` (for the NLP module), never read here.
Malformed resources raise ``FhirInputError`` naming the field; messages never repeat resource content,
and ``repr`` of the result objects shows no patient data.

The setting rule (``setting`` is left out whenever it is not clear, so that the core answers
"insufficient data" instead of guessing):

1. a secondary (metastatic) cancer Condition is recorded -> no setting;
2. a breast cancer Condition with clinicalStatus recurrence/relapse -> no setting (FHIR does not say
   whether the recurrence is local or distant, and ACR rates those separately);
3. an active primary breast cancer Condition (C50.x, D05.1, SNOMED breast cancer), and
   a. also a history of breast cancer (Z85.3, or a past primary) -> no setting (new primary or
      recurrence cannot be told apart);
   b. the ``procedures`` prefetch is absent (not satisfied) -> no setting (prior surgery unknown);
   c. a completed breast surgery Procedure -> no setting (post-operative staging or follow-up);
   d. otherwise -> ``new_diagnosis``;
4. only a history of breast cancer (Z85.3 or a primary that is inactive/in remission/resolved) ->
   ``surveillance``;
5. otherwise -> no setting.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

import orjson
from pydantic import ValidationError

from rightscan.adapters.fhir.codes import FhirCodes, Hit, load_fhir_codes
from rightscan.adapters.input_json import MAX_LAB_RATIO
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain import orders
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import InputError

__all__ = [
    "PREFETCH_KEYS",
    "PREFETCH_TEMPLATES",
    "Coding",
    "DraftOrder",
    "FhirFacts",
    "FhirInputError",
    "facts_from_fhir",
    "prefetch_templates",
    "read_draft_orders",
]

CPT_SYSTEM = "http://www.ama-assn.org/go/cpt"
PREFETCH_KEYS = ("patient", "conditions", "observations", "labs", "procedures")
_MIN_AGE, _MAX_AGE = 18, 120  # the core contract's age range


class FhirInputError(InputError):
    """A malformed FHIR resource. ``path`` names the field (``context.draftOrders.entry[2].resource.code``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path


def prefetch_templates(codes: FhirCodes | None = None) -> dict[str, str]:
    """The CDS Hooks discovery ``prefetch`` object RightScan asks for (LOINC list from fhir_codes.yaml)."""
    codes = codes or load_fhir_codes()
    return {
        "patient": "Patient/{{context.patientId}}",
        "conditions": "Condition?patient={{context.patientId}}",
        "observations": "Observation?patient={{context.patientId}}&code=" + ",".join(codes.staging_loinc),
        "labs": "Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=50",
        "procedures": "Procedure?patient={{context.patientId}}",
    }


PREFETCH_TEMPLATES: dict[str, str] = prefetch_templates()


# ------------------------------------------------------------------ result types
class Coding(NamedTuple):
    system: str | None
    code: str | None
    display: str | None


@dataclass(frozen=True, eq=False)
class DraftOrder:
    """One draft ``ServiceRequest``. ``resource`` is a copy of the raw JSON, to be echoed unchanged."""

    id: str | None  # "ServiceRequest/abc"
    resource: dict[str, Any]
    order_text: str | None  # what the core's order resolver receives: CPT code(s), else code text
    cpt_codes: tuple[str, ...]
    reason_codes: tuple[Coding, ...]
    reason_text: str | None  # reasonCode[].text and note[].text; in memory only, never logged
    status: str | None
    intent: str | None
    subject: str | None  # subject.reference
    path: str  # where it was: context.draftOrders.entry[i].resource

    def __repr__(self) -> str:  # no free text, no codes' displays
        return f"DraftOrder(id={self.id!r}, cpt_codes={self.cpt_codes!r}, status={self.status!r})"


@dataclass(eq=False)
class FhirFacts:
    payload: dict[str, Any]  # core input object: only the facts the data states
    ignored: list[dict[str, Any]] = field(default_factory=list)  # codes seen but not used, with the reason
    missing: list[str] = field(default_factory=list)  # prefetch keys absent: not satisfied by the client
    evidence: list[dict[str, Any]] = field(default_factory=list)  # field, value, from (resource reference)
    needs_fetch: list[str] = field(default_factory=list)  # keys to fetch: absent, paginated or errored
    no_data: list[str] = field(default_factory=list)  # prefetch keys present as null: the client had no data
    texts: list[str] = field(default_factory=list)  # free text for the NLP module; never logged

    def __repr__(self) -> str:  # counts and key names only
        return (
            f"FhirFacts(fields={sorted(self.payload)!r}, evidence={len(self.evidence)}, "
            f"ignored={len(self.ignored)}, missing={self.missing!r}, needs_fetch={self.needs_fetch!r})"
        )


# ------------------------------------------------------------------ errors and paths
_MESSAGES = {
    "missing": "required",
    "extra_forbidden": "unknown element",
    "string_type": "must be a string",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "bool_type": "must be true or false",
    "int_type": "must be an integer",
    "int_parsing": "must be an integer",
    "float_type": "must be a number",
    "decimal_type": "must be a number",
    "decimal_parsing": "must be a number",
    "string_pattern_mismatch": "invalid format",
    "json_invalid": "must be an object",
    "fhir-validation-wrong-resource-type": "wrong resourceType",
}


def _loc_path(loc: Iterable[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part != "resource_type":
            out += f".{part}"
        else:
            out += ".resourceType"
    return out


def _invalid(exc: ValidationError, base: str) -> FhirInputError:
    err = exc.errors(include_input=False, include_url=False, include_context=False)[0]
    return FhirInputError(base + _loc_path(err["loc"]), _MESSAGES.get(err["type"], "invalid value"))


_MODELS: dict[str, Any] = {}


_WARM_UP_RESOURCES: tuple[dict[str, Any], ...] = (
    {"resourceType": "Patient", "id": "w", "gender": "female", "birthDate": "1970-01-01"},
    {
        "resourceType": "Condition",
        "id": "w",
        "subject": {"reference": "Patient/w"},
        "clinicalStatus": {
            "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]
        },
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "254837009"}], "text": "w"},
        "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "80248007"}]}],
        "extension": [{"url": "http://example.org/w", "valueCodeableConcept": {"text": "w"}}],
        "recordedDate": "2026-01-01",
        "onsetDateTime": "2026-01-01T00:00:00Z",
    },
    {
        "resourceType": "Observation",
        "id": "w",
        "status": "final",
        "subject": {"reference": "Patient/w"},
        "category": [
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}
        ],
        "code": {"coding": [{"system": "http://loinc.org", "code": "6768-6"}]},
        "effectiveDateTime": "2026-01-01",
        "valueQuantity": {"value": 1, "unit": "U/L", "system": "http://unitsofmeasure.org", "code": "U/L"},
        "referenceRange": [{"low": {"value": 0}, "high": {"value": 1, "unit": "U/L"}}],
        "method": {"text": "w"},
        "component": [{"code": {"text": "w"}, "valueCodeableConcept": {"text": "w"}}],
    },
    {
        "resourceType": "Observation",
        "id": "w2",
        "status": "final",
        "code": {"text": "w"},
        "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "10828004"}]},
        "valueInteger": None,
        "focus": [{"reference": "Condition/w"}],
    },
    {
        "resourceType": "Procedure",
        "id": "w",
        "status": "completed",
        "subject": {"reference": "Patient/w"},
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "392021009"}]},
        "performedDateTime": "2026-01-01",
    },
    {
        "resourceType": "ServiceRequest",
        "id": "w",
        "status": "draft",
        "intent": "plan",
        "subject": {"reference": "Patient/w"},
        "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "78815"}], "text": "w"},
        "reasonCode": [{"text": "w"}],
        "note": [{"text": "w"}],
        "extension": [{"url": "http://e/w", "valueString": "w"}],
    },
)


def warm_up() -> None:
    """Import the FHIR models and let pydantic build their nested models now (~0.5 s once), not during
    the first consultations."""
    for resource in _WARM_UP_RESOURCES:
        clean = {k: v for k, v in resource.items() if v is not None}
        _model(clean["resourceType"]).model_validate(clean)


def _model(resource_type: str) -> Any:
    """The fhir.resources R4B model class (imported on first use: the import takes ~0.2 s)."""
    if not _MODELS:
        from fhir.resources.R4B.condition import Condition
        from fhir.resources.R4B.observation import Observation
        from fhir.resources.R4B.patient import Patient
        from fhir.resources.R4B.procedure import Procedure
        from fhir.resources.R4B.servicerequest import ServiceRequest

        for model in (Condition, Observation, Patient, Procedure, ServiceRequest):
            _MODELS[model.__name__] = model
    return _MODELS[resource_type]


_VALIDATED: OrderedDict[bytes, None] = OrderedDict()  # content digests of resources that passed validation
_VALIDATED_MAX = 50_000
_VALIDATED_LOCK = threading.Lock()


def _validate(resource: dict[str, Any], path: str) -> None:
    """Validate a resource against its fhir.resources (R4B) model.

    Validation is a pure function of the resource's content, and EHRs resend the same resources on
    every hook call for a patient (order-select, again on the next selection, then order-sign), so the
    digests of resources that passed are remembered (bounded LRU); changed content is validated anew.
    """
    key = hashlib.blake2b(orjson.dumps(resource, option=orjson.OPT_SORT_KEYS), digest_size=16).digest()
    with _VALIDATED_LOCK:
        if key in _VALIDATED:
            _VALIDATED.move_to_end(key)
            return
    try:
        _model(resource["resourceType"]).model_validate(resource)
    except ValidationError as exc:
        raise _invalid(exc, path) from None
    with _VALIDATED_LOCK:
        _VALIDATED[key] = None
        if len(_VALIDATED) > _VALIDATED_MAX:
            _VALIDATED.popitem(last=False)


def _bundle_entries(bundle: Any, path: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, resource) of each entry that has a resource. ``type`` is not required."""
    entries = bundle.get("entry")
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise FhirInputError(f"{path}.entry", "must be a list")
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise FhirInputError(f"{path}.entry[{i}]", "must be an object")
        resource = entry.get("resource")
        if resource is None:
            continue
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            raise FhirInputError(f"{path}.entry[{i}].resource", "must be a FHIR resource with a resourceType")
        out.append((i, resource))
    return out


# ------------------------------------------------------------------ draft orders
def _codings(concept: Any) -> list[dict[str, Any]]:
    if not isinstance(concept, dict):
        return []
    return [c for c in concept.get("coding") or [] if isinstance(c, dict)]


_ORDER_CODE_SYSTEMS = (CPT_SYSTEM, "http://loinc.org", "urn:oid:2.16.840.1.113883.6.285")  # CPT, LOINC, HCPCS


def _order_text(code: Any, cpts: tuple[str, ...], kb: Knowledge) -> str | None:
    """What the order resolver reads for a draft order: the first of its codes or texts that names a study.

    Codes first (all CPT codes together, so that a combined CPT order is one study; then each CPT, LOINC
    or HCPCS code), then ``code.text``, then each coding's display. The resolver
    (``rightscan.domain.orders.interpret``) decides; when nothing names a single study, the first
    candidate is returned so that the order is reported as unknown or ambiguous, never guessed.
    """
    candidates: list[str] = []
    if len(cpts) > 1:  # spelled as the catalogue spells the combination ("71260+74177")
        combined = {frozenset(c.split("+")): c for p in kb.procedures.values() for c in p.cpt if "+" in c}
        candidates.append(combined.get(frozenset(cpts), "+".join(cpts)))
    candidates.extend(cpts)
    for c in _codings(code):
        value = c.get("code")
        if c.get("system") in _ORDER_CODE_SYSTEMS[1:] and isinstance(value, str) and value.strip():
            candidates.append(value.strip())
    if isinstance(code, dict):
        text = code.get("text")
        if isinstance(text, str) and text.strip():
            candidates.append(text.strip())
        for c in _codings(code):
            display = c.get("display")
            if isinstance(display, str) and display.strip():
                candidates.append(display.strip())
    for candidate in candidates:
        if orders.interpret(kb, candidate).status == "resolved":
            return candidate
    return candidates[0] if candidates else None


def read_draft_orders(draft_orders: Any, *, kb: Knowledge | None = None) -> list[DraftOrder]:
    """``context.draftOrders`` -> its ServiceRequests, in Bundle order. Raises ``FhirInputError``."""
    base = "context.draftOrders"
    if not isinstance(draft_orders, dict) or draft_orders.get("resourceType") != "Bundle":
        raise FhirInputError(base, "must be a FHIR Bundle")
    kb = kb or load_knowledge()
    drafts = []
    for i, resource in _bundle_entries(draft_orders, base):
        if resource["resourceType"] != "ServiceRequest":
            continue  # MedicationRequest, NutritionOrder, ...: not ours
        path = f"{base}.entry[{i}].resource"
        _validate(resource, path)
        code = resource.get("code")
        cpts = tuple(
            dict.fromkeys(
                c["code"].strip()
                for c in _codings(code)
                if c.get("system") == CPT_SYSTEM and isinstance(c.get("code"), str) and c["code"].strip()
            )
        )
        reasons: list[Coding] = []
        texts: list[str] = []
        for concept in resource.get("reasonCode") or []:
            reasons.extend(Coding(c.get("system"), c.get("code"), c.get("display")) for c in _codings(concept))
            if isinstance(concept.get("text"), str) and concept["text"].strip():
                texts.append(concept["text"].strip())
        texts.extend(n["text"].strip() for n in resource.get("note") or [] if (n.get("text") or "").strip())
        rid = resource.get("id")
        drafts.append(
            DraftOrder(
                id=f"ServiceRequest/{rid}" if rid else None,
                resource=_deep_copy(resource),
                order_text=_order_text(code, cpts, kb),
                cpt_codes=cpts,
                reason_codes=tuple(reasons),
                reason_text="\n".join(texts) or None,
                status=resource.get("status"),
                intent=resource.get("intent"),
                subject=(resource.get("subject") or {}).get("reference"),
                path=path,
            )
        )
    return drafts


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


# ------------------------------------------------------------------ prefetch collection
class _Res(NamedTuple):
    type: str
    data: dict[str, Any]
    ref: str  # "Observation/123", or the position when the resource has no id
    key: str  # prefetch key it came from


def _reference(resource: dict[str, Any], path: str) -> str:
    rid = resource.get("id")
    return f"{resource['resourceType']}/{rid}" if isinstance(rid, str) and rid else path


def _collect(prefetch: Mapping[str, Any] | None, facts: FhirFacts) -> tuple[list[_Res], bool]:
    """Validated resources of every prefetch key; fills missing / no_data / needs_fetch.

    Returns the resources (first copy of each id) and whether the ``procedures`` key was present.
    """
    if prefetch is not None and not isinstance(prefetch, Mapping):
        raise FhirInputError("prefetch", "must be an object")
    out: list[_Res] = []
    seen: set[str] = set()
    for key in PREFETCH_KEYS:
        if prefetch is None or key not in prefetch:
            facts.missing.append(key)
            facts.needs_fetch.append(key)
            continue
        value = prefetch[key]
        path = f"prefetch.{key}"
        if value is None:
            facts.no_data.append(key)
            continue
        if not isinstance(value, dict) or not isinstance(value.get("resourceType"), str):
            raise FhirInputError(path, "must be a FHIR resource, a Bundle or null")
        if value["resourceType"] == "Bundle":
            items = [(f"{path}.entry[{i}].resource", r) for i, r in _bundle_entries(value, path)]
            links = value.get("link") or []
            if any(isinstance(link, dict) and link.get("relation") == "next" for link in links):
                facts.needs_fetch.append(key)  # paginated: only the first page was sent
        else:
            items = [(path, value)]
        for where, resource in items:
            rtype = resource["resourceType"]
            if rtype == "OperationOutcome":
                issues = resource.get("issue") or []
                failed = any(isinstance(i, dict) and i.get("severity") in ("error", "fatal") for i in issues)
                if failed and key not in facts.needs_fetch:
                    facts.needs_fetch.append(key)  # the search failed at least in part
                continue
            if rtype not in ("Patient", "Condition", "Observation", "Procedure"):
                continue
            _validate(resource, where)
            ref = _reference(resource, where)
            if ref in seen:
                continue  # the same resource from two searches
            seen.add(ref)
            out.append(_Res(rtype, resource, ref, key))
    procedures_known = prefetch is not None and "procedures" in prefetch and "procedures" not in facts.needs_fetch
    return out, procedures_known


# ------------------------------------------------------------------ small readers
def _patient_id_of(reference: Any) -> str | None:
    """'Patient/123', 'https://x/fhir/Patient/123/_history/2' -> '123'; other references -> None."""
    if not isinstance(reference, str):
        return None
    parts = reference.strip().split("/")
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == "Patient" and parts[i + 1]:
            return parts[i + 1]
    return None


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _instant(value: Any) -> datetime | None:
    """A FHIR date/dateTime/instant as an aware UTC datetime (partial dates: their first moment)."""
    if not isinstance(value, str):
        return None
    m = _DATE_RE.match(value)
    try:
        if m:
            return datetime(int(m[1]), int(m[2] or 1), int(m[3] or 1), tzinfo=UTC)
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _effective(resource: dict[str, Any]) -> datetime | None:
    for key in ("effectiveDateTime", "effectiveInstant", "performedDateTime"):
        if key in resource:
            return _instant(resource[key])
    for key in ("effectivePeriod", "performedPeriod"):
        period = resource.get(key)
        if isinstance(period, dict):
            return _instant(period.get("start") or period.get("end"))
    return _instant(resource.get("issued"))


def _status_code(concept: Any) -> str | None:
    for c in _codings(concept):
        if isinstance(c.get("code"), str):
            return c["code"]
    return None


_TNM_RE = re.compile(r"^(yp|yc|c|p|r|a)?([TNM])(.*)$", re.IGNORECASE)
_GRADE_RE = re.compile(r"^(?:nottingham\s+)?(?:histologic\s+)?(?:grade\s*|g)?([123])(?:\s*(?:of|/)\s*3)?$", re.I)
_STAGE_RE = re.compile(r"^(?:stage\s*)?(0|IS|I{1,3}[ABC]?|IV|[1-3][ABC]?|4)$", re.IGNORECASE)


class _Cand(NamedTuple):
    """One value for one payload field, read from one resource."""

    value: Any
    when: datetime | None
    ref: str
    verified: bool
    note: str | None = None


# ------------------------------------------------------------------ the reader
class _Reader:
    def __init__(
        self,
        codes: FhirCodes,
        kb: Knowledge,
        facts: FhirFacts,
        today: date,
        patient_id: str | None,
    ) -> None:
        self.codes = codes
        self.kb = kb
        self.facts = facts
        self.today = today
        self.patient_id = patient_id
        self.cands: dict[str, list[_Cand]] = {}
        self.symptoms: dict[str, _Cand] = {}
        staging = kb.staging
        self.vocab: dict[tuple[str, str], dict[str, str]] = {
            ("c", "T"): {c.lower(): c for c in staging.t_categories},
            ("c", "N"): {c.lower(): c for c in staging.n_categories},
            ("c", "M"): {"m0": "M0", "m1": "M1", "m0(i+)": "M0(i+)"},
            ("p", "T"): {c.lower(): c for c in staging.t_categories},
            ("p", "N"): {c.lower(): c for c in staging.pn_aliases},
            ("p", "M"): {"m1": "M1"},
        }
        # setting inputs
        self.current_primaries: list[_Res] = []  # active primary (invasive or in situ)
        self.recurrences: list[_Res] = []
        self.histories: list[_Res] = []
        self.secondaries: list[_Res] = []
        self.surgeries: list[_Cand] = []
        self.invasive_current = False
        self.histologies: list[_Cand] = []
        self.inflammatory: list[_Cand] = []
        self.er_conditions: list[_Cand] = []

    # -------------------------------------------------------------- reporting
    def ignore(self, ref: str, coding: Mapping[str, Any] | None, reason: str) -> None:
        coding = coding or {}
        self.facts.ignored.append(
            {"resource": ref, "system": coding.get("system"), "code": coding.get("code"), "reason": reason}
        )

    def candidate(self, field_name: str, cand: _Cand) -> None:
        self.cands.setdefault(field_name, []).append(cand)

    def lookup(self, table: Any, concept: Any) -> tuple[list[tuple[Hit[Any], dict[str, Any]]], list[dict[str, Any]]]:
        """Known (hit, coding) pairs and codings not in the table."""
        hits, unknown = [], []
        for c in _codings(concept):
            code = c.get("code")
            if not isinstance(code, str) or not code.strip():
                continue
            hit = table.get(self.codes.system_key(c.get("system")), code)
            if hit is None:
                unknown.append(c)
            else:
                hits.append((hit, c))
        return hits, unknown

    def first_coding(self, concept: Any) -> dict[str, Any] | None:
        codings = [c for c in _codings(concept) if c.get("code")]
        known = [c for c in codings if self.codes.system_key(c.get("system"))]
        return (known or codings or [None])[0]

    # -------------------------------------------------------------- subject
    def other_patient(self, res: _Res) -> bool:
        """True (and reported) when the resource is about another patient than the one in context."""
        if self.patient_id is None:
            return False
        if res.type == "Patient":
            if res.data.get("id") in (None, self.patient_id):
                return False
        else:
            subject = res.data.get("subject")
            if _patient_id_of((subject or {}).get("reference")) == self.patient_id:
                return False
            if subject is None and res.type == "Observation":
                self.ignore(res.ref, None, "no subject: cannot tell whose result it is")
                return True
        self.ignore(res.ref, None, "subject is not the patient in context")
        return True

    # -------------------------------------------------------------- Patient
    def patient(self, res: _Res) -> None:
        data = res.data
        gender = data.get("gender")
        if gender in ("female", "male"):
            self.candidate("sex", _Cand(gender, None, res.ref, True))
        elif gender is not None:
            system = "http://hl7.org/fhir/administrative-gender"
            self.ignore(res.ref, {"system": system, "code": gender}, "not used (female or male only)")
        birth = data.get("birthDate")
        if birth is None:
            return
        m = _DATE_RE.match(birth) if isinstance(birth, str) else None
        if m is None:
            self.ignore(res.ref, None, "birth date not understood")
            return
        year, month, day = int(m[1]), m[2], m[3]
        # youngest and oldest possible age for a partial date
        first = date(year, int(month or 1), int(day or 1))
        last_month = int(month or 12)
        last_day = int(day) if day else _month_days(year, last_month)
        last = date(year, last_month, last_day)
        if first > self.today:
            self.ignore(res.ref, None, "impossible age: birth date in the future")
            return
        oldest, youngest = _age(first, self.today), _age(last, self.today)
        if oldest != youngest:
            self.ignore(res.ref, None, "birth date too imprecise for an age")
        elif not _MIN_AGE <= oldest <= _MAX_AGE:
            reason = "impossible age" if oldest > _MAX_AGE else f"age below {_MIN_AGE}: outside the core contract"
            self.ignore(res.ref, None, reason)
        else:
            self.candidate("age", _Cand(oldest, None, res.ref, True))

    # -------------------------------------------------------------- Condition
    def condition(self, res: _Res) -> None:
        data, st = res.data, self.codes.status
        verification = _status_code(data.get("verificationStatus"))
        if verification in st.condition_void:
            return  # refuted or entered in error: as if absent
        clinical = _status_code(data.get("clinicalStatus"))
        text = (data.get("code") or {}).get("text")
        if isinstance(text, str) and text.strip() and text.strip() not in self.facts.texts:
            self.facts.texts.append(text.strip())
        hits, unknown = self.lookup(self.codes.conditions, data.get("code"))
        kinds = {h.entry.kind for h, _ in hits}
        if "malignant_any" in kinds:
            kinds.discard("malignant_any")
            if self.breast_site(data):
                kinds.add("primary_breast")
            else:
                self.ignore(res.ref, self.first_coding(data.get("code")), "malignant neoplasm without a breast site")
        if not kinds:
            if unknown:
                self.ignore(res.ref, unknown[0], "unknown code")
            return
        verified = all(h.verified for h, _ in hits)
        coding = hits[0][1]
        if "secondary" in kinds:
            # any metastatic disease on record, even suspected or resolved, keeps the setting open
            self.secondaries.append(res)
        cancer = kinds & {"primary_breast", "in_situ_ductal", "lobular_in_situ", "history"}
        if cancer and verification in st.cancer_unconfirmed:
            self.ignore(res.ref, coding, "diagnosis not confirmed")
            return
        when = _instant(data.get("onsetDateTime") or data.get("recordedDate"))
        if "lobular_in_situ" in kinds:
            self.ignore(res.ref, coding, "lobular carcinoma in situ is not a staged cancer (AJCC 8)")
        if "history" in kinds:
            self.histories.append(res)
        if kinds & {"primary_breast", "in_situ_ductal"}:
            self.breast_cancer(res, kinds, clinical, verified, when)
        for kind, value in (("er_positive", "positive"), ("er_negative", "negative")):
            if kind in kinds and clinical not in st.condition_past:
                self.er_conditions.append(_Cand(value, when, res.ref, verified))
        if "symptom" in kinds:
            if clinical in st.condition_current:
                for h, _ in hits:
                    if h.entry.kind == "symptom":
                        self.symptom(h.entry.symptom, _Cand(h.entry.symptom, when, res.ref, h.verified))
            elif clinical is None:
                self.ignore(res.ref, coding, "symptom without clinical status")

    def breast_site(self, data: dict[str, Any]) -> bool:
        return any(self.lookup(self.codes.breast_sites, site)[0] for site in data.get("bodySite") or [])

    def breast_cancer(
        self, res: _Res, kinds: set[str], clinical: str | None, verified: bool, when: datetime | None
    ) -> None:
        st = self.codes.status
        coding = self.first_coding(res.data.get("code"))
        if clinical is None:
            self.ignore(res.ref, coding, "cancer without clinical status: not used")
            return
        if clinical in st.condition_past:
            self.histories.append(res)
            return
        if clinical not in st.condition_current:
            self.ignore(res.ref, coding, "clinical status not understood")
            return
        if clinical in st.condition_recurrence:
            self.recurrences.append(res)
        else:
            self.current_primaries.append(res)
        invasive = "primary_breast" in kinds
        self.invasive_current = self.invasive_current or invasive
        if not invasive:
            self.histologies.append(_Cand("DCIS", when, res.ref, verified, "in situ ductal carcinoma code"))
        self.histology_extension(res, when)

    def histology_extension(self, res: _Res, when: datetime | None) -> None:
        for ext in res.data.get("extension") or []:
            if ext.get("url") != self.codes.histology_extension:
                continue
            concept = ext.get("valueCodeableConcept")
            hits, unknown = self.lookup(self.codes.histology, concept)
            if hits:
                values = {(h.entry.histology, h.entry.inflammatory) for h, _ in hits}
                if len(values) > 1:
                    self.ignore(res.ref, hits[0][1], "conflicting histology codes")
                    continue
                (histology, inflammatory), verified = values.pop(), all(h.verified for h, _ in hits)
                self.histologies.append(_Cand(histology, when, res.ref, verified))
                if inflammatory:
                    self.inflammatory.append(_Cand(True, when, res.ref, verified))
                continue
            for c in unknown:
                self.histology_fallback(res, c, when)

    def histology_fallback(self, res: _Res, coding: dict[str, Any], when: datetime | None) -> None:
        """ICD-O-3 morphology not listed: behaviour /3 in the carcinoma families -> 'other'."""
        rng = self.codes.histology_other_range
        code = str(coding.get("code") or "").replace("/", "").strip()
        if self.codes.system_key(coding.get("system")) == "icdo3" and re.fullmatch(r"\d{5}", code):
            morphology, behaviour = int(code[:4]), code[4]
            if rng.from_ <= morphology <= rng.to and behaviour == rng.behaviour:
                self.histologies.append(_Cand("other", when, res.ref, False, "unlisted invasive carcinoma"))
                return
            self.ignore(res.ref, coding, "morphology outside the staged breast carcinomas")
            return
        self.ignore(res.ref, coding, "unknown code")

    # -------------------------------------------------------------- Procedure
    def procedure(self, res: _Res) -> None:
        data = res.data
        hits, unknown = self.lookup(self.codes.surgery, data.get("code"))
        if not hits:
            if unknown:
                self.ignore(res.ref, unknown[0], "unknown code")
            return
        if data.get("status") not in self.codes.status.procedure_done:
            self.ignore(res.ref, hits[0][1], "procedure not completed")
            return
        kinds = {h.entry.surgery for h, _ in hits}
        if len(kinds) > 1:
            self.ignore(res.ref, hits[0][1], "conflicting procedure codes")
            return
        self.surgeries.append(_Cand(kinds.pop(), _effective(data), res.ref, all(h.verified for h, _ in hits)))

    # -------------------------------------------------------------- Observation
    def observation(self, res: _Res) -> None:
        data = res.data
        hits, unknown = self.lookup(self.codes.observations, data.get("code"))
        if not hits:
            symptom_hits, _ = self.lookup(self.codes.conditions, data.get("code"))
            symptoms = [(h, c) for h, c in symptom_hits if h.entry.kind == "symptom"]
            if symptoms:
                self.symptom_observation(res, symptoms)
            elif unknown:
                self.ignore(res.ref, unknown[0], "unknown code")
            return
        measures = {h.entry.measures for h, _ in hits}
        labs = {h.entry.lab for h, _ in hits}
        coding = hits[0][1]
        if len(measures) > 1 or len(labs) > 1:
            self.ignore(res.ref, coding, "codes of the observation disagree")
            return
        measure = measures.pop()
        if data.get("status") not in self.codes.status.observation_result:
            self.ignore(res.ref, coding, "result status not final")
            return
        verified = all(h.verified for h, _ in hits)
        when = _effective(data)
        if measure in ("ct", "cn", "cm", "pt", "pn", "pm", "t_any", "n_any", "m_any"):
            self.tnm(res, measure, coding, when, verified)
        elif measure in ("tumor_size", "tumor_longest_dimension"):
            self.size(res, measure, coding, when, verified)
        elif measure.startswith("stage_group"):
            self.stage_group(res, measure, coding)
        elif measure in ("er", "pr", "her2"):
            self.receptor(res, measure, coding, when, verified)
        elif measure == "grade":
            self.grade(res, coding, when, verified)
        else:
            self.lab(res, labs.pop(), coding, when, verified)

    def value_strings(self, data: dict[str, Any]) -> list[str]:
        concept = data.get("valueCodeableConcept") or {}
        out = [concept["text"]] if isinstance(concept.get("text"), str) else []
        if isinstance(data.get("valueString"), str):
            out.append(data["valueString"])
        return [s.strip() for s in out if s.strip()]

    def concept_values(
        self,
        data: dict[str, Any],
        table: Any,
        meaning: Callable[[Any], Any],
        parse: Callable[[str], Any],
        text_systems: tuple[str | None, ...],
    ) -> tuple[set[Any], bool, list[dict[str, Any]], list[str]]:
        """Every reading of the value: known codes (``meaning`` of their entry), text, and the codes of
        text-like systems (AJCC, local codes) read as text.

        Returns (values, all verified, unknown codings, texts that could not be read).
        """
        values: set[Any] = set()
        verified = True
        unknown: list[dict[str, Any]] = []
        unread: list[str] = []
        concept = data.get("valueCodeableConcept")
        hits, others = self.lookup(table, concept) if table is not None else ([], _codings(concept))
        for hit, _ in hits:
            values.add(meaning(hit.entry))
            verified = verified and hit.verified
        for c in others:
            if self.codes.system_key(c.get("system")) in text_systems and isinstance(c.get("code"), str):
                parsed = parse(c["code"].strip())
                if parsed is not None:
                    values.add(parsed)
                    continue
            unknown.append(c)
        for text in self.value_strings(data):
            parsed = parse(text)
            if parsed is None:
                unread.append(text)
            else:
                values.add(parsed)
        return values, verified, unknown, unread

    def settle(
        self, res: _Res, coding: dict[str, Any], values: set[Any], unknown: list[dict[str, Any]], unread: list[str]
    ) -> Any | None:
        """The single value of a reading, or None (reported)."""
        if len(values) == 1:
            return next(iter(values))
        if len(values) > 1:
            self.ignore(res.ref, coding, "the value's codes and text disagree")
        elif unknown:
            self.ignore(res.ref, unknown[0], "unknown code")
        elif unread:
            self.ignore(res.ref, coding, "value text not understood")
        else:
            self.ignore(res.ref, coding, "no value")
        return None

    # TNM --------------------------------------------------------------------
    def parse_tnm(self, text: str) -> tuple[str, str, str] | str | None:
        """'cT1c' -> ('c', 'T', 'T1c'); 'T1c' -> ('', 'T', 'T1c'); unsupported prefix -> 'yp'."""
        m = _TNM_RE.match(text.replace(" ", ""))
        if m is None:
            return None
        prefix, axis, rest = (m[1] or "").lower(), m[2].upper(), m[3]
        if prefix in ("yp", "yc", "r", "a"):
            return prefix
        category = (axis + rest).lower()
        if rest.upper() == "X":
            return (prefix, axis, axis + "X")
        kinds = [prefix] if prefix else ["c", "p"]
        for kind in kinds:
            canonical = self.vocab.get((kind, axis), {}).get(category)
            if canonical is not None:
                return (prefix, axis, canonical)
        return None

    def tnm(self, res: _Res, measure: str, coding: dict[str, Any], when: datetime | None, verified: bool) -> None:
        def parse(text: str) -> tuple[str, str, str] | str | None:
            return self.parse_tnm(text)

        values, v_ok, unknown, unread = self.concept_values(res.data, None, _same, parse, ("ajcc", None))
        still_unknown = []  # SNOMED CT AJCC concepts are looked up here
        for c in unknown:
            entry = self.codes.tnm_values.get(str(c.get("code") or "").strip())
            if self.codes.system_key(c.get("system")) == "snomed" and entry is not None:
                cat = entry.category
                values.add((cat[0], cat[1], cat[1:]))
                v_ok = v_ok and entry.verified
            else:
                still_unknown.append(c)
        # 'T1c' (no prefix) agrees with 'cT1c' from another reading of the same value
        prefixed = {v[1:] for v in values if isinstance(v, tuple) and v[0]}
        values = {v for v in values if not (isinstance(v, tuple) and not v[0] and v[1:] in prefixed)}
        value = self.settle(res, coding, values, still_unknown, unread)
        if value is None:
            return
        if isinstance(value, str):
            self.ignore(res.ref, coding, f"{value} (post-neoadjuvant or recurrence) category not used")
            return
        prefix, axis, category = value
        want_axis = measure[-1].upper() if measure[0] in "cp" else measure[0].upper()
        want_kind = measure[0] if measure[0] in "cp" else ""
        if axis != want_axis:
            self.ignore(res.ref, coding, "value does not match the observation (T, N or M)")
            return
        kind = prefix or want_kind
        if not kind:
            self.ignore(res.ref, coding, "clinical or pathological not stated")
            return
        if want_kind and prefix and prefix != want_kind:
            self.ignore(res.ref, coding, "clinical/pathological prefix does not match the observation")
            return
        if category.endswith("X"):
            self.ignore(res.ref, coding, "category cannot be assessed (X): not used")
            return
        if category not in self.vocab[(kind, axis)].values():
            self.ignore(res.ref, coding, "category not accepted for this kind of staging")
            return
        ok = verified and v_ok
        if kind == "c":
            self.candidate(f"tumor.{axis.lower()}", _Cand(category, when, res.ref, ok))
        elif axis == "M":  # pM1: proven distant metastasis
            self.candidate("tumor.m", _Cand(category, when, res.ref, ok, "pathological pM1"))
        else:
            self.candidate(f"pathology.{axis.lower()}", _Cand("p" + category, when, res.ref, ok))

    # size -------------------------------------------------------------------
    def size(self, res: _Res, measure: str, coding: dict[str, Any], when: datetime | None, verified: bool) -> None:
        data = res.data
        by_pathology = self.lookup(self.codes.pathology_size_methods, data.get("method"))[0]
        if data.get("specimen") or by_pathology:
            self.ignore(res.ref, coding, "measured on a surgical specimen (pathological size): not used")
            return
        quantity = data.get("valueQuantity")
        if measure == "tumor_size":
            for comp in data.get("component") or []:
                hits, _ = self.lookup(self.codes.observations, comp.get("code"))
                if any(h.entry.measures == "tumor_longest_dimension" for h, _ in hits):
                    quantity = comp.get("valueQuantity")
                    break
        cm = _length_cm(quantity, self.codes)
        if cm is None:
            self.ignore(res.ref, coding, "size without a value in mm or cm")
            return
        if not 0 < cm <= 30:
            self.ignore(res.ref, coding, "implausible value")
            return
        self.candidate("tumor.size_cm", _Cand(cm, when, res.ref, verified))

    def stage_group(self, res: _Res, measure: str, coding: dict[str, Any]) -> None:
        concept = res.data.get("valueCodeableConcept") or {}
        value = next((c.get("code") for c in _codings(concept) if c.get("code")), None)
        if value is None:
            value = next((t for t in self.value_strings(res.data) if _STAGE_RE.match(t)), None)
        kind = measure.removeprefix("stage_group_")
        self.facts.evidence.append(
            {"field": f"stage_group.{kind}", "value": value, "from": res.ref, "used": False,
             "note": "recorded only: RightScan computes the stage itself"}
        )  # fmt: skip

    # receptors and grade ----------------------------------------------------
    def receptor(self, res: _Res, measure: str, coding: dict[str, Any], when: datetime | None, verified: bool) -> None:
        texts = self.codes.receptor_texts

        def parse(text: str) -> str | None:
            return texts.get(text.lower())

        values, v_ok, unknown, unread = self.concept_values(
            res.data, self.codes.receptor_values, lambda e: e.value, parse, (None,)
        )
        value = self.settle(res, coding, values, unknown, unread)
        if value is None:
            return
        if value == "equivocal" and measure != "her2":
            self.ignore(res.ref, coding, "equivocal is a HER2 result only")
            return
        self.candidate(f"tumor.{measure}", _Cand(value, when, res.ref, verified and v_ok))

    def grade(self, res: _Res, coding: dict[str, Any], when: datetime | None, verified: bool) -> None:
        def parse(text: str) -> int | None:
            m = _GRADE_RE.match(text)
            return int(m[1]) if m else None

        value_int = res.data.get("valueInteger")
        if value_int is not None:
            if value_int in (1, 2, 3) and not isinstance(value_int, bool):
                self.candidate("tumor.grade", _Cand(value_int, when, res.ref, verified))
            else:
                self.ignore(res.ref, coding, "grade outside 1-3")
            return
        values, v_ok, unknown, unread = self.concept_values(
            res.data, self.codes.grade_values, lambda e: e.grade, parse, (None,)
        )
        value = self.settle(res, coding, values, unknown, unread)
        if value is not None:
            self.candidate("tumor.grade", _Cand(value, when, res.ref, verified and v_ok))

    # labs -------------------------------------------------------------------
    def lab(self, res: _Res, name: str, coding: dict[str, Any], when: datetime | None, verified: bool) -> None:
        self.candidate(f"labs.{name}", _Cand(res, when, res.ref, verified))

    def lab_value(self, name: str, cand: _Cand) -> dict[str, float] | None:
        res: _Res = cand.value
        data = res.data
        coding = self.first_coding(data.get("code"))
        quantity = data.get("valueQuantity")
        if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), int | float):
            self.ignore(res.ref, coding, "no numeric value")
            return None
        ranges = data.get("referenceRange") or []
        high = ranges[0].get("high") if ranges and isinstance(ranges[0], dict) else None
        if not isinstance(high, dict) or not isinstance(high.get("value"), int | float):
            self.ignore(res.ref, coding, "no reference range")
            return None
        if _unit(quantity) is None or _unit(quantity) != _unit(high):
            self.ignore(res.ref, coding, "value and reference range not in the same unit")
            return None
        value, uln = float(quantity["value"]), float(high["value"])
        comparator = quantity.get("comparator")
        if comparator is not None and not (comparator in ("<", "<=") and value <= uln):
            self.ignore(res.ref, coding, "value given only as a bound")
            return None
        if uln <= 0 or value < 0 or value > MAX_LAB_RATIO * uln:
            self.ignore(res.ref, coding, "implausible value")
            return None
        return {"value": value, "uln": uln}

    # symptoms ---------------------------------------------------------------
    def symptom_observation(self, res: _Res, hits: list[tuple[Hit[Any], dict[str, Any]]]) -> None:
        data, coding = res.data, hits[0][1]
        if data.get("status") not in self.codes.status.observation_symptom:
            self.ignore(res.ref, coding, "observation status not usable")
            return
        if "valueBoolean" in data:
            present: bool | None = data["valueBoolean"] is True
        elif "valueCodeableConcept" in data:
            concept = data["valueCodeableConcept"]
            if self.lookup(self.codes.absent_values, concept)[0]:
                present = False
            elif self.lookup(self.codes.present_values, concept)[0]:
                present = True
            else:
                present = None
        elif any(k.startswith("value") for k in data) or "dataAbsentReason" in data:
            present = None
        else:
            present = True  # a finding recorded as an observation with no value: the finding itself
        if present is None:
            self.ignore(res.ref, coding, "finding value not understood")
            return
        if present:
            when = _effective(data)
            for h, _ in hits:
                self.symptom(h.entry.symptom, _Cand(h.entry.symptom, when, res.ref, h.verified))

    def symptom(self, code: str, cand: _Cand) -> None:
        self.symptoms.setdefault(code, cand)

    def order(self, order: DraftOrder) -> None:
        ref = order.id or order.path
        if order.reason_text:
            self.facts.texts.append(order.reason_text)
        for c in order.reason_codes:
            if not c.code:
                continue
            coding = {"system": c.system, "code": c.code}
            hit = self.codes.conditions.get(self.codes.system_key(c.system), c.code)
            if hit is None:
                self.ignore(ref, coding, "unknown code")
            elif hit.entry.kind == "symptom":
                self.symptom(hit.entry.symptom, _Cand(hit.entry.symptom, None, ref, hit.verified, "order reason"))
            else:
                self.ignore(ref, coding, "order reason: not used for the setting (problem list decides)")

    # -------------------------------------------------------------- resolution
    def resolve(self, field_name: str, cands: list[_Cand], prefer: Any = None) -> _Cand | None:
        """The latest candidate; equal latest candidates must agree, or the field is left out."""
        if prefer is not None:
            preferred = [c for c in cands if prefer(c)]
            cands = preferred or cands
        dated = [c for c in cands if c.when is not None]
        if dated:
            latest = max(c.when for c in dated if c.when is not None)
            top = [c for c in dated if c.when == latest]
        else:
            top = cands
        values = {_key(c.value) for c in top}
        if len(values) > 1:
            for c in top:
                self.ignore(c.ref, None, f"conflicting values for {field_name} at the same time")
            return None
        return top[0]

    def build(self, procedures_known: bool) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        evidence = self.facts.evidence

        def put(field_name: str, cand: _Cand, value: Any = None) -> None:
            value = cand.value if value is None else value
            target = payload
            *parents, leaf = field_name.split(".")
            for p in parents:
                target = target.setdefault(p, {})
            target[leaf] = value
            item: dict[str, Any] = {"field": field_name, "value": value, "from": cand.ref}
            if not cand.verified:
                item["verified"] = False
            if cand.note:
                item["note"] = cand.note
            evidence.append(item)

        for name in ("age", "sex"):
            if name in self.cands and (c := self.resolve(name, self.cands[name])):
                put(name, c)
        self.build_setting(put, procedures_known)
        if self.surgeries and (c := self.resolve("prior_surgery", self.surgeries)):
            put("prior_surgery", c)
        histologies = self.histologies
        if self.invasive_current:  # an invasive cancer is staged by its invasive component
            histologies = [c for c in histologies if c.value != "DCIS"]
        if histologies:
            values = {c.value for c in histologies}
            if len(values) == 1:
                put("tumor.histology", histologies[0])
            else:
                for c in histologies:
                    self.ignore(c.ref, None, "conflicting histologies of current breast cancers")
        if self.inflammatory:
            put("tumor.inflammatory", self.inflammatory[0])
        for name in ("tumor.size_cm", "tumor.t", "tumor.n", "tumor.m", "tumor.grade"):
            if name in self.cands and (c := self.resolve(name, self.cands[name])):
                put(name, c)
        er = self.cands.get("tumor.er") or self.er_conditions  # a receptor test beats a Z17 status code
        if er and (c := self.resolve("tumor.er", er)):
            put("tumor.er", c)
        if "tumor.pr" in self.cands and (c := self.resolve("tumor.pr", self.cands["tumor.pr"])):
            put("tumor.pr", c)
        if "tumor.her2" in self.cands:
            definitive = self.resolve("tumor.her2", self.cands["tumor.her2"], prefer=lambda c: c.value != "equivocal")
            if definitive:
                put("tumor.her2", definitive)
        for name in ("pathology.t", "pathology.n"):
            if name in self.cands and (c := self.resolve(name, self.cands[name])):
                put(name, c)
        for lab in self.kb.lab_names:
            cands = self.cands.get(f"labs.{lab}")
            if cands and (c := self.resolve(f"labs.{lab}", cands)):
                value = self.lab_value(lab, c)
                if value is not None:
                    put(f"labs.{lab}", c, value)
        if self.symptoms:
            payload["symptoms"] = sorted(self.symptoms)
            for code in payload["symptoms"]:
                c = self.symptoms[code]
                item = {"field": "symptoms", "value": code, "from": c.ref}
                if not c.verified:
                    item["verified"] = False
                if c.note:
                    item["note"] = c.note
                evidence.append(item)
        return payload

    def build_setting(self, put: Any, procedures_known: bool) -> None:
        def undecided(resources: list[_Res], reason: str) -> None:
            for r in resources:
                self.ignore(r.ref, self.first_coding(r.data.get("code")), f"setting not inferred: {reason}")

        if self.secondaries:
            undecided(self.secondaries, "secondary (metastatic) cancer recorded")
        elif self.recurrences:
            undecided(self.recurrences, "recurrence recorded without saying local or distant")
        elif self.current_primaries:
            if self.histories:
                undecided(self.histories, "history of breast cancer and an active primary")
            elif not procedures_known:
                undecided(self.current_primaries, "prior breast surgery unknown (procedures not prefetched)")
            elif self.surgeries:
                undecided(self.current_primaries, "breast surgery recorded")
            else:
                first = self.current_primaries[0]
                put("setting", _Cand("new_diagnosis", None, first.ref, True, "active primary, no surgery or history"))
        elif self.histories:
            first = self.histories[0]
            put("setting", _Cand("surveillance", None, first.ref, True, "history of breast cancer only"))


def _same(value: Any) -> Any:
    return value


def _key(value: Any) -> Any:
    """What must be equal for two candidates to agree (a lab: its value and reference range)."""
    if isinstance(value, _Res):
        ranges = value.data.get("referenceRange") or [{}]
        return repr((value.data.get("valueQuantity"), ranges[0].get("high")))
    return value


def _unit(quantity: Mapping[str, Any]) -> tuple[str, str] | None:
    """(system, code) when coded, else ('', unit text)."""
    code, unit = quantity.get("code"), quantity.get("unit")
    if isinstance(code, str) and code.strip():
        return (str(quantity.get("system") or ""), code.strip())
    if isinstance(unit, str) and unit.strip():
        return ("", unit.strip())
    return None


def _length_cm(quantity: Any, codes: FhirCodes) -> float | None:
    if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), int | float):
        return None
    if quantity.get("comparator") is not None:
        return None
    code, system = quantity.get("code"), quantity.get("system")
    if isinstance(code, str) and code:
        if system is not None and codes.system_key(system) != "ucum":
            return None
        unit = code
    else:
        unit = quantity.get("unit")
    value = float(quantity["value"])
    if unit == "mm":
        return round(value / 10.0, 6)
    if unit == "cm":
        return value
    return None


def _month_days(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - date(year, month, 1)).days


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


# ------------------------------------------------------------------ entry point
def facts_from_fhir(
    prefetch: Mapping[str, Any] | None,
    order: DraftOrder | None,
    *,
    today: date | None = None,
    patient_id: str | None = None,
    kb: Knowledge | None = None,
    codes: FhirCodes | None = None,
) -> FhirFacts:
    """Prefetch data + the selected draft order -> core payload with its evidence.

    ``patient_id`` (the hook's ``context.patientId``) makes resources about any other patient be
    skipped and reported; without it the Patient resource's id, then the order's subject, is used.
    Raises ``FhirInputError`` for malformed resources.
    """
    kb = kb or load_knowledge()
    codes = codes or load_fhir_codes()
    facts = FhirFacts(payload={})
    resources, procedures_known = _collect(prefetch, facts)
    if patient_id is None:
        patient_ids = {r.data.get("id") for r in resources if r.type == "Patient" and r.data.get("id")}
        if len(patient_ids) == 1:
            patient_id = patient_ids.pop()
        elif order is not None:
            patient_id = _patient_id_of(order.subject)
    else:
        patient_id = _patient_id_of(patient_id) or patient_id
    reader = _Reader(codes, kb, facts, today or date.today(), patient_id)
    if order is not None:
        if patient_id is not None and _patient_id_of(order.subject) not in (None, patient_id):
            raise FhirInputError(f"{order.path}.subject", "is not the patient in context")
        reader.order(order)
    handlers = {
        "Patient": reader.patient,
        "Condition": reader.condition,
        "Observation": reader.observation,
        "Procedure": reader.procedure,
    }
    for res in resources:
        if not reader.other_patient(res):
            handlers[res.type](res)
    facts.payload = reader.build(procedures_known)
    return facts
