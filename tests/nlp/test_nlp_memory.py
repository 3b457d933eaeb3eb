"""The reader's memory stays bounded in a long-running process: spaCy keeps every new word it meets, so
the pipeline is rebuilt once it has kept too many, and the answers do not change."""

from __future__ import annotations

import random
import string

import pytest

import rightscan.adapters.text as text_reader


def _note(rng: random.Random) -> str:
    words = " ".join("".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(30))
    return f"Biopsy-proven IDC of the left breast, 1.8 cm, ER+ PR+ HER2-. Reports new bone pain. {words}"


def test_new_words_never_grow_the_reader_past_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_reader, "MAX_NEW_STRINGS", 500)
    rng = random.Random(7)
    engine = text_reader._engine()
    first = text_reader.extract(_note(rng)).facts
    rebuilt = 0
    for _ in range(60):  # 30 new words a note: the bound is passed several times
        before = engine.analyser
        assert text_reader.extract(_note(rng)).facts == first  # same answer before and after a rebuild
        rebuilt += engine.analyser is not before
        assert len(engine.analyser.nlp.vocab.strings) - engine.baseline <= 500 + 200
    assert rebuilt >= 2
    batch = list(text_reader.extract_many([_note(rng) for _ in range(40)], batch_size=8))
    assert all(x.facts == first for x in batch)
    assert len(engine.analyser.nlp.vocab.strings) - engine.baseline <= 500 + 8 * 200
