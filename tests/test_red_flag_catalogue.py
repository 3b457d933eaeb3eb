"""Over the whole catalogue of red-flag suggestions: a study RightScan itself suggests never carries a
bare "Usually Not Appropriate", and systemic staging never disappears behind a red flag (issue 9)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.adapters.render import to_markdown, to_text
from rightscan.api import evaluate
from rightscan.domain.pama import pama_rating

KB = load_knowledge()
UA = "Usually Appropriate"
LATE_ANATOMIC = {"IIIA", "IIIB", "IIIC"}

TUMOURS: dict[str, dict[str, Any]] = {
    "early luminal": {"size_cm": 1.8, "n": "N0", "grade": 2, "er": "positive", "pr": "positive", "her2": "negative"},
    "split triple negative": {
        "size_cm": 3.0,
        "n": "N0",
        "grade": 3,
        "er": "negative",
        "pr": "negative",
        "her2": "negative",
    },
    "stage III luminal": {
        "size_cm": 6.0,
        "n": "N2a",
        "grade": 2,
        "er": "positive",
        "pr": "positive",
        "her2": "negative",
    },
    "stage III triple negative": {
        "size_cm": 6.0,
        "n": "N2a",
        "grade": 3,
        "er": "negative",
        "pr": "negative",
        "her2": "negative",
    },
    "stage III HER2+": {"t": "T4b", "n": "N1", "grade": 3, "er": "negative", "pr": "negative", "her2": "positive"},
    "stage III ER-/PR+": {
        "size_cm": 6.0,
        "n": "N2a",
        "grade": 3,
        "er": "negative",
        "pr": "positive",
        "her2": "negative",
    },
}
SETTINGS: list[tuple[str, str | None]] = [
    ("new_diagnosis", None),
    ("surveillance", "bct"),
    ("surveillance", "mastectomy"),
    ("suspected_local_recurrence", "bct"),
    ("suspected_local_recurrence", "mastectomy"),
    ("suspected_distant_recurrence", None),
]


def _trigger(rule: Any) -> dict[str, Any]:
    """Input facts that fire the rule (symptom codes, or the labs behind the derived lab findings)."""
    symptoms = sorted(c for c in rule.all if c in KB.symptoms)
    labs: dict[str, Any] = {}
    if "alp_raised" in rule.all:
        labs["alkaline_phosphatase"] = {"value": 400, "uln": 120}
        labs["ast"] = {"value": 20, "uln": 40}
    if "liver_tests_abnormal" in rule.all:
        labs["ast"] = {"value": 160, "uln": 40}
    return {"symptoms": symptoms, "labs": labs}


def _table_rows(rendered: str) -> list[tuple[tuple[int, str], str]]:
    """((variant, procedure), line) for every procedure row of the variant tables, text or Markdown."""
    rows = []
    variant = 0
    names = sorted((p.name for p in KB.procedures.values()), key=len, reverse=True)
    for line in rendered.splitlines():
        head = re.match(r"^(?:### )?ACR variant (\d+) \(", line)
        if head:
            variant = int(head.group(1))
            continue
        if variant and (re.match(r"^  (UA|MBA|MBA\(D\)|UNA) ", line) or (line.startswith("| ") and "|---" not in line)):
            if line.startswith("| Procedure |"):
                continue
            procedure = next((n for n in names if f"mSv  {n}" in line or line.startswith(f"| {n} |")), None)
            assert procedure, line
            rows.append(((variant, procedure), line))
    return rows


CASES = [
    pytest.param(rule, pid, tumour, setting, surgery, id=f"{rule.id}-{pid}-{tumour}-{setting}-{surgery}")
    for rule in KB.red_flag_rules
    for pid in rule.suggested
    for tumour in TUMOURS
    for setting, surgery in SETTINGS
    if setting == "new_diagnosis" or tumour == "early luminal"
]


@pytest.mark.parametrize(("rule", "pid", "tumour", "setting", "surgery"), CASES)
def test_suggested_study_never_shows_a_bare_low_rating(
    rule: Any, pid: str, tumour: str, setting: str, surgery: str | None
) -> None:
    proc = KB.procedures[pid]
    payload = {
        "setting": setting,
        "prior_surgery": surgery,
        "tumor": {"histology": "IDC", "m": "M0", **TUMOURS[tumour]},
        "order": proc.name,
        **_trigger(rule),
    }
    d = evaluate(payload)
    assert rule.id in [f["rule"] for f in d["red_flags"]]
    order = d["order"]
    assert rule.finding in order["indicated_by_red_flags"]
    low = [r for r in order["ratings"] if r["category"] and r["category"] != UA]
    if low:
        assert order["rating_context"] and "without symptoms" in order["rating_context"]
        assert "changes the question" in order["note"]
        assert pama_rating(KB.pama, d)[0] != "not-appropriate"
    else:
        assert order["rating_context"] is None
    # the targeted-imaging list explains every low rating of every suggested study
    for x in d["targeted_imaging"]:
        if any(r["category"] != UA for r in x["acr_ratings"]):
            assert x["rating_context"] and "without symptoms" in x["rating_context"]
    # no rendered table row shows a suggested study's low rating without the explanation
    low_rows = {
        (r["variant"], x["procedure"]) for x in d["targeted_imaging"] for r in x["acr_ratings"] if r["category"] != UA
    }
    for (variant, procedure), line in _table_rows(to_text(d)) + _table_rows(to_markdown(d)):
        if (variant, procedure) in low_rows:
            assert "without symptoms" in line, line
    assert len(_table_rows(to_text(d))) == sum(len(a["procedures"]) for a in d["assessments"])
    # alternatives RightScan offers are either targeted studies or rated Usually Appropriate
    assert all(a["category"] in (None, UA) for a in order["alternatives"])
    # a red flag never takes away the systemic staging the stage calls for
    if setting == "new_diagnosis" and d["stage"]["anatomic"] in LATE_ANATOMIC:
        assert d["systemic_staging"] == "recommended"
        assert "systemic_staging_now" in [s["id"] for s in d["next_steps"]]
        assert "recommended" in d["summary"]


def _cards(payload: dict[str, Any], info_cards: bool = True) -> list[Any]:
    from rightscan.adapters.cdshooks.cards import OrderOutcome, build

    d = evaluate(payload)
    resource = {"resourceType": "ServiceRequest", "id": "o-1", "status": "draft", "intent": "order"}
    consultation = build(
        KB,
        [OrderOutcome("ServiceRequest/o-1", resource, d)],
        consult_id="c-1",
        explanation_url="https://example.org/decisions/c-1",
        qcdsm=None,
        info_cards=info_cards,
    )
    return list(consultation.response["cards"])


STAGE_III_TN = {"histology": "IDC", "size_cm": 6.0, "n": "N2a", "m": "M0", "grade": 3}
STAGE_III_TN |= {"er": "negative", "pr": "negative", "her2": "negative"}


def test_cds_card_keeps_the_staging_study_and_asks_for_the_targeted_one_too() -> None:
    payload = {"setting": "new_diagnosis", "tumor": STAGE_III_TN, "symptoms": ["headache"], "order": "PET/CT"}
    [card] = _cards(payload)
    assert card["indicator"] == "warning"
    assert "Usually Appropriate for staging" in card["summary"] and "MRI Head" in card["summary"]
    assert not card.get("suggestions")  # neither "instead" nor "cancel": both studies are needed


def test_cds_card_for_the_suggested_brain_mri_is_not_a_bare_usually_not_appropriate() -> None:
    payload = {"setting": "new_diagnosis", "tumor": STAGE_III_TN, "symptoms": ["neurologic_deficit"]}
    [card] = _cards(payload | {"order": "brain MRI w/wo"})  # issue 8: a bare "brain MRI" does not say the contrast
    assert card["indicator"] == "info"
    assert "Usually Not Appropriate" not in card["summary"] and "red flag" in card["summary"]
