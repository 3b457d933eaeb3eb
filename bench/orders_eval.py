"""Order-name evaluation: how many real-world order names resolve to the study a clinician means.

Reads a JSON Lines list (``{"text", "gold", "source"}``; gold is a study id, or ``none`` when the
resolver must not pick a study) and prints three counts with percentages:

- right: resolved to the gold study (only items with a gold study can be right);
- wrong: resolved to a different study, or resolved at all when gold is ``none``;
- abstained: not resolved (unknown or ambiguous); right for ``none`` items, a miss otherwise.

Usage: PYTHONPATH=src python bench/orders_eval.py [FILE ...] [--show wrong|abstained|all]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain import orders
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import InputError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "orders" / "orders_dev.jsonl"


@dataclass(frozen=True)
class Score:
    total: int
    with_gold: int
    right: int
    wrong: int
    abstained: int
    abstained_right: int  # abstentions on ``none`` items (the correct answer there)
    misses: tuple[tuple[str, str, str | None], ...]  # (text, gold, got) for wrong and abstained


def reader(kb: Knowledge) -> Callable[[str], str | None]:
    """The resolver under test: text -> study id, or None when it abstains."""
    interpret = getattr(orders, "interpret", None)
    if interpret is not None:

        def read(text: str) -> str | None:
            reading = interpret(kb, text)
            return reading.study.id if reading.status == "resolved" and reading.study else None

        return read

    def read_legacy(text: str) -> str | None:  # the resolver before issue 8 (resolve or error)
        try:
            return orders.resolve(kb, text).id
        except InputError:
            return None

    return read_legacy


def score(items: list[dict[str, str]], read: Callable[[str], str | None]) -> Score:
    right = wrong = abstained = abstained_right = 0
    misses: list[tuple[str, str, str | None]] = []
    for item in items:
        gold, got = item["gold"], read(item["text"])
        if got is None:
            abstained += 1
            if gold == "none":
                abstained_right += 1
            else:
                misses.append((item["text"], gold, None))
        elif gold != "none" and got == gold:
            right += 1
        else:
            wrong += 1
            misses.append((item["text"], gold, got))
    with_gold = sum(1 for item in items if item["gold"] != "none")
    return Score(len(items), with_gold, right, wrong, abstained, abstained_right, tuple(misses))


def load(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:.1f} %" if d else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--show", choices=["wrong", "abstained", "all"], default=None)
    args = parser.parse_args(argv)
    kb = load_knowledge()
    read = reader(kb)
    totals = [0, 0, 0, 0]  # names, with a gold study, right, wrong
    for path in args.files:
        s = score(load(path), read)
        for i, n in enumerate((s.total, s.with_gold, s.right, s.wrong)):
            totals[i] += n
        print(f"{path.name}: {s.total} order names, {s.with_gold} with a gold study")
        print(f"  resolved right: {s.right:4d}  ({pct(s.right, s.with_gold)} of items with a gold study)")
        print(f"  wrong:          {s.wrong:4d}  ({pct(s.wrong, s.total)} of all items)")
        print(
            f"  abstained:      {s.abstained:4d}  ({pct(s.abstained, s.total)} of all items; "
            f"{s.abstained_right} of them on 'none' items, where abstaining is right)"
        )
        for text, gold, got in s.misses:
            kind = "abstained" if got is None else "wrong"
            if args.show in (kind, "all"):
                print(f"  {kind:9s} gold={gold:28s} got={got or '-':28s} {text}")
    if len(args.files) > 1:
        names, with_gold, right, wrong = totals
        summary = f"right {right} of {with_gold} ({pct(right, with_gold)}), wrong {wrong}"
        print(f"all {len(args.files)} lists: {names} order names; {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
