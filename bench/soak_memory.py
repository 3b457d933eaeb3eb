"""Where the service's memory goes over a soak (a script that prints figures, not a test).

Starts ``rightscan serve`` on 127.0.0.1 (one worker, SQLite decision log in a temporary folder) in a child
process that runs the real command line under ``tracemalloc`` (nothing in the service itself changes: the
tracing lives in this script), and offers a varied load from this process for ``--seconds``, in slices of
``--every`` seconds. After each slice, once every call is answered, the child records its resident memory,
then (after a full collection) the memory tracemalloc sees, and a snapshot. At the end the snapshots after
the first slice (the warm-up: memos filling) are compared: the allocation sites whose live memory grew
most, by the line that allocated it and by the whole traceback.

The load, per slice: CDS Hooks order-select calls with new data and a new order-reason text on every call
(``bench/service.py``'s texts mix), some with the same patient's data resent, and ``POST /v1/evaluate``
of generated patients (``bench/core.py``).

``--no-trace`` runs the same load without tracemalloc, for the resident memory alone (tracing costs
memory and CPU of its own).

Usage: python bench/soak_memory.py [--seconds 240] [--rate 60] [--every 30] [--frames 8] [--no-trace]
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import core
import loadgen
import service

RSS_FIELDS = ("VmRSS", "RssAnon")


def _status(pid: int | str = "self") -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in RSS_FIELDS:
            out[key] = int(value.split()[0]) // 1024
    return out


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _heap() -> dict[str, float]:
    """MB held by the C heap (glibc ``mallinfo2``: in use, free inside the heap, large blocks mapped on
    their own) and by Python's small-object allocator (its arenas, and the bytes of live blocks in them)."""
    out: dict[str, float] = {}
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        info = libc.mallinfo2()
        out |= {"malloc_used": info.uordblks, "malloc_free": info.fordblks, "malloc_mmap": info.hblkhd}
    except (OSError, AttributeError):
        pass
    read, write = os.pipe()
    saved = os.dup(2)
    os.dup2(write, 2)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(write)
        os.close(saved)
    chunks = []
    while chunk := os.read(read, 1 << 16):
        chunks.append(chunk)
    os.close(read)
    for line in b"".join(chunks).decode().splitlines():
        if line.startswith("# arenas allocated current"):
            out["pymalloc_arenas"] = int(line.split("=")[1].replace(",", "")) * (1 << 20)
        elif line.startswith("# bytes in allocated blocks"):
            out["pymalloc_live"] = int(line.split("=")[1].replace(",", ""))
    return {k: round(v / (1 << 20), 1) for k, v in out.items()}


def _caches() -> dict[str, int]:
    """Entries in the service's in-memory memos, and the words the note reader's string store holds."""
    out: dict[str, int] = {}
    modules = sys.modules
    if "rightscan.adapters.knowledge_files" in modules:
        out["knowledge_memo"] = len(modules["rightscan.adapters.knowledge_files"].load_knowledge().memo)
    for name, attr, label in (
        ("rightscan.application.notes", "_READINGS", "text_readings"),
        ("rightscan.application.fhir", "_FHIR_FACTS", "fhir_facts"),
        ("rightscan.application.fhir", "_FHIR_SEEN", "fhir_seen"),
        ("rightscan.adapters.fhir.validation", "_VALIDATED", "fhir_validated"),
    ):
        if name in modules:
            out[label] = len(getattr(modules[name], attr))
    text = modules.get("rightscan.adapters.text")
    if text is not None:
        out["reader_words"] = sum(len(e.analyser.nlp.vocab.strings) for e in text._ENGINES.values())
    return out


def _census() -> Counter[str]:
    """Live objects the collector tracks, by type (those frozen at start-up, ``gc.freeze``, are not listed)."""
    return Counter(type(o).__qualname__ for o in gc.get_objects())


