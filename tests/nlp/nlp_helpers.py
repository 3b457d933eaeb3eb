"""Shared helpers for the free-text adapter tests (not a conftest, to keep module names unique)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
RULES = SRC / "rightscan" / "knowledge" / "nlp"
RIGHTSCAN = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"


def facts(text: str) -> dict[str, Any]:
    from rightscan.adapters.text import extract

    return extract(text).facts


def tumor(text: str) -> dict[str, Any]:
    return facts(text).get("tumor", {})


def symptom_codes(text: str) -> set[str]:
    """The red-flag symptoms a note is read to state."""
    return set(facts(text).get("symptoms", []))


def symptoms_to_confirm(text: str) -> set[str]:
    """The red-flag symptoms a note leaves to confirm (neither stated nor denied)."""
    from rightscan.adapters.text import extract

    return {v for c in extract(text).to_confirm if c["field"] == "symptoms" for v in (c.get("values") or [])}


def order_of(note: str) -> str | None:
    """The catalogue id of the order a note is read to consider (None: no single study)."""
    from rightscan.adapters.knowledge_files import load_knowledge

    name = facts(note).get("order")
    if name is None:
        return None
    return next(pid for pid, p in load_knowledge().procedures.items() if p.name == name)


def decide_note(text: str) -> dict[str, Any]:
    """The decision a note gives, as ``evaluate --note`` answers it (with the to-confirm abstention)."""
    from rightscan.adapters.text import confirm, extract
    from rightscan.api import evaluate

    result = extract(text)
    return confirm.apply(evaluate(result.facts), result, evaluate)


def env() -> dict[str, str]:
    """The environment for subprocesses: this worktree's sources first."""
    return {**os.environ, "PYTHONPATH": str(SRC)}


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [RIGHTSCAN, *args], input=stdin, capture_output=True, text=True, timeout=120, env=env(), check=False
    )


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env(), check=False
    )
