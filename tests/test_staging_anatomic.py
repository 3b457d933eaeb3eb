"""AJCC 8 anatomic stage groups, every T x N cell, against a hand-written table.

The expected grid below is written from the AJCC 8 breast anatomic stage groups, not read from
RightScan's knowledge files:

    0    Tis N0 M0
    IA   T1 N0 M0                       (T1 = T1mi, T1a, T1b, T1c)
    IB   T0 N1mi, T1 N1mi
    IIA  T0 N1, T1 N1, T2 N0
    IIB  T2 N1 (and T2 N1mi), T3 N0
    IIIA T0-T2 N2, T3 N1mi, T3 N1, T3 N2  (N2 = N2a or N2b)
    IIIB T4a-d with N0, N1mi, N1, N2
    IIIC any invasive T (T0-T4d) with N3 (N3a, N3b, N3c)
    IV   any T, any N, M1
    none Tis with N1mi/N1/N2/N3 (M0); T0 N0 M0
"""

from __future__ import annotations

import pytest

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain import staging

T_VALUES = ("Tis", "T0", "T1mi", "T1a", "T1b", "T1c", "T2", "T3", "T4a", "T4b", "T4c", "T4d")
N_VALUES = ("N0", "N1mi", "N1", "N2a", "N2b", "N3a", "N3b", "N3c")
X = None  # no stage group

# fmt: off
# One row per T, columns in N_VALUES order:
#               N0      N1mi    N1      N2a     N2b     N3a     N3b     N3c
EXPECTED_M0 = {
    "Tis":  ("0",    X,      X,      X,      X,      X,      X,      X),
    "T0":   (X,      "IB",   "IIA",  "IIIA", "IIIA", "IIIC", "IIIC", "IIIC"),
    "T1mi": ("IA",   "IB",   "IIA",  "IIIA", "IIIA", "IIIC", "IIIC", "IIIC"),
    "T1a":  ("IA",   "IB",   "IIA",  "IIIA", "IIIA", "IIIC", "IIIC", "IIIC"),
    "T1b":  ("IA",   "IB",   "IIA",  "IIIA", "IIIA", "IIIC", "IIIC", "IIIC"),
    "T1c":  ("IA",   "IB",   "IIA",  "IIIA", "IIIA", "IIIC", "IIIC", "IIIC"),
    "T2":   ("IIA",  "IIB",  "IIB",  "IIIA", "IIIA", "IIIC", "IIIC", "IIIC"),
    "T3":   ("IIB",  "IIIA", "IIIA", "IIIA", "IIIA", "IIIC", "IIIC", "IIIC"),
    "T4a":  ("IIIB", "IIIB", "IIIB", "IIIB", "IIIB", "IIIC", "IIIC", "IIIC"),
    "T4b":  ("IIIB", "IIIB", "IIIB", "IIIB", "IIIB", "IIIC", "IIIC", "IIIC"),
    "T4c":  ("IIIB", "IIIB", "IIIB", "IIIB", "IIIB", "IIIC", "IIIC", "IIIC"),
    "T4d":  ("IIIB", "IIIB", "IIIB", "IIIB", "IIIB", "IIIC", "IIIC", "IIIC"),
}
# fmt: on

M0_CELLS = [(t, n, EXPECTED_M0[t][j]) for t in T_VALUES for j, n in enumerate(N_VALUES)]
M1_CELLS = [(t, n) for t in T_VALUES for n in N_VALUES]


@pytest.fixture(scope="module")
def tables():
    return load_knowledge().staging


def test_expected_grid_is_complete():
    assert tuple(EXPECTED_M0) == T_VALUES
    assert all(len(row) == len(N_VALUES) for row in EXPECTED_M0.values())
    assert len(M0_CELLS) == 12 * 8 == 96
    assert len(M1_CELLS) == 96
    unstaged = [(t, n) for t, n, s in M0_CELLS if s is None]
    assert unstaged == [("Tis", n) for n in N_VALUES[1:]] + [("T0", "N0")]


@pytest.mark.parametrize(("t", "n", "expected"), M0_CELLS, ids=[f"{t}-{n}-M0" for t, n, _ in M0_CELLS])
def test_anatomic_stage_m0(tables, t, n, expected):
    res = staging.anatomic_stage(tables, t, n, "M0")
    assert res.stage == expected
    if expected is None:
        assert isinstance(res.reason, str)
        assert res.reason.strip()


@pytest.mark.parametrize(("t", "n"), M1_CELLS, ids=[f"{t}-{n}-M1" for t, n in M1_CELLS])
def test_anatomic_stage_m1_is_iv(tables, t, n):
    assert staging.anatomic_stage(tables, t, n, "M1").stage == "IV"


def test_unknown_t_with_n3_is_iiic(tables):
    assert staging.anatomic_stage(tables, None, "N3a", "M0").stage == "IIIC"


def test_unknown_n_lists_possible_stages(tables):
    res = staging.anatomic_stage(tables, "T1c", None, "M0")
    assert res.stage is None
    assert res.reason
    assert "IA" in res.possible
    assert "IIIC" in res.possible