def serve(port: int, database: str, snapdir: Path, frames: int, reader_words: int | None) -> None:
    """The child: ``rightscan serve`` in this process. On SIGUSR1 (sent by the parent when a slice of load
    has been answered, so no request is in flight) a thread records the resident memory and, after a full
    collection, what tracemalloc sees, and writes a snapshot."""
    trace = frames > 0
    if trace:
        tracemalloc.start(frames)
    asked = threading.Event()
    signal.signal(signal.SIGUSR1, lambda *_: asked.set())

    def record() -> None:
        n = 0
        while True:
            asked.wait()
            asked.clear()
            n += 1
            status = _status()  # before the collection: what the soak's RSS column shows
            gc.collect()
            traced = tracemalloc.get_traced_memory()[0] / (1 << 20) if trace else 0
            if trace:
                tracemalloc.take_snapshot().dump(str(snapdir / f"{n:03d}.snap"))
            record = {"n": n, "traced_mb": round(traced, 1), **status, **_heap(), **_caches()}
            (snapdir / f"{n:03d}.types.json").write_text(json.dumps(_census()))
            with (snapdir / "memory.txt").open("a") as fh:
                fh.write(json.dumps(record) + "\n")

    threading.Thread(target=record, daemon=True).start()
    if reader_words is not None:  # an experiment of this script only: the note reader's bound on new words
        import rightscan.adapters.text as text

        text.MAX_NEW_STRINGS = reader_words
    from rightscan.interfaces.cli import main

    main.main(["serve", "--port", str(port), "--database", database], standalone_mode=True)


def _record(child: subprocess.Popen[bytes], tmp: Path) -> dict[str, float]:
    """Ask the child for a record and wait for it (the snapshot of a traced server takes seconds)."""
    path = tmp / "memory.txt"
    before = len(path.read_text().splitlines()) if path.exists() else 0
    child.send_signal(signal.SIGUSR1)
    for _ in range(1200):
        lines = path.read_text().splitlines() if path.exists() else []
        if len(lines) > before:
            return json.loads(lines[-1])  # type: ignore[no-any-return]
        time.sleep(0.1)
    raise RuntimeError("the server did not record its memory")


