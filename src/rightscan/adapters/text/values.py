"""The value-parsing layer: a regex match from ``values.yaml`` -> findings about core input fields.

This is the only place where matched text becomes numbers and codes. Each parser reads the named
groups its rule's pattern defines (checked when the rules load) and the parameters and word
tables of ``values.yaml``; none of them holds a pattern of its own beyond splitting a list of
names. A parser never guesses: what it cannot read becomes an ``unparsed`` finding with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rightscan.adapters.text.firstchars import guarded
from rightscan.adapters.text.lab_columns import lab_columns
from rightscan.adapters.text.lab_forms import lab_panel, lab_ratio, lab_said_normal, weight_pair
from rightscan.adapters.text.rules import Rules, ValueRule
from rightscan.adapters.text.value_findings import FACT, NO_ULN, NOTE, UNPARSED, Finding, above_every_range, lab_codes
from rightscan.adapters.text.value_findings import HIGH_UNKNOWN as _HIGH_UNKNOWN
from rightscan.adapters.text.value_findings import NAME_SPLIT as _NAME_SPLIT
from rightscan.adapters.text.value_findings import measured as _measured
from rightscan.adapters.text.value_findings import uln_of as _uln

__all__ = ["FACT", "NOTE", "NO_ULN", "UNPARSED", "Finding", "flagged_high", "parse", "rejected"]
# a line break ends a clause (a synoptic report: one field a line); the full stop of a title before a name does not
# ("Dr. Kowalczyk wants CT first": the doctor is still the subject)
# round 23d: so does a question or an exclamation before the next sentence's capital ("Why don't I get one? Can you
# order me a PET scan": the writer's "I" of the question before is not the one asked for the study)
# the titles are matched in any case: the clause is read in the note's case ("Dr. Okafor wants a staging CT")
_CLAUSE_END = re.compile(
    r"(?<!\b[Dd][Rr])(?<!\b[Mm][Rr])(?<!\b[Mm][Ss])(?<!\b[Mm][Rr][Ss])[.;](?:\s|$)|[;\n]|[?!](?:\s++(?=[A-Z])|\s*+$)"
)
_CLAUSE_END = guarded(_CLAUSE_END)  # tried only where its first characters stand (the same matches)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_KEY_MAX = 40  # characters of a synoptic field name
# words after a number: up to the next comma, "and", "but", " / ", " + " or an aside in parentheses ("2 cm (3 cm FN)")
# round 18f: a form's fields on one line, set apart by a bar or a wide gap ("Size (USG): 2.0 cm   Dist from nipple:
# 3 cm", "Size (US): 2.0 cm | FN: 3 cm"), are phrases of their own: the next field's words measure its own number. The
# gaps are squeezed before reading (spacing.py); their places come as ``gaps`` (spacing.wide_gaps)
# round 51c (v51 cb-001): a measuring verb opens the phrase too: a dictation run on without its commas ("a mass at 2
# o'clock 5 cm from the nipple measuring 1.7 cm") measures the mass after the verb, as "..., measuring 1.7 cm" does
_PHRASE_START = re.compile(r"[,;(|]|\bmeasur(?:ing|es|ed)\b")  # what opens the phrase a number stands in, looking back
_PHRASE_END = re.compile(r"[.;,](?:\s|$)|[;,\n|]|\s(?:and|but)\s|\s[/+]\s|\s\(")
# round 10d: after a tumour's measurement (a rule with `describes_after`) the phrase also ends at "with" or "w/": what
# follows is another thing the measured tumour has ("IDC 3 cm with a biopsy-proven axillary node", "7 cm w/ skin
# ulceration"), not what the number measures
_MEASURE_PHRASE_END = re.compile(_PHRASE_END.pattern + r"|\s(?:with|w/)(?=\s)")
# round 46t: and at the next measurement standing on its own (not a product's "x 1.2 cm"): the words after it are that
# number's ("L IDC 1.4cm @ 2:00 6cm FN on US": the "FN" makes the 6 cm a distance from the nipple, not the 1.4 cm)
_NEXT_MEASURE = re.compile(r"(?<![x×*\d.])(?<![x×*] )(?<!by )\b\d+(?:\.\d+)?[ \t]*(?:cms?|mm)\b")  # round 55m: "cms"
_NEXT_MEASURE = guarded(_NEXT_MEASURE)  # tried only where its first characters stand (the same matches)


# round 46t: an arrow before a name ("pager -> Dr. Mensah: 55F ...", "=> onc: 61F") addresses a message; it is no
# comparison sign, so a reject word ">" does not see it. An arrow before a number ("fever 100.2 -> 101F") still is one
_ADDRESS_ARROW = re.compile(r"(?:-+>|=>|→)(?=[ \t]*[A-Za-z])")


def _unaddressed(text: str) -> str:
    """The text with each addressing arrow blanked, keeping every offset (round 46t)."""
    return _ADDRESS_ARROW.sub(lambda m: " " * len(m.group()), text)


def _line_key_rejects(rule: ValueRule, text: str, start: int) -> bool:
    """A synoptic line's field name says what its numbers measure ("Margins: ... ; all others > 5 mm",
    "Lymph nodes: 2/14, largest deposit 6 mm"): a reject word in the key before the colon rejects a
    match anywhere in that field's sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    colon = head.find(":")
    if colon <= 0 or colon > _KEY_MAX or _SENTENCE_END.search(head, colon):
        return False
    key = _unaddressed(head[:colon]).lower()
    return any(p.search(key) for p in rule.reject_before)


