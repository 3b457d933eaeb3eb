"""Red flags: symptoms and laboratory findings that point to targeted imaging of one site."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import Facts

LIVER_TESTS = ("ast", "alt", "bilirubin")


@dataclass(frozen=True, slots=True)
class LabAssessment:
    alp: str  # absent | normal | mildly_raised | mildly_raised_unconfirmed | raised
    liver_abnormal: tuple[str, ...]  # names of liver tests above threshold
    tumor_markers: str  # absent | normal | raised
    notes: tuple[str, ...]  # insufficient-data notes


def assess_labs(kb: Knowledge, facts: Facts) -> LabAssessment:
    th = kb.thresholds
    liver_abnormal = tuple(
        name
        for name in LIVER_TESTS
        if (lab := facts.lab(name)) is not None and lab.ratio > th.liver_test_abnormal_x_uln
    )
    notes: list[str] = []
    alp = facts.lab("alkaline_phosphatase")
    if alp is None:
        alp_status = "absent"
    elif alp.ratio <= 1.0:
        alp_status = "normal"
    elif alp.ratio > th.alp_mild_max_x_uln or liver_abnormal or facts.symptoms:
        alp_status = "raised"
    elif facts.lab("ast") is None and facts.lab("alt") is None:
        alp_status = "mildly_raised_unconfirmed"
        notes.append(
            "labs.ast / labs.alt: liver tests are needed to tell whether the raised alkaline phosphatase is "
            f"isolated (isolated and at most {th.alp_mild_max_x_uln:g}x ULN: no systemic imaging; "
            "otherwise: targeted imaging of bone and liver)"
        )
    else:
        alp_status = "mildly_raised"
    if not facts.tumor_markers:
        markers = "absent"
    elif any(v.ratio > th.tumor_marker_raised_x_uln for v in facts.tumor_markers.values()):
        markers = "raised"
    else:
        markers = "normal"
    return LabAssessment(alp_status, liver_abnormal, markers, tuple(notes))


def red_flags(kb: Knowledge, facts: Facts, labs: LabAssessment) -> list[dict[str, Any]]:
    """Every red-flag rule that fires, with its targeted studies, in knowledge-file order."""
    present = set(facts.symptoms)
    if labs.alp == "raised":
        present.add("alp_raised")
    if labs.liver_abnormal:
        present.add("liver_tests_abnormal")
    if not present:
        return []
    return [rule.as_dict for rule in kb.red_flag_rules if rule.all <= present and not (rule.unless & present)]
