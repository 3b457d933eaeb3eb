"""Grid rows: an item, a filler the words cannot read (leader dots, underscores or dashes, table bars, a tab, a
wide gap, a colon), then its answer and perhaps a comment. A red flag is never raised from a row answered no,
never dropped from a row answered yes, and a row whose answer cannot be told (a mix for a slashed item, an
unsure answer, an empty answer cell) names its symptoms to confirm. A yes with a comment, or a free-text
answer, reads as the prose it is: a benign, known cause explains the symptom, a warning keeps it."""

from __future__ import annotations

import time
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import decide_note, facts, symptom_codes

PROPERTY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "61F, new R breast IDC 1.8 cm, grade 2, ER+ PR+ HER2-, cN0, untreated. Staging question.\n\n"
ITEMS = {
    "Bone pain": "bone_pain",
    "Headache": "headache",
    "Cough": "cough",
    "Jaundice": "jaundice",
    "Back pain": "back_pain",
    "Abdominal pain": "abdominal_pain",
}
NO = st.sampled_from(["N", "n", "No", "NO", "no", "none", "neg", "negative", "denies", "absent", "nil", "0"])
YES = st.sampled_from(["Y", "y", "Yes", "YES", "yes"])

Filler = Callable[[str, str, int], str]


def _dots(item: str, answer: str, n: int) -> str:
    return f"{item} {'.' * n} {answer}"


def _dots_tight(item: str, answer: str, n: int) -> str:
    return f"{item}{'.' * n}{answer}"


def _spaced_dots(item: str, answer: str, n: int) -> str:
    return f"{item} {'. ' * n}{answer}"


def _underscores(item: str, answer: str, n: int) -> str:
    return f"{item} {'_' * n} {answer}"


def _dashes(item: str, answer: str, n: int) -> str:
    return f"{item} {'-' * n} {answer}"


def _bars(item: str, answer: str, n: int) -> str:
    return f"| {item}{' ' * (n % 7)} | {answer} |"


def _tab(item: str, answer: str, n: int) -> str:
    return f"{item}\t{answer}"


def _gap(item: str, answer: str, n: int) -> str:
    return f"{item}{' ' * max(2, n)}{answer}"


def _colon(item: str, answer: str, n: int) -> str:
    return f"{item}:{' ' * (n % 4)} {answer}"


FILLERS = st.sampled_from([_dots, _dots_tight, _spaced_dots, _underscores, _dashes, _bars, _tab, _gap, _colon])


@PROPERTY
@given(
    answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=1, max_size=5),
    filler=FILLERS,
    width=st.integers(min_value=3, max_value=30),
    data=st.data(),
)
def test_each_row_answers_its_own_item(
    answers: dict[str, bool], filler: Filler, width: int, data: st.DataObject
) -> None:
    rows = [filler(item, data.draw(YES if yes else NO), width) for item, yes in answers.items()]
    note = HEADER + "Symptom screen\n" + "\n".join(rows) + "\n"
    assert symptom_codes(note) == {ITEMS[item] for item, yes in answers.items() if yes}


@PROPERTY
@given(first=st.booleans(), second=st.booleans(), no=NO, yes=YES, width=st.integers(min_value=1, max_value=9))
def test_two_items_a_row_each_take_their_own_answer(first: bool, second: bool, no: str, yes: str, width: int) -> None:
    pad = " " * width
    row = f"MSK{pad}| Bone pain{pad}| {yes if first else no}{pad}| Headache{pad}| {yes if second else no}"
    expected = {code for code, said in (("bone_pain", first), ("headache", second)) if said}
    assert symptom_codes(HEADER + "Review\n" + row + "\n") == expected


def test_a_category_column_before_the_item_is_part_of_the_row() -> None:
    table = "| Area | Complaint | Y/N |\n|---|---|---|\n| MSK | Bone pain | N |\n| GI | Jaundice | N |\n"
    assert symptom_codes(HEADER + table) == set()
    assert decide_note(HEADER + table)["systemic_imaging"] == "not_recommended"
    answered_yes = table.replace("| MSK | Bone pain | N |", "| MSK | Bone pain | Y |")
    assert symptom_codes(HEADER + answered_yes) == {"bone_pain"}


def test_a_slashed_item_answered_no_twice_negates_both() -> None:
    note = HEADER + "Cough/Headache .......... no / no\nJaundice ........ no\n"
    assert symptom_codes(note) == set()
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


