"""Blanks between words: a clinician reads "new bone  pain" (two spaces) as "new bone pain", and so must
the reader; a red flag lost to a double space would make "not recommended" unsafe."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightscan.adapters.text import extract
from rightscan.adapters.text.spacing import squeeze

BLANKS = st.text(alphabet=" \t", min_size=1, max_size=6)
WORD = st.text(alphabet="abcXYZ.,:[]()-019", min_size=1, max_size=6)


@given(st.lists(st.tuples(WORD, BLANKS), min_size=1, max_size=12), st.booleans())
def test_squeezed_text_maps_every_character_back_to_the_note(parts: list[tuple[str, str]], newline: bool) -> None:
    note = ("\n" if newline else "").join(w + b for w, b in parts)
    read, where = squeeze(note)
    if where is None:
        assert read == note and not re.search(r"\S([ \t]{2,}|\t)\S", note)
        return
    assert len(where) == len(read) + 1 and where[-1] == len(note)
    assert all(read[i] == note[where[i]] or (read[i] == " " and note[where[i]] in " \t") for i in range(len(read)))
    assert where == sorted(where)  # order kept: what comes later in the note comes later in the text read
    assert re.sub(r"(?<=\S)[ \t]+(?=\S)", " ", note) == re.sub(r"(?<=\S)[ \t]+(?=\S)", " ", read)
    assert not re.search(r"\S([ \t]{2,}|\t)\S", read)


@pytest.mark.parametrize("gap", ["  ", "   ", "\t", " \t ", "      "])
def test_a_symptom_written_with_wide_blanks_is_read_and_its_evidence_points_into_the_note(gap: str) -> None:
    def read(gap: str) -> tuple[dict[str, object], list[str], list[str]]:
        note = f"Biopsy-proven  IDC of the left breast. She reports new bone{gap}pain in the right{gap}hip for 3 weeks."
        x = extract(note)
        spans = [" ".join(note[e["start"] : e["end"]].split()) for e in x.evidence]
        assert all(e["text"] in note for e in x.evidence)  # every sentence quoted as written
        return x.facts, spans, [e["rule"] for e in x.evidence]

    facts, spans, rules = read(gap)
    assert facts.get("symptoms") == ["bone_pain"]
    assert (facts, spans, rules) == read(" ")  # the same facts from the same words, wherever the blanks are


@pytest.mark.parametrize("gap", ["  ", "   ", "\t"])
def test_a_denied_symptom_with_wide_blanks_stays_denied(gap: str) -> None:
    # the control: the same blanks in a negation must not raise the red flag either
    assert "symptoms" not in extract(f"Biopsy-proven IDC. Denies bone{gap}pain,{gap}headache or{gap}cough.").facts
    assert "symptoms" not in extract(f"Biopsy-proven IDC.{gap}No{gap}new{gap}bone{gap}pain.").facts


def test_a_receptor_line_padded_like_a_table_is_read_whole() -> None:
    t = extract("ER   95 %      PR    40 %      HER2    1+").facts["tumor"]
    assert (t["er"], t["pr"], t["her2"]) == ("positive", "positive", "negative")


PROSE = (
    "Ms. Doe is a 58 year old woman with biopsy-proven invasive ductal carcinoma of the left breast, grade 2, "
    "ER positive, PR positive and HER2 negative, measuring 1.8 cm on ultrasound, with no palpable axillary "
    "adenopathy. Over the last three weeks she has noticed new bone pain in the right hip that wakes her at "
    "night, and she has had a persistent dry cough since October. She denies headaches, weight loss or "
    "abdominal pain."
)


@pytest.mark.parametrize("width", [48, 55, 61, 67, 72, 80])
def test_hard_wrapped_prose_reads_as_the_same_prose(width: int) -> None:
    import textwrap

    wrapped = textwrap.fill(PROSE, width)
    assert "\n" in wrapped
    assert extract(wrapped).facts == extract(PROSE).facts
    assert set(extract(PROSE).facts["symptoms"]) == {"bone_pain", "cough"}  # and no denied one


@pytest.mark.parametrize("bullet", ["- ", "* ", "• ", "  ", "\t"])
@pytest.mark.parametrize("heading", ["Denies:", "ROS negative for:", "Pertinent negatives:"])
def test_a_list_under_a_negative_heading_is_denied_item_by_item(bullet: str, heading: str) -> None:
    note = f"{CASE_LINE}\n{heading}\n{bullet}bone pain\n{bullet}headache\n{bullet}cough\n\nPlan: lumpectomy."
    assert "symptoms" not in extract(note).facts


def test_a_list_under_a_positive_heading_is_still_present() -> None:
    note = f"{CASE_LINE}\nReports:\n- bone pain\n- headache"
    assert set(extract(note).facts["symptoms"]) == {"bone_pain", "headache"}


def test_a_sentence_after_a_denied_list_is_not_taken_into_it() -> None:
    # the control: a line that is not an item (no bullet, no indent) ends the list, so its new symptom stands
    note = f"{CASE_LINE}\nDenies:\n- headache\n- cough\nNew bone pain in the right hip."
    assert extract(note).facts["symptoms"] == ["bone_pain"]


CASE_LINE = "Biopsy-proven IDC of the left breast, seen in clinic today for planning."
