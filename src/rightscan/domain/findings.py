"""Red flags: symptoms and laboratory findings that point to targeted imaging of one site."""

from __future__ import annotations

from typing import NamedTuple

from rightscan.domain.knowledge import Knowledge, RedFlagRule
from rightscan.domain.model import Facts, MissingFact

LIVER_TESTS = ("ast", "alt", "bilirubin")


class LabAssessment(NamedTuple):
    alp: str  # absent | normal | mildly_raised | mildly_raised_unconfirmed | raised
    liver_abnormal: tuple[str, ...]  # names of liver tests above threshold
    tumor_markers: str  # absent | normal | raised
    notes: tuple[MissingFact, ...]  # facts the laboratory rules lack


def assess_labs(kb: Knowledge, facts: Facts) -> LabAssessment:
    labs = facts.labs
    markers = facts.tumor_markers
    if not labs and not markers:
        return NO_LABS
    th = kb.thresholds
    limit = th.liver_test_abnormal_x_uln
    liver_abnormal = tuple(
        [name for name in LIVER_TESTS if (lab := labs.get(name)) is not None and lab.value > lab.uln * limit]
    )
    notes: tuple[MissingFact, ...] = ()
    alp = labs.get("alkaline_phosphatase")
    if alp is None:
        alp_status = "absent"
    elif alp.value <= alp.uln:
        alp_status = "normal"
    elif alp.value > alp.uln * th.alp_mild_max_x_uln or liver_abnormal or facts.symptoms:
        alp_status = "raised"
    elif labs.get("ast") is None and labs.get("alt") is None:
        alp_status = "mildly_raised_unconfirmed"
        notes = (
            MissingFact(
                "labs.ast / labs.alt",
                "liver tests (AST, ALT)",
                "they tell whether the raised alkaline phosphatase is isolated (isolated and at most "
                f"{th.alp_mild_max_x_uln:g}x ULN: no systemic imaging; otherwise: targeted imaging of bone and liver)",
            ),
        )
    else:
        alp_status = "mildly_raised"
    if not markers:
        marker_status = "absent"
    elif any(v.value > v.uln * th.tumor_marker_raised_x_uln for v in markers.values()):
        marker_status = "raised"
    else:
        marker_status = "normal"
    return LabAssessment(alp_status, liver_abnormal, marker_status, notes)


NO_LABS = LabAssessment("absent", (), "absent", ())


def red_flags(kb: Knowledge, facts: Facts, labs: LabAssessment) -> tuple[RedFlagRule, ...]:
    """Every red-flag rule that fires, with its targeted studies, in knowledge-file order."""
    present = set(facts.symptoms)
    if labs.alp == "raised":
        present.add("alp_raised")
    if labs.liver_abnormal:
        present.add("liver_tests_abnormal")
    if not present:
        return ()
    return tuple([rule for rule in kb.red_flag_rules if rule.all <= present and not (rule.unless & present)])
