"""Benchmark of the core decision engine (a script that prints figures, not a test).

Generates a few thousand varied, valid patients (fixed seed) and reports:
  1. decisions per second in-process, on pre-built domain facts (``decide``), cold and warm
     (warm = scenario-level sub-results already memoised by the knowledge object);
  2. decisions per second in-process from JSON-shaped dicts (validation + decision + output dict);
  3. lines per second through ``rightscan evaluate --format json -`` (JSON Lines on stdin), whole
     process included: the patients above, each repeated (the default 20,000 lines: 4 times), and as
     many distinct patients, each seen once;
  4. CLI start-up time (``rightscan --version`` and one evaluation of the example patient).

Rates are given by wall time and by CPU time (the machine is shared: CPU time is disturbed least);
the load average is printed at the start and the end.

Usage: python bench/core.py [--patients 5000] [--cli-lines 20000] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from rightscan.adapters.input_json import load_facts
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.decision import decide

ROOT = Path(__file__).resolve().parent.parent
ORDERS = [
    "PET/CT",
    "bone scan",
    "CT CAP",
    "78815",
    "axillary ultrasound",
    "diagnostic mammogram",
    "breast MRI",
    "MRI brain w/wo",
    "CT chest w/ contrast",
    "US Breast",
    None,
    None,
]
SYMPTOMS = [
    "bone_pain",
    "back_pain",
    "neurologic_deficit",
    "headache",
    "cough",
    "dyspnea",
    "abdominal_pain",
    "jaundice",
    "weight_loss",
]


def generate(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        tumor: dict[str, Any] = {"histology": rng.choice(["IDC", "IDC", "IDC", "ILC", "NOS", "mixed"])}
        r = rng.random()
        if r < 0.85:
            tumor["size_cm"] = round(rng.uniform(0.2, 7.5), 1)
        elif r < 0.95:
            tumor["t"] = rng.choice(["T4a", "T4b", "T4c"])
        else:
            tumor["inflammatory"] = True
        tumor["n"] = rng.choice(["N0"] * 6 + ["N1", "N1", "N1mi", "N2a", "N2b", "N3a", "N3c"] + [None])
        tumor["m"] = rng.choice(["M0"] * 20 + ["M1"])
        tumor["grade"] = rng.choice([1, 2, 2, 3, 3, None])
        for key in ("er", "pr", "her2"):
            tumor[key] = rng.choice(
                ["positive", "negative", "positive", None]
                if key != "her2"
                else ["negative", "negative", "positive", "equivocal", None]
            )
        p: dict[str, Any] = {
            "age": rng.randint(25, 90),
            "sex": "female",
            "setting": rng.choice(
                ["new_diagnosis"] * 8 + ["surveillance", "suspected_local_recurrence", "suspected_distant_recurrence"]
            ),
            "tumor": tumor,
        }
        if p["setting"] != "new_diagnosis":
            p["prior_surgery"] = rng.choice(["bct", "mastectomy"])
        if rng.random() < 0.15:
            p["symptoms"] = rng.sample(SYMPTOMS, rng.randint(1, 2))
        r = rng.random()  # mostly normal labs, some mildly raised ALP, a few clearly abnormal
        alp = rng.uniform(40, 120) if r < 0.85 else rng.uniform(121, 240) if r < 0.95 else rng.uniform(241, 600)
        labs = {"alkaline_phosphatase": {"value": round(alp), "uln": 120}}
        if rng.random() < 0.8:
            high = rng.random() < 0.05
            labs["ast"] = {"value": round(rng.uniform(41, 200) if high else rng.uniform(10, 40)), "uln": 40}
            labs["alt"] = {"value": round(rng.uniform(8, 40)), "uln": 40}
            labs["bilirubin"] = {"value": round(rng.uniform(0.2, 1.2), 1), "uln": 1.2}
        p["labs"] = labs
        if rng.random() < 0.1:
            p["tumor_markers"] = {"ca15_3": {"value": round(rng.uniform(5, 60)), "uln": 30}}
        if rng.random() < 0.1:
            p["pathology"] = {"t": rng.choice(["pT1c", "pT2", "pT3"]), "n": rng.choice(["pN0", "pN1a", "pN2a"])}
        if rng.random() < 0.05:
            p["patient_preference"] = "requests_imaging"
        order = rng.choice(ORDERS)
        if order:
            p["order"] = order
        out.append(p)
    return out


def rate(fn: Any, items: list[Any], rounds: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """((first-round rate, best rate over the rounds) by wall time, the same by CPU time), in items per
    second. CPU time (``time.process_time``) is what the machine's other work disturbs least."""
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for item in items:
            fn(item)
        wall.append(len(items) / (time.perf_counter() - start))
        cpu.append(len(items) / max(time.process_time() - start_cpu, 1e-9))
    return (wall[0], max(wall)), (cpu[0], max(cpu))


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(exe: str, lines: list[dict[str, Any]], rounds: int) -> tuple[float, float]:
    """(best lines/s by wall time, best by the child's CPU time) of ``rightscan evaluate --format json -``
    over ``lines`` as JSON Lines on stdin, whole process (start-up included); output to a file."""
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as fh:
        fh.write(b"\n".join(orjson.dumps(p) for p in lines) + b"\n")
        path = fh.name
    try:
        walls, cpus = [], []
        for _ in range(rounds):
            with open(path, "rb") as stdin, tempfile.TemporaryFile() as sink:
                start, start_cpu = time.perf_counter(), children_cpu()
                subprocess.run(
                    [exe, "evaluate", "--format", "json", "-"],
                    stdin=stdin,
                    stdout=sink,
                    stderr=subprocess.DEVNULL,
                    check=False,
                )
                walls.append(time.perf_counter() - start)
                cpus.append(children_cpu() - start_cpu)
                sink.seek(0)
                produced = sum(chunk.count(b"\n") for chunk in iter(lambda: sink.read(1 << 20), b""))
            assert produced == len(lines), f"expected {len(lines)} output lines, got {produced}"
        return len(lines) / min(walls), len(lines) / min(cpus)
    finally:
        os.unlink(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=5000)
    ap.add_argument("--cli-lines", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    print(
        f"RightScan core benchmark - Python {platform.python_version()}, {os.cpu_count()} CPU(s), {platform.machine()}"
        f"; load average {os.getloadavg()[0]:.2f}"
    )
    payloads = generate(args.patients, args.seed)

    load_knowledge.cache_clear()
    kb = load_knowledge()
    facts = []
    for p in payloads:
        facts.append(load_facts(kb, p))
    verdicts: dict[str, int] = {}
    for f in facts:
        v = decide(kb, f).systemic_imaging
        verdicts[v] = verdicts.get(v, 0) + 1
    print(
        f"patients: {len(payloads)} (seed {args.seed}); verdict mix: "
        + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items()))
    )

    kb.memo.clear()
    kb.guidance_index._by_features.clear()
    (cold, warm), (cold_cpu, warm_cpu) = rate(lambda f: decide(kb, f), facts, 5)
    print(
        f"in-process decide(kb, facts): {cold:,.0f}/s cold (empty memo), {warm:,.0f}/s warm (best of 5); "
        f"by CPU time {cold_cpu:,.0f}/s cold, {warm_cpu:,.0f}/s warm"
    )

    def full(p: dict[str, Any]) -> dict[str, Any]:
        return decide(kb, load_facts(kb, p)).to_dict()

    (_, best), (_, best_cpu) = rate(full, payloads, 3)
    print(f"in-process validate + decide + to_dict: {best:,.0f}/s (best of 3); by CPU time {best_cpu:,.0f}/s")

    exe = shutil.which("rightscan") or str(Path(sys.executable).parent / "rightscan")
    lines = (payloads * (args.cli_lines // len(payloads) + 1))[: args.cli_lines]
    wall_rate, cpu_rate = run_cli(exe, lines, 3)
    print(
        f"CLI JSON Lines ({len(lines)} lines, {len(payloads)} patients each {len(lines) / len(payloads):g} times, "
        f"`rightscan evaluate --format json -`): {wall_rate:,.0f} lines/s (best of 3, whole process); "
        f"by CPU time {cpu_rate:,.0f} lines/s"
    )
    distinct = generate(args.cli_lines, args.seed + 1)
    wall_rate, cpu_rate = run_cli(exe, distinct, 3)
    print(
        f"CLI JSON Lines ({len(distinct)} distinct patients, each seen once): {wall_rate:,.0f} lines/s "
        f"(best of 3, whole process); by CPU time {cpu_rate:,.0f} lines/s"
    )

    example = str(ROOT / "examples" / "reference_patient.json")
    for label, argv in (
        ("rightscan --version", [exe, "--version"]),
        ("rightscan evaluate example (text)", [exe, "evaluate", example]),
    ):
        samples, cpu = [], []
        for _ in range(15):
            start, start_cpu = time.perf_counter(), children_cpu()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            samples.append((time.perf_counter() - start) * 1000)
            cpu.append((children_cpu() - start_cpu) * 1000)
        print(
            f"start-up, {label}: median {statistics.median(samples):.0f} ms, min {min(samples):.0f} ms; "
            f"CPU median {statistics.median(cpu):.0f} ms"
        )
    print(f"load average (1, 5, 15 min) at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