def load(port: int, rate: float, every: float, offset: int, mix: str) -> list[tuple[str, loadgen.Result]]:
    """One slice of ``every`` seconds of the load at ``rate`` req/s: ``varied`` (60 % new data and text,
    20 % resent data, 20 % ``/v1/evaluate``), or ``texts`` (every call new data and text, as the soak of
    ``bench/service.py``)."""
    n = int(rate * every)
    n_texts, n_same = (n, 0) if mix == "texts" else (n * 6 // 10, n * 2 // 10)
    n_api = n - n_texts - n_same

    def cds(body: bytes) -> bytes:
        return loadgen.build_request("127.0.0.1", port, service.PATH, body)

    texts = [cds(b) for b in service.bodies(n_texts, distinct=True, texts=True, offset=offset)]
    same = [cds(b) for b in service.bodies(min(n_same, 50), offset=offset)] * 4
    api = [
        loadgen.build_request("127.0.0.1", port, "/v1/evaluate", json.dumps(p).encode())
        for p in core.generate(n_api, seed=offset)
    ]
    mixed = []
    for i in range(max(len(texts), len(same), len(api))):
        for part in (texts, same[:n_same], api):
            if i < len(part):
                mixed.append(part[i])
    result = asyncio.run(loadgen.run("127.0.0.1", port, mixed, rate, every))
    return [("mixed", result)]


def compare(snapdir: Path, top: int) -> None:
    snaps = sorted(snapdir.glob("*.snap"))
    if len(snaps) < 3:
        print("not enough snapshots to compare")
        return
    first, last = snaps[1], snaps[-1]  # the first slice is the warm-up (memos filling)
    ignore = [
        tracemalloc.Filter(False, tracemalloc.__file__),
        tracemalloc.Filter(False, "<frozen importlib._bootstrap*"),
    ]
    old = tracemalloc.Snapshot.load(str(first)).filter_traces(ignore)
    new = tracemalloc.Snapshot.load(str(last)).filter_traces(ignore)
    print(f"\nlive memory growth from snapshot {first.stem} to {last.stem}, by the line that allocated it:")
    total = 0
    for stat in new.compare_to(old, "lineno")[:top]:
        frame = stat.traceback[0]
        total += stat.size_diff
        print(
            f"{stat.size_diff / 1024:>+10.0f} KiB {stat.count_diff:>+8} blocks  now {stat.size / 1024:>9.0f} KiB  "
            f"{frame.filename.split('site-packages/')[-1].split('/src/')[-1]}:{frame.lineno}"
        )
    print(f"\nthe same growth by the whole traceback (top {min(top, 8)}):")
    for stat in new.compare_to(old, "traceback")[: min(top, 8)]:
        print(f"{stat.size_diff / 1024:>+10.0f} KiB {stat.count_diff:>+8} blocks")
        for frame in list(stat.traceback)[-6:]:
            print(f"      {frame.filename.split('site-packages/')[-1].split('/src/')[-1]}:{frame.lineno}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=240)
    ap.add_argument("--rate", type=float, default=60)
    ap.add_argument("--every", type=float, default=30)
    ap.add_argument("--frames", type=int, default=8, help="traceback depth kept by tracemalloc")
    ap.add_argument("--no-trace", action="store_true")
    ap.add_argument("--mix", choices=("varied", "texts"), default="varied")
    ap.add_argument(
        "--reader-words",
        type=int,
        default=None,
        help="experiment: rebuild the note reader after this many new words (default: the service's own bound)",
    )
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--keep", type=Path, default=None, help="copy the records and snapshots to this folder")
    ap.add_argument("--serve", nargs=3, metavar=("PORT", "DATABASE", "SNAPDIR"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        port, database, snapdir = args.serve
        serve(int(port), database, Path(snapdir), 0 if args.no_trace else args.frames, args.reader_words)
        return

    tmp = Path(tempfile.mkdtemp(prefix="rightscan-soak-"))
    port = service._port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RIGHTSCAN_")}
    argv = [sys.executable, __file__, "--frames", str(args.frames)]
    argv += ["--no-trace"] if args.no_trace else []
    argv += ["--reader-words", str(args.reader_words)] if args.reader_words is not None else []
    argv += ["--serve", str(port), f"sqlite:///{tmp / 'log.db'}", str(tmp)]
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp)
    try:
        service._wait_healthy(f"http://127.0.0.1:{port}", 600)
        print(
            f"soak: {args.rate:.0f} req/s for {args.seconds:.0f} s ("
            + (
                "every call new data and text"
                if args.mix == "texts"
                else "60 % CDS calls with new data and text, 20 % resent data, 20 % /v1/evaluate"
            )
            + f"); tracemalloc {'off' if args.no_trace else f'on, {args.frames} frames'}; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        print(f"{'minute':>7} {'achieved/s':>11} {'p99 ms':>9} {'errors':>7}  server: RSS MB, anonymous MB, traced MB")
        mem = _record(child, tmp)
        print(f"{0.0:>7.1f} {'':>11} {'':>9} {'':>7}  {mem['VmRSS']:>6} {mem['RssAnon']:>6} {mem['traced_mb']:>6}")
        start = time.perf_counter()
        offset = 0
        while time.perf_counter() - start < args.seconds:
            ((_, r),) = load(port, args.rate, args.every, offset, args.mix)
            offset += int(args.rate * args.every)
            mem = _record(child, tmp)
            print(
                f"{(time.perf_counter() - start) / 60:>7.1f} {r.achieved_rps:>11.0f} {r.percentile(99):>9.1f} "
                f"{r.errors:>7}  {mem['VmRSS']:>6} {mem['RssAnon']:>6} {mem['traced_mb']:>6}"
                + (f"  statuses {dict(sorted(r.statuses.items()))}" if r.errors else ""),
                flush=True,
            )
        print("\nafter each slice (MB; memo entries):")
        for line in (tmp / "memory.txt").read_text().splitlines():
            print("  " + ", ".join(f"{k} {v}" for k, v in json.loads(line).items()))
        census = sorted(tmp.glob("*.types.json"))
        if len(census) >= 3:
            first, last = (Counter(json.loads(p.read_text())) for p in (census[1], census[-1]))
            grown = sorted(((last[k] - first[k], k) for k in last), reverse=True)[: args.top]
            print(f"\nlive objects by type, growth from record {census[1].name[:3]} to {census[-1].name[:3]}:")
            for diff, name in grown:
                print(f"  {diff:>+9} {name} (now {last[name]})")
        if not args.no_trace:
            compare(tmp, args.top)
        if args.keep:
            shutil.copytree(tmp, args.keep, ignore=shutil.ignore_patterns("log.db*"))
    finally:
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
