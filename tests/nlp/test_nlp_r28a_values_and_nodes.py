"""Round 28a: values and stage fields from the thirteenth security pass (docs/security.md), each class in other wordings
than the report's:

- F1: a liver test or ALP given as a bare number (no range, no flag) is an uncertain fact, asked when a raised value
  would change the answer, as a value flagged high always was; a value flagged low or normal, one given with its
  range, and a number within every laboratory's range whatever the unit are read as before.
- F3: a count of positive nodes after surgery in common wordings gives pN by the AJCC 8 counts.
- F4: fixed or matted axillary nodes in ordinary wordings are cN2a.
- F10: the largest of several foci stages T.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts

EARLY = "61F newly diagnosed right breast IDC 1.4 cm, cN0, ER+ PR+ HER2-, grade 1.\n"


def _labs_asked(note: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {c["field"] for c in extract(note).to_confirm if c["field"].startswith("labs.")}


# ------------------------------------------------------------------ F1: a lab value without its range
@pytest.mark.parametrize(
    ("line", "lab"),
    [
        ("Pre-op bloods: alk phos 356, otherwise unremarkable.", "labs.alkaline_phosphatase"),
        ("Alkaline phosphatase came back at 275 U/L.", "labs.alkaline_phosphatase"),
        ("LFTs today - SGOT 96, SGPT 140.", "labs.alt"),
        ("T bili 3.4 on the admission panel.", "labs.bilirubin"),
        ("Total bilirubin 52 umol/L.", "labs.bilirubin"),
    ],
)
def test_a_bare_liver_value_is_asked_naming_the_lab(line: str, lab: str) -> None:
    note = EARLY + line
    assert lab in _labs_asked(note)
    d = decide_note(note)
    assert d["systemic_imaging"] == "undetermined"
    named = [i for i in d["insufficient_data"] if str(i).startswith(lab)]
    assert named and "upper limit of normal" in named[0] and "reference range not given" in named[0]


def test_a_bare_value_after_a_treated_cancer_is_asked_too() -> None:
    note = "Survivorship visit: right lumpectomy and RT 2020 for pT1c pN0 IDC, on letrozole. Alk phos 388, AST 71."
    assert _labs_asked(note) & {"labs.alkaline_phosphatase", "labs.ast"}


@pytest.mark.parametrize(
    "line",
    [
        "ALP 64, AST 19, ALT 17, bilirubin 0.6.",  # within every laboratory's range, whatever the unit
        "Bilirubin 9 umol/L, ALT 17.",
        "Alk phos 150 L.",  # flagged low by the laboratory
        "AST 45, normal.",  # called normal
        "ALP 310 (ref 40-130), AST 22 (ref <35), ALT 18 (up to 33).",  # the range is given: read, not asked
    ],
)
def test_a_value_flagged_low_or_normal_within_every_range_or_with_its_range_is_not_asked(line: str) -> None:
    assert not _labs_asked(EARLY + line)


def test_a_value_given_with_its_range_is_read_and_decides() -> None:
    note = EARLY + "ALP 480 (ref 40-130)."
    assert facts(note)["labs"]["alkaline_phosphatase"] == {"value": 480.0, "uln": 130.0}
    assert decide_note(note)["systemic_imaging"] == "targeted"


@pytest.mark.parametrize(
    "line",
    [
        "Her mother's ALP was 400 during her illness.",  # a relative's
        "No LFT derangement; ALP not checked.",  # no value
        "Plan: CT CAP WITH CONTRAST\n71F daughter present.",  # "CONTRAST" is no AST
    ],
)
def test_no_question_from_a_relative_a_missing_value_or_a_word_inside_another(line: str) -> None:
    assert not _labs_asked(EARLY + line)


# ------------------------------------------------------------------ F3: positive nodes counted after surgery
OPERATED = (
    "57F, newly diagnosed right breast IDC grade 2, ER+ PR+ HER2-, clinically T1cN0. Had a mastectomy and ALND.\n"
)


def _pn(line: str) -> str | None:
    return (facts(OPERATED + line).get("pathology") or {}).get("n")


@pytest.mark.parametrize(
    ("line", "pn"),
    [
        ("Histology: twelve positive nodes out of 20.", "pN3a"),
        ("Pathology: three involved axillary nodes of 12 examined.", "pN1a"),
        ("Surgical pathology: two positive sentinel nodes.", "pN1a"),
        ("Axillary clearance: 6 lymph nodes were positive out of 21 retrieved.", "pN2a"),
        ("Positive nodes: 4; total nodes examined: 17.", "pN2a"),
        ("LN: positive 5, total 16.", "pN2a"),
        ("Final path: one positive node out of three sentinel nodes.", "pN1a"),
    ],
)
def test_a_post_operative_count_of_positive_nodes_gives_pn(line: str, pn: str) -> None:
    assert _pn(line) == pn


def test_a_count_that_upstages_makes_post_operative_staging_due() -> None:
    d = decide_note(OPERATED + "Final pathology: 1.7 cm; fourteen positive lymph nodes (of 22 removed).")
    assert d["systemic_imaging"] == "recommended"


@pytest.mark.parametrize(
    "line",
    [
        "19 lymph nodes removed, all negative.",  # removed, no positive count
        "Eleven negative nodes.",  # a count of negative nodes
        "Axillary ultrasound: 3 positive nodes.",  # a clinical (imaging) count
        "Two positive nodes on ultrasound before surgery.",
        "One positive node on core biopsy.",  # a needle biopsy: a clinical N
        "PMRT is advised with 4 or more positive nodes.",  # a threshold
        "Her sister had 11 positive nodes.",  # a relative's
    ],
)
def test_no_pn_from_removed_negative_imaging_threshold_or_family_counts(line: str) -> None:
    assert _pn(line) is None


def test_a_sentinel_count_of_none_stays_as_before() -> None:
    assert _pn("SLNB 0/3 nodes positive.") == "pN0"


# ------------------------------------------------------------------ F4: fixed or matted axillary nodes
NEW = "66F new diagnosis of left breast IDC 1.9 cm, ER+ PR+ HER2-, grade 2.\n"


def _n(line: str) -> str | None:
    return facts(NEW + line).get("tumor", {}).get("n")


@pytest.mark.parametrize(
    "line",
    [
        "On examination the left axillary nodes were matted, FNA malignant.",
        "Axillary lymph nodes hard, fixed to each other and to the chest wall.",
        "Axillary nodal mass, tethered, core biopsy positive.",
        "Left axilla: nodes clinically fixed.",
        "Axillary nodes palpable and immobile; FNA shows carcinoma.",
    ],
)
def test_fixed_or_matted_axillary_nodes_in_plain_words_are_cn2a(line: str) -> None:
    assert _n(line) == "N2a"


def test_fixed_nodes_make_staging_due() -> None:
    assert decide_note(NEW + "Axillary nodes, matted, FNA positive.")["systemic_imaging"] == "recommended"


def test_fixed_nodes_beside_a_lower_stated_code_are_asked() -> None:
    d = decide_note(NEW + "cN1 per imaging. Exam today: the axillary nodes feel fixed.")
    assert d["systemic_imaging"] == "undetermined"
    assert any(str(i).startswith("tumor.n") for i in d["insufficient_data"])


@pytest.mark.parametrize(
    "line",
    [
        "Palpable axillary nodes, not fixed; FNA positive.",  # negated
        "Axillary nodes mobile, FNA positive.",  # mobile
        "No matted axillary nodes; one palpable axillary node, FNA positive.",
        "Axillary node FNA positive. Surgery date fixed for 3 March.",  # a date fixed
        "Axillary node FNA positive. Letrozole at a fixed dose.",  # a dose fixed
        "Axillary node FNA positive. Her mother had matted axillary nodes.",  # a relative's
    ],
)
def test_not_fixed_mobile_or_fixed_about_something_else_stays_n1(line: str) -> None:
    assert _n(line) == "N1"


# ------------------------------------------------------------ F10: the largest focus; a larger size on examination
FRESH = "52F new diagnosis of right breast IDC, ER+ PR+ HER2-, grade 2, cN0.\n"


def _size(line: str) -> float | None:
    return facts(FRESH + line).get("tumor", {}).get("size_cm")


@pytest.mark.parametrize(
    ("line", "size"),
    [
        ("MRI: index mass 1.8 cm and an additional 5.2 cm enhancing mass, same quadrant.", 5.2),
        ("US: irregular 2.2 cm lesion at 10:00 with a separate 3.4 cm lesion at 11:00 (multifocal).", 3.4),
        ("Core-proven IDC 1.1 cm; a second 2.6 cm mass 3 cm away, also IDC on core.", 2.6),
        ("IDC 3.1 cm; an additional 9 mm focus 2 cm away.", 3.1),  # the smaller focus gives way
    ],
)
def test_several_foci_are_staged_by_the_largest(line: str, size: float) -> None:
    assert _size(line) == size


def test_the_largest_focus_changes_the_decision() -> None:
    d = decide_note(FRESH + "US: a 1.9 cm mass with a second 5.4 cm mass in the same breast.")
    assert d["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "IDC 2 cm. A second 3 cm mass in the liver, likely a haemangioma.",  # another organ
        "IDC 2 cm; a second 3 cm mass in the contralateral breast, benign on core.",  # the other breast
    ],
)
def test_a_second_mass_elsewhere_is_no_focus(line: str) -> None:
    assert _size(line) == 2.0


@pytest.mark.parametrize(
    "line",
    [
        "On palpation 5.5 cm; mammogram 4.1 cm.",
        "Clinically the mass measures 5.8 cm, ultrasound 4.6 cm.",
        "Mass palpated at 6 cm, US 4.4 cm.",
    ],
)
def test_a_larger_size_on_examination_is_asked_not_dropped(line: str) -> None:
    d = decide_note(FRESH + line)
    assert d["systemic_imaging"] == "undetermined"
    assert any(str(i).startswith("tumor.size_cm") for i in d["insufficient_data"])


@pytest.mark.parametrize(
    "line",
    [
        "Palpable 3 cm mass; US 3.6 cm.",  # smaller on examination: the measured size stands
        "Mass palpated at 2.5 cm, US 2.2 cm.",  # larger, but the answer is the same
    ],
)
def test_an_examination_size_that_changes_nothing_is_not_asked(line: str) -> None:
    assert decide_note(FRESH + line)["systemic_imaging"] != "undetermined"
