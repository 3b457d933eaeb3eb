"""Words of distant disease that name something else: another disease's stage, metabolic equivalents (round 34s1).

Sixteenth security pass, F1. "Stage 4/IV" and "mets" are read as distant disease (targets.yaml metastasis.site,
metastasis.unplaced), and an M1 turns a stage IIB-III patient who is due staging imaging into "not applicable". Other
diseases are staged too, and an exercise capacity is counted in METs:

- "stage 4/IV" tied to another disease or to another disease's staging system (values.yaml
  ``clue.stage_of_another_disease``: "CKD (stage 4)", "COPD GOLD stage IV", "Hoehn and Yahr stage 4", "Tanner stage 4",
  "stage 4 sleep"): that disease's stage; its M1 is kept as evidence only and nothing is asked;
- "stage 4/IV" right after a word that neither names the breast cancer nor leads into its stage
  (``clue.stage_of_unnamed_owner``: "Ann Arbor stage IV", "Enneking stage 4"): whose stage it is, the words do not say;
  the M1 is left to confirm, never a known M1 and never dropped;
- a count of metabolic equivalents (``clue.metabolic_equivalents``: "exercise capacity 8 METs", "achieved 10.1 METs",
  "can manage 4 METs", "~4 METs"): no metastasis; its M1 is kept as evidence only.

"Stage IV breast cancer", "metastatic breast ca, stage 4", "stage IV (bone mets)", "mets to liver" and a lower-case
count of metastases ("MRI brain: 3 mets") stay distant disease. Like the other safety nets, this only ever takes an
M1 away; a stated M category (cM1, pM1) is left alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.values import FACT, NOTE, Finding

OTHER_DISEASE = "clue.stage_of_another_disease"  # values.yaml
UNNAMED_OWNER = "clue.stage_of_unnamed_owner"  # values.yaml
METABOLIC = "clue.metabolic_equivalents"  # values.yaml
_STATED_M = "tnm."  # values.yaml: an M category written as such
OTHER_REASON = "the stage of another disease (CKD, COPD, Parkinson, sleep ...): no cancer stage, not distant disease"
UNNAMED_REASON = (
    "a stage IV whose disease the words beside it do not name (not the breast cancer's by its words): distant"
    " metastasis not proven: confirm it"
)
METABOLIC_REASON = "metabolic equivalents (an exercise capacity in METs): no metastasis"


def _says_m1(m: Mention) -> bool:
    return any(f.kind == FACT and f.field == "tumor.m" and f.value == "M1" for f in m.findings)


def _set_m_aside(m: Mention, reason: str) -> Mention:
    findings = tuple(
        Finding("tumor.m", "M1", NOTE, reason) if f.kind == FACT and f.field == "tumor.m" and f.value == "M1" else f
        for f in m.findings
    )
    return dataclasses.replace(m, findings=findings)


def set_aside(mentions: list[Mention]) -> tuple[list[Mention], list[tuple[Mention, str]]]:
    """The mentions with each look-alike M1 made evidence only, and those left to confirm with their reasons."""
    clues: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.rule in (OTHER_DISEASE, UNNAMED_OWNER, METABOLIC):
            clues.setdefault(m.rule, []).append(m)
    if not clues:
        return mentions, []
    doubted: list[tuple[Mention, str]] = []
    out: list[Mention] = []
    for m in mentions:
        if _says_m1(m) and not m.rule.startswith(_STATED_M):
            if _ends_at(m, clues.get(METABOLIC, [])):
                m = _set_m_aside(m, METABOLIC_REASON)
            elif _inside(m, clues.get(OTHER_DISEASE, [])):
                m = _set_m_aside(m, OTHER_REASON)
            elif _ends_at(m, clues.get(UNNAMED_OWNER, [])):
                m = _set_m_aside(m, UNNAMED_REASON)
                if not m.effects & {"negated", "family", "hypothetical", "historical", "purpose"}:
                    doubted.append((m, UNNAMED_REASON))
        out.append(m)
    return out, doubted


def _inside(m: Mention, clues: Sequence[Mention]) -> bool:
    return any(c.start <= m.start and m.end <= c.end for c in clues)


def _ends_at(m: Mention, clues: Sequence[Mention]) -> bool:
    """The mention's words end the clue (the clue's earlier words are its context)."""
    return any(c.start <= m.start and m.end == c.end for c in clues)
