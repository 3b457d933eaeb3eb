"""The patient handout for every kind of answer: it tells what the decision says, in plain words."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from conftest import patient
from rightscan.interfaces.http.handout import background_comparison

from .pagetext import Page

SCENARIOS = [
    # (changes to the reference patient, verdict badge, handout headline, a sentence the handout must carry)
    ({}, "Not recommended", "A scan of the whole body is not advised for you now", "fewer than 1 in 20 people"),
    (
        {"tumor": {"size_cm": 3.2, "n": "N2a", "grade": 3}},
        "Recommended",
        "Scans to check the rest of the body are advised",
        "Your cancer is stage IIIA",
    ),
    (
        {"tumor": {"histology": "DCIS", "size_cm": None, "grade": None}},
        "Not applicable",
        "Scans of the whole body are not needed",
        "do not spread to other parts of the body",
    ),
    (
        {"tumor": {"n": None}},
        "Undetermined",
        "We cannot say yet whether a scan is useful",
        "whether the lymph nodes under the arm are affected",
    ),
    (
        {"symptoms": ["back_pain", "neurologic_deficit"]},
        "Targeted imaging",
        "A scan aimed at one part of the body is advised",
        "This is urgent: it should be done straight away.",
    ),
    (
        {"setting": "surveillance", "prior_surgery": "bct"},
        "Not applicable",
        "Your follow-up checks",
        "This check was done for your follow-up after treatment.",
    ),
    (
        {"tumor": {"m": "M1"}},
        "Not applicable",
        "Your team will choose scans to plan and follow your treatment",
        "already known to have spread",
    ),
    (
        {"patient_preference": "requests_imaging"},
        "Not recommended",
        "A scan of the whole body is not advised for you now",
        "You told your team that you would like a scan.",
    ),
]


def _patient(changes: dict[str, object]) -> dict[str, object]:
    changes = dict(changes)
    tumor = changes.pop("tumor", None)
    return patient(tumor, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "badge", "headline", "sentence"), SCENARIOS)
def test_card_and_handout_for_each_kind_of_answer(
    client: httpx.Client, changes: dict[str, object], badge: str, headline: str, sentence: str
) -> None:
    r = client.post("/evaluate", data={"mode": "json", "json": json.dumps(_patient(changes))})
    assert r.status_code == 200, Page(r.text).text("error-summary")
    assert f"Systemic staging imaging: {badge}</span>" in r.text
    decision_id = re.search(r'href="/decisions/([0-9a-f-]{36})/handout"', r.text).group(1)
    main = Page(client.get(f"/decisions/{decision_id}/handout").text).find("main")[0]
    text = " ".join(main.text.split())
    assert headline in text and sentence in text


@pytest.mark.parametrize(
    ("dose", "text"),
    [
        ("0", "no radiation at all"),
        ("<0.1", "less than about 12 days"),
        ("0.1-1", "about 12 days to 4 months"),
        ("1-10", "about 4 months to 3 years"),
        ("10-30", "about 3 to 10 years"),
        ("30-100", "about 10 to 33 years"),
    ],
)
def test_doses_are_compared_with_three_msv_a_year(dose: str, text: str) -> None:
    assert background_comparison(dose, 3.0) == text
