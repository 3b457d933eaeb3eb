"""Value parsers for the laboratory and weight forms of the sixteenth security pass (``values.yaml`` rules).

- ``lab_ratio`` (F4): a test given as a multiple of its upper limit of normal ("AST 5x ULN", "transaminases 4x ULN").
  Each test named is read as value = multiple, uln = 1. A name that does not say which test ("LFTs 3x ULN", "liver
  enzymes") and a bound ("> 3x ULN") are no values: they are asked, tested with that rise.
- ``lab_panel`` (F5): a slash-packed panel. Its names pair with its values in order ("AST/ALT/ALP 35/28/410",
  "LFT: 410/35/28 (ALP/AST/ALT)"); a panel whose order is not stated ("LFTs 410/35/28"), or whose names and values do
  not pair one to one, is never guessed: every test it may hold is asked. Round 50n: two tests each told with its
  value, their limits in one bracket after them in the same order ("AST 58 H / ALT 71 H (ULN 35 / 45)").
- ``lab_said_normal`` (F12): a test called normal, then its number ("ALP normal (410)"). The number within its stated
  range is read; above it, or above every laboratory's range without one, it contradicts the word and is asked.
- ``weight_pair`` (F6): weight loss told as two weights ("Weight 70 kg (down from 82 kg)"): read, asked or nothing
  by the loss as a share of the earlier weight (``values.yaml`` parameters ``weight_loss_*_min_percent``).

Every parser here only turns matched text into findings (``value_findings``); the words and the limits are in
``values.yaml``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rightscan.adapters.text import value_findings as v
from rightscan.adapters.text.value_findings import Finding

if TYPE_CHECKING:
    from rightscan.adapters.text.rules import Rules, ValueRule

_SLASH = re.compile(r"\s*/\s*")
_POUNDS = re.compile(r"lb|pound", re.IGNORECASE)
_KG_PER_LB = 0.45359237
# the tests a panel named only as liver tests may hold, and a transaminases panel
_LFT_PANEL = ("alkaline_phosphatase", "ast", "alt")
_TRANSAM_PANEL = ("ast", "alt")
_PANEL_CODES = (("ALP", "alkaline_phosphatase"), ("AST", "ast"), ("ALT", "alt"), ("BILI", "bilirubin"))
UNORDERED = "a panel of values whose order of tests is not stated: give each test with its value and ULN"
UNPAIRED = "a panel whose tests and values do not pair one to one: give each test with its value and ULN"


def lab_ratio(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    ratio = float(g.get("ratio") or g["ratio_x"])
    codes = v.lab_codes(rules, g["names"])
    if "bound" in g:  # "AST > 3x ULN": tested with half as much again as the bound
        possible = {"value": round(max(ratio, 1.0) * 1.5, 2), "uln": 1.0}
        why = f"given as above {ratio:g}x ULN, a bound and not a value: give the value and the laboratory's ULN"
        return [v.Finding(f"labs.{c}", possible, v.UNPARSED, why) for c in codes]
    names = [n.strip() for n in v.NAME_SPLIT.split(g["names"]) if n.strip()]
    if any(rules.name_patterns["LFT"].fullmatch(n) for n in names):  # "LFTs 3x ULN": which test is not said
        why = f"liver tests given together as {ratio:g}x ULN without saying which: give each test's value and ULN"
        return [v.Finding(f"labs.{c}", {"value": ratio, "uln": 1.0}, v.UNPARSED, why) for c in codes]
    return [v.measured(f"labs.{c}", ratio, 1.0, ratio=True) for c in codes]


def lab_said_normal(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    out: list[Finding] = []
    value, uln = float(g["value"]), v.uln_of(g)
    for code in v.lab_codes(rules, g["names"]):
        fieldname = f"labs.{code}"
        if uln is not None and uln > 0:
            read = {"value": value, "uln": uln}
            if value <= uln:
                out.append(v.Finding(fieldname, read))
            else:
                why = f"called normal, but {value:g} is above its stated upper limit {uln:g}: confirm which is right"
                out.append(v.Finding(fieldname, read, v.UNPARSED, why))
        elif v.above_every_range(rules, fieldname, value, umol=False, mg=False):
            why = f"called normal, but {value:g} is above every laboratory's upper limit: give it with its range"
            out.append(v.Finding(fieldname, v.HIGH_UNKNOWN[0], v.UNPARSED, why))
        else:
            out.append(v.Finding(fieldname, "reported normal", v.NOTE, "reported normal: not passed to the core"))
    return out


def _panel_code(rules: Rules, name: str) -> str | None:
    return next((code for frag, code in _PANEL_CODES if rules.name_patterns[frag].fullmatch(name.strip())), None)


def lab_panel(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    if "v1" in g:  # round 50n: each test with its value, one bracket of limits ("AST 58 H / ALT 71 H (ULN 35 / 45)")
        numbers, named = [g["v1"], g["v2"]], f"{g['n1']}/{g['n2']}"
    else:
        numbers = _SLASH.split(g.get("values") or g["values2"])
        named = g.get("names") or g.get("names2") or g.get("names3")
    if named is None:  # "LFTs 410/35/28": which value is which test is not said
        panel = _LFT_PANEL if rules.name_patterns["LFT"].fullmatch(g["group"].strip()) else _TRANSAM_PANEL
        return [v.Finding(f"labs.{c}", v.HIGH_UNKNOWN[0], v.UNPARSED, UNORDERED) for c in panel]
    codes = [_panel_code(rules, n) for n in _SLASH.split(named)]
    if len(codes) != len(numbers):
        return [v.Finding(f"labs.{c}", v.HIGH_UNKNOWN[0], v.UNPARSED, UNPAIRED) for c in dict.fromkeys(codes) if c]
    ulns = _SLASH.split(g["ulns"]) if "ulns" in g else None
    if ulns is not None and len(ulns) != len(codes):
        ulns = None  # limits that do not pair with the tests are not used
    return [
        v.measured(f"labs.{c}", float(n), float(ulns[i].lstrip("<=≤ \t")) if ulns else None)  # round 56n: "<=41"
        for i, (c, n) in enumerate(zip(codes, numbers, strict=True))
        if c is not None
    ]


def _kg(number: str, unit: str | None) -> float:
    return float(number) * (_KG_PER_LB if unit and _POUNDS.match(unit) else 1.0)


def weight_pair(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    unit_now, unit_before = g.get("u1") or g.get("u2"), g.get("u2") or g.get("u1")
    now, before = _kg(g["now"], unit_now), _kg(g["before"], unit_before)
    if before <= 0:
        return []
    loss = (before - now) / before * 100
    p = rules.parameters
    if loss >= p.get("weight_loss_read_min_percent", 5):
        return [v.Finding("symptoms", "weight_loss")]
    if loss >= p.get("weight_loss_ask_min_percent", 2):
        why = f"a loss of {loss:.0f} % between two weights: confirm whether it is unintentional weight loss"
        return [v.Finding("symptoms", "weight_loss", v.UNPARSED, why)]
    return []  # a gain, or a day's swing
