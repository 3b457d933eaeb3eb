"""RightScan's clinical prognostic stage, checked cell by cell against SEER's encoding of AJCC 8.

The expected values come from an independent interpreter (below) of the SEER EOD public algorithm
v2.1 table ``tnm_8_stage_group_breast_16868``, copied into ``tests/fixtures/seer`` (see PROVENANCE.md
there). Nothing here reads RightScan's knowledge files to obtain an expected value.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from itertools import product
from pathlib import Path

import pytest

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain import staging

FIXTURE = Path(__file__).parent / "fixtures" / "seer" / "tnm8_clinical_prognostic_stage_breast.json"
FIXTURE_SHA256 = "7bfe821a522c010211d06eb6f6745b837e916a67d869d464d39ff652cd80f699"
SEER_TABLE_ID = "tnm_8_stage_group_breast_16868"
INPUT_KEYS = ("t", "n", "m", "grade", "her2_summary", "er", "pr")

# ---------------------------------------------------------------- RightScan -> SEER codes
T_TO_SEER = {
    "Tis": "IS",
    "T0": "0",
    "T1mi": "1MI",
    "T1a": "1A",
    "T1b": "1B",
    "T1c": "1C",
    "T2": "2",
    "T3": "3",
    "T4a": "4A",
    "T4b": "4B",
    "T4c": "4C",
    "T4d": "4D",
}
N_TO_SEER = {
    "N0": "0",
    "N1mi": "1MI",
    "N1": "1",
    "N2a": "2A",
    "N2b": "2B",
    "N3a": "3A",
    "N3b": "3B",
    "N3c": "3C",
}
M_TO_SEER = {"M0": "0", "M1": "1"}
GRADES = (1, 2, 3)
SEER_GRADE_UNKNOWN = "9"
SEER_RECEPTOR_UNKNOWN = "9"

# SEER endpoint value -> RightScan stage group (None = no stage group).
SEER_STAGE = {
    "0": "0",
    "1A": "IA",
    "1B": "IB",
    "2A": "IIA",
    "2B": "IIB",
    "3A": "IIIA",
    "3B": "IIIB",
    "3C": "IIIC",
    "4": "IV",
    "99": None,  # not stageable
    "88": None,  # not applicable
}

EXPECTED_COMBINATIONS = 12 * 8 * 2 * 3 * 8  # T x N x M x grade x (HER2, ER, PR)


# ---------------------------------------------------------------- SEER table interpreter
def _expand_range(lo: str, hi: str) -> set[str]:
    if lo.isdigit() and hi.isdigit():
        return {str(i) for i in range(int(lo), int(hi) + 1)}
    # Same prefix, final letter varies: "4A-4D".
    if lo[:-1] == hi[:-1] and lo[-1].isalpha() and hi[-1].isalpha() and lo[-1] <= hi[-1]:
        return {lo[:-1] + chr(c) for c in range(ord(lo[-1]), ord(hi[-1]) + 1)}
    raise ValueError(f"cannot expand SEER range {lo}-{hi}")


def parse_cell(cell: str) -> frozenset[str] | None:
    """The set of codes a SEER input cell matches; None for the ``*`` wildcard."""
    cell = cell.strip()
    if cell == "*":
        return None
    codes: set[str] = set()
    for item in cell.split(","):
        item = item.strip()
        if not item:
            raise ValueError(f"empty item in SEER cell {cell!r}")
        if "-" in item:
            lo, hi = item.split("-", 1)
            codes |= _expand_range(lo.strip(), hi.strip())
        else:
            codes.add(item)
    return frozenset(codes)


def parse_endpoint(endpoint: str) -> str | None:
    """RightScan stage for a SEER endpoint: ``VALUE:1A`` -> ``IA``; ``VALUE:99`` / ``ERROR:`` -> None."""
    if endpoint.startswith("ERROR:"):
        return None
    if endpoint.startswith("VALUE:"):
        return SEER_STAGE[endpoint.removeprefix("VALUE:")]
    raise ValueError(f"unknown SEER endpoint {endpoint!r}")


@cache
def seer_rows() -> tuple[tuple[tuple[frozenset[str] | None, ...], str], ...]:
    table = json.loads(FIXTURE.read_text(encoding="utf-8"))
    keys = tuple(col["key"] for col in table["definition"])
    assert keys == (*INPUT_KEYS, "stage"), keys
    rows = []
    for row in table["rows"]:
        assert len(row) == len(keys), row
        rows.append((tuple(parse_cell(c) for c in row[:-1]), row[-1]))
    return tuple(rows)


def seer_lookup(t: str, n: str, m: str, grade: str, her2: str, er: str, pr: str) -> str:
    """The endpoint of the first row matching the SEER codes given (raises if no row matches)."""
    values = (t, n, m, grade, her2, er, pr)
    for cells, endpoint in seer_rows():
        if all(cell is None or value in cell for cell, value in zip(cells, values, strict=True)):
            return endpoint
    raise LookupError(f"no SEER row matches {values}")


def _receptor_code(value: bool | None) -> str:
    if value is None:
        return SEER_RECEPTOR_UNKNOWN
    return "1" if value else "0"


def seer_stage(
    t: str, n: str, m: str, grade: int | None, her2: bool | None, er: bool | None, pr: bool | None
) -> str | None:
    """SEER's clinical prognostic stage for RightScan-style inputs (None = not stageable / invalid)."""
    endpoint = seer_lookup(
        T_TO_SEER[t],
        N_TO_SEER[n],
        M_TO_SEER[m],
        SEER_GRADE_UNKNOWN if grade is None else str(grade),
        _receptor_code(her2),
        _receptor_code(er),
        _receptor_code(pr),
    )
    return parse_endpoint(endpoint)


