"""CDS Hooks service benchmark (a script that prints figures, not a test).

Starts `rightscan serve` on 127.0.0.1 (SQLite decision log in a temp folder), then, from this separate
process, offers order-select calls with full mCODE prefetch (the reference patient ordering a PET/CT)
at fixed rates and reports achieved throughput, latency percentiles (from the scheduled send time,
so queueing is counted) and errors.

With ``--peer`` the same requests are also offered, interleaved, to two table look-up PAMA peers on Node:
bench/peer/pama_peer.js (Node's bare http module) and bench/peer/pama_peer_express.js (Express 5, like
the issue's reference service; skipped with a message until `npm ci` has run in bench/peer), and every
server's figures are printed side by side in one run.
``--saturation S`` adds a closed-loop run (16 connections, S seconds) that measures each server's
saturation throughput; ``--soak S`` offers ``--soak-rate`` req/s for S seconds and prints the server's
resident memory every 30 s.

Usage: python bench/service.py [--rates 100,500,1000] [--seconds 10] [--database URL] [--peer]
       [--saturation 10] [--soak 600 --soak-rate 300]
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadgen

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "fhir" / "reference_patient.json"
PATH = "/cds-services/rightscan-imaging"
PEER_DIR = ROOT / "bench" / "peer"
PEERS = (("node-http", "pama_peer.js"), ("express", "pama_peer_express.js"))  # (label, script in bench/peer)
ISSUER = "https://ehr.example.org"


def _wait_healthy(base: str, tries: int) -> None:
    """Poll ``base``/healthz until it answers 200 (a tenth of a second between refused connections)."""
    for _ in range(tries):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


FINDINGS = (
    "no bone pain",
    "denies headaches or seizures",
    "new lower back pain for two weeks",
    "no new symptoms",
    "dry cough since last month",
    "history of bone pain, resolved",
    "mild fatigue",
    "no abdominal pain, LFTs pending",
)


def reason_text(k: int) -> str:
    """A new order reason on every call (another patient, another wording), read by the extractor."""
    return (
        f"staging of new left breast cancer, {1.0 + (k % 30) / 10:.1f} cm on ultrasound, grade {1 + k % 3}, "
        f"{FINDINGS[k % len(FINDINGS)]}; request {k}"
    )


def bodies(n: int, distinct: bool = False, texts: bool = False, offset: int = 0) -> list[bytes]:
    """n order-select calls. ``distinct``: every call carries resources never seen before (new ids and
    lab values), as if each came from a different patient; otherwise the same patient's data repeats,
    as it does across one patient's order-select and order-sign calls. ``texts``: every call also
    carries a new order reason (varied findings, some of them red flags) for the free-text reader."""
    data = json.loads(FIXTURE.read_text())
    out = []
    for k in range(offset, offset + n):
        context = data["context"]
        if texts:
            context = copy.deepcopy(context)
            for entry in context["draftOrders"]["entry"]:
                for reason in entry["resource"].get("reasonCode", []):
                    reason["text"] = reason_text(k)
        prefetch = copy.deepcopy(data["prefetch"])
        if distinct:
            for value in prefetch.values():
                entries = value.get("entry", []) if isinstance(value, dict) else []
                for entry in entries:
                    resource = entry["resource"]
                    resource["id"] = f"{resource.get('id', 'r')}-{k}"
                    quantity = resource.get("valueQuantity")
                    if quantity and "value" in quantity and resource.get("referenceRange"):
                        quantity["value"] = round(quantity["value"] * (0.9 + (k % 7) / 70), 2)
        request = {
            "hook": "order-select",
            "hookInstance": str(uuid.uuid4()),
            "context": context,
            "prefetch": prefetch,
        }
        out.append(json.dumps(request).encode())
    return out


def server_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by the server and its worker processes (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(c) for c in children.read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rates", default="100,500,1000")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--database", default=None, help="decision log URL (default: SQLite in a temp folder)")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    ap.add_argument("--modes", default="repeated,distinct,texts", help="which request mixes to offer (comma-separated)")
    ap.add_argument(
        "--auth",
        action="store_true",
        help="authentication on: every call carries a new ES384 JWT (signature check and the shared replay table)",
    )
    ap.add_argument("--peer", action="store_true", help="also measure the Node table look-up peer, interleaved")
    ap.add_argument("--saturation", type=float, default=0.0, help="closed-loop run of S seconds (16 connections)")
    ap.add_argument("--soak", type=float, default=0.0, help="soak for S seconds at --soak-rate, printing memory")
    ap.add_argument("--soak-rate", type=float, default=300.0)
    args = ap.parse_args()
    rates = [float(r) for r in args.rates.split(",")]

    tmp = Path(tempfile.mkdtemp(prefix="rightscan-bench-"))
    port = _port()
    database = args.database or f"sqlite:///{tmp / 'log.db'}"
    exe = shutil.which("rightscan") or str(Path(sys.executable).parent / "rightscan")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RIGHTSCAN_")}
    key = None
    if args.auth:
        from rightscan.adapters.security.testing import generate_key, jwks_json

        key = generate_key("ES384", kid="bench")
        (tmp / "jwks.json").write_text(jwks_json(key))
        (tmp / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: jwks.json\n')
        env |= {"RIGHTSCAN_AUTH_CONFIG": str(tmp / "auth.yaml"), "RIGHTSCAN_PUBLIC_URL": f"http://127.0.0.1:{port}"}

    def auth_headers() -> dict[str, str]:
        if key is None:
            return {}
        from rightscan.adapters.security.testing import make_claims, sign_token

        return {"Authorization": f"Bearer {sign_token(key, make_claims(ISSUER, f'http://127.0.0.1:{port}{PATH}'))}"}

    def build(body: bytes) -> bytes:
        return loadgen.build_request("127.0.0.1", port, PATH, body, auth_headers() or None)

    server = subprocess.Popen(
        [exe, "serve", "--port", str(port), "--database", database, "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=tmp,
    )
    peers: list[tuple[str, subprocess.Popen[bytes], int]] = []  # (label, process, port)
    if args.peer:
        node = shutil.which("node") or shutil.which("nodejs")
        if node is None:
            sys.exit("--peer needs Node.js (apt-get install nodejs)")
        for label, script in PEERS:
            if script.endswith("_express.js") and not (PEER_DIR / "node_modules" / "express").is_dir():
                print(f"peer {label} skipped: Express is not installed (run `npm ci` in bench/peer)", file=sys.stderr)
                continue
            peer_port = _port()
            peers.append((label, subprocess.Popen([node, str(PEER_DIR / script), str(peer_port)]), peer_port))
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_healthy(base, 300)
        check = httpx.post(
            base + PATH,
            content=bodies(1)[0],
            headers={"content-type": "application/json"} | auth_headers(),
            timeout=60,
        )
        rating = check.json()["systemActions"][0]["resource"]["extension"][0]["valueCodeableConcept"]
        print(
            f"RightScan CDS Hooks benchmark - Python {platform.python_version()}, {os.cpu_count()} CPU(s); "
            f"server: {args.workers} uvicorn worker(s), decision log {database.split(':', 1)[0]}, "
            + ("JWT authentication on (a new token per call)" if key is not None else "development mode (no auth)")
        )
        print(
            f"request: order-select, reference patient + PET/CT, full mCODE prefetch "
            f"({len(bodies(1)[0]):,} bytes); rating {rating['coding'][0]['code']}"
        )
        asyncio.run(loadgen.run("127.0.0.1", port, [build(b) for b in bodies(600)], 200, 3))  # warm-up
        count = int(max(rates) * args.seconds)
        same = bodies(min(count, 500))
        mixes = {  # requests are built afresh for each rate: with --auth a token is good once
            "repeated": (
                "same patient's data resent (as across order-select and order-sign)",
                lambda: [build(same[i % len(same)]) for i in range(count)],
            ),
            "distinct": (
                "new data on every call (each call a new patient)",
                lambda: [build(b) for b in bodies(count, distinct=True)],
            ),
            "texts": (
                "new data and a new order-reason text on every call (varied patients and findings)",
                lambda: [build(b) for b in bodies(count, distinct=True, texts=True)],
            ),
        }

        def make_many(mode: str, n: int) -> list[bytes]:
            return [build(b) for b in bodies(n, distinct=True, texts=mode == "texts", offset=10**6)]

        header = f"{'offered/s':>10} {'achieved/s':>11} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"

        def to_peer(requests: list[bytes], peer_port: int) -> list[bytes]:
            old = f"Host: 127.0.0.1:{port}".encode()
            return [r.replace(old, f"Host: 127.0.0.1:{peer_port}".encode(), 1) for r in requests]

        for label, _, peer_port in peers:
            for _ in range(100):
                try:
                    if httpx.get(f"http://127.0.0.1:{peer_port}/cds-services", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            script = dict(PEERS)[label]
            print(f"peer {label}: bench/peer/{script} (Node {_node_version()}, table look-up only) on port {peer_port}")
            warm = to_peer([build(b) for b in bodies(600)], peer_port)
            asyncio.run(loadgen.run("127.0.0.1", peer_port, warm, 200, 3))

        def row(name: str, rate: float, r: loadgen.Result, cpu_ms: float | None) -> str:
            cpu = f"{cpu_ms:>12.2f}" if cpu_ms is not None else f"{'':>12}"
            return (
                f"{name:<10} {rate:>10.0f} {r.achieved_rps:>11.0f} {r.percentile(50):>8.2f} {r.percentile(95):>8.2f} "
                f"{r.percentile(99):>8.2f} {max(r.latencies_ms, default=0):>8.1f} {r.errors:>7} {cpu}"
            )

        for mode in [m for m in args.modes.split(",") if m]:  # --modes '' with --soak: the soak alone
            label, make = mixes[mode]
            print(f"\n{label}\n{'server':<10} {header} {'errors':>7} {'server CPU ms/req':>12}")
            for rate in rates:
                requests = make()
                cpu = server_cpu_seconds(server.pid)
                r = asyncio.run(loadgen.run("127.0.0.1", port, requests, rate, args.seconds))
                cpu_ms = (server_cpu_seconds(server.pid) - cpu) * 1000 / max(1, len(r.latencies_ms))
                print(row("rightscan", rate, r, cpu_ms))
                for label, _, peer_port in peers:
                    p = asyncio.run(
                        loadgen.run("127.0.0.1", peer_port, to_peer(requests, peer_port), rate, args.seconds)
                    )
                    print(row(label, rate, p, None))
            if args.saturation:
                # enough requests that none repeats within the run (a repeat would hit the memo)
                requests = make() if mode == "repeated" else make_many(mode, int(args.saturation * 1200))
                cpu = server_cpu_seconds(server.pid)
                r = asyncio.run(loadgen.saturate("127.0.0.1", port, requests, args.saturation))
                cpu_ms = (server_cpu_seconds(server.pid) - cpu) * 1000 / max(1, len(r.latencies_ms))
                line = (
                    f"saturation, 16 connections, {args.saturation:.0f} s: "
                    f"rightscan {r.achieved_rps:.0f} req/s ({r.errors} errors, server CPU {cpu_ms:.2f} ms/req)"
                )
                for label, _, peer_port in peers:
                    p = asyncio.run(
                        loadgen.saturate("127.0.0.1", peer_port, to_peer(requests, peer_port), args.saturation)
                    )
                    ratio = r.achieved_rps / p.achieved_rps if p.achieved_rps else float("nan")
                    line += f"; {label} {p.achieved_rps:.0f} req/s ({p.errors} errors), rightscan/{label} {ratio:.2f}x"
                print(line)
        if args.soak:
            soak(server.pid, port, build, args.soak, args.soak_rate)
    finally:
        server.terminate()
        server.wait(timeout=30)
        for _, process, _ in peers:
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def _node_version() -> str:
    node = shutil.which("node") or shutil.which("nodejs") or "node"
    return subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()


def resident_mb(pid: int) -> float:
    """Resident memory of the server and its worker processes (Linux /proc), in MB."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(c) for c in children.read_text().split()]
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def soak(pid: int, port: int, build: Callable[[bytes], bytes], seconds: float, rate: float) -> None:
    """Offer ``rate`` req/s of varied patients and texts for ``seconds``, in 30-s slices, printing memory."""
    print(f"\nsoak: {rate:.0f} req/s of varied patients and texts for {seconds:.0f} s")
    print(f"{'minute':>7} {'achieved/s':>11} {'p99 ms':>8} {'errors':>7} {'RSS MB':>8}")
    print(f"{0.0:>7.1f} {'':>11} {'':>8} {'':>7} {resident_mb(pid):>8.1f}")
    start = time.perf_counter()
    k = 0
    while time.perf_counter() - start < seconds:
        requests = [build(b) for b in bodies(int(rate * 30), distinct=True, texts=True, offset=k)]
        k += len(requests)
        r = asyncio.run(loadgen.run("127.0.0.1", port, requests, rate, 30))
        print(
            f"{(time.perf_counter() - start) / 60:>7.1f} {r.achieved_rps:>11.0f} {r.percentile(99):>8.2f} "
            f"{r.errors:>7} {resident_mb(pid):>8.1f}"
        )


if __name__ == "__main__":
    main()
