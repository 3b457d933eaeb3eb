"""The draft ServiceRequest's reason: coded symptoms become candidates, its text goes to the note reader.

Other reason codes are not read for the setting: the problem list (Conditions) decides it.
"""

from __future__ import annotations

from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.model import DraftOrder


def read_order_reason(g: Gathered, order: DraftOrder) -> None:
    ref = order.id or order.path
    if order.reason_text:
        g.facts.texts.append(order.reason_text)
    for c in order.reason_codes:
        if not c.code:
            continue
        coding = {"system": c.system, "code": c.code}
        hit = g.codes.conditions.get(g.codes.system_key(c.system), c.code)
        if hit is None:
            g.ignore(ref, coding, "unknown code")
        elif hit.entry.kind == "symptom":
            g.symptom(hit.entry.symptom, Cand(hit.entry.symptom, None, ref, hit.verified, "order reason"))
        else:
            g.ignore(ref, coding, "order reason: not used for the setting (problem list decides)")