# ---------------------------------------------------------------- RightScan side
@pytest.fixture(scope="module")
def tables():
    return load_knowledge().staging


def clinical_grid() -> list[tuple[str, str, str, int, bool, bool, bool]]:
    return list(product(T_TO_SEER, N_TO_SEER, M_TO_SEER, GRADES, (True, False), (True, False), (True, False)))


def _fmt(t, n, m, grade, her2, er, pr) -> str:
    def sign(v):
        return "?" if v is None else ("+" if v else "-")

    return f"{t} {n} {m} G{grade if grade is not None else '?'} HER2{sign(her2)} ER{sign(er)} PR{sign(pr)}"


# ---------------------------------------------------------------- the fixture and the interpreter
def test_fixture_is_the_pinned_seer_table():
    data = FIXTURE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == FIXTURE_SHA256
    table = json.loads(data)
    assert table["id"] == SEER_TABLE_ID
    assert table["algorithm"] == "eod_public"
    assert table["version"] == "2.1"


def test_parse_cell():
    assert parse_cell("*") is None
    assert parse_cell("1-3") == {"1", "2", "3"}
    assert parse_cell("1-2") == {"1", "2"}
    assert parse_cell("0,0I+") == {"0", "0I+"}
    assert parse_cell("ISD,ISP,IS") == {"ISD", "ISP", "IS"}
    assert parse_cell("4A-4D") == {"4A", "4B", "4C", "4D"}
    assert parse_cell("3") == {"3"}
    with pytest.raises(ValueError):
        parse_cell("1,,2")


def test_parse_endpoint():
    assert parse_endpoint("VALUE:0") == "0"
    assert parse_endpoint("VALUE:1A") == "IA"
    assert parse_endpoint("VALUE:3C") == "IIIC"
    assert parse_endpoint("VALUE:4") == "IV"
    assert parse_endpoint("VALUE:99") is None
    assert parse_endpoint("ERROR:Clinical T0N0M0 is not a valid combination.") is None
    with pytest.raises(KeyError):
        parse_endpoint("VALUE:5")


