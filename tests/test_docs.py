"""Documentation that cannot drift: the README's examples and vocabularies are checked here."""

from __future__ import annotations

import json
import re

from conftest import ROOT
from rightscan.api import evaluate

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_worked_example_gives_the_answer_it_states() -> None:
    block = README.split("Worked example", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    d = evaluate(json.loads(block))
    assert (d["stage"]["anatomic"], d["stage"]["clinical_prognostic"]) == ("IIIA", "IIIB")
    assert d["systemic_imaging"] == "recommended"
    assert [a["variant"] for a in d["assessments"]] == [3, 4]
    assert (d["order"]["variant"], d["order"]["category"]) == (4, "Usually Appropriate")


def test_readme_lists_exactly_the_symptom_codes_the_knowledge_accepts(kb) -> None:  # type: ignore[no-untyped-def]
    line = README.split("Symptom codes:", 1)[1].split("(definitions", 1)[0]
    assert set(re.findall(r"`([a-z_]+)`", line)) == set(kb.symptoms)


def test_readme_reference_example_matches_the_real_output() -> None:
    d = evaluate(json.loads((ROOT / "examples" / "reference_patient.json").read_text()))
    assert d["summary"] in README
    assert "two commands" in README.lower() and "make run" in README and "make test" in README


def test_readme_states_the_alp_threshold_the_knowledge_uses(kb) -> None:  # type: ignore[no-untyped-def]
    assert f"**{kb.thresholds.alp_mild_max_x_uln:g}× ULN**" in README
