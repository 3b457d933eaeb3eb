"""Round 48s (v48 bq-033, bs-034): a list of symptoms tied to a named acute illness is explained by it item by item.

"Admitted with RLL community-acquired pneumonia (fever, productive cough, dyspnea, hypoxia to 88%)"; "2 days of sore
throat, congestion, mild headache and dry cough - her son has the same cold". ConText's explaining cue reaches the items
near it, or only those its rule allows ("the same cold" explains a cough), so the dyspnea past its reach, or the
headache beside the explained cough, was raised though the note gives it as part of the same illness.

Here, in a list of symptom mentions (joined_findings.JoinedFindings.chains: items joined by list connectors or other
short items), when one item is explained by an explaining cue of its sentence that names an illness of
``illness_list_causes`` (context.yaml ``red_flag_readings``, "symptom: illness words") giving that item, every other
item the same illness gives is explained too. Never an item with a warning of its own (new, worse, at rest,
persistent ...), nor one told otherwise (denied, asked, doubted, past, a relative's), nor one the illness does not give
(a cold explains no breathlessness and no bone pain).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rightscan.adapters.text.pass_words import phrase_pattern
from rightscan.adapters.text.rule_pass import NoteMentions

_NOT_PLAIN = frozenset({"negated", "hypothetical", "family", "historical", "explained", "warning", "question",
                        "uncertain"})  # fmt: skip
_SYMPTOM_FAMILY = "symptom"


def _codes(d: Mapping[str, Any]) -> set[str]:
    return {f.value for f in d["findings"] if f.field == "symptoms"}


class IllnessLists:
    """The policy of ``illness_list_causes`` (module doc), compiled once per rule set."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        rows: dict[str, set[str]] = {}
        for row in words.get("illness_list_causes", ()):
            code, _, listed = row.partition(":")
            rows.setdefault(code.strip(), set()).update(w.strip() for w in listed.split(","))
        self._gives = {code: p for code, ws in rows.items() if (p := phrase_pattern(ws)) is not None}

    def apply(self, note: NoteMentions, chains: Sequence[Sequence[tuple[int, str]]]) -> None:
        if not self._gives:
            return
        doc = note.doc
        explaining = note.cues("explained")
        for chain in chains:
            items = [i for i, _link in chain if note.described[i]["family"] == _SYMPTOM_FAMILY]
            if len(items) < 2:
                continue
            named: set[str] = set()  # the symptoms the illnesses that explain an item of the list give
            for i in items:
                if "explained" not in note.effects[i] or "warning" in note.effects[i]:
                    continue
                sent = note.sents.of(note.spans[i].start)
                cue_words = [doc[s:t].text for s, t in explaining if sent.start <= s < sent.end]
                illnesses = {code for code, p in self._gives.items() if any(p.search(w) for w in cue_words)}
                if _codes(note.described[i]) & illnesses:
                    named |= illnesses
            if not named:
                continue
            for i in items:
                e = note.effects[i]
                if not e & _NOT_PLAIN and _codes(note.described[i]) and _codes(note.described[i]) <= named:
                    e.add("explained")
