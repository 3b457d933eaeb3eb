"""Evaluate a clinical note, and read free text for the channels that combine it with coded data.

Every channel that reads a note applies the same two rules here: an explicit order (``--order``, the
``order`` of a request or of a JSON Lines record) replaces a study the note names, and the answer says
so (``order_override``); and when a fact the text leaves uncertain would change the answer, the answer
is ``undetermined`` and names the fact to confirm.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import orjson

from rightscan.application.core import decide_payload, order_override, with_override
from rightscan.domain.knowledge import Knowledge

if TYPE_CHECKING:
    from rightscan.adapters.text.model import Extraction

READ_IN_NOTE = "read in the note"


def evidence_for_log(extraction: Any) -> list[dict[str, Any]]:
    """Extraction evidence without the note's sentences: the decision log keeps no free text."""
    keep = ("field", "value", "start", "end", "rule", "used", "context")
    return [{k: e[k] for k in keep if k in e} for e in extraction.evidence]


def read_note(note: str) -> Extraction:
    """The facts a note states, with their evidence (raises ``InputError`` for a note that cannot be read)."""
    from rightscan.adapters.text import extract

    return extract(note)


def note_facts(
    note: str, order: str | None, by: str = "the request's order"
) -> tuple[dict[str, Any], Extraction, dict[str, str] | None]:
    """A clinical note (and an optional explicit order) -> (the core input object it states, the
    extraction, the override note or None). The explicit order replaces a study the note names, and the
    override note says so. The extraction never invents a missing fact; the decision reports what is missing."""
    extraction = read_note(note)
    facts = dict(extraction.facts)
    override = order_override(facts, order, by, READ_IN_NOTE)
    if order is not None:
        facts["order"] = order
    return facts, extraction, override


def decide_extracted(kb: Knowledge, facts: dict[str, Any], order: str | None, by: str = "--order") -> dict[str, Any]:
    """The decision on facts read from a note. ``order`` replaces a study found in the note, and the answer
    says so. Raises ``InputError`` naming the field when the facts are invalid or contradictory."""
    facts = dict(facts)
    override = order_override(facts, order, by, READ_IN_NOTE)
    if order is not None:
        facts.pop("order", None)
    return with_override(override, decide_payload(kb, facts, order))


def evaluate_note(kb: Knowledge, extraction: Extraction, order: str | None, by: str = "--order") -> dict[str, Any]:
    """Use case *evaluate a note* (after reading it): ``decide_extracted`` on the note's facts, made
    ``undetermined`` (naming the fact) when a fact the note leaves uncertain would change the answer."""
    from rightscan.adapters.text import confirm

    decision = decide_extracted(kb, extraction.facts, order, by)
    return confirm.apply(decision, extraction, lambda facts: decide_extracted(kb, facts, order, by))


# (organisation, text) -> its reading, JSON (in memory only, bounded). Keyed by organisation too: a reading
# remembered for one organisation is answered faster, and another must not learn by timing that it was sent.
_READINGS: OrderedDict[tuple[str | None, str], bytes] = OrderedDict()
_READINGS_MAX = 4096
_READINGS_LOCK = threading.Lock()


def _text_reading_json(text: str, organisation: str | None) -> bytes:
    key = (organisation, text)
    with _READINGS_LOCK:
        cached = _READINGS.get(key)
        if cached is not None:
            _READINGS.move_to_end(key)
            return cached
    extraction = read_note(text)
    facts = {k: v for k, v in extraction.facts.items() if k != "order"}
    encoded = orjson.dumps({"facts": facts, "to_confirm": extraction.to_confirm})
    with _READINGS_LOCK:
        _READINGS[key] = encoded
        if len(_READINGS) > _READINGS_MAX:
            _READINGS.popitem(last=False)
    return encoded