def test_seer_interpreter_spot_checks():
    """Cells read by hand from the JSON, so a broken interpreter cannot pass silently."""
    assert seer_lookup("0", "0", "0", "2", "0", "1", "1").startswith("ERROR:")
    assert seer_stage("Tis", "N0", "M0", 3, False, False, False) == "0"
    assert seer_lookup("ISD", "0", "0", "9", "9", "9", "9") == "VALUE:0"
    assert seer_stage("Tis", "N1", "M0", 1, True, True, True) is None  # VALUE:99
    assert seer_stage("Tis", "N0", "M1", 1, True, True, True) is None  # VALUE:99
    assert seer_stage("T1c", "N0", "M0", 1, False, False, False) == "IB"
    assert seer_stage("T1a", "N0", "M0", 3, False, True, True) == "IA"
    assert seer_stage("T2", "N0", "M0", 2, False, False, False) == "IIB"
    assert seer_stage("T3", "N2b", "M0", 3, False, False, False) == "IIIC"
    assert seer_stage("T4b", "N3a", "M0", 1, True, True, True) == "IIIA"
    assert seer_stage("T0", "N3c", "M1", 3, False, False, False) == "IV"
    assert seer_stage("T2", "N0", "M0", None, False, True, True) is None  # grade 9 -> VALUE:99
    assert seer_stage("T2", "N0", "M0", 2, None, True, True) is None  # HER2 9 -> VALUE:99
    with pytest.raises(LookupError):
        seer_lookup("ZZ", "0", "0", "1", "1", "1", "1")


# ---------------------------------------------------------------- the cell-by-cell comparison
@cache
def _compare_all() -> tuple[int, tuple[str, ...], frozenset[str | None]]:
    tables = load_knowledge().staging
    checked = 0
    mismatches: list[str] = []
    seen: set[str | None] = set()
    for t, n, m, grade, her2, er, pr in clinical_grid():
        expected = seer_stage(t, n, m, grade, her2, er, pr)
        seen.add(expected)
        res = staging.prognostic_stage(tables, "clinical", t, n, m, grade, her2, er, pr)
        checked += 1
        if res.stage != expected:
            mismatches.append(
                f"{_fmt(t, n, m, grade, her2, er, pr)}: SEER {expected!r}, RightScan {res.stage!r}"
                f" (reason {res.reason!r})"
            )
        elif res.stage is None and not res.reason:
            mismatches.append(f"{_fmt(t, n, m, grade, her2, er, pr)}: stage None without a reason")
    return checked, tuple(mismatches), frozenset(seen)


def test_clinical_prognostic_stage_matches_seer_every_cell():
    _, mismatches, _ = _compare_all()
    shown = "\n".join(mismatches[:20])
    assert not mismatches, f"{len(mismatches)} cells differ from SEER (first 20):\n{shown}"


