"""T from tumour size (AJCC 8 size bands) and resolving the clinical T from the tumour facts.

AJCC 8 T by greatest dimension of the invasive tumour: T1mi <= 1 mm; T1a > 1 mm to 5 mm (8th edition:
a measurement above 1.0 mm and below 2 mm is rounded up to 2 mm, so it is T1a, not T1mi); T1b > 5 mm
to 10 mm; T1c > 10 mm to 20 mm; T2 > 20 mm to 50 mm; T3 > 50 mm. T4a-d depend on chest wall or skin
involvement, never on size; inflammatory carcinoma is T4d; DCIS without invasion is Tis.
"""

from __future__ import annotations

import pytest

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain import staging
from rightscan.domain.model import FactError, Tumor

SIZE_CASES = [
    (0.05, "T1mi"),
    (0.1, "T1mi"),
    (0.11, "T1a"),
    (0.15, "T1a"),
    (0.19, "T1a"),
    (0.5, "T1a"),
    (0.51, "T1b"),
    (1.0, "T1b"),
    (1.01, "T1c"),
    (2.0, "T1c"),
    (2.01, "T2"),
    (5.0, "T2"),
    (5.01, "T3"),
    (30, "T3"),
]


@pytest.fixture(scope="module")
def tables():
    return load_knowledge().staging


@pytest.mark.parametrize(("size_cm", "expected"), SIZE_CASES, ids=[f"{s}cm" for s, _ in SIZE_CASES])
def test_t_from_size(tables, size_cm, expected):
    assert staging.t_from_size(tables, size_cm) == expected


@pytest.mark.parametrize("size_cm", [0, -1, 30.5, 40])
def test_t_from_size_out_of_range(tables, size_cm):
    with pytest.raises(FactError) as excinfo:
        staging.t_from_size(tables, size_cm)
    assert excinfo.value.field == "tumor.size_cm"


RESOLVED_CASES = [
    pytest.param(Tumor(size_cm=1.8), "T1c", id="size-only"),
    pytest.param(Tumor(size_cm=1.8, t="T1c"), "T1c", id="T1c-consistent-with-size"),
    pytest.param(Tumor(size_cm=1.8, t="T4b"), "T4b", id="T4b-size-irrelevant"),
    pytest.param(Tumor(inflammatory=True), "T4d", id="inflammatory-is-T4d"),
    pytest.param(Tumor(histology="DCIS"), "Tis", id="DCIS-is-Tis"),
    pytest.param(Tumor(size_cm=0.8, t="T1"), "T1b", id="generic-T1-refined-by-size"),
]


@pytest.mark.parametrize(("tumor", "expected"), RESOLVED_CASES)
def test_resolve_t(tables, tumor, expected):
    t, how = staging.resolve_t(tables, tumor)
    assert t == expected
    assert isinstance(how, str)
    assert how.strip()


CONTRADICTIONS = [
    pytest.param(Tumor(size_cm=1.8, t="T2"), "tumor.t", id="T2-vs-1.8cm"),
    pytest.param(Tumor(inflammatory=True, t="T2"), "tumor.inflammatory", id="inflammatory-vs-T2"),
    pytest.param(Tumor(histology="DCIS", t="T2"), "tumor.t", id="DCIS-vs-T2"),
    pytest.param(Tumor(size_cm=1.0, t="T0"), "tumor.size_cm", id="T0-with-size"),
]


@pytest.mark.parametrize(("tumor", "field"), CONTRADICTIONS)
def test_resolve_t_contradictions(tables, tumor, field):
    with pytest.raises(FactError) as excinfo:
        staging.resolve_t(tables, tumor)
    assert excinfo.value.field == field
