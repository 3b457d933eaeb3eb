"""Rows with boxes the layout reader used to misread, and the guard for those it still cannot read.

A review-of-systems row answered "no" must never raise its red flag. Forms put their boxes in many ways: a two-box
grid under a column header in the patient's language ("Oui   Non"), a box followed by its answer word ("Cough [ ] no"),
a quoted question answered after a dash, an unticked checklist line whose label runs past a comma, a checklist under
a heading that is itself hypothetical ("Call the clinic if you notice:"). And where a row has boxes but the layout
gives it neither an answer, nor a tick beside its label, nor a blanking, its symptom goes to confirm (the answer
waits, naming it) instead of being raised. Controls: a ticked box under a known header still raises, an unticked
checklist box still drops, a yes still stands."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import decide_note, symptom_codes

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "66F, new L breast IDC 2.2 cm, grade 2, ER+ PR- HER2-, cN0, untreated. Staging question.\n\n"
ITEMS = {
    "Bone pain": "bone_pain",
    "Headache": "headache",
    "Cough": "cough",
    "Jaundice": "jaundice",
    "Back pain": "back_pain",
    "Weight loss": "weight_loss",
}
TICK = st.sampled_from(["[X]", "[x]", "[✓]", "☒", "☑", "(x)"])
EMPTY = st.sampled_from(["[ ]", "[  ]", "☐", "( )"])
# the two answer columns of a bilingual template, yes first or no first
KNOWN = st.sampled_from([("Si", "No"), ("Sí", "No"), ("Oui", "Non"), ("Ja", "Nein"), ("Yes", "No"), ("Non", "Oui")])
# column titles the layout does not know: the guard must hold
UNKNOWN = st.sampled_from([("Present", "Absent"), ("Da", "Nu"), ("Tak", "Nie"), ("Evet", "Hayir"), ("+/-", "?")])
YES_WORDS = {"si", "sí", "oui", "ja", "yes"}


def _two_box_grid(
    titles: tuple[str, str], answers: dict[str, int], tick: str, empty: str, indent: int, width: int = 26, gap: int = 6
) -> str:
    """A symptom column, then two box columns headed by ``titles``; ``answers[item]`` is the column ticked."""
    head = f"{'SYMPTOMS / SINTOMAS':<{width}}{titles[0]:<{gap}}{titles[1]}"
    rows = []
    for item, col in answers.items():
        boxes = [tick if col == k else empty for k in (0, 1)]
        rows.append(" " * indent + f"{item:<{width - indent}}{boxes[0]:<{gap}}{boxes[1]}")
    return head + "\n" + "\n".join(rows) + "\n"


@PROPERTY
@given(
    titles=KNOWN,
    answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.sampled_from([0, 1]), min_size=1, max_size=4),
    tick=TICK,
    empty=EMPTY,
    indent=st.integers(0, 2),
)
def test_a_two_box_grid_under_a_header_in_another_language_is_read(
    titles: tuple[str, str], answers: dict[str, int], tick: str, empty: str, indent: int
) -> None:
    note = HEADER + _two_box_grid(titles, answers, tick, empty, indent)
    yes_column = 0 if titles[0].lower() in YES_WORDS else 1
    expected = {ITEMS[item] for item, col in answers.items() if col == yes_column}
    assert symptom_codes(note) == expected  # the ticked "yes" raises (control), the ticked "no" never does


@PROPERTY
@given(
    titles=UNKNOWN,
    answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.sampled_from([0, 1]), min_size=1, max_size=4),
    tick=TICK,
    empty=EMPTY,
    indent=st.integers(0, 2),
    width=st.integers(21, 34),
    gap=st.integers(5, 9),
)
def test_a_two_box_grid_under_an_unknown_header_names_its_symptoms_to_confirm(
    titles: tuple[str, str], answers: dict[str, int], tick: str, empty: str, indent: int, width: int, gap: int
) -> None:
    note = HEADER + _two_box_grid(titles, answers, tick, empty, indent, width, gap)
    assert symptom_codes(note) == set()  # which column says yes cannot be told: never raised
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    named = " ".join(decision["insufficient_data"])
    assert all(ITEMS[item] in named for item in answers), named  # ... nor silently dropped


def test_known_box_readings_are_kept() -> None:
    # a ticked box before its label chooses it; an unticked one drops it (a checklist)
    assert symptom_codes(HEADER + "Review:\n[x] Back pain\n[ ] Headache\n") == {"back_pain"}
    # a ticked box after its label, nothing else on the row
    assert symptom_codes(HEADER + "Screen:\n Cough          [X]\n") == {"cough"}
    # an English Yes/No pair
    assert symptom_codes(HEADER + "Bone pain [x] Y [ ] N\nHeadache [ ] Y [x] N\n") == {"bone_pain"}


@PROPERTY
@given(
    item=st.sampled_from(sorted(ITEMS)),
    empty=EMPTY,
    gap=st.integers(1, 12),
    word=st.sampled_from(["no", "No", "NO", "n", "none", "denies", "neg"]),
    other=st.sampled_from(sorted(ITEMS)),
)
def test_a_box_followed_by_a_negative_word_negates_the_label_before_it(
    item: str, empty: str, gap: int, word: str, other: str
) -> None:
    row = f"  {item}{' ' * gap}{empty} {word}   {other} [x] yes, since last month\n"
    got = symptom_codes(HEADER + "Tablet questionnaire:\n" + row)
    assert ITEMS[item] not in got or item == other
    if other != item:
        assert ITEMS[other] in got  # the ticked yes on the same row still stands (control)


def test_box_answer_words_in_several_layouts() -> None:
    triage = "Phone triage:\n Fever            [X] 38.6 twice\n SOB              [ ] no\n Headache         [ ] no\n"
    assert symptom_codes(HEADER + triage) == set()  # fever is no red flag here; SOB and headache answered no
    grouped = "Systems: Resp: cough [ ] no  shortness of breath [ ] no\n GI: yellow skin [ ] no\n"
    assert symptom_codes(HEADER + grouped) == set()
    # boxes left empty after their labels, the row answered once at its end
    constitutional = "Constitutional: night sweats [ ]  weight loss [ ]  jaundice [ ] -- all no\n"
    assert symptom_codes(HEADER + constitutional) == set()
    # an unticked yes is no yes: confirm it, never raise or drop it
    decision = decide_note(HEADER + "Systems: back pain [ ] yes\n")
    assert "back_pain" not in symptom_codes(HEADER + "Systems: back pain [ ] yes\n")
    assert decision["systemic_imaging"] == "undetermined"
    assert "back_pain" in " ".join(decision["insufficient_data"])


def test_a_label_left_standing_by_its_unticked_box_is_confirmed() -> None:
    # the layout blanks the unticked box alone and leaves its label, which used to read as a statement
    assert symptom_codes(HEADER + "Screen:\n Cough          [X]\n Jaundice       [ ]\n") == {"cough"}
    note = HEADER + "Screen:\n Jaundice       [ ]\n Fatigue        [x]\n"
    assert symptom_codes(note) == set()
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    assert "jaundice" in " ".join(decision["insufficient_data"])


def test_an_unticked_box_with_a_label_and_a_free_word_is_confirmed() -> None:
    decision = decide_note(HEADER + "Checklist:\n  Cough   [ ] mild\n")
    assert "cough" not in symptom_codes(HEADER + "Checklist:\n  Cough   [ ] mild\n")
    assert decision["systemic_imaging"] == "undetermined"
    assert "cough" in " ".join(decision["insufficient_data"])


def test_a_quoted_question_answered_after_a_dash_or_colon() -> None:
    asked = (
        "Her own answers:\n"
        '"Bone pain at all?" - no. Her sister had bone pain with myeloma.\n'
        "'Any headaches lately?': No\n"
        "\u201cCoughing or short of breath?\u201d \u2013 no, walks 2 miles daily\n"
    )
    assert symptom_codes(HEADER + asked) == set()
    assert decide_note(HEADER + asked)["systemic_imaging"] == "not_recommended"
    # control: the same question answered yes raises
    assert symptom_codes(HEADER + '"Bone pain at all?" - yes, right hip for 4 weeks, worse at night.\n') == {
        "bone_pain"
    }


def test_an_unticked_checklist_line_drops_as_a_whole() -> None:
    lines = "Discussed today:\n[ ] Night sweats, weight loss of 5 kg\n[ ] Back pain, headaches\n[x] Fatigue\n"
    assert symptom_codes(HEADER + lines) == set()
    # control: the ticked line keeps all of it
    assert symptom_codes(HEADER + "Discussed today:\n[x] Night sweats, new back pain\n") == {"back_pain"}


def test_a_hypothetical_heading_covers_its_list() -> None:
    plan = (
        "Seek care if any of these:\n"
        "- bone pain lasting more than two weeks, or new back pain\n"
        "- cough that will not settle\n"
        "Warning signs to look out for:\n"
        "* yellowing of skin, weight loss\n"
    )
    assert symptom_codes(HEADER + plan) == set()
    boxes = "Please call us if you develop:\n[ ] persistent headaches, blurred vision\n[ ] bone pain\n"
    assert symptom_codes(HEADER + boxes) == set()
    # controls: the list ends at a blank line; a plain heading is no hypothesis
    after = HEADER + "Call if you notice:\n- fevers\n\nToday: new back pain for 3 weeks, worse at night.\n"
    assert symptom_codes(after) == {"back_pain"}
    assert symptom_codes(HEADER + "Current complaints:\n- back pain for 3 weeks, worse at night\n") == {"back_pain"}
    # ... nor is a heading that lists the red flags present
    assert symptom_codes(HEADER + "Red flags:\n- new thoracic back pain, worse at night\n") == {"back_pain"}
