"""Parallel free-text calls over real HTTP: the note reader is shared by the server's threads.

Before the fix, the medspaCy pipeline ran several documents at once and raised IndexError: 91 of 240
parallel note calls answered 500, and so did most of the first CDS calls after a start. Here 16
clients send distinct notes at once, starting right after the server comes up (the pipeline may still
be warming), and every call must succeed with the facts of its own note.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from .conftest import start_server

CLIENTS = 16
CALLS_PER_CLIENT = 6


def _note(i: int) -> tuple[str, float]:
    size = round(0.6 + (i % 37) * 0.1, 1)
    side = "left" if i % 2 else "right"
    note = (
        f"Patient {i}: {50 + i % 30} year old woman with a {side} breast invasive ductal carcinoma measuring "
        f"{size} cm on ultrasound, grade {1 + i % 3}, ER positive, PR positive, HER2 negative. "
        "Axilla clinically negative. She denies bone pain, headaches or shortness of breath. Is a PET/CT needed?"
    )
    return note, size


def test_sixteen_parallel_clients_on_distinct_notes_get_no_error(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    try:

        def client(k: int) -> list[tuple[int, float, float | None]]:
            out = []
            with httpx.Client(base_url=server.url, timeout=60) as c:
                for j in range(CALLS_PER_CLIENT):
                    note, size = _note(k * CALLS_PER_CLIENT + j)
                    r = c.post("/v1/evaluate", json={"note": note})
                    got = (
                        r.json().get("extracted", {}).get("facts", {}).get("tumor", {}).get("size_cm")
                        if (r.status_code == 200)
                        else None
                    )
                    out.append((r.status_code, size, got))
            return out

        with ThreadPoolExecutor(CLIENTS) as pool:
            results = [row for rows in pool.map(client, range(CLIENTS)) for row in rows]
    finally:
        server.stop()
    statuses = [status for status, _, _ in results]
    assert statuses.count(200) == CLIENTS * CALLS_PER_CLIENT, sorted(set(statuses))
    assert all(got == size for _, size, got in results), "each answer carries its own note's tumour size"
    assert "IndexError" not in server.log() and "Traceback" not in server.log()