def test_a_mixed_answer_for_a_slashed_item_negates_neither_and_asks() -> None:
    for answer in ("no / yes", "Y/N", "n / y"):
        note = HEADER + f"Cough/Headache .......... {answer}\n"
        assert symptom_codes(note) == set(), answer  # neither raised from the row nor dropped: confirmed
        decision = decide_note(note)
        assert decision["systemic_imaging"] == "undetermined", answer
        named = " ".join(decision["insufficient_data"])
        assert "cough" in named and "headache" in named, answer


def test_an_unsure_answer_after_a_leader_asks() -> None:
    for answer in ("?", "unsure", "not sure"):
        decision = decide_note(HEADER + f"Bone pain ............ {answer}\n")
        assert decision["systemic_imaging"] == "undetermined", answer
        assert "bone_pain" in " ".join(decision["insufficient_data"]), answer


def test_a_yes_with_a_known_benign_cause_reads_as_that_prose() -> None:
    explained = [
        "Back pain ........ Y (long-standing, known lumbar spondylosis, same as always)",
        "| Back pain | Yes - chronic since a fall in 2010, unchanged |",
        "Back pain\tY - known degenerative disc disease, stable",
    ]
    for row in explained:
        assert "back_pain" not in symptom_codes(HEADER + row + "\n"), row


def test_a_yes_with_a_warning_keeps_the_red_flag() -> None:
    warned = [
        "Back pain ........ Y (new, worse at night)",
        "| Back pain | Yes - different from usual, waking her |",
        "Back pain ___________ Y",
    ]
    for row in warned:
        assert "back_pain" in symptom_codes(HEADER + row + "\n"), row


def test_a_free_text_answer_reads_as_prose() -> None:
    assert "neurologic_deficit" not in symptom_codes(
        HEADER + "Numbness in toes ........ mild, from paclitaxel, stable since last year\n"
    )
    assert "headache" in symptom_codes(HEADER + "Headache .......... daily for 3 weeks, worse on waking\n")


def test_an_answer_cell_left_empty_asks() -> None:
    for row in ("| MSK | Bone pain |   |", "| Bone pain |  | |", "Bone pain ................"):
        note = HEADER + "| Area | Complaint | Y/N |\n" + row + "\n"
        assert symptom_codes(note) == set(), row
        decision = decide_note(note)
        assert decision["systemic_imaging"] == "undetermined", row
        assert "bone_pain" in " ".join(decision["insufficient_data"]), row


def test_values_on_grid_rows_are_read_not_taken_for_answers() -> None:
    pathology = "Estrogen receptor ........ POSITIVE (95%)\nProgesterone receptor .... NEGATIVE (0%)\n"
    pathology += "HER2 (IHC): 0 - NEGATIVE\n"
    got = facts(HEADER.replace("ER+ PR+ HER2-, ", "") + pathology)["tumor"]
    assert (got.get("er"), got.get("pr"), got.get("her2")) == ("positive", "negative", "negative")
    labs = "Total bili     0.6 mg/dL (0.1-1.2)\nAlk phos       95 U/L   (40-129)\n"
    assert set(facts(HEADER + labs).get("labs", {})) >= {"bilirubin", "alkaline_phosphatase"}


def test_prose_with_an_ellipsis_is_not_a_grid() -> None:
    assert "bone_pain" in symptom_codes(HEADER + "She reports bone pain in the hip... no relief from rest. New.\n")


def test_both_options_printed_with_neither_chosen_asks() -> None:
    for row in ("Bone pain      Y    N", "| Bone pain | Y | N |"):
        decision = decide_note(HEADER + row + "\n")
        assert decision["systemic_imaging"] == "undetermined", row
        assert "bone_pain" in " ".join(decision["insufficient_data"]), row
    assert symptom_codes(HEADER + "| Bone pain | N | N |\n") == set()  # answered no in both columns


def test_several_rows_a_line_with_colons_or_leaders() -> None:
    assert symptom_codes(HEADER + "Bone pain: no    Headache: yes    Cough: no\n") == {"headache"}
    assert symptom_codes(HEADER + "Jaundice ..... N   Cough ..... N   Bone pain ..... Y\n") == {"bone_pain"}


