"""A symptom explained by a benign cause and named again plainly later in the same paragraph is the one symptom.

"Her abdominal pain is typical for cholecystitis. CT abdomen/pelvis (for the abd pain) ...": the later mention is the
symptom already explained. Not when the later mention carries a warning qualifier, when the explained one is itself
denied, asked, hypothetical or a relative's, across a blank line, or into another section. (The converse, a symptom
explained later anywhere in the note, is ``assemble``'s.)

Round 36a (v36 ai-032): the reason of a study in the plan crosses the section heading. "Cough: YES - 1 wk, productive,
with fever; clinically LRTI, on azithromycin" then "Plan: CXR PA view (fever + cough)": the plan names the explained
cough again as the reason of the study it asks for, on the study's own line. Only in a plan's or a request's section,
and only when a study is named before the symptom on its line (an "Exam:" heading, which a radiology request uses,
is read as a request title, and a tender spot found there is no study's reason).

Round 42m (v42 ay-047): a neurologic deficit found on examination ("Exam now: alert, mild expressive aphasia, R
pronator drift") is the examiner's sign, not the complaint told again: the benign cause the history gave the complaint
("trouble finding words ... which she put down to poor sleep") does not reach it. Only a neurologic deficit's rules
(a weak, numb or clumsy limb, a speech or a gait found on examination stands on its own), and only on a line that an
examination heading opens ("Exam:", "Exam now:", "O/E:", "PE:"); a pain's tenderness stays the pain told (round 39b).

Moved out of ``scopes`` (a module past 600 lines); a pure pass over the mentions' effect sets, changed in place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc, Span

from rightscan.adapters.text.components import PROCEDURE_PREFIX, doc_text
from rightscan.adapters.text.rule_pass import Described, Effects, Sections

_BLOCKING = frozenset({"warning", "negated", "hypothetical", "question", "uncertain", "family"})
_REASON_SECTIONS = frozenset({"plan", "request"})  # context.yaml sections whose study's reason may cross a heading
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEURO_SIGN_RULES = frozenset({"symptom.neurologic_deficit", "symptom.focal_sensory_change", "symptom.sensory_change"})
_EXAM_LINE = re.compile(
    r"[ \t]*(?:physical exam(?:ination)?|exam(?:ination)?|neuro exam|neuro|o/e|on exam|pe|o)"
    r"(?:[ \t]+(?:now|today|on admission|this am))?[ \t]*:",
    re.IGNORECASE,
)


def exam_neuro_sign(rule: str, text: str, start: int) -> bool:
    """Whether a mention of ``rule`` at ``start`` of ``text`` is a neurologic deficit on a line an examination heading
    opens (module doc, round 42m; explained_elsewhere's restatement too)."""
    if rule not in _NEURO_SIGN_RULES:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return _EXAM_LINE.match(text, line_start, start) is not None


def _study_reason(text: str, described: Described, i: int, sections: Sections, span: Span) -> bool:
    """Whether mention ``i`` is the reason of a study named before it on its line, in a plan or a request."""
    where = sections[span.start]
    if where is None or where[0] not in _REASON_SECTIONS:
        return False
    start = described[i]["start"]
    line_start = text.rfind("\n", 0, start) + 1
    return any(
        d["rule"].startswith(PROCEDURE_PREFIX) and line_start <= d["start"] and d["end"] <= start for d in described
    )


def explained_earlier_in_paragraph(
    policies: Mapping[str, Any], doc: Doc, spans: list[Span], described: Described, effects: Effects, sections: Sections
) -> None:
    """Add ``explained`` to a plain later mention of a symptom the same paragraph explained before (module doc)."""
    targets = [i for i, d in enumerate(described) if "explained" in policies[d["family"]].in_clause]
    if len(targets) < 2:
        return
    text = doc_text(doc)
    explained = [j for j in targets if "explained" in effects[j] and not effects[j] & _BLOCKING]
    for i in targets:
        if effects[i] & {"explained", "warning"} or exam_neuro_sign(described[i]["rule"], text, described[i]["start"]):
            continue
        for j in explained:
            a, b = described[j]["start"], described[i]["start"]
            if described[j]["rule"] != described[i]["rule"] or a >= b or _BLANK_LINE.search(text[a:b]):
                continue
            if sections[spans[i].start] != sections[spans[j].start] and not _study_reason(
                text, described, i, sections, spans[i]
            ):
                continue
            effects[i].add("explained")
            break
