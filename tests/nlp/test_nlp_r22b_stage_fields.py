"""Round 22b: M1 without distant disease, and the tumour's size, read as classes in our own words.

A verb before "negative for" ("the scan was negative for ...", "ROS is negative for ...") negates what follows "for":
the shorter backward "was negative" must not take those words and leave the finding or the list un-negated. Distant
disease named as the less likely side of a comparison ("more likely X than metastases") is set aside, never an M1.
A sentinel node's deposit and a reconstruction consult's chest distances are no tumour size; the largest focus is
the number its qualifier names.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes, tumor

PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HISTORY = "63 yo woman, hx L breast IDC 2019 s/p lumpectomy and RT, on anastrozole. "


# ---- a verb before "negative for" -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Restaging PET in March was negative for distant metastases.",
        "Her bone scan is negative for osseous metastatic disease.",
        "CT of the chest came back negative for metastases.",
        "Staging studies were negative for metastatic disease.",
    ],
)
def test_study_negative_for_metastasis_is_no_m1(line: str) -> None:
    assert tumor(HISTORY + line).get("m") != "M1"


@given(
    verb=st.sampled_from(["was", "is", "were", "remains", "came back"]),
    items=st.lists(
        st.sampled_from(["headache", "cough", "bone pain", "weight loss", "shortness of breath", "back pain"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
)
@PROPERTY
def test_review_negative_for_a_list_denies_every_item(verb: str, items: list[str]) -> None:
    listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    assert symptom_codes(f"{HISTORY}Review of systems {verb} negative for {listed}.") == set()


def test_a_present_symptom_beside_a_negative_study_still_counts() -> None:
    text = HISTORY + "New low back pain for 5 weeks, worse at night. Her CT last year was negative for metastases."
    assert "back_pain" in symptom_codes(text)


def test_stated_distant_disease_stays_m1() -> None:
    text = HISTORY + "Now biopsy-proven liver metastases; the brain MRI was negative for metastases."
    assert tumor(text).get("m") == "M1"


# ---- the less likely side of a comparison ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Assessment: raised ALP, more likely from vitamin D deficiency than metastatic disease.",
        "The sclerotic focus is likelier a bone island than a metastasis.",
        "Rib uptake, favour healed fracture over bony metastases.",
    ],
)
def test_metastasis_as_the_less_likely_cause_is_no_m1(line: str) -> None:
    assert tumor(HISTORY + line).get("m") != "M1"


def test_metastasis_as_the_more_likely_cause_is_never_a_fact_either_way() -> None:
    # the leaning itself is uncertain: no M1 as a fact, whichever side the metastasis is on
    assert tumor(HISTORY + "Liver lesions more likely metastases than cysts.").get("m") != "M1"


def test_proven_metastases_compared_in_number_stay_m1() -> None:
    text = HISTORY + "Biopsy-proven liver metastases, more numerous than in May."
    assert tumor(text).get("m") == "M1"


# ---- the tumour's size -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Sentinel nodes: 1/2 positive, macrometastasis (largest 7 mm).",
        "SLN #2: metastatic carcinoma, approx 5 mm, no ENE.",
    ],
)
def test_a_sentinel_node_deposit_is_no_tumour_size(line: str) -> None:
    text = f"58F s/p L lumpectomy + SLNB for IDC measuring 1.6 cm on US, ER+ PR+ HER2-. {line}"
    assert tumor(text).get("size_cm") == 1.6


@pytest.mark.parametrize(
    "line", ["SN-N 25 cm R / 24 cm L.", "Sternal notch to nipple 26 cm bilaterally.", "N-IMF 9 cm."]
)
def test_reconstruction_measurements_are_no_tumour_size(line: str) -> None:
    text = f"Plastics consult. 49 yo woman with R breast IDC, 1.9 cm on MRI, planned mastectomy. Exam: {line}"
    assert tumor(text).get("size_cm") == 1.9


@given(sizes=st.lists(st.sampled_from(["0.4", "0.7", "1.1", "1.5", "2.2", "3.4"]), min_size=2, max_size=3, unique=True))
@PROPERTY
def test_the_largest_focus_named_after_a_list_is_the_size(sizes: list[str]) -> None:
    largest = max(sizes, key=float)
    listed = ", ".join(f"{s} cm" for s in sizes)
    text = f"Final path: invasive ductal carcinoma, multifocal; foci {listed} (largest invasive focus {largest} cm)"
    assert tumor(text).get("size_cm") == float(largest)
