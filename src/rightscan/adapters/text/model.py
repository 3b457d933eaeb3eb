"""Result types of the free-text adapter. Plain data, no spaCy."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# round 28b (thirteenth security pass F2): the rules of an imaging finding at a distant site that may be a metastasis
# (targets.yaml note.distant_site_finding, values.yaml note.distant_uptake): they leave M to confirm, which the
# staging or recurrence imaging answers (assemble, confirm)
DISTANT_FINDING_RULES = frozenset({"note.distant_site_finding", "note.distant_uptake"})
MAX_NOTE_CHARS = 100_000  # a longer text is refused: notes and order reasons are far shorter


@dataclass(frozen=True, slots=True)
class Mention:
    """One rule match in a note, with the context effects around it and what it says."""

    rule: str
    family: str
    start: int  # character offsets of the matched text in the note
    end: int
    sentence: str
    effects: frozenset[str]
    findings: tuple[Any, ...]  # values.Finding
    strength: str = "explicit"
    negated_value: Any = None
    unless_setting: frozenset[str] = frozenset()
    unless_facts: tuple[str, ...] = ()
    uncertain_value: tuple[str, Any] | None = None
    only_if_uncertain: tuple[str, ...] = ()
    confirm_values: tuple[Any, ...] = ()  # values the mention leaves possible (an unparsed rule's `confirm_values`)
    sentence_start: int = -1  # the original offset of ``sentence`` (round 38l), -1 when not known


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a note states, as the core input object, with the evidence for every value.

    ``facts`` holds only what the note states (a field two mentions disagree on is left out and
    listed in ``conflicts``). ``evidence`` lists every mention read, with ``used`` telling whether
    it produced a fact and ``context`` the effects found around it (negated, family, ...).
    ``unparsed`` lists clinical mentions that could not become a fact, with the reason.
    ``assumptions`` lists facts the note implies without stating them (the setting of an untreated,
    biopsy-proven cancer), each with its evidence; a caller may override them.
    ``to_confirm`` lists facts that could flip the decision and that the note leaves uncertain (a
    "possible" red-flag symptom, suspected metastasis, two values for N): ``field``, the candidate
    ``values``, ``reason`` and the evidence; ``confirm.apply`` turns them into an ``undetermined``
    answer when the candidates lead to different decisions.
    """

    facts: dict[str, Any]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    unparsed: list[dict[str, Any]] = field(default_factory=list)
    rules_version: str = ""
    assumptions: list[dict[str, Any]] = field(default_factory=list)
    to_confirm: list[dict[str, Any]] = field(default_factory=list)
    # fields that give way first when the core refuses them with another (not part of the output): the clinical T
    # written with a size measured before the operation, against the pathology size
    gives_way: tuple[str, ...] = ()
    # set when the reader itself failed on this note (adapters/text/fault.py): no facts were read, the caller reports it
    fault: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "facts": self.facts,
            "evidence": self.evidence,
            "conflicts": self.conflicts,
            "unparsed": self.unparsed,
            "assumptions": self.assumptions,
            "to_confirm": self.to_confirm,
        }
