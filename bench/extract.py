"""Benchmark of free-text extraction (a script that prints figures, not a test).

Reports:
  1. notes per second through the batch path, ``rightscan evaluate --note -`` (JSON Lines of
     ``{"id", "note"}`` on stdin; extraction + decision + JSON output), pinned to one CPU core:
     whole process, and steady state (start-up taken out by a one-note run);
  2. notes per second in-process (``extract_many``, then ``extract`` one at a time);
  3. pipeline load time in a fresh interpreter: importing spaCy/medspaCy, then building the pipeline;
  4. that structured ``rightscan evaluate`` does not load the pipeline (modules checked after a run in a
     fresh interpreter) and its start-up time, next to ``rightscan evaluate --note`` for one note.

The notes are built from the development set's (tests/nlp/devset.jsonl and blind_dev.jsonl): consecutive
notes joined until each is about ``--chars`` characters long (1,500 by default, the length issue 8 sets),
cycled to the requested number. Also reports the time of one note of 10,000 and 100,000 characters
(extraction must grow linearly with the note).
Usage: python bench/extract.py [--notes 2000] [--repeat 3] [--chars 1500]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "nlp" / "devset.jsonl"
BLIND_DEV = ROOT / "tests" / "nlp" / "blind_dev.jsonl"
CHARS = 1500
EXAMPLE = ROOT / "examples" / "reference_patient.json"
RIGHTSCAN = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _notes() -> list[str]:
    """Development-set notes joined into notes of about CHARS characters each."""
    raw = []
    for path in (DEVSET, BLIND_DEV):
        if path.exists():
            raw += [json.loads(line)["note"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out, current = [], ""
    for note in raw:
        current = f"{current}\n\n{note}" if current else note
        if len(current) >= CHARS:
            out.append(current[: CHARS + 200])
            current = ""
    return out


def _batch_file(n: int, directory: Path) -> Path:
    notes = _notes()
    path = directory / f"notes_{n}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": i, "note": notes[i % len(notes)]}) + "\n")
    return path


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_batch(path: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one JSON Lines run."""
    cpu0 = _child_cpu()
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
    cpu = _child_cpu() - cpu0
    lines = r.stdout.count(b"\n")
    expected = sum(1 for _ in path.open("rb"))
    if lines != expected:
        raise SystemExit(f"batch run produced {lines} lines for {expected} notes: {r.stderr.decode()[-300:]}")
    return elapsed, cpu


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
    ap.add_argument("--chars", type=int, default=CHARS, help="approximate length of each note")
    args = ap.parse_args()
    globals()["CHARS"] = args.chars
    sample = _notes()
    mean = sum(map(len, sample)) / len(sample)
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPU(s); "
        f"{len(sample)} distinct notes of {mean:,.0f} characters on average, from the development sets"
    )

    with tempfile.TemporaryDirectory() as tmp:
        big, one = _batch_file(args.notes, Path(tmp)), _batch_file(1, Path(tmp))
        runs = [_run_batch(big) for _ in range(args.repeat)]
        ones = [_run_batch(one) for _ in range(args.repeat)]
    whole, whole_cpu = (statistics.median(x) for x in zip(*runs, strict=True))
    startup, startup_cpu = (statistics.median(x) for x in zip(*ones, strict=True))
    print("\n1. rightscan evaluate --note - (JSON Lines), one CPU core")
    print(f"   {args.notes} notes in {whole:.2f} s wall, {whole_cpu:.2f} s CPU: {args.notes / whole:,.0f} notes/s "
          f"wall, {args.notes / whole_cpu:,.0f} notes per CPU-second (target >= 100/s)")  # fmt: skip
    print(f"   one-note run (start-up + pipeline load): {startup:.2f} s wall, {startup_cpu:.2f} s CPU")
    print(f"   steady state: {(args.notes - 1) / (whole - startup):,.0f} notes/s wall, "
          f"{(args.notes - 1) / (whole_cpu - startup_cpu):,.0f} per CPU-second")  # fmt: skip
    print(f"   (load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")

    sys.path.insert(0, str(ROOT / "src"))
    from rightscan.adapters.text import extract, extract_many, warm_up

    warm_up()
    notes = (_notes() * (args.notes // len(_notes()) + 1))[: args.notes]
    start = time.process_time()
    for _ in extract_many(notes):
        pass
    batch_rate = len(notes) / (time.process_time() - start)
    sample = notes[:500]
    start = time.process_time()
    for note in sample:
        extract(note)
    single_rate = len(sample) / (time.process_time() - start)
    print("\n2. In-process extraction (no decision, no JSON), per CPU-second")
    print(f"   extract_many: {batch_rate:,.0f} notes/s; extract() one at a time: {single_rate:,.0f} notes/s")
    long_text = "\n\n".join(notes)
    for size in (10_000, 100_000):
        text = (long_text * (size // max(len(long_text), 1) + 1))[:size]
        start = time.perf_counter()
        extract(text)
        print(f"   one note of {size:,} characters: {time.perf_counter() - start:.2f} s")

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
