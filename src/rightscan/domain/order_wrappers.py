"""An order name inside an interface's wrapper, read as the names the wrapper carries (round 24o).

Interfaces hand over an order as what they carry it in, not as its name:

- an HL7 v2 OBR segment ("OBR|1|ORD55120^EPIC|ACC7781^RAD|IMG311^MAMMO DIAG BILAT^L|||202612030915"), or its
  OBR-4 field alone ("77066^DX MAMMO INCL CAD BI^CPT4"): the universal service identifier's components are
  identifier ^ text ^ coding system ^ alternate identifier ^ alternate text ^ alternate coding system (HL7 v2.5.1,
  CE/CWE data type). The names are the text components; an identifier of CPT, LOINC or HCPCS is read with its
  text (a local code, ``L`` or ``99...``, is the site's own and is not read). The other fields (placer and filler
  numbers, the times) say nothing of the study.
- HL7 escape sequences in a text (section 2.7 of the standard): ``\\F\\`` |, ``\\S\\`` ^, ``\\T\\`` &,
  ``\\R\\`` ~, ``\\E\\`` \\, ``\\H\\`` and ``\\N\\`` (highlighting, nothing), ``\\.br\\`` (a line break), decoded
  after the fields and components are split, as the standard says.
- a FHIR ServiceRequest given as JSON text: the codes of its ``code`` (CPT, LOINC, HCPCS), its ``code.text`` and
  each coding's ``display``, each with the ``bodySite`` it names - the candidates the CDS Hooks draft orders are
  read from (``adapters/fhir/draft_orders.py``).
- an item number of a national catalogue the resolver does not read ("(MBS 59300)", "OHIP X125"), labelled as
  the vocabulary's ``other_catalogues`` list them: the label and its number are set aside, so that the number is
  never read as a CPT code; the descriptor's words are read.
- where the patient is, as a chat message or a transcribed verbal order writes it ("for rm 12", "bed 7"), labelled as
  the vocabulary's ``places`` list them: a room or bed number, set aside with its label (round 26o).
- an HL7 v2 ORC segment before an OBR segment (round 56o): its order control code (ORC-1, HL7 v2.5.1 Table 0119) says
  what the message does to that OBR's order - the vocabulary's ``hl7_order_controls``. A cancelled, discontinued or held
  order's OBR is read only when no other OBR's order stands, and then the reading says so (``order_control``): no study
  is asked for ("ORC|CA|...", "ORC|DC|..."); a new or changed order ("ORC|NW|...") is read as ever. Segments pasted onto
  one line are split before each segment's id ("ORC|CA|5530|||| OBR|1|5530||...").

A wrapper with several names is one order: ``orders`` reads each, and the names that name a study must all name the
same one, and no other name may state another modality or region than that study's (round 24p), else the order asks.
Several OBR segments are read as the repetitions of one OBR-4 (round 24p). Bounded: the text is split on characters
and parsed as JSON at most once, no pattern here can backtrack on long input, and at most ``MAX_NAMES`` names of
``MAX_NAME`` characters are read (repetitions joined into one name too).

Pure; the catalogue labels come from ``knowledge/order_vocabulary.yaml``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from rightscan.domain.knowledge import OrderVocabulary
from rightscan.domain.order_patient import quantities
from rightscan.domain.order_sets import medication_items
from rightscan.domain.order_worklist import worklist_rooms

MAX_NAMES = 8  # as the CDS Hooks draft orders (adapters/fhir/draft_orders.py MAX_ORDER_CANDIDATES)
MAX_NAME = 200  # characters of one name read (the JSON input's order field allows 200)
MAX_WRAPPER = 20_000  # characters of a wrapper parsed at all

_ESCAPES = {"F": "|", "S": "^", "T": "&", "R": "~", "E": "\\", "H": "", "N": "", ".br": " "}
_ESCAPE = re.compile(r"\\(F|S|T|R|E|H|N|\.br)\\")
_SYSTEM = re.compile(r"[A-Za-z0-9.\-]{1,20}")  # a coding system's id in a CE/CWE field: L, LN, CPT4, 99EPIC
_CODE = re.compile(r"[A-Za-z0-9.\-]{0,30}")  # an identifier: no spaces
_READ_SYSTEMS = frozenset({"cpt", "cpt4", "c4", "c5", "ln", "loinc", "hcpcs", "hcpc", "hcpt"})
# FHIR coding systems whose codes name an order's study: CPT, LOINC (each by its URL and, round 26: twelfth security
# pass F3, by its HL7 OID, which interfaces also send) and HCPCS
CPT_SYSTEMS = ("http://www.ama-assn.org/go/cpt", "urn:oid:2.16.840.1.113883.6.12")
LOINC_SYSTEMS = ("http://loinc.org", "urn:oid:2.16.840.1.113883.6.1")
ORDER_CODE_SYSTEMS = (*CPT_SYSTEMS, *LOINC_SYSTEMS, "urn:oid:2.16.840.1.113883.6.285")


def unescape(text: str) -> str:
    """The text with HL7 v2 escape sequences decoded ("CT CHEST\\T\\ABD" is "CT CHEST&ABD")."""
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], text) if "\\" in text else text


def names(vocab: OrderVocabulary, text: str) -> tuple[str, ...]:
    """The order names a text carries: those of its wrapper, or the text itself, escapes decoded and another
    catalogue's item numbers set aside. Never empty."""
    found: list[str] = []
    if len(text) <= MAX_WRAPPER:
        stripped = text.strip()
        found = _fhir(stripped) if stripped.startswith("{") else _hl7(stripped, vocab.hl7_order_controls)
    found = [n for n in (_set_aside_items(vocab, name) for name in found) if n.strip()]
    return tuple(found[:MAX_NAMES]) or (_set_aside_items(vocab, unescape(text)),)


