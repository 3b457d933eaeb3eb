"""The knowledge YAML files: their schemas (``schemas``), the builder of ``Knowledge`` (``build``), the
compiled cache that spares start-up the YAML and the validation (``cache``) and the generated JSON Schemas
(``jsonschema``). The entry point is ``rightscan.adapters.knowledge_files.load_knowledge``."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rightscan.package_data import YamlError, read_yaml

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")
# Folders of knowledge served as topics besides the packaged one (path-separated; adapters.topic_files).
ENV_TOPICS = "RIGHTSCAN_TOPICS"


class KnowledgeError(RuntimeError):
    """The knowledge base is invalid; the message names the file and the location."""


def read_validated(source: Traversable | Path, model: type[M], error: type[Exception] = KnowledgeError) -> M:
    """One knowledge file, parsed (``package_data.read_yaml``) and validated against ``model``.

    Any problem is an ``error`` (default ``KnowledgeError``) naming the file and, for a schema violation,
    the place in it (never the file's values).
    """
    from pydantic import ValidationError

    try:
        raw = read_yaml(source)
    except (OSError, YamlError) as exc:
        raise error(f"{source.name}: cannot read: {exc}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise error(f"{source.name}: {where}: {first['msg']} ({exc.error_count()} error(s))") from None
