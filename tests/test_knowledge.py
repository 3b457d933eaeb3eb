"""The knowledge files are validated at load time: a broken file is refused with its name and place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rightscan.adapters.knowledge_files import KNOWLEDGE_DIR, KnowledgeError, load_knowledge


def test_shipped_knowledge_is_complete(kb) -> None:  # type: ignore[no-untyped-def]
    assert len(kb.variants) == 11
    assert sum(len(v.ratings) for v in kb.variants) == 111
    assert kb.version.startswith("2026.12.8+acr-310@2023+ajcc8-breast@2018-01")
    # every procedure of the topic has a radiation level, and the catalogue knows the key CPT codes
    assert all(p.rrl for p in kb.procedures.values() if p.in_topic)
    assert kb.lookup["78815"] == "pet_ct" and kb.lookup["76882"] == "us_axilla"
    # 3 tables x 5 groups x 3 grades x 8 columns
    assert len(kb.staging.prognostic) == 2 * 5 * 3 * 8


def test_variant_1_and_2_ratings_match_the_acr_table(kb) -> None:  # type: ignore[no-untyped-def]
    v1 = {r.procedure: (r.category, r.median_rating) for r in kb.variant(1).ratings}
    assert v1["US Axilla"] == ("May Be Appropriate", 5)
    assert v1["MRI Breast Without and With IV Contrast"] == ("Usually Appropriate", 7)
    v2 = {r.procedure: (r.category, r.median_rating, r.rrl) for r in kb.variant(2).ratings}
    assert v2["FDG-PET/CT Skull Base to Mid-Thigh"] == ("Usually Not Appropriate", 2, "☢☢☢☢")
    assert v2["Bone Scan Whole Body"] == ("Usually Not Appropriate", 2, "☢☢☢")
    v11 = {r.procedure: r.category for r in kb.variant(11).ratings}
    assert v11["MRI Head Without and With IV Contrast"] == "Usually Appropriate"


def _broken(tmp_path: Path, filename: str, old: str, new: str) -> str:
    target = tmp_path / "kb"
    shutil.copytree(KNOWLEDGE_DIR, target)
    path = target / filename
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {filename}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(target)


@pytest.mark.parametrize(
    ("filename", "old", "new", "expect"),
    [
        (
            "acr_310_invasive_breast_cancer.yaml",
            "category: Usually Appropriate, median_rating: 9",
            "category: Usually Not Appropriate, median_rating: 9",
            "does not match median rating",
        ),
        (
            "acr_310_invasive_breast_cancer.yaml",
            '{procedure: "US Axilla"',
            '{procedure: "US Armpit"',
            "not in the procedure catalogue",
        ),
        (
            "acr_310_invasive_breast_cancer.yaml",
            'rrl: "☢☢☢☢", adult_dose_msv: "10-30"',
            'rrl: "☢☢☢☢☢☢", adult_dose_msv: "10-30"',
            "rrl",
        ),
        ("acr_310_invasive_breast_cancer.yaml", "  - number: 2\n", "  - number: 3\n", "numbered"),
        # a synonym claimed by two procedures is ambiguous
        ("procedures.yaml", "synonyms: [bone scan,", "synonyms: [pet/ct, bone scan,", "names both"),
        ("red_flags.yaml", "suggested: [mri_spine_wwo]", "suggested: [mri_spine_x]", "unknown procedure id"),
        ("red_flags.yaml", "all: [bone_pain]", "all: [bone_ache]", "unknown finding code"),
        ("guidance.yaml", "when: {systemic_imaging: [not_recommended]}", "when: {mood: [happy]}", "unknown feature"),
        (
            "guidance.yaml",
            "when: {systemic_imaging: [not_recommended]}",
            "when: {systemic_imaging: [maybe]}",
            "unknown value",
        ),
        ("ajcc8_breast.yaml", "G1: [IA, IA, IA, IA, IA, IA, IA, IB]", "G1: [IA, IA, IA, IA, IA, IA, IB]", "G1"),
        ("ajcc8_breast.yaml", "{stage: IA, t: [T1], n: [N0]}", "{stage: IA, t: [T1], n: [N0], note: x}", "note"),
        ("ajcc8_breast.yaml", "  - {t: T3, up_to_mm: null}", "  - {t: T3, up_to_mm: 80}", "open"),
        ("manifest.yaml", "guidance: guidance.yaml", "guidance: missing.yaml", "missing.yaml"),
        # issue 9: the early pathway's entry criteria are data, checked against the AJCC stage classes
        ("acr_310_invasive_breast_cancer.yaml", "  anatomic: [IA, IB, IIA]", "  anatomic: [IA, IB, IIIA]", "early"),
        (
            "acr_310_invasive_breast_cancer.yaml",
            "  disagreement_anatomic: [IIB]",
            "  disagreement_anatomic: [IIA]",
            "late",
        ),
        ("acr_310_invasive_breast_cancer.yaml", "  n: [N0, N1mi, N1]\n", "  n: [N0, N1x]\n", "early_pathway"),
        ("guidance.yaml", "  tumor.n:\n    label:", "  tumor.n:\n    labels:", "facts"),
        # issue 12: the topic's citations, sentences and URL, and the staging chapter's citations, are data
        ("acr_310_invasive_breast_cancer.yaml", '  upstaging: "ACR topic', '  upstaged: "ACR topic', "citations"),
        ("acr_310_invasive_breast_cancer.yaml", '    late: "stage IIB-III"\n', "", "variant_reasons.late"),
        ("acr_310_invasive_breast_cancer.yaml", "url: https://acsearch", "url: http://acsearch", "url"),
        ("ajcc8_breast.yaml", '  t: "AJCC 8 breast, primary', '  tee: "AJCC 8 breast, primary', "citations"),
        # the purposes and the topic's rules about them are data
        ("acr_310_invasive_breast_cancer.yaml", "  red_flags: distant\n", "  red_flags: systemic\n", "purposes"),
        (
            "acr_310_invasive_breast_cancer.yaml",
            "red_flags_outside_topic_when: {setting: [new_diagnosis], stage_class: [early, unknown]}",
            "red_flags_outside_topic_when: {setting: [new_diagnosis], stage: [early, unknown]}",
            "red_flags_outside_topic_when",
        ),
        ("acr_310_invasive_breast_cancer.yaml", "  order: [locoregional, distant]", "  order: [distant]", "purposes"),
        # variants apply by feature conditions the matcher knows
        (
            "acr_310_invasive_breast_cancer.yaml",
            "applies_when: {setting: [surveillance], prior_surgery: [bct]}",
            "applies_when: {setting: [surveillance], surgery: [bct]}",
            "unknown feature",
        ),
        (
            "acr_310_invasive_breast_cancer.yaml",
            "stage_class: [late, split], biology: [er_positive_her2_negative]",
            "stage_class: [late, split], biology: [luminal]",
            "biology",
        ),
    ],
)
def test_broken_knowledge_is_refused_with_file_and_location(
    tmp_path: Path, filename: str, old: str, new: str, expect: str
) -> None:
    directory = _broken(tmp_path, filename, old, new)
    load_knowledge.cache_clear()
    try:
        with pytest.raises(KnowledgeError) as info:
            load_knowledge(directory)
    finally:
        load_knowledge.cache_clear()
    message = str(info.value)
    assert expect in message
    assert message.startswith(filename if filename != "manifest.yaml" else "missing.yaml")
