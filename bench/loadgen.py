"""Open-loop HTTP/1.1 load generator (asyncio, keep-alive, no client library overhead).

Requests are *scheduled* at a fixed offered rate; latency is measured from the scheduled send time
to the end of the response, so a slow server cannot hide queueing delay (no coordinated omission).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    offered_rps: float
    duration_s: float
    sent: int = 0
    ok: int = 0
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        data = sorted(self.latencies_ms)
        k = min(len(data) - 1, max(0, round(p / 100 * (len(data) - 1))))
        return data[k]

    @property
    def achieved_rps(self) -> float:
        return self.ok / self.duration_s if self.duration_s else 0.0


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:].strip())
    if length:
        await reader.readexactly(length)
    return status


async def _connection(host: str, port: int, queue: asyncio.Queue[tuple[float, bytes] | None], result: Result) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while True:
            item = await queue.get()
            if item is None:
                return
            scheduled, request = item
            reader, writer = await _exchange(host, port, reader, writer, request, scheduled, result)
    finally:
        writer.close()


async def _exchange(
    host: str,
    port: int,
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    request: bytes,
    since: float,
    result: Result,
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """Send one request and read its answer, counting it in ``result`` (latency from ``since``); a broken
    connection counts as an error and is replaced."""
    try:
        writer.write(request)
        await writer.drain()
        status = await _read_response(reader)
    except (OSError, asyncio.IncompleteReadError, ValueError):
        result.errors += 1
        writer.close()
        return await asyncio.open_connection(host, port)
    result.latencies_ms.append((time.perf_counter() - since) * 1000)
    result.statuses[status] = result.statuses.get(status, 0) + 1
    if 200 <= status < 300:
        result.ok += 1
    else:
        result.errors += 1
    return reader, writer


def build_request(host: str, port: int, path: str, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        "Connection: keep-alive",
    ]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def run(
    host: str, port: int, requests: list[bytes], rps: float, duration_s: float, connections: int = 64
) -> Result:
    """Offer ``rps`` requests per second for ``duration_s`` seconds, cycling through ``requests``."""
    result = Result(offered_rps=rps, duration_s=duration_s)
    queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
    workers = [asyncio.create_task(_connection(host, port, queue, result)) for _ in range(connections)]
    total = int(rps * duration_s)
    start = time.perf_counter()
    for i in range(total):
        scheduled = start + i / rps
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        queue.put_nowait((scheduled, requests[i % len(requests)]))
        result.sent += 1
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    result.duration_s = max(duration_s, time.perf_counter() - start)
    return result


async def saturate(host: str, port: int, requests: list[bytes], duration_s: float, connections: int = 16) -> Result:
    """Closed loop: ``connections`` clients each send their next request as soon as the previous answer
    arrives, for ``duration_s`` seconds. ``achieved_rps`` is then the server's saturation throughput."""
    result = Result(offered_rps=float("inf"), duration_s=duration_s)
    deadline = time.perf_counter() + duration_s

    async def client(offset: int) -> None:
        reader, writer = await asyncio.open_connection(host, port)
        i = offset
        try:
            while time.perf_counter() < deadline:
                result.sent += 1
                request = requests[i % len(requests)]
                i += connections
                reader, writer = await _exchange(host, port, reader, writer, request, time.perf_counter(), result)
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(connections)))
    result.duration_s = time.perf_counter() - start
    return result
