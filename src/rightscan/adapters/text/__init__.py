"""Free text -> the core input object, negation-aware, with evidence.

``extract(text)`` reads a clinical note or an order reason and returns an ``Extraction``: the
facts the note states (in the JSON input contract of ``rightscan.adapters.input_json``), the
evidence for each, the fields where the note contradicts itself, and what looked clinical but
could not be read. The rules are data (``rightscan/knowledge/nlp/*.yaml``); the engine is
medspaCy on a blank English pipeline, with no model download.

Importing this package does not import spaCy: the pipeline is built on the first extraction
(``warm_up()`` builds it ahead of time) and kept for the life of the process.

Thread safety: the medspaCy components (PyRuSH, PyFastNER) keep per-call state on shared objects, so
one pipeline must never run two documents at once. Each engine serialises its runs with a lock; the
work is CPU-bound Python under the GIL, so the lock costs no throughput. Building the engine is also
done once, under a lock, so parallel first calls do not race.

Bounded memory: spaCy keeps every new word it meets in the pipeline's string store for the life of the
process (spaCy 3.7 cannot forget them), about a quarter of a kilobyte each, so a service reading notes
for weeks would grow without end. An engine whose store has taken in more than ``MAX_NEW_STRINGS`` words
since it was built is replaced by a fresh one before its next note (a second or so, under the lock; the
answers are the same, since the rules and the knowledge are).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rightscan.adapters.text.fault import guarded
from rightscan.adapters.text.model import MAX_NOTE_CHARS, Extraction
from rightscan.adapters.text.rules import Rules, RulesError, load_rules
from rightscan.adapters.text.visible import visible
from rightscan.domain.model import InputError

if TYPE_CHECKING:
    from rightscan.adapters.text.model import Mention
    from rightscan.adapters.text.pipeline import Analyser

MAX_NEW_STRINGS = 200_000  # about 50 MB of words a long-running process may keep before the reader is rebuilt

__all__ = ["MAX_NOTE_CHARS", "Extraction", "Rules", "RulesError", "extract", "extract_many", "load_rules", "warm_up"]


class _Engine:
    def __init__(self, directory: str | None) -> None:
        from rightscan.adapters.knowledge_files import load_knowledge
        from rightscan.adapters.text.pipeline import Analyser

        self.directory = directory
        self.analyser: Analyser = Analyser(directory)
        self.baseline = len(self.analyser.nlp.vocab.strings)
        self.rules = self.analyser.rules
        self.kb = load_knowledge()
        self.procedure_names = {pid: p.name for pid, p in self.kb.procedures.items()}
        self.lock = threading.Lock()

    def renew_if_full(self) -> None:
        """Under the lock: a fresh pipeline when the old one has kept too many new words."""
        if len(self.analyser.nlp.vocab.strings) - self.baseline > MAX_NEW_STRINGS:
            from rightscan.adapters.text.pipeline import Analyser

            self.analyser = Analyser(self.directory)
            self.baseline = len(self.analyser.nlp.vocab.strings)
            _release_frozen()

    def mentions(self, text: str) -> list[Mention]:
        with self.lock:
            self.renew_if_full()
            return self.analyser.mentions(text)

    def run(self, mentions: list[Mention], text: str) -> Extraction:
        from rightscan.adapters.text import proxy_writer
        from rightscan.adapters.text.contradictions import without_contradictions
        from rightscan.adapters.text.corrections import corrected_symptoms
        from rightscan.adapters.text.note_language import symptoms_to_confirm
        from rightscan.adapters.text.safety_nets import read

        mentions = proxy_writer.carry(self.rules, mentions, text)  # round 50v: a relative's message, her own "I"
        out = without_contradictions(self.kb, read(self.rules, mentions, self.procedure_names))
        out = proxy_writer.demographics(self.rules, out, text)
        unread = symptoms_to_confirm(text, out.facts, self.rules.red_flag_readings)  # round 24: another language
        if unread is not None:
            out.to_confirm.append(unread)
        taken_back = corrected_symptoms(mentions, out.facts, self.rules.red_flag_readings)  # round 27
        if taken_back is not None:
            out.to_confirm.append(taken_back)
        return out


def _release_frozen() -> None:
    """Let the collector free the pipeline just replaced. A process that froze what it built at start-up
    (``gc.freeze()``: the service after its warm-up, the CLI before a batch) hides that pipeline from the
    collector for good, and a spaCy pipeline is held together by reference cycles, so it was never freed
    (about 40 MB of objects per rebuild). Unfreeze, collect, and freeze again what is still alive (the new
    pipeline with it), so the freeze keeps its purpose. Nothing happens in a process that froze nothing."""
    import gc

    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
        gc.freeze()


_ENGINES: dict[str | None, _Engine] = {}
_BUILD_LOCK = threading.Lock()


def _engine(directory: str | None = None) -> _Engine:
    engine = _ENGINES.get(directory)
    if engine is None:
        with _BUILD_LOCK:
            engine = _ENGINES.get(directory)
            if engine is None:
                if len(_ENGINES) >= 2:  # candidate rule directories are a development tool: keep few
                    _ENGINES.pop(next(iter(_ENGINES)))
                engine = _ENGINES[directory] = _Engine(directory)
    return engine


def _check(text: str) -> str:
    if not isinstance(text, str):
        raise InputError("note", "must be text")
    if len(text) > MAX_NOTE_CHARS:
        raise InputError("note", f"longer than {MAX_NOTE_CHARS} characters")
    return visible(text)  # words hidden by invisible characters read as written (same length, same offsets)


def warm_up(rules_dir: str | None = None) -> None:
    """Build the pipeline now instead of on first use (10-17 CPU-seconds at 2026-12-04: the rules' regular expressions,
    the expanded target phrases and the ConText cues; README, issue 8's table)."""
    _engine(rules_dir)


def extract(text: str, rules_dir: str | None = None) -> Extraction:
    """One note -> ``Extraction``. Raises ``InputError`` for non-text or an over-long note, or naming ``note`` when
    the reader itself fails on it (``fault.py``), and ``RulesError`` when the rule files are invalid."""
    engine = _engine(rules_dir)
    text = _check(text)
    if not text.strip():
        return Extraction(facts={}, rules_version=engine.rules.version)
    out = guarded(lambda: engine.run(engine.mentions(text), text), engine.rules.version)
    if out.fault:
        raise InputError("note", out.fault)
    return out


def extract_many(texts: Iterable[str], batch_size: int = 64, rules_dir: str | None = None) -> Iterator[Extraction]:
    """Many notes, in order, through spaCy's batched ``pipe`` (the fast path for JSON Lines).

    The pipeline is held for one chunk of ``batch_size`` notes at a time, so other threads can run
    between chunks and memory stays bounded by a chunk. A text that is not acceptable raises
    ``InputError`` after the notes before it have been yielded. A note the reader itself fails on is yielded with no
    facts and ``fault`` set (``fault.py``), and the notes after it are read."""
    engine = _engine(rules_dir)
    source = iter(texts)
    while True:
        chunk: list[str] = []
        problem: InputError | None = None
        for text in itertools.islice(source, batch_size):
            try:
                chunk.append(_check(text))
            except InputError as exc:
                problem = exc
                break
        if chunk:
            with engine.lock:
                engine.renew_if_full()
                found = list(engine.analyser.mentions_many(chunk, batch_size=batch_size))
            for text, mentions in zip(chunk, found, strict=True):
                yield guarded(lambda t=text, m=mentions: engine.run(m, t), engine.rules.version)
        if problem is not None:
            raise problem
        if len(chunk) < batch_size:
            return