# ------------------------------------------------------------------ HL7 v2
# a segment break: a line break, or (round 56o) the spaces before an order message's segment id on a pasted line
_SEGMENT_BREAK = re.compile(r"[\r\n]+|(?<![ \t])[ \t]+(?=(?:MSH|PID|PV1|ORC|OBR|OBX|NTE)\|)")
_STOPPED = frozenset({"declined", "held"})
_NO_CODES: Mapping[str, str] = MappingProxyType({})


def _segments(text: str) -> list[list[str]]:
    """The fields of each segment, in order (a segment's id, three characters, then its field separator)."""
    return [s.split(s[3]) for s in _SEGMENT_BREAK.split(text) if len(s) > 3 and not s[3].isalnum()]


def _orders(text: str, controls: Mapping[str, str]) -> list[tuple[str, str]]:
    """Each OBR segment's OBR-4 with what the ORC segment before it says of its order (``controls``, the vocabulary's
    ``hl7_order_controls``: "" when there is no ORC, or its code is not listed)."""
    out, control = [], ""
    for fields in _segments(text):
        if fields[0] == "ORC":
            control = controls.get(fields[1].strip().upper(), "")
        elif fields[0] == "OBR":
            out.append((fields[4] if len(fields) > 4 else "", control))
    return out


def order_control(vocab: OrderVocabulary, text: str) -> str | None:
    """Round 56o: "declined" (no study is asked for) when an HL7 v2 message's ORC segments cancel, discontinue or hold
    every order it carries (HL7 v2.5.1 Table 0119: "ORC|CA|..."); None otherwise, and for a text with no ORC segment."""
    if "ORC" not in text or len(text) > MAX_WRAPPER:
        return None
    codes = vocab.hl7_order_controls
    orders = _orders(text.strip(), codes)
    if orders:
        return "declined" if all(control in _STOPPED for _, control in orders) else None
    controls = [codes.get(f[1].strip().upper(), "") for f in _segments(text.strip()) if f[0] == "ORC"]  # no OBR
    return "declined" if controls and all(c in _STOPPED for c in controls) else None


def controlled(vocab: OrderVocabulary, text: str, reading: Any) -> Any:
    """A reading (``orders.OrderReading``) with the status an HL7 message's order control codes give it."""
    status = order_control(vocab, text)
    return reading if status is None else dataclasses.replace(reading, order_status=status)


def _hl7(text: str, controls: Mapping[str, str] = _NO_CODES) -> list[str]:
    """The names of an OBR segment's OBR-4, or of an OBR-4 field given alone; [] when the text is neither.

    Several OBR segments are several orders, read as the repetitions of one field are (round 24p): one text
    that names them all, never the first. Round 56o: an OBR whose order an ORC segment before it cancels,
    discontinues or holds is left out when another OBR's order stands."""
    orders = _orders(text, controls)
    standing = [field for field, control in orders if control not in _STOPPED]
    obr = standing or [field for field, _ in orders]
    field = "~".join(obr) if obr else None
    if field is None:
        if "|" in text or "^" not in text:
            return []
        field = text  # "77066^DX MAMMO INCL CAD BI^CPT4": the field alone, when its shape says so
        parts = field.split("^")
        shaped = 3 <= len(parts) <= 6 and _CODE.fullmatch(parts[0]) and _SYSTEM.fullmatch(parts[2])
        if not shaped or not any(c.isdigit() for c in parts[0]):  # an identifier has digits: "77066", "IMG311"
            return []
    repeated = [_field_names(rep) for rep in field.split("~")]
    if len(repeated) > 1:  # a repeated field names several studies: one text that names them all, never the first
        joined = " and ".join(found[0] for found in repeated if found)
        return [joined] if len(joined) <= MAX_NAME else []  # held to MAX_NAME as any name (round 24p)
    return repeated[0]


