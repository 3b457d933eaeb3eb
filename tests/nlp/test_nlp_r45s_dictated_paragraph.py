"""Round 45s (v45 bh-034): a dictation proven by its paragraph command.

A written note says "period" for a span of time but never "new paragraph", "next paragraph" or "next line": one of
those proves a dictation as "comma" did, so its spoken full stops and paragraphs are read as punctuation (the "new" of
"new paragraph" is then no warning of the finding before it). A written note's "period" stays words, and a dictated
complaint with its own warning still counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlp_helpers import symptom_codes
from rightscan.adapters.text.spoken import compile_spoken, speak

_CONTEXT = Path(__file__).resolve().parents[2] / "src/rightscan/knowledge/nlp/context.yaml"


def _spoken(text: str) -> str:
    spoken = compile_spoken(yaml.safe_load(_CONTEXT.read_text())["layout"])
    assert spoken is not None
    chars = list(text)
    speak(spoken, text, chars)
    return "".join(chars)


@pytest.mark.parametrize(
    "text",
    [
        "abdomen soft mild epigastric tenderness no hepatomegaly new paragraph plan mammogram period",
        "she feels well period next paragraph exam breasts without masses period",
        "no bone pain period next line plan annual mammogram in May period",
    ],
)
def test_a_paragraph_command_proves_the_dictation(text: str) -> None:
    read = _spoken(text)
    assert "paragraph" not in read and "next line" not in read and "period" not in read
    assert read.count(".") >= 2


@pytest.mark.parametrize(
    "text",
    [
        "New back pain over a period of 6 weeks. Trial period of NSAIDs failed.",
        "Washout period complete; over a period of two months she lost weight.",
    ],
)
def test_a_written_period_stays_words(text: str) -> None:
    assert _spoken(text) == text


@pytest.mark.parametrize(
    "story",
    [
        "she reports new severe low back pain waking her at night period new paragraph plan bone scan period",
        "she has had new persistent headaches for three weeks period new paragraph plan M R I brain period",
    ],
)
def test_a_dictated_warned_complaint_still_counts(story: str) -> None:
    head = "SURVEILLANCE (dictated)\nseventy year old woman status post left lumpectomy 2016 period "
    assert symptom_codes(head + story + "\n") & {"bone_pain", "back_pain", "headache"}
