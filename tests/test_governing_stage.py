"""The stage that places the tumour for the patient (domain.pathway.governing_stage), as the handout uses
it: a clinician would check that favourable biology never makes a tumour beyond the early pathway
"early", while a real IIA/IIB split keeps the prognostic stage."""

from __future__ import annotations

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.pathway import governing_stage

KB = load_knowledge()


def test_beyond_the_early_pathway_the_anatomic_stage_governs() -> None:
    assert governing_stage(KB, "IIIA", "IB") == "IIIA"


def test_at_the_iia_iib_line_the_prognostic_stage_is_kept() -> None:
    assert governing_stage(KB, "IIB", "IIA") == "IIA"  # the individualise split
    assert governing_stage(KB, "IIA", "IIB") == "IIB"


def test_the_prognostic_stage_when_known_else_the_anatomic() -> None:
    assert governing_stage(KB, "IA", "IA") == "IA"
    assert governing_stage(KB, "IIB", None) == "IIB"
    assert governing_stage(KB, None, None) is None