def remembered_text_reading(
    text: str, organisation: str | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """:func:`text_reading` when this organisation's text was read before (no reading, so no CPU budget and
    no worker thread needed), else None."""
    key = (organisation, text)
    with _READINGS_LOCK:
        cached = _READINGS.get(key)
        if cached is not None:
            _READINGS.move_to_end(key)
    if cached is None:
        return None
    reading = orjson.loads(cached)
    return reading["facts"], reading["to_confirm"]


def text_reading(text: str, organisation: str | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Facts stated by a record's free text (order reason, notes), the order excluded, and the facts the
    text leaves uncertain (``to_confirm``: a possible red-flag symptom, a suspected metastasis).

    Extraction is a pure function of the text and the rules, and EHRs resend the same order reasons on
    every hook call, so results are remembered by text (in memory only, never logged), separately for each
    ``organisation`` (the caller's ``<issuer>|<tenant>``; None in development mode); each caller gets its
    own copy.
    """
    reading = orjson.loads(_text_reading_json(text, organisation))
    return reading["facts"], reading["to_confirm"]


def text_facts(text: str) -> dict[str, Any]:
    """The facts of :func:`text_reading` alone."""
    return text_reading(text)[0]


def uncertain_gaps(coded: dict[str, Any], to_confirm: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The uncertain text facts that coded data leave open (coded data always win, so an uncertainty
    about a fact the record codes is moot)."""

    def coded_already(field_name: str) -> bool:
        head, _, tail = field_name.partition(".")
        if head == "symptoms":
            return False  # coded symptoms are united with the text's, never replaced
        return tail in (coded.get(head) or {}) if tail else head in coded

    return [item for item in to_confirm if not coded_already(item["field"])]


def confirm_uncertain(
    kb: Knowledge, decision: dict[str, Any], facts: dict[str, Any], to_confirm: list[dict[str, Any]]
) -> dict[str, Any]:
    """Safety before coverage on every channel that reads free text: when a fact the text leaves uncertain
    would change the answer, the decision becomes ``undetermined`` and names the fact to confirm
    (``rightscan.adapters.text.confirm``); otherwise the decision is returned unchanged."""
    if not to_confirm:
        return decision
    from rightscan.adapters.text import confirm
    from rightscan.adapters.text.model import Extraction

    def redo(candidate: dict[str, Any]) -> dict[str, Any]:
        return decide_payload(kb, candidate)

    return confirm.apply(decision, Extraction(facts=facts, to_confirm=to_confirm), redo, facts)


TEXT_FILLABLE = ("setting", "prior_surgery", "patient_preference", "age", "sex")


def fill_from_text(coded: dict[str, Any], text: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[str]]:
    """Coded facts completed by facts read from free text: text only fills gaps, coded data always wins.

    Returns (merged facts, the fields filled from text, the fields where text and coded data disagree).
    Symptoms are united; labs and tumour markers are added when the coded data lack them.
    """
    merged = {**coded, "tumor": dict(coded.get("tumor", {}))}
    filled: list[str] = []
    disagree: list[str] = []
    for key in TEXT_FILLABLE:
        if key in text:
            if key not in coded:
                merged[key] = text[key]
                filled.append(key)
            elif coded[key] != text[key]:
                disagree.append(key)
    for key, value in text.get("tumor", {}).items():
        if key not in merged["tumor"]:
            merged["tumor"][key] = value
            filled.append(f"tumor.{key}")
        elif merged["tumor"][key] != value:
            disagree.append(f"tumor.{key}")
    extra_symptoms = [s for s in text.get("symptoms", []) if s not in coded.get("symptoms", [])]
    if extra_symptoms:
        merged["symptoms"] = [*coded.get("symptoms", []), *extra_symptoms]
        filled.extend(f"symptoms.{s}" for s in extra_symptoms)
    for group in ("labs", "tumor_markers", "pathology"):
        for key, value in text.get(group, {}).items():
            if value is None:
                continue
            if key not in coded.get(group, {}) or coded[group].get(key) is None:
                merged[group] = {**merged.get(group, {}), key: value}
                filled.append(f"{group}.{key}")
    if not merged["tumor"]:
        merged.pop("tumor")
    return merged, filled, disagree
