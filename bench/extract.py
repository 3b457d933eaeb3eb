"""Benchmark of free-text extraction (a script that prints figures, not a test).

Reports:
  1. notes per second through the batch path, ``rightscan evaluate --note -`` (JSON Lines of
     ``{"id", "note"}`` on stdin; extraction + decision + JSON output), pinned to one CPU core:
     whole process, and steady state (start-up taken out by a one-note run);
  2. notes per second in-process (``extract_many``, then ``extract`` one at a time);
  3. pipeline load time in a fresh interpreter: importing spaCy/medspaCy, then building the pipeline;
  4. that structured ``rightscan evaluate`` does not load the pipeline (modules checked after a run in a
     fresh interpreter) and its start-up time, next to ``rightscan evaluate --note`` for one note.

The notes are the development set's (tests/nlp/devset.jsonl), cycled to the requested number.
Usage: python bench/extract.py [--notes 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "nlp" / "devset.jsonl"
EXAMPLE = ROOT / "examples" / "reference_patient.json"
RIGHTSCAN = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _notes() -> list[str]:
    return [json.loads(line)["note"] for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]


def _batch_file(n: int, directory: Path) -> Path:
    notes = _notes()
    path = directory / f"notes_{n}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": i, "note": notes[i % len(notes)]}) + "\n")
    return path


def _run_batch(path: Path) -> float:
    start = time.perf_counter()
    with path.open("rb") as stdin:
        r = subprocess.run(
            [RIGHTSCAN, "evaluate", "--note", "-", "--format", "json"],
            stdin=stdin,
            capture_output=True,
            env=_env(),
            preexec_fn=_one_core,  # pins the child process to one core
            check=False,
        )
    elapsed = time.perf_counter() - start
    lines = r.stdout.count(b"\n")
    expected = sum(1 for _ in path.open("rb"))
    if lines != expected:
        raise SystemExit(f"batch run produced {lines} lines for {expected} notes: {r.stderr.decode()[-300:]}")
    return elapsed


def _python(code: str) -> str:
    """Run code in a fresh interpreter; its answer is the last line it writes to stderr."""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True)
    return (r.stderr.strip().splitlines() or [""])[-1]


def _timed(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, env=_env(), check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--notes", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPU(s); notes from {DEVSET.name}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        big, one = _batch_file(args.notes, Path(tmp)), _batch_file(1, Path(tmp))
        whole = statistics.median(_run_batch(big) for _ in range(args.repeat))
        startup = statistics.median(_run_batch(one) for _ in range(args.repeat))
    print("\n1. rightscan evaluate --note - (JSON Lines), one CPU core")
    print(f"   {args.notes} notes in {whole:.2f} s: {args.notes / whole:,.0f} notes/s whole process (target >= 100/s)")
    print(f"   one-note run (start-up + pipeline load): {startup:.2f} s")
    print(f"   steady state: {(args.notes - 1) / (whole - startup):,.0f} notes/s")

    sys.path.insert(0, str(ROOT / "src"))
    from rightscan.adapters.text import extract, extract_many, warm_up

    warm_up()
    notes = (_notes() * (args.notes // len(_notes()) + 1))[: args.notes]
    start = time.perf_counter()
    for _ in extract_many(notes):
        pass
    batch_rate = len(notes) / (time.perf_counter() - start)
    sample = notes[:500]
    start = time.perf_counter()
    for note in sample:
        extract(note)
    single_rate = len(sample) / (time.perf_counter() - start)
    print("\n2. In-process extraction (no decision, no JSON)")
    print(f"   extract_many: {batch_rate:,.0f} notes/s; extract() one at a time: {single_rate:,.0f} notes/s")

    loads = []
    for _ in range(args.repeat):
        loads.append(
            json.loads(
                _python(
                    "import json, time; t0 = time.perf_counter()\n"
                    "import spacy, medspacy\n"
                    "t1 = time.perf_counter()\n"
                    "from rightscan.adapters.text import warm_up; warm_up()\n"
                    "t2 = time.perf_counter()\n"
                    "import sys; print(json.dumps([t1 - t0, t2 - t1]), file=sys.stderr)"
                )
            )
        )
    imp, build = (statistics.median(x) for x in zip(*loads, strict=True))
    print("\n3. Pipeline load in a fresh interpreter")
    print(f"   import spacy + medspacy: {imp:.2f} s; rules + knowledge + pipeline build: {build:.2f} s")
    print(f"   total: {imp + build:.2f} s")

    watched = ("spacy", "medspacy", "thinc", "rightscan.adapters.text.pipeline")
    modules = _python(
        "import sys\n"
        "from rightscan.interfaces.cli import main\n"
        f"sys.argv = ['rightscan', 'evaluate', {str(EXAMPLE)!r}, '--format', 'text']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {watched!r} if m in sys.modules), file=sys.stderr)"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(_notes()[0])
    structured = _timed([RIGHTSCAN, "evaluate", str(EXAMPLE), "--format", "json"], args.repeat)
    with_note = _timed([RIGHTSCAN, "evaluate", "--note", f.name, "--format", "json"], args.repeat)
    os.unlink(f.name)
    print("\n4. Structured start-up does not pay for the pipeline")
    print(f"   modules loaded after `rightscan evaluate {EXAMPLE.name}`: {modules} (expected [])")
    print(f"   `rightscan evaluate {EXAMPLE.name}`: {structured * 1000:.0f} ms")
    print(f"   `rightscan evaluate --note NOTE` (one note): {with_note * 1000:.0f} ms")


if __name__ == "__main__":
    main()
