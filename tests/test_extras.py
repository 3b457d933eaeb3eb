"""`pip install rightscan` is the core and the CLI; everything else is an extra.

Optional modules are blocked in a child interpreter (``sys.modules[name] = None`` makes their import
fail as if they were not installed): structured evaluation must still work, and a command that needs
an extra must stop with exit 2 and one line naming it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rightscan.extras import EXTRA_OF_MODULE

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "reference_patient.json"


def _cli(blocked: list[str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None\n"
        "from rightscan.interfaces.cli import main\n"
        "main()\n"
    )
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_structured_evaluation_needs_no_extra() -> None:
    result = _cli(sorted(EXTRA_OF_MODULE), "evaluate", str(EXAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert '"systemic_imaging"' in result.stdout


@pytest.mark.parametrize(
    ("blocked", "args", "extra"),
    [
        (["spacy", "medspacy"], ("evaluate", "--note", "-"), "nlp"),
        (["uvicorn", "fastapi"], ("serve", "--port", "1"), "service"),
    ],
)
def test_missing_extra_is_one_line_naming_it(blocked: list[str], args: tuple[str, ...], extra: str) -> None:
    result = _cli(blocked, *args, stdin='{"note": "58F IDC 1.5 cm, node negative"}\n')
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"rightscan[{extra}]" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
