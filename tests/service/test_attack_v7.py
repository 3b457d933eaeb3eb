"""Seventh security pass (docs/security.md): what one request could make the service do.

The note-reading shapes (a run of blanks read three ways by the graded-row reader, a long row of column marks) are
tested in tests/nlp/test_nlp_blank_runs.py and the grade that denied a joined red flag in
tests/nlp/test_nlp_grade_answers_its_item.py; here, the order texts of one CDS call.
"""

from __future__ import annotations

import random
import time

from rightscan.adapters.fhir import draft_orders
from rightscan.adapters.knowledge_files import load_knowledge

KB = load_knowledge()


def _bundle(drafts: int, names: int) -> dict:
    rng = random.Random(7)
    words = ("lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "eiusmod")

    def name() -> str:
        return " ".join(rng.choice(words) for _ in range(40))[:200]

    return {
        "resourceType": "Bundle",
        "entry": [
            {
                "resource": {
                    "resourceType": "ServiceRequest",
                    "id": f"sr{i}",
                    "status": "draft",
                    "intent": "proposal",
                    "subject": {"reference": "Patient/p"},
                    "code": {
                        "text": name(),
                        "coding": [
                            {"system": "http://example.org", "code": f"c{k}", "display": name()} for k in range(names)
                        ],
                    },
                }
            }
            for i in range(drafts)
        ],
    }


def test_one_call_spends_a_bounded_number_of_order_readings() -> None:
    calls = []
    real = draft_orders.orders.for_patient

    def counted(kb, text):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(kb, text)

    draft_orders.orders.for_patient = counted  # type: ignore[assignment]
    try:
        began = time.process_time()
        read = draft_orders.read_draft_orders(_bundle(50, 7), kb=KB)
        spent = time.process_time() - began
    finally:
        draft_orders.orders.for_patient = real  # type: ignore[assignment]
    assert len(read) == 50
    assert len(calls) <= draft_orders.MAX_ORDER_READINGS  # 400 before the bound
    assert spent < 3.0
    # every draft is still reported, by its first text (unknown: the card asks, it never guesses)
    assert all(d.order_text for d in read)


def test_a_real_order_is_still_read_by_its_code() -> None:
    bundle = {
        "resourceType": "Bundle",
        "entry": [
            {
                "resource": {
                    "resourceType": "ServiceRequest",
                    "id": "ct",
                    "status": "draft",
                    "intent": "proposal",
                    "subject": {"reference": "Patient/p"},
                    "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "78306"}]},
                }
            }
        ],
    }
    (draft,) = draft_orders.read_draft_orders(bundle, kb=KB)
    assert draft.order_text == "78306"


def test_production_sends_no_redirect_built_from_the_host_header(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import httpx

    from rightscan.adapters.security.testing import generate_key

    from .conftest import start_secured_server

    server = start_secured_server(tmp_path, generate_key("ES384", kid="ehr-es384"))
    try:
        for path in ("/decisions/abc/?t=secret", "/v1/evaluate/", "/cds-services/"):
            r = httpx.get(server.url + path, headers={"Host": "evil.example"}, follow_redirects=False, timeout=30)
            assert "evil.example" not in r.headers.get("location", ""), (path, r.status_code)
            assert r.status_code not in (301, 302, 307, 308), (path, r.status_code)
    finally:
        server.stop()
