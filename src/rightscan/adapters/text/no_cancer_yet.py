"""round 16g: a mass measured before any cancer is proven has no tumour stage.

The tumour fields describe the patient's breast cancer (annotation guide 2: tumor.size_cm is the largest dimension of
the *current primary invasive tumour*; N0 is the clinically negative axilla of that cancer). A note written before the
biopsy ("BI-RADS 5 mass 2.1 cm, US core scheduled, no tissue dx yet", "result pending"), or after a benign one
("Core bx: fibroadenoma, concordant"), measures a mass that is not (yet) a cancer: its size is no tumour size and "no
palpable nodes" no clinical N category.

Only when nothing in the note proves a cancer of the patient: no histological type, receptor, grade, pathological or
stated T / M category, no setting and no breast operation read; and the proof is said to be awaited (the ``pending``
clues of targets.yaml) or the biopsy is said to be benign (``benign_result``: fibroadenoma, no malignancy). A nodal
category the note writes as a code ("cN0") stays. The safe side: the fields are left out (the answer waits for them),
never guessed. Plain data work on candidates.
"""

from __future__ import annotations

from typing import Any

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules

# round 18f: "unproven" (targets.yaml clue.unproven) says the same as "pending" in other words: a suspected-cancer
# referral, a biopsy planned as the outcome, a result awaited ("HPE awaited")
_UNPROVEN = ("pending", "benign_result", "unproven")
_PROOF = ("histology", "er", "pr", "her2", "grade", "t", "m")
REASON = "no cancer proven yet (biopsy awaited or benign, no cancer named): a mass's size or axilla is no tumour stage"


def unproven_mass(rules: Rules, facts: dict[str, Any], by_field: dict[str, list[Candidate]],
                  mentions: list[Mention]) -> None:  # fmt: skip
    tumor = facts.get("tumor") or {}
    if not ({"size_cm", "n"} & tumor.keys()) or any(f in tumor for f in _PROOF):
        return
    if any(k in facts for k in ("setting", "prior_surgery", "pathology")):
        return
    accepted = [m for m in mentions if status_of(rules, m)[0] == ACCEPTED]
    if not any(m.family in _UNPROVEN for m in accepted):
        return
    tumor.pop("size_cm", None)
    for c in by_field.get("tumor.size_cm", []):
        if c.used:
            c.used, c.reason = False, REASON
    live_n = [c for c in by_field.get("tumor.n", []) if c.used]
    if "n" in tumor and live_n and all((c.strength or c.mention.strength) == "derived" for c in live_n):
        tumor.pop("n")
        for c in live_n:
            c.used, c.reason = False, REASON
    if not tumor:
        facts.pop("tumor", None)
