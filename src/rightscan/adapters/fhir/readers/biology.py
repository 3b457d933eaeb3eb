"""Observation -> tumour biology: ER, PR and HER2 results, and the histologic grade."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.readers.observation_values import concept_values, settle

_GRADE_RE = re.compile(r"^(?:nottingham\s+)?(?:histologic\s+)?(?:grade\s*|g)?([123])(?:\s*(?:of|/)\s*3)?$", re.I)


def read_receptor(
    g: Gathered, res: Res, measure: str, coding: dict[str, Any], when: datetime | None, verified: bool
) -> None:
    texts = g.codes.receptor_texts

    def parse(text: str) -> str | None:
        return texts.get(text.lower())

    values, v_ok, unknown, unread = concept_values(
        g, res.data, g.codes.receptor_values, lambda e: e.value, parse, (None,)
    )
    value = settle(g, res, coding, values, unknown, unread)
    if value is None:
        return
    if value == "equivocal" and measure != "her2":
        g.ignore(res.ref, coding, "equivocal is a HER2 result only")
        return
    g.candidate(f"tumor.{measure}", Cand(value, when, res.ref, verified and v_ok))


def read_grade(g: Gathered, res: Res, coding: dict[str, Any], when: datetime | None, verified: bool) -> None:
    def parse(text: str) -> int | None:
        m = _GRADE_RE.match(text)
        return int(m[1]) if m else None

    value_int = res.data.get("valueInteger")
    if value_int is not None:
        if value_int in (1, 2, 3) and not isinstance(value_int, bool):
            g.candidate("tumor.grade", Cand(value_int, when, res.ref, verified))
        else:
            g.ignore(res.ref, coding, "grade outside 1-3")
        return
    values, v_ok, unknown, unread = concept_values(g, res.data, g.codes.grade_values, lambda e: e.grade, parse, (None,))
    value = settle(g, res, coding, values, unknown, unread)
    if value is not None:
        g.candidate("tumor.grade", Cand(value, when, res.ref, verified and v_ok))
