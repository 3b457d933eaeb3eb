"""Load the knowledge base: the YAML files under ``rightscan/knowledge``, validated, as ``Knowledge``.

Any schema violation or broken cross-reference stops loading with ``KnowledgeError`` naming the
file and the path inside it. The files ship inside the package; another directory can be given for
testing a candidate knowledge release. The shipped knowledge is built once per version of the files and
of the code and then read from the compiled cache (``kbfiles.cache``), which spares start-up PyYAML,
pydantic's schema models and the validation. Schemas: ``kbfiles.schemas``; builders: ``kbfiles.build``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from rightscan.adapters.kbfiles import ENV_TOPICS, KnowledgeError, cache
from rightscan.adapters.loinc_table import FILE_NAME as LOINC_FILE
from rightscan.adapters.loinc_table import LoincTable
from rightscan.domain.knowledge import Knowledge
from rightscan.package_data import resource

__all__ = ["KNOWLEDGE_DIR", "KnowledgeError", "load_knowledge"]

KNOWLEDGE_DIR = resource("knowledge")


@lru_cache(maxsize=4)
def load_knowledge(directory: str | None = None) -> Knowledge:
    """Load and validate the knowledge base (cached per directory; the shipped one also on disk)."""
    if directory:
        return _runtime(_build(Path(directory)), Path(directory))
    if cache.directory() is None:
        return _runtime(_build(KNOWLEDGE_DIR), KNOWLEDGE_DIR)
    digest = cache.key(KNOWLEDGE_DIR)
    kb = cache.load(digest)
    if kb is None:
        kb = _build(KNOWLEDGE_DIR)
        cache.store(digest, kb)
    return _runtime(kb, KNOWLEDGE_DIR)


def _build(base: Traversable) -> Knowledge:
    from rightscan.adapters.kbfiles.build import build_knowledge  # PyYAML and pydantic: only when building

    return build_knowledge(base)


def _runtime(kb: Knowledge, base: Traversable) -> Knowledge:
    """What the built (and cached) knowledge refers to and reads at run time: the LOINC table, on first use,
    and the topic folders ``RIGHTSCAN_TOPICS`` names (read anew by every process, never cached)."""
    kb = replace(kb, loinc_names=LoincTable(base / LOINC_FILE, KnowledgeError))  # type: ignore[arg-type]
    if not os.environ.get(ENV_TOPICS):
        return kb
    from rightscan.adapters.topic_files import TopicError, with_topics  # only when topics are served

    try:
        return with_topics(kb)
    except TopicError as exc:
        raise KnowledgeError(str(exc)) from None
