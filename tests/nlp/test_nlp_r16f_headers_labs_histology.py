"""Round 16f, in our own words: how UK/European letters and records state the patient's age and sex, liver tests with a
laboratory's "ref." range or the kind after the name, a tumour marker told after an aside, and the histology a report
gives in other words (an untyped invasive carcinoma, "lobular breast cancer", a new primary after an earlier cancer of
another type, a negation that stays inside its parenthesis). Controls: what must not be read.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, symptom_codes, tumor

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CANCER = " Core biopsy: invasive ductal carcinoma, grade 2, ER positive, PR positive, HER2 negative."


# ------------------------------------------------------------------ age and sex in headings
@pytest.mark.parametrize(
    ("header", "age", "sex"),
    [
        ("Re: Mrs Annie DOYLE, 79", 79, "female"),
        ("Patient: Mrs Joan FITZGERALD, 64      MRN 0092-118", 64, "female"),
        ("Mrs. de Vries, 62 year.", 62, "female"),
        ("Mrs Aoife Brennan, 51. Hx: seen in clinic.", 51, "female"),
        ("Re: Ms Carla van der Berg, 58", 58, "female"),
        ("Patient: 72 y, F          Hosp no: RX-330918", 72, "female"),
        ("Patient: 58 y F. Reported: 28/04/2026.", 58, "female"),
        ("Patient: Ingrid Hansen, female, 66 years", 66, "female"),
        ("Patient: female, 77 years", 77, "female"),
        ("Age/Sex: 64 / F", 64, "female"),
        ("Age / Sex: 70 / M", 70, "male"),
    ],
)
def test_a_heading_gives_the_age_and_sex(header: str, age: int, sex: str) -> None:
    got = facts(header + "\n" + CANCER)
    assert got.get("age") == age
    assert got.get("sex") == sex


@pytest.mark.parametrize(
    "text",
    [
        "Thank you,\nMrs. Alvarez",  # the patient signing her own message
        "I would like a bone scan.\nThank you,\nMs. Tanya Brooks",
        "Seen Ms Okafor in clinic today.",
    ],
)
def test_a_dotted_or_plain_ms_title_is_female(text: str) -> None:
    assert facts(text + CANCER).get("sex") == "female"


@pytest.mark.parametrize(
    "text",
    [
        "Consultant: Ms D. Lyons",  # the surgeon's title, not the patient's
        "Dr N. Kavanagh, SHO to Ms Lyons",
        "Letter copied to Ms. Patel, Consultant Breast Surgeon",
    ],
)
def test_a_clinicians_title_or_ms_the_disease_gives_no_sex(text: str) -> None:
    assert "sex" not in facts(text + CANCER)


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Doyle, 12 Acacia Road",  # an address: only the older one-name rule may read it, never the new ones
        "Patient: smoked 40 years, quit 2010",
        "Patient: Mrs Jane Hale, 45 High Street",
        "Patient: on letrozole for 5 years",
    ],
)
def test_a_number_that_is_not_the_age_is_not_read_by_the_new_rules(text: str) -> None:
    age = facts(text + CANCER).get("age")
    assert age is None or text.startswith("Mrs Doyle,")


# ------------------------------------------------------------------ labs and markers
def test_a_ref_range_with_a_full_stop_is_read() -> None:
    got = facts(
        "Blood tests: ALP 312 U/L (ref. 35-105), ALT 88 U/L (ref. 10-45), AST 58 U/L (ref. 15-35), "
        "bilirubin 18 umol/L (ref. 5-25). CA 15-3 96 kU/L (ref. <30)." + CANCER
    )
    assert got["labs"]["alkaline_phosphatase"] == {"value": 312, "uln": 105}
    assert got["labs"]["alt"] == {"value": 88, "uln": 45}
    assert got["labs"]["ast"] == {"value": 58, "uln": 35}
    assert got["labs"]["bilirubin"] == {"value": 18, "uln": 25}
    assert got["tumor_markers"]["ca15_3"] == {"value": 96, "uln": 30}


@pytest.mark.parametrize("name", ["Bilirubin total", "Bili total", "Bilirubin, total", "Bilirubin (total)"])
def test_a_table_row_with_the_kind_after_the_name_is_read(name: str) -> None:
    got = facts(f"Labs        Result   Ref\n {name}     0.5      0.2-1.2 mg/dL\n" + CANCER)
    assert got["labs"]["bilirubin"] == {"value": 0.5, "uln": 1.2}


def test_a_direct_bilirubin_row_is_not_total_bilirubin() -> None:
    assert "labs" not in facts("Labs        Result   Ref\n Bilirubin direct   0.1    0.0-0.3 mg/dL\n" + CANCER)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Her PCP checked a CA 27-29 at her physical (no indication given): 41 (H), ref 0-38.", 41),
        ("CA 27-29 drawn by the GP last month: 52 (ref 0-38).", 52),
    ],
)
def test_a_marker_told_after_an_aside_is_read_with_its_range(sentence: str, value: int) -> None:
    assert facts(sentence + CANCER)["tumor_markers"]["ca27_29"] == {"value": value, "uln": 38}


@pytest.mark.parametrize(
    "sentence",
    [
        "CA 27-29 at her last visit: 41.",  # no range: not passed on
        "CA 27-29 and ALP: 41 (0-38).",  # another test named between: the number may be that test's
    ],
)
def test_a_marker_without_its_range_or_its_own_number_is_not_read(sentence: str) -> None:
    assert "ca27_29" not in (facts(sentence + CANCER).get("tumor_markers") or {})


# ------------------------------------------------------------------ histology
@pytest.mark.parametrize(
    "sentence",
    [
        "Core 03/03/2026: invasive carcinoma, type not specified on the core (final typing on resection), ER 60%.",
        "Diagnosis: R breast, invasive carcinoma (histologic type pending special stains), core bx 11/18.",
        "Core biopsy: invasive breast carcinoma - subtype to be determined on excision.",
    ],
)
def test_an_invasive_carcinoma_whose_type_is_not_given_is_nos(sentence: str) -> None:
    assert tumor("62F. " + sentence).get("histology") == "NOS"


def test_a_named_type_outranks_the_untyped_carcinoma() -> None:
    note = "Core: invasive carcinoma, type to follow. Final: invasive lobular carcinoma, classic type."
    assert tumor(note).get("histology") == "ILC"


@pytest.mark.parametrize(
    "sentence",
    ["She was told the biopsy was lobular breast cancer.", "Core: invasive lobular breast carcinoma, ER+."],
)
def test_lobular_breast_cancer_is_ilc(sentence: str) -> None:
    assert tumor(sentence).get("histology") == "ILC"


def test_lobular_carcinoma_in_situ_is_still_not_ilc() -> None:
    assert tumor("Excision: lobular carcinoma in situ, no invasive carcinoma.").get("histology") != "ILC"


def test_a_new_primary_keeps_its_own_type_over_the_earlier_cancers() -> None:
    note = (
        "MDT OUTCOME 17/06/2026\nBackground: L breast IDC 2014 - L WLE + SLNB (pT1c pN0), whole breast RT.\n"
        "Current: screen-detected R breast mass, 16 mm on US. Core R: invasive lobular carcinoma, grade 2. "
        "ER 8/8, PR 0/8, HER2 IHC 1+ (negative).\nOutcome: R WLE + SLNB."
    )
    assert tumor(note).get("histology") == "ILC"


@pytest.mark.parametrize("aside", ["(no recon)", "(no reconstruction)", "(no RT)", "(no axillary surgery)"])
def test_a_negation_inside_a_parenthesis_does_not_reach_the_cancer_operated_for(aside: str) -> None:
    note = f"F/u 3 yrs s/p bilat mastectomy {aside} for L ILC, pT1c pN0. On tamoxifen. NED."
    assert tumor(note).get("histology") == "ILC"


# a negation outside any parenthesis, or one whose parenthesis closes before a symptom, still denies the symptom; the
# aside's end stops a negation only, never a plan's or a hypothetical's reach over a symptom named after it
@given(
    symptom=st.sampled_from(["back pain", "headache", "bone pain", "cough"]),
    aside=st.sampled_from(["(any)", "(or other)", "(new)", "(at all)"]),
    lead=st.sampled_from(["No", "Denies", "She has no"]),
)
@PROPERTY
def test_a_negation_before_an_aside_still_denies_the_symptom(symptom: str, aside: str, lead: str) -> None:
    code = {"back pain": "back_pain", "headache": "headache", "bone pain": "bone_pain", "cough": "cough"}[symptom]
    assert code not in symptom_codes(f"62F, IDC right breast, ER+.{CANCER} {lead} {aside} {symptom}.")


@given(
    symptom=st.sampled_from(["new headache", "leg weakness", "new bone pain"]),
    lead=st.sampled_from(
        ["Return precautions (reviewed)", "Return/ED precautions (given)", "Reasons to call (reviewed)"]
    ),
)
@PROPERTY
def test_an_aside_end_does_not_end_a_hypothetical(symptom: str, lead: str) -> None:
    assert not symptom_codes(f"62F, IDC right breast, ER+.{CANCER} {lead} for {symptom}.")
