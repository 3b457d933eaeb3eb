"""Memory over a service's life (README, "Where the soak's memory goes").

The service freezes what it builds at start-up (``gc.freeze()`` after the warm-up, ``interfaces/http/app.py``),
the note reader included. The reader is rebuilt once it has kept too many new words; the reader it replaces
holds reference cycles, so while it stayed frozen the collector never freed it (about 40 MB of Python
objects and 10 MB of C heap, found with ``bench/soak_memory.py --reader-words 10000``). The rebuild now
unfreezes, collects and freezes again (``adapters/text``, ``_release_frozen``).
"""

from __future__ import annotations

import gc
import weakref

import pytest

import rightscan.adapters.text as text_reader


def test_a_rebuilt_reader_frees_the_reader_frozen_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = text_reader._engine()
    first = weakref.ref(engine.analyser.nlp)
    gc.collect()
    gc.freeze()  # as the service does after its warm-up
    try:
        monkeypatch.setattr(text_reader, "MAX_NEW_STRINGS", 0)
        text_reader.extract("staging of new left breast cancer, no bone pain; request zq8817")  # a new word
        text_reader.extract("staging of new left breast cancer, no bone pain")  # the reader is rebuilt
        assert engine.analyser.nlp is not first()  # the rebuild happened
        gc.collect()
        assert first() is None  # the replaced reader is freed
        assert gc.get_freeze_count() > 0  # and what is still alive is frozen again
    finally:
        gc.unfreeze()
        gc.collect()


def test_a_rebuilt_reader_that_was_not_frozen_is_freed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rebuild in a process that froze nothing: the replaced reader is collected too."""
    engine = text_reader._engine()
    first = weakref.ref(engine.analyser.nlp)
    monkeypatch.setattr(text_reader, "MAX_NEW_STRINGS", 0)
    text_reader.extract("staging of new left breast cancer, no bone pain; request zq8818")
    text_reader.extract("staging of new left breast cancer, no bone pain")
    assert engine.analyser.nlp is not first()
    gc.collect()
    assert first() is None
