"""The PAMA appropriate-use answer for an evaluated order (pure)."""

from __future__ import annotations

from typing import Any

from rightscan.domain.model import NOT_APPLICABLE, TARGETED, UNDETERMINED


def pama_rating(pama: Any, decision: dict[str, Any]) -> tuple[str | None, str]:
    """(code, why) for the decision's order; code None means: do not rate (missing or disputed facts).

    ``pama`` is ``Knowledge.pama``. Rules: one applicable variant that rates the study -> its category
    mapped by the knowledge file; a settled situation that no criterion of the topic covers ->
    ``no-criteria-apply``; stage groups disagreeing, or facts missing -> no rating. Reads the typed
    parts of the output contract (``missing[].field``), never its prose.
    """
    order = decision["order"]
    if order is None:
        return None, "no order"
    verdict = decision["systemic_imaging"]
    if verdict == UNDETERMINED:
        return None, "insufficient data: " + "; ".join(m["field"] for m in decision["missing"])
    category = order["category"]
    if order.get("rating_context"):
        # the variant rates this study for patients without symptoms; here it targets a red flag
        return pama.no_criteria, "targeted study for a red flag: the variant's rating is for patients without symptoms"
    if category is not None:
        return pama.category_to_rating[category], f"ACR variant {order['variant']}: {category}"
    if len(order["ratings"]) > 1:
        return None, "the stage groups disagree; the rating depends on the multidisciplinary decision"
    if order["ratings"]:  # one variant applies but does not rate this study
        return pama.no_criteria, f"not rated by ACR variant {order['ratings'][0]['variant']}"
    if verdict == TARGETED:
        return pama.no_criteria, "targeted imaging for a red flag is outside the topic's criteria"
    if verdict == NOT_APPLICABLE:
        return pama.no_criteria, "no criterion of the topic applies to this situation"
    return None, "insufficient data to choose an ACR variant"