def test_every_combination_was_checked():
    grid = clinical_grid()
    assert len(grid) == EXPECTED_COMBINATIONS == 4608
    assert len(set(grid)) == EXPECTED_COMBINATIONS
    checked, _, seen = _compare_all()
    assert checked == EXPECTED_COMBINATIONS
    # The grid exercises every stage group SEER can give, and the unstageable cells.
    assert seen == {"0", "IA", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IV", None}


# ---------------------------------------------------------------- AJCC webinar anchor cases
# (T, N, M, grade, HER2, ER, PR) -> clinical prognostic stage
ANCHORS = [
    (("T2", "N0", "M0", 2, False, True, True), "IB"),
    (("T2", "N0", "M0", 3, False, True, True), "IIA"),
    (("T3", "N0", "M0", 2, False, False, False), "IIIB"),
    (("T1c", "N0", "M0", 2, False, True, True), "IA"),
    (("T2", "N1", "M0", 2, False, True, True), "IIA"),
]


@pytest.mark.parametrize(("case", "expected"), ANCHORS, ids=[_fmt(*c) for c, _ in ANCHORS])
def test_ajcc_webinar_anchor_rightscan(tables, case, expected):
    t, n, m, grade, her2, er, pr = case
    assert staging.prognostic_stage(tables, "clinical", t, n, m, grade, her2, er, pr).stage == expected


@pytest.mark.parametrize(("case", "expected"), ANCHORS, ids=[_fmt(*c) for c, _ in ANCHORS])
def test_ajcc_webinar_anchor_seer(case, expected):
    assert seer_stage(*case) == expected


# ---------------------------------------------------------------- unknown biomarkers
# Which biomarker is unknown -> the (grade, her2, er, pr) with it set to None.
def _with_unknown(field: str, grade, her2, er, pr):
    values = {"grade": grade, "her2": her2, "er": er, "pr": pr}
    values[field] = None
    return values["grade"], values["her2"], values["er"], values["pr"]


def _fill_ins(grade, her2, er, pr):
    """Every fully known (grade, her2, er, pr) consistent with the given, partly unknown, values."""
    return product(
        GRADES if grade is None else (grade,),
        (True, False) if her2 is None else (her2,),
        (True, False) if er is None else (er,),
        (True, False) if pr is None else (pr,),
    )


@pytest.mark.parametrize(
    "unknown",
    [
        (None, False, True, True),  # grade unknown: G1/G2 -> IB, G3 -> IIA
        (2, None, False, False),  # HER2+ -> IIA, HER2- -> IIB
        (2, False, None, True),  # ER+ -> IB, ER- -> IIA
        (2, False, True, None),  # PR+ -> IB, PR- -> IIA
        (None, None, None, None),
    ],
    ids=["grade", "her2", "er", "pr", "all"],
)
def test_unknown_biomarkers_t2n0m0_not_staged(tables, unknown):
    grade, her2, er, pr = unknown
    # SEER: any unknown biomarker is "99" (not stageable) ...
    assert seer_stage("T2", "N0", "M0", grade, her2, er, pr) is None
    # ... and the unknown value matters here: known fill-ins give more than one stage.
    candidates = {seer_stage("T2", "N0", "M0", *fill) for fill in _fill_ins(grade, her2, er, pr)}
    assert len(candidates) > 1
    res = staging.prognostic_stage(tables, "clinical", "T2", "N0", "M0", grade, her2, er, pr)
    assert res.stage is None
    assert res.reason
    assert isinstance(res.possible, tuple)
    assert res.possible
    assert set(res.possible) == candidates


def test_unknown_biomarkers_possible_stages_match_seer_fill_ins(tables):
    """With one biomarker (or all) unknown, M0: ``possible`` is what SEER gives over the fill-ins.

    The stage is given only when every fill-in gives the same stage group.
    """
    patterns = [(None, None, None, None)]  # all unknown
    for field in ("grade", "her2", "er", "pr"):
        for known in product(GRADES, (True, False), (True, False), (True, False)):
            patterns.append(_with_unknown(field, *known))
    patterns = list(dict.fromkeys(patterns))  # distinct, in order
    assert len(patterns) == 1 + 8 + 3 * 12  # all; grade (HER2/ER/PR known); one receptor (grade and two known)
    mismatches = []
    checked = 0
    for t, n in product(T_TO_SEER, N_TO_SEER):
        for grade, her2, er, pr in patterns:
            stages = [seer_stage(t, n, "M0", *fill) for fill in _fill_ins(grade, her2, er, pr)]
            exp_possible = {s for s in stages if s is not None}
            exp_stage = stages[0] if len(set(stages)) == 1 else None
            res = staging.prognostic_stage(tables, "clinical", t, n, "M0", grade, her2, er, pr)
            checked += 1
            got = (res.stage, set(res.possible) if res.stage is None else set())
            want = (exp_stage, exp_possible if exp_stage is None else set())
            if got != want:
                mismatches.append(f"{_fmt(t, n, 'M0', grade, her2, er, pr)}: expected {want}, RightScan {got}")
    assert checked == 12 * 8 * len(patterns)
    shown = "\n".join(mismatches[:20])
    assert not mismatches, f"{len(mismatches)} differ (first 20):\n{shown}"


def test_m1_with_unknown_biomarkers_matches_seer(tables):
    """M1 is IV whatever the biomarkers, except Tis M1, which SEER leaves unstaged (99)."""
    mismatches = []
    for t, n in product(T_TO_SEER, N_TO_SEER):
        for grade, her2, er, pr in [(None, None, None, None), (None, True, True, True), (2, None, None, False)]:
            expected = seer_stage(t, n, "M1", grade, her2, er, pr)
            assert expected == (None if t == "Tis" else "IV")  # what SEER says, read by hand
            res = staging.prognostic_stage(tables, "clinical", t, n, "M1", grade, her2, er, pr)
            if res.stage != expected or (res.stage is None and not res.reason):
                mismatches.append(f"{_fmt(t, n, 'M1', grade, her2, er, pr)}: SEER {expected!r}, RightScan {res!r}")
    assert not mismatches, "\n".join(mismatches[:20])


def test_tis_m1_not_staged_even_with_known_biomarkers(tables):
    assert seer_stage("Tis", "N0", "M1", 1, False, True, True) is None
    res = staging.prognostic_stage(tables, "clinical", "Tis", "N0", "M1", 1, False, True, True)
    assert res.stage is None
    assert res.reason
