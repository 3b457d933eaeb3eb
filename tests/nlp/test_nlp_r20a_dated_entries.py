"""Round 20a: copied-forward notes with dated entries, and past episodes that are over, read as a class in our words.

In a note made of dated entries the current one (marked today / current, or the newest) speaks for now: a symptom
told only in an older entry was that visit's complaint, and no red flag; a symptom the current entry reports still
counts, and when the current entry says the complaint goes on without naming it, the older symptom is left to confirm.
Dates that order the entries differently read month-first and day-first decide nothing. An episode the note says is
over, in the last clause of the next sentence ("pain gone since"), is not a present symptom unless it was warned.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts
from rightscan.adapters.text import extract

HEAD = (
    "SURVIVORSHIP F/U (prior entries carried forward)\n62 yo F, L breast IDC 2019 s/p lumpectomy + RT, letrozole.\n\n"
)
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

OLD_SYMPTOMS = [
    ("New low back pain x 3 wks, worse at night. MRI L-spine ordered.", "back_pain"),
    ("Persistent dry cough x 4 wks, CXR ordered.", "cough"),
    ("Daily headaches x 2 wks, new, frontal.", "headache"),
    ("R rib pain x 2 wks, constant, no trauma.", "bone_pain"),
]
CURRENT_WELL = "Feels well, no new complaints. Exam NED."


def _read(text: str) -> tuple[set[str], object, set[str]]:
    e = extract(text)
    confirm = {str(getattr(c, "value", c)) for c in e.to_confirm}
    return set(e.facts.get("symptoms", ())), e.facts.get("setting"), confirm


def _note(entries: list[tuple[str, str]], style: str) -> str:
    return HEAD + "\n\n".join(style.format(date=d) + "\n" + body for d, body in entries)


STYLES = ["=== {date} ===", "--- {date} ---", "Visit {date}:", "Progress note {date}", "*** {date} ***", "{date}"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("old", "code"), OLD_SYMPTOMS)
def test_a_symptom_only_in_an_older_entry_is_historical(style: str, old: str, code: str) -> None:
    for order in (1, -1):  # newest first, then newest last
        entries = [("10/14/2025", CURRENT_WELL), ("04/22/2024", old)][::order]
        symptoms, setting, _ = _read(_note(entries, style))
        assert code not in symptoms
        assert setting != "suspected_distant_recurrence"


@pytest.mark.parametrize(("old", "code"), OLD_SYMPTOMS)
def test_the_entry_marked_current_speaks_for_now_whatever_its_place(old: str, code: str) -> None:
    note = HEAD + f"-- 10/14/2025 (current) --\n{CURRENT_WELL}\n\n-- 04/22/2024 --\n{old}\n"
    assert code not in _read(note)[0]
    note = HEAD + f"Interval history 04/22/2024: {old}\nInterval history 10/14/2025: {CURRENT_WELL}\n"
    assert code not in _read(note)[0]


@pytest.mark.parametrize(("old", "code"), OLD_SYMPTOMS)
def test_a_symptom_in_the_current_entry_still_counts(old: str, code: str) -> None:
    for order in (1, -1):
        entries = [("10/14/2025", old), ("04/22/2024", CURRENT_WELL)][::order]
        assert code in _read(_note(entries, "=== {date} ==="))[0]
    note = HEAD + f"Today:\n{old}\n\nPrior visit 04/22/2024:\n{CURRENT_WELL}\n"
    assert code in _read(note)[0]


@pytest.mark.parametrize(
    "carry_on", ["Symptoms unchanged since last visit.", "Still has the same pain as before.", "No better."]
)
def test_an_older_symptom_the_current_entry_carries_on_is_left_to_confirm(carry_on: str) -> None:
    old = "New low back pain x 3 wks, worse at night."
    note = _note([("10/14/2025", carry_on), ("04/22/2024", old)], "=== {date} ===")
    symptoms, _setting, _ = _read(note)
    assert "back_pain" not in symptoms  # never stated from the older entry ...
    e = extract(note)
    assert e.to_confirm, "... and never silently dropped"


def test_dates_the_two_readings_order_differently_decide_nothing() -> None:
    # 05/02 vs 02/05: May before February read month-first, the other way read day-first
    old = "New low back pain x 3 wks, worse at night."
    note = _note([("05/02/2025", CURRENT_WELL), ("02/05/2025", old)], "=== {date} ===")
    assert "back_pain" in _read(note)[0]


def test_a_dated_line_in_an_undivided_note_is_no_entry() -> None:
    note = HEAD + "Labs 10/01/2025:\nALP 80 (35-104).\nNew low back pain x 3 wks, worse at night.\n"
    assert "back_pain" in _read(note)[0]
    note = HEAD + "05/2024: hip OA on XR.\nToday: new low back pain x 3 wks, worse at night.\n"
    assert "back_pain" in _read(note)[0]


@given(
    st.lists(
        st.builds(date, st.integers(2019, 2025), st.integers(1, 12), st.integers(13, 28)),
        min_size=2,
        max_size=4,
        unique=True,
    ),
    st.sampled_from(OLD_SYMPTOMS),
    st.sampled_from(STYLES),
)
@PROPERTY
def test_only_the_newest_entry_is_read_for_now(dates: list[date], old: tuple[str, str], style: str) -> None:
    """Any number of entries in any order with day numbers past 12 (no month-first/day-first doubt): the symptom
    counts exactly when it is in the newest entry."""
    newest = max(dates)
    for symptomatic in (newest, min(dates)):
        entries = [(d.strftime("%m/%d/%Y"), old[0] if d == symptomatic else CURRENT_WELL) for d in dates]
        assert (old[1] in _read(_note(entries, style))[0]) == (symptomatic == newest)


@pytest.mark.parametrize(
    "story",
    [
        "ED 11/10 for L flank and lower abdominal pain; CT: 5 mm L UVJ stone. Passed the stone 11/12, pain gone since.",
        "Seen in urgent care for abdominal pain last month, US showed gallstones. Had cholecystectomy, pain resolved.",
        "Developed a cough in the spring. Given antibiotics, symptoms cleared.",
    ],
)
def test_an_episode_the_next_sentence_says_is_over_is_no_present_symptom(story: str) -> None:
    f = facts(HEAD + "Interval: " + story + " Today feels well.")
    assert not set(f.get("symptoms", ())) & {"abdominal_pain", "cough"}


@pytest.mark.parametrize(
    "story",
    [
        "New abdominal pain x 3 wks, worse at night. Started PPI, pain no better.",
        "New abdominal pain x 3 wks, worse at night. Passed a stone, pain gone since.",  # warned: stays
        "Abdominal pain x 2 wks. CT ordered, pain not gone.",
    ],
)
def test_an_episode_not_said_over_or_warned_still_counts(story: str) -> None:
    assert "abdominal_pain" in set(facts(HEAD + story).get("symptoms", ()))
