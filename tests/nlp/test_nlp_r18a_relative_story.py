"""Round 18a: a symptom told in a relative's story is the relative's, not the patient's red flag.

A note names a relative and goes on, in the same sentence, with what happened to that relative: a relative clause
("her daughter, who has MS and has weakness in her legs"), the tail of the relative's disease ("his brother had
prostate cancer that spread to the spine w/ severe back pain"), or the relative's last months ("bone pain for months
before she died"). The patient's own symptom told in the same note, or after the story ("..., so he asked about his
back pain", "so I'm scared about my back pain"), stays hers.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, symptom_codes

HER = "58F, R breast IDC 2019, lumpectomy + RT, on anastrozole, NED. Routine follow-up.\n"
HIM = "67M, L breast IDC 2020, mastectomy, on tamoxifen, NED. Routine follow-up.\n"
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "story",
    [
        # a relative clause after a relative, also after a companion phrase ("with her daughter")
        "She is preoccupied with her daughter, who was diagnosed with MS and has weakness in her legs.",
        "She came with her daughter, who has MS and weakness in her legs.",
        "She lives with her mother, who is 90 and has severe back pain from osteoporosis.",
        "She is caring for her husband, who has lung cancer and a cough that won't settle.",
        "She asked about her son, whose leukemia came back and who now has bone pain.",
        # the tail of the relative's disease, past "which" and past the few words of "her mother had"
        "Her mother had breast cancer which spread to her bones causing severe back pain.",
        "Her father had prostate cancer that went to his bones with terrible back pain.",
        "My aunt died of breast cancer which spread to her liver, causing jaundice and weight loss.",
        "Her mother had breast ca that metastasised to the brain w/ bad headaches before she died.",
        "Her brother had myeloma which caused bone pain and fractures.",
        "She came with her sister, who has bone metastases in the spine and back pain.",
        # the relative's last months, told with a pronoun
        "Her mother had breast cancer. She had terrible bone pain for months before she died.",
        "Her grandmother had breast cancer and suffered back pain until she passed away.",
    ],
)
def test_a_symptom_told_in_a_relatives_story_is_not_the_patients(story: str) -> None:
    f = facts(HER + story)
    assert f.get("symptoms", []) == []
    assert f.get("setting") == "surveillance"


def test_a_mans_brother_whose_cancer_spread_with_back_pain() -> None:
    note = (
        HIM + "He denies bone pain. His brother had prostate cancer that spread to the spine w/ severe back pain, so he"
        " asked whether he needs a bone scan."
    )
    assert "back_pain" not in symptom_codes(note)


@pytest.mark.parametrize(
    ("story", "code"),
    [
        # the writer comes back to the patient after the relative's story
        ("Her mother had breast cancer that spread to her bones, and she now has new back pain herself.", "back_pain"),
        ("Her sister had breast cancer; she reports new back pain for 3 weeks.", "back_pain"),
        (
            "Her mother had breast cancer which spread to her bones, so she is worried about her own back pain.",
            "back_pain",
        ),
        ("My aunt had bone mets so I'm scared about my back pain.", "back_pain"),
        ("Her sister had breast cancer at 45, so she is anxious about her new headaches.", "headache"),
        ("Her mother had breast cancer which spread to her bones and she has back pain now.", "back_pain"),
        # a relative clause closed by its comma: the sentence goes on with the patient
        ("She came with her daughter, who drove her, and reports new back pain for 3 weeks.", "back_pain"),
        ("She is here with her son, who helps her at home; she has had worsening back pain for 6 weeks.", "back_pain"),
        ("Accompanied by her husband, who is concerned that she has lost weight.", "weight_loss"),
        ("Her daughter who lives in Spain called; pt reports back pain since last month.", "back_pain"),
        # a verb of the patient's own telling joined after the relative's clause
        ("She came with her daughter who is a nurse and reports new back pain for 3 weeks.", "back_pain"),
        ("She came with her husband, who has COPD, and reports a new cough for 6 weeks.", "cough"),
        # a relative who tells of the patient is the informant, not a story's relative
        ("Per daughter new low back pain x 2 wks and legs giving way.", "back_pain"),
        ("The daughter says mum has complained of R thigh pain for 2 months, worse at night.", "bone_pain"),
        ("Daughter describes mum coughing all night, scared to lie flat.", "cough"),
        ("Daughter reports mom has bad back pain for 3 weeks, worse at night.", "back_pain"),
        # a death that only dates the patient's symptom
        ("She has had back pain for 6 weeks since her husband died.", "back_pain"),
        ("She has had headaches since her husband, who had a stroke, died in May.", "headache"),
    ],
)
def test_the_patients_own_symptom_after_a_relatives_story_stays_hers(story: str, code: str) -> None:
    assert code in symptom_codes(HER + story)


def test_the_patients_own_symptom_in_a_portal_message_about_an_aunt() -> None:
    note = (
        "quick q - dx with DCIS last month. my back hurts for 3 wks, worse at night. my aunt had back pain from bone"
        " mets so im scared."
    )
    assert "back_pain" in symptom_codes(note)


def test_a_companions_metastases_are_not_the_patients() -> None:
    f = facts(HER + "She came with her sister, who has liver metastases from breast cancer.")
    assert f.get("tumor", {}).get("m") is None
    assert f.get("setting") == "surveillance"


def test_a_sisters_metastases_are_no_recurrence_of_the_patient() -> None:
    note = (
        HER + "Her sister (treated for breast cancer in 2019) has bone metastases in the spine - this is the reason for"
        " her worry. She has no bone pain, no back pain. Exam normal."
    )
    f = facts(note)
    assert f.get("setting") == "surveillance"
    assert f.get("tumor", {}).get("m") is None
    assert f.get("symptoms", []) == []


RELATIVES = st.sampled_from(["her daughter", "her sister", "her mother", "her husband", "her son", "her friend"])
LEADS = st.sampled_from(["She came with", "She is worried about", "She is caring for", "She lives with"])
CLAUSES = st.sampled_from(
    [
        "who has MS and has weakness in her legs",
        "who has lung cancer with a persistent cough",
        "who has myeloma and bone pain",
        "whose cancer spread to the spine and gave them back pain",
    ]
)
OWN = st.sampled_from(
    [
        ("She has had new back pain for 3 weeks.", "back_pain"),
        ("She reports a new cough for 6 weeks.", "cough"),
        ("New headaches every morning for 2 weeks.", "headache"),
    ]
)


@PROPERTY
@given(lead=LEADS, relative=RELATIVES, clause=CLAUSES, own=OWN)
def test_a_relatives_clause_never_takes_the_patients_own_symptom(lead: str, relative: str, clause: str, own) -> None:  # type: ignore[no-untyped-def]
    sentence, code = own
    codes = symptom_codes(f"{HER}{lead} {relative}, {clause}. {sentence}")
    assert code in codes
    assert codes <= {code}
