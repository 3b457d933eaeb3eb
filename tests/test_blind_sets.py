"""Regression checks on the blind sets written from the annotation guide alone (their first, unseen
measurements are recorded in the PROVENANCE files next to them): what must never come back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain import orders
from rightscan.domain.model import InputError

sys.path.insert(0, str(ROOT / "bench"))
from vignettes_eval import DEFAULT as VIGNETTES
from vignettes_eval import score

ORDERS_TEST = ROOT / "tests" / "fixtures" / "orders" / "orders_test.jsonl"
ORDERS_V3 = ROOT / "tests" / "fixtures" / "orders" / "orders_v3.jsonl"


def _rows(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_blind_vignettes_have_no_unsafe_answer_and_no_refused_input() -> None:
    s = score(_rows(VIGNETTES))
    assert s["unsafe"] == [] and s["errors"] == []
    assert s["suggest"] == s["n"], "every red flag's targeted study is suggested"
    assert s["all"] / s["n"] >= 0.95


@pytest.mark.parametrize("row", _rows(ORDERS_TEST) + _rows(ORDERS_V3), ids=lambda r: r["text"][:40])
def test_held_out_order_names_never_resolve_to_a_wrong_study(row: dict) -> None:  # type: ignore[type-arg]
    try:
        got = orders.resolve(load_knowledge(), row["text"]).id
    except InputError:
        return  # abstaining is allowed
    assert row["gold"] != "none" and got == row["gold"], f"{row['text']!r} read as {got}, gold {row['gold']}"
