"""Round 21e: settings a clinician could not decide from the note, and tumour markers written as trends.

- a tumour marker (or a liver test) written as a dated trend ("41 (3/24) -> 52 (6/24) -> 71 U/mL (9/24); ref 0-38") is
  the latest value with the shared range; a range named by the bare word in its own clause ("... is 52 and the range
  says 0-38") is read;
- after a treated cancer, a tumour marker above its limit (more than marginally), the only new finding, while a body
  scan is considered: the setting is left open (the decision asks); a marginal one (<= 1.15x ULN) stays follow-up;
- a mildly raised ALP with normal liver tests, also called raised in words ("elevated alk phos"), leaves it open;
- a cancer metastatic at diagnosis ("de novo stage IV") under treatment is a restaging question (left open); untreated,
  it stays a new diagnosis.
Controls keep what must still count.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

TREATED = "62F, R breast IDC 2019, s/p R lumpectomy + RT, on anastrozole since 2019. Feels well, no bone pain. "
PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(
    name=st.sampled_from([("CA 15-3", "ca15_3"), ("CA 27-29", "ca27_29"), ("CEA", "cea")]),
    dates=st.lists(st.sampled_from(["1/25", "Feb", "04/2025", "Jun 2025", "Sept"]), min_size=2, max_size=4),
    arrow=st.sampled_from(["->", "→", "=>"]),
    tail=st.sampled_from(["; ref 0-30", ", normal range <30", " (ref 0-30)", ", reference range 0-30"]),
)
@PROPERTY
def test_a_dated_trend_reads_its_latest_value_with_the_range(
    name: tuple[str, str], dates: list[str], arrow: str, tail: str
) -> None:
    values = [20 + 9 * i for i in range(len(dates))]
    steps = f" {arrow} ".join(f"{v} ({d})" for v, d in zip(values, dates, strict=True))
    note = TREATED + f"Markers: {name[0]} {steps.rsplit(' (', 1)[0]} U/mL ({dates[-1]}){tail}."
    got = facts(note).get("tumor_markers", {}).get(name[1])
    assert got == {"value": float(values[-1]), "uln": 30.0}


def test_a_dated_liver_trend_reads_the_latest_value() -> None:
    note = TREATED + "ALP 101 (2/2025) -> 168 U/L (8/2025) (ref 40-129)."
    assert facts(note)["labs"]["alkaline_phosphatase"] == {"value": 168.0, "uln": 129.0}


@pytest.mark.parametrize(
    "clause",
    ["my CEA was 6.1 and the range says 0-3", "her CEA came back 6.1, range is 0-3", "CEA is 6.1 and the range 0-3"],
)
def test_a_range_in_its_own_clause_is_read(clause: str) -> None:
    assert facts(TREATED + clause + ".")["tumor_markers"]["cea"] == {"value": 6.1, "uln": 3.0}


def test_a_trend_without_a_range_passes_nothing_on() -> None:
    assert not facts(TREATED + "CA 15-3 20 (Jan) -> 29 (Jun).").get("tumor_markers")


@pytest.mark.parametrize("marker", ["CA 27-29 61 U/mL (ref 0-38)", "CA 15-3 52 (ref <31)", "CEA 7.4 ng/mL (0-3.0)"])
@pytest.mark.parametrize("scan", ["PET/CT requested.", "CT chest/abdomen/pelvis with contrast requested."])
def test_a_raised_marker_alone_with_a_scan_leaves_the_setting_open(marker: str, scan: str) -> None:
    assert facts(TREATED + f"PCP drew tumour markers: {marker}. {scan}").get("setting") is None


def test_a_raised_marker_alone_overrides_the_word_surveillance() -> None:
    note = TREATED + "On surveillance, exam NED. CA 27-29 61 U/mL (ref 0-38). PET/CT requested."
    assert facts(note).get("setting") is None


def test_a_marginal_marker_stays_follow_up() -> None:
    note = TREATED + "CA 27-29 41 U/mL (ref 0-38), minimally above ULN. PET/CT requested by the patient."
    assert facts(note).get("setting") == "surveillance"


def test_a_raised_marker_without_a_scan_stays_follow_up() -> None:
    note = TREATED + "CA 27-29 61 U/mL (ref 0-38). Routine follow-up; next mammogram in June."
    assert facts(note).get("setting") == "surveillance"


def test_a_raised_marker_with_a_red_flag_is_still_a_suspected_recurrence() -> None:
    note = (
        "62F, R breast IDC 2019, s/p R lumpectomy + RT, on anastrozole since 2019. New thoracic back pain at night "
        "for 3 weeks. CA 27-29 61 U/mL (ref 0-38). PET/CT requested."
    )
    assert facts(note).get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize("words", ["elevated alkaline phosphatase", "raised ALP", "alk phos elevated"])
def test_a_mild_alp_called_raised_in_words_leaves_the_setting_open(words: str) -> None:
    note = (
        TREATED + "Labs: ALP 141 U/L (40-129), AST 22 (10-40), ALT 19 (7-52). "
        f"Reason for request: {words}. Bone scan requested."
    )
    assert facts(note).get("setting") is None


def test_a_high_alp_is_still_a_suspected_recurrence() -> None:
    note = TREATED + "Labs: ALP 390 U/L (40-129), AST 22 (10-40). Reason: elevated alk phos. Bone scan requested."
    assert facts(note).get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "history",
    [
        "64F with de novo stage IV ER+/HER2- breast cancer, biopsy-proven liver metastases 2024. On "
        "ribociclib + letrozole x 9 cycles.",
        "60F, metastatic L breast IDC (stage IV de novo, bone mets at dx). On palbociclib + letrozole x 6 cycles.",
    ],
)
def test_de_novo_metastatic_under_treatment_is_left_open(history: str) -> None:
    assert facts(history + " Restaging CT chest/abdomen/pelvis requested.").get("setting") is None


def test_de_novo_metastatic_untreated_stays_a_new_diagnosis() -> None:
    note = (
        "57F, core bx L breast IDC ER+/PR+/HER2-, biopsy-proven liver metastasis: de novo stage IV. Treatment-naive. "
        "Plan: start letrozole + ribociclib. Baseline bone scan requested."
    )
    assert facts(note).get("setting") == "new_diagnosis"
