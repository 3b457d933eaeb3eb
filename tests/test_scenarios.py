"""Clinical scenarios from data files (tests/scenarios/*.yaml), each checked the way a clinician would
read the answer: verdict, variants shown, stage, targeted study, missing facts and the words used."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from rightscan.adapters.render import to_text
from rightscan.api import evaluate
from rightscan.domain.pama import pama_rating
from rightscan.interfaces.http.handout import build as build_handout

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted(SCENARIO_DIR.glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]


def _ids(items: Any) -> list[str]:
    return [x["id"] for x in items]


def _stage_value(stage: dict[str, Any], key: str) -> Any:
    if key == "bounds_lowest":
        return ((stage.get("bounds") or {}).get("anatomic") or {}).get("lowest")
    value: Any = stage
    for part in key.split("."):
        value = (value or {}).get(part)
    return value


@pytest.mark.parametrize("case", CASES)
def test_clinical_scenario(case: dict[str, Any], kb) -> None:  # type: ignore[no-untyped-def]
    d = evaluate(case["patient"])
    e = case["expect"]
    text = to_text(d)
    low = text.lower()
    for key in ("systemic_imaging", "systemic_staging"):
        if key in e:
            assert d[key] == e[key], key
    for key, want in (e.get("stage") or {}).items():
        assert _stage_value(d["stage"], key) == want, key
    shown = sorted(a["variant"] for a in d["assessments"])
    if "variants" in e:
        assert shown == sorted(e["variants"])
    assert not set(e.get("variants_absent", [])) & set(shown)
    if "targeted" in e:
        assert [x["procedure"] for x in d["targeted_imaging"]] == e["targeted"]
    if e.get("targeted_context"):
        for x in d["targeted_imaging"]:
            if any(r["category"] != "Usually Appropriate" for r in x["acr_ratings"]):
                assert x["rating_context"] and "without symptoms" in x["rating_context"]
    if "missing" in e:
        assert sorted(m["field"] for m in d["missing"]) == sorted(e["missing"])
        assert d["insufficient_data"] == [f"{m['field']}: {m['fact']} - {m['would_change']}" for m in d["missing"]]
    missing_text = " ".join(f"{m['fact']} {m['would_change']}" for m in d["missing"])
    for words in e.get("missing_words", []):
        assert words in missing_text, words
    for words in e.get("missing_lacks", []):
        assert words not in missing_text, words
    if "assumptions" in e:
        assert [a["field"] for a in d["assumptions"]] == e["assumptions"]
        assert not {a["field"] for a in d["assumptions"]} & {m["field"] for m in d["missing"]}
    if "order" in e:
        o, want = d["order"], e["order"]
        if "category" in want:
            assert o["category"] == want["category"]
        if "rating_context" in want:
            assert bool(o["rating_context"]) is want["rating_context"]
        if "pama" in want:
            assert pama_rating(kb.pama, d)[0] == want["pama"]
        for words in want.get("note_has", []):
            assert words in (o["note"] or ""), words
    for kind in ("considerations", "next_steps"):
        got = _ids(d[kind])
        for item in e.get(kind, []):
            assert item in got, f"{kind}: {item} missing from {got}"
        for item in e.get(f"{kind}_absent", []):
            assert item not in got, f"{kind}: {item} must not appear"
    for words in e.get("summary_has", []):
        assert words in d["summary"], words
    for words in e.get("summary_lacks", []):
        assert words not in d["summary"], words
    for words in e.get("text_has", []):
        assert words.lower() in low, words
    for words in e.get("text_lacks", []):
        assert words.lower() not in low, words
    if any(k.startswith("handout_") for k in e):
        handout = build_handout(kb, d, case["patient"])
        paragraphs = " ".join(handout.stage_paragraphs)
        verdict = " ".join([handout.headline, *handout.verdict_paragraphs])
        for words in e.get("handout_has", []):
            assert words in paragraphs, words
        for words in e.get("handout_lacks", []):
            assert words not in paragraphs, words
        for words in e.get("handout_verdict_has", []):
            assert words in verdict, words
        for words in e.get("handout_verdict_lacks", []):
            assert words not in verdict, words
    # whatever the scenario: guideline versions are cited as used, with their year
    cited = [e["source"] for e in d["explanation"]] + [f["source"] for f in d["red_flags"]]
    cited += [src for k in ("considerations", "next_steps", "pitfalls") for g in d[k] for src in g["source"]]
    for source in cited:
        if "NCCN Guidelines Breast" in source or "NCCN Breast" in source:
            assert re.search(r"v\d\.\d{4} \((\d{1,2} )?[A-Z][a-z]+ \d{4}\)", source), source
    # a pointer to the considerations points to something shown
    if d["order"] and "(see considerations)" in (d["order"]["note"] or ""):
        assert d["considerations"]


def test_every_guidance_and_red_flag_source_names_its_year(kb) -> None:  # type: ignore[no-untyped-def]
    """Guideline versions are cited as used, with their year (issue 9)."""
    sources = {src for item in kb.guidance for src in item.as_dict["source"]}
    sources |= {rule.source for rule in kb.red_flag_rules}
    assert sources
    for source in sources:
        assert re.search(r"\b(19|20)\d\d\b", source), source
