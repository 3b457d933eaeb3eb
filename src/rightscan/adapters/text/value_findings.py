"""What a value parser finds (``Finding``) and the laboratory helpers the value parsers share.

Split out of ``values.py`` (sixteenth security pass) so that the parsers of ``lab_forms.py`` read the same findings,
limits and test names as ``values.py`` without an import cycle. Nothing here holds a pattern of its own: the test
names are ``values.yaml`` fragments, the limits its parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rightscan.adapters.text.rules import Rules

FACT, UNPARSED, NOTE = "fact", "unparsed", "note"
NAME_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    """What one mention says about one field: a fact, an unparsed note, or evidence only."""

    field: str
    value: Any
    kind: str = FACT
    reason: str | None = None
    provisional: bool = False  # gives way to a final value of the same field (HER2 IHC 2+)
    number: float | None = None  # a laboratory value read without its ULN (asked unless it cannot be raised)


def uln_of(g: dict[str, str]) -> float | None:
    for key in ("uln", "uln_range", "uln_lt", "uln_sep", "uln_ref", "uln_reflt", "uln_said"):
        if key in g:
            return float(g[key])
    return None


# why a value read without its range is not passed on (and, for a laboratory value, why it is asked: F1 below)
NO_ULN = "value given without the laboratory's upper limit of normal (reference range not given); the core needs both"


def measured(fieldname: str, value: float, uln: float | None, ratio: bool = False) -> Finding:
    if uln is None:
        return Finding(fieldname, None, UNPARSED, NO_ULN, number=value)
    if uln <= 0:
        return Finding(fieldname, None, UNPARSED, "an upper limit of normal of 0 cannot be used")
    reason = "stated as a multiple of the ULN: passed as value = multiple, uln = 1" if ratio else None
    return Finding(fieldname, {"value": value, "uln": uln}, reason=reason)


# what a result without its ULN is tested as: above red_flags.yaml's 2x ULN, a red flag (the same test value as the
# rules for liver tests called raised in words, targets.yaml note.alp_raised)
HIGH_UNKNOWN = ({"value": 3, "uln": 1},)


def above_every_range(rules: Rules, fieldname: str, value: float | None, umol: bool, mg: bool) -> bool:
    """Sixteenth security pass (F12): a laboratory value above every laboratory's upper limit (values.yaml
    ``lab_above_every_range``), so no laboratory calls it normal. A bilirubin without its unit may be in umol/L."""
    code = fieldname.removeprefix("labs.")
    key = f"{code}_umol" if code == "bilirubin" and not mg else code
    bound = (rules.parameters.get("lab_above_every_range") or {}).get(key)
    return value is not None and bound is not None and value > bound


LAB_NAMES = (("LFT", ("ast", "alt", "bilirubin")), ("TRANSAM", ("ast", "alt")), ("ALP", ("alkaline_phosphatase",)),
             ("AST", ("ast",)), ("ALT", ("alt",)), ("BILI", ("bilirubin",)))  # fmt: skip


def lab_codes(rules: Rules, names: str) -> list[str]:
    """The laboratory codes a list of test names stands for ("AST/ALT", "LFTs", "transaminases")."""
    codes: list[str] = []
    for name in NAME_SPLIT.split(names):
        for frag, labs in LAB_NAMES:
            if name.strip() and rules.name_patterns[frag].fullmatch(name.strip()):
                codes.extend(labs)
                break
    return list(dict.fromkeys(codes))
