"""Property-based fuzzing of every operation in the service's own OpenAPI document: never a 5xx.

Uses Schemathesis programmatically (its pytest plugin does not support this pytest release): each
operation's strategy generates requests, sent over real HTTP to a server on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from .conftest import Server, start_server


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("fuzz"))
    # The note reader is built in the background after start (app._warm_up, 5-10 s, longer on a loaded machine); a
    # note sent before it is ready waits for it. Schemathesis reads a wait past its 10 s client timeout as a failure
    # it cannot reproduce, so the reader is made ready first: what is fuzzed is each request, not the start-up.
    httpx.post(f"{srv.url}/v1/evaluate", json={"note": "62F, L breast IDC 1.2 cm, ER+."}, timeout=180)
    yield srv
    srv.stop()


def test_no_operation_answers_with_a_server_error(fuzz_server: Server) -> None:
    schema = schemathesis.openapi.from_url(f"{fuzz_server.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    paths = {op.path for op in operations}
    assert {"/v1/evaluate", "/cds-services/{service_id}", "/cds-services/{service_id}/feedback"} <= paths
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(base_url=fuzz_server.url, checks=[not_a_server_error])

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # collect every operation's failure, then report them together
            subs = exc.exceptions if isinstance(exc, BaseExceptionGroup) else (exc, *filter(None, [exc.__cause__]))
            said = " | ".join(" ".join(str(e).split())[:400] for e in subs)  # the status and body of each failure
            failures.append(f"{operation.method.upper()} {operation.path}: {said}")
    assert failures == [], "\n".join(failures)
