"""Documentation that cannot drift: the README's examples and vocabularies are checked here."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

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


# ---------------------------------------------------------------------------------------------- every command as pasted
SHELL_FENCES = ("sh", "bash", "shell", "console")
# Lines not run: a server does not return, `make test` is the suite this test runs in, and a call to
# the local server needs it running (tests/test_readme.py replays those calls in-process).
NOT_RUN = (
    re.compile(r"\brightscan serve\b"),
    re.compile(r"^make test\b"),
    re.compile(r"^curl .*http://127\.0\.0\.1:8000/"),
)
SCRATCH = re.compile(r"(^|/)(__pycache__|\.pytest_cache|\.ruff_cache|\.hypothesis|artifacts)(/|$)")


def fenced_blocks(language: tuple[str, ...]) -> list[str]:
    return [m.group(2) for m in re.finditer(r"^```(\w+)\n(.*?)^```", README, re.S | re.M) if m.group(1) in language]


def readme_commands() -> list[str]:
    commands = []
    for block in fenced_blocks(SHELL_FENCES):
        for line in block.splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                commands.append(line.strip())
    return commands


def checkout_state() -> set[str]:
    out = subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line for line in out.splitlines() if not SCRATCH.search(line[3:])}


def test_the_readme_has_commands_to_run_and_skips_only_server_lines() -> None:
    commands = readme_commands()
    assert len(commands) >= 15
    skipped = [c for c in commands if any(p.search(c) for p in NOT_RUN)]
    assert skipped and all("serve" in c or c.startswith(("make test", "curl ")) for c in skipped)


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "rightscan").exists(), reason="no .venv: `make run` creates it")
def test_every_readme_shell_command_runs_as_written(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    env.pop("RIGHTSCAN_DATABASE_URL", None)
    before = checkout_state()
    ran = []
    for command in readme_commands():
        if any(p.search(command) for p in NOT_RUN):
            continue
        if command.startswith("make ") and subprocess.run(["make", "-q", ".venv/.installed"], cwd=ROOT).returncode:
            continue  # the environment is out of date: make would reinstall it, which is not this test's job
        r = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, f"README command failed ({r.returncode}): {command}\n{r.stderr[-2000:]}"
        assert r.stdout.strip(), f"README command printed nothing: {command}"
        assert "Traceback" not in r.stderr, command
        ran.append(command)
    assert len(ran) >= 12
    assert checkout_state() == before, "a README command left files in the checkout"


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "python").exists(), reason="no .venv: `make run` creates it")
def test_every_readme_python_block_runs_as_written() -> None:
    blocks = fenced_blocks(("python",))
    assert blocks
    for block in blocks:
        r = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "-c", block], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert r.returncode == 0, r.stderr
        assert "Systemic staging imaging is not recommended" in r.stdout
        assert "refused: tumor.size_cm" in r.stdout


def test_readme_names_no_bare_python_and_only_existing_make_targets_and_scripts() -> None:
    code = " ".join(re.findall(r"`([^`\n]+)`", README)) + "\n".join(fenced_blocks(SHELL_FENCES))
    assert not re.search(r"(?<![/\w.-])python3? ", code), "use .venv/bin/python or a make target"
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))
    for target in re.findall(r"\bmake ([a-z][\w-]*)", code):
        assert target in targets, f"make {target}: no such target"
    for script in re.findall(r"\.venv/bin/python ([\w/.-]+\.py)", code):
        assert (ROOT / script).exists(), script
    for example in re.findall(r"\bexamples/[\w.-]+", README):
        assert (ROOT / example).exists(), example
    images = re.findall(r"\]\((docs/img/[^)\s]+)\)", README)
    assert len(images) >= 3 and all((ROOT / image).exists() for image in images), images
