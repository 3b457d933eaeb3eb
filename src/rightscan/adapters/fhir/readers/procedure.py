"""Procedure -> completed breast cancer surgery (prior_surgery, and evidence for the setting)."""

from __future__ import annotations

from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.values import effective


def read_procedure(g: Gathered, res: Res) -> None:
    data = res.data
    hits, unknown = g.lookup(g.codes.surgery, data.get("code"))
    if not hits:
        if unknown:
            g.ignore(res.ref, unknown[0], "unknown code")
        return
    if data.get("status") not in g.codes.status.procedure_done:
        g.ignore(res.ref, hits[0][1], "procedure not completed")
        return
    kinds = {h.entry.surgery for h, _ in hits}
    if len(kinds) > 1:
        g.ignore(res.ref, hits[0][1], "conflicting procedure codes")
        return
    g.surgeries.append(Cand(kinds.pop(), effective(data), res.ref, all(h.verified for h, _ in hits)))
