"""Round 43t (v43 blind: telephone and portal notes): a relative calls about the patient and names her by her relation
to the caller after "re" / "regarding" ("Husband calling re: wife, 63 yo, hx L breast ca ... s/p mastectomy", v43
bb-012; "Caller: son re: mother, 78, hx R breast ca s/p lumpectomy", bb-036). The person the call is about is the
patient: her age, her operation, her receptors and her setting are hers, not a family history. Other wordings here.

Controls: a real family history stays a relative's ("mother had breast ca at 50", "FHx: sister ovarian ca"), a
relative named after a possessive or "about" ("worried about her mother, who had breast cancer"), a relative's
history asked about ("asks re mother's history"), and the patient's own red flags in such a call are still read.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    ("note", "age", "surgery"),
    [
        ("Phone message: daughter (Priya) calling regarding mother, 71 yo, hx R breast IDC 2019 ER+/PR+/HER2-, s/p R "
         "mastectomy, on anastrozole. Mother has had new rib pain for 3 weeks, worse at night.", 71, "mastectomy"),
        ("Triage call from wife re husband, 69 yrs, male breast cancer 2020 s/p L mastectomy, ER+. Reports he is "
         "well, no new symptoms, wants to know when his next visit is.", 69, "mastectomy"),
        ("Caller: granddaughter (Amy) re: grandmother, 84, hx L breast ca 2017 s/p lumpectomy + XRT, completed "
         "tamoxifen. Calling to reschedule her follow-up visit.", 84, "bct"),
        ("After-hours line. Son phoned re: mom - 66 y/o, L breast ca 2021 (ER-/PR-/HER2+) s/p partial mastectomy, "
         "finished trastuzumab. Question about her port flush.", None, "bct"),
    ],
)
def test_relation_the_call_is_about_is_the_patient(note: str, age: int | None, surgery: str) -> None:
    f = facts(note)
    if age is not None:
        assert f.get("age") == age
    assert f.get("prior_surgery") == surgery


def test_receptors_and_setting_of_the_called_about_patient() -> None:
    f = facts("Telephone note: husband (Tom) calling re: wife, 58 yo, hx R breast ca 2019 triple negative, s/p R "
              "mastectomy + ALND, XRT. Since this morning she has had new confusion and slurred speech. Advised ED; "
              "will need MRI brain.")
    assert f.get("age") == 58
    assert f.get("prior_surgery") == "mastectomy"
    assert f.get("tumor", {}).get("er") == "negative"
    assert f.get("setting") == "suspected_distant_recurrence"
    assert "neurologic_deficit" in f.get("symptoms", [])


@pytest.mark.parametrize(
    "note",
    [
        "45 yo F with new R breast mass, biopsy pending. FHx: mother had breast ca at 50, s/p mastectomy.",
        "52 yo woman, screening visit. Family history: sister ovarian ca, mother breast ca s/p lumpectomy age 60.",
        "48 yo woman asks re mother's history of breast cancer, mother s/p mastectomy at 55; she has no breast "
        "symptoms herself. Genetics referral.",
        "Pt is worried about her mother, who had breast cancer and a mastectomy at 62. Pt herself has no cancer.",
    ],
)
def test_a_family_history_stays_a_relatives(note: str) -> None:
    f = facts(note)
    assert f.get("prior_surgery") is None


def test_relatives_age_not_the_patients() -> None:
    f = facts("Pt 45 yo F here for screening. Her mother, 80, had breast cancer s/p mastectomy.")
    assert f.get("age") == 45
    assert f.get("prior_surgery") is None


def test_caller_relation_with_a_time_is_no_age() -> None:
    f = facts("Daughter calling re: mother, 12 lb weight loss over 2 months, hx L breast ca s/p mastectomy 2018.")
    assert f.get("age") is None
