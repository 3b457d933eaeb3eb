"""Round 22s (eighth security pass, finding 4): characters that look like a red flag's letters but are others.

Typographic hyphens (U+2010, U+2011), combining marks after or inside a word (an underline turned into U+0332,
U+034F), Cyrillic and Greek letters drawn as Latin ones, mathematical bold or italic letters and full-width forms
read to a clinician as the plain words; the reader sees the plain words too, at the same offsets.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes
from rightscan.adapters.text.visible import visible

BOLD = "".join(chr(0x1D41A + ord(c) - ord("a")) if c.isalpha() else c for c in "bone pain")
ITALIC_CAPS = "".join(chr(0x1D434 + ord(c) - ord("A")) if c.isalpha() else c for c in "HEADACHE")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("New severe bone\u2010pain in the right hip for 3 weeks", "bone_pain"),
        ("New severe bone\u2011pain in the right hip", "bone_pain"),
        ("new severe bone\u2012pain in the left femur", "bone_pain"),
        ("New severe bone pain\u0332 in the right hip", "bone_pain"),
        ("New severe b\u0332o\u0332n\u0332e\u0332 p\u0332a\u0332i\u0332n\u0332 in the right hip", "bone_pain"),
        ("New severe bone pain\u034f in the right hip", "bone_pain"),
        ("new headache\u0301 with vomiting", "headache"),
        ("New severe bone p\u0430in in the right hip", "bone_pain"),  # Cyrillic a
        ("New severe bone pa\u0456n in the right hip", "bone_pain"),  # Cyrillic i
        ("new h\u0435\u0430d\u0430che with vomiting", "headache"),  # Cyrillic e, a
        ("new seizure with l\u03bfss of consciousness", "seizure"),
        (f"New severe {BOLD} in the right hip", "bone_pain"),
        (f"new {ITALIC_CAPS} with vomiting", "headache"),
        ("New severe \uff42\uff4f\uff4e\uff45 \uff50\uff41\uff49\uff4e in the right hip", "bone_pain"),
    ],
)
def test_a_look_alike_red_flag_is_read(text: str, code: str) -> None:
    assert code in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "no bone\u2010pain",
        "denies b\u043ene pain",
        f"no {BOLD}",
        "no bone pain\u0332",
    ],
)
def test_a_look_alike_denial_still_denies(text: str) -> None:
    assert "bone_pain" not in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "bone\u2010pain\u0332 p\u0430in \U0001d41b\nnext line\u034f",
        "ER\u03b1+ \u03b2-hCG 10\u2079/L 5 \u00b5g",
        "\u041c\u0420\u0422 \u0433\u043e\u043b\u043e\u0432\u044b",
    ],
)
def test_the_text_keeps_its_length(text: str) -> None:
    assert len(visible(text)) == len(text)


def test_what_is_not_a_look_alike_is_left_as_written() -> None:
    # Greek letters of receptors and markers, superscripts and the micro sign; words written wholly in Cyrillic
    assert visible("ER\u03b1+ \u03b2-hCG 10\u2079/L 5 \u00b5g") == "ER\u03b1+ \u03b2-hCG 10\u2079/L 5 \u00b5g"
    assert (
        visible("\u041c\u0420\u0422 \u0433\u043e\u043b\u043e\u0432\u044b")
        == "\u041c\u0420\u0422 \u0433\u043e\u043b\u043e\u0432\u044b"
    )
    assert visible("bone\u2010pain") == "bone-pain"
    assert visible("bone pain\u0332\nnext") == "bone pain \nnext"  # the mark out, a blank at its line's end


def test_a_long_line_with_one_look_alike_reads_in_linear_time() -> None:
    import time

    for text in ("a" * 50_000 + "\uff42", "a " * 25_000 + "\u0332", "\u0430" * 50_000 + "b"):
        began = time.process_time()
        visible(text)
        assert time.process_time() - began < 0.5
