"""Evaluate the core on clinical vignettes written blind (tests/fixtures/vignettes/blind_vignettes.jsonl).

Each line: ``input`` (the input contract, with the order as a clinician types it), ``expected``
(acceptable ``systemic_imaging`` verdicts, acceptable ACR categories of the ordered study or "any",
study ids that must be among the red-flag suggestions), and ``unsafe`` (verdicts that would be
clinically unsafe for this patient). Prints: all-correct, verdict, order category, suggestions,
unsafe answers and input errors; ``--show N`` lists the first N misses.

Usage: .venv/bin/python bench/vignettes_eval.py [FILE] [--show N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from rightscan.api import evaluate
from rightscan.domain.model import InputError

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "vignettes" / "blind_vignettes.jsonl"


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(rows), "all": 0, "verdict": 0, "category": 0, "suggest": 0, "unsafe": [],
                           "errors": [], "misses": []}  # fmt: skip
    for r in rows:
        exp = r["expected"]
        try:
            d = evaluate(r["input"])
        except InputError as exc:
            out["errors"].append((r["id"], f"{exc.field}: {exc.message}"))
            continue
        verdict = d["systemic_imaging"]
        category = (d.get("order") or {}).get("category")
        suggested = {pid for f in d["red_flags"] for pid in f.get("suggested_ids", [])}
        ok_verdict = verdict in exp["systemic_imaging"]
        cats = exp.get("order_category") or ["any"]
        ok_category = "any" in cats or category in cats
        ok_suggest = set(exp.get("must_suggest", [])) <= suggested
        out["verdict"] += ok_verdict
        out["category"] += ok_category
        out["suggest"] += ok_suggest
        out["all"] += ok_verdict and ok_category and ok_suggest
        if verdict in r.get("unsafe", []):
            out["unsafe"].append((r["id"], verdict, r.get("rationale", "")))
        elif not (ok_verdict and ok_category and ok_suggest):
            out["misses"].append((r["id"], verdict, exp["systemic_imaging"], category, cats, sorted(suggested)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    s = score(rows)
    n = s["n"]
    print(f"{args.file.name}: {n} vignettes")
    for key, label in (("all", "all correct"), ("verdict", "verdict"), ("category", "order category"),
                       ("suggest", "required suggestions")):  # fmt: skip
        print(f"  {label:<22} {s[key]:>4}  ({s[key] / n:.1%})")
    print(f"  {'unsafe answers':<22} {len(s['unsafe']):>4}")
    print(f"  {'input errors':<22} {len(s['errors']):>4}")
    for item in [*s["unsafe"], *s["errors"], *s["misses"]][: args.show]:
        print("   ", *item)


if __name__ == "__main__":
    main()
