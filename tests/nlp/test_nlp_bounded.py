"""Bounded work: no note shape makes the reader's work grow faster than the note.

Nothing here is timed (bench/adversarial.py prints the timings). The tests check the quantities the
work grows with, which do not depend on the machine: the longest whitespace-free run handed to spaCy's
tokenizer (its prefix/suffix loop is quadratic in a run), the longest sentence handed to ConText, and
the number of cue-scope and cue-target comparisons ConText makes (every cue of a sentence against
every other cue and every target of that sentence).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

import pytest

# the shapes that were slow before the bounds (seconds at 20,000 characters, in the commit message)
SHAPES = [
    "(",
    "possible bone mets? ",
    "(+) back pain (-) headache ",
    "☐ bone pain ☒ headache ",
    "return for headache, ",
    "no ",
    "no bone pain, no headache, ",
    "MRI brain ",
]


def _analyser() -> Any:
    from rightscan.adapters.text import _engine

    return _engine().analyser


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def _doc(note: str) -> Any:
    a = _analyser()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return a.nlp(a.rewrite(note))


def _comparisons(doc: Any) -> int:
    """Cue-cue and cue-target pairs ConText compares: both are counted within a sentence."""
    cues: dict[int, int] = {}
    targets: dict[int, int] = {}
    for m in doc._.context_graph.modifiers:
        k = doc[m.modifier_span[0]].sent.start
        cues[k] = cues.get(k, 0) + 1
    for t in doc._.context_graph.targets:
        targets[t.sent.start] = targets.get(t.sent.start, 0) + 1
    return sum(n * (n + targets.get(k, 0)) for k, n in cues.items())


@pytest.mark.parametrize("unit", SHAPES)
def test_no_sentence_or_run_outgrows_the_limits(unit: str) -> None:
    from rightscan.adapters.text.layout import MAX_RUN_CHARS

    a = _analyser()
    note = _repeat(unit, 20_000)
    rewritten = a.rewrite(note)
    assert len(rewritten) == len(note)  # evidence offsets stay those of the note
    assert max(len(r) for r in re.findall(r"\S+", rewritten)) <= MAX_RUN_CHARS
    doc = _doc(note)
    assert max(len(s) for s in doc.sents) <= a.rules.sentence_max_tokens


@pytest.mark.parametrize("unit", SHAPES)
def test_context_comparisons_grow_linearly(unit: str) -> None:
    """Twice the note, about twice the comparisons (before the bounds, 'no ' x 20,000 characters made one
    sentence of 6,667 cues: every one of them scanned the whole sentence)."""
    small, large = _doc(_repeat(unit, 10_000)), _doc(_repeat(unit, 20_000))
    limit = _analyser().rules.sentence_max_tokens
    assert _comparisons(large) <= 2 * limit * len(large)  # at most 2 x limit comparisons per token
    assert _comparisons(large) <= 2.2 * max(_comparisons(small), 1)


def test_an_overlong_sentence_is_cut_after_a_list_separator() -> None:
    doc = _doc(_repeat("no bone pain, no headache, ", 5_000))
    sents = list(doc.sents)
    assert len(sents) > 1
    for s in sents[:-1]:  # every cut falls right after a comma, never inside "bone pain"
        assert s[-1].text == "," or s[-1].is_space


def test_evidence_after_a_long_run_points_at_the_note() -> None:
    from rightscan.adapters.text import extract

    note = "Ref: " + "x" * 400 + "\n58F, new L breast IDC 2.4 cm, ER+ PR+ HER2-. No bone pain. Reports headaches."
    result = extract(note)
    assert result.facts["tumor"]["size_cm"] == 2.4
    assert result.evidence
    for ev in result.evidence:
        assert ev["text"] in note
        assert note[ev["start"] : ev["end"]].strip()  # the span is words of the note, not the run
    symptoms = {e["value"]: e["context"] for e in result.evidence if e["field"] == "symptoms"}
    assert "negated" in symptoms.get("bone_pain", [])


def test_ordinary_sentences_are_not_cut() -> None:
    """The limit lies above every sentence of the development sets (longest: 87 tokens)."""
    a = _analyser()
    assert a.rules.sentence_max_tokens >= 100
    sentence = "Pt with " + ", ".join(f"item {i}" for i in range(30)) + " noted."  # 92 tokens, one sentence
    doc = _doc(sentence)
    assert len(list(doc.sents)) == 1


def test_the_words_around_a_study_are_read_within_a_bounded_reach() -> None:
    """An ambiguous study's qualifiers are looked for in its clause, but never further than a fixed reach
    (the clause of a note without punctuation is the whole note, read again for every study)."""
    from rightscan.adapters.text.study_words import _REACH, neighbour_words

    name = "mammogram"
    near = f"screening {name} bilateral"
    text = "diagnostic " + "1 " * _REACH + near + " 2" * _REACH + " tomosynthesis"
    start = text.index(name)
    words = neighbour_words(text, start, start + len(name))
    assert words == ["bilateral", "screening"]  # the words beyond the reach are not read
    assert neighbour_words(near, near.index(name), near.index(name) + len(name)) == ["bilateral", "screening"]