def rejected(rule: ValueRule, text: str, start: int, end: int, gaps: frozenset[int] = frozenset()) -> bool:
    """True when a reject word of the rule sits next to the match in the same clause (``gaps``: where a form's wide gap
    between two fields of one line was read as one space; a field's phrase ends there)."""
    if rule.reject_before and _line_key_rejects(rule, text, start):
        return True
    if rule.reject_before:
        field_start = max((g for g in gaps if g < start), default=-1) + 1  # round 18f: a form field is a clause
        before = text[max(0, start - rule.window - 2, field_start) : start]  # an arrow's whole sign (round 46t)
        before = _unaddressed(before)[-rule.window :]
        cuts = list(_CLAUSE_END.finditer(before))  # read in the note's case (a question ends before a capital)
        if cuts:
            before = before[cuts[-1].end() :]
        before = before.lower()
        if any(p.search(before) for p in rule.reject_before):
            return True
        if rule.reject_before_phrase:  # "nipple 3 cm" is a distance; "6 cm from the nipple, measuring 2 cm" is not
            phrase = before[max((m.end() for m in _PHRASE_START.finditer(before)), default=0) :]
            if any(p.search(phrase) for p in rule.reject_before_phrase):
                return True
    if rule.reject_after:
        after = text[end : end + rule.window_after].lower()
        cut = (_MEASURE_PHRASE_END if rule.describes_after else _PHRASE_END).search(after)
        if cut:
            after = after[: cut.start()]
        if rule.describes_after and (other := _NEXT_MEASURE.search(after)):
            after = after[: other.start()]
        next_field = min((g for g in gaps if g >= end), default=None)
        if next_field is not None and next_field - end < len(after):  # round 18f: the next field of a form's line
            after = after[: next_field - end]
        for p in rule.describes_after:  # "1.1 cm node-negative ER+ IDC": the tumour's own nodal status
            after = p.sub(" ", after)
        if any(p.search(after) for p in rule.reject_after):
            return True
    return False


def parse(rules: Rules, rule: ValueRule, match: re.Match[str], gaps: frozenset[int] | None = None) -> list[Finding]:
    """The findings of a rule's match (``gaps``: where a wide gap was squeezed, spacing.wide_gaps)."""
    if rule.parser == "lab_columns":  # round 37l: a table's row is read with its header's dates, above the match
        return lab_columns(rules, rule, match, gaps or frozenset())
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    return _PARSERS[rule.parser](rules, rule, groups)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


