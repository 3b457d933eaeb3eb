"""Output snapshot of the note reader (a script, not a test): every note of every tests/nlp/*.jsonl set.

Runs ``rightscan.adapters.text.extract`` over each line's ``note`` (or ``text``) field, lines without one
skipped, and writes one JSON line per note: the set, the line number and the whole extraction result
(facts, evidence, conflicts, unparsed, assumptions, to_confirm, gives_way, fault; keys sorted), or the error
it raised. Two runs are compared with ``cmp`` or ``diff``: speed work must leave the file byte-identical.
With ``--bench``, the bench's joined notes of about 1,500 characters (bench/extract.py) are added.
Usage: python bench/snapshot_extract.py OUT.jsonl [--bench]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "nlp"


def _notes(with_bench: bool) -> list[tuple[str, int, str]]:
    out: list[tuple[str, int, str]] = []
    for path in sorted(SETS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("note", row.get("text")) if isinstance(row, dict) else None
            if isinstance(text, str):
                out.append((path.name, number, text))
    if with_bench:
        sys.path.insert(0, str(ROOT / "bench"))
        from extract import _notes as bench_notes

        out += [("bench", number, text) for number, text in enumerate(bench_notes(), 1)]
    return out


def _result(text: str) -> dict[str, Any]:
    from rightscan.adapters.text import extract

    try:
        found = extract(text)
    except Exception as exc:  # the error is part of the output
        return {"error": f"{type(exc).__name__}: {exc}"}
    return {**found.to_dict(), "gives_way": list(found.gives_way), "fault": found.fault}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--bench", action="store_true", help="add the bench's joined notes of ~1,500 characters")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from rightscan.adapters.text import warm_up

    warm_up()
    notes = _notes(args.bench)
    start = time.process_time()
    with args.out.open("w", encoding="utf-8") as f:
        for name, number, text in notes:
            row = {"set": name, "line": number, "result": _result(text)}
            f.write(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str) + "\n")
    spent = time.process_time() - start
    print(f"{len(notes)} notes, {spent:.1f} CPU-s ({spent / len(notes) * 1000:.2f} ms a note) -> {args.out}")


if __name__ == "__main__":
    main()