def _field_names(field: str) -> list[str]:
    """The text components of one CE/CWE field, each with its identifier when CPT, LOINC or HCPCS coded."""
    parts = [*field.split("^"), "", "", "", "", "", ""]
    out = []
    for code, name, system in ((parts[0], parts[1], parts[2]), (parts[3], parts[4], parts[5])):
        name = unescape(name).strip()
        if system.lower() in _READ_SYSTEMS and code.strip():
            name = f"{unescape(code).strip()} {name}".strip()
        if name and len(name) <= MAX_NAME:
            out.append(name)
    return out


# ------------------------------------------------------------------ FHIR
def _fhir(text: str) -> list[str]:
    """The names of a FHIR ServiceRequest as JSON text; [] when the text is none."""
    try:
        resource = json.loads(text)
    except (ValueError, RecursionError):
        return []
    if not isinstance(resource, dict) or resource.get("resourceType") != "ServiceRequest":
        return []
    code = resource.get("code")
    if isinstance(code, dict) and isinstance(code.get("concept"), dict):
        code = code["concept"]  # R5: a CodeableReference
    if not isinstance(code, dict):
        return []
    codings = (
        [c for c in code.get("coding") or [] if isinstance(c, dict)] if isinstance(code.get("coding"), list) else []
    )
    sites = [s for s in (_concept_text(b) for b in _list(resource.get("bodySite"))) if s]
    where = f", {', '.join(sites)}" if sites else ""
    out = [c["code"].strip() for c in codings if c.get("system") in ORDER_CODE_SYSTEMS and _text(c.get("code"))]
    out += [f"{t.strip()}{where}" for t in (code.get("text"), *(c.get("display") for c in codings)) if _text(t)]
    return [n for n in out if len(n) <= MAX_NAME]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _concept_text(concept: Any) -> str:
    """A CodeableConcept's text, else its first coding's display."""
    if not isinstance(concept, dict):
        return ""
    if _text(concept.get("text")):
        return str(concept["text"]).strip()
    displays = [c.get("display") for c in _list(concept.get("coding")) if isinstance(c, dict)]
    return next((str(d).strip() for d in displays if _text(d)), "")


# ------------------------------------------------------------------ another catalogue's item numbers
@lru_cache(maxsize=8)
def _items_pattern(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    if not labels:
        return None
    words = "|".join(r"\s+".join(map(re.escape, label.split())) for label in sorted(labels, key=len, reverse=True))
    # the label, what separates it from its number (": ", " #", " no. "), the number: letters and digits, no spaces
    return re.compile(rf"(?<![\w-])(?:{words})[\s:#.]{{0,4}}[A-Za-z]{{0,2}}\d[\w.]{{0,10}}(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _places_pattern(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    if not labels:
        return None
    words = "|".join(r"\s+".join(map(re.escape, label.split())) for label in sorted(labels, key=len, reverse=True))
    # the label, ": " or " #", a room or bed number with a letter before or after it ("12", "4B", "B4"); never a field
    # strength ("RM 3T", "RM 1.5T": the Spanish MR's), nor a longer number
    return re.compile(rf"(?<![\w-])(?:{words})[\s:#.]{{0,3}}[A-Za-z]?\d{{1,4}}[A-SU-Za-su-z]?(?![\w.-])", re.IGNORECASE)


def _set_aside_items(vocab: OrderVocabulary, text: str) -> str:
    """The text without another catalogue's item numbers and their labels ("(MBS 59300)", "OHIP X125"), and without
    where the patient is ("for rm 12", "bed 7": round 26o), nor its quantities ("25 mCi": round 53o), nor a worklist
    line's room field (round 55o), nor an order set's medication items (round 57o)."""
    text = worklist_rooms(vocab, text)  # round 55o: a worklist line's room field ("| MAM RM B |", "| CT3 |")
    for pattern in (_items_pattern(vocab.other_catalogues), _places_pattern(vocab.places)):
        text = text if pattern is None else pattern.sub(" ", text)
    text = medication_items(vocab, text)  # round 57o: an order set's "dexamethasone 4 mg PO q6h": no study's item
    return quantities(vocab, text)  # round 53o: "370 MBq", "glucose < 200 mg/dL": a quantity, no word of the order