# ------------------------------------------------------------------ size
def _size(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    dims = [_number(g[k]) for k in ("d1", "d2", "d3") if k in g]
    unit = g["unit"].lower()
    largest = max(dims) / (10.0 if unit.startswith("m") else 1.0)
    largest = round(largest, 2)
    if not 0 < largest <= rules.parameters["size_cm_max"]:
        return [
            Finding("tumor.size_cm", None, UNPARSED, f"a tumour size of {largest:g} cm is out of range; check the unit")
        ]
    return [Finding("tumor.size_cm", largest)]


# ------------------------------------------------------------------ TNM
_T_NORMAL = {"is": "Tis"}


def _t_value(cat: str) -> str:
    low = cat.lower()
    return _T_NORMAL.get(low, "T" + low)


def _n_value(cat: str) -> str:
    return "N" + cat.lower()


def _tnm(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    out: list[Finding] = []
    tp = (g.get("tp") or "").lower()
    np_ = (g.get("np") or "").lower() or (tp if "n" in g and tp in ("p", "yp") else "")
    for axis, cat, prefix in (("t", g.get("t"), tp), ("n", g.get("n"), np_)):
        if cat is None:
            continue
        pathological = prefix in ("p", "yp")
        fieldname = f"pathology.{axis}" if pathological else f"tumor.{axis}"
        if prefix in ("yp", "yc", "r"):
            out.append(
                Finding(
                    fieldname, None, UNPARSED, f"{prefix}{axis.upper()} (post-neoadjuvant or recurrence) is not staged"
                )
            )
            continue
        if cat.lower() == "x":
            out.append(Finding(fieldname, None, UNPARSED, f"{axis.upper()}X: the category could not be assessed"))
            continue
        value = _t_value(cat) if axis == "t" else _n_value(cat)
        if pathological:
            out.append(Finding(fieldname, "p" + value))
        elif axis == "n" and value not in ("N0", "N1mi", "N1", "N2", "N2a", "N2b", "N3", "N3a", "N3b", "N3c"):
            out.append(Finding(fieldname, None, UNPARSED, f"{value} is a pathological category; give the clinical cN"))
        else:
            out.append(Finding(fieldname, value))
    if "m" in g:
        if g["m"].lower() == "x":
            out.append(Finding("tumor.m", None, UNPARSED, "MX: distant metastasis not assessed"))
        else:
            out.append(Finding("tumor.m", "M" + g["m"]))
    return out


# ------------------------------------------------------------------ grade
_ROMAN = {"i": 1, "ii": 2, "iii": 3}


def _grade(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    if "g" in g:
        raw = g["g"].lower()
        return [Finding("tumor.grade", _ROMAN.get(raw) or int(raw))]
    score = int(g.get("score") or g.get("score2") or g.get("score4") or g["score3"])
    return [Finding("tumor.grade", rules.parameters["nottingham_score_to_grade"][score])]


# ------------------------------------------------------------------ receptors
def _receptor_kind(rules: Rules, name: str) -> str | None:
    for kind, frag in (("her2", "HER2"), ("er", "ER"), ("pr", "PR"), ("hr", "HR")):
        if rules.name_patterns[frag].fullmatch(name.strip()):
            return kind
    return None


def _space_joined(rules: Rules, name: str) -> list[str]:
    """Round 45z (v45 bh-004): receptor names joined by a space only ("ER PR positive"): each name, when every word is
    one; otherwise the name as written ("estrogen receptor", "her 2 neu")."""
    parts = name.split()
    if len(parts) > 1 and _receptor_kind(rules, name) is None and all(_receptor_kind(rules, p) for p in parts):
        return parts
    return [name]


def _hormone_status(rules: Rules, g: dict[str, str]) -> tuple[str | None, str | None]:
    """(status, reason) of ER/PR from a percentage, an Allred score, a word or a sign."""
    if "pct" in g:
        pct = float(g["pct"])
        below = "cmp" in g
        if "above" in g:  # "ER >95%": at least that much; "> 0%" says too little to choose
            limit = rules.parameters["receptor_positive_min_percent"]
            return ("positive", None) if pct >= limit else (None, "a result given as 'above a percentage' below 1%")
        if below:
            limit = rules.parameters["receptor_positive_min_percent"]
            return ("negative", None) if pct <= limit else (None, "a result given as 'below a percentage' above 1%")
        return ("positive" if pct >= rules.parameters["receptor_positive_min_percent"] else "negative"), None
    allred = g.get("allred") or g.get("allred2")
    if allred is not None:
        return ("positive" if int(allred) >= rules.parameters["allred_positive_min"] else "negative"), None
    word = (g.get("word") or g.get("sign") or "").lower()
    status = rules.receptor_words["hormone"].get(word)
    if status in ("positive", "negative"):
        return status, None
    if status == "pending":
        return None, "result pending"
    return None, f"status {word!r} not understood"


def _receptor(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    out: list[Finding] = []
    names = [p for n in _NAME_SPLIT.split(g["names"]) if n.strip() for p in _space_joined(rules, n)]
    kinds = [_receptor_kind(rules, n) for n in names]
    for kind in dict.fromkeys(k for k in kinds if k is not None):
        if kind == "her2":
            word = (g.get("word") or g.get("sign") or "").lower()
            status = rules.receptor_words["her2"].get(word)
            if status in ("positive", "negative", "equivocal"):
                out.append(Finding("tumor.her2", status, provisional=status == "equivocal"))
            elif status == "pending":
                out.append(Finding("tumor.her2", None, UNPARSED, "HER2 result pending"))
            else:
                out.append(Finding("tumor.her2", None, UNPARSED, "HER2 result not understood"))
            continue
        status, reason = _hormone_status(rules, g)
        targets = ("tumor.er", "tumor.pr") if kind == "hr" else (f"tumor.{kind}",)
        if kind == "hr" and status == "positive":
            for f in targets:
                out.append(
                    Finding(
                        f, None, UNPARSED, "hormone receptor positive means ER and/or PR positive; which is not stated"
                    )
                )
            continue
        for f in targets:
            if status is None:
                out.append(Finding(f, None, UNPARSED, f"{f.split('.')[1].upper()}: {reason}"))
            else:
                out.append(Finding(f, status))
    return out


_ISH_POSITIVE = ("amplified", "positive", "pos")


def _her2(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    ish = (g.get("ish") or "").lower().replace("-", "").replace(" ", "")
    if ish and ish not in ("pending", "equivocal"):
        status = "positive" if ish in _ISH_POSITIVE else "negative"
        return [Finding("tumor.her2", status)]
    ihc = g.get("ihc")
    if ihc is None:
        return [Finding("tumor.her2", None, UNPARSED, f"HER2 in situ hybridisation {ish or 'result'} without a result")]
    score = int(ihc)
    if score <= 1:
        return [Finding("tumor.her2", "negative")]
    if score == 3:
        return [Finding("tumor.her2", "positive")]
    return [Finding("tumor.her2", "equivocal", provisional=True)]


def _signs(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    """ "+/+/-": ER, PR and HER2 in that order, as pathology writes them."""
    out = []
    for key, table in (("er", "hormone"), ("pr", "hormone"), ("her2", "her2")):
        status = rules.receptor_words[table].get(g[key])
        out.append(Finding(f"tumor.{key}", status) if status else Finding(f"tumor.{key}", None, UNPARSED, "sign"))
    return out


# ------------------------------------------------------------------ constants, labs, markers
def _constant(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    if rule.unparsed is not None:  # round 10a: a reading left open ("DOE, CHF"): the value is only possible
        return [Finding(f, v, UNPARSED, rule.unparsed) for f, v in rule.set.items()]
    return [Finding(f, v) for f, v in rule.set.items()]


def flagged_high(rules: Rules, text: str, match: re.Match[str], findings: tuple[Finding, ...]) -> tuple[Any, ...]:
    """The values a value mention leaves possible, to test the decision with (``Mention.confirm_values``): for a
    laboratory value read without its ULN, a large rise (the answer waits for the range) unless the laboratory
    flagged it low or normal (values.yaml fragment ``NOT_HIGH_FLAG``). Flagged high (``HIGH_FLAG``) or bare, it is an
    uncertain fact: a bare number is not a test never done (thirteenth security pass, F1: "ALP 410" had been
    dropped while "ALP 410 (H)" was asked; a coded lab without its range is asked the same way). Round 10a: for a
    constant rule whose reading is left open (``unparsed``), the values it would set; else none."""
    possible: list[Any] = []
    for f in findings:  # once each (a panel's tests are each tested with the same rise)
        if f.kind == UNPARSED and f.value is not None and f.value not in possible:
            possible.append(f.value)
    if possible:
        return tuple(possible)
    unread = [f for f in findings if f.kind == UNPARSED and f.field.startswith("labs.") and f.number is not None]
    if not unread:
        return ()
    # the flag may stand inside the match (values.yaml LAB_FLAG) or right after it
    after = match.end("value") if "value" in match.re.groupindex and match.group("value") else match.end()
    if rules.name_patterns["HIGH_FLAG"].match(text, after) or rules.name_patterns["HIGH_FLAG"].match(text, match.end()):
        return _HIGH_UNKNOWN
    umol = bool(_UMOL.search(match.group(0)) or _UMOL.match(text, match.end()))
    mg = bool(_MG.search(match.group(0)) or _MG.match(text, match.end()))
    if rules.name_patterns["NOT_HIGH_FLAG"].match(text, after):  # sixteenth pass (F12): unless the number belies it
        return _HIGH_UNKNOWN if any(above_every_range(rules, f.field, f.number, umol, mg) for f in unread) else ()
    if all(_normal_everywhere(rules, f.field, f.number, umol) for f in unread):
        return ()
    return _HIGH_UNKNOWN


_UMOL = re.compile(r"\s*(?:µ|μ|u)mol", re.IGNORECASE)
_MG = re.compile(r"\s*mg", re.IGNORECASE)


def _normal_everywhere(rules: Rules, fieldname: str, value: float | None, umol: bool) -> bool:
    """True when a laboratory value is within every laboratory's range whatever the unit (values.yaml
    ``lab_normal_everywhere``): it cannot be a red flag, so it is not asked."""
    code = fieldname.removeprefix("labs.")
    bounds = (rules.parameters.get("lab_normal_everywhere") or {}).get(f"{code}_umol" if umol else code)
    return value is not None and bounds is not None and bounds[0] <= value <= bounds[1]


def _lab(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    fieldname = f"labs.{rule.set['lab']}"
    if "ratio" in g:
        return [_measured(fieldname, float(g["ratio"]), 1.0, ratio=True)]
    out = [_measured(fieldname, float(g["value"]), _uln(g))]
    if "value2" in g and "lab2" in rule.set:  # "AST/ALT 45/50 (ULN 40/45)"
        uln2 = g.get("uln2")
        out.append(_measured(f"labs.{rule.set['lab2']}", float(g["value2"]), float(uln2) if uln2 else None))
    if rule.unparsed is not None:  # sixteenth pass (F5): a name with two meanings ("AP 410 U/L"): only possible
        return [Finding(f.field, f.value, UNPARSED, rule.unparsed, number=f.number) for f in out]
    return out


def _marker(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    fieldname = f"tumor_markers.{rule.set['marker']}"
    out = [_measured(fieldname, float(g["value"]), _uln(g))]
    if "value2" in g:
        out.append(_measured(fieldname, float(g["value2"]), float(g.get("uln2") or g["uln"])))
    return out


_GROUPED = re.compile(r"alk|ALP|LFT|liver|hepatic|transaminase|aminotransferases", re.IGNORECASE)
_RAISED_WORDS = "reported raised without a number: give the value and the laboratory's ULN"


def _lab_normal(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    """Liver tests or ALP reported in words. Normal: evidence only (the core needs numbers, none is
    invented). Raised: unparsed, since whether a rise counts depends on its size against the ULN."""
    codes = lab_codes(rules, g["names"])
    if rule.set.get("status") == "raised":
        # sixteenth pass (F4): a single liver test called raised ("AST elevated", "raised bilirubin") is tested as a
        # large rise; ALP and the tests named together are the target rules' (targets.yaml note.alp_raised,
        # note.liver_tests_raised), which test them so already
        single = {c for n in _NAME_SPLIT.split(g["names"]) for c in lab_codes(rules, n) if not _GROUPED.search(n)}
        return [Finding(f"labs.{c}", _HIGH_UNKNOWN[0] if c in single else None, UNPARSED, _RAISED_WORDS) for c in codes]
    return [
        Finding(f"labs.{c}", "reported normal", NOTE, "reported normal without a number: not passed to the core")
        for c in codes
    ]


def _age_sex(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    out: list[Finding] = []
    age = int(g["age"] if "age" in g else g["age2"])  # age2: a second place the rule may find it
    if rules.parameters["age_min"] <= age <= rules.parameters["age_max"]:
        out.append(Finding("age", age))
    else:
        out.append(Finding("age", None, UNPARSED, "age outside 18-120"))
    sex = g.get("sex") or g.get("sex2") or g.get("title") or g.get("sex3")  # sex2: the rule's second form (round 18e)
    if sex:
        out.append(Finding("sex", rules.sex_words[sex.lower()]))
    return out


_COUNT_WORDS = {
    w: n
    for n, w in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
    )
}  # fmt: skip


def _count(text: str) -> int:
    """A count of nodes in digits or in words (values.yaml fragment ``COUNT``)."""
    return int(text) if text.isdigit() else _COUNT_WORDS[text.lower()]


def _node_count(rules: Rules, rule: ValueRule, g: dict[str, str]) -> list[Finding]:
    """ "2/14 LN positive": nodes examined after surgery, so a pathological N by the count (AJCC 8 pN)."""
    positive = _count(g["pos"])
    total = _count(g["total"]) if "total" in g else positive  # "eleven positive lymph nodes": no total told
    table = rules.parameters.get("positive_nodes_to_pn") or {}
    if positive > total or not table:
        return [Finding("pathology.n", None, UNPARSED, "a count of positive nodes that cannot be read")]
    return [Finding("pathology.n", table[max(k for k in table if k <= positive)])]


_PARSERS: dict[str, Callable[[Rules, ValueRule, dict[str, str]], list[Finding]]] = {
    "size": _size,
    "tnm": _tnm,
    "grade": _grade,
    "receptor": _receptor,
    "her2": _her2,
    "constant": _constant,
    "lab": _lab,
    "lab_normal": _lab_normal,
    "marker": _marker,
    "age_sex": _age_sex,
    "cue": lambda rules, rule, g: [],
    "study": lambda rules, rule, g: [],
    "node_count": _node_count,  # read by the order resolver in the pipeline
    "signs": _signs,
    "lab_ratio": lab_ratio,
    "lab_said_normal": lab_said_normal,
    "lab_panel": lab_panel,
    "weight_pair": weight_pair,
}
