"""Files shipped inside the package, and the one YAML reader.

Package data is reached through ``importlib.resources`` (``files()``), never by path arithmetic from
``__file__``: it then works from a wheel, an editable checkout or a zip. ``resource`` gives a
``Traversable`` to read; ``resource_path`` gives a real directory or file for libraries that need one
(Jinja, Starlette's static files, Alembic, Spark), extracted once per process when the package is not on
disk.

``read_yaml`` is how every YAML file is read (knowledge, extraction rules, FHIR codes, audit
definitions, configuration): safe loading only, with libyaml when it is installed, UTF-8.
"""

from __future__ import annotations

import atexit
import os
from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

PACKAGE = "rightscan"
_extracted = ExitStack()
atexit.register(_extracted.close)


def resource(*parts: str) -> Traversable:
    """A file or directory shipped in the package, e.g. ``resource("knowledge", "manifest.yaml")``."""
    return files(PACKAGE).joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """``resource`` as a file-system path, for libraries that open files by name themselves."""
    ref = resource(*parts)
    if isinstance(ref, Path):
        return ref
    return _extracted.enter_context(as_file(ref))  # a zipped install: extracted once, removed at exit


class YamlError(ValueError):
    """A YAML file could not be parsed. ``problem_mark`` (when known) has the 0-based line and column;
    ``kind`` names the parser's own error class (``ScannerError``, ``ParserError``, ...)."""

    def __init__(self, message: str, problem_mark: Any = None, kind: str = "YAMLError") -> None:
        super().__init__(message)
        self.problem_mark = problem_mark
        self.kind = kind


def read_yaml(source: Traversable | str | os.PathLike[str]) -> Any:
    """Parse one YAML file. ``OSError`` when it cannot be read; ``YamlError`` when it is not YAML."""
    import yaml  # here, not at import: start-up from the compiled knowledge cache never parses YAML

    ref = Path(source) if isinstance(source, str | os.PathLike) else source
    data = ref.read_bytes()
    try:
        return yaml.load(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except UnicodeDecodeError as exc:
        raise YamlError(f"not UTF-8 text (byte {exc.start})", kind="UnicodeDecodeError") from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), getattr(exc, "problem_mark", None), type(exc).__name__) from None
