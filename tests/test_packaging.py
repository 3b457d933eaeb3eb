"""Every data file the package reads at run time ships in the wheel: the package-data globs of
pyproject.toml cover each tracked non-Python file under src/rightscan (a LOINC table or a cue file
added without its glob would work from the checkout and fail once installed)."""

from __future__ import annotations

import fnmatch
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "rightscan"


def _tracked_data_files() -> list[str]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "src/rightscan"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [p.removeprefix("src/rightscan/") for p in out.split() if not p.endswith(".py")]


def test_every_data_file_is_covered_by_a_package_data_glob() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["rightscan"]
    uncovered = [
        f
        for f in _tracked_data_files()
        if not any(fnmatch.fnmatchcase(f, g) and f.count("/") == g.count("/") for g in globs)
    ]
    assert not uncovered, f"add a package-data glob for: {uncovered}"