def test_a_sign_answers_a_row_as_it_heads_a_column() -> None:
    for row in ("| Jaundice | - |", "Jaundice\t-", "Jaundice ........ -", "Jaundice ___________ –"):
        assert symptom_codes(HEADER + row + "\n") == set(), row
    for row in ("| Jaundice | + |", "Jaundice\t+", "Jaundice ........ +"):
        assert symptom_codes(HEADER + row + "\n") == {"jaundice"}, row


def test_a_mark_or_number_set_apart_by_a_bar_or_leader_asks() -> None:
    for row in ("| Headache | ✗ |", "Headache ........ X", "Headache ........ ++", "Headache\t2"):
        note = HEADER + row + "\n"
        assert symptom_codes(note) == set(), row
        assert "headache" in " ".join(decide_note(note)["insufficient_data"]), row


def test_a_lab_table_with_an_empty_column_keeps_its_values() -> None:
    labs = "Test      Jan      Mar\nCEA       -        12.4   <5.0 ng/mL\nALP       98       310    <130 U/L\n"
    got = facts(HEADER + labs)
    assert "cea" in got.get("tumor_markers", {}) and "alkaline_phosphatase" in got.get("labs", {})


def test_a_long_grid_is_read_in_bounded_time() -> None:
    from rightscan.adapters.text import MAX_NOTE_CHARS, load_rules
    from rightscan.adapters.text.layout import compile_layout, normalise_marked

    layout = compile_layout(load_rules())
    rows = "Bone pain ........ N\n" * (MAX_NOTE_CHARS // 21 - 1)
    started = time.monotonic()
    plain, marks = normalise_marked(layout, rows)
    assert time.monotonic() - started < 10  # about 0.2 s: each row is checked against the marks once
    assert len(plain) == len(rows) and sum(1 for *_, effect in marks if effect == "negated") == rows.count("\n")


def test_a_distant_metastasis_row_answered_no_or_mixed_is_never_m1() -> None:
    for row in ("| Distant metastasis | No |", "Distant mets ............ N", "Bone metastases ...... no / yes"):
        assert facts(HEADER + row + "\n").get("tumor", {}).get("m") != "M1", row
    assert facts(HEADER + "Bone metastases ...... no / yes\n").get("tumor", {}).get("m") is None
    # control: answered yes, the row states it
    assert facts(HEADER + "Distant mets ........ Y (liver, biopsy-proven)\n")["tumor"]["m"] == "M1"


def test_prose_with_wide_blanks_is_not_a_grid() -> None:
    assert symptom_codes(HEADER + "Seen today.  No  new  bone  pain  or  headache.\n") == set()
    assert symptom_codes(HEADER + "Seen today.  Yes,  new  bone  pain  since  May.\n") == {"bone_pain"}
    assert symptom_codes(HEADER + "Asked about bone pain  no  relief with rest  worse at night\n") == {"bone_pain"}


def test_a_symptom_in_the_comment_of_an_unread_row_is_confirmed_a_denied_one_stays_denied() -> None:
    table = "| Area | Neg | Pos | Comment |\n|---|---|---|---|\n| MSK |   | X | aching ribs, bone pain |\n"
    decision = decide_note(HEADER + table)
    assert decision["systemic_imaging"] == "undetermined"
    assert "bone_pain" in " ".join(decision["insufficient_data"])
    denied = "| Area | Neg | Pos | Comment |\n|---|---|---|---|\n| MSK | X |   | no bone pain |\n"
    assert symptom_codes(HEADER + denied) == set()
    assert "bone_pain" not in " ".join(decide_note(HEADER + denied)["insufficient_data"])


def test_a_receptor_row_keeps_its_status() -> None:
    rows = "ER .............. positive (80%)\nProgesterone receptor (PgR) ..... negative (0%)\n"
    got = facts("Left breast core biopsy: invasive ductal carcinoma, grade 2.\n" + rows)["tumor"]
    assert (got.get("er"), got.get("pr")) == ("positive", "negative")


def test_bulleted_rows_are_rows_and_a_rule_of_dashes_is_no_leader() -> None:
    assert symptom_codes(HEADER + "- Bone pain ....... N\n* Headache ...... Y\n") == {"headache"}
    assert symptom_codes(HEADER + "---- Reply from the nurse: she has bone pain since May.\n") == {"bone_pain"}
