"""Select the guidance items (considerations, next steps, pitfalls) a decision's facts trigger.

Items are data (knowledge/guidance.yaml). Their conditions name *features* of a decision; this
module owns the feature vocabulary, and the knowledge loader rejects items that use anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rightscan.domain.knowledge import GuidanceItem

YES_NO = ("yes", "no")

# feature -> allowed values ("procedure_id": any id of the procedure catalogue)
FEATURES: dict[str, tuple[str, ...] | str] = {
    "setting": (
        "new_diagnosis",
        "surveillance",
        "suspected_local_recurrence",
        "suspected_distant_recurrence",
        "unknown",
    ),
    "systemic_imaging": (
        "not_recommended",
        "recommended",
        "individualize",
        "targeted",
        "not_applicable",
        "undetermined",
    ),
    "stage_class": ("early", "late", "split", "in_situ", "metastatic", "unknown"),
    "anatomic_stage": ("0", "IA", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IV", "unknown"),
    "histology": ("IDC", "ILC", "NOS", "mixed", "DCIS", "other", "unknown"),
    "invasive": ("yes", "no", "unknown"),
    "metastatic": YES_NO,
    "inflammatory": YES_NO,
    "biology": (
        "er_positive_her2_negative",
        "her2_positive",
        "triple_negative",
        "er_negative_pr_positive_her2_negative",
        "unknown",
    ),
    "grade": ("1", "2", "3", "unknown"),
    "red_flags": YES_NO,
    "alp": ("absent", "normal", "mildly_raised", "mildly_raised_unconfirmed", "raised"),
    "tumor_markers": ("absent", "normal", "raised"),
    "patient_preference": ("requests_imaging", "none"),
    "pathologic_upstaging": YES_NO,
    "order_procedure": "procedure_id",
}


def select(items: tuple[GuidanceItem, ...], features: Mapping[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The items whose ``when`` all hold and whose ``unless`` do not, grouped by kind, in file order."""
    out: dict[str, list[dict[str, Any]]] = {"consideration": [], "next_step": [], "pitfall": []}
    for item in items:
        if all(features.get(name) in values for name, values in item.when) and not any(
            features.get(name) in values for name, values in item.unless
        ):
            out[item.kind].append(item.as_dict)
    return out
