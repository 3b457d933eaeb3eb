"""Fourteenth security pass, F7, over real HTTP: the FHIR patient id never reaches the decision log.

The README promises that a decision records the patient only as a keyed hash of (organisation, FHIR patient id).
A Patient resource the reader set aside (a gender other than female or male, which FHIR allows) was named in the
facts' ``ignored`` list, and the age read from it in their evidence, as "Patient/<id>": so an MRN-like id reached
the store, ``/v1/decisions/{id}`` and ``rightscan log export``. The Patient is now named by its place in the
prefetch ("prefetch.patient", adapters/fhir/prefetch._reference).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx

from .conftest import Server
from .test_cds import SERVICE, reference_request

MRN = "MRN-00012345"


def _with_patient_id(request: dict, new_id: str) -> dict:
    old = request["context"]["patientId"]
    return json.loads(
        json.dumps(request).replace(f"Patient/{old}", f"Patient/{new_id}").replace(f'"{old}"', f'"{new_id}"')
    )


def _store_text(server: Server) -> str:
    path = Path(server.database.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table'")]
        return "\n".join(repr(row) for t in tables for row in db.execute(f'select * from "{t}"'))


def test_a_set_aside_patient_resource_leaves_no_patient_id_in_the_store_or_the_decision(
    client: httpx.Client, server: Server
) -> None:
    request = _with_patient_id(reference_request(), MRN)
    assert MRN in json.dumps(request)
    request["prefetch"]["patient"]["gender"] = "unknown"  # set aside: not a sex the decision reads
    response = client.post(SERVICE, json=request)
    assert response.status_code == 200
    decision_id = response.json()["cards"][0]["links"][0]["url"].rsplit("/", 1)[-1]
    decision = client.get(f"/v1/decisions/{decision_id}")
    assert decision.status_code == 200
    assert "prefetch.patient" in decision.text  # the set-aside Patient is still reported, by its place
    assert MRN not in decision.text
    assert MRN not in _store_text(server)
    assert MRN not in server.log()
