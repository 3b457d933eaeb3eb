"""Unsafe classes found on the sixth blind set (first run: 9 unsafe answers), each written here in our own
wording as a class of clinical meaning. Each class sits next to a control that must still raise the finding (a
ticked '+' box, a '[Y]' answer, a warning qualifier, a proven metastasis), so no test passes by reading nothing;
the grid layouts are property tests."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import decide_note as _decide
from nlp_helpers import symptom_codes as _codes
from nlp_helpers import tumor

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "64F, L breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, cN0."
TREATED = "70F, R breast IDC 2019, s/p lumpectomy + RT, on anastrozole. Survivorship visit."
# a symptom as a form writes it -> its code
ITEMS = {"Bone pain": "bone_pain", "Back pain": "back_pain", "Headache": "headache", "Cough": "cough",
         "SOB": "dyspnea", "Abd pain": "abdominal_pain", "Jaundice": "jaundice", "Wt loss": "weight_loss"}  # fmt: skip


# ------------------------------------------------------------------ a two-box grid headed by signs: "+   -"
@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=2, max_size=7),
       mark=st.sampled_from(["X", "x", "✓"]), minus=st.sampled_from(["-", "−"]),
       heading=st.sampled_from(["ROS:", "Review of systems", "Symptoms"]))  # fmt: skip
def test_a_sign_headed_grid_reads_the_column_of_the_ticked_box(answers: dict[str, bool], mark: str, minus: str,
                                                              heading: str) -> None:  # fmt: skip
    def boxes(present: bool) -> str:
        return f"[{mark}] [ ]" if present else f"[ ] [{mark}]"

    rows = "\n".join(f" {name:<12} {boxes(on)}" for name, on in answers.items())
    note = f"{TREATED}\n\n{heading:<14} +   {minus}\n{rows}\n"
    # the control is in the same grid: a box ticked under '+' raises its item
    assert _codes(note) == {ITEMS[name] for name, on in answers.items() if on}


def test_a_sign_headed_row_ticked_in_both_columns_is_named_to_confirm() -> None:
    note = f"{HEADER}\n\nROS:          +   -\n Bone pain    [X] [X]\n Cough        [ ] [X]\n"
    assert "bone_pain" not in _codes(note)
    out = _decide(note)
    assert out["systemic_imaging"] == "undetermined"
    assert any(entry.startswith("symptoms:") for entry in out["insufficient_data"])


def test_two_plus_signs_are_no_column_header() -> None:
    # "+   +" names no pair of answers: the row's two boxes side by side cannot say which one means yes, so its item
    # is named to confirm (form_rows' guard, round 8), neither raised from a plain tick nor dropped
    note = f"{TREATED}\n\nMarkers        +   +\n Back pain    [ ] [X]\n"
    assert "back_pain" not in _codes(note)
    assert any("back_pain" in entry for entry in _decide(note)["insufficient_data"])


# ------------------------------------------------------------------ "[N] item   [N] item   [Y] item"
@PROPERTY
@given(answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.booleans(), min_size=2, max_size=7),
       per_line=st.integers(min_value=1, max_value=3), yes=st.sampled_from(["Y", "y", "Yes"]),
       no=st.sampled_from(["N", "n", "No"]))  # fmt: skip
def test_an_answer_in_brackets_before_each_item_answers_that_item(answers: dict[str, bool], per_line: int, yes: str,
                                                                  no: str) -> None:  # fmt: skip
    cells = [f"[{yes if on else no}] {name.lower():<16}" for name, on in answers.items()]
    lines = ["  " + "   ".join(cells[k : k + per_line]).rstrip() for k in range(0, len(cells), per_line)]
    note = f"{TREATED}\n\nREVIEW OF SYSTEMS (patient form)\n" + "\n".join(lines) + "\n"
    # control: the items answered Y are raised, and only they
    assert _codes(note) == {ITEMS[name] for name, on in answers.items() if on}


def test_a_question_mark_in_the_leading_bracket_leaves_the_item_to_confirm() -> None:
    note = f"{HEADER}\n\n  [N] cough      [?] bone pain      [N] headache\n"
    assert "bone_pain" not in _codes(note)
    out = _decide(note)
    assert out["systemic_imaging"] == "undetermined"


def test_a_bracketed_word_that_is_no_answer_is_left_alone() -> None:
    assert "bone_pain" in _codes(f"{TREATED}\nName: [redacted]  new bone pain in the L hip at night\n")


# ------------------------------------------------------------------ metabolic equivalents are not metastases
@PROPERTY
@given(mets=st.sampled_from(["METs >4", "METs > 4", "METs < 4", ">4 METs", "functional capacity METs 5"]))
def test_metabolic_equivalents_are_not_m1(mets: str) -> None:
    assert tumor(f"{HEADER}\nCardiac risk: RCRI 0   {mets}\n").get("m") != "M1"
    # control: metastases named as such are still M1
    assert tumor(f"{HEADER}\nPET: multiple liver mets, biopsy-proven.\n").get("m") == "M1"


# ------------------------------------------------------------------ metastasis only weighed in a differential
def test_metastasis_weighed_among_several_causes_is_a_question_not_m1() -> None:
    note = ("62F, hx L breast IDC, lumpectomy + RT 2021, on letrozole. New cough and SOB x 1 week. "
            "Assessment: DDx PE vs pneumonia vs pleural effusion / lung mets. CXR today.")  # fmt: skip
    assert tumor(note).get("m") != "M1"
    # control: stated lung metastases are M1
    assert tumor("62F with L breast IDC 2.5 cm with lung metastases.").get("m") == "M1"


# ------------------------------------------------------------------ benign causes told in other words
@PROPERTY
@given(cause=st.sampled_from([", which she puts down to her job lifting patients",
                              " which she attributes to gardening last month",
                              ", which he puts it down to moving house"]))  # fmt: skip
def test_a_cause_in_a_relative_clause_explains_the_symptom(cause: str) -> None:
    assert "back_pain" not in _codes(f"{HEADER} Some lower back ache over the past year{cause}.")
    # control: a warning told after a contrast still counts
    warned = f"{HEADER} Lower back ache over the past year{cause}, but it is now waking her at night."
    assert "back_pain" in _codes(warned)


@PROPERTY
@given(
    infection=st.sampled_from(["a chest infection", "a cold", "a bad chest cold", "an URTI", "the flu"]),
    link=st.sampled_from(["since", "after"]),
    course=st.sampled_from(["for about three weeks", "for 10 days", ""]),
)
def test_a_cough_dated_from_a_respiratory_infection_is_explained(infection: str, link: str, course: str) -> None:
    note = f"{HEADER} She has had a dry cough {course} {link} {infection}, and it is settling."
    assert "cough" not in _codes(note)
    # control: a cough with a warning qualifier counts
    assert "cough" in _codes(f"{HEADER} She has had a new, persistent dry cough {course}, worsening.")


def test_weight_lost_recently_and_put_down_to_nerves_is_explained() -> None:
    assert "weight_loss" not in _codes(f"{HEADER} She lost 1 kg recently which she attributes to her nerves.")
    assert "weight_loss" in _codes(f"{HEADER} Unintentional weight loss of 6 kg over 2 months.")


def test_a_symptom_explained_later_with_now_improved_is_explained() -> None:
    note = (f"{HEADER}\nPresented with 4 days of fever, productive cough and breathlessness. CXR: RLL consolidation. "
            "Cough and breathlessness now much improved and attributed to the pneumonia.")  # fmt: skip
    assert not _codes(note) & {"cough", "dyspnea"}
    # control: an improvement without 'now', still present, explains nothing
    assert "neurologic_deficit" in _codes(f"{HEADER}\nR hand weakness improved but still present at discharge.")


def test_a_symptom_explained_earlier_in_its_paragraph_stays_explained() -> None:
    note = (f"{HEADER}\nAdmitted with cholecystitis. Her abdominal pain is typical for cholecystitis and improving.\n"
            "CT abdomen (for the abd pain) also captured the lower breast: a 1.1 cm nodule.")  # fmt: skip
    assert "abdominal_pain" not in _codes(note)
    # control: across a blank line, in another paragraph, a new pain is its own mention
    other = (f"{HEADER}\nHer abdominal pain is typical for cholecystitis.\n\n"
             "Plan review: new abd pain at night, different from before.")  # fmt: skip
    assert "abdominal_pain" in _codes(other)


def test_abdominal_pain_called_biliary_is_explained() -> None:
    assert "abdominal_pain" not in _codes(f"{HEADER}\nResident comments: RUQ pain sounds biliary, LFTs normal.")
    # control: the same pain without a cause counts
    assert "abdominal_pain" in _codes(f"{HEADER}\nResident comments: RUQ pain for 3 weeks, LFTs normal.")
